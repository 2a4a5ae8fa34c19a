/**
 * @module Durable commits that do not stop the server while the disk works.
 *
 * With synchronous=FULL, SQLite calls fsync on the write-ahead log inside
 * COMMIT, and libsql-js runs COMMIT on the event loop: every group commit
 * held the whole server still for one fsync (about 15 % of the time under
 * `bench:votes`). Here, for an embedded database opened by `openDatabase`,
 * each connection runs with synchronous=NORMAL — SQLite then writes the
 * log's frames at COMMIT but leaves the fsync of the log to us — and the
 * write queue (db/client.ts) calls `sync()` after each COMMIT and answers
 * the batch's callers only when it resolves. `sync()` fsyncs the log in
 * libuv's thread pool, so the next batch is read, checked and committed
 * while the disk works.
 *
 * What a caller is told is saved is exactly as durable as with FULL: the
 * fsync starts after its COMMIT returned, so it covers the commit's frames
 * (the log is only appended to; a checkpoint, which may restart it, syncs
 * the log and the database itself under NORMAL, as under FULL). One
 * difference remains, and it is only about power cuts: another request may
 * read a committed write during the milliseconds before its fsync ends. No
 * caller is answered "saved" before then.
 *
 * At most one fsync runs at a time; callers that commit while it runs share
 * the next one, which starts when it ends (it must: the running one may
 * have started before their COMMIT).
 */
import { closeSync, fstatSync, fsync, openSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { onNewConnection, type Conn } from './statement-cache.ts';

export type WalSync = {
  /** Resolves when everything committed before the call is on disk. */
  sync(): Promise<void>;
  close(): void;
};

/** Database files (real paths) whose connections leave the log's fsync to a WalSync. */
const managed = new Map<string, number>();

/** The real path of a database file that may not exist yet. */
function realFile(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    return resolve(realpathSync(dirname(abs)), basename(abs));
  }
}

type Row = unknown[];

let hooked = false;
function hookConnections() {
  if (hooked) return;
  hooked = true;
  // Each new connection, before its first statement: NORMAL if its file is managed and in WAL mode.
  onNewConnection((conn: Conn) => {
    if (managed.size === 0) return;
    const main = (conn.prepare('pragma database_list').raw(true).all() as Row[]).find((r) => r[1] === 'main');
    const file = typeof main?.[2] === 'string' && main[2] ? realFile(main[2]) : null;
    if (!file || !managed.has(file)) return;
    // Only in WAL mode does NORMAL leave exactly the commit's fsync out; otherwise keep FULL.
    const mode = (conn.prepare('pragma journal_mode').raw(true).all() as Row[])[0]?.[0];
    if (mode === 'wal') conn.prepare('pragma synchronous=NORMAL').run();
  });
}

/** Start managing `path` (an embedded database file): call before its client opens a connection. */
export function walSyncFor(path: string): WalSync {
  hookConnections();
  const file = realFile(path);
  managed.set(file, (managed.get(file) ?? 0) + 1);
  const walPath = `${file}-wal`;
  let fd: number | null = null;
  let ino = -1;
  let dirSynced = false;
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  let closed = false;

  const fsyncAsync = (f: number) => new Promise<void>((ok, fail) => fsync(f, (err) => (err ? fail(err) : ok())));

  /** The log's file descriptor, reopened if SQLite made a new log file (a different inode). */
  function logFd(): number | null {
    const st = statSync(walPath, { throwIfNoEntry: false });
    if (!st) return null;
    if (fd === null || st.ino !== ino) {
      if (fd !== null) closeSync(fd);
      fd = openSync(walPath, 'r');
      ino = fstatSync(fd).ino;
      dirSynced = false;
    }
    return fd;
  }

  async function once() {
    const f = logFd();
    if (f === null) {
      // No log (not in WAL mode): SQLite kept FULL on such connections; sync the file anyway.
      const db = openSync(file, 'r');
      try {
        await fsyncAsync(db);
      } finally {
        closeSync(db);
      }
      return;
    }
    await fsyncAsync(f);
    if (!dirSynced) {
      // A new log file is durable only once its directory entry is.
      const dir = openSync(dirname(walPath), 'r');
      try {
        await fsyncAsync(dir);
      } finally {
        closeSync(dir);
      }
      dirSynced = true;
    }
  }

  function sync(): Promise<void> {
    if (!running) {
      running = once().finally(() => {
        running = null;
        if (closed && !next) release();
      });
      return running;
    }
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = null;
        return sync();
      });
    return next;
  }

  function release() {
    if (fd !== null) closeSync(fd);
    fd = null;
  }

  return {
    sync,
    close() {
      if (closed) return;
      closed = true;
      const n = (managed.get(file) ?? 1) - 1;
      if (n > 0) managed.set(file, n);
      else managed.delete(file);
      if (!running) release();
    },
  };
}
