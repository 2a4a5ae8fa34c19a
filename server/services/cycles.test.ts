import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { seededTemplate, type TestApp } from '#tests/fixtures.ts';
import { auditLog, cycleResults, cycles, cyclePhases, phaseChangeRequests, roleAssignments } from '#db/schema.ts';
import { advanceDuePhases, decidePhaseRequest, extendPhase, forwardView, pendingPhaseRequests, pendingRequestOf, phaseHistory, requestPhaseChange, setCyclePhase } from './cycles.ts';
import { closeDueNotices, projectsAwaitingNotice } from './notices.ts';
import { checkForm } from './form-checks.ts';
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
    // 仙湖, back in screening since the test before. (笋西 cannot serve here any more: a project of its cycle is still on public notice, which holds every move past it.)
    const staff = await w.actor('demo-staff_xh');
    const r = (await requestPhaseChange(w.t.ctx, XIANHU, { to: 'deliberation', reason: '跳过投票（测试）' }, staff, STAFF_XH)) as { ok: true; id: string };
    expect(r.ok).toBe(true);
    expect(await setCyclePhase(w.t.ctx, XIANHU, 'resident_vote', staff, STAFF_XH, { reason: '重新初审已完成，提前开始投票（测试）' })).toMatchObject({ ok: true });
    const officer = await w.actor('demo-officer');
    expect(await decidePhaseRequest(w.t.ctx, r.id, { decision: 'confirm' }, officer, DISTRICT)).toEqual({ ok: false, code: 'phase_moved' });
    expect(await w.phase(XIANHU)).toBe('resident_vote');
    expect(await w.entries('cycle.phase_change_confirmed')).toHaveLength(1);
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

describe('ending a phase before its planned end', () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    // 莲花 collects until 2026-12-15; screening is planned for 12-16 to 12-31.
    w = await world('2026-12-07T10:00:00+08:00');
  });
  afterAll(() => w.t.close());

  it('is refused without a published reason, as a field error, and changes nothing', async () => {
    const staff = await w.actor('demo-staff_lt');
    const before = (await w.entries('cycle.phase_opened', LIANHUA)).length;
    for (const reason of [undefined, '   ']) {
      expect(await setCyclePhase(w.t.ctx, LIANHUA, 'screening', staff, STAFF_LT, { reason })).toEqual({ ok: false, code: 'early_reason_required', fields: { reason: 'early_reason_required' } });
    }
    expect(await w.phase(LIANHUA)).toBe('collection');
    expect(await w.entries('cycle.phase_opened', LIANHUA)).toHaveLength(before);
    const plan = await w.t.ctx.database.db.select().from(cyclePhases).where(eq(cyclePhases.cycleId, LIANHUA));
    expect(plan.find((p) => p.phase === 'collection')!.endsOn).toBe('2026-12-15');
  });

  it('with a reason the phase ends today and the next starts today keeping its planned end; the audit entry has the reason and the old and new dates', async () => {
    const why = '提议已经收齐，居民议事会同意提前开始初审';
    expect(await setCyclePhase(w.t.ctx, LIANHUA, 'screening', await w.actor('demo-staff_lt'), STAFF_LT, { reason: why })).toEqual({ ok: true, from: 'collection', to: 'screening' });
    expect(await w.phase(LIANHUA)).toBe('screening');
    const plan = Object.fromEntries((await w.t.ctx.database.db.select().from(cyclePhases).where(eq(cyclePhases.cycleId, LIANHUA))).map((p) => [p.phase, [p.startsOn, p.endsOn]]));
    expect(plan).toEqual({ collection: ['2026-11-01', '2026-12-07'], screening: ['2026-12-07', '2026-12-31'] });
    const e = (await w.entries('cycle.phase_opened', LIANHUA)).at(-1);
    expect(e).toMatchObject({ reason: why, actorName: '王芳（示例）' });
    expect(JSON.parse(e!.before!)).toEqual({ phase: 'collection', dates: [{ phase: 'collection', startsOn: '2026-11-01', endsOn: '2026-12-15' }, { phase: 'screening', startsOn: '2026-12-16', endsOn: '2026-12-31' }] });
    expect(JSON.parse(e!.after!)).toEqual({ phase: 'screening', early: true, dates: [{ phase: 'collection', startsOn: '2026-11-01', endsOn: '2026-12-07' }, { phase: 'screening', startsOn: '2026-12-07', endsOn: '2026-12-31' }] });
    // The phase opened is not overrun, and the clock leaves it alone.
    expect(isOverrun((await getCycle(w.t.ctx.database, LIANHUA, w.clock.now))!, w.clock.now)).toBe(false);
    expect((await advanceDuePhases(w.t.ctx)).filter((m) => m.cycleId === LIANHUA)).toEqual([]);
    expect((await phaseHistory(w.t.ctx, LIANHUA))[0]).toMatchObject({ action: 'cycle.phase_opened', reason: why });
    expect(await verifyAuditLog(w.t.ctx.database)).toMatchObject({ ok: true });
  });

  it('on the planned last day needs no reason and moves no date', async () => {
    const on = await world('2026-12-15T09:00:00+08:00');
    try {
      expect(await setCyclePhase(on.t.ctx, LIANHUA, 'screening', await on.actor('demo-staff_lt'), STAFF_LT)).toEqual({ ok: true, from: 'collection', to: 'screening' });
      const plan = Object.fromEntries((await on.t.ctx.database.db.select().from(cyclePhases).where(eq(cyclePhases.cycleId, LIANHUA))).map((p) => [p.phase, [p.startsOn, p.endsOn]]));
      expect(plan).toEqual({ collection: ['2026-11-01', '2026-12-15'], screening: ['2026-12-16', '2026-12-31'] });
      const e = (await on.entries('cycle.phase_opened', LIANHUA)).at(-1);
      expect([e!.reason, JSON.parse(e!.after!)]).toEqual([null, { phase: 'screening' }]);
    } finally {
      on.t.close();
    }
  });
});

