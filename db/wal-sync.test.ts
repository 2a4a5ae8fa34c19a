/**
 * The write queue answers a write only once the write-ahead log holding it
 * has been fsynced, by an fsync that started after its COMMIT — while the
 * connections themselves no longer fsync inside COMMIT (synchronous=NORMAL).
 * fs.fsync is wrapped (and the builtin's ESM exports synced) so that each
 * fsync can be held and released by the test; everything else is real.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import fs, { fstatSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from './client.ts';

type Held = { fd: number; release: (err?: Error) => void };
const realFsync = fs.fsync;
let held: Held[] = [];
let holding = false;

function holdFsyncs() {
  holding = true;
  (fs as { fsync: typeof fs.fsync }).fsync = ((fd: number, cb: (err: NodeJS.ErrnoException | null) => void) => {
    if (!holding) return realFsync(fd, cb);
    held.push({ fd, release: (err) => (err ? cb(err) : realFsync(fd, cb)) });
  }) as typeof fs.fsync;
  syncBuiltinESMExports();
}

function restoreFsync() {
  holding = false;
  (fs as { fsync: typeof fs.fsync }).fsync = realFsync;
  syncBuiltinESMExports();
}

const until = async (cond: () => boolean | Promise<boolean>, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
};

let dir: string;
let file: string;
let database: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wss-walsync-'));
  file = join(dir, 'x.db');
  database = await openDatabase(`file:${file}`);
  await database.client.execute('create table t (id integer primary key, v text not null)');
  held = [];
});
afterEach(() => {
  restoreFsync();
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async () => Number((await database.client.execute('select count(*) as n from t')).rows[0]!.n);
const insert = (v: string) => database.write((tx) => tx.run(sql`insert into t (v) values (${v})`).then(() => v));

describe('durable commits with the fsync off the event loop', () => {
  it('connections to an embedded file run in WAL with synchronous=NORMAL, new file or reopened', async () => {
    expect((await database.client.execute('pragma journal_mode')).rows[0]![0]).toBe('wal');
    expect((await database.client.execute('pragma synchronous')).rows[0]![0]).toBe(1);
    database.close();
    database = await openDatabase(`file:${file}`);
    expect((await database.client.execute('pragma synchronous')).rows[0]![0]).toBe(1);
  });

  it('a database opened some other way keeps SQLite’s FULL', async () => {
    const { createClient } = await import('@libsql/client');
    const other = createClient({ url: `file:${join(dir, 'other.db')}` });
    try {
      expect((await other.execute('pragma synchronous')).rows[0]![0]).toBe(2);
    } finally {
      other.close();
    }
  });

  it('a write is answered only after an fsync of the write-ahead log that began after its commit', async () => {
    holdFsyncs();
    let answered = false;
    const w = insert('a').then((v) => ((answered = true), v));
    // Committed (another read sees it) and an fsync of the log is under way, but the writer has no answer yet.
    await until(async () => held.length === 1 && (await count()) === 1, 'the commit and its fsync');
    expect(fstatSync(held[0]!.fd).ino).toBe(statSync(`${file}-wal`).ino);
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    held.shift()!.release();
    // The first fsync of a new log file also syncs its directory entry.
    await until(() => held.length > 0 || answered, 'the directory fsync');
    while (held.length) held.shift()!.release();
    expect(await w).toBe('a');
  });

  it('writes committed while an fsync runs wait for the next one, which starts only after it ends', async () => {
    await insert('warm'); // the directory entry is synced once, on the first fsync
    holdFsyncs();
    const first = insert('first');
    await until(() => held.length === 1, 'the first fsync');
    let laterAnswered = 0;
    const later = ['b', 'c', 'd'].map((v) => insert(v).then((x) => (laterAnswered++, x)));
    await until(async () => (await count()) === 5, 'the later commits');
    // Committed, but one fsync at a time: theirs has not started, because the running one may predate their COMMIT.
    expect(held.length).toBe(1);
    held.shift()!.release();
    expect(await first).toBe('first');
    await until(() => held.length === 1, 'the second fsync');
    expect(laterAnswered).toBe(0);
    held.shift()!.release();
    expect(await Promise.all(later)).toEqual(['b', 'c', 'd']);
  });

  it('when the fsync fails the writers are told so, never "saved"', async () => {
    await insert('warm');
    holdFsyncs();
    const w = insert('x');
    await until(() => held.length === 1, 'the fsync');
    held.shift()!.release(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    await expect(w).rejects.toThrow(/EIO/);
  });
});
