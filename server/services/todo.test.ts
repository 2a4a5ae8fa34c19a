/**
 * The to-do desk on the demo data plus a hand-built community (待办社区,
 * in 莲塘街道) holding one or more items of every kind, each worked out by
 * hand in the comments. Checks the counts per kind and role, that every
 * count matches the items listed, the links, and that a person sees only the
 * places their roles cover.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '#tests/fixtures.ts';
import type { Person } from '../domain/permissions.ts';
import { loadActor } from './accounts.ts';
import { sql } from 'drizzle-orm';
import { currentPhase, type CyclePhase } from '../domain/cycle-phases.ts';
import { currentPhaseSql, todoDesk, TODO_PAGE, type TodoDesk, type TodoKind } from './todo.ts';

const WAN = 1_000_000;
const NOW = new Date('2026-12-07T12:00:00+08:00');
const DAY = 86_400_000;
let t: TestApp;

async function build(t: TestApp) {
  const c = t.ctx.database.client;
  const ms = NOW.getTime();
  const run = async (sqlText: string, ...rows: unknown[][]) => {
    for (const args of rows) await c.execute({ sql: sqlText, args: args as never[] });
  };
  await run('insert into communities (id, street_id, code, slug, name_zh, name_en) values (?, ?, ?, ?, ?, ?)', ['c-todo', 's-ltjd', 'DBSQ', 'todo-test', '待办社区', 'To-do Community']);
  await run(
    'insert into accounts (id, username, password_hash, display_name, created_at) values (?, ?, ?, ?, ?)',
    ['ts1', 'todo_staff1', 'x', '甲', ms],
    ['ts2', 'todo_staff2', 'x', '乙', ms],
    ['ts3', 'todo_staff3', 'x', '丙', ms],
    ['tc', 'todo_council', 'x', '丁', ms],
  );
  await run(
    'insert into role_assignments (id, account_id, role, scope_kind, scope_id, granted_at) values (?, ?, ?, ?, ?, ?)',
    ['r1', 'ts1', 'staff', 'community', 'c-todo', ms],
    ['r2', 'ts2', 'staff', 'community', 'c-todo', ms],
    ['r3', 'ts3', 'staff', 'community', 'c-todo', ms],
    ['r4', 'tc', 'council_member', 'community', 'c-todo', ms],
    // A council membership above a community grants nothing (permissions.ts): tc sees only c-todo.
    ['r5', 'tc', 'council_member', 'street', 's-ltjd', ms],
  );
  const rb = (await c.execute("select id from rulebooks where district_id = 'd-lh' and year = 2026 limit 1")).rows[0]!.id as string;
  const cy = 'insert into cycles (id, community_id, year, rulebook_id, title_zh, title_en, budget_fen, open_phase, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)';
  await run(
    cy,
    // Screening open until 12-20: its two submitted proposals await screening.
    ['cy-t24', 'c-todo', 2024, rb, '待办 2024', 'To-do 2024', 100 * WAN, 'screening', ms],
    // Everything after the council, in implementation.
    ['cy-t25', 'c-todo', 2025, rb, '待办 2025', 'To-do 2025', 100 * WAN, 'implementation', ms],
    // No phase opened by hand: the plan says the vote runs today, ending tomorrow.
    ['cy-t26', 'c-todo', 2026, rb, '待办社区 2026 年度', 'To-do 2026', 100 * WAN, null, ms],
  );
  const ph = 'insert into cycle_phases (id, cycle_id, phase, starts_on, ends_on) values (?, ?, ?, ?, ?)';
  await run(
    ph,
    ['p1', 'cy-t24', 'screening', '2026-12-01', '2026-12-20'],
    ['p2', 'cy-t25', 'deliberation', '2026-11-01', '2026-11-30'],
    ['p3', 'cy-t25', 'implementation', '2026-11-01', '2026-12-31'],
    ['p4', 'cy-t25', 'acceptance', '2027-01-01', '2027-01-31'],
    ['p5', 'cy-t25', 'audit', '2027-02-01', '2027-02-28'],
    ['p6', 'cy-t26', 'collection', '2026-10-01', '2026-11-30'],
    ['p7', 'cy-t26', 'resident_vote', '2026-12-01', '2026-12-08'],
  );
  const pr = `insert into projects (id, code, cycle_id, community_id, title, category, theme, description, address, proposer_type, estimated_cost_fen, state, created_at, updated_at)
    values (?, ?, ?, 'c-todo', ?, 'goods', 'care', '-', '-', 'resident', ?, ?, ?, ?)`;
  let i = 0;
  const project = (id: string, cycle: string, state: string, cost = 5 * WAN) => [id, `LTJD-DBSQ-${cycle.slice(-2)}-${id}`, cycle, `项目${id}`, cost, state, ms + i++, ms + i];
  await run(
    pr,
    project('s1', 'cy-t24', 'submitted'),
    project('s2', 'cy-t24', 'submitted'),
    project('d1', 'cy-t25', 'under_deliberation'), // on an open meeting's agenda
    project('d2', 'cy-t25', 'under_deliberation'), // on no agenda: a meeting to schedule
    project('n1', 'cy-t25', 'in_public_notice'), // notice ends tomorrow, one objection open
    project('a1', 'cy-t25', 'approved'), // no agreement
    project('g1', 'cy-t25', 'in_progress'), // planned end passed, reported 100 %
    project('k1', 'cy-t25', 'accepted', 10 * WAN), // 10万 agreed, 4万 paid, two ratings
    project('e1', 'cy-t25', 'evaluated'),
  );
  await run("insert into screening_opinions (id, project_id, author_account_id, stance, body, created_at) values ('o1', 's1', 'tc', 'support', '好', ?)", [ms]);
  const mt = 'insert into meetings (id, community_id, cycle_id, title, scheduled_at, place, status, agenda_published_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)';
  await run(
    mt,
    // Held this morning and still open: minutes to publish, and a meeting for the council.
    ['m1', 'c-todo', 'cy-t25', '第一次会议', '2026-12-07T09:30', '会议室', 'open', ms - DAY, ms],
    // Next week, agenda not yet published.
    ['m2', 'c-todo', 'cy-t25', '第二次会议', '2026-12-14T09:30', '会议室', 'scheduled', null, ms],
    // Closed: nothing to do.
    ['m3', 'c-todo', 'cy-t25', '第零次会议', '2026-11-20T09:30', '会议室', 'closed', ms - 20 * DAY, ms],
  );
  await run("insert into agenda_items (id, meeting_id, project_id, position) values ('ai1', 'm1', 'd1', 1)", []);
  // d2 was carried over from the closed meeting: it needs a new one.
  await run("insert into agenda_items (id, meeting_id, project_id, position, outcome) values ('ai2', 'm3', 'd2', 1, 'carried_over')", []);
  await run('insert into register_entries (id, community_id, register_no, name, address, verification_code, imported_at) values (?, ?, ?, ?, ?, ?, ?)', ['re1', 'c-todo', 'T1', '某', '-', 'TODO-CODE-1', ms], ['re2', 'c-todo', 'T2', '某', '-', 'TODO-CODE-2', ms]);
  await run("insert into notices (id, project_id, starts_at, ends_at) values ('nt1', 'n1', ?, ?)", [ms - 4 * DAY, ms + DAY]);
  await run("insert into objections (id, notice_id, project_id, register_entry_id, reason, status, created_at) values ('ob1', 'nt1', 'n1', 're1', '太贵', 'open', ?)", [ms]);
  const ag = `insert into agreements (id, project_id, implementer_name, implementer_type, registration_no, agreement_date, agreed_amount_fen, planned_start, planned_end, created_at)
    values (?, ?, '某公司', 'contractor', 'R', '2026-11-01', ?, '2026-11-02', ?, ?)`;
  await run(ag, ['ag1', 'g1', 5 * WAN, '2026-12-01', ms], ['ag2', 'k1', 10 * WAN, '2026-11-30', ms]);
  await run("insert into progress_reports (id, project_id, reported_on, percent, body, created_at) values ('pg1', 'g1', '2026-12-05', 100, '完工', ?)", [ms]);
  await run("insert into payments (id, project_id, batch_no, paid_on, amount_fen, created_at) values ('pay1', 'k1', 1, '2026-11-10', ?, ?)", [4 * WAN, ms]);
  await run('insert into ratings (id, project_id, register_entry_id, score, created_at) values (?, ?, ?, ?, ?)', ['rt1', 'k1', 're1', 5, ms], ['rt2', 'k1', 're2', 3, ms]);
  const pb = "insert into paper_ballot_entries (id, cycle_id, paper_serial, register_entry_id, content, entered_by, created_at, status) values (?, 'cy-t26', ?, ?, '[]', ?, ?, ?)";
  await run(
    pb,
    ['e1', 'A001', 're1', 'ts2', ms, 'pending'], // typed once by ts2: ts1 and ts3 may confirm it
    ['e2', 'A002', 're1', 'ts1', ms, 'mismatch'], // typed differently by ts1 and ts2: only ts3 may settle it
    ['e3', 'A002', 're2', 'ts2', ms, 'mismatch'],
  );
  await run("insert into ballot_imports (id, cycle_id, file_name, status, total, processed, created_at, created_by) values ('bi1', 'cy-t26', 'votes.pb', 'pending', 120, 120, ?, 'ts1')", [ms]);
}

async function actorOf(username: string): Promise<Person> {
  const id = (await t.ctx.database.client.execute({ sql: 'select id from accounts where username = ?', args: [username] })).rows[0]!.id as string;
  return (await loadActor(t.ctx, id)).actor;
}
async function desk(username: string): Promise<TodoDesk> {
  return todoDesk(t.ctx.database, await actorOf(username), NOW);
}
const counts = (d: TodoDesk) => Object.fromEntries(d.groups.map((g) => [g.kind, g.count]));
const group = (d: TodoDesk, kind: TodoKind) => d.groups.find((g) => g.kind === kind)!;

beforeAll(async () => {
  t = await testApp({ seed: true, now: () => NOW });
  await build(t);
}, 60_000);
afterAll(() => t?.close());

describe('the to-do desk', () => {
  it('lists every kind a community staff member can act on, each count the number of items listed', async () => {
    const d = await desk('todo_staff1');
    expect(counts(d)).toEqual({
      screening: 2,
      objections: 1,
      meetings_to_schedule: 1,
      agendas_to_publish: 1,
      minutes_to_publish: 1,
      notices_ending: 1,
      votes_to_close: 1,
      paper_to_confirm: 1,
      agreements_to_sign: 1,
      payments_due: 1,
      acceptances_due: 1,
      overdue: 1,
      ratings_to_read: 1,
    });
    for (const g of d.groups) expect(g.items).toHaveLength(g.count);
    expect(d.total).toBe(14);
  });

  it('links each item to the page where it is done, with its due date and money', async () => {
    const d = await desk('todo_staff1');
    expect(group(d, 'screening').items.map((i) => [i.title, i.href, i.due, i.overdue])).toEqual([
      ['项目s1', '/staff/todo-test/screening?cycle=cy-t24', '2026-12-20', false],
      ['项目s2', '/staff/todo-test/screening?cycle=cy-t24', '2026-12-20', false],
    ]);
    expect(group(d, 'objections').items[0]).toMatchObject({ href: '/projects/LTJD-DBSQ-25-n1#notice', due: '2026-12-08', overdue: false });
    expect(group(d, 'notices_ending').items[0]).toMatchObject({ href: '/projects/LTJD-DBSQ-25-n1/notice', due: '2026-12-08' });
    expect(group(d, 'meetings_to_schedule').items[0]).toMatchObject({ code: 'LTJD-DBSQ-25-d2', href: '/staff/todo-test/meetings?cycle=cy-t25', due: '2026-11-30', overdue: true });
    expect(group(d, 'agendas_to_publish').items[0]).toMatchObject({ title: '第二次会议', href: '/staff/todo-test/meetings/m2', due: '2026-12-14', overdue: false });
    expect(group(d, 'minutes_to_publish').items[0]).toMatchObject({ title: '第一次会议', href: '/staff/todo-test/meetings/m1', due: '2026-12-07', overdue: false });
    expect(group(d, 'votes_to_close').items[0]).toMatchObject({ title: '待办社区 2026 年度', titleEn: 'To-do 2026', href: '/staff/todo-test/screening?cycle=cy-t26', due: '2026-12-08', overdue: false });
    expect(group(d, 'paper_to_confirm').items[0]).toMatchObject({ title: 'A001', href: '/staff/todo-test/paper-ballots', n: 1 });
    expect(group(d, 'agreements_to_sign').items[0]).toMatchObject({ href: '/staff/todo-test/delivery/LTJD-DBSQ-25-a1', due: '2026-11-01', overdue: true });
    expect(group(d, 'payments_due').items[0]).toMatchObject({ href: '/staff/todo-test/delivery/LTJD-DBSQ-25-k1', amountFen: 6 * WAN });
    expect(group(d, 'acceptances_due').items[0]).toMatchObject({ code: 'LTJD-DBSQ-25-g1', due: '2026-12-01', overdue: true });
    expect(group(d, 'overdue').items[0]).toMatchObject({ code: 'LTJD-DBSQ-25-g1', n: 6, overdue: true });
    expect(group(d, 'ratings_to_read').items[0]).toMatchObject({ code: 'LTJD-DBSQ-25-k1', n: 2, due: '2027-01-31' });
    for (const g of d.groups) for (const i of g.items) expect(i.community).toEqual({ slug: 'todo-test', nameZh: '待办社区', nameEn: 'To-do Community' });
  });

  it('leaves to each staff member only the paper ballots and imports someone else entered', async () => {
    const [two, three] = [await desk('todo_staff2'), await desk('todo_staff3')];
    expect(counts(two).paper_to_confirm).toBeUndefined(); // ts2 typed A001 and half of A002
    expect(counts(two).paper_mismatches).toBeUndefined();
    expect(group(two, 'imports_to_review').items.map((i) => [i.title, i.href, i.n])).toEqual([['votes.pb', '/staff/todo-test/delivery/import?import=bi1', 120]]);
    expect(counts(three)).toMatchObject({ paper_to_confirm: 1, paper_mismatches: 1, imports_to_review: 1 });
    expect(group(three, 'paper_mismatches').items[0]).toMatchObject({ title: 'A002', n: 2 });
    expect(counts(await desk('todo_staff1')).imports_to_review).toBeUndefined(); // ts1 uploaded it
  });

  it('gives a council member the proposals they have not given an opinion on and the meetings to attend', async () => {
    const d = await desk('todo_council');
    expect(counts(d)).toEqual({ opinions: 1, council_meetings: 1 });
    expect(group(d, 'opinions').items[0]).toMatchObject({ title: '项目s2', href: '/staff/todo-test/screening?cycle=cy-t24' });
    expect(group(d, 'council_meetings').items[0]).toMatchObject({ title: '第一次会议', href: '/meetings/m1' });
  });

  it('gives officers and auditors what they act on in their street or district', async () => {
    // 莲塘街道 holds 莲花, 仙湖 and 待办社区: screening is open only in 待办社区, e1 awaits its audit.
    expect(counts(await desk('street_lt'))).toEqual({ screening: 2, imports_to_review: 1, audits_due: 1 });
    // 罗湖区: the same, and two projects to audit (笋西's demo 2024 project and e1).
    expect(counts(await desk('officer'))).toEqual({ screening: 2, imports_to_review: 1, audits_due: 2 });
    const auditor = await desk('auditor');
    expect(counts(auditor)).toEqual({ audits_due: 2 });
    expect(group(auditor, 'audits_due').items.map((i) => i.href)).toContain('/staff/todo-test/delivery/LTJD-DBSQ-25-e1');
  });

  it('shows staff only their own community', async () => {
    for (const username of ['staff_lt', 'staff_xh', 'staff_sx']) {
      const d = await desk(username);
      for (const g of d.groups) for (const i of g.items) expect(i.community.slug).not.toBe('todo-test');
    }
    // 仙湖's vote ran 11-15 to 11-30 and is still open: a vote to close, late.
    expect(counts(await desk('staff_xh'))).toEqual({ votes_to_close: 1 });
    expect(group(await desk('staff_xh'), 'votes_to_close').items[0]).toMatchObject({ href: '/staff/xianhu/screening?cycle=cy-xianhu-2026', due: '2026-11-30', overdue: true });
    // A resident has no desk.
    expect((await desk('resident_lt')).groups).toEqual([]);
  });

  it(`lists at most ${TODO_PAGE} items of a kind and counts them all`, async () => {
    const c = t.ctx.database.client;
    for (let n = 0; n < TODO_PAGE + 5; n++) {
      await c.execute({
        sql: `insert into projects (id, code, cycle_id, community_id, title, category, theme, description, address, proposer_type, estimated_cost_fen, state, created_at, updated_at)
          values (?, ?, 'cy-t24', 'c-todo', ?, 'goods', 'care', '-', '-', 'resident', 1, 'submitted', ?, ?)`,
        args: [`many${n}`, `LTJD-DBSQ-24-M${n}`, `多${n}`, NOW.getTime() + 1000 + n, NOW.getTime()],
      });
    }
    const g = group(await desk('todo_staff1'), 'screening');
    expect(g.count).toBe(TODO_PAGE + 7);
    expect(g.items).toHaveLength(TODO_PAGE);
    expect(g.items[0]!.title).toBe('项目s1');
  });

  it('finds each cycle’s phase in SQL as the domain does (currentPhase)', async () => {
    const rows = await t.ctx.database.client.execute('select id, open_phase from cycles');
    const phases = await t.ctx.database.client.execute('select cycle_id, phase, starts_on, ends_on from cycle_phases');
    // Every cycle of the demo and of the test community, with the phase staff opened and with only its plan (overlaps, gaps, before and after).
    for (const day of ['2024-01-01', '2026-03-05', '2026-04-20', '2026-11-30', '2026-12-01', '2026-12-08', '2026-12-21', '2027-06-01']) {
      for (const useOpen of [true, false]) {
        const inSql = await t.ctx.database.db.all<{ id: string; phase: string | null }>(
          sql`select cy.id, ${useOpen ? currentPhaseSql(day) : sql`coalesce(null, (select ${currentPhaseSql(day)} from (select null as open_phase, cy0.id as id from cycles cy0 where cy0.id = cy.id) cy))`} as phase from cycles cy`,
        );
        for (const r of rows.rows) {
          const plan = phases.rows.filter((p) => p.cycle_id === r.id).map((p) => ({ phase: p.phase as CyclePhase, startsOn: p.starts_on as string, endsOn: p.ends_on as string }));
          const expected = currentPhase({ phases: plan, openPhase: useOpen ? (r.open_phase as CyclePhase | null) : null }, day);
          expect(inSql.find((x) => x.id === r.id)?.phase ?? null, `${r.id} on ${day}${useOpen ? '' : ' (plan only)'}`).toBe(expected);
        }
      }
    }
  });
});
