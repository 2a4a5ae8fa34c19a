/**
 * /lang: the language switch in every page's header posts here; the page
 * edge runs its use case (src/forms/participation.ts), which remembers the
 * choice for a year and goes back where the visitor was. Opened directly, it
 * goes home.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ redirect }) => redirect('/', 303);
