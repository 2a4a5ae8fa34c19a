/**
 * The writer thread (db/writer-thread.ts) with a real database file and a
 * real worker: tasks queued together run as one transaction there, each
 * answered with its own outcome; the queue keeps every write in order across
 * both threads; the thread commits with synchronous=FULL; a thread that dies
 * takes no answer with it that was not committed, and the next write starts
 * another. Without a writer thread the same call runs on the calling thread.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase, type Database } from './client.ts';

const TASKS = pathToFileURL(join(import.meta.dirname, 'writer-thread-test-tasks.ts'));

let dir: string;
let database: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wss-writer-'));
  database = await openDatabase(`file:${join(dir, 'x.db')}`, undefined, { writerTasks: TASKS });
  await database.client.execute('create table t (id integer primary key, v text not null)');
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = async () => (await database.client.execute('select v from t order by id')).rows.map((r) => r.v);
const notHere = async (): Promise<never> => {
  throw new Error('ran on the calling thread');
};

describe('the writer thread', () => {
  it('runs waiting tasks together, answers each with its own result, and a task that throws rolls back alone', async () => {
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 50 }, (_, i) => database.writeTask('insert', { v: `a${i}` }, notHere)),
      database.writeTask('fail', { v: 'never' }, notHere),
      ...Array.from({ length: 50 }, (_, i) => database.writeTask('insert', { v: `b${i}` }, notHere)),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<string>).value)).toEqual([
      ...Array.from({ length: 50 }, (_, i) => `a${i}`),
      ...Array.from({ length: 50 }, (_, i) => `b${i}`),
    ]);
    const failed = outcomes[50] as PromiseRejectedResult;
    expect(failed.status).toBe('rejected');
    expect(failed.reason).toMatchObject({ message: 'changed my mind', code: 'E_TEST' });
    expect(await rows()).toHaveLength(100);
    expect(await rows()).not.toContain('never');
  });

  it('keeps every write in the order it was queued, whichever thread runs it', async () => {
    const expected: string[] = [];
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 120; i++) {
      const v = `w${i}`;
      expected.push(v);
      // Runs of tasks and of ordinary writes, of varying lengths.
      writes.push(i % 7 < 4 ? database.writeTask('insert', { v }, notHere) : database.write((tx) => tx.run(sql`insert into t (v) values (${v})`)));
    }
    await Promise.all(writes);
    expect(await rows()).toEqual(expected);
  });

  it('commits with synchronous=FULL, so what it answers is on disk', async () => {
    expect(await database.writeTask('synchronous', {}, notHere)).toBe(2);
  });

  it('a thread that dies answers its batch with an error, never "saved", and the next task starts another thread', async () => {
    await expect(database.writeTask('die', {}, notHere)).rejects.toThrow(/writer thread exited \(3\)/);
    expect(await database.writeTask('insert', { v: 'after' }, notHere)).toBe('after');
    expect(await rows()).toEqual(['after']);
  });
});

describe('without a writer thread', () => {
  it('the same call runs the task on the calling thread, in the write queue', async () => {
    const plain = await openDatabase(`file:${join(dir, 'plain.db')}`);
    try {
      await plain.client.execute('create table t (id integer primary key, v text not null)');
      const r = await plain.writeTask('insert', { v: 'x' }, async (tx) => {
        await tx.run(sql`insert into t (v) values ('here')`);
        return 'here';
      });
      expect(r).toBe('here');
      expect((await plain.client.execute('select v from t')).rows.map((x) => x.v)).toEqual(['here']);
    } finally {
      plain.close();
    }
  });
});
