import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase, type Database } from './client.ts';

let dir: string;
let database: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wss-client-'));
  database = await openDatabase(`file:${join(dir, 'x.db')}`);
  await database.client.execute('create table t (id integer primary key, v text not null unique)');
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the write queue (group commit)', () => {
  it('commits many concurrent writes, each exactly once, and answers each with its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => database.write(async (tx) => {
        await tx.run(sql`insert into t (v) values (${`v${i}`})`);
        return i;
      })),
    );
    expect(results).toEqual(Array.from({ length: 300 }, (_, i) => i));
    const n = await database.client.execute('select count(*) as n from t');
    expect(n.rows[0].n).toBe(300);
  });

  it('a write that fails rolls back alone; the others in the same group are kept', async () => {
    const outcomes = await Promise.allSettled([
      database.write((tx) => tx.run(sql`insert into t (v) values ('a')`)),
      database.write(async (tx) => {
        await tx.run(sql`insert into t (v) values ('b')`);
        throw new Error('changed my mind');
      }),
      database.write((tx) => tx.run(sql`insert into t (v) values ('a')`)), // unique violation
      database.write((tx) => tx.run(sql`insert into t (v) values ('c')`)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    const rows = await database.client.execute('select v from t order by v');
    expect(rows.rows.map((r) => r.v)).toEqual(['a', 'c']);
  });

  it('writes queued later see the effects of earlier ones', async () => {
    await Promise.all([
      database.write((tx) => tx.run(sql`insert into t (v) values ('first')`)),
      database.write(async (tx) => {
        const r = await tx.all<{ n: number }>(sql`select count(*) as n from t where v = 'first'`);
        await tx.run(sql`insert into t (v) values (${`saw-${r[0].n}`})`);
      }),
    ]);
    const rows = await database.client.execute("select v from t where v like 'saw-%'");
    expect(rows.rows[0].v).toBe('saw-1');
  });
});

describe('statistics for the query planner', () => {
  const MIGRATIONS = join(import.meta.dirname, 'migrations');
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'wss-analyze-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  /** The migrations folder as the previous version of the code had it: without its last migration. */
  function previousVersion(): string {
    const folder = join(work, 'previous');
    cpSync(MIGRATIONS, folder, { recursive: true });
    const journalFile = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const last = journal.entries.pop()!;
    rmSync(join(folder, `${last.tag}.sql`));
    writeFileSync(journalFile, JSON.stringify(journal));
    return folder;
  }
  const statIndexes = async (db: Database) => {
    const t = await db.client.execute("select 1 from sqlite_master where name = 'sqlite_stat1'");
    return t.rows.length === 0 ? [] : (await db.client.execute('select distinct idx from sqlite_stat1 where idx is not null order by idx')).rows.map((r) => String(r.idx));
  };

  it('a database upgraded with data in it gets fresh statistics, and a new one is not analysed', async () => {
    const db = await openDatabase(`file:${join(work, 'site.db')}`);
    try {
      await migrateDatabase(db, { migrationsFolder: previousVersion() });
      // Written by the previous version: a district and its street.
      await db.client.executeMultiple(`
        insert into districts (id, code, name_zh, name_en) values ('d', 'D', '区', 'D');
        insert into streets (id, district_id, code, name_zh, name_en) values ('s', 'd', 'S', '街道', 'S');`);
      expect(await statIndexes(db)).toEqual([]);
      await migrateDatabase(db);
      const analysed = await statIndexes(db);
      expect(analysed).toContain('streets_district_idx');
    } finally {
      db.close();
    }
    // A new database, migrated in one go, has nothing to measure: no ANALYZE.
    const fresh = await openDatabase(`file:${join(work, 'fresh.db')}`);
    try {
      await migrateDatabase(fresh);
      expect(await statIndexes(fresh)).toEqual([]);
    } finally {
      fresh.close();
    }
  });
});
