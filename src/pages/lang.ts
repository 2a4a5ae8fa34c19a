/** POST /lang: remember the chosen language for a year and go back where the visitor was. */
import type { APIRoute } from 'astro';
import { LANG_COOKIE } from '../i18n/messages.ts';
import { safeNext } from '../lib/view.ts';

export const POST: APIRoute = async ({ request, cookies, redirect, locals }) => {
  const form = await request.formData().catch(() => null);
  const to = form?.get('to') === 'en' ? 'en' : 'zh-CN';
  cookies.set(LANG_COOKIE, to, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: false, secure: locals.ctx.secureCookies });
  const back = form?.get('back');
  return redirect(safeNext(typeof back === 'string' ? back : null), 303);
};
