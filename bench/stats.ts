/**
 * Statistics benchmark: builds (once, into bench/.scratch/stats-city.db) a
 * synthetic city straight in SQL — 10 districts, 80 streets, 800
 * communities, five yearly cycles each, 160,000 projects across every state,
 * agreements, payments, ratings, comments, 1,000,000 register entries and
 * about 1,000,000 ballots — then times the statistics of each level of place
 * (city, a district, a street, a community; all years and one year), the
 * council-health flags, an officer's desk and the to-do desks of a district
 * officer and auditor, a street officer and a community's staff, as the pages call them, and
 * prints one line each:
 *
 *   stats: <what> <ms> ms (median of N)
 *
 * This is not the audit-chained city of `npm run city:generate` (issue 18):
 * it fills the tables the statistics read, fast, to see how the queries grow.
 *
 *   node bench/stats.ts [--communities 800] [--rebuild] [--runs 5]
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createContext } from '../server/context.ts';
import { parseEnv } from '../server/env.ts';
import { placeStats } from '../server/services/stats.ts';
import { councilHealth } from '../server/services/council-health.ts';
import { officerDesk } from '../server/services/officer-desk.ts';
import { todoDesk } from '../server/services/todo.ts';
import type { Person } from '../server/domain/permissions.ts';

const { values: args } = parseArgs({ options: { communities: { type: 'string', default: '800' }, rebuild: { type: 'boolean', default: false }, runs: { type: 'string', default: '5' } } });
const COMMUNITIES = Number(args.communities);
const RUNS = Number(args.runs);
const dir = fileURLToPath(new URL('./.scratch/', import.meta.url));
mkdirSync(dir, { recursive: true });
const file = `${dir}stats-city-${COMMUNITIES}.db`;
if (args.rebuild) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
const fresh = !existsSync(file);
const ctx = await createContext(parseEnv({ DATABASE_URL: `file:${file}`, NODE_ENV: 'production' }), { now: () => new Date('2026-12-06T12:00:00+08:00') });
const c = ctx.database.client;

if (fresh) {
  const t0 = performance.now();
  const STREETS = Math.max(1, Math.round(COMMUNITIES / 10));
  const DISTRICTS = Math.max(1, Math.round(STREETS / 8));
  const YEARS = [2022, 2023, 2024, 2025, 2026];
  const PER_CYCLE = 40;
  const REGISTER = 1250;
  const STATES = ['submitted', 'screened_out', 'screened_in', 'not_shortlisted', 'rejected', 'approved', 'in_progress', 'accepted', 'evaluated', 'audited', 'withdrawn', 'in_public_notice'];
  const ms = Date.now();
  const tx = await c.transaction('write');
  const run = (s: string) => tx.execute(s);
  await run(`with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ${DISTRICTS}) insert into districts (id, code, name_zh, name_en) select 'd' || i, 'D' || i, '区' || i, 'District ' || i from n`);
  await run(`with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ${STREETS}) insert into streets (id, district_id, code, name_zh, name_en) select 's' || i, 'd' || (i % ${DISTRICTS}), 'S' || i, '街道' || i, 'Street ' || i from n`);
  await run(`with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ${COMMUNITIES}) insert into communities (id, street_id, code, slug, name_zh, name_en) select 'c' || i, 's' || (i % ${STREETS}), 'C' || i, 'c' || i, '社区' || i, 'Community ' || i from n`);
  for (const y of YEARS) {
    await run(`insert into rulebooks (id, district_id, year, version, community_budget_fen, quorum_num, quorum_den, pass_num, pass_den, notice_days, vote_method, vote_params, result_rule, categories, themes, negative_list, created_at)
      select 'rb' || id || '-${y}', id, ${y}, 1, 50000000, 1, 2, 1, 2, 7, 'approval', '{}', 'greedy', '[]', '[]', '[]', ${ms} from districts`);
    await run(`insert into cycles (id, community_id, year, rulebook_id, title_zh, title_en, budget_fen, open_phase, created_at)
      select 'cy' || c.id || '-${y}', c.id, ${y}, 'rb' || s.district_id || '-${y}', '${y}', '${y}', 50000000, ${y === 2026 ? "'implementation'" : "'closed'"}, ${ms}
      from communities c join streets s on s.id = c.street_id`);
  }
  await run(`with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ${PER_CYCLE})
    insert into projects (id, code, cycle_id, community_id, title, category, theme, description, address, proposer_type, estimated_cost_fen, state, created_at, updated_at)
    select cy.id || '-p' || n.i, cy.id || '-' || n.i, cy.id, cy.community_id, '项目', (case n.i % 3 when 0 then 'engineering' when 1 then 'goods' else 'services' end),
      (case n.i % 4 when 0 then 'safety' when 1 then 'care' when 2 then 'environment' else 'convenience' end), 'd', 'a',
      (case n.i % 5 when 0 then 'resident' when 1 then 'paper' when 2 then 'workstation' when 3 then 'residents_committee' else 'social_org' end),
      100000 * (10 + (n.i * 7 + length(cy.id)) % 90), (${'case n.i % 12 ' + STATES.map((s, i) => `when ${i} then '${s}'`).join(' ') + ' end'}), ${ms}, ${ms}
    from cycles cy, n`);
  await run(`insert into agreements (id, project_id, implementer_name, implementer_type, registration_no, agreement_date, agreed_amount_fen, planned_start, planned_end, created_at)
    select 'ag' || p.id, p.id, 'x', 'contractor', '1', cy.year || '-05-01', p.estimated_cost_fen, cy.year || '-05-01', cy.year || '-10-31', ${ms}
    from projects p join cycles cy on cy.id = p.cycle_id where p.state in ('approved', 'in_progress', 'accepted', 'evaluated', 'audited')`);
  await run(`insert into payments (id, project_id, batch_no, paid_on, amount_fen, created_at) select 'pay' || project_id, project_id, 1, '2026-01-01', agreed_amount_fen / 2, ${ms} from agreements`);
  await run(`insert into acceptances (id, project_id, result, accepted_on, inspector, created_at) select 'ac' || p.id, p.id, 'pass', substr(a.planned_end, 1, 4) || '-10-15', 'x', ${ms} from projects p join agreements a on a.project_id = p.id where p.state in ('accepted', 'evaluated', 'audited')`);
  await run(`with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ${REGISTER})
    insert into register_entries (id, community_id, register_no, name, address, verification_code, imported_at)
    select c.id || '-r' || n.i, c.id, n.i, '居民', 'x', c.id || '-v' || n.i, ${ms} from communities c, n`);
  // Ballots: a varying share of each register votes in each finished year.
  await run(`insert into ballots (id, cycle_id, register_entry_id, channel, method, content, receipt_code, cast_at)
    select cy.id || '-b' || re.register_no, cy.id, re.id, 'online', 'approval', '[]', cy.id || '-rc' || re.register_no, ${ms}
    from cycles cy join register_entries re on re.community_id = cy.community_id
    where cy.year < 2026 and cast(re.register_no as integer) < 100 + (length(cy.id) * 37 + cy.year) % 200`);
  await run(`insert into ratings (id, project_id, register_entry_id, score, created_at) select 'rt' || p.id, p.id, p.community_id || '-r1', 1 + (length(p.id) % 5), ${ms} from projects p where p.state in ('accepted', 'evaluated', 'audited')`);
  await run(`insert into audit_findings (id, project_id, severity, body, created_at) select 'f' || p.id, p.id, 'info', 'f', ${ms} from projects p where p.state = 'audited' and p.id like '%-p9'`);
  await tx.commit();
  await c.execute('analyze');
  const counts = await c.execute(`select (select count(*) from projects) as p, (select count(*) from register_entries) as r, (select count(*) from ballots) as b`);
  console.log(`stats: built ${COMMUNITIES} communities, ${counts.rows[0]!.p} projects, ${counts.rows[0]!.r} residents, ${counts.rows[0]!.b} ballots in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const now = ctx.now();
async function time(what: string, fn: () => Promise<unknown>) {
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  console.log(`stats: ${what} ${xs[xs.length >> 1]!.toFixed(0)} ms (median of ${RUNS})`);
}
const db = ctx.database;
await time('city, all years', () => placeStats(db, 'city', 'city', null, now));
await time('city, 2025', () => placeStats(db, 'city', 'city', 2025, now));
await time('district, all years', () => placeStats(db, 'district', 'd0', null, now));
await time('street, 2025', () => placeStats(db, 'street', 's0', 2025, now));
await time('community, all years', () => placeStats(db, 'community', 'c0', null, now));
await time('council health, city, 2025', () => councilHealth(db, 'city', 'city', 2025, now));
await time('council health, district, all years', () => councilHealth(db, 'district', 'd0', null, now));
await time('officer desk, district', () => officerDesk(db, { level: 'district', id: 'd0', slug: 'd0', nameZh: '', nameEn: '' }, now));
const person = (...assignments: Person['assignments']): Person => ({ accountId: 'bench', assignments });
await time('to-do desk, district officer and auditor', () => todoDesk(db, person({ role: 'officer', scope: { kind: 'district', id: 'd0' } }, { role: 'auditor', scope: { kind: 'district', id: 'd0' } }), now));
await time('to-do desk, street officer', () => todoDesk(db, person({ role: 'officer', scope: { kind: 'street', id: 's0' } }), now));
await time('to-do desk, community staff', () => todoDesk(db, person({ role: 'staff', scope: { kind: 'community', id: 'c0' } }), now));
ctx.database.close();
