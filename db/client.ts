/**
 * @module Database client factory. The same code talks to the embedded libSQL
 * file (WAL; each commit fsynced before its caller is answered: wal-sync.ts) or to a libSQL server
 * (sqld / Turso) when the URL is http(s)/libsql.
 *
 * libsql-js is synchronous: two write transactions in one process would block
 * the event loop on SQLite's busy handler. So every write transaction goes
 * through one in-process queue (`write`), which commits waiting writes
 * together (group commit), and a remote SQLITE_BUSY is retried.
 */
import { createClient, type Client, type InStatement, type InArgs, type Transaction } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.ts';
import { installStatementCache } from './statement-cache.ts';
import { walSyncFor } from './wal-sync.ts';
import { startWriterThread, type Outcome, type TaskJob } from './writer-thread.ts';
import { recounter, syncStateClasses } from './stats-cells.ts';

export type Schema = typeof schema;
export type Db = LibSQLDatabase<Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Database = {
  db: Db;
  client: Client;
  url: string;
  /**
   * Where the files uploaded with this database's records are kept, when
   * set (UPLOAD_DIR): a folder every app server reads, for several servers on
   * one libSQL server. Unset: beside an embedded file, else ./data/uploads.
   */
  uploadDir?: string;
  /** Run `fn` in one write transaction, serialised with every other write of this process. */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * The same for a write written as a task (server/services/write-tasks.ts): on the writer
   * thread when the database has one (db/writer-thread.ts), else `write(here)`. Both run the same task.
   */
  writeTask<T>(task: string, payload: unknown, here: (tx: Tx) => Promise<T>): Promise<T>;
  /** Whether write tasks go to a writer thread. */
  hasWriterThread: boolean;
  /** The write queue as it stands, for the operator's metrics. */
  stats: WriteStats;
  /** Resolves once every write asked for so far has been answered (committed and, for a file, on disk) or refused. */
  idle(): Promise<void>;
  close(): void;
};

/** Counters of the write queue (read by server/ops/metrics.ts). */
export type WriteStats = {
  /** Writes waiting for their batch. */
  queued: number;
  /** Writes asked for and not yet answered (waiting, being written, or waiting for their fsync). */
  pending: number;
  /** Writes answered, and the seconds they took in all (from being asked for to being durable). */
  answered: number;
  secondsTotal: number;
  /** Writes that failed (not a refusal by the rules: an error of the database or the disk). */
  failed: number;
};

export type OpenOptions = {
  /** Run write tasks from this module on a writer thread (embedded files only; the production server sets it). */
  writerTasks?: URL;
  /** Where uploaded files are kept (`Database.uploadDir`). */
  uploadDir?: string;
};

/** Most writes one group commit takes; bounds how long the last of them waits. */
const MAX_BATCH = 200;

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

export function isFileUrl(url: string) {
  return url.startsWith('file:') || url === ':memory:';
}

