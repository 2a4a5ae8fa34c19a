/**
 * Place statistics on a small hand-built city whose every figure was worked
 * out by hand (see the comments by each expectation): two districts, three
 * streets, four communities, ten projects through every kind of state, a
 * year without a resident vote, a superseded ballot, a hidden comment, an
 * approved and a pending ballot import, an on-time and a late acceptance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '#tests/fixtures.ts';
import { FIGURE_KEYS, addFigures, type Figures } from '../domain/stats.ts';
import { dataset } from './open-data.ts';
import { placeStats } from './stats.ts';

const WAN = 1_000_000;
const NOW = new Date('2026-12-06T12:00:00+08:00');
let t: TestApp;

async function build(t: TestApp) {
  const c = t.ctx.database.client;
  const ms = NOW.getTime();
  const run = async (sqlText: string, ...rows: unknown[][]) => {
    for (const args of rows) await c.execute({ sql: sqlText, args: args as never[] });
  };
  await run('insert into districts (id, code, name_zh, name_en) values (?, ?, ?, ?)', ['d-a', 'DA', '甲区', 'District A'], ['d-b', 'DB', '乙区', 'District B']);
  await run('insert into streets (id, district_id, code, name_zh, name_en) values (?, ?, ?, ?, ?)', ['s-a', 'd-a', 'SA', '甲一街道', 'Street A'], ['s-b', 'd-a', 'SB', '甲二街道', 'Street B'], ['s-c', 'd-b', 'SC', '乙一街道', 'Street C']);
  await run(
    'insert into communities (id, street_id, code, slug, name_zh, name_en) values (?, ?, ?, ?, ?, ?)',
    ['a1', 's-a', 'AONE', 'a-one', '甲一社区', 'A One'],
    ['a2', 's-a', 'ATWO', 'a-two', '甲二社区', 'A Two'],
    ['b1', 's-b', 'BONE', 'b-one', '乙一社区', 'B One'],
    ['c1', 's-c', 'CONE', 'c-one', '丙一社区', 'C One'],
  );
  const rb = 'insert into rulebooks (id, district_id, year, version, community_budget_fen, quorum_num, quorum_den, pass_num, pass_den, notice_days, vote_method, vote_params, result_rule, categories, themes, negative_list, created_at) values (?, ?, ?, 1, 0, 1, 2, 1, 2, 7, ?, \'{}\', \'greedy\', \'[]\', \'[]\', \'[]\', ?)';
  await run(rb, ['rb-a-25', 'd-a', 2025, 'approval', ms], ['rb-a-26', 'd-a', 2026, 'none', ms], ['rb-b-25', 'd-b', 2025, 'approval', ms]);
  const cy = 'insert into cycles (id, community_id, year, rulebook_id, title_zh, title_en, budget_fen, open_phase, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)';
  await run(
    cy,
    ['cy-a1-25', 'a1', 2025, 'rb-a-25', 'a1 2025', 'a1 2025', 50 * WAN, 'closed', ms],
    ['cy-a1-26', 'a1', 2026, 'rb-a-26', 'a1 2026', 'a1 2026', 40 * WAN, 'implementation', ms],
    ['cy-a2-25', 'a2', 2025, 'rb-a-25', 'a2 2025', 'a2 2025', 30 * WAN, 'closed', ms],
    ['cy-b1-25', 'b1', 2025, 'rb-a-25', 'b1 2025', 'b1 2025', 20 * WAN, null, ms],
    ['cy-c1-25', 'c1', 2025, 'rb-b-25', 'c1 2025', 'c1 2025', 10 * WAN, 'audit', ms],
  );
  // b1's vote opened by its planned date (no phase was opened by hand).
  await run('insert into cycle_phases (id, cycle_id, phase, starts_on, ends_on) values (?, ?, ?, ?, ?)', ['ph-b1', 'cy-b1-25', 'resident_vote', '2025-06-01', '2025-06-15']);
  const regs: unknown[][] = [];
  for (const [community, n] of [['a1', 10], ['a2', 5], ['b1', 4], ['c1', 2]] as const) for (let i = 1; i <= n; i++) regs.push([`r-${community}-${i}`, community, String(i), `居民${i}`, 'x', `code-${community}-${i}`, ms]);
  await run('insert into register_entries (id, community_id, register_no, name, address, verification_code, imported_at) values (?, ?, ?, ?, ?, ?, ?)', ...regs);
  await run('insert into accounts (id, username, password_hash, display_name, created_at) values (?, ?, \'x\', ?, ?)', ['acc1', 'u1', '一', ms], ['acc2', 'u2', '二', ms], ['acc3', 'u3', '三', ms]);
  await run('update register_entries set claimed_by_account_id = ? where id = ?', ['acc1', 'r-a1-1'], ['acc2', 'r-a1-7'], ['acc3', 'r-b1-1']);
  const pr = 'insert into projects (id, code, cycle_id, community_id, title, category, theme, description, address, proposer_type, proposer_account_id, estimated_cost_fen, state, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, \'d\', \'a\', ?, ?, ?, ?, ?, ?)';
  await run(
    pr,
    ['p1', 'P-1', 'cy-a1-25', 'a1', 'P1', 'engineering', 'safety', 'resident', 'acc1', 10 * WAN, 'accepted', ms, ms],
    ['p2', 'P-2', 'cy-a1-25', 'a1', 'P2', 'services', 'care', 'workstation', null, 6 * WAN, 'in_progress', ms, ms],
    ['p3', 'P-3', 'cy-a1-25', 'a1', 'P3', 'goods', 'care', 'resident', 'acc2', 4 * WAN, 'submitted', ms, ms],
    ['p4', 'P-4', 'cy-a1-25', 'a1', 'P4', 'goods', 'care', 'resident', 'acc1', 3 * WAN, 'screened_out', ms, ms],
    ['p5', 'P-5', 'cy-a1-25', 'a1', 'P5', 'goods', 'care', 'resident', 'acc2', 1 * WAN, 'draft', ms, ms],
    ['p6', 'P-6', 'cy-a1-25', 'a1', 'P6', 'goods', 'care', 'paper', null, 2 * WAN, 'withdrawn', ms, ms],
    ['p7', 'P-7', 'cy-a1-26', 'a1', 'P7', 'services', 'care', 'paper', null, 5 * WAN, 'approved', ms, ms],
    ['p8', 'P-8', 'cy-a2-25', 'a2', 'P8', 'engineering', 'environment', 'social_org', null, 8 * WAN, 'audited', ms, ms],
    ['p9', 'P-9', 'cy-b1-25', 'b1', 'P9', 'goods', 'care', 'resident', 'acc3', 2 * WAN, 'submitted', ms, ms],
    ['p10', 'P-10', 'cy-c1-25', 'c1', 'P10', 'engineering', 'safety', 'resident', null, 3 * WAN, 'accepted', ms, ms],
  );
  // A project moved between states counts once, in the state it is in now.
  await run('update projects set state = ? where id = ?', ['rejected', 'p3']);
  const ag = 'insert into agreements (id, project_id, implementer_name, implementer_type, registration_no, agreement_date, agreed_amount_fen, planned_start, planned_end, created_at) values (?, ?, \'x\', \'contractor\', \'1\', \'2025-06-01\', ?, \'2025-06-01\', ?, ?)';
  await run(ag, ['ag1', 'p1', 9 * WAN, '2025-09-30', ms], ['ag2', 'p2', 6 * WAN, '2026-10-31', ms], ['ag8', 'p8', 8 * WAN, '2025-08-31', ms], ['ag10', 'p10', 3 * WAN, '2025-12-31', ms]);
  const ac = 'insert into acceptances (id, project_id, result, accepted_on, inspector, created_at) values (?, ?, ?, ?, \'x\', ?)';
  // p1 passed on time; p8 failed once in time and passed late; p10 on time.
  await run(ac, ['ac1', 'p1', 'pass', '2025-09-20', ms], ['ac8a', 'p8', 'fail', '2025-08-30', ms], ['ac8', 'p8', 'pass', '2025-09-10', ms], ['ac10', 'p10', 'pass', '2025-11-30', ms]);
  const pay = 'insert into payments (id, project_id, batch_no, paid_on, amount_fen, created_at) values (?, ?, ?, \'2025-10-01\', ?, ?)';
  await run(pay, ['pay1a', 'p1', 1, 5 * WAN, ms], ['pay1b', 'p1', 2, 4 * WAN, ms], ['pay2', 'p2', 1, 2 * WAN, ms], ['pay8', 'p8', 1, 8 * WAN, ms], ['pay10', 'p10', 1, 1 * WAN, ms]);
  await run('insert into ratings (id, project_id, register_entry_id, score, created_at) values (?, ?, ?, ?, ?)', ['rt1', 'p1', 'r-a1-3', 5, ms], ['rt2', 'p1', 'r-a1-4', 3, ms], ['rt3', 'p8', 'r-a2-1', 4, ms]);
  const cm = 'insert into comments (id, project_id, author_account_id, body, created_at, hidden_at) values (?, ?, ?, \'c\', ?, ?)';
  await run(cm, ['cm1', 'p1', 'acc1', ms, null], ['cm2', 'p1', 'acc2', ms, null], ['cm3', 'p1', 'acc3', ms, ms], ['cm4', 'p9', 'acc3', ms, null], ['cm5', 'p5', 'acc2', ms, null]);
  const bal = 'insert into ballots (id, cycle_id, register_entry_id, channel, method, content, receipt_code, cast_at, superseded_at) values (?, ?, ?, \'online\', \'approval\', \'[]\', ?, ?, ?)';
  const ballots: unknown[][] = [['b-old', 'cy-a1-25', 'r-a1-1', 'rc-old', ms, ms]];
  for (let i = 1; i <= 6; i++) ballots.push([`b-a1-${i}`, 'cy-a1-25', `r-a1-${i}`, `rc-a1-${i}`, ms, null]);
  ballots.push(['b-a2-1', 'cy-a2-25', 'r-a2-1', 'rc-a2-1', ms, null], ['b-a2-2', 'cy-a2-25', 'r-a2-2', 'rc-a2-2', ms, null], ['b-b1-2', 'cy-b1-25', 'r-b1-2', 'rc-b1-2', ms, null]);
  await run(bal, ...ballots);
  await run('insert into ballot_imports (id, cycle_id, file_name, status, total, processed, created_at) values (?, \'cy-c1-25\', \'f.pb\', ?, ?, ?, ?)', ['imp-done', 'done', 2, 2, ms], ['imp-pending', 'pending', 1, 1, ms]);
  await run('insert into imported_ballots (id, import_id, cycle_id, voter_ref, content) values (?, ?, \'cy-c1-25\', ?, \'[]\')', ['ib1', 'imp-done', 'v1'], ['ib2', 'imp-done', 'v2'], ['ib3', 'imp-pending', 'v3']);
  await run('insert into audit_findings (id, project_id, cycle_id, severity, body, created_at) values (?, ?, ?, \'info\', \'f\', ?)', ['f8', 'p8', null, ms], ['fc1', null, 'cy-c1-25', ms]);
}

beforeAll(async () => {
  t = await testApp({ now: () => NOW });
  await build(t);
});
afterAll(() => t.close());

const stats = async (level: 'city' | 'district' | 'street' | 'community', slug: string, year: number | null = null) => {
  const s = await placeStats(t.ctx.database, level, slug, year, NOW);
  if (!s) throw new Error(`no place ${level} ${slug}`);
  return s;
};

describe('place statistics', () => {
  it('counts a community over all years: projects by the state they are in now, money, participation and delivery', async () => {
    const a1 = await stats('community', 'a-one');
    expect(a1.figures).toEqual({
      projects_total: 6, // P1 P2 P3 P4 P6 P7; the draft P5 is not public
      projects_submitted: 0, // P3 was submitted, then rejected: it counts once, as rejected
      projects_screened_out: 1,
      projects_in_selection: 0,
      projects_not_adopted: 1,
      projects_adopted: 3, // P1 accepted, P2 in progress, P7 approved
      projects_adopted_by_residents: 2, // P1 (resident) and P7 (paper); P2 came from the workstation
      projects_in_progress: 1,
      projects_accepted: 1,
      projects_overdue: 1, // P2: planned end 2026-10-31, today 2026-12-06
      overdue_days: 36,
      projects_on_time: 1, // P1 passed on 09-20, due 09-30
      projects_withdrawn: 1,
      money_budget_fen: 90 * WAN,
      money_agreed_fen: 21 * WAN, // 10 + 6 + 5
      money_contracted_fen: 15 * WAN, // 9 + 6
      money_paid_fen: 11 * WAN, // 5 + 4 + 2
      registered_residents: 10,
      ballots: 6, // the superseded ballot does not count
      eligible_voters: 10, // 2025 had a vote; 2026's rulebook has none
      proposers: 2, // acc1 (P1, P4) and acc2 (P3); P5 is a draft
      participants: 7, // six voters, and acc2's register entry (r-a1-7) as proposer and commenter
      comments: 2, // the hidden comment and the comment on the draft do not count
      ratings: 2,
      ratings_score_sum: 8,
      findings_open: 0,
      findings_closed: 0,
      cycles: 2,
      cycles_with_vote: 1,
    } satisfies Figures);
    expect(a1.derived.turnout.value).toBeCloseTo(0.6);
    expect(a1.derived.meanSatisfaction).toBe(4);
    expect(a1.derived.proposalsPer1000).toBe(600);
    expect(a1.derived.paidShare).toEqual({ num: 11 * WAN, den: 21 * WAN, value: 11 / 21 });
  });

  it('a year with no resident vote has no eligible voters and no turnout, and compares with the year before', async () => {
    const d26 = await stats('district', 'da', 2026);
    expect(d26.figures).toMatchObject({ projects_total: 1, projects_adopted: 1, money_budget_fen: 40 * WAN, money_agreed_fen: 5 * WAN, ballots: 0, eligible_voters: 0, registered_residents: 19, cycles: 1, cycles_with_vote: 0 });
    expect(d26.derived.turnout).toEqual({ num: 0, den: 0, value: null });
    expect(d26.measures.participation.previous).toEqual({ num: 9, den: 19, value: 9 / 19 });
  });

  it('counts a district by year and over all years, with its streets as children that add up to it', async () => {
    const da = await stats('district', 'da');
    expect(da.place).toMatchObject({ level: 'district', slug: 'da', nameZh: '甲区' });
    expect(da.parents.map((p) => p.level)).toEqual(['city']);
    expect(da.years).toEqual([2026, 2025]);
    expect(da.figures).toMatchObject({
      projects_total: 8,
      projects_adopted: 4,
      projects_adopted_by_residents: 2,
      money_budget_fen: 140 * WAN,
      money_agreed_fen: 29 * WAN,
      money_contracted_fen: 23 * WAN,
      money_paid_fen: 19 * WAN,
      ballots: 9,
      eligible_voters: 19, // a1 10 + a2 5 + b1 4 (b1's vote opened by its planned date)
      registered_residents: 19,
      participants: 11, // a1 7, a2 2, b1 2 (acc3 proposed and commented; r-b1-2 voted)
      comments: 3,
      ratings: 3,
      ratings_score_sum: 12,
      projects_on_time: 1, // P8 passed after its planned end
      projects_accepted: 2,
      findings_open: 0,
      findings_closed: 1, // on P8, whose audit is complete
    });
    expect(da.children.map((c) => [c.slug, c.figures.projects_total, c.figures.money_paid_fen, c.figures.ballots, c.figures.eligible_voters])).toEqual([
      ['sa', 7, 19 * WAN, 8, 15],
      ['sb', 1, 0, 1, 4],
    ]);
    for (const k of FIGURE_KEYS) expect(addFigures(da.children.map((c) => c.figures))[k], k).toBe(da.figures[k]);
    expect(da.measures.breadth).toEqual({ num: 11, den: 19, value: 11 / 19 });
    expect(da.measures.grassroots).toEqual({ num: 2, den: 4, value: 0.5 });
    expect(da.byYear.map((y) => [y.year, y.figures.projects_total, y.figures.ballots, y.figures.eligible_voters])).toEqual([
      [2025, 7, 9, 19],
      [2026, 1, 0, 0],
    ]);
    expect(da.byCategory).toEqual([
      { key: 'engineering', adopted: 2, agreedFen: 18 * WAN, contractedFen: 17 * WAN, paidFen: 17 * WAN },
      { key: 'services', adopted: 2, agreedFen: 11 * WAN, contractedFen: 6 * WAN, paidFen: 2 * WAN },
    ]);
  });

  it('the city is the sum of its districts, and a cycle finding stays open until the cycle closes', async () => {
    const city = await stats('city', 'city');
    expect(city.children.map((c) => c.slug)).toEqual(['da', 'db']);
    for (const k of FIGURE_KEYS) expect(addFigures(city.children.map((c) => c.figures))[k], k).toBe(city.figures[k]);
    expect(city.figures).toMatchObject({ projects_total: 9, money_budget_fen: 150 * WAN, money_paid_fen: 20 * WAN, ballots: 11, eligible_voters: 21 });
    const c1 = await stats('community', 'c-one', 2025);
    // Two ballots of the approved import; the pending import's ballot is not counted yet.
    expect(c1.figures).toMatchObject({ ballots: 2, eligible_voters: 2, findings_open: 1, findings_closed: 0, projects_on_time: 1, participants: 0 });
    expect(c1.parents.map((p) => p.slug)).toEqual(['city', 'db', 'sc']);
  });

  it('agrees with the public projects and payments datasets', async () => {
    for (const slug of ['a-one', 'a-two', 'b-one', 'c-one']) {
      const s = await stats('community', slug);
      const projects = await dataset(t.ctx.database, 'projects', { communitySlug: slug }, NOW);
      const payments = await dataset(t.ctx.database, 'payments', { communitySlug: slug }, NOW);
      expect(s.figures.projects_total, slug).toBe(projects.rows.length);
      expect(s.figures.money_paid_fen, slug).toBe(payments.rows.reduce((n, r) => n + Number(r.amount_fen), 0));
    }
  });

  it('an unknown place or a malformed slug is not found', async () => {
    expect(await placeStats(t.ctx.database, 'district', 'zz', null, NOW)).toBeNull();
    expect(await placeStats(t.ctx.database, 'street', 'SA; drop', null, NOW)).toBeNull();
    expect(await placeStats(t.ctx.database, 'community', 'nowhere', null, NOW)).toBeNull();
  });
});
