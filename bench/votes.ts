/**
 * npm run bench:votes — ballots per second on the production server, against
 * a baseline measured in the same run, and whether any acknowledged ballot
 * was lost or duplicated.
 *
 *   npm run bench:votes                                  20,000 residents, 20 s
 *   npm run bench:votes -- --residents 5000 --seconds 10 --connections 64 --port 4451
 *
 * 1. Build if there is no build (WSS_DIST_DIR, default dist/).
 * 2. A fresh database file: the demo data (仙湖社区's 2026 vote is open:
 *    approval, up to 5 of its shortlisted projects) plus N verified
 *    residents of 仙湖, each with a signed-in session (bench/lib/seed.ts).
 * 3. Start the production server (node server/serve.ts, NODE_ENV=production)
 *    on it; warm up briefly; then `--connections` keep-alive connections cast
 *    and change ballots through POST /api/cycles/{id}/ballot for `--seconds`.
 *    Voter i mod N sends the i-th request, so each voter casts and then
 *    changes their ballot a few times.
 * 4. Stop the server and count from the database: lost = acknowledged
 *    receipts (201 + receiptCode) not stored for that voter; duplicated =
 *    voters with more than one current ballot + receipts stored or
 *    acknowledged more than once. The audit chain is verified too.
 * 5. Baseline: bench/lib/baseline-server.ts — a bare Hono endpoint that
 *    inserts one row through the same db/client.ts write queue (group
 *    commit, WAL, synchronous=FULL), on its own fresh database file, driven
 *    by the same generator with the same connections and duration.
 *
 * The last line is exactly:
 *   votes: ballots/s <X>, baseline <Y>, ratio <X/Y>, p50 <ms>, p99 <ms>, acknowledged <A>, lost <L>, duplicated <D>, cpu_us_per_ballot <C>
 * where C is the server process's CPU time (user + system) during the measured
 * run divided by the ballots it acknowledged.
 */
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { args } from './lib/args.ts';
import { ensureBuild, freePort, startBaseline, startSite, tempDir } from './lib/server.ts';
import { seedBench } from './lib/seed.ts';
import { drive } from './lib/load.ts';
import { ballotWorkload, baselineWorkload } from './lib/workload.ts';
import { auditVerify, checkBallots, type Ack } from './lib/check.ts';

const opt = args(process.argv.slice(2), { residents: 20_000, seconds: 20, connections: 64, warmup: 2, port: 0, 'keep-db': 0 });
const log = (s: string) => console.log(s);
const cpuSince = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
};

ensureBuild(log);
const dir = tempDir('wss-bench-votes-');
const siteDb = `file:${join(dir, 'site.db')}`;
const baseDb = `file:${join(dir, 'baseline.db')}`;
const port = opt.port || (await freePort());

log(`bench:votes — ${opt.residents} residents, ${opt.seconds} s, ${opt.connections} connections, database ${siteDb}`);
const data = await seedBench(siteDb, opt.residents, (s) => log(`  seed: ${s}`));

// --- the site -------------------------------------------------------------
const site = await startSite({ port, databaseUrl: siteDb });
const acks: Ack[] = [];
let offset = 0;
if (opt.warmup > 0) {
  const w = ballotWorkload(data);
  const warm = await drive({ url: site.url, connections: opt.connections, seconds: opt.warmup, next: w.next, accept: w.accept });
  acks.push(...warm.acknowledged);
  offset = warm.sent;
  log(`  warm-up: ${warm.acknowledged.length} ballots in ${warm.seconds.toFixed(1)} s`);
}
const work = ballotWorkload(data, offset);
const siteCpu0 = site.cpuSeconds();
const loadCpu0 = process.cpuUsage();
const run = await drive({ url: site.url, connections: opt.connections, seconds: opt.seconds, next: work.next, accept: work.accept });
acks.push(...run.acknowledged);
const siteCpu = site.cpuSeconds() - siteCpu0;
const cpuUsPerBallot = (siteCpu * 1e6) / Math.max(1, run.acknowledged.length);
const loadCpu = cpuSince(loadCpu0);
await site.stop();
const ballotsPerSecond = run.acknowledged.length / run.seconds;
log(`  ballots: ${run.acknowledged.length} acknowledged in ${run.seconds.toFixed(1)} s; statuses ${JSON.stringify(run.statuses)}, errors ${run.errors}, timeouts ${run.timeouts}`);
log(`  CPU: server ${siteCpu.toFixed(1)} s (${((siteCpu * 1e6) / Math.max(1, run.acknowledged.length)).toFixed(0)} µs per ballot), load generator ${loadCpu.toFixed(1)} s, in ${run.seconds.toFixed(1)} s on ${availableParallelism()} cores`);
log(`  latency ms: p50 ${run.latency.p50}, p90 ${run.latency.p90}, p99 ${run.latency.p99}, max ${run.latency.max}, mean ${run.latency.mean.toFixed(1)}`);

const check = await checkBallots(siteDb, data.cycleId, acks);
log(`  database: ${check.stored} ballots stored, ${check.current} current; acknowledged ${check.acknowledged} (incl. warm-up), lost ${check.lost} (misfiled ${check.misfiled}), duplicated ${check.duplicated}`);
const audit = await auditVerify(siteDb);
log(`  audit:verify: ${audit.output}`);

// --- the baseline ---------------------------------------------------------
const base = await startBaseline({ port, databaseUrl: baseDb });
const bw = baselineWorkload(data);
if (opt.warmup > 0) await drive({ url: base.url, connections: opt.connections, seconds: opt.warmup, next: bw.next, accept: bw.accept });
const baseCpu0 = base.cpuSeconds();
const baseLoadCpu0 = process.cpuUsage();
const baseRun = await drive({ url: base.url, connections: opt.connections, seconds: opt.seconds, next: bw.next, accept: bw.accept });
const baseCpu = base.cpuSeconds() - baseCpu0;
const baseLoadCpu = cpuSince(baseLoadCpu0);
await base.stop();
const baselinePerSecond = baseRun.acknowledged.length / baseRun.seconds;
log(`  baseline (bare Hono insert, same write queue and durability): ${baseRun.acknowledged.length} rows in ${baseRun.seconds.toFixed(1)} s; statuses ${JSON.stringify(baseRun.statuses)}; latency ms p50 ${baseRun.latency.p50}, p99 ${baseRun.latency.p99}; CPU: server ${baseCpu.toFixed(1)} s (${((baseCpu * 1e6) / Math.max(1, baseRun.acknowledged.length)).toFixed(0)} µs per row), load generator ${baseLoadCpu.toFixed(1)} s`);

if (!opt['keep-db']) rmSync(dir, { recursive: true, force: true });
else log(`  databases kept in ${dir}`);

const duplicated = check.duplicated;
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');
if (!audit.ok) log('  WARNING: the audit chain did not verify');
console.log(
  `votes: ballots/s ${fmt(ballotsPerSecond)}, baseline ${fmt(baselinePerSecond)}, ratio ${(ballotsPerSecond / baselinePerSecond).toFixed(2)}, p50 ${run.latency.p50}, p99 ${run.latency.p99}, acknowledged ${check.acknowledged}, lost ${check.lost}, duplicated ${duplicated}, cpu_us_per_ballot ${fmt(cpuUsPerBallot)}`,
);
