// CPU per operation of each part of a ballot request, in-process, concurrency C (so group commit groups).
import { readFileSync, copyFileSync, rmSync } from 'node:fs';
import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import { createContext } from '../../server/context.ts';
import { parseEnv } from '../../server/env.ts';
import { createApp } from '../../server/app.ts';
import { authenticate } from '../../server/services/accounts.ts';
import { castBallot } from '../../server/services/ballots.ts';
copyFileSync('/tmp/prof/site-clean.db', '/tmp/prof/parts.db'); for (const f of ['-wal', '-shm']) rmSync('/tmp/prof/parts.db' + f, { force: true });
const data = JSON.parse(readFileSync('/tmp/prof/data.json', 'utf8'));
const ctx = await createContext(parseEnv({ DATABASE_URL: 'file:/tmp/prof/parts.db', NODE_ENV: 'production' }));
const app = createApp(ctx);
await ctx.database.client.execute('create table if not exists bench_rows (id integer primary key, voter text not null, body text not null, at integer not null)');
const bare = new Hono().post('/api/_bench/insert', async (c) => {
  const body = (await c.req.json()) as { voter: string; projects: string[] };
  const id = await ctx.database.write(async (tx) => Number((await tx.run(sql`insert into bench_rows (voter, body, at) values (${body.voter}, ${JSON.stringify(body.projects)}, ${Date.now()})`)).lastInsertRowid));
  return c.json({ id }, 201);
});
const C = 64;
let voterNext = 0;
async function measure(name: string, n: number, op: (k: number) => Promise<unknown>) {
  let i = 0;
  const c0 = process.cpuUsage(); const t0 = performance.now();
  await Promise.all(Array.from({ length: C }, async () => { while (i < n) { const k = i++; await op(k); } }));
  const cu = process.cpuUsage(c0);
  console.log(name.padEnd(34), `${((cu.user + cu.system) / n).toFixed(0).padStart(6)} µs cpu/op   ${(n / (performance.now() - t0) * 1000).toFixed(0)}/s`);
}
const voter = () => data.voters[voterNext++ % data.voters.length];
const body = (k: number) => JSON.stringify({ projects: data.projectIds.slice(0, 1 + (k % 3)) });
for (let round = 0; round < 2; round++) {
  console.log(`-- round ${round}`);
  await measure('bare insert via Hono app.request', 3000, async (k) => {
    const r = await bare.request('/api/_bench/insert', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ voter: 'x', projects: data.projectIds.slice(0, 2) }) });
    if (r.status !== 201) throw new Error(String(r.status));
  });
  await measure('GET /api/health via app', 3000, async () => { await app.request('/api/health'); });
  await measure('authenticate()', 3000, async () => { await authenticate(ctx, voter().token); });
  await measure('castBallot() (with auth)', 2000, async (k) => { const a = await authenticate(ctx, voter().token); const r = await castBallot(ctx, data.cycleId, { projects: data.projectIds.slice(0, 1 + (k % 3)) }, a!.actor); if (!r.ok) throw new Error(r.code); });
  await measure('POST ballot via app.request', 2000, async (k) => {
    const r = await app.request(`/api/cycles/${data.cycleId}/ballot`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `wss_session=${voter().token}` }, body: body(k) });
    if (r.status !== 201) throw new Error(String(r.status) + (await r.text()));
  });
}
ctx.database.close();
