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
 * who cast it, that no voter has two current ballots, and that
 * `npm run audit:verify` says the chain is intact. A sample of the receipts
 * is also looked up through the restarted server's public receipt check.
 *
 * This exercises a process crash. A power cut is the same problem one level
 * down (the OS's page cache is lost too): acknowledged writes survive it
 * because the write queue answers only after the commit, which with
 * synchronous=FULL has been fsynced; that part cannot be simulated here.
 *
 * The last line is exactly:
 *   crash: runs <n>, acknowledged <A>, lost <L>, duplicated <D>, audit intact   (or "audit broken")
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { args } from './lib/args.ts';
import { ensureBuild, freePort, startSite, tempDir, type Started } from './lib/server.ts';
import { seedBench } from './lib/seed.ts';
import { drive } from './lib/load.ts';
import { ballotWorkload } from './lib/workload.ts';
import { auditVerify, checkBallots, type Ack } from './lib/check.ts';

const opt = args(process.argv.slice(2), { runs: 5, residents: 20_000, connections: 32, 'min-ms': 1500, 'max-ms': 5000, port: 0, 'keep-db': 0 });
const log = (s: string) => console.log(s);

ensureBuild(log);
const dir = tempDir('wss-bench-crash-');
const databaseUrl = `file:${join(dir, 'site.db')}`;
const port = opt.port || (await freePort());
log(`bench:crash — ${opt.runs} runs, ${opt.residents} residents, ${opt.connections} connections, database ${databaseUrl}`);
const data = await seedBench(databaseUrl, opt.residents, (s) => log(`  seed: ${s}`));

const acks: Ack[] = [];
let sent = 0;
let auditOk = true;
let last = { lost: 0, duplicated: 0 };
let site: Started = await startSite({ port, databaseUrl });
for (let run = 1; run <= opt.runs; run++) {
  const work = ballotWorkload(data, sent);
  const killAfter = opt['min-ms'] + Math.random() * (opt['max-ms'] - opt['min-ms']);
  let killedAt = 0;
  const killed = new Promise<void>((done) =>
    setTimeout(() => {
      killedAt = Date.now();
      site.proc.kill('SIGKILL');
      done();
    }, killAfter),
  );
  const r = await drive({ url: site.url, connections: opt.connections, seconds: 60, next: work.next, accept: work.accept, stopWhen: killed });
  await site.exited;
  sent += r.sent;
  acks.push(...r.acknowledged);

  // Restart on the same file: recovery happens here.
  const t = Date.now();
  site = await startSite({ port, databaseUrl });
  const restartMs = Date.now() - t;
  const check = await checkBallots(databaseUrl, data.cycleId, acks);
  const audit = auditVerify(databaseUrl);
  auditOk &&= audit.ok;
  const sample = await lookUpReceipts(site.url, acks.slice(-50));
  last = { lost: check.lost, duplicated: check.duplicated };
  log(
    `  run ${run}: killed after ${(killAfter / 1000).toFixed(1)} s with ${r.acknowledged.length} ballots acknowledged (${Object.entries(r.statuses).map(([s, n]) => `${n}×${s}`).join(', ') || 'no responses'}); ` +
      `restarted in ${restartMs} ms; database: ${check.stored} ballots, ${check.current} current; acknowledged so far ${check.acknowledged}, lost ${check.lost}, duplicated ${check.duplicated}; ` +
      `receipt check of the last ${sample.checked}: ${sample.found} found; ${audit.output}`,
  );
  void killedAt;
}
await site.stop();
if (!opt['keep-db']) rmSync(dir, { recursive: true, force: true });
else log(`  database kept in ${dir}`);

console.log(`crash: runs ${opt.runs}, acknowledged ${acks.length}, lost ${last.lost}, duplicated ${last.duplicated}, audit ${auditOk ? 'intact' : 'broken'}`);

/** GET /api/receipts/{code} for each: an acknowledged receipt must be known to the restarted server. */
async function lookUpReceipts(url: string, sample: Ack[]) {
  let found = 0;
  for (const a of sample) {
    const res = await fetch(`${url}/api/receipts/${a.receipt}`);
    if (res.ok) found++;
    await res.arrayBuffer();
  }
  return { checked: sample.length, found };
}
