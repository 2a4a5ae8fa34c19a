import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCity, CITY_YEAR } from '#db/city.ts';
import { openDatabase, type Database } from '#db/client.ts';
import { cycleMoney, deliveryTracker } from './disclosure.ts';
import { dataset } from './open-data.ts';
import { listCommunities } from './catalog.ts';
import { subjectLabels } from './audit.ts';

/**
 * More rows than SQLite's variable limit (32,766) — projects in one cycle,
 * progress reports, meetings, cycles — on a small generated city: a service
 * that passes their ids as one `IN (?, …)` list fails on it with "too many
 * SQL variables" (issue 18: /cycles/<id>/money and /tracker were served as
 * 404 at city size).
 */
const MANY = 33_000;
const dir = mkdtempSync(join(tmpdir(), 'wss-disclosure-'));
let database: Database;
const cycleId = `cy-0-${CITY_YEAR}`;
const now = new Date(`${CITY_YEAR}-12-06T12:00:00+08:00`);

beforeAll(async () => {
  const file = join(dir, 'city.db');
  await generateCity(file, { communities: 1, years: 1, seed: 3 });
  database = await openDatabase(`file:${file}`);
  const run = (s: string) => database.client.execute(s);
  await run(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${MANY})
    insert into projects (id, code, cycle_id, community_id, title, category, theme, description, address, proposer_type, estimated_cost_fen, state, created_at, updated_at)
    select 'bulk-' || i, 'JAA-SAAAA-${CITY_YEAR}-' || (1000 + i), '${cycleId}', 'c0', '项目' || i, 'goods', 'safety', 'd', 'a', 'paper', 100000, 'in_progress', 0, 0 from n`);
  await run(`insert into agreements (id, project_id, implementer_name, implementer_type, registration_no, agreement_date, agreed_amount_fen, planned_start, planned_end, created_at)
    select 'ag-' || id, id, 'x', 'contractor', '1', '${CITY_YEAR}-05-01', 90000, '${CITY_YEAR}-05-01', '${CITY_YEAR}-10-31', 0 from projects where id like 'bulk-%'`);
  await run(`insert into payments (id, project_id, batch_no, paid_on, amount_fen, created_at) select 'pay-' || id, id, 1, '${CITY_YEAR}-06-01', 30000, 0 from projects where id like 'bulk-%'`);
  await run(`insert into progress_reports (id, project_id, reported_on, percent, body, created_at) select 'pr-' || id, id, '${CITY_YEAR}-07-01', 40, 'x', 0 from projects where id like 'bulk-%'`);
  // As many closed meetings, and as many cycles (years 3000 on) with their phases.
  await run(`insert into meetings (id, community_id, cycle_id, title, scheduled_at, place, status, members_total, created_at)
    select 'mt-' || id, 'c0', '${cycleId}', 'm', '${CITY_YEAR}-05-08T19:30:00+08:00', 'p', 'closed', 7, 0 from projects where id like 'bulk-%'`);
  await run(`insert into cycles (id, community_id, year, rulebook_id, title_zh, title_en, budget_fen, open_phase, created_at)
    select 'cy-far-' || i, 'c0', 2999 + i, (select rulebook_id from cycles where id = '${cycleId}'), 't', 't', 1, 'closed', 0 from (with recursive n(i) as (select 1 union all select i + 1 from n where i < ${MANY}) select i from n)`);
  await run(`insert into cycle_phases (id, cycle_id, phase, starts_on, ends_on) select id || '-closed', id, 'closed', '3000-01-01', '3000-12-31' from cycles where id like 'cy-far-%'`);
}, 60_000);
afterAll(() => {
  database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('services past SQLite\'s variable limit', () => {
  it('shows the money of a cycle with more projects than SQLite takes variables, every agreement and payment counted', async () => {
    const m = await cycleMoney(database, cycleId, now);
    expect(m).not.toBeNull();
    const bulk = m!.projects.filter((p) => p.code.startsWith('JAA-SAAAA-'));
    expect(bulk.filter((p) => p.id.startsWith('bulk-'))).toHaveLength(MANY);
    const sums = (await database.client.execute(`select (select sum(a.agreed_amount_fen) from agreements a join projects p on p.id = a.project_id where p.cycle_id = '${cycleId}') ag, (select sum(amount_fen) from payments y join projects p on p.id = y.project_id where p.cycle_id = '${cycleId}') paid`)).rows[0]!;
    expect(m!.contractedFen).toBe(Number(sums.ag));
    expect(m!.paidFen).toBe(Number(sums.paid));
  });

  it('tracks every project of the city in delivery, with its payments and latest progress, past the variable limit', async () => {
    const t = await deliveryTracker(database, now);
    const bulk = t.items.filter((i) => i.code.startsWith('JAA-SAAAA-') && Number(i.code.split('-')[3]) > 1000);
    expect(bulk).toHaveLength(MANY);
    expect(bulk.every((i) => i.paidFen === 30000 && i.percent === 40 && i.agreedFen === 90000)).toBe(true);
    const one = await deliveryTracker(database, now, { communitySlug: 'saaa', state: 'in_progress' });
    expect(one.items.length).toBeGreaterThanOrEqual(MANY);
  });

  it('exports the progress and meetings datasets of a city with more reports and meetings than SQLite takes variables', async () => {
    const progress = await dataset(database, 'progress', {}, now);
    expect(progress.rows.length).toBeGreaterThanOrEqual(MANY);
    const ms = await dataset(database, 'meetings', {}, now);
    expect(ms.rows.length).toBeGreaterThanOrEqual(MANY);
  });

  it('lists the communities with their latest cycle when the city has more cycles than SQLite takes variables', async () => {
    const cs = await listCommunities(database, now);
    expect(cs).toHaveLength(1);
  });
});

describe('lists from the caller, past the variable limit', () => {
  it('labels the subjects of more audit entries than SQLite takes variables, in one statement', async () => {
    const entries = Array.from({ length: MANY + 10 }, (_, i) => ({ subjectType: 'project', subjectId: `bulk-${i + 1}` }));
    const labels = await subjectLabels(database, entries);
    // bulk-1 … bulk-33000 exist; the last ten do not.
    expect(labels.size).toBe(MANY);
    expect(labels.get('bulk-7')).toMatchObject({ title: '项目7' });
  });
});