export async function openDatabase(url: string, authToken?: string, opts: OpenOptions = {}): Promise<Database> {
  // The embedded database's file, if it is one.
  const file = url.startsWith('file:') && !url.includes(':memory:') ? url.slice('file:'.length).split('?')[0]! : null;
  if (file) mkdirSync(dirname(resolve(file)), { recursive: true });
  if (isFileUrl(url)) installStatementCache();
  // An embedded file's commits are made durable by the write queue's fsync (db/wal-sync.ts).
  const walSync = file ? walSyncFor(file) : null;
  const client = keepTextWhole(createClient({ url, authToken, timeout: 5000 }));
  if (file) {
    const mode = (await client.execute('PRAGMA journal_mode=WAL')).rows[0]?.[0];
    // The connection that made a new file WAL was opened before it was, so it kept FULL (db/wal-sync.ts).
    if (walSync && mode === 'wal') await client.execute('PRAGMA synchronous=NORMAL');
  }
  const db = drizzle(client, { schema });

  const recount = recounter();
  async function runWithRetry<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await db.transaction(async (tx) => {
          const value = await fn(tx);
          // The kept statistics of the communities this transaction changed, counted again before it commits (db/stats-cells.ts).
          await recount(rawOf(tx));
          return value;
        });
      } catch (err) {
        if (attempt < 8 && isBusy(err)) {
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
          continue;
        }
        throw err;
      }
    }
  }

  // Group commit. Writes queue up while one transaction is being written;
  // the next transaction takes every waiting write at once, each in its own
  // savepoint (a write that throws rolls back alone), and commits once. Each
  // caller is answered only after that commit is durable: on a file, the
  // log's fsync (db/wal-sync.ts) runs off the event loop while the next batch
  // is written; on sqld, COMMIT returns once the server has it. One fsync
  // serves many requests without ever acknowledging early.
  type Job = { fn: (tx: Tx) => Promise<unknown>; task?: TaskJob; resolve: (v: unknown) => void; reject: (e: unknown) => void };
  const writer = opts.writerTasks && file ? startWriterThread(file, opts.writerTasks) : null;
  const queue: Job[] = [];
  let draining = false;

  /** Answer each job of a batch with its own outcome. */
  function answer(batch: Job[], outcomes: Outcome[]) {
    batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }

  /** Answer each job once everything committed so far is on disk (without waiting for it here). */
  function answerWhenDurable(batch: Job[], outcomes: Outcome[]) {
    if (!walSync) return answer(batch, outcomes);
    walSync.sync().then(() => answer(batch, outcomes), (err: unknown) => {
      console.error('[db] fsync of the write-ahead log failed: the batch is not known to be durable', err);
      for (const job of batch) job.reject(err);
    });
  }

  /** A batch of tasks, on the writer thread: it commits with synchronous=FULL, so the answer is durable. */
  async function runOnWriter(batch: Job[]) {
    let outcomes: Outcome[];
    try {
      outcomes = await writer!.run(batch.map((job) => job.task!));
    } catch (err) {
      for (const job of batch) job.reject(err);
      return;
    }
    answer(batch, outcomes);
  }

  async function runBatch(batch: Job[]) {
    if (batch[0]!.task && writer) return runOnWriter(batch);
    if (batch.length === 1) {
      const [job] = batch;
      let value: unknown;
      try {
        value = await runWithRetry(job.fn);
      } catch (err) {
        job.reject(err);
        return;
      }
      answerWhenDurable(batch, [{ ok: true, value }]);
      return;
    }
    let outcomes: Outcome[] = [];
    try {
      await runWithRetry(async (tx) => {
        // Savepoints opened on the batch's transaction directly: drizzle's nested transaction would
        // build a new transaction object (one query builder per table) for every job, which
        // profiling showed costs more than the savepoint itself.
        outcomes = await eachInSavepoint(rawOf(tx), batch, (job) => job.fn(tx));
      });
    } catch (err) {
      for (const job of batch) job.reject(err);
      return;
    }
    answerWhenDurable(batch, outcomes);
  }

  // The first write to find the queue idle schedules the drain for the next
  // turn of the event loop (setImmediate) instead of starting it at once.
  // libsql-js runs statements synchronously, so a transaction started at once
  // would finish — commit and fsync included — before the server reads the
  // next request: under HTTP load every batch held one write (measured with
  // bench/votes.ts: 2,115 commits for 2,051 ballots). Waiting one turn lets
  // every request already readable reach `write` and join the batch.
  async function drain() {
    try {
      // Tasks for the writer thread and writes for this thread go in separate batches, in queue order.
      while (queue.length > 0) {
        const remote = !!(writer && queue[0]!.task);
        let n = 1;
        while (n < queue.length && n < MAX_BATCH && !!(writer && queue[n]!.task) === remote) n++;
        await runBatch(queue.splice(0, n));
      }
    } finally {
      draining = false;
    }
  }

  const stats: WriteStats = { queued: 0, pending: 0, answered: 0, secondsTotal: 0, failed: 0 };
  let idleWaiters: (() => void)[] = [];
  function settled(askedAt: bigint, ok: boolean) {
    stats.pending--;
    stats.queued = queue.length;
    stats.answered++;
    stats.secondsTotal += Number(process.hrtime.bigint() - askedAt) / 1e9;
    if (!ok) stats.failed++;
    if (stats.pending === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  function enqueue<T>(fn: (tx: Tx) => Promise<T>, task?: TaskJob): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const askedAt = process.hrtime.bigint();
      stats.pending++;
      queue.push({
        fn,
        task,
        resolve: (v: unknown) => {
          settled(askedAt, true);
          resolve(v as T);
        },
        reject: (e: unknown) => {
          // A refusal carried out of the transaction (a domain rule) is an answer, not a failure of the database.
          settled(askedAt, isRefusal(e));
          reject(e);
        },
      });
      stats.queued = queue.length;
      if (!draining) {
        draining = true;
        setImmediate(() => void drain());
      }
    });
  }
  const write = <T>(fn: (tx: Tx) => Promise<T>) => enqueue(fn);
  const writeTask = <T>(task: string, payload: unknown, here: (tx: Tx) => Promise<T>) => enqueue(here, writer ? { task, payload } : undefined);

  return {
    db,
    client,
    url,
    ...(opts.uploadDir ? { uploadDir: resolve(opts.uploadDir) } : {}),
    write,
    writeTask,
    hasWriterThread: writer !== null,
    stats,
    idle: () => (stats.pending === 0 ? Promise.resolve() : new Promise<void>((ok) => idleWaiters.push(ok))),
    close: () => {
      writer?.close();
      client.close();
      walSync?.close();
    },
  };
}

