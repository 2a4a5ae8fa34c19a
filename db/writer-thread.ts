/**
 * @module The writer thread: the hottest writes run their SQL, and the fsync
 * of their commit, on a thread of their own.
 *
 * libsql-js is synchronous, so on one thread every statement and every
 * commit's fsync hold up HTTP parsing, routing, sessions and answers. Under
 * `bench:votes` the server spent most of each ballot's time on one core while
 * the other sat idle. A write the service has written as a *task* (a
 * function of a raw executor and plain data, listed in a tasks module such as
 * server/services/write-tasks.ts) can instead go to this thread: the write
 * queue (db/client.ts) still decides the order of all writes and takes the
 * waiting tasks as one batch, the thread runs them in one transaction with a
 * savepoint each on its own connection (synchronous=FULL) and answers after
 * COMMIT, and meanwhile the HTTP thread goes on reading and checking the
 * next requests. Everything else, and the same tasks when there is no writer
 * thread (tests, a libSQL server), runs on the calling thread as before.
 *
 * The queue sends one batch at a time, so the thread's transactions and the
 * calling thread's never overlap: no SQLITE_BUSY between them, and the audit
 * log's chain is read and extended by one transaction at a time.
 */
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type TaskJob = { task: string; payload: unknown };

export type WriterThread = {
  run(jobs: TaskJob[]): Promise<Outcome[]>;
  close(): void;
};

/** How one write of a batch ended: its value, or the error that rolled back its savepoint. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'writer-worker.ts');

type Reply = { id: number; outcomes?: { ok: boolean; value?: unknown; error?: { message: string; code?: string } }[]; error?: { message: string; code?: string } };

function rebuild(e: { message: string; code?: string }): Error {
  return Object.assign(new Error(e.message), e.code ? { code: e.code } : {});
}

/** Start a writer thread on an embedded database file; tasks come from the module at `tasksUrl`. */
export function startWriterThread(file: string, tasksUrl: URL): WriterThread {
  let worker: Worker | null = null;
  let ready: Promise<void> | null = null;
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, { ok: (r: Reply) => void; fail: (e: unknown) => void }>();

  function spawn() {
    const w = new Worker(WORKER, { workerData: { file, tasksUrl: tasksUrl.href } });
    worker = w;
    ready = new Promise<void>((ok, fail) => {
      const onFirst = (m: { ready?: boolean }) => {
        if (m?.ready) {
          w.off('message', onFirst);
          ok();
        }
      };
      w.on('message', onFirst);
      w.once('error', fail);
    });
    // Started before anyone waits for it: a thread that cannot start is reported to the first write, not as an unhandled rejection.
    ready.catch(() => undefined);
    w.on('message', (m: Reply) => {
      if (typeof m?.id !== 'number') return;
      const p = pending.get(m.id);
      pending.delete(m.id);
      p?.ok(m);
    });
    const down = (err: unknown) => {
      if (worker !== w) return;
      worker = null;
      ready = null;
      // A batch in flight when the thread died is not known to be committed: its callers are told it failed.
      for (const [id, p] of pending) {
        pending.delete(id);
        p.fail(err);
      }
      if (!closed) console.error('[db] the writer thread stopped; the next write starts another', err);
    };
    w.on('error', down);
    w.on('exit', (code) => down(new Error(`writer thread exited (${code})`)));
  }

  spawn();
  return {
    async run(jobs) {
      if (closed) throw new Error('The database is closed');
      if (!worker) spawn();
      await ready;
      const id = nextId++;
      const reply = await new Promise<Reply>((ok, fail) => {
        pending.set(id, { ok, fail });
        worker!.postMessage({ id, jobs });
      });
      if (reply.error) throw rebuild(reply.error);
      return reply.outcomes!.map((o) => (o.ok ? { ok: true as const, value: o.value } : { ok: false as const, error: rebuild(o.error!) }));
    },
    close() {
      closed = true;
      void worker?.terminate();
      worker = null;
    },
  };
}
