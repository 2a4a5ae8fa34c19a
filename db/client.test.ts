import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from './client.ts';

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
