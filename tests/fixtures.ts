/**
 * @module Test fixtures: a real libSQL database (a temp file, migrated) and the
 * app over it. No mocks: tests go through app.request() like a client would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.ts';
import { createContext, type AppContext } from '../server/context.ts';
import { parseEnv } from '../server/env.ts';

export async function testApp(opts: { now?: () => Date; seed?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'wss-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const ctx: AppContext = await createContext(parseEnv({ DATABASE_URL: url, NODE_ENV: 'test' }), { now: opts.now });
  if (opts.seed) {
    const { seedDemo } = await import('../server/services/demo-seed.ts');
    await seedDemo(ctx);
  }
  const app = createApp(ctx);
  return {
    ctx,
    app,
    url,
    close() {
      ctx.database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** JSON request helper that keeps cookies like a browser would. */
export function client(app: { request: (input: string, init?: RequestInit) => Response | Promise<Response> }) {
  let cookie = '';
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await app.request(path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) {
      const m = /wss_session=([^;]*)/.exec(set);
      if (m) cookie = m[1] ? `wss_session=${m[1]}` : '';
    }
    return res;
  }
  return {
    get: (p: string, h?: Record<string, string>) => call('GET', p, undefined, h),
    post: (p: string, b?: unknown, h?: Record<string, string>) => call('POST', p, b, h),
    get cookie() {
      return cookie;
    },
    set cookie(v: string) {
      cookie = v;
    },
  };
}
