import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, rawOf, rawRead, type Database } from './client.ts';

let dir: string;
let database: Database;
afterEach(() => {
  database?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open() {
  dir = mkdtempSync(join(tmpdir(), 'wss-stmt-'));
  database = await openDatabase(`file:${join(dir, 'x.db')}`);
  await database.client.execute('create table t (id integer primary key, v text not null unique)');
  return database;
}

describe('prepared statements are reused on a file database', () => {
  it('a reused statement sees every later write and takes new arguments each time', async () => {
    const d = await open();
    const read = rawRead(d);
    const q = 'select id, v from t where id >= ? order by id';
    expect(await read(q, [0])).toEqual([]);
    await d.write((tx) => rawOf(tx).run('insert into t (v) values (?)', ['a']));
    await d.write((tx) => rawOf(tx).run('insert into t (v) values (?)', ['b']));
    expect((await read(q, [0])).map((r) => (r as { v: string }).v)).toEqual(['a', 'b']);
    expect((await read(q, [2])).map((r) => (r as { v: string }).v)).toEqual(['b']);
  });

  it('a statement that failed (a UNIQUE clash) works again, and the failed write left nothing', async () => {
    const d = await open();
    const insert = 'insert into t (v) values (?)';
    await d.write((tx) => rawOf(tx).run(insert, ['a']));
    await expect(d.write((tx) => rawOf(tx).run(insert, ['a']))).rejects.toThrow(/UNIQUE/);
    await d.write((tx) => rawOf(tx).run(insert, ['c']));
    expect(await rawRead(d)('select v from t order by v', [])).toEqual([{ v: 'a' }, { v: 'c' }].map((r) => expect.objectContaining(r)));
  });

  it('a change of schema is seen by the same SQL text (no stale column list)', async () => {
    const d = await open();
    await d.client.execute("insert into t (v) values ('a')");
    expect(Object.keys((await rawRead(d)('select * from t', []))[0] as object)).toEqual(['id', 'v']);
    await d.client.execute("alter table t add column w text default 'x'");
    expect(await rawRead(d)('select * from t', [])).toEqual([expect.objectContaining({ id: 1, v: 'a', w: 'x' })]);
  });
});

describe('raw SQL in a write transaction', () => {
  it('runs inside the open transaction: drizzle sees it, and a throw rolls it back', async () => {
    const d = await open();
    // The fast path reads drizzle-orm/libsql's session; an upgrade that moves it must fail here, not slow down silently.
    await d.write(async (tx) => {
      expect(typeof (tx as unknown as { session: { tx: { execute: unknown } } }).session.tx.execute).toBe('function');
    });
    await d.write(async (tx) => {
      await rawOf(tx).run('insert into t (v) values (?)', ['kept']);
      const seen = await tx.all<{ v: string }>(sql`select v from t`);
      expect(seen.map((r) => r.v)).toEqual(['kept']);
    });
    await expect(
      d.write(async (tx) => {
        await rawOf(tx).run('insert into t (v) values (?)', ['dropped']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await rawRead(d)('select v from t', [])).map((r) => (r as { v: string }).v)).toEqual(['kept']);
  });
});

describe('text with a NUL character', () => {
  it('is stored and read back whole, the NUL shown as U+FFFD, through drizzle, raw SQL and the client', async () => {
    const d = await open();
    await d.write((tx) => tx.run(sql`insert into t (v) values (${'理由\u0000之后的内容'})`));
    await d.write((tx) => rawOf(tx).run('insert into t (v) values (?)', ['NUL\u0000\u0000两个']));
    await d.client.execute({ sql: 'insert into t (v) values (:v)', args: { v: '尾\u0000' } });
    await d.client.batch([{ sql: 'insert into t (v) values (?)', args: ['批\u0000量'] }]);
    const rows = (await rawRead(d)('select v from t order by id', [])).map((r) => (r as { v: string }).v);
    expect(rows).toEqual(['理由\uFFFD之后的内容', 'NUL\uFFFD\uFFFD两个', '尾\uFFFD', '批\uFFFD量']);
  });
});
