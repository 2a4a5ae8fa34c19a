/**
 * Page middleware: make sure the AppContext is there (given by server/serve.ts
 * in production, created lazily in `astro dev`), refuse cross-site
 * state-changing requests, load the session and pick the language, and set
 * the headers every page carries (its Content-Security-Policy is Astro's own,
 * configured in astro.config.mjs).
 */
import { defineMiddleware } from 'astro:middleware';
import { SESSION_COOKIE, sessionCookieAttributes } from '../server/auth/sessions.ts';
import { authenticate } from '../server/services/accounts.ts';
import { isSameOrigin } from '../server/http/origin.ts';
import { SECURITY_HEADERS, setSecurityHeaders } from '../server/http/security-headers.ts';
import { LANG_COOKIE, pickLocale } from './i18n/messages.ts';
import { noteSecurityEvent } from '../server/services/security-log.ts';
import { submitPageForm } from '#http/form-edge.ts';
import type { Caller, CookieChange } from '#cases/use-case.ts';
import { PAGE_FORMS } from './forms/index.ts';
import { DISPLAY_MODE_COOKIE, TEXT_SIZE_COOKIE, displayOf } from '#cases/display.ts';
import { say } from '#messages/say.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

type Context = Parameters<Parameters<typeof defineMiddleware>[0]>[0];

function writeCookies(context: Context, changes: readonly CookieChange[]): void {
  for (const k of changes) {
    if ('delete' in k) context.cookies.delete(k.name, { path: '/' });
    else context.cookies.set(k.name, k.value, k.attributes);
  }
}

/**
 * A form posted to a page goes to its use case's page edge (server/http/form-edge.ts),
 * never to the page: done, the browser is sent on (303); refused, the page is
 * rendered as for a GET with what the edge left in `locals.form`. Null: no form
 * is declared for this page, which then renders as for a GET, changing nothing.
 */
async function submitted(context: Context): Promise<Response | null> {
  const { locals } = context;
  let address = 'local';
  try {
    address = context.clientAddress ?? 'local';
  } catch {}
  const caller: Caller = { ctx: locals.ctx, auth: locals.auth, locale: locals.locale, address, cookie: (name) => context.cookies.get(name)?.value };
  // A copy of the request is read, so the page can still rewrite itself (to /404) after a refused post.
  const outcome = await submitPageForm(PAGE_FORMS, context.routePattern, context.params, context.request.clone(), caller, context.url);
  if (!outcome) return null;
  writeCookies(context, outcome.cookies);
  if ('redirect' in outcome) return context.redirect(outcome.redirect, 303);
  locals.form = outcome.state;
  return null;
}

export const onRequest = defineMiddleware(async (context, next) => {
  const { locals, request, cookies } = context;
  if (!locals.ctx) {
    const { devContext } = await import('../server/dev-context.ts');
    locals.ctx = await devContext();
  }
  const ctx = locals.ctx;
  locals.locale = pickLocale(cookies.get(LANG_COOKIE)?.value, request.headers.get('accept-language'));
  // The care version can be a link (`?mode=care`): opening it switches and remembers, like the switch in the header.
  const asked = request.method === 'GET' ? context.url.searchParams.get('mode') : null;
  if (asked === 'care' || asked === 'standard') {
    cookies.set(DISPLAY_MODE_COOKIE, asked, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: false, secure: ctx.secureCookies });
  }
  locals.display = displayOf(asked === 'care' || asked === 'standard' ? asked : cookies.get(DISPLAY_MODE_COOKIE)?.value, cookies.get(TEXT_SIZE_COOKIE)?.value);

  // Dev mode serves the API through the catch-all page route; it does its own checks.
  if (context.url.pathname.startsWith('/api/')) return next();

  if (!SAFE.has(request.method) && !isSameOrigin(request.headers, ctx.allowedOrigins)) {
    return new Response(say.reasons(locals.locale, 'http.cross_origin_form'), {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
    });
  }

  const token = cookies.get(SESSION_COOKIE)?.value;
  locals.auth = token ? await authenticate(ctx, token) : null;
  if (token && !locals.auth) cookies.delete(SESSION_COOKIE, { path: '/' });
  if (locals.auth) {
    // Keep the cookie's expiry in step with the sliding session.
    cookies.set(SESSION_COOKIE, token!, sessionCookieAttributes(ctx.secureCookies, locals.auth.sessionExpiresAt, ctx.now()));
  }
  const response = (request.method === 'POST' && (await submitted(context))) || (await next());
  locals.noteRequest?.({ route: context.routePattern, accountId: locals.auth?.account.id ?? null });
  // A page refused (403) or a limit hit (429) goes to the security log; sign-in throttles are logged by the sign-in itself.
  if (response.status === 403 || (response.status === 429 && context.routePattern !== '/signin')) {
    await noteSecurityEvent(ctx, { kind: response.status === 403 ? 'forbidden' : 'rate_limited', accountId: locals.auth?.account.id ?? null, address: context.clientAddress ?? null, what: `${request.method} ${context.routePattern}`, outcome: 'refused', detail: { status: response.status }, requestId: locals.requestId ?? null });
  }
  setSecurityHeaders(response.headers);
  if (!response.headers.has('x-frame-options')) response.headers.set('x-frame-options', 'DENY');
  return response;
});
