import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp } from '#tests/fixtures.ts';
import { auditLog, ballotImports, cycleResults, cycles, importedBallots, projects } from '#db/schema.ts';
import { DEFAULT_RULEBOOK_SETTINGS } from '../domain/rulebook.ts';
import { castBallot } from './ballots.ts';
import { serializeBallot } from '../domain/ballot-rules.ts';
import { decidePhaseRequest, pendingRequestOf, requestPhaseChange, setCyclePhase } from './cycles.ts';
import { getResults } from './results.ts';
import { loadActor } from './accounts.ts';
import { addRulebookVersion } from './rulebooks.ts';
import { SYSTEM_AUDIT_ACTOR, verifyAuditLog } from './audit.ts';

const CYCLE = 'cy-xianhu-2026';
const STAFF = { accountId: 'demo-staff_xh', role: 'staff', name: '周敏（示例）' };
type T = Awaited<ReturnType<typeof testApp>>;

const actor = async (t: T, id: string) => (await loadActor(t.ctx, id)).actor;
// Closing a vote reopened until 2099 ends it early: that needs a published reason.
const close = async (t: T, to: 'deliberation' = 'deliberation') => setCyclePhase(t.ctx, CYCLE, to, await actor(t, 'demo-staff_xh'), STAFF, { reason: '（测试）提前结束投票' });

describe('counting the resident vote', () => {
  let t: T;
  beforeAll(async () => {
    t = await testApp({ seed: true });
  });
  afterAll(() => t.close());

  it('there are no results before the vote closes', async () => {
    expect(await getResults(t.ctx.database, CYCLE)).toBeNull();
  });

  it('a vote with no ballots is counted too: every project shows why', async () => {
    expect((await close(t)).ok).toBe(true);
    const r = (await getResults(t.ctx.database, CYCLE))!;
    expect(r.ballotCount).toBe(0);
    expect(r.projects).toHaveLength(4);
    // 仙湖's four projects ask 169万 of a 100万 budget. With no votes every project ties at 0;
    // greedy still fills the budget in its tie-break order, equal shares funds nothing nobody supports.
    expect(r.projects.map((p) => [p.official.code, p.comparison?.code])).toEqual([
      ['greedy-did-not-fit', 'no-support'],
      ['greedy-funded', 'no-support'],
      ['greedy-funded', 'no-support'],
      ['greedy-did-not-fit', 'no-support'],
    ]);
    expect(r.projects[0]!.official.explanation['zh-CN']).toBe('未获资助：以 0 票排名第 3，其费用 48万元 超出了剩余预算 41万元。');
    expect(r.projects[1]!.comparison!.explanation['zh-CN']).toBe('未获资助：没有人投票支持。');
  });

  it('reopening the vote and closing it again keeps the first count', async () => {
    const first = await t.ctx.database.db.select().from(cycleResults).where(eq(cycleResults.cycleId, CYCLE));
    // Going back to the vote is a request staff make and a street officer confirms (the demo's own request, to re-screen, is declined first).
    const demo = (await pendingRequestOf(t.ctx, CYCLE))!;
    expect((await decidePhaseRequest(t.ctx, demo.id, { decision: 'decline', note: '投票已结束（测试）' }, await actor(t, 'demo-officer'), { accountId: 'demo-officer', role: 'officer', name: '李建国（示例）' })).ok).toBe(true);
    const asked = await requestPhaseChange(t.ctx, CYCLE, { to: 'resident_vote', reason: '重新开放投票（测试）', endsOn: '2099-12-31' }, await actor(t, 'demo-staff_xh'), STAFF);
    if (!asked.ok) throw new Error(asked.code);
    expect((await decidePhaseRequest(t.ctx, asked.id, { decision: 'confirm' }, await actor(t, 'demo-street_lt'), { accountId: 'demo-street_lt', role: 'officer', name: '赵磊（示例）' })).ok).toBe(true);
    // Nothing is left on the ballot: every project was moved by the count.
    const me = await actor(t, 'demo-resident_xh');
    const cast = await castBallot(t.ctx, CYCLE, { projects: [] }, me);
    expect(cast).toMatchObject({ ok: false, code: 'invalid_ballot', issues: [{ code: 'empty_ballot' }] });
    expect((await close(t)).ok).toBe(true);
    const again = await t.ctx.database.db.select().from(cycleResults).where(eq(cycleResults.cycleId, CYCLE));
    expect(again).toEqual(first);
    expect(await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'cycle.vote_counted'), eq(auditLog.subjectId, CYCLE)))).toHaveLength(1);
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true });
  });
});

