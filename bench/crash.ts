/**
 * npm run bench:crash — kill -9 the production server under voting load, five
 * times, and check that no acknowledged ballot was lost or duplicated and
 * that the audit chain still verifies.
 *
 *   npm run bench:crash
 *   npm run bench:crash -- --runs 5 --residents 20000 --connections 32 --port 4451
 *
 * Same data and load as bench:votes (bench/lib/seed.ts, bench/lib/workload.ts).
 * Each run: start the server (node server/serve.ts) on the same database
 * file, drive ballots, and at a random moment between --min-ms and --max-ms
 * send it SIGKILL — no shutdown handler runs, nothing is flushed that was
 * not already durable. Then restart it on the same file (SQLite recovers the
 * WAL), and check from the database that every ballot acknowledged so far —
 * in this run and all earlier ones — is stored exactly once for the voter
 * who cast it, that no voter has two current ballots, and that the audit
 * chain verifies (the check `npm run audit:verify` makes). The last 50
 * receipts are also looked up through the restarted server's public receipt
 * check (bench/lib/crash.ts).
 *
 * This exercises a process crash. A power cut is the same problem one level
 * down (the OS's page cache is lost too): acknowledged writes survive it
 * because the write queue answers only after the commit, which with
 * synchronous=FULL has been fsynced; that part cannot be simulated here.
 *
 * Exit code 1 when any run lost or duplicated an acknowledged ballot, the
 * restarted server did not find a sampled receipt, or the audit chain did not
 * verify; the reasons are printed first. The last line is exactly:
 *   crash: runs <n>, acknowledged <A>, lost <L>, duplicated <D>, audit intact   (or "audit broken")
 *
 * `--sigterm 1` sends SIGTERM instead: a graceful stop (a deploy). The server
 * must finish the requests in flight, wait for every write to be answered,
 * close the database and exit 0 (a run where it does not fails); the same
 * checks follow.
 *
 * Its short version (one kill and one SIGTERM, a few seconds of load each)
 * runs in `npm test`: bench/crash.test.ts.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { args } from './lib/args.ts';
import { ensureBuild, freePort, startSite, tempDir, type Started } from './lib/server.ts';
import { seedBench } from './lib/seed.ts';
import { checkAfterCrash, killDuringVoting } from './lib/crash.ts';
import type { Ack } from './lib/check.ts';

const opt = args(process.argv.slice(2), { runs: 5, residents: 20_000, connections: 32, 'min-ms': 1500, 'max-ms': 5000, port: 0, 'keep-db': 0, sigterm: 0 });
/** --sigterm 1: stop the server gracefully (a deploy) instead of killing it (a crash); it must then exit 0. */
const signal = opt.sigterm ? 'SIGTERM' : 'SIGKILL';
const log = (s: string) => console.log(s);

ensureBuild(log);
const dir = tempDir('wss-bench-crash-');
const databaseUrl = `file:${join(dir, 'site.db')}`;
const port = opt.port || (await freePort());
log(`bench:crash — ${signal}, ${opt.runs} runs, ${opt.residents} residents, ${opt.connections} connections, database ${databaseUrl}`);
const data = await seedBench(databaseUrl, opt.residents, (s) => log(`  seed: ${s}`));

const acks: Ack[] = [];
const failures: string[] = [];
let sent = 0;
let auditOk = true;
let last = { lost: 0, duplicated: 0 };
let site: Started = await startSite({ port, databaseUrl });
for (let run = 1; run <= opt.runs; run++) {
  const killAfter = opt['min-ms'] + Math.random() * (opt['max-ms'] - opt['min-ms']);
  const k = await killDuringVoting({ site, restart: () => startSite({ port, databaseUrl }), data, offset: sent, connections: opt.connections, thenMs: killAfter, signal });
  if (signal === 'SIGTERM' && k.exitCode !== 0) failures.push(`run ${run}: after SIGTERM the server exited with ${k.exitCode}, not 0`);
  site = k.site;
  const r = k.load;
  sent += r.sent;
  acks.push(...r.acknowledged);
  const { check, audit, sample, problems } = await checkAfterCrash({ databaseUrl, cycleId: data.cycleId, acks, siteUrl: site.url });
  auditOk &&= audit.ok;
  last = { lost: check.lost, duplicated: check.duplicated };
  failures.push(...problems.map((p) => `run ${run}: ${p}`));
  log(
    `  run ${run}: ${signal === 'SIGTERM' ? `stopped (exit ${k.exitCode})` : 'killed'} after ${(k.killedAfterMs / 1000).toFixed(1)} s${k.duringLoad ? '' : ' (the load had already ended)'} with ${r.acknowledged.length} ballots acknowledged (${Object.entries(r.statuses).map(([s, n]) => `${n}×${s}`).join(', ') || 'no responses'}); ` +
      `restarted in ${k.restartMs} ms; database: ${check.stored} ballots, ${check.current} current; acknowledged so far ${check.acknowledged}, lost ${check.lost}, duplicated ${check.duplicated}; ` +
      `receipt check of the last ${sample.checked}: ${sample.found} found; ${audit.output}` +
      (problems.length ? `; FAILED: ${problems.join('; ')}` : ''),
  );
}
await site.stop();
if (!opt['keep-db']) rmSync(dir, { recursive: true, force: true });
else log(`  database kept in ${dir}`);

if (failures.length) {
  console.error(`bench:crash failed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exitCode = 1;
}
console.log(`crash: runs ${opt.runs}, acknowledged ${acks.length}, lost ${last.lost}, duplicated ${last.duplicated}, audit ${auditOk ? 'intact' : 'broken'}`);
