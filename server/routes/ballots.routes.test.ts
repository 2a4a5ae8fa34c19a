import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { client, seededTemplate, type TestApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { accounts, auditLog, ballots, cycles, paperBallotEntries, projects, registerEntries, roleAssignments } from '#db/schema.ts';
import { DEFAULT_RULEBOOK_SETTINGS, type VoteSettings, type ResultRule } from '../domain/rulebook.ts';
import { addRulebookVersion } from '../services/rulebooks.ts';
import { SYSTEM_AUDIT_ACTOR, verifyAuditLog } from '../services/audit.ts';
import { hashPassword } from '../auth/passwords.ts';

const CYCLE = 'cy-xianhu-2026';
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const WAN = 1_000_000;
type T = TestApp;

async function as(t: T, username: string) {
  const c = client(t.app);
  const r = await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD });
  expect(r.status).toBe(200);
  return c;
}

/** 仙湖's ballot: 01 消防 48万, 02 十项 24万, 03 人行道 35万, 04 连廊 62万 (05 燃气 was screened out). */
async function xianhuProjects(t: T) {
  const rows = await t.ctx.database.db.select({ id: projects.id, code: projects.code }).from(projects).where(eq(projects.cycleId, CYCLE));
  const by = (n: string) => rows.find((r) => r.code === `LTJD-XHSQ-2026-${n}`)!.id;
  return { F: by('01'), S: by('02'), W: by('03'), L: by('04'), gas: by('05') };
}

/** Test setup: bind the cycle to a new rulebook version with these vote settings (and budget). */
async function useRules(t: T, vote: VoteSettings, opts: { budgetFen?: number; resultRule?: ResultRule } = {}) {
  const rb = await t.ctx.database.write((tx) =>
    addRulebookVersion(tx, { districtId: 'd-lh', year: 2026, settings: { ...DEFAULT_RULEBOOK_SETTINGS, vote, resultRule: opts.resultRule ?? 'greedy' }, actor: SYSTEM_AUDIT_ACTOR, at: new Date() }),
  );
  await t.ctx.database.write((tx) => tx.update(cycles).set({ rulebookId: rb.id, ...(opts.budgetFen ? { budgetFen: opts.budgetFen } : {}) }).where(eq(cycles.id, CYCLE)));
}

async function accountId(t: T, username: string) {
  return (await t.ctx.database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username)))[0]!.id;
}

async function registerNoOf(t: T, username: string) {
  const r = await t.ctx.database.db.select({ no: registerEntries.registerNo }).from(registerEntries).where(eq(registerEntries.claimedByAccountId, await accountId(t, username)));
  return r[0]!.no;
}

async function currentBallots(t: T, registerNo?: string) {
  const rows = await t.ctx.database.db
    .select({ b: ballots, no: registerEntries.registerNo })
    .from(ballots)
    .innerJoin(registerEntries, eq(registerEntries.id, ballots.registerEntryId))
    .where(and(eq(ballots.cycleId, CYCLE), isNull(ballots.supersededAt)));
  return rows.filter((r) => registerNo === undefined || r.no === registerNo).map((r) => r.b);
}

async function allBallotsOf(t: T, username: string) {
  return t.ctx.database.db
    .select()
    .from(ballots)
    .innerJoin(registerEntries, eq(registerEntries.id, ballots.registerEntryId))
    .where(and(eq(ballots.cycleId, CYCLE), eq(registerEntries.claimedByAccountId, await accountId(t, username))));
}

/** 仙湖's third staff member (demo seed), for the third check of a mismatch. */
async function thirdStaff(t: T) {
  return as(t, 'staff3_xh');
}

const RECEIPT = /^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/;

// Every test gets its own copy of the seeded demo data, so each passes alone and in any order.
let template: Awaited<ReturnType<typeof seededTemplate>>;
let t: T;
let P: Awaited<ReturnType<typeof xianhuProjects>>;
beforeAll(async () => {
  template = await seededTemplate();
});
afterAll(() => template.close());
beforeEach(async () => {
  t = await template.fresh();
  P = await xianhuProjects(t);
});
afterEach(() => t.close());

