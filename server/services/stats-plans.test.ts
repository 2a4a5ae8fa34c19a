/**
 * Every statement the statistics pages run — a place's figures at each level,
 * for all years and one year, council health, an annual report's project
 * list, and the recount a write makes — asked `EXPLAIN QUERY PLAN` on a
 * generated city (with ANALYZE's statistics, scaled to those of the 800-community city):
 * none may read a whole large table (db/query-plan.ts: projects, ballots, registers,
 * comments, meetings, cycles, the audit log…). A full pass over such a table is what made the
 * city's statistics take seconds; an index seek (SEARCH) is what they should
 * do instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQL } from 'drizzle-orm';
import { generateCity } from '#db/city.ts';
import { RECOUNT } from '#db/stats-cells.ts';
import type { Database } from '#db/client.ts';
import { fullScans as planScans, scaleStatistics } from '#db/query-plan.ts';
import Libsql from 'libsql';
import { createContext, type AppContext } from '../context.ts';
import { parseEnv } from '../env.ts';
import { adoptedProjects, findPlace, placeStats, type PlaceLevel } from './stats.ts';
import { councilHealth } from './council-health.ts';

const NOW = new Date('2026-12-06T12:00:00+08:00');

let dir: string;
let ctx: AppContext;
let db: Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wss-stats-plans-'));
  const file = join(dir, 'city.db');
  await generateCity(file, { communities: 20, years: 2 });
  // The planner as on the 800-community city: its statistics, forty times these (db/query-plan.ts). On the small
  // city itself, where a community is a twentieth of everything, reading a whole table is often the cheaper plan.
  const w = new Libsql(file) as unknown as Parameters<typeof scaleStatistics>[0] & { close(): void };
  scaleStatistics(w, 40);
  w.close();
  ctx = await createContext(parseEnv({ DATABASE_URL: `file:${file}`, NODE_ENV: 'test' }), { now: () => NOW });
  db = ctx.database;
}, 300_000);
afterAll(() => {
  ctx?.database.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Statement = { sql: string; params: unknown[] };

/** The statements `fn` runs through drizzle, with their parameters. */
async function statementsOf(fn: () => Promise<unknown>): Promise<Statement[]> {
  const d = db.db as unknown as { all: (q: SQL) => Promise<unknown[]>; dialect: { sqlToQuery(q: SQL): Statement } };
  const all = d.all;
  const seen: Statement[] = [];
  d.all = async (q: SQL) => {
    seen.push(d.dialect.sqlToQuery(q));
    return all.call(d, q);
  };
  try {
    await fn();
  } finally {
    d.all = all;
  }
  return seen;
}

/** Lines of a statement's plan that read a whole large table (db/query-plan.ts). */
async function fullScans(s: Statement): Promise<string[]> {
  const explain = async (q: { sql: string; params: unknown }) => (await db.client.execute({ sql: `explain query plan ${q.sql}`, args: q.params as never[] })).rows.map((r) => String(r.detail));
  return planScans(explain, s);
}

async function expectNoFullScan(what: string, fn: () => Promise<unknown>) {
  const statements = await statementsOf(fn);
  expect(statements.length, what).toBeGreaterThan(0);
  const bad: string[] = [];
  for (const s of statements) for (const line of await fullScans(s)) bad.push(`${what}: ${line} in ${s.sql.replace(/\s+/g, ' ').slice(0, 240)}`);
  expect(bad).toEqual([]);
}

const PLACES: [PlaceLevel, string][] = [
  ['city', 'city'],
  ['district', 'ft'],
  ['street', 'jaa'],
  ['community', 'saaa'],
];

describe('the statistics read no large table from end to end', () => {
  for (const [level, slug] of PLACES)
    for (const year of [null, 2026]) {
      it(`${level} statistics, ${year ?? 'all years'}`, async () => {
        await expectNoFullScan(`${level} ${year ?? 'all'}`, async () => expect(await placeStats(db, level, slug, year, NOW)).not.toBeNull());
      });
      if (level !== 'community')
        it(`${level} council health, ${year ?? 'all years'}`, async () => {
          await expectNoFullScan(`health ${level} ${year ?? 'all'}`, async () => expect(await councilHealth(db, level, slug, year, NOW)).not.toBeNull());
        });
    }

  it('an annual report lists a street’s and a district’s adopted projects through indexes', async () => {
    for (const [level, slug] of PLACES.slice(1, 3)) {
      const found = (await findPlace(db, level, slug))!;
      await expectNoFullScan(`report ${level}`, () => adoptedProjects(db, found.place, 2025));
    }
  });

  it('the recount a write makes reads only the communities it changed', async () => {
    const bad: string[] = [];
    for (const statement of RECOUNT) for (const line of await fullScans({ sql: statement, params: [] })) bad.push(`${line} in ${statement.replace(/\s+/g, ' ').slice(0, 200)}`);
    expect(bad).toEqual([]);
  });

  it('finds a full scan when there is one', async () => {
    expect(await fullScans({ sql: 'select count(*) from ballots b where b.content = ?', params: ['[]'] })).toEqual(['SCAN b']);
  });
});
