import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { seededTemplate, type TestApp } from '../../tests/fixtures.ts';
import { auditLog, cycleResults, cycles, cyclePhases, phaseChangeRequests, roleAssignments } from '../../db/schema.ts';
import { advanceDuePhases, decidePhaseRequest, extendPhase, pendingPhaseRequests, phaseHistory, requestPhaseChange, setCyclePhase } from './cycles.ts';
import { loadActor } from './accounts.ts';
import { verifyAuditLog } from './audit.ts';
import { getResults } from './results.ts';
import { XIANHU_RESCREEN_REASON } from './demo-seed.ts';
import { isOverrun } from '../domain/cycle-phases.ts';
import { getCycle } from './catalog.ts';
import { createContext } from '../context.ts';
import { parseEnv } from '../env.ts';

const XIANHU = 'cy-xianhu-2026';
const LIANHUA = 'cy-lianhua-2026';
const who = (id: string, role: string, name: string) => ({ accountId: id, role, name });
const STAFF_XH = who('demo-staff_xh', 'staff', '周敏（示例）');
const STAFF_LT = who('demo-staff_lt', 'staff', '王芳（示例）');
const STREET = who('demo-street_lt', 'officer', '赵磊（示例）');
const DISTRICT = who('demo-officer', 'officer', '李建国（示例）');

let template: Awaited<ReturnType<typeof seededTemplate>>;
beforeAll(async () => {
  template = await seededTemplate();
}, 120_000);

/** A fresh copy of the demo with a clock the test moves. */
async function world(start: string) {
  const clock = { now: new Date(start) };
  const t = await template.fresh({ now: () => clock.now });
  const actor = async (id: string) => (await loadActor(t.ctx, id)).actor;
  const phase = async (id: string) => (await t.ctx.database.db.select({ p: cycles.openPhase }).from(cycles).where(eq(cycles.id, id)))[0]!.p;
  const entries = async (action: string, subject = XIANHU) => t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subject)));
  /** The demo's request to take 仙湖 back to screening, declined by the district officer. */
  const declineDemoRequest = async () => {
    const [req] = await t.ctx.database.db.select().from(phaseChangeRequests).where(and(eq(phaseChangeRequests.cycleId, XIANHU), eq(phaseChangeRequests.status, 'pending')));
    const r = await decidePhaseRequest(t.ctx, req!.id, { decision: 'decline', note: '核查后未发现重复（测试）' }, await actor('demo-officer'), DISTRICT);
    if (!r.ok) throw new Error(r.code);
  };
  return { t, clock, actor, phase, entries, declineDemoRequest };
}