describe('casting an online ballot', () => {
  it('anyone can read the ballot: its rule, its four screened-in projects in code order, and why they cannot vote', async () => {
    const res = await client(t.app).get(`/api/cycles/${CYCLE}/ballot`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.rules).toEqual({ method: 'approval', maxChoices: 5, description: '勾选您支持的项目，最多选择 5 个项目。' });
    expect(body.projects.map((p: { code: string }) => p.code)).toEqual(['LTJD-XHSQ-2026-01', 'LTJD-XHSQ-2026-02', 'LTJD-XHSQ-2026-03', 'LTJD-XHSQ-2026-04']);
    expect(body.projects[0]).toEqual({ id: P.F, code: 'LTJD-XHSQ-2026-01', title: '消防安全体验馆及微型消防站器材', category: 'engineering', costFen: 48 * WAN });
    expect(body).toMatchObject({ canCast: false, reason: { code: 'not_signed_in', message: '请先登录' }, current: null });
  });

  it('a verified resident casts an approval ballot and gets a receipt code; the log says only that a resident voted online', async () => {
    const me = await as(t, 'resident_xh');
    const res = await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.W, P.F] });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({ receiptCode: expect.stringMatching(RECEIPT), castAt: expect.any(String), replaced: false, ballot: { method: 'approval', projects: [P.F, P.W].sort() } });
    const view = await (await me.get(`/api/cycles/${CYCLE}/ballot`)).json();
    expect(view).toMatchObject({ canCast: true, reason: null, current: { channel: 'online', ballot: { method: 'approval', projects: [P.F, P.W].sort() } } });
    expect(JSON.stringify(view)).not.toContain(body.receiptCode);
    const log = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'ballot.cast'), eq(auditLog.subjectId, CYCLE)));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorRole: 'resident', actorName: '居民', subjectType: 'cycle', subjectId: CYCLE, after: '{"channel":"online"}' });
    expect(JSON.stringify(log[0])).not.toContain(body.receiptCode);
    expect(JSON.stringify(log[0])).not.toContain(P.F);
  });

  it('voting again replaces the ballot: two rows, exactly one current, a new receipt', async () => {
    const me = await as(t, 'council_xh');
    const first = await (await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F] })).json();
    const res = await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.S, P.L] });
    expect(res.status).toBe(201);
    const second = await res.json();
    expect(second.replaced).toBe(true);
    expect(second.receiptCode).not.toBe(first.receiptCode);
    const rows = await allBallotsOf(t, 'council_xh');
    expect(rows).toHaveLength(2);
    const current = rows.filter((r) => r.ballots.supersededAt === null);
    expect(current.map((r) => [r.ballots.receiptCode, r.ballots.content])).toEqual([[second.receiptCode, JSON.stringify([P.S, P.L].sort())]]);
  });

  it('two casts fired at once by one resident leave exactly one current ballot', async () => {
    const a = await as(t, 'council_xianhu_1');
    const b = await as(t, 'council_xianhu_1');
    const [r1, r2] = await Promise.all([a.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F] }), b.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.S] })]);
    expect([r1.status, r2.status]).toEqual([201, 201]);
    const replaced = [(await r1.json()).replaced, (await r2.json()).replaced].sort();
    expect(replaced).toEqual([false, true]);
    const rows = await allBallotsOf(t, 'council_xianhu_1');
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.ballots.supersededAt === null)).toHaveLength(1);
  });

  it('a ballot naming a project that is not on the ballot, or twice, is refused whole', async () => {
    const me = await as(t, 'council_xianhu_2');
    const gas = await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F, P.gas] });
    expect(gas.status).toBe(422);
    expect(await gas.json()).toEqual({ error: { code: 'not_on_ballot', message: '所选项目中有不在本轮投票候选名单上的项目', fields: { projects: '所选项目中有不在本轮投票候选名单上的项目' } } });
    const dup = await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F, P.F] });
    expect([dup.status, (await dup.json()).error.code]).toEqual([422, 'duplicate_project']);
    expect(await allBallotsOf(t, 'council_xianhu_2')).toHaveLength(0);
  });

  it('malformed input is refused with field messages before any rule is checked', async () => {
    const me = await as(t, 'council_xianhu_2');
    const res = await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: 'all', colour: 'red' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fields).sort()).toEqual(['colour', 'projects']);
    // A value of the wrong kind is not "missing": the message says what it should be.
    expect(body.error.fields.projects).toBe('应为列表');
  });

  it('who may not vote is told why: anonymous, another community’s resident, an account with no register entry', async () => {
    const anon = await client(t.app).post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F] });
    expect([anon.status, (await anon.json()).error.code]).toEqual([401, 'not_signed_in']);
    const other = await (await as(t, 'resident_lt')).post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F] });
    expect(await other.json()).toEqual({ error: { code: 'not_resident_of_community', message: '只有本社区已核验的居民才能这样做' } });
    expect(other.status).toBe(403);
    // A resident role without a claimed register entry (e.g. granted by hand) cannot vote: the voter is the register entry.
    await t.ctx.database.write((tx) => tx.insert(roleAssignments).values({ id: 'test-newcomer-res', accountId: 'demo-newcomer', role: 'resident', scopeKind: 'community', scopeId: 'c-xianhu', grantedAt: new Date() }));
    const nc = await (await as(t, 'newcomer')).post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F] });
    expect([nc.status, (await nc.json()).error.code]).toEqual([403, 'no_voter_entry']);
  });

  it('voting outside the vote phase is refused with wrong_phase', async () => {
    const res = await (await as(t, 'resident_lt')).post('/api/cycles/cy-lianhua-2026/ballot', { projects: [P.F] });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toEqual({ code: 'wrong_phase', message: '当前阶段不能进行此操作' });
  });

  it('answers 404 for an unknown cycle and in English when asked', async () => {
    const res = await client(t.app).get('/api/cycles/nope/ballot', { cookie: 'lang=en' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No such cycle' } });
  });
});

