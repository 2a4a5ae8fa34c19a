import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { accounts, ballots, cycleResults, cycles, projects, registerEntries, roleAssignments } from '#db/schema.ts';
import { parsePb, pbToElection } from '../domain/pabulib/index.ts';
import { tally } from '../domain/tally/tally.ts';
import { DEFAULT_RULEBOOK_SETTINGS } from '../domain/rulebook.ts';
import { seedDeliveryDemo, seedPastCycleDemo, PAST_CYCLE_ID } from '../services/delivery-demo.ts';
import { castBallot } from '../services/ballots.ts';
import { setCyclePhase } from '../services/cycles.ts';
import { loadActor } from '../services/accounts.ts';
import { addRulebookVersion } from '../services/rulebooks.ts';
import { SYSTEM_AUDIT_ACTOR } from '../services/audit.ts';
import type { StoredResult } from '../services/results.ts';
import { say } from '#messages/say.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const XIANHU = 'cy-xianhu-2026';

async function as(username: string) {
  const c = client(t.app);
  expect((await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD })).status).toBe(200);
  return c;
}
const codes = async (cycleId: string) => (await t.ctx.database.db.select({ id: projects.id, code: projects.code, state: projects.state }).from(projects).where(eq(projects.cycleId, cycleId))).sort((a, b) => a.code.localeCompare(b.code));
async function official(cycleId: string, isOfficial = true) {
  const rows = await t.ctx.database.db.select().from(cycleResults).where(eq(cycleResults.cycleId, cycleId));
  const r = rows.find((x) => x.official === isOfficial)!.result as StoredResult;
  const codeOf = new Map((await codes(cycleId)).map((p) => [p.id, p.code]));
  return { rule: r.rule, selected: r.selected.map((id) => codeOf.get(id)!).sort() };
}

beforeAll(async () => {
  t = await testApp({ seed: true, now: () => new Date('2026-11-22T10:00:00+08:00') });
  await seedDeliveryDemo(t.ctx);
  await seedPastCycleDemo(t.ctx);
});
afterAll(() => t.close());