describe('phases close on their planned end', () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world('2026-12-07T10:00:00+08:00');
  });
  afterAll(() => w.t.close());

  it('in the demo, a request waits for an officer: the clock leaves the vote open past its end, and it shows as overrun', async () => {
    const [req] = await w.t.ctx.database.db.select().from(phaseChangeRequests).where(and(eq(phaseChangeRequests.cycleId, XIANHU), eq(phaseChangeRequests.status, 'pending')));
    expect(req).toMatchObject({ status: 'pending', fromPhase: 'resident_vote', toPhase: 'screening', reason: XIANHU_RESCREEN_REASON });
    expect((await advanceDuePhases(w.t.ctx)).filter((m) => m.cycleId === XIANHU)).toEqual([]);
    expect(isOverrun((await getCycle(w.t.ctx.database, XIANHU, w.clock.now))!, w.clock.now)).toBe(true);
  });

  it('once it is declined, staff extend the vote with a published reason, and the deliberation moves along', async () => {
    await w.declineDemoRequest();
    const r = await extendPhase(w.t.ctx, XIANHU, { endsOn: '2026-12-20', reason: '纸质选票的录入需要更多时间，投票延长至 12 月 20 日' }, await w.actor('demo-staff_xh'), STAFF_XH);
    expect(r).toMatchObject({ ok: true });
    const plan = await w.t.ctx.database.db.select().from(cyclePhases).where(eq(cyclePhases.cycleId, XIANHU));
    expect(plan.find((p) => p.phase === 'resident_vote')!.endsOn).toBe('2026-12-20');
    expect(plan.find((p) => p.phase === 'deliberation')).toMatchObject({ startsOn: '2026-12-21', endsOn: '2027-01-04' });
    const [ext] = await w.entries('cycle.phase_extended');
    expect(ext!.reason).toContain('延长');
  });

  it('keeps the vote open all through its last planned day (China time)', async () => {
    w.clock.now = new Date('2026-12-20T23:59:59.999+08:00');
    // (莲花's collection, planned to end 12-15, has moved on by now: only 仙湖 matters here.)
    expect((await advanceDuePhases(w.t.ctx)).filter((m) => m.cycleId === XIANHU)).toEqual([]);
    expect(await w.phase(XIANHU)).toBe('resident_vote');
  });

  it('closes it one millisecond after midnight, counts it once, as the system', async () => {
    w.clock.now = new Date('2026-12-21T00:00:00.001+08:00');
    // Two servers on one database run the clock at the same moment.
    const other = await createContext(parseEnv({ DATABASE_URL: w.t.url, NODE_ENV: 'test' }), { now: () => w.clock.now, migrate: false });
    const [a, b] = await Promise.all([advanceDuePhases(w.t.ctx), advanceDuePhases(other)]);
    other.database.close();
    expect([...a, ...b].filter((m) => m.cycleId === XIANHU)).toEqual([{ cycleId: XIANHU, from: 'resident_vote', to: 'deliberation' }]);
    expect(await w.phase(XIANHU)).toBe('deliberation');
    const closed = await w.entries('cycle.phase_closed_on_time');
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ actorRole: 'system', actorName: '系统', actorAccountId: null });
    expect(await w.entries('cycle.vote_counted')).toHaveLength(1);
    expect(await w.t.ctx.database.db.select().from(cycleResults).where(eq(cycleResults.cycleId, XIANHU))).toHaveLength(2);
    expect((await getResults(w.t.ctx.database, XIANHU))!.official.selected.length).toBeGreaterThan(0);
  });

  it('is idempotent: running again changes nothing', async () => {
    expect(await advanceDuePhases(w.t.ctx)).toEqual([]);
    expect(await w.entries('cycle.phase_closed_on_time')).toHaveLength(1);
    expect(await verifyAuditLog(w.t.ctx.database)).toMatchObject({ ok: true });
  });

  it('shows every move in the phase history, newest first', async () => {
    const h = await phaseHistory(w.t.ctx, XIANHU);
    expect(h.map((e) => e.action).slice(0, 3)).toEqual(['cycle.phase_closed_on_time', 'cycle.vote_counted', 'cycle.phase_extended']);
  });
});

describe('extending a phase', () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world('2026-12-07T10:00:00+08:00');
  });
  afterAll(() => w.t.close());

  it('needs a reason, a real date, and a date later than the planned end', async () => {
    const staff = await w.actor('demo-staff_lt');
    expect(await extendPhase(w.t.ctx, LIANHUA, { endsOn: '2026-12-31', reason: '  ' }, staff, STAFF_LT)).toMatchObject({ ok: false, code: 'reason_required', fields: { reason: 'reason_required' } });
    expect(await extendPhase(w.t.ctx, LIANHUA, { endsOn: '2026-02-30', reason: '原因' }, staff, STAFF_LT)).toMatchObject({ ok: false, code: 'bad_date' });
    expect(await extendPhase(w.t.ctx, LIANHUA, { endsOn: '2026-12-15', reason: '原因' }, staff, STAFF_LT)).toMatchObject({ ok: false, code: 'end_not_later' });
    expect(await w.entries('cycle.phase_extended', LIANHUA)).toHaveLength(0);
  });

  it('is for the community staff only', async () => {
    expect(await extendPhase(w.t.ctx, LIANHUA, { endsOn: '2026-12-31', reason: '原因' }, await w.actor('demo-staff_xh'), STAFF_XH)).toMatchObject({ ok: false, code: 'not_in_community' });
    expect(await extendPhase(w.t.ctx, LIANHUA, { endsOn: '2026-12-31', reason: '原因' }, await w.actor('demo-street_lt'), STREET)).toMatchObject({ ok: false, code: 'role_required' });
  });

  it('moves the end and the phases after it, with the reason in the audit log', async () => {
    const r = await extendPhase(w.t.ctx, LIANHUA, { endsOn: '2026-12-22', reason: '征集延长一周' }, await w.actor('demo-staff_lt'), STAFF_LT);
    expect(r).toMatchObject({ ok: true, from: 'collection', to: 'collection' });
    const plan = await w.t.ctx.database.db.select().from(cyclePhases).where(eq(cyclePhases.cycleId, LIANHUA));
    expect(plan.find((p) => p.phase === 'collection')!.endsOn).toBe('2026-12-22');
    expect(plan.find((p) => p.phase === 'screening')).toMatchObject({ startsOn: '2026-12-23', endsOn: '2027-01-07' });
    const [e] = await w.entries('cycle.phase_extended', LIANHUA);
    expect(e).toMatchObject({ reason: '征集延长一周', actorName: '王芳（示例）' });
  });
});