describe('the rules of each vote method, through the API', () => {
  it('a ballot over maxChoices is refused whole, naming the rule', async () => {
    await useRules(t, { method: 'approval', maxChoices: 2 });
    const me = await as(t, 'resident_xh');
    const res = await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F, P.S, P.W] });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: { code: 'too_many_choices', message: '最多选择 2 个项目（您选了 3 个）', fields: { projects: '最多选择 2 个项目（您选了 3 个）' } } });
    expect(await allBallotsOf(t, 'resident_xh')).toHaveLength(0);
  });

  it('a ballot breaking two rules at once names both for the field, not only the one checked last', async () => {
    await useRules(t, { method: 'approval', maxChoices: 2 });
    const me = await as(t, 'resident_xh');
    const res = await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F, P.S, 'no-such-project'] });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.fields.projects).toContain('所选项目中有不在本轮投票候选名单上的项目');
    expect(body.error.fields.projects).toContain('最多选择 2 个项目（您选了 3 个）');
    expect(body.error.message).toBe(body.error.fields.projects.split('；')[0]);
    expect(await allBallotsOf(t, 'resident_xh')).toHaveLength(0);
  });

  it('a refused ballot leaves the earlier ballot current and unchanged', async () => {
    await useRules(t, { method: 'approval', maxChoices: 2 });
    const me = await as(t, 'resident_xh');
    const first = await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F] });
    expect(first.status).toBe(201);
    const ok = await first.json();
    const refused = await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F, P.S, P.W] });
    expect([refused.status, (await refused.json()).error.code]).toEqual([422, 'too_many_choices']);
    const rows = await allBallotsOf(t, 'resident_xh');
    expect(rows.map((r) => [r.ballots.receiptCode, r.ballots.supersededAt])).toEqual([[ok.receiptCode, null]]);
  });

  it('a basket over the budget is refused naming both amounts; one that fits is taken', async () => {
    await useRules(t, { method: 'basket' }, { budgetFen: 100 * WAN });
    const me = await as(t, 'council_xh');
    const res = await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F, P.L] });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toEqual({ code: 'over_budget', message: '所选项目合计 110万元，超过预算 100万元', fields: { projects: '所选项目合计 110万元，超过预算 100万元' } });
    const en = await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F, P.L] }, { cookie: `${me.cookie}; lang=en` });
    expect((await en.json()).error.message).toBe('The chosen projects cost ¥1,100,000 in total, more than the budget of ¥1,000,000');
    expect(await allBallotsOf(t, 'council_xh')).toHaveLength(0);
    const fits = await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F, P.S] });
    expect(fits.status).toBe(201);
    expect((await fits.json()).ballot).toEqual({ method: 'basket', projects: [P.F, P.S].sort() });
  });

  it('a basket under the minimum share is refused with the amount needed', async () => {
    await useRules(t, { method: 'basket', minShare: { num: 1, den: 2 } }, { budgetFen: 100 * WAN });
    const res = await (await as(t, 'council_xianhu_3')).post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.S] });
    expect((await res.json()).error).toMatchObject({ code: 'under_min_share', message: '所选项目合计 24万元，未达到预算的一半（50万元）' });
  });

  it('points over the per-project maximum are refused on that project', async () => {
    await useRules(t, { method: 'points', points: 10, maxPerProject: 4 });
    const me = await as(t, 'council_xianhu_4');
    const res = await me.post(`/api/cycles/${CYCLE}/ballot`, { points: { [P.F]: 5, [P.S]: 2 } });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toEqual({ code: 'over_max_per_project', message: '每个项目最多 4 分（此项填了 5 分）', fields: { [`points.${P.F}`]: '每个项目最多 4 分（此项填了 5 分）' } });
    const frac = await me.post(`/api/cycles/${CYCLE}/ballot`, { points: { [P.F]: 1.5 } });
    expect((await frac.json()).error.code).toBe('points_not_integer');
    const total = await me.post(`/api/cycles/${CYCLE}/ballot`, { points: { [P.F]: 4, [P.S]: 4, [P.W]: 4 } });
    expect((await total.json()).error).toMatchObject({ code: 'over_total_points', fields: { points: '共可分配 10 分，您分配了 12 分' } });
    expect(await allBallotsOf(t, 'council_xianhu_4')).toHaveLength(0);
    const ok = await me.post(`/api/cycles/${CYCLE}/ballot`, { points: { [P.F]: 4, [P.S]: 4, [P.W]: 2, [P.L]: 0 } });
    expect(ok.status).toBe(201);
    expect((await ok.json()).ballot).toEqual({ method: 'points', points: { [P.F]: 4, [P.S]: 4, [P.W]: 2 } });
  });
});

