/**
 * The kept statistics (db/stats-cells.ts, read by ./stats.ts) against the
 * same figures counted straight from the records (./stats-reference.ts), for
 * every place and every period: on the demo data with its history, on a
 * generated city, and after hundreds of writes of every kind — through the
 * write queue one at a time and several to a transaction, ballots cast,
 * changed, withdrawn and restored, and writes that go around the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp, type TestApp } from '#tests/fixtures.ts';
import { generateCity } from '#db/city.ts';
import { rawOf, type Database } from '#db/client.ts';
import { createContext, type AppContext } from '../context.ts';
import { parseEnv } from '../env.ts';
import { mulberry32 } from '../domain/seeded-random.ts';
import { PROJECT_STATES } from '../domain/project-states.ts';
import { placeStats, type PlaceLevel } from './stats.ts';
import { councilHealth } from './council-health.ts';
import { referenceCouncilHealth, referencePlaceStats } from './stats-reference.ts';

const NOW = new Date('2026-12-06T12:00:00+08:00');

type Place = { level: PlaceLevel; slug: string };

async function places(database: Database): Promise<{ places: Place[]; years: (number | null)[] }> {
  const col = async (q: string) => (await database.client.execute(q)).rows.map((r) => r[0]);
  return {
    places: [
      { level: 'city', slug: 'city' },
      ...(await col('select lower(code) from districts order by code')).map((s) => ({ level: 'district' as const, slug: String(s) })),
      ...(await col('select lower(code) from streets order by code')).map((s) => ({ level: 'street' as const, slug: String(s) })),
      ...(await col('select slug from communities order by slug')).map((s) => ({ level: 'community' as const, slug: String(s) })),
    ],
    years: [null, ...(await col('select distinct year from cycles order by year')).map(Number), 2031],
  };
}

/** Every place and period, kept against counted; the mismatches, by place and period (none expected). */
async function differences(database: Database, now: Date): Promise<string[]> {
  const { places: all, years } = await places(database);
  const out: string[] = [];
  for (const p of all)
    for (const y of years) {
      const kept = await placeStats(database, p.level, p.slug, y, now);
      const counted = await referencePlaceStats(database, p.level, p.slug, y, now);
      try {
        expect(kept).toEqual(counted);
      } catch (e) {
        out.push(`${p.level} ${p.slug} ${y ?? 'all'}: ${String(e).slice(0, 2000)}`);
      }
      if (p.level === 'community') continue;
      const health = await councilHealth(database, p.level, p.slug, y, now);
      const healthCounted = await referenceCouncilHealth(database, p.level, p.slug, y, now);
      try {
        expect(health).toEqual(healthCounted);
      } catch (e) {
        out.push(`health ${p.level} ${p.slug} ${y ?? 'all'}: ${String(e).slice(0, 2000)}`);
      }
    }
  return out;
}

describe('kept statistics on the demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ seed: true, history: true, now: () => NOW });
  }, 300_000);
  afterAll(() => t?.close());

  it('equal the figures counted from the records for every place and period', async () => {
    expect(await differences(t.ctx.database, NOW)).toEqual([]);
    // And nothing waits to be counted: every write of the seed recounted what it changed before it committed.
    expect((await t.ctx.database.client.execute('select count(*) as n from stats_dirty')).rows[0]!.n).toBe(0);
  }, 120_000);
});

