import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCity, CITY_YEAR } from '../../db/city.ts';
import { openDatabase, type Database } from '../../db/client.ts';
import { cycleMoney, deliveryTracker } from './disclosure.ts';

/**
 * More projects than SQLite's variable limit (32,766) in one cycle: a service
 * that passes the cycle's (or the city's) project ids as one `IN (?, …)` list
 * fails on it with "too many SQL variables" (issue 18: /cycles/<id>/money and
 * /tracker were served as 404 at city size).
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
}, 60_000);
afterAll(() => {
  database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('public disclosure at city size', () => {
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
});