describe('paper ballots: double entry', () => {
  it('two staff entries that agree write one counted paper ballot with a receipt and no account', async () => {
    const a = await as(t, 'staff_xh');
    const b = await as(t, 'staff2_xh');
    const first = await a.post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'xh-0001', registerNo: 'XHSQ-0001', projects: [P.F, P.S] });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ status: 'pending', entries: 1, message: '第一遍已录入，等待另一位工作人员录入第二遍' });
    const queue = await (await a.get(`/api/cycles/${CYCLE}/paper-ballots`)).json();
    expect(queue).toEqual({ counted: 0, items: [{ paperSerial: 'XH-0001', status: 'pending', entries: [{ enteredBy: '周敏（示例）', at: expect.any(String) }], differs: [] }] });
    const second = await b.post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0001', registerNo: 'xhsq-0001', projects: [P.S, P.F] });
    expect(second.status).toBe(201);
    const body = await second.json();
    expect(body).toEqual({ status: 'matched', entries: 2, receiptCode: expect.stringMatching(RECEIPT), message: '两遍录入一致，选票已计入' });
    const counted = await currentBallots(t, 'XHSQ-0001');
    expect(counted.map((x) => [x.channel, x.accountId, x.content, x.receiptCode])).toEqual([['paper', null, JSON.stringify([P.F, P.S].sort()), body.receiptCode]]);
    const entries = await t.ctx.database.db.select().from(paperBallotEntries).where(eq(paperBallotEntries.paperSerial, 'XH-0001'));
    expect(entries.map((e) => [e.status, e.ballotId])).toEqual([['matched', counted[0]!.id], ['matched', counted[0]!.id]]);
    expect(await (await a.get(`/api/cycles/${CYCLE}/paper-ballots`)).json()).toEqual({ counted: 1, items: [] });
    // A third staff member entering the counted paper again is told it is counted, and nothing is written.
    const third = await (await thirdStaff(t)).post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0001', registerNo: 'XHSQ-0001', projects: [P.F] });
    expect([third.status, await third.json()]).toEqual([409, { error: { code: 'paper_already_counted', message: '这张纸质选票已核对一致并计入，无需再录入' } }]);
    expect(await t.ctx.database.db.select().from(paperBallotEntries).where(eq(paperBallotEntries.paperSerial, 'XH-0001'))).toHaveLength(2);
    // Each entry is one line of the log on the cycle: which paper, which entry of it, and how it stood; never what it said.
    const log = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'paper_ballot.entered'), eq(auditLog.subjectType, 'cycle'), eq(auditLog.subjectId, CYCLE))).orderBy(auditLog.seq);
    expect(log.map((e) => [e.actorRole, e.after])).toEqual([
      ['staff', JSON.stringify({ entry: 1, paperSerial: 'XH-0001', status: 'pending' })],
      ['staff', JSON.stringify({ entry: 2, paperSerial: 'XH-0001', status: 'matched' })],
    ]);
  });

  it('the same staff member entering a paper ballot twice is refused', async () => {
    const a = await as(t, 'staff_xh');
    expect((await a.post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0002', registerNo: 'XHSQ-0002', projects: [P.F] })).status).toBe(201);
    const again = await a.post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0002', registerNo: 'XHSQ-0002', projects: [P.F] });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: { code: 'same_staff_twice', message: '您已录入过这张纸质选票；第二遍须由另一位工作人员录入' } });
    expect(await currentBallots(t, 'XHSQ-0002')).toHaveLength(0);
  });

  it('entries that differ are both flagged, listed without their contents, and a third person’s matching entry resolves it', async () => {
    const a = await as(t, 'staff_xh');
    const b = await as(t, 'staff2_xh');
    await a.post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0003', registerNo: 'XHSQ-0003', projects: [P.F, P.W] });
    const second = await b.post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0003', registerNo: 'XHSQ-0003', projects: [P.F, P.L] });
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({ status: 'mismatch', entries: 2 });
    expect(await currentBallots(t, 'XHSQ-0003')).toHaveLength(0);
    const queue = await (await a.get(`/api/cycles/${CYCLE}/paper-ballots`)).json();
    const item = queue.items.find((i: { paperSerial: string }) => i.paperSerial === 'XH-0003');
    expect(item).toEqual({ paperSerial: 'XH-0003', status: 'mismatch', entries: [{ enteredBy: '周敏（示例）', at: expect.any(String) }, { enteredBy: '钱进（示例）', at: expect.any(String) }], differs: ['choices'] });
    expect(queue.items[0].paperSerial).toBe('XH-0003'); // mismatches first
    expect(JSON.stringify(queue)).not.toContain(P.W);
    const entries = await t.ctx.database.db.select({ status: paperBallotEntries.status }).from(paperBallotEntries).where(eq(paperBallotEntries.paperSerial, 'XH-0003'));
    expect(entries.map((e) => e.status)).toEqual(['mismatch', 'mismatch']);

    const c = await thirdStaff(t);
    const third = await c.post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0003', registerNo: 'XHSQ-0003', projects: [P.L, P.F] });
    expect(third.status).toBe(201);
    expect(await third.json()).toMatchObject({ status: 'resolved', entries: 3, receiptCode: expect.stringMatching(RECEIPT) });
    expect((await currentBallots(t, 'XHSQ-0003')).map((x) => x.content)).toEqual([JSON.stringify([P.F, P.L].sort())]);
    const after = await t.ctx.database.db.select({ status: paperBallotEntries.status }).from(paperBallotEntries).where(eq(paperBallotEntries.paperSerial, 'XH-0003'));
    expect(after.map((e) => e.status)).toEqual(['resolved', 'resolved', 'resolved']);
    const q2 = await (await a.get(`/api/cycles/${CYCLE}/paper-ballots`)).json();
    expect(q2.items.map((i: { paperSerial: string }) => i.paperSerial)).not.toContain('XH-0003');
    // A fourth entry of a settled paper ballot is refused.
    const late = await (await as(t, 'staff_xh')).post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0003', registerNo: 'XHSQ-0003', projects: [P.F] });
    expect([late.status, (await late.json()).error.code]).toEqual([409, 'same_staff_twice']);
  });

  it('different register numbers on the two entries are flagged as a mismatch of the register number', async () => {
    const a = await as(t, 'staff_xh');
    const b = await as(t, 'staff2_xh');
    await a.post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0004', registerNo: 'XHSQ-0004', projects: [P.F] });
    await b.post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0004', registerNo: 'XHSQ-0005', projects: [P.F] });
    const queue = await (await a.get(`/api/cycles/${CYCLE}/paper-ballots`)).json();
    expect(queue.items.find((i: { paperSerial: string }) => i.paperSerial === 'XH-0004').differs).toEqual(['registerNo']);
  });

  it('a resident whose paper ballot is counted cannot vote online', async () => {
    const no = await registerNoOf(t, 'council_xianhu_5');
    await (await as(t, 'staff_xh')).post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0010', registerNo: no, projects: [P.W] });
    expect((await (await as(t, 'staff2_xh')).post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0010', registerNo: no, projects: [P.W] })).status).toBe(201);
    const me = await as(t, 'council_xianhu_5');
    const view = await (await me.get(`/api/cycles/${CYCLE}/ballot`)).json();
    expect(view).toMatchObject({ canCast: false, reason: { code: 'voted_on_paper' }, current: { channel: 'paper', ballot: { method: 'approval', projects: [P.W] } } });
    const res = await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F] });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: 'voted_on_paper', message: '您已通过纸质选票投票，且已计入，不能再在网上投票' } });
  });

  it('a paper ballot cannot be entered for a resident who voted online, nor a second one for the same resident', async () => {
    const me = await as(t, 'council_xianhu_6');
    expect((await me.post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F] })).status).toBe(201);
    const no = await registerNoOf(t, 'council_xianhu_6');
    const res = await (await as(t, 'staff_xh')).post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0011', registerNo: no, projects: [P.S] });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: 'voted_online', message: '该居民已在网上投票，不能再录入其纸质选票' } });
    // XHSQ-0001's paper ballot is counted (two entries that agree); a second paper ballot for the same resident is refused.
    expect((await (await as(t, 'staff_xh')).post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0001', registerNo: 'XHSQ-0001', projects: [P.F] })).status).toBe(201);
    const counted = await (await as(t, 'staff2_xh')).post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0001', registerNo: 'XHSQ-0001', projects: [P.F] });
    expect([counted.status, (await counted.json()).status]).toEqual([201, 'matched']);
    const again = await (await as(t, 'staff_xh')).post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0012', registerNo: 'XHSQ-0001', projects: [P.S] });
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'paper_ballot_exists']);
  });

  it('only staff of the community may enter paper ballots; rule breaks and unknown numbers are refused', async () => {
    const resident = await (await as(t, 'resident_xh')).post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0020', registerNo: 'XHSQ-0006', projects: [P.F] });
    expect([resident.status, (await resident.json()).error.code]).toEqual([403, 'role_required']);
    const other = await (await as(t, 'staff_lt')).post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0020', registerNo: 'XHSQ-0006', projects: [P.F] });
    expect([other.status, (await other.json()).error.code]).toEqual([403, 'not_in_community']);
    const officer = await (await as(t, 'street_lt')).get(`/api/cycles/${CYCLE}/paper-ballots`);
    expect([officer.status, (await officer.json()).error.code]).toEqual([403, 'role_required']);
    const staff = await as(t, 'staff_xh');
    const unknown = await staff.post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0020', registerNo: 'NOPE-1', projects: [P.F] });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toEqual({ error: { code: 'unknown_register_no', message: '本社区居民名册中没有这个登记号', fields: { registerNo: '本社区居民名册中没有这个登记号' } } });
    const bad = await staff.post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'XH-0020', registerNo: 'XHSQ-0006', projects: [] });
    expect([bad.status, (await bad.json()).error.code]).toEqual([422, 'empty_ballot']);
    const rows = await t.ctx.database.db.select().from(paperBallotEntries).where(eq(paperBallotEntries.paperSerial, 'XH-0020'));
    expect(rows).toHaveLength(0);
  });
});