describe('moving backwards or skipping needs a second person', () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world('2026-12-07T10:00:00+08:00');
    await w.declineDemoRequest();
  });
  afterAll(() => w.t.close());

  it('staff alone may only move one step forward', async () => {
    const staff = await w.actor('demo-staff_lt');
    expect(await setCyclePhase(w.t.ctx, LIANHUA, 'resident_vote', staff, STAFF_LT)).toEqual({ ok: false, code: 'needs_confirmation' });
    expect(await w.phase(LIANHUA)).toBe('collection');
  });

  it('a request needs a published reason and a move that is not the next step', async () => {
    const staff = await w.actor('demo-staff_xh');
    const before = (await w.entries('cycle.phase_change_requested')).length;
    expect(await requestPhaseChange(w.t.ctx, XIANHU, { to: 'screening', reason: '' }, staff, STAFF_XH)).toMatchObject({ ok: false, code: 'reason_required' });
    expect(await requestPhaseChange(w.t.ctx, XIANHU, { to: 'deliberation', reason: '原因' }, staff, STAFF_XH)).toMatchObject({ ok: false, code: 'not_needed' });
    expect(await w.entries('cycle.phase_change_requested')).toHaveLength(before);
  });

  it('staff ask to go back; the cycle stays until an officer confirms; the asker cannot confirm', async () => {
    const staff = await w.actor('demo-staff_xh');
    const why = '发现两个项目初审时漏查负面清单，需要重新初审';
    // Screening's planned end (04-20) has passed: without a new end the clock would close it again at once.
    expect(await requestPhaseChange(w.t.ctx, XIANHU, { to: 'screening', reason: why }, staff, STAFF_XH)).toMatchObject({ ok: false, code: 'end_required', fields: { endsOn: 'end_required' } });
    expect(await requestPhaseChange(w.t.ctx, XIANHU, { to: 'screening', reason: why, endsOn: '2026-12-01' }, staff, STAFF_XH)).toMatchObject({ ok: false, code: 'end_in_past' });
    const r = await requestPhaseChange(w.t.ctx, XIANHU, { to: 'screening', reason: why, endsOn: '2026-12-31' }, staff, STAFF_XH);
    expect(r.ok).toBe(true);
    const id = (r as { id: string }).id;
    expect(await w.phase(XIANHU)).toBe('resident_vote');
    expect(await requestPhaseChange(w.t.ctx, XIANHU, { to: 'collection', reason: '另一个' }, staff, STAFF_XH)).toMatchObject({ ok: false, code: 'request_pending' });
    expect(await decidePhaseRequest(w.t.ctx, id, { decision: 'confirm' }, staff, STAFF_XH)).toMatchObject({ ok: false, code: 'role_required' });
    expect((await pendingPhaseRequests(w.t.ctx, await w.actor('demo-street_lt'))).map((x) => x.id)).toEqual([id]);
    expect(await pendingPhaseRequests(w.t.ctx, staff)).toEqual([]);
  });

  it('while a request waits, the clock leaves the overdue phase open', async () => {
    w.clock.now = new Date('2026-12-21T09:00:00+08:00');
    expect((await advanceDuePhases(w.t.ctx)).filter((m) => m.cycleId === XIANHU)).toEqual([]);
    expect(await w.phase(XIANHU)).toBe('resident_vote');
    w.clock.now = new Date('2026-12-07T11:00:00+08:00');
  });

  it('someone who is both staff and an officer there still cannot confirm their own request', async () => {
    const [req] = await w.t.ctx.database.db.select().from(phaseChangeRequests).where(and(eq(phaseChangeRequests.cycleId, XIANHU), eq(phaseChangeRequests.status, 'pending')));
    await w.t.ctx.database.db.insert(roleAssignments).values({ id: 'test-staff_xh-officer', accountId: 'demo-staff_xh', role: 'officer', scopeKind: 'street', scopeId: 's-ltjd', grantedAt: new Date(), grantedBy: 'test' });
    expect(await decidePhaseRequest(w.t.ctx, req!.id, { decision: 'confirm' }, await w.actor('demo-staff_xh'), STAFF_XH)).toEqual({ ok: false, code: 'same_person' });
    expect((await pendingPhaseRequests(w.t.ctx, await w.actor('demo-staff_xh'))).map((x) => x.id)).toEqual([]);
    await w.t.ctx.database.db.delete(roleAssignments).where(eq(roleAssignments.id, 'test-staff_xh-officer'));
  });

  it('a street officer confirms: the cycle goes back, the vote is not counted, both steps are in the log', async () => {
    const [req] = await w.t.ctx.database.db.select().from(phaseChangeRequests).where(and(eq(phaseChangeRequests.cycleId, XIANHU), eq(phaseChangeRequests.status, 'pending')));
    const r = await decidePhaseRequest(w.t.ctx, req!.id, { decision: 'confirm', note: '同意' }, await w.actor('demo-street_lt'), STREET);
    expect(r).toEqual({ ok: true, from: 'resident_vote', to: 'screening' });
    expect(await w.phase(XIANHU)).toBe('screening');
    expect(await w.entries('cycle.vote_counted')).toHaveLength(0);
    // Screening runs to the requested day; the vote and the deliberation move along after it, keeping their length.
    const plan = Object.fromEntries((await w.t.ctx.database.db.select().from(cyclePhases).where(eq(cyclePhases.cycleId, XIANHU))).map((p) => [p.phase, [p.startsOn, p.endsOn]]));
    expect(plan).toMatchObject({ screening: ['2026-04-01', '2026-12-31'], resident_vote: ['2027-01-01', '2027-01-16'], deliberation: ['2027-01-17', '2027-01-31'] });
    expect(await advanceDuePhases(w.t.ctx)).toEqual([]);
    const [c] = await w.entries('cycle.phase_change_confirmed');
    expect(c).toMatchObject({ actorName: '赵磊（示例）', reason: '发现两个项目初审时漏查负面清单，需要重新初审' });
    expect(await decidePhaseRequest(w.t.ctx, req!.id, { decision: 'decline', note: '不' }, await w.actor('demo-officer'), DISTRICT)).toMatchObject({ ok: false, code: 'already_decided' });
  });

  it('a request whose cycle has moved since cannot be confirmed, only declined', async () => {
    const staff = await w.actor('demo-staff_sx');
    const sx = who('demo-staff_sx', 'staff', '吴勇（示例）');
    const r = (await requestPhaseChange(w.t.ctx, 'cy-sunxi-2026', { to: 'audit', reason: '跳过验收（测试）' }, staff, sx)) as { ok: true; id: string };
    expect(r.ok).toBe(true);
    expect(await setCyclePhase(w.t.ctx, 'cy-sunxi-2026', 'acceptance', staff, sx)).toMatchObject({ ok: true });
    const officer = await w.actor('demo-officer');
    expect(await decidePhaseRequest(w.t.ctx, r.id, { decision: 'confirm' }, officer, DISTRICT)).toEqual({ ok: false, code: 'phase_moved' });
    expect(await w.phase('cy-sunxi-2026')).toBe('acceptance');
    expect(await w.entries('cycle.phase_change_confirmed', 'cy-sunxi-2026')).toHaveLength(0);
    expect(await decidePhaseRequest(w.t.ctx, r.id, { decision: 'decline', note: '阶段已变化' }, officer, DISTRICT)).toMatchObject({ ok: true });
  });

  it('an officer may decline, with a published note; the cycle stays', async () => {
    const staff = await w.actor('demo-staff_lt');
    const before = await w.phase(LIANHUA);
    const r = (await requestPhaseChange(w.t.ctx, LIANHUA, { to: 'public_notice', reason: '跳过评议' }, staff, STAFF_LT)) as { ok: true; id: string };
    expect(r.ok).toBe(true);
    const officer = await w.actor('demo-officer');
    expect(await decidePhaseRequest(w.t.ctx, r.id, { decision: 'decline', note: ' ' }, officer, DISTRICT)).toMatchObject({ ok: false, code: 'reason_required' });
    expect(await decidePhaseRequest(w.t.ctx, r.id, { decision: 'decline', note: '初审不可跳过' }, officer, DISTRICT)).toMatchObject({ ok: true });
    expect(await w.phase(LIANHUA)).toBe(before);
    const [d] = await w.entries('cycle.phase_change_declined', LIANHUA);
    expect(d).toMatchObject({ reason: '初审不可跳过', actorName: '李建国（示例）' });
    expect(await verifyAuditLog(w.t.ctx.database)).toMatchObject({ ok: true });
  });
});
