/**
 * /signout: the sign-out button posts here; the page edge runs its use case
 * (src/forms/participation.ts), which ends the session and goes home. Opened
 * directly, it shows the account page (where the button is).
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ redirect }) => redirect('/account', 303);