/**
 * The ballots of the closing tests: five residents want the footpath and the corridor; three want the fire
 * hall and the services (one of them changed their mind, so one ballot is replaced), two of those on paper;
 * a paper ballot entered only once does not count. Budget 100万 for 169万 of projects.
 */
async function castTheBallots(t: T, P: Awaited<ReturnType<typeof xianhuProjects>>) {
  await t.ctx.database.write((tx) => tx.update(cycles).set({ budgetFen: 100 * WAN }).where(eq(cycles.id, CYCLE)));
  const receipts: Record<string, string> = {};
  const cast = async (c: Awaited<ReturnType<typeof as>>, projects: string[]) => {
    const r = await c.post(`/api/cycles/${CYCLE}/ballot`, { projects });
    expect(r.status).toBe(201);
    return (await r.json()).receiptCode as string;
  };
  for (const u of ['resident_xh', 'council_xh', 'council_xianhu_1', 'council_xianhu_2', 'council_xianhu_3']) receipts[u] = await cast(await as(t, u), [P.W, P.L]);
  const changer = await as(t, 'council_xianhu_4');
  receipts.old = await cast(changer, [P.L]);
  receipts.council_xianhu_4 = await cast(changer, [P.F, P.S]);
  const a = await as(t, 'staff_xh');
  const b = await as(t, 'staff2_xh');
  for (const [serial, no] of [['P-1', 'XHSQ-0001'], ['P-2', 'XHSQ-0002']] as const) {
    expect((await a.post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: serial, registerNo: no, projects: [P.F, P.S] })).status).toBe(201);
    const r = await b.post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: serial, registerNo: no, projects: [P.F, P.S] });
    expect(r.status).toBe(201);
    receipts[serial] = (await r.json()).receiptCode;
  }
  expect((await a.post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'P-3', registerNo: 'XHSQ-0003', projects: [P.F] })).status).toBe(201);
  return receipts;
}

