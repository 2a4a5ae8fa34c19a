/** POST /signout: end this session and go home. */
import type { APIRoute } from 'astro';
import { SESSION_COOKIE } from '#server/auth/sessions.ts';
import { signOut } from '#services/accounts.ts';

export const POST: APIRoute = async ({ locals, cookies, redirect }) => {
  if (locals.auth) await signOut(locals.ctx, locals.auth.sessionId, locals.auth.account.id);
  cookies.delete(SESSION_COOKIE, { path: '/' });
  return redirect('/', 303);
};