describe('a cycle whose rulebook dropped the vote while it was open', () => {
  let t: T;
  beforeAll(async () => {
    t = await testApp({ seed: true });
    const rb = await t.ctx.database.write((tx) =>
      addRulebookVersion(tx, { districtId: 'd-lh', year: 2026, settings: { ...DEFAULT_RULEBOOK_SETTINGS, vote: { method: 'none' } }, actor: SYSTEM_AUDIT_ACTOR, at: new Date() }),
    );
    await t.ctx.database.write((tx) => tx.update(cycles).set({ rulebookId: rb.id }).where(eq(cycles.id, CYCLE)));
  });
  afterAll(() => t.close());

  it('refuses ballots and counts nothing when it moves on', async () => {
    const me = await actor(t, 'demo-resident_xh');
    expect(await castBallot(t.ctx, CYCLE, { projects: ['x'] }, me)).toEqual({ ok: false, code: 'no_resident_vote' });
    expect((await close(t)).ok).toBe(true);
    expect(await getResults(t.ctx.database, CYCLE)).toBeNull();
    const states = await t.ctx.database.db.select({ state: projects.state }).from(projects).where(eq(projects.cycleId, CYCLE));
    expect(states.filter((s) => s.state === 'screened_in')).toHaveLength(4);
  });
});

describe('ballots imported from a pabulib file', () => {
  let t: T;
  beforeAll(async () => {
    t = await testApp({ seed: true });
  });
  afterAll(() => t.close());

  it('count like online and paper ballots once the import is done; a running import does not count', async () => {
    const rows = await t.ctx.database.db.select({ id: projects.id, code: projects.code }).from(projects).where(eq(projects.cycleId, CYCLE));
    const id = (n: string) => rows.find((r) => r.code.endsWith(n))!.id;
    const now = new Date();
    await t.ctx.database.write(async (tx) => {
      await tx.insert(ballotImports).values([
        { id: 'imp-done', cycleId: CYCLE, fileName: 'a.pb', status: 'done', total: 3, processed: 3, createdAt: now },
        { id: 'imp-running', cycleId: CYCLE, fileName: 'b.pb', status: 'running', total: 5, processed: 1, createdAt: now },
      ]);
      await tx.insert(importedBallots).values([
        ...['1', '2', '3'].map((v) => ({ id: `ib-${v}`, importId: 'imp-done', cycleId: CYCLE, voterRef: `d${v}`, content: serializeBallot({ method: 'approval', projects: [id('-04')] }) })),
        { id: 'ib-r', importId: 'imp-running', cycleId: CYCLE, voterRef: 'r1', content: serializeBallot({ method: 'approval', projects: [id('-01')] }) },
      ]);
    });
    const cast = await castBallot(t.ctx, CYCLE, { projects: [id('-01'), id('-04')] }, await actor(t, 'demo-resident_xh'));
    expect(cast.ok).toBe(true);
    expect((await close(t)).ok).toBe(true);
    const r = (await getResults(t.ctx.database, CYCLE))!;
    expect(r.ballotCount).toBe(4);
    expect(Object.fromEntries(r.projects.map((p) => [p.code.slice(-2), p.votes]))).toEqual({ '01': 1, '02': 0, '03': 0, '04': 4 });
  });
});