/** Staff close 仙湖's vote, which counts it. */
async function closeTheVote(t: T) {
  const res = await (await as(t, 'staff_xh')).post(`/api/cycles/${CYCLE}/phase`, { phase: 'deliberation' });
  expect(res.status).toBe(200);
}

describe('closing the vote: receipts and results', () => {
  it('before the close a receipt only says the vote is still open', async () => {
    const receipts = await castTheBallots(t, P);
    const res = await client(t.app).get(`/api/receipts/${receipts.resident_xh}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'vote_open', message: '投票尚未结束。投票结束并计票后，可在此核对这张选票是否计入。', cycle: { id: CYCLE, titleZh: '仙湖社区 2026 年度民生微实事', titleEn: 'Xianhu micro-projects 2026' } });
    expect((await client(t.app).get(`/api/cycles/${CYCLE}/results`)).status).toBe(404);
  });

  it('staff close the vote and it is counted in the same step: greedy official, equal shares beside it', async () => {
    await castTheBallots(t, P);
    const res = await (await as(t, 'staff_xh')).post(`/api/cycles/${CYCLE}/phase`, { phase: 'deliberation' });
    expect(res.status).toBe(200);
    const r = await (await client(t.app).get(`/api/cycles/${CYCLE}/results`)).json();
    // 8 ballots: 5 × {W, L}, 3 × {F, S}; budget 100万.
    // Greedy: W (5 votes, 35万) then L (5, 62万) fit; F (48万) and S (24万) do not fit the 3万 left.
    // Equal shares: 12.5万 each; W costs the five 7万 each; L then needs 62万 from their 27.5万 left; S costs the three 8万 each; F cannot be paid.
    expect(r).toMatchObject({
      cycleId: CYCLE,
      ballotCount: 8,
      budgetFen: 100 * WAN,
      official: { rule: 'greedy', name: '按票数排序（贪心法）', selected: ['LTJD-XHSQ-2026-03', 'LTJD-XHSQ-2026-04'], totalCostFen: 97 * WAN },
      comparison: { rule: 'mes-add1', selected: ['LTJD-XHSQ-2026-02', 'LTJD-XHSQ-2026-03'], totalCostFen: 59 * WAN },
    });
    expect(r.projects.map((p: { code: string; votes: number; official: { funded: boolean; code: string }; comparison: { funded: boolean; code: string } }) => [p.code, p.votes, p.official.code, p.comparison.code])).toEqual([
      ['LTJD-XHSQ-2026-03', 5, 'greedy-funded', 'mes-funded'],
      ['LTJD-XHSQ-2026-04', 5, 'greedy-funded', 'mes-unaffordable'],
      ['LTJD-XHSQ-2026-01', 3, 'greedy-did-not-fit', 'mes-unaffordable'],
      ['LTJD-XHSQ-2026-02', 3, 'greedy-did-not-fit', 'mes-funded'],
    ]);
    const s = r.projects.find((p: { code: string }) => p.code === 'LTJD-XHSQ-2026-02');
    // The sentences come from the tally's renderer; what matters here is that they carry this project's own numbers.
    expect(s.official.explanation['zh-CN']).toMatch(/^未获资助：.*3 票.*第 3.*24万元.*剩余预算 3万元/);
    expect(s.official.explanation.en).toMatch(/^Not funded: ranked 3rd with 3 votes.*¥240,000.*remaining budget of ¥30,000/);
    expect(r.official.note).toContain('从高到低');
  });

  it('the count moved each project through the state machine, with its votes and published reason in the log', async () => {
    const receipts = await castTheBallots(t, P);
    await closeTheVote(t);
    const rows = await t.ctx.database.db.select({ code: projects.code, state: projects.state, votes: projects.residentVotes, reason: projects.stateReason }).from(projects).where(eq(projects.cycleId, CYCLE));
    const by = Object.fromEntries(rows.map((r) => [r.code.slice(-2), [r.state, r.votes]]));
    expect(by).toEqual({ '01': ['not_shortlisted', 3], '02': ['not_shortlisted', 3], '03': ['shortlisted', 5], '04': ['shortlisted', 5], '05': ['screened_out', null] });
    const page = await (await client(t.app).get('/api/projects/LTJD-XHSQ-2026-01')).json();
    expect(page.history.at(-1)).toMatchObject({ action: 'project.not_shortlist', actorRole: 'system', actorName: '系统' });
    expect(page.history.at(-1).reason).toMatch(/^居民投票结果（按票数排序（贪心法））：未获资助：.*第 4.*48万元/);
    const counted = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'cycle.vote_counted'), eq(auditLog.subjectId, CYCLE)));
    // The eight counted ballots' receipts (five online, the changer's second, two paper), as the published list: sorted fingerprints, one per line.
    const counted8 = ['resident_xh', 'council_xh', 'council_xianhu_1', 'council_xianhu_2', 'council_xianhu_3', 'council_xianhu_4', 'P-1', 'P-2'].map((k) => sha256(receipts[k]!)).sort();
    const list = counted8.map((f) => `${f}\n`).join('');
    expect(JSON.parse(counted[0]!.after!)).toEqual({
      ballots: 8,
      rule: 'greedy',
      selected: ['LTJD-XHSQ-2026-03', 'LTJD-XHSQ-2026-04'],
      totalCostFen: 97 * WAN,
      comparison: { rule: 'mes-add1', selected: ['LTJD-XHSQ-2026-02', 'LTJD-XHSQ-2026-03'] },
      receipts: { count: 8, sha256: sha256(list) },
    });
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true });
  });

  it('after the close anyone can check that a receipt’s ballot was counted, but not what it said nor who cast it', async () => {
    const receipts = await castTheBallots(t, P);
    await closeTheVote(t);
    const res = await client(t.app).get(`/api/receipts/${receipts.council_xianhu_4!.toLowerCase().replace('-', ' ')}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      status: 'counted',
      message: '这张选票已计入。',
      cycle: { id: CYCLE, titleZh: '仙湖社区 2026 年度民生微实事', titleEn: 'Xianhu micro-projects 2026' },
      channel: 'online',
    });
    // A receipt proves inclusion, not content: whoever is shown it cannot learn how its voter voted.
    const text = JSON.stringify(body);
    for (const secret of ['LTJD-XHSQ-2026-01', 'LTJD-XHSQ-2026-02', '消防', 'items', 'points', 'method', 'demo-council', 'account', 'register', 'XHSQ-00', '示例居民', 'castAt']) expect(text).not.toContain(secret);
    const paper = await (await client(t.app).get(`/api/receipts/${receipts['P-1']}`)).json();
    expect(paper).toEqual({ status: 'counted', message: '这张选票已计入。', cycle: body.cycle, channel: 'paper' });
  });

  it('a replaced ballot’s receipt says it was replaced and not counted; an unknown code is 404', async () => {
    const receipts = await castTheBallots(t, P);
    await closeTheVote(t);
    expect(await (await client(t.app).get(`/api/receipts/${receipts.old}`)).json()).toMatchObject({ status: 'superseded', message: '这张选票已被同一位居民后来投的选票替换，没有计入。' });
    const unknown = await client(t.app).get('/api/receipts/AAAAA-AAAAA');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('receipt_unknown');
  });

  it('the counted receipt fingerprints are refused before the close, for the same reasons as the ballots', async () => {
    await castTheBallots(t, P);
    for (const file of ['counted-receipts.txt', 'ballots.pb']) {
      const open = await client(t.app).get(`/api/cycles/${CYCLE}/${file}`);
      expect([file, open.status, (await open.json()).error.code]).toEqual([file, 409, 'vote_not_closed']);
      const none = await client(t.app).get(`/api/cycles/cy-nowhere-2026/${file}`);
      expect([file, none.status, (await none.json()).error.code]).toEqual([file, 404, 'not_found']);
    }
    // A cycle without a resident vote has no ballots and no receipts to publish.
    await useRules(t, { method: 'none' });
    const noVote = await client(t.app).get(`/api/cycles/${CYCLE}/counted-receipts.txt`);
    expect([noVote.status, (await noVote.json()).error.code]).toEqual([409, 'no_resident_vote']);
  });

  it('after the close the counted receipt fingerprints are published: one per ballot of the .pb, sorted, nothing else, and the count’s audit entry carries their number and hash', async () => {
    const receipts = await castTheBallots(t, P);
    await closeTheVote(t);
    const res = await client(t.app).get(`/api/cycles/${CYCLE}/counted-receipts.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="xianhu-2026-counted-receipts.txt"');
    const text = await res.text();
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    // As many as the ballots in the .pb (no ballot here was imported).
    const pb = await (await client(t.app).get(`/api/cycles/${CYCLE}/ballots.pb`)).text();
    expect(lines).toHaveLength(Number(/^num_votes;(\d+)$/m.exec(pb)![1]));
    expect(lines).toHaveLength(8);
    for (const line of lines) expect(line).toMatch(/^[0-9a-f]{64}$/);
    expect([...lines].sort()).toEqual(lines);
    // Exactly the counted ballots' receipts: online (the changer's second), paper; not the replaced one, not the paper ballot entered once.
    const counted = ['resident_xh', 'council_xh', 'council_xianhu_1', 'council_xianhu_2', 'council_xianhu_3', 'council_xianhu_4', 'P-1', 'P-2'].map((k) => sha256(receipts[k]!));
    expect(lines).toContain(sha256(receipts.council_xianhu_4!));
    expect(lines).toContain(sha256(receipts['P-1']!));
    expect(new Set(lines)).toEqual(new Set(counted));
    expect(lines).not.toContain(sha256(receipts.old!));
    for (const code of Object.values(receipts)) expect(text).not.toContain(code);
    // The count's audit entry covers this very list.
    const entry = (await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'cycle.vote_counted'), eq(auditLog.subjectId, CYCLE))))[0]!;
    expect(JSON.parse(entry.after!).receipts).toEqual({ count: 8, sha256: sha256(text) });
    // And a mirror that has it gets 304.
    const again = await client(t.app).get(`/api/cycles/${CYCLE}/counted-receipts.txt`, { 'if-none-match': res.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it('after the close casting and paper entry are refused with wrong_phase', async () => {
    await castTheBallots(t, P);
    await closeTheVote(t);
    const res = await (await as(t, 'council_xianhu_5')).post(`/api/cycles/${CYCLE}/ballot`, { projects: [P.F] });
    expect([res.status, (await res.json()).error.code]).toEqual([409, 'wrong_phase']);
    const paper = await (await as(t, 'staff2_xh')).post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'P-3', registerNo: 'XHSQ-0003', projects: [P.F] });
    expect([paper.status, (await paper.json()).error.code]).toEqual([409, 'wrong_phase']);
  });
});

describe('results under equal shares as the official rule, with points', () => {
  it('counts cumulative ballots with mes-add1 official and greedy for comparison', async () => {
    await useRules(t, { method: 'points', points: 10, maxPerProject: 10 }, { budgetFen: 100 * WAN, resultRule: 'mes-add1' });
    for (const u of ['resident_xh', 'council_xh', 'council_xianhu_1']) {
      expect((await (await as(t, u)).post(`/api/cycles/${CYCLE}/ballot`, { points: { [P.L]: 10 } })).status).toBe(201);
    }
    for (const u of ['council_xianhu_2', 'council_xianhu_3']) {
      expect((await (await as(t, u)).post(`/api/cycles/${CYCLE}/ballot`, { points: { [P.F]: 5, [P.S]: 5 } })).status).toBe(201);
    }
    expect((await (await as(t, 'staff_xh')).post(`/api/cycles/${CYCLE}/phase`, { phase: 'deliberation' })).status).toBe(200);
    const r = await (await client(t.app).get(`/api/cycles/${CYCLE}/results`, { cookie: 'lang=en' })).json();
    // Plain MES (20万 each) funds only S: L's three supporters hold 60万 < 62万. Add1 raises the share until L fits (3 × 206,667 ≥ 620,000): L and S, 86万, exhaustive.
    // Greedy by points: L (30) 62万, then S (10, cheaper than F at 10) 24万; F does not fit the 14万 left.
    expect(r.official).toMatchObject({ rule: 'mes-add1', name: 'Method of Equal Shares (Add1 completion)', selected: ['LTJD-XHSQ-2026-02', 'LTJD-XHSQ-2026-04'], totalCostFen: 86 * WAN });
    expect(r.comparison).toMatchObject({ rule: 'greedy', selected: ['LTJD-XHSQ-2026-02', 'LTJD-XHSQ-2026-04'], totalCostFen: 86 * WAN });
    const byCode = Object.fromEntries(r.projects.map((p: { code: string; votes: number; score: number; scoreUnit: string; official: { code: string } }) => [p.code.slice(-2), [p.votes, p.score, p.scoreUnit, p.official.code]]));
    expect(byCode).toEqual({ '01': [2, 10, 'points', 'mes-unaffordable'], '02': [2, 10, 'points', 'mes-funded'], '03': [0, 0, 'points', 'no-support'], '04': [3, 30, 'points', 'mes-funded'] });
    const l = r.projects.find((p: { code: string }) => p.code.endsWith('04'));
    // Add1 raised each voter's share from 200,000 to 206,667 yuan, the first whole-yuan step at which L's supporters can pay 620,000.
    expect(l.official.explanation.en).toMatch(/Add1 completion raised .*¥200,000 to ¥206,667/);
  });
});

describe('the API surface', () => {
  it('the ballot, receipt, paper-ballot and results operations are in /api/openapi.json', async () => {
    const doc = await (await client(t.app).get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths['/api/cycles/{id}/ballot']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/cycles/{id}/paper-ballots']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/receipts/{code}'])).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/cycles/{id}/results'])).toEqual(['get']);
    expect(doc.paths['/api/cycles/{id}/ballot'].post.responses['422'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
  });
});
