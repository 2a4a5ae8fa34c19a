import { readFileSync, copyFileSync, rmSync } from 'node:fs';
import { createContext } from '../../server/context.ts';
import { parseEnv } from '../../server/env.ts';
import { authenticate } from '../../server/services/accounts.ts';
import { castBallot } from '../../server/services/ballots.ts';
copyFileSync('/tmp/prof/site-clean.db', '/tmp/prof/inproc.db'); rmSync('/tmp/prof/inproc.db-wal', { force: true }); rmSync('/tmp/prof/inproc.db-shm', { force: true });
const data = JSON.parse(readFileSync('/tmp/prof/data.json', 'utf8'));
const ctx = await createContext(parseEnv({ DATABASE_URL: 'file:/tmp/prof/inproc.db', NODE_ENV: 'production' }));
const N = Number(process.argv[2] ?? 3000), C = Number(process.argv[3] ?? 64);
const mode = process.argv[4] ?? 'all';
let i = 0; const lat: number[] = [];
const t0 = performance.now(); const c0 = process.cpuUsage();
let authT = 0, castT = 0;
async function worker() {
  while (i < N) {
    const k = i++; const v = data.voters[k % data.voters.length];
    const s = performance.now();
    const auth = await authenticate(ctx, v.token);
    const m = performance.now(); authT += m - s;
    if (mode !== 'auth') {
      const r = await castBallot(ctx, data.cycleId, { projects: data.projectIds.slice(0, 1 + (k % 3)) }, auth!.actor);
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
    castT += performance.now() - m;
    lat.push(performance.now() - s);
  }
}
await Promise.all(Array.from({ length: C }, worker));
const el = performance.now() - t0; const cu = process.cpuUsage(c0);
lat.sort((a, b) => a - b);
console.log(`${mode}: cpu/op ${((cu.user + cu.system) / N).toFixed(0)}µs (sys ${(cu.system / N).toFixed(0)}),  ${(N / el * 1000).toFixed(0)}/s, p50 ${lat[Math.floor(N / 2)].toFixed(1)} p99 ${lat[Math.floor(N * 0.99)].toFixed(1)}; auth sum ${authT.toFixed(0)} cast sum ${castT.toFixed(0)}`);
ctx.database.close();
