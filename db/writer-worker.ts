/**
 * @module The writer thread's side (see db/writer-thread.ts): one libsql
 * connection to the database file, synchronous=FULL, and a loop that runs each
 * batch it is sent as one transaction — a savepoint per job, so a job that
 * throws rolls back alone — commits (the fsync happens here, off the HTTP
 * thread) and answers with every job's outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'libsql';
import { eachInSavepoint, wholeArgs, type RawArg, type RawExec } from './client.ts';
import { recounter } from './stats-cells.ts';

type Job = { task: string; payload: unknown };
type Stmt = { all(args: unknown): unknown[]; run(args: unknown): { changes: number } };

const { file, tasksUrl } = workerData as { file: string; tasksUrl: string };
const { tasks } = (await import(tasksUrl)) as { tasks: Record<string, (raw: RawExec, payload: unknown) => Promise<unknown>> };
const db = new Database(file, { timeout: 5000 }) as unknown as { prepare(sql: string): Stmt; exec(sql: string): void; inTransaction: boolean };
db.exec('pragma synchronous=FULL');
const recount = recounter();

const prepared = new Map<string, Stmt>();
const stmt = (sql: string) => {
  let s = prepared.get(sql);
  if (!s) prepared.set(sql, (s = db.prepare(sql)));
  return s;
};
// Text with a NUL goes in as the client sends it (db/client.ts, wholeArgs), so both threads store the same.
const raw: RawExec = {
  all: async <T>(sql: string, args: readonly RawArg[]) => stmt(sql).all(wholeArgs(args as RawArg[])) as T[],
  run: async (sql: string, args: readonly RawArg[]) => stmt(sql).run(wholeArgs(args as RawArg[])).changes,
};
const errorOf = (e: unknown) => ({ message: String((e as { message?: unknown })?.message ?? e), code: (e as { code?: string })?.code });

parentPort!.on('message', async ({ id, jobs }: { id: number; jobs: Job[] }) => {
  try {
    stmt('begin immediate').run([]);
    const outcomes = await eachInSavepoint(raw, jobs, async (job) => {
      const task = tasks[job.task];
      if (!task) throw new Error(`no such write task: ${job.task}`);
      return task(raw, job.payload);
    });
    // Ballots keep their statistics by trigger; anything else a task changed is recounted before the commit (db/stats-cells.ts).
    await recount(raw);
    stmt('commit').run([]);
    // Errors cross to the other thread as their message and code.
    parentPort!.postMessage({ id, outcomes: outcomes.map((o) => (o.ok ? o : { ok: false, error: errorOf(o.error) })) });
  } catch (error) {
    if (db.inTransaction) db.exec('rollback');
    parentPort!.postMessage({ id, error: errorOf(error) });
  }
});
parentPort!.postMessage({ ready: true });
