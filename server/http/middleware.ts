/**
 * @module Request middleware for the API: origin check on every
 * state-changing request (Astro's own check covers only form posts, and we
 * answer JSON too), session loading, locale.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppContext } from '../context.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { authenticate } from '../services/accounts.ts';
import type { AppEnv } from './router.ts';
import { errorBody, genericMessage, localeOf } from './errors.ts';
import { isSameOrigin } from './origin.ts';

export { isSameOrigin };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function originCheck(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && !isSameOrigin(c.req.raw.headers, ctx.allowedOrigins)) {
      const locale = localeOf(c);
      return c.json(errorBody('cross_origin', genericMessage('cross_origin', locale)), 403);
    }
    await next();
  };
}

export function contextMiddleware(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('ctx', ctx);
    c.set('locale', localeOf(c));
    const token = getCookie(c, SESSION_COOKIE);
    c.set('auth', token ? await authenticate(ctx, token) : null);
    await next();
  };
}

/** The client's address for rate limiting: the socket's, unless a trusted proxy says otherwise. */
export function clientKey(c: { req: { header(name: string): string | undefined }; env: unknown }): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? c.req.header('x-real-ip') ?? 'local';
}