describe('kept statistics of a generated city, through writes of every kind', () => {
  let dir: string;
  let ctx: AppContext;
  let db: Database;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wss-stats-kept-'));
    const file = join(dir, 'city.db');
    await generateCity(file, { communities: 15, years: 2, seed: 7 });
    ctx = await createContext(parseEnv({ DATABASE_URL: `file:${file}`, NODE_ENV: 'test' }), { now: () => NOW });
    db = ctx.database;
    // A second district: the street moves, its communities' kept rows stay as they are (places are grouped when read).
    await db.client.execute("insert into districts (id, code, name_zh, name_en) values ('d-x', 'XQ', '新区', 'New District')");
    await db.client.execute("update streets set district_id = 'd-x' where id = 's1'");
  }, 300_000);
  afterAll(() => {
    ctx?.database.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('are counted by the generator, and equal the counted figures', async () => {
    expect((await db.client.execute('select count(*) as n from stats_cells')).rows[0]!.n).toBe(30);
    expect(await differences(db, NOW)).toEqual([]);
  }, 120_000);

  it('a ballot is counted by its trigger, without recounting its community', async () => {
    const noted = await db.write(async (tx) => {
      const raw = rawOf(tx);
      const [free] = await raw.all<{ cycle: string; entry: string }>(
        `select cy.id as cycle, re.id as entry from cycles cy join register_entries re on re.community_id = cy.community_id
         where cy.year = 2026 and not exists (select 1 from ballots b where b.cycle_id = cy.id and b.register_entry_id = re.id) order by re.id limit 1`,
        [],
      );
      await raw.run("insert into ballots (id, cycle_id, register_entry_id, channel, method, content, receipt_code, cast_at) values ('b-trigger', ?, ?, 'paper', 'approval', '[]', 'RC-TRIGGER', 0)", [free!.cycle, free!.entry]);
      await raw.run("update ballots set superseded_at = 1 where id = 'b-trigger'", []);
      await raw.run("insert into ballots (id, cycle_id, register_entry_id, channel, method, content, receipt_code, cast_at) values ('b-trigger-2', ?, ?, 'paper', 'approval', '[]', 'RC-TRIGGER-2', 0)", [free!.cycle, free!.entry]);
      return (await raw.all<{ n: number }>('select count(*) as n from stats_dirty', []))[0]!.n;
    });
    expect(noted).toBe(0);
    expect(await differences(db, NOW)).toEqual([]);
  }, 120_000);

  it('stay equal after hundreds of random writes, in and around the write queue', async () => {
    const rand = mulberry32(18);
    const int = (n: number) => Math.floor(rand() * n);
    let serial = 0;
    const one = async (q: string) => (await db.client.execute(q)).rows[0] as Record<string, unknown> | undefined;
    // A random row of a query (ordered, so the pick depends only on the seed).
    const pick = async (q: string) => {
      const n = Number((await one(`select count(*) as n from (${q})`))!.n);
      return n === 0 ? undefined : await one(`${q} limit 1 offset ${int(n)}`);
    };
    /** One write, as SQL statements with their arguments. */
    const ops: (() => Promise<[string, (string | number | null)[]][]>)[] = [
      async () => {
        const p = await pick('select id from projects order by id');
        return [['update projects set state = ? where id = ?', [PROJECT_STATES[int(PROJECT_STATES.length)]!, String(p!.id)]]];
      },
      async () => {
        // A comment by someone whose register entry is claimed (a participant), or by a staff account.
        const p = await pick('select id, community_id from projects order by id');
        const a = await pick(`select claimed_by_account_id as id from register_entries where community_id = '${p!.community_id}' and claimed_by_account_id is not null order by id`);
        return [['insert into comments (id, project_id, author_account_id, body, created_at) values (?, ?, ?, ?, 0)', [`cm-t-${++serial}`, String(p!.id), String(a?.id ?? 'acct-st-0'), '好']]];
      },
      async () => {
        const c = await pick('select id, hidden_at from comments order by id');
        return c ? [['update comments set hidden_at = ? where id = ?', [c.hidden_at === null ? 1 : null, String(c.id)]]] : [];
      },
      async () => {
        // A first ballot.
        const v = await pick(
          `select cy.id as cycle, re.id as entry from cycles cy join register_entries re on re.community_id = cy.community_id
           where re.register_no < '00040' and not exists (select 1 from ballots b where b.cycle_id = cy.id and b.register_entry_id = re.id and b.superseded_at is null) order by cy.id, re.id`,
        );
        const id = `b-t-${++serial}`;
        return [['insert into ballots (id, cycle_id, register_entry_id, channel, method, content, receipt_code, cast_at) values (?, ?, ?, ?, ?, ?, ?, 0)', [id, String(v!.cycle), String(v!.entry), 'paper', 'approval', '[]', `RC-${id}`]]];
      },
      async () => {
        // A changed mind: the current ballot superseded, a new one cast.
        const b = await pick('select id, cycle_id, register_entry_id from ballots where superseded_at is null order by id');
        const id = `b-t-${++serial}`;
        return [
          ['update ballots set superseded_at = 1 where id = ?', [String(b!.id)]],
          ['insert into ballots (id, cycle_id, register_entry_id, channel, method, content, receipt_code, cast_at) values (?, ?, ?, ?, ?, ?, ?, 0)', [id, String(b!.cycle_id), String(b!.register_entry_id), 'online', 'approval', '[]', `RC-${id}`]],
        ];
      },
      async () => {
        // A ballot withdrawn (superseded with no other), or one restored.
        const b = await pick('select id, superseded_at from ballots b where superseded_at is null or not exists (select 1 from ballots c where c.cycle_id = b.cycle_id and c.register_entry_id = b.register_entry_id and c.superseded_at is null) order by id');
        return [['update ballots set superseded_at = ? where id = ?', [b!.superseded_at === null ? 2 : null, String(b!.id)]]];
      },
      async () => {
        const b = await pick('select id from ballots order by id');
        return [['delete from ballots where id = ?', [String(b!.id)]]];
      },
      async () => {
        // A register entry claimed by (or taken from) an account: who proposed and commented changes.
        const r = await pick("select id, community_id, claimed_by_account_id from register_entries where register_no < '00060' order by id");
        const a = await pick('select distinct proposer_account_id as id from projects where proposer_account_id is not null order by 1');
        return [['update register_entries set claimed_by_account_id = ? where id = ?', [r!.claimed_by_account_id === null ? String(a!.id) : null, String(r!.id)]]];
      },
      async () => {
        const c = await pick('select id from communities order by id');
        const n = ++serial;
        return [['insert into register_entries (id, community_id, register_no, name, address, verification_code, imported_at) values (?, ?, ?, ?, ?, ?, 0)', [`r-t-${n}`, String(c!.id), `T${n}`, '新', 'x', `VC-T-${n}`]]];
      },
      async () => {
        const p = await pick("select id from projects where state in ('approved', 'in_progress', 'accepted', 'in_public_notice') order by id");
        const n = ++serial;
        return [['insert into payments (id, project_id, batch_no, paid_on, amount_fen, created_at) values (?, ?, ?, ?, ?, 0)', [`pay-t-${n}`, String(p!.id), 100 + n, '2026-11-01', 1000 * (1 + int(50))]]];
      },
      async () => {
        const a = await pick('select id from agreements order by id');
        return [['update agreements set planned_end = ?, agreed_amount_fen = agreed_amount_fen + ? where id = ?', [['2026-01-31', '2026-11-30', '2027-03-01'][int(3)]!, int(5000), String(a!.id)]]];
      },
      async () => {
        const p = await pick('select id from projects where exists (select 1 from agreements a where a.project_id = projects.id) order by id');
        return [['insert into acceptances (id, project_id, result, accepted_on, inspector, created_at) values (?, ?, ?, ?, ?, 0)', [`ac-t-${++serial}`, String(p!.id), rand() < 0.7 ? 'pass' : 'fail', ['2026-06-01', '2026-12-01'][int(2)]!, '验']]];
      },
      async () => {
        const p = await pick('select id, community_id from projects order by id');
        const r = await pick(`select id from register_entries where community_id = '${p!.community_id}' and not exists (select 1 from ratings rt where rt.project_id = '${p!.id}' and rt.register_entry_id = register_entries.id) order by id`);
        return [['insert into ratings (id, project_id, register_entry_id, score, created_at) values (?, ?, ?, ?, 0)', [`rt-t-${++serial}`, String(p!.id), String(r!.id), 1 + int(5)]]];
      },
      async () => {
        // A finding on a project, or on a whole cycle.
        if (rand() < 0.5) {
          const p = await pick('select id from projects order by id');
          return [["insert into audit_findings (id, project_id, cycle_id, severity, body, created_at) values (?, ?, null, 'info', 'f', 0)", [`f-t-${++serial}`, String(p!.id)]]];
        }
        const c = await pick('select id from cycles order by id');
        return [["insert into audit_findings (id, project_id, cycle_id, severity, body, created_at) values (?, null, ?, 'issue', 'f', 0)", [`f-t-${++serial}`, String(c!.id)]]];
      },
      async () => {
        const c = await pick('select id from cycles order by id');
        return [['update cycles set open_phase = ? where id = ?', [[null, 'closed', 'audit', 'resident_vote', 'collection'][int(5)]!, String(c!.id)]]];
      },
      async () => {
        const c = await pick('select id from cycles order by id');
        return [['update cycles set budget_fen = budget_fen + ? where id = ?', [int(100_000), String(c!.id)]]];
      },
      async () => {
        const p = await pick('select id from projects order by id');
        const a = await pick('select claimed_by_account_id as id from register_entries where claimed_by_account_id is not null order by id');
        return [['update projects set proposer_account_id = ?, proposer_type = ? where id = ?', [rand() < 0.3 ? null : String(a!.id), ['resident', 'paper', 'workstation'][int(3)]!, String(p!.id)]]];
      },
      async () => {
        const p = await pick('select id from projects order by id');
        return [['update projects set category = ?, theme = ?, estimated_cost_fen = estimated_cost_fen + ? where id = ?', [['engineering', 'goods', 'services'][int(3)]!, ['safety', 'care', 'culture'][int(3)]!, int(10_000), String(p!.id)]]];
      },
      async () => {
        // A ballot import: stored, then approved (counted) or rejected.
        const c = await pick('select id from cycles order by id');
        const n = ++serial;
        const rows: [string, (string | number | null)[]][] = [["insert into ballot_imports (id, cycle_id, file_name, status, total, processed, created_at) values (?, ?, 'f.pb', 'pending', 2, 2, 0)", [`imp-t-${n}`, String(c!.id)]]];
        for (const k of [1, 2]) rows.push(['insert into imported_ballots (id, import_id, cycle_id, voter_ref, content) values (?, ?, ?, ?, ?)', [`ib-t-${n}-${k}`, `imp-t-${n}`, String(c!.id), `v-t-${n}-${k}`, '[]']]);
        rows.push(['update ballot_imports set status = ? where id = ?', [rand() < 0.7 ? 'done' : 'rejected', `imp-t-${n}`]]);
        return rows;
      },
      async () => {
        const m = await pick('select id, status from meetings order by id');
        return m ? [['update meetings set status = ? where id = ?', [m.status === 'closed' ? 'scheduled' : 'closed', String(m.id)]]] : [];
      },
      async () => {
        const a = await pick('select id, outcome from agenda_items order by id');
        return a ? [['update agenda_items set outcome = ? where id = ?', [a.outcome === 'adopted' ? 'not_adopted' : 'adopted', String(a.id)]]] : [];
      },
      async () => {
        // A project moved to the other year's cycle of its community.
        const p = await pick('select p.id, (select c2.id from cycles c2 where c2.community_id = p.community_id and c2.id <> p.cycle_id limit 1) as other from projects p order by p.id');
        return p?.other ? [['update projects set cycle_id = ? where id = ?', [String(p.other), String(p.id)]]] : [];
      },
    ];

    for (let round = 0; round < 6; round++) {
      for (let k = 0; k < 30; k++) {
        const statements = await ops[int(ops.length)]!();
        const mode = int(4);
        if (mode === 3) {
          // Around the write queue: noted, and counted by the next read (or write).
          for (const [q, args] of statements) await db.client.execute({ sql: q, args });
        } else {
          await db.write(async (tx) => {
            const raw = rawOf(tx);
            for (const [q, args] of statements) await raw.run(q, args);
          });
        }
      }
      const diffs = await differences(db, NOW);
      expect(diffs, `round ${round}`).toEqual([]);
    }
  }, 600_000);
});