/** Errors thrown on purpose to roll a write back with an answer (services' `Refusal`), told apart from database failures. */
function isRefusal(e: unknown): boolean {
  return e instanceof Error && e.message === 'refused' && 'outcome' in e;
}

/** How one job of a batch ended. */
export type { Outcome } from './writer-thread.ts';

/**
 * Run each job in its own savepoint of the open transaction, so that one that
 * throws rolls back alone and the others are kept: the write queue's batches
 * here and the writer thread's (db/writer-worker.ts).
 */
export async function eachInSavepoint<J>(raw: RawExec, jobs: readonly J[], run: (job: J) => Promise<unknown>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const job of jobs) {
    await raw.run('savepoint wq_job', []);
    try {
      const value = await run(job);
      await raw.run('release savepoint wq_job', []);
      outcomes.push({ ok: true, value });
    } catch (error) {
      await raw.run('rollback to savepoint wq_job', []);
      await raw.run('release savepoint wq_job', []);
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}

/** Arguments a raw statement takes (libSQL's own value types). */
export type RawArg = string | number | bigint | null | Uint8Array;

/**
 * A few hot paths (casting a ballot, the audit log's append, reading a
 * session) run fixed SQL many times a second. Building such a statement with
 * drizzle's query builder on every call cost more CPU than SQLite running it
 * (profiled with bench/votes.ts), so these run precomputed SQL text through
 * the transaction drizzle opened, with positional arguments: the same
 * transaction, savepoint and connection, without the per-call build.
 */
export type RawExec = {
  all<T>(sql: string, args: readonly RawArg[]): Promise<T[]>;
  run(sql: string, args: readonly RawArg[]): Promise<number>;
};

type LibsqlTx = { execute(stmt: { sql: string; args: RawArg[] }): Promise<{ rows: unknown[]; rowsAffected: number }> };

/** The raw executor of a write transaction (or savepoint) that `write` handed out. */
export function rawOf(tx: Tx): RawExec {
  // drizzle-orm/libsql keeps the libSQL transaction on the session (LibSQLSession.tx);
  // savepoints share their parent's session, so this is always the open transaction.
  const inner = (tx as unknown as { session?: { tx?: LibsqlTx } }).session?.tx;
  // db/statement-cache.test.ts checks this on every run, so an upgrade that moves it fails there first.
  if (!inner || typeof inner.execute !== 'function') throw new Error('drizzle-orm/libsql no longer keeps the libSQL transaction at session.tx: update rawOf in db/client.ts');
  return {
    all: async <T>(q: string, args: readonly RawArg[]) => (await inner.execute({ sql: q, args: args as RawArg[] })).rows as T[],
    run: async (q: string, args: readonly RawArg[]) => (await inner.execute({ sql: q, args: args as RawArg[] })).rowsAffected,
  };
}

/** The same, outside any transaction (reads), on the database's client. */
export function rawRead(database: Pick<Database, 'client'>) {
  return async <T>(q: string, args: readonly RawArg[]): Promise<T[]> => (await database.client.execute({ sql: q, args: args as RawArg[] })).rows as T[];
}

/**
 * SQLite stores a NUL character inside text, but libSQL reads such text back
 * cut at the NUL: "理由\0之后" was saved whole and shown as "理由". A NUL is
 * never part of what a person meant to write, so every text value is sent
 * with its NULs as U+FFFD (the replacement character), on every statement of
 * this client and of its transactions: what was saved is what is read back,
 * all of it. (The audit log hashes text the same way: services/audit.ts.)
 */
const NUL = '\u0000';
function wholeText<V>(v: V): V {
  return (typeof v === 'string' && v.includes(NUL) ? v.replaceAll(NUL, '\uFFFD') : v) as V;
}
export function wholeArgs(args: InArgs | undefined): InArgs | undefined {
  if (!args) return args;
  if (Array.isArray(args)) return args.some((a) => typeof a === 'string' && a.includes(NUL)) ? args.map(wholeText) : args;
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, wholeText(v)]));
}
function wholeStatement(stmt: InStatement | [string, InArgs?]): InStatement {
  if (typeof stmt === 'string') return stmt;
  if (Array.isArray(stmt)) return { sql: stmt[0], args: wholeArgs(stmt[1]) ?? [] };
  return { ...stmt, args: wholeArgs(stmt.args) ?? [] };
}
function keepTextWhole<C extends Client | Transaction>(target: C): C {
  return new Proxy(target, {
    get(t, prop) {
      if (prop === 'execute') {
        return (stmt: InStatement | string, args?: InArgs) => t.execute(typeof stmt === 'string' ? { sql: stmt, args: wholeArgs(args) ?? [] } : wholeStatement(stmt));
      }
      if (prop === 'batch') return (stmts: (InStatement | [string, InArgs?])[], mode?: never) => (t.batch as (s: InStatement[], m?: never) => unknown)(stmts.map(wholeStatement), mode);
      if (prop === 'transaction' && 'transaction' in t) {
        return async (mode?: never) => keepTextWhole(await (t as Client).transaction(mode));
      }
      const v = Reflect.get(t, prop, t) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

function isBusy(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const msg = String((e as { message?: string }).message ?? '');
    const code = String((e as { code?: string }).code ?? '');
    if (/SQLITE_BUSY|database is locked/i.test(msg) || code.includes('BUSY')) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** How many rows ANALYZE reads of each index (SQLite's analysis_limit): a sample, in milliseconds, even on a city's file. */
export const ANALYSIS_LIMIT = 1000;

async function migrationsApplied(database: Database): Promise<number> {
  const table = await database.client.execute("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'");
  if (table.rows.length === 0) return 0;
  return Number((await database.client.execute('select count(*) as n from __drizzle_migrations')).rows[0]?.n ?? 0);
}

/**
 * Bring the schema up to date. A database an earlier version made, just
 * upgraded, gets fresh statistics for the query planner (a sampled ANALYZE):
 * the indexes a migration added have none, and statistics from before it can
 * steer a page's query past them (README, "Every page's queries through an
 * index"). A new database, migrated in one go, has nothing to measure yet.
 */
export async function migrateDatabase(database: Database, opts: { migrationsFolder?: string } = {}) {
  const before = await migrationsApplied(database);
  await migrate(database.db, { migrationsFolder: opts.migrationsFolder ?? MIGRATIONS });
  if (before > 0 && (await migrationsApplied(database)) > before) {
    // One script, so that on a libSQL server the limit and the ANALYZE run on the same connection.
    await database.client.executeMultiple(`PRAGMA analysis_limit=${ANALYSIS_LIMIT}; ANALYZE;`);
  }
  // The kept statistics (db/stats-cells.ts): what each project state means to them, from this code; and any community
  // a migration (or a change of those meanings) marked, recounted by this write before it commits.
  await database.write((tx) => syncStateClasses(rawOf(tx)));
}