describe('open datasets', () => {
  it('lists six datasets, each as CSV and JSON', async () => {
    const body = await (await client(t.app).get('/api/open-data')).json();
    expect(body.items.map((i: { name: string }) => i.name)).toEqual(['projects', 'decisions', 'meetings', 'payments', 'progress', 'ratings']);
    expect(body.items[3]).toEqual({ name: 'payments', csv: '/api/open-data/payments.csv', json: '/api/open-data/payments.json' });
    expect((await client(t.app).get('/api/open-data/residents.csv')).status).toBe(400);
  });

  it('payments come as CSV with a byte-order mark, exact amounts, and formulas defused', async () => {
    const staff = await as('staff_sx');
    expect((await staff.post('/api/projects/SGJD-SXSQ-2026-01/payments', { paidOn: '2026-11-22', amount: '0.01', note: '=HYPERLINK("http://evil.example","点我")' })).status).toBe(201);
    const res = await client(t.app).get('/api/open-data/payments.csv?community=sunxi');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="payments.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('project_code,project_title,batch_no,paid_on,amount_fen,amount_yuan,note');
    expect(lines).toContain('SGJD-SXSQ-2026-01,老旧小区视频监控（天网补点）,1,2026-06-20,8280000,82800,预付款（30%）');
    expect(lines).toContain(`SGJD-SXSQ-2026-01,老旧小区视频监控（天网补点）,3,2026-11-22,1,0.01,"'=HYPERLINK(""http://evil.example"",""点我"")"`);
  });

  it('no dataset carries personal data of residents, in CSV or JSON', async () => {
    // A resident rates with a comment (the participation API), then staff close the survey.
    const resident = await as('resident_sx');
    expect((await resident.post('/api/projects/SGJD-SXSQ-2026-02/ratings', { score: 5, comment: '公告栏位置醒目，下雨也能看清通知。' })).status).toBe(201);
    const staff = await as('staff_sx');
    expect((await staff.post('/api/projects/SGJD-SXSQ-2026-02/survey/close')).status).toBe(200);
    const texts: string[] = [];
    for (const name of ['projects', 'decisions', 'meetings', 'payments', 'progress', 'ratings']) {
      for (const fmt of ['csv', 'json']) {
        const res = await client(t.app).get(`/api/open-data/${name}.${fmt}`);
        expect(res.status).toBe(200);
        texts.push(await res.text());
      }
    }
    const all = texts.join('\n');
    // What would identify a resident: register names, addresses, numbers and codes; resident accounts' ids, logins and names; receipts.
    const entries = await t.ctx.database.db.select().from(registerEntries);
    const residentIds = new Set((await t.ctx.database.db.select({ id: roleAssignments.accountId }).from(roleAssignments).where(eq(roleAssignments.role, 'resident'))).map((r) => r.id));
    const residentAccounts = (await t.ctx.database.db.select().from(accounts)).filter((a) => residentIds.has(a.id));
    const receipts = (await t.ctx.database.db.select({ r: ballots.receiptCode }).from(ballots)).map((b) => b.r);
    const secrets = [
      ...entries.flatMap((e) => [e.id, e.name, e.address, e.registerNo, e.verificationCode, e.phone].filter((x): x is string => !!x)),
      ...residentAccounts.flatMap((a) => [a.id, a.username, a.mobile, a.displayName].filter((x): x is string => !!x)),
      ...receipts,
    ];
    expect(secrets.length).toBeGreaterThan(50);
    expect(secrets.filter((s) => all.includes(s))).toEqual([]);
    // And what must be there is there: ratings with their comments, decisions with residents as 居民.
    const ratings = await (await client(t.app).get('/api/open-data/ratings.json?cycle=cy-sunxi-2026')).json();
    expect(ratings.items).toContainEqual({ project_code: 'SGJD-SXSQ-2026-02', project_title: '社区公共信息公告栏', score: 5, comment: '公告栏位置醒目，下雨也能看清通知。', rated_on: '2026-11-22' });
    const decisions = await (await client(t.app).get('/api/open-data/decisions.json?community=sunxi')).json();
    expect(decisions.items.find((d: { project_code: string; event: string }) => d.project_code === 'SGJD-SXSQ-2026-01' && d.event === 'submit')).toMatchObject({ actor_role: 'resident', actor_name: '居民', from_state: 'draft', to_state: 'submitted' });
    expect(decisions.items.find((d: { event: string; project_code: string }) => d.event === 'close_survey' && d.project_code === 'SGJD-SXSQ-2026-02')).toMatchObject({ project_code: 'SGJD-SXSQ-2026-02', to_state: 'evaluated', actor_name: '吴勇（示例）' });
  });

  it('filters by community and cycle', async () => {
    const p = await (await client(t.app).get('/api/open-data/projects.json?cycle=cy-sunxi-2024')).json();
    expect(p.items.map((x: { code: string; state: string }) => [x.code, x.state])).toEqual([
      ['SGJD-SXSQ-2024-01', 'audited'],
      ['SGJD-SXSQ-2024-02', 'not_shortlisted'],
      ['SGJD-SXSQ-2024-03', 'archived'],
      ['SGJD-SXSQ-2024-04', 'evaluated'],
    ]);
    const progress = await (await client(t.app).get('/api/open-data/progress.json?community=lianhua')).json();
    expect(progress.items).toEqual([]);
  });
});

