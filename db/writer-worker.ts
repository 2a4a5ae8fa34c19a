/**
 * @module The writer thread's side (see db/writer-thread.ts): one libsql
 * connection to the database file, synchronous=FULL, and a loop that runs each
 * batch it is sent as one transaction — a savepoint per job, so a job that
 * throws rolls back alone — commits (the fsync happens here, off the HTTP
 * thread) and answers with every job's outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'libsql';
import type { RawArg, RawExec } from './client.ts';

type Job = { task: string; payload: unknown };
type Outcome = { ok: true; value: unknown } | { ok: false; error: { message: string; code?: string } };
type Stmt = { all(args: unknown): unknown[]; run(args: unknown): { changes: number } };

const { file, tasksUrl } = workerData as { file: string; tasksUrl: string };
const { tasks } = (await import(tasksUrl)) as { tasks: Record<string, (raw: RawExec, payload: unknown) => Promise<unknown>> };
const db = new Database(file, { timeout: 5000 }) as unknown as { prepare(sql: string): Stmt; exec(sql: string): void; inTransaction: boolean };
db.exec('pragma synchronous=FULL');

const prepared = new Map<string, Stmt>();
const stmt = (sql: string) => {
  let s = prepared.get(sql);
  if (!s) prepared.set(sql, (s = db.prepare(sql)));
  return s;
};
const raw: RawExec = {
  all: async <T>(sql: string, args: readonly RawArg[]) => stmt(sql).all(args) as T[],
  run: async (sql: string, args: readonly RawArg[]) => stmt(sql).run(args).changes,
};
const errorOf = (e: unknown) => ({ message: String((e as { message?: unknown })?.message ?? e), code: (e as { code?: string })?.code });

parentPort!.on('message', async ({ id, jobs }: { id: number; jobs: Job[] }) => {
  const outcomes: Outcome[] = [];
  try {
    stmt('begin immediate').run([]);
    for (const job of jobs) {
      stmt('savepoint wt_job').run([]);
      try {
        const task = tasks[job.task];
        if (!task) throw new Error(`no such write task: ${job.task}`);
        outcomes.push({ ok: true, value: await task(raw, job.payload) });
        stmt('release savepoint wt_job').run([]);
      } catch (error) {
        stmt('rollback to savepoint wt_job').run([]);
        stmt('release savepoint wt_job').run([]);
        outcomes.push({ ok: false, error: errorOf(error) });
      }
    }
    stmt('commit').run([]);
    parentPort!.postMessage({ id, outcomes });
  } catch (error) {
    if (db.inTransaction) db.exec('rollback');
    parentPort!.postMessage({ id, error: errorOf(error) });
  }
});
parentPort!.postMessage({ ready: true });
