/**
 * @module Body limits without reading the request twice. Hono's bodyLimit
 * looks at `c.req.raw.body` first, which makes @hono/node-server build a full
 * WHATWG Request and a web stream over the socket for every request — about
 * a tenth of the CPU of a ballot (bench/votes.ts, --cpu-prof). Here a request
 * that declares its length (and is not chunked) is judged on that header, as
 * Hono's middleware does; only a body without a Content-Length goes through
 * Hono's counting middleware, which stops reading at the limit.
 */
import type { Context, MiddlewareHandler, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counting = bodyLimit({ maxSize, onError });
  return async (c: Context, next: Next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const headers = c.req.raw.headers;
    const length = headers.get('content-length');
    if (length !== null && !headers.has('transfer-encoding')) return parseInt(length, 10) > maxSize ? onError(c) : next();
    return counting(c, next);
  };
}