describe('the anonymised ballots of a closed vote as pabulib', () => {
  it('are not published while the vote is open', async () => {
    const res = await client(t.app).get(`/api/cycles/${XIANHU}/ballots.pb`);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('vote_not_closed');
    expect((await client(t.app).get('/api/cycles/nope/ballots.pb')).status).toBe(404);
  });

  it('the demo’s 2024 vote downloads, round-trips through the reader, and the tally reproduces the official result', async () => {
    const res = await client(t.app).get(`/api/cycles/${PAST_CYCLE_ID}/ballots.pb`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="sunxi-2024-ballots.pb"');
    const text = await res.text();
    const pb = parsePb(text);
    expect(pb.meta).toMatchObject({ budget: '600000', currency: 'CNY', vote_type: 'approval', rule: 'greedy', num_votes: '8', num_projects: '4', unit: '罗湖区 笋岗街道 笋西社区' });
    expect(pb.meta['rule_description']).toMatch(/^Greedy by vote count: .*greedy_utilitarian_welfare with cost satisfaction \(Cost_Sat; .*with cardinality satisfaction \(Cardinality_Sat\) it would rank by votes per unit of cost/);
    expect(pb.votes.map((v) => v.voterId)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(pb.projects.map((p) => [p.id, p.cost, p.fields['votes'], p.fields['selected']])).toEqual([
      ['SGJD-SXSQ-2024-01', '120000', '5', '1'],
      ['SGJD-SXSQ-2024-02', '180000', '4', '0'],
      ['SGJD-SXSQ-2024-03', '350000', '6', '1'],
      ['SGJD-SXSQ-2024-04', '80000', '2', '1'],
    ]);
    // By hand, budget 600,000, ballots as in the next test. greedy: 03 (6 votes, 350,000), 01 (5,
    // 120,000), 02 (4, 180,000) does not fit the 130,000 left, 04 (2, 80,000) does.
    // mes-add1: 75,000 each; 03 (rho 1/6), then 01 (its three poorer supporters pay all
    // they have left), {03, 01} leaves 130,000, where 04 still fits; raising each voter's budget
    // by 6,667 lets 04's two supporters pay 80,000 after that: {01, 03, 04} costs 550,000, and
    // 02 does not fit the 50,000 left.
    const want = ['SGJD-SXSQ-2024-01', 'SGJD-SXSQ-2024-03', 'SGJD-SXSQ-2024-04'];
    const recount = pbToElection(pb);
    expect(tally(recount, 'greedy').selected).toEqual(want);
    expect(tally(recount, 'mes-add1').selected).toEqual(want);
    expect(await official(PAST_CYCLE_ID)).toEqual({ rule: 'greedy', selected: want });
    expect(await official(PAST_CYCLE_ID, false)).toEqual({ rule: 'mes-add1', selected: want });
    // Nothing that ties a ballot to a person.
    const receipts = (await t.ctx.database.db.select({ r: ballots.receiptCode }).from(ballots).where(eq(ballots.cycleId, PAST_CYCLE_ID))).map((b) => b.r);
    expect(receipts).toHaveLength(8);
    expect(receipts.filter((r) => text.includes(r))).toEqual([]);
    expect(text).not.toMatch(/demo-|resident_sx|reg/);
  });

  it('each download is shuffled afresh but holds the same ballots', async () => {
    const sorted = async () => parsePb(await (await client(t.app).get(`/api/cycles/${PAST_CYCLE_ID}/ballots.pb`)).text()).votes.map((v) => v.vote.join(',')).sort();
    const a = await sorted();
    expect(a).toEqual(await sorted());
    expect(a).toEqual([
      'SGJD-SXSQ-2024-01,SGJD-SXSQ-2024-02',
      'SGJD-SXSQ-2024-01,SGJD-SXSQ-2024-02,SGJD-SXSQ-2024-04',
      'SGJD-SXSQ-2024-01,SGJD-SXSQ-2024-03',
      'SGJD-SXSQ-2024-01,SGJD-SXSQ-2024-03',
      'SGJD-SXSQ-2024-01,SGJD-SXSQ-2024-03',
      'SGJD-SXSQ-2024-02,SGJD-SXSQ-2024-03',
      'SGJD-SXSQ-2024-02,SGJD-SXSQ-2024-03',
      'SGJD-SXSQ-2024-03,SGJD-SXSQ-2024-04',
    ]);
  });
});

describe('a vote counted by equal shares (money in yuan matters)', () => {
  let u: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    u = await testApp({ seed: true });
    // 仙湖 counts by MES with Add1 and has a tight budget; its eight verified residents vote, then the vote closes.
    const rb = await u.ctx.database.write((tx) => addRulebookVersion(tx, { districtId: 'd-lh', year: 2026, settings: { ...DEFAULT_RULEBOOK_SETTINGS, resultRule: 'mes-add1' }, actor: SYSTEM_AUDIT_ACTOR, at: new Date() }));
    await u.ctx.database.write((tx) => tx.update(cycles).set({ rulebookId: rb.id, budgetFen: 1_000_003_37 }).where(eq(cycles.id, XIANHU)));
    const ps = (await u.ctx.database.db.select({ id: projects.id, code: projects.code, state: projects.state }).from(projects).where(eq(projects.cycleId, XIANHU))).filter((p) => p.state === 'screened_in').sort((a, b) => a.code.localeCompare(b.code));
    const voters = ['demo-resident_xh', 'demo-council_xh', ...[1, 2, 3, 4, 5, 6].map((i) => `demo-council-xianhu-${i}`)];
    const choices = [[0, 1], [0, 1], [0, 2], [1, 3], [2], [3], [0, 3], [1, 2, 3]];
    for (const [i, v] of voters.entries()) {
      const r = await castBallot(u.ctx, XIANHU, { projects: choices[i]!.map((k) => ps[k]!.id) }, (await loadActor(u.ctx, v)).actor);
      expect(r.ok).toBe(true);
    }
    const staff = (await loadActor(u.ctx, 'demo-staff_xh')).actor;
    expect((await setCyclePhase(u.ctx, XIANHU, 'deliberation', staff, { accountId: 'demo-staff_xh', role: 'staff', name: '周敏（示例）' })).ok).toBe(true);
  });
  afterAll(() => u.close());

  it('the downloaded file recounts to the official MES result', async () => {
    const text = await (await client(u.app).get(`/api/cycles/${XIANHU}/ballots.pb`)).text();
    const pb = parsePb(text);
    // The rule by its pabulib name, and exactly which variant of it.
    expect(pb.meta).toMatchObject({ budget: '1000003.37', rule: 'equalshares/add1', num_votes: '8' });
    expect(pb.meta['rule_description']).toBe(say.tally('en', 'rule.mes-add1.definition'));
    expect(pb.meta['rule_description']).toMatch(/^Method of Equal Shares with cost satisfaction .* completed by Add1: .* raised by 1 yuan .*method_of_equal_shares\(sat_class=Cost_Sat, voter_budget_increment=1\)\.$/);
    // Worked out by hand from the ballots above (01: 480,000 by voters 3 5 6 7; 02: 240,000 by
    // 1 2 3 6; 03: 350,000 by 1 7 8; 04: 620,000 by 1 2 4 5), budget 1,000,003.37, 8 voters.
    // mes-add1: each voter starts with 125,000.42. 02 and 01 tie at rho 1/4 (60,000 and
    // 120,000 each); the cheaper 02 wins. Then 01's supporters hold 380,001.69 < 480,000, 03's
    // 315,001.26 < 350,000, 04's 380,001.69 < 620,000: {02}, not exhaustive. 03 becomes
    // affordable after 02 once 3b - 60,000 >= 350,000, b >= 136,666.67, i.e. at step 11,667
    // (01 needs b >= 150,000, 04 b >= 185,000): {02, 03} costs 590,000, and neither 01 nor 04
    // fits the 410,003.37 left: exhaustive.
    // greedy (the comparison): 01, 02 and 04 have 4 votes, 02 is cheapest, then 01:
    // 240,000 + 480,000 leaves 280,003.37, too little for 04 (620,000) and 03 (350,000).
    const want = { 'mes-add1': ['LTJD-XHSQ-2026-02', 'LTJD-XHSQ-2026-03'], greedy: ['LTJD-XHSQ-2026-01', 'LTJD-XHSQ-2026-02'] } as const;
    expect(pb.projects.filter((p) => p.fields['selected'] === '1').map((p) => p.id)).toEqual(want['mes-add1']);
    const recount = pbToElection(pb);
    for (const rule of ['mes-add1', 'greedy'] as const) expect(tally(recount, rule).selected, rule).toEqual(want[rule]);
    // and what the site stored and published is the same
    const rows = await u.ctx.database.db.select().from(cycleResults).where(eq(cycleResults.cycleId, XIANHU));
    const ps = await u.ctx.database.db.select({ id: projects.id, code: projects.code }).from(projects).where(eq(projects.cycleId, XIANHU));
    const codeOf = new Map(ps.map((p) => [p.id, p.code]));
    expect(Object.fromEntries(rows.map((row) => [row.rule, (row.result as StoredResult).selected.map((id) => codeOf.get(id)!).sort()]))).toEqual(want);
    expect(rows.find((r) => r.official)!.rule).toBe('mes-add1');
  });
});
