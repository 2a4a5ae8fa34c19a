/**
 * @module One crash, shared by `npm run bench:crash` and its short version in
 * `npm test` (bench/crash.test.ts): drive ballots at a running server, send it
 * SIGKILL (or SIGTERM, a graceful stop) in the middle of the load, restart it on the same database file
 * (SQLite recovers the write-ahead log), and check every ballot acknowledged
 * so far against the database, a sample of receipts against the restarted
 * server, and the audit chain.
 */
import type { BenchData } from './seed.ts';
import type { Started } from './server.ts';
import { drive, type LoadResult } from './load.ts';
import { ballotWorkload } from './workload.ts';
import { auditVerify, checkBallots, crashProblems, lookUpReceipts, type Ack, type BallotCheck } from './check.ts';

export type Killed = {
  load: LoadResult<Ack>;
  /** The restarted server, on the same file and port. */
  site: Started;
  restartMs: number;
  /** Milliseconds from the start of the load to the kill. */
  killedAfterMs: number;
  /** False when the load ended before the kill was due (then the server was killed idle). */
  duringLoad: boolean;
  /** How the stopped server exited: its exit code (null when a signal ended it, as SIGKILL does). */
  exitCode: number | null;
};

/**
 * Vote against `site` and kill it once `afterAcks` ballots have been
 * acknowledged and then `thenMs` more have passed; `offset` continues the
 * workload where an earlier run stopped. The load itself would stop after
 * `seconds`.
 */
export async function killDuringVoting(opts: {
  site: Started;
  restart: () => Promise<Started>;
  data: BenchData;
  offset: number;
  connections: number;
  afterAcks?: number;
  thenMs: number;
  seconds?: number;
  /** SIGKILL (the default: a crash) or SIGTERM (a deploy: the server stops gracefully). */
  signal?: 'SIGKILL' | 'SIGTERM';
}): Promise<Killed> {
  const work = ballotWorkload(opts.data, opts.offset);
  const afterAcks = opts.afterAcks ?? 0;
  let acked = 0;
  let reached!: () => void;
  const enough = new Promise<void>((ok) => (reached = ok));
  if (afterAcks === 0) reached();
  const started = Date.now();
  let killedAt = 0;
  let cancel = () => {};
  const killed = enough.then(
    () =>
      new Promise<void>((ok) => {
        const t = setTimeout(() => {
          killedAt = Date.now();
          opts.site.proc.kill(opts.signal ?? 'SIGKILL');
          ok();
        }, opts.thenMs);
        cancel = () => clearTimeout(t);
      }),
  );
  const load = await drive({
    url: opts.site.url,
    connections: opts.connections,
    seconds: opts.seconds ?? 60,
    next: work.next,
    accept(status, body, tag) {
      const a = work.accept(status, body, tag);
      if (a && ++acked === afterAcks) reached();
      return a;
    },
    stopWhen: killed,
  });
  const duringLoad = killedAt !== 0;
  if (!duringLoad) {
    cancel();
    killedAt = Date.now();
    await opts.site.kill();
  }
  const exitCode = await opts.site.exited;
  const t = Date.now();
  const site = await opts.restart();
  return { load, site, restartMs: Date.now() - t, killedAfterMs: killedAt - started, duringLoad, exitCode };
}

export type CrashCheck = {
  check: BallotCheck;
  audit: { ok: boolean; output: string };
  sample: { checked: number; found: number; missing: string[] };
  /** Empty when nothing acknowledged was lost or duplicated, the sample was found and the chain verifies. */
  problems: string[];
};

/** After a restart: every acknowledged ballot from the database, the last `sampleSize` receipts through the server, the audit chain. */
export async function checkAfterCrash(opts: { databaseUrl: string; cycleId: string; acks: Ack[]; siteUrl: string; sampleSize?: number }): Promise<CrashCheck> {
  const check = await checkBallots(opts.databaseUrl, opts.cycleId, opts.acks);
  const audit = await auditVerify(opts.databaseUrl);
  // The last answers before the kill are the ones most at risk.
  const sample = await lookUpReceipts(opts.siteUrl, opts.acks.slice(-(opts.sampleSize ?? 50)));
  return { check, audit, sample, problems: crashProblems(check, sample, audit) };
}
