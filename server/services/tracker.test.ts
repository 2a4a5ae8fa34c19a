/**
 * The delivery tracker a page at a time (./tracker.ts) against the whole
 * tracker in one list (./disclosure.ts `deliveryTracker`), on a generated
 * city: page after page gives every project once, in the same order, with
 * the same figures; the counts are the whole list's; and no page reads the
 * whole projects table (EXPLAIN QUERY PLAN).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQL } from 'drizzle-orm';
import { generateCity } from '#db/city.ts';
import type { Database } from '#db/client.ts';
import { createContext, type AppContext } from '../context.ts';
import { parseEnv } from '../env.ts';
import { deliveryTracker } from './disclosure.ts';
import { trackerPage } from './tracker.ts';

const NOW = new Date('2026-12-06T12:00:00+08:00');
let dir: string;
let ctx: AppContext;
let db: Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wss-tracker-'));
  const file = join(dir, 'city.db');
  await generateCity(file, { communities: 15, years: 3, seed: 3 });
  ctx = await createContext(parseEnv({ DATABASE_URL: `file:${file}`, NODE_ENV: 'test' }), { now: () => NOW });
  db = ctx.database;
}, 300_000);
afterAll(() => {
  ctx?.database.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the delivery tracker, a page at a time', () => {
  for (const f of [{}, { state: 'in_progress' as const }, { communitySlug: 'saab' }, { communitySlug: 'saab', state: 'archived' as const }, { state: 'approved' as const }]) {
    it(`pages through the same projects in the same order as the whole list (${JSON.stringify(f)})`, async () => {
      const whole = await deliveryTracker(db, NOW, f);
      const first = await trackerPage(db, NOW, { ...f, page: 1, pageSize: 7 });
      expect(first.total).toBe(whole.items.length);
      expect(first.late).toBe(whole.items.filter((i) => i.overdue.overdue).length);
      expect(first.pages).toBe(Math.max(1, Math.ceil(whole.items.length / 7)));
      const paged = [];
      for (let p = 1; p <= first.pages; p++) paged.push(...(await trackerPage(db, NOW, { ...f, page: p, pageSize: 7 })).items);
      expect(paged).toEqual(whole.items);
    });
  }

  it('the city has overdue projects first, and a page past the last shows the last', async () => {
    const whole = await deliveryTracker(db, NOW);
    expect(whole.items.filter((i) => i.overdue.overdue).length).toBeGreaterThan(7);
    const last = await trackerPage(db, NOW, { page: 10_000, pageSize: 7 });
    expect(last.page).toBe(last.pages);
    expect(last.items).toEqual(whole.items.slice((last.pages - 1) * 7));
    expect(await trackerPage(db, NOW, { communitySlug: 'nowhere' })).toMatchObject({ total: 0, items: [] });
  });

  it('reads no page through a whole pass over the projects', async () => {
    const d = db.db as unknown as { all: (q: SQL) => Promise<unknown[]>; dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } };
    const all = d.all;
    const seen: { sql: string; params: unknown[] }[] = [];
    d.all = async (q: SQL) => {
      seen.push(d.dialect.sqlToQuery(q));
      return all.call(d, q);
    };
    try {
      await trackerPage(db, NOW, { page: 3, pageSize: 20 });
      await trackerPage(db, NOW, { page: 40, pageSize: 20 });
      await trackerPage(db, NOW, { communitySlug: 'saab', page: 2, pageSize: 5 });
    } finally {
      d.all = all;
    }
    const scans: string[] = [];
    for (const s of seen) {
      const plan = await db.client.execute({ sql: `explain query plan ${s.sql}`, args: s.params as never[] });
      for (const r of plan.rows) if (/^SCAN (p|projects)\b/.test(String(r.detail))) scans.push(`${String(r.detail)} in ${s.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
    expect(scans).toEqual([]);
  });
});