describe('a cycle does not pass public notice while a project is on notice', () => {
  const SUNXI = 'cy-sunxi-2026';
  const STAFF_SX = who('demo-staff_sx', 'staff', '吴勇（示例）');
  // 笋西's cycle is in implementation (planned until 2026-12-31); its charging-point project, adopted on 2026-11-18, is still 公示中: the period ended on 11-23 at 10:00 and the council clock has not approved it yet.
  const LAST_NOTICE_END = new Date('2026-11-23T10:00:00+08:00');
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world('2026-12-07T10:00:00+08:00');
  });
  afterAll(() => w.t.close());

  it('staff cannot open the phase after it, and are told how many projects are on notice and when the last notice ends', async () => {
    const staff = await w.actor('demo-staff_sx');
    const before = (await w.entries('cycle.phase_opened', SUNXI)).length;
    expect(await setCyclePhase(w.t.ctx, SUNXI, 'acceptance', staff, STAFF_SX, { reason: '工程已完工（测试）' })).toEqual({ ok: false, code: 'projects_in_notice', inNotice: 1, lastNoticeEndsAt: LAST_NOTICE_END });
    expect(await w.phase(SUNXI)).toBe('implementation');
    expect(await w.entries('cycle.phase_opened', SUNXI)).toHaveLength(before);
    // The page's form check answers the same, so the control is shown disabled with that reason.
    expect(await checkForm(w.t.ctx, staff, { action: '/staff/sunxi/phase', fields: { move: 'forward', cycle: SUNXI, phase: 'acceptance' } })).toEqual({ known: true, reason: 'projects_in_notice' });
    expect(await forwardView(w.t.ctx, SUNXI)).toMatchObject({ next: 'acceptance', held: { code: 'projects_in_notice', inNotice: 1, lastNoticeEndsAt: LAST_NOTICE_END } });
  });

  it('a skip past it waits too; a step back does not', async () => {
    const staff = await w.actor('demo-staff_sx');
    expect(await requestPhaseChange(w.t.ctx, SUNXI, { to: 'audit', reason: '跳过验收（测试）' }, staff, STAFF_SX)).toMatchObject({ ok: false, code: 'projects_in_notice', inNotice: 1 });
    const back = await requestPhaseChange(w.t.ctx, SUNXI, { to: 'deliberation', reason: '重新评议（测试）', endsOn: '2026-12-31' }, staff, STAFF_SX);
    expect(back.ok).toBe(true);
    await decidePhaseRequest(w.t.ctx, (back as { id: string }).id, { decision: 'decline', note: '不需要（测试）' }, await w.actor('demo-officer'), DISTRICT);
  });

  it('an officer cannot confirm a skip past it that was asked before the project went on notice; the request keeps waiting', async () => {
    // Asked on 11-10, before the council adopted the project on 11-18.
    await w.t.ctx.database.db.insert(phaseChangeRequests).values({ id: 'test-skip-sunxi', cycleId: SUNXI, fromPhase: 'implementation', toPhase: 'audit', reason: '跳过验收（测试）', endsOn: null, status: 'pending', requestedBy: 'demo-staff_sx', requestedByName: '吴勇（示例）', requestedAt: new Date('2026-11-10T10:00:00+08:00') });
    const officer = await w.actor('demo-officer');
    expect(await decidePhaseRequest(w.t.ctx, 'test-skip-sunxi', { decision: 'confirm' }, officer, DISTRICT)).toEqual({ ok: false, code: 'projects_in_notice', inNotice: 1, lastNoticeEndsAt: LAST_NOTICE_END });
    expect(await w.phase(SUNXI)).toBe('implementation');
    expect((await pendingRequestOf(w.t.ctx, SUNXI))?.id).toBe('test-skip-sunxi');
    expect(await checkForm(w.t.ctx, officer, { action: '/staff/phase-requests/test-skip-sunxi', fields: { decision: 'confirm' } })).toEqual({ known: true, reason: 'projects_in_notice' });
    expect(await checkForm(w.t.ctx, officer, { action: '/staff/phase-requests/test-skip-sunxi', fields: { decision: 'decline' } })).toEqual({ known: true, reason: null });
    expect(await decidePhaseRequest(w.t.ctx, 'test-skip-sunxi', { decision: 'decline', note: '项目仍在公示（测试）' }, officer, DISTRICT)).toMatchObject({ ok: true });
  });

  it('the clock does not close the phase at its planned end: the cycle waits and shows as overrun', async () => {
    w.clock.now = new Date('2027-01-02T09:00:00+08:00');
    expect((await advanceDuePhases(w.t.ctx)).filter((m) => m.cycleId === SUNXI)).toEqual([]);
    expect(await w.phase(SUNXI)).toBe('implementation');
    expect(isOverrun((await getCycle(w.t.ctx.database, SUNXI, w.clock.now))!, w.clock.now)).toBe(true);
  });

  it('the delivery desk lists the project as waiting until its notice ends', async () => {
    expect(await projectsAwaitingNotice(w.t.ctx.database.db, 'sunxi', w.clock.now)).toEqual([{ code: 'SGJD-SXSQ-2026-04', title: '电动自行车集中充电点（委托企业运营）', endsAt: LAST_NOTICE_END, openObjections: 0 }]);
    expect(await projectsAwaitingNotice(w.t.ctx.database.db, 'lianhua', w.clock.now)).toEqual([]);
  });

  it('once the notice is closed and the project approved, the clock moves the cycle on', async () => {
    expect(await closeDueNotices(w.t.ctx, w.clock.now)).toHaveLength(1);
    expect((await advanceDuePhases(w.t.ctx)).filter((m) => m.cycleId === SUNXI)).toEqual([{ cycleId: SUNXI, from: 'implementation', to: 'acceptance' }]);
    expect(await verifyAuditLog(w.t.ctx.database)).toMatchObject({ ok: true });
  });
});
