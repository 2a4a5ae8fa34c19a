/**
 * /display: the care version switch and the text-size buttons in every page's header
 * post here; the page edge runs their use case (src/forms/participation.ts),
 * which remembers the choice and goes back where the visitor was. Opened
 * directly, it goes home.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ redirect }) => redirect('/', 303);
