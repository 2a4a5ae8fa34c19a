/**
 * The operator's request log, from a real server process (the production
 * boot without the pages, scripts/api-server.ts) on a demo database: one JSON
 * line per request, and nothing personal in any of them.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startApiServer, tempDir, type Started } from '#bench/lib/server.ts';
import { parseEnv } from '../env.ts';
import { createContext } from '../context.ts';
import { seedDemo } from '../services/demo-seed.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';

let dir: string;
let site: Started;

beforeAll(async () => {
  dir = tempDir('wss-log-test-');
  const databaseUrl = `file:${join(dir, 'site.db')}`;
  const ctx = await createContext(parseEnv({ DATABASE_URL: databaseUrl, NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
  await seedDemo(ctx);
  ctx.database.close();
  site = await startApiServer({ port: await freePort(), databaseUrl, env: { LOG_LEVEL: 'info' }, stdout: true });
}, 120_000);

afterAll(async () => {
  await site?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Line = { level: string; time: string; msg: string; reqId: string; method: string; route: string | null; status: number; ms: number; bytes: number; accountId: string | null };

async function lineOf(reqId: string): Promise<Line> {
  // The line is written when the response has been sent; give the process a moment to flush it.
  for (let i = 0; i < 50; i++) {
    const found = site.stdout().split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((l: Line) => l.reqId === reqId);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no log line for ${reqId}:\n${site.stdout()}`);
}

describe('request log', () => {
  it('each request is logged as one JSON line with its route, status and duration', async () => {
    const health = await fetch(`${site.url}/api/health`);
    const id = health.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    const body = await health.text();
    expect(await lineOf(id)).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      msg: 'request',
      reqId: id,
      method: 'GET',
      route: '/api/health',
      status: 200,
      ms: expect.any(Number),
      bytes: Buffer.byteLength(body),
      accountId: null,
    });

    // The route pattern, never the address asked for (it may carry a code or a search).
    const missing = await fetch(`${site.url}/api/projects/LTJD-LHSQ-2026-99`);
    expect(await lineOf(missing.headers.get('x-request-id')!)).toMatchObject({ route: '/api/projects/:code', status: 404 });

    // Signed in: the account id, and nothing else about the person.
    const signIn = await fetch(`${site.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', origin: site.url }, body: JSON.stringify({ login: 'resident_lt', password: DEMO_PASSWORD }) });
    const { accountId } = await signIn.json();
    expect(await lineOf(signIn.headers.get('x-request-id')!)).toMatchObject({ method: 'POST', route: '/api/auth/sign-in', status: 200, accountId: null });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const mine = await fetch(`${site.url}/api/notifications`, { headers: { cookie } });
    expect(await lineOf(mine.headers.get('x-request-id')!)).toMatchObject({ route: '/api/notifications', status: 200, accountId });

    // Every line is JSON, one per request, and none carries the password, the login, the cookie or a query.
    await fetch(`${site.url}/api/projects?q=${encodeURIComponent('照明')}`);
    await new Promise((r) => setTimeout(r, 200));
    const out = site.stdout();
    const lines = out.split('\n').filter(Boolean);
    for (const l of lines) expect(() => JSON.parse(l), l).not.toThrow();
    expect(lines.filter((l) => JSON.parse(l).msg === 'request').length).toBeGreaterThanOrEqual(5);
    // (Demo account ids are made from their logins, `demo-resident_lt`; real ones are random.)
    const withoutIds = out.replaceAll(accountId, '');
    for (const secret of [DEMO_PASSWORD, 'resident_lt', cookie.split('=')[1]!, '照明', '%E7%85%A7']) expect(withoutIds).not.toContain(secret);
  });
});
