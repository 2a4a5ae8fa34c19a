/**
 * @module Cycle phases: the phase a cycle is in (its stored open phase), and
 * every way it moves.
 *
 * - The clock (`advanceDuePhases`, run by the server every 30 s): a phase
 *   whose planned end is over closes by itself and the next phase of the
 *   programme opens, recorded as the system.
 * - Staff (`setCyclePhase`): one step forward to the next phase. Before the
 *   open phase's planned last day this ends it early: it needs a published
 *   reason, and the plan is re-dated (the phase left ends today, the one
 *   opened starts today; later phases keep their dates).
 * - Staff (`extendPhase`): a later planned end for the open phase, with a
 *   published reason.
 * - Staff ask, an officer confirms (`requestPhaseChange`,
 *   `decidePhaseRequest`): a step back or a skip, each with a published
 *   reason, confirmed or declined by a street or district officer over the
 *   community who is not the person who asked.
 *
 * No move forward takes a cycle past public notice while one of its projects
 * is still on notice (公示中), neither by staff nor by the clock: the cycle
 * waits, and shows as overrun.
 *
 * Every move writes its audit entry in the same transaction, and is a
 * conditional UPDATE (… WHERE open_phase IS <the phase it moves from>), so
 * two app servers on one database racing to make the same move make it
 * once. Hooks run inside that transaction, after the conditional update
 * succeeded, so work that must happen when a phase ends (counting the
 * resident vote) is neither lost nor done twice.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { cycles, cyclePhases, phaseChangeRequests, auditLog, communities, projects, streets } from '#db/schema.ts';
import type { Db, Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import { CYCLE_PHASES, chinaDay, currentPhase, dayAfter, endsEarly, isIsoDay, nextPhase, passesNotice, phaseMove, phasesFor, plannedFor, redateEarlyEnd, type CyclePhase } from '../domain/cycle-phases.ts';
import { hasRole, reasonCannot, whoCannot, type Actor, type Locale, type Place, type ReasonCode } from '../domain/permissions.ts';
import { codesOf } from '../domain/reason-codes.ts';
import { appendAudit, SYSTEM_AUDIT_ACTOR, type AuditActor } from './audit.ts';
import { getCommunityById, getCycle } from './catalog.ts';
import { getRulebook } from './rulebooks.ts';
import { countResidentVote } from './results.ts';
import { openNoticesOf } from './notices.ts';
import { newId } from './ids.ts';
import { startClock } from './clock.ts';

export type PhaseHook = (tx: Tx, input: { cycleId: string; from: CyclePhase | null; to: CyclePhase; at: Date; actor: AuditActor }) => Promise<void>;

/**
 * Work to do when a cycle leaves a phase for a later one, keyed by the phase
 * being left. A static table (not runtime registration) because this module
 * is loaded twice in production — by the API and inside the Astro bundle —
 * and both copies must do the same thing. A confirmed step back does not run
 * them: going back to an earlier phase finishes nothing.
 */
const ON_LEAVE: Partial<Record<CyclePhase, PhaseHook[]>> = { resident_vote: [countResidentVote] };

/** Outcomes that are not permission reasons, each with the HTTP status an API answers it with (words: reasons.json `phase.<code>`). */
export const PHASE_REASON_STATUS = {
  not_found: 404,
  unknown_phase: 422,
  same_phase: 409,
  needs_confirmation: 409,
  not_needed: 409,
  request_pending: 409,
  phase_moved: 409,
  already_decided: 409,
  same_person: 403,
  no_planned_end: 409,
  end_not_later: 422,
  end_in_past: 422,
  bad_date: 422,
  end_required: 422,
  early_reason_required: 422,
  projects_in_notice: 409,
} as const satisfies Record<string, 400 | 403 | 404 | 409 | 422>;
export type PhaseOutcomeCode = keyof typeof PHASE_REASON_STATUS;
export const PHASE_OUTCOMES = codesOf(PHASE_REASON_STATUS);

/** A refusal of a move; 'projects_in_notice' says how many projects are on notice and when the last notice ends. */
export type PhaseRefusal = { ok: false; code: ReasonCode | PhaseOutcomeCode; fields?: Record<string, string>; inNotice?: number; lastNoticeEndsAt?: Date | null };
export type SetPhaseOutcome = { ok: true; from: CyclePhase | null; to: CyclePhase } | PhaseRefusal;

/**
 * The public-notice hold: a forward move past public notice is refused while
 * a project of the cycle is still on notice. Null when the move may go.
 */
async function noticeHold(tx: Db | Tx, cycleId: string, from: CyclePhase | null, to: CyclePhase, now: Date): Promise<PhaseRefusal | null> {
  if (!passesNotice(from, to)) return null;
  const open = await openNoticesOf(tx, cycleId, now);
  return open.count > 0 ? { ok: false, code: 'projects_in_notice', inNotice: open.count, lastNoticeEndsAt: open.lastEndsAt } : null;
}

async function cyclePlace(ctx: AppContext, cycleId: string): Promise<Place | null> {
  const row = (await ctx.database.db.select({ c: cycles.communityId }).from(cycles).where(eq(cycles.id, cycleId)))[0];
  if (!row) return null;
  return (await getCommunityById(ctx.database, row.c))?.place ?? null;
}

/** The cycle's stored open phase and what it means now (the plan's phase when nothing is stored). */
async function phaseNow(tx: Db | Tx, cycleId: string, now: Date) {
  const row = (await tx.select({ openPhase: cycles.openPhase, rulebookId: cycles.rulebookId }).from(cycles).where(eq(cycles.id, cycleId)))[0];
  if (!row) return null;
  const plan = await tx.select({ phase: cyclePhases.phase, startsOn: cyclePhases.startsOn, endsOn: cyclePhases.endsOn }).from(cyclePhases).where(eq(cyclePhases.cycleId, cycleId));
  return { stored: row.openPhase, from: row.openPhase ?? currentPhase({ phases: plan, openPhase: null }, now), plan, rulebookId: row.rulebookId };
}

/** Write new planned dates for some of a cycle's phases (a redated early end, the phases an extension shifts along). */
async function redatePhases(tx: Tx, cycleId: string, dates: readonly { phase: CyclePhase; startsOn: string; endsOn: string }[]): Promise<void> {
  for (const d of dates) await tx.update(cyclePhases).set({ startsOn: d.startsOn, endsOn: d.endsOn }).where(and(eq(cyclePhases.cycleId, cycleId), eq(cyclePhases.phase, d.phase)));
}

/**
 * Move the cycle from `stored` (its open phase as read) to `to`, only if no
 * one moved it meanwhile; then run the hooks of the phase left (forward
 * moves only). Returns false when another writer got there first.
 */
async function moveIfStill(tx: Tx, input: { cycleId: string; stored: CyclePhase | null; from: CyclePhase | null; to: CyclePhase; forward: boolean; at: Date; actor: AuditActor }): Promise<boolean> {
  const moved = await tx
    .update(cycles)
    .set({ openPhase: input.to })
    .where(and(eq(cycles.id, input.cycleId), sql`${cycles.openPhase} is ${input.stored}`))
    .returning({ id: cycles.id });
  if (moved.length === 0) return false;
  if (input.forward && input.from) for (const hook of ON_LEAVE[input.from] ?? []) await hook(tx, { cycleId: input.cycleId, from: input.from, to: input.to, at: input.at, actor: input.actor });
  return true;
}

/** The cycle and its rulebook, when `actor` may manage its phases and `to` is a phase of its programme; else why not. */
async function cycleToManage(ctx: AppContext, cycleId: string, to: CyclePhase, actor: Actor) {
  const cycle = await getCycle(ctx.database, cycleId, ctx.now());
  if (!cycle) return { ok: false as const, code: 'not_found' as const };
  const place = await cyclePlace(ctx, cycleId);
  const why = reasonCannot('manage_phases', { area: place! }, actor);
  if (why) return { ok: false as const, code: why };
  const rulebook = await getRulebook(ctx.database.db, cycle.rulebookId);
  if (!rulebook || !phasesFor(rulebook).includes(to)) return { ok: false as const, code: 'unknown_phase' as const };
  return { ok: true as const, cycle, rulebook };
}

/**
 * Staff open the next phase of the programme (one step forward). Anything
 * else — a step back, a skip — is a request an officer confirms
 * (`requestPhaseChange`): 'needs_confirmation'. Past public notice only once
 * no project of the cycle is on notice ('projects_in_notice').
 *
 * Before the open phase's planned last day (China time) this ends it early:
 * a published `reason` is required ('early_reason_required'), and the plan
 * is re-dated (`redateEarlyEnd`: the phase left ends today, the phase opened
 * starts today and keeps its planned end, later phases keep theirs). The
 * audit entry carries the reason and the old and new dates. On the planned
 * last day or after it, no reason is needed and no date changes.
 */
export async function setCyclePhase(ctx: AppContext, cycleId: string, to: CyclePhase, actor: Actor, auditActor: AuditActor, opts: { reason?: string | undefined } = {}): Promise<SetPhaseOutcome> {
  const now = ctx.now();
  const today = chinaDay(now);
  const m = await cycleToManage(ctx, cycleId, to, actor);
  if (!m.ok) return m;
  const { rulebook } = m;
  const reason = (opts.reason ?? '').trim();
  return ctx.database.write(async (tx): Promise<SetPhaseOutcome> => {
    const state = (await phaseNow(tx, cycleId, now))!;
    const move = phaseMove(state.from, to, rulebook);
    if (move === 'same') return { ok: false, code: 'same_phase' };
    if (move !== 'forward') return { ok: false, code: 'needs_confirmation' };
    const held = await noticeHold(tx, cycleId, state.from, to, now);
    if (held) return held;
    const early = endsEarly(state.plan, state.from, today);
    if (early && !reason) return { ok: false, code: 'early_reason_required', fields: { reason: 'early_reason_required' } };
    if (!(await moveIfStill(tx, { cycleId, stored: state.stored, from: state.from, to, forward: true, at: now, actor: auditActor }))) return { ok: false, code: 'phase_moved' };
    const redated = early && state.from ? redateEarlyEnd(state.plan, state.from, to, today) : [];
    await redatePhases(tx, cycleId, redated);
    await appendAudit(tx, {
      actor: auditActor,
      action: 'cycle.phase_opened',
      subjectType: 'cycle',
      subjectId: cycleId,
      before: { phase: state.from, ...(redated.length ? { dates: redated.map((r) => ({ phase: r.phase, ...r.was })) } : {}) },
      after: { phase: to, ...(early ? { early: true, dates: redated.map(({ phase, startsOn, endsOn }) => ({ phase, startsOn, endsOn })) } : {}) },
      reason: reason || null,
      at: now,
    });
    return { ok: true, from: state.from, to };
  });
}

/** What the phase control needs to offer the next step: is it early (a reason is needed), and is it held by projects on notice? */
export type ForwardView = { next: CyclePhase | null; early: boolean; plannedEnd: string | null; held: PhaseRefusal | null };

/** The next step forward of a cycle as staff would take it now: the same checks `setCyclePhase` makes, without writing. */
export async function forwardView(ctx: AppContext, cycleId: string): Promise<ForwardView | null> {
  const now = ctx.now();
  const row = (await ctx.database.db.select({ r: cycles.rulebookId }).from(cycles).where(eq(cycles.id, cycleId)))[0];
  const rulebook = row ? await getRulebook(ctx.database.db, row.r) : null;
  if (!row || !rulebook) return null;
  const state = (await phaseNow(ctx.database.db, cycleId, now))!;
  const next = state.from === null ? phasesFor(rulebook)[0]! : nextPhase(state.from, rulebook);
  if (!next) return { next: null, early: false, plannedEnd: null, held: null };
  return {
    next,
    early: endsEarly(state.plan, state.from, chinaDay(now)),
    plannedEnd: plannedFor(state.plan, state.from)?.endsOn ?? null,
    held: await noticeHold(ctx.database.db, cycleId, state.from, next, now),
  };
}

/** Open phases whose next phase is past public notice: the clock leaves them open while a project is on notice. */
const HELD_BY_NOTICE = CYCLE_PHASES.filter((p) => p !== 'closed' && CYCLE_PHASES.indexOf(p) >= CYCLE_PHASES.indexOf('public_notice'));

/**
 * The clock: every cycle whose open phase has a planned end before today
 * (China time; the last planned day is still open) moves to the next phase
 * of its programme, as the system, with the hooks of the phase it leaves. A
 * cycle that is overdue several phases moves one phase at a time, each with
 * its own audit entry. A cycle with a pending request to move it waits for
 * the officer, and one whose next phase is past public notice waits while a
 * project of it is still on notice (both show as overrun; once the council
 * clock has approved the projects, the next tick moves it on). Safe to call
 * any number of times, from any number of servers: each move is made once.
 * Returns the moves made.
 */
export async function advanceDuePhases(ctx: AppContext): Promise<{ cycleId: string; from: CyclePhase; to: CyclePhase }[]> {
  const now = ctx.now();
  const today = chinaDay(now);
  const due = await ctx.database.db
    .select({ id: cycles.id })
    .from(cycles)
    .innerJoin(cyclePhases, and(eq(cyclePhases.cycleId, cycles.id), eq(cyclePhases.phase, cycles.openPhase)))
    .where(
      and(
        // Word for word the condition of the partial index cycles_open_idx: only the open cycles are read.
        sql`${cycles.openPhase} is not null and ${cycles.openPhase} <> 'closed'`,
        sql`${cyclePhases.endsOn} < ${today}`,
        sql`not exists (select 1 from ${phaseChangeRequests} r where r.cycle_id = ${cycles.id} and r.status = 'pending')`,
        // The notice hold, as a filter (the move itself checks it again): from public notice on, the next phase is past it.
        sql`not (${cycles.openPhase} in (${sql.join(HELD_BY_NOTICE.map((p) => sql`${p}`), sql`, `)}) and exists (select 1 from ${projects} p where p.cycle_id = ${cycles.id} and p.state = 'in_public_notice'))`,
      ),
    );
  const moves: { cycleId: string; from: CyclePhase; to: CyclePhase }[] = [];
  for (const { id } of due) {
    // One phase per transaction: a long chain of overdue phases never holds the write lock for long.
    for (let guard = 0; guard < 9; guard++) {
      const step = await ctx.database.write(async (tx) => {
        const row = (await tx.select({ openPhase: cycles.openPhase, rulebookId: cycles.rulebookId }).from(cycles).where(eq(cycles.id, id)))[0];
        const from = row?.openPhase ?? null;
        if (!row || from === null || from === 'closed') return null;
        const plan = await tx.select({ phase: cyclePhases.phase, startsOn: cyclePhases.startsOn, endsOn: cyclePhases.endsOn }).from(cyclePhases).where(eq(cyclePhases.cycleId, id));
        const planned = plannedFor(plan, from);
        if (!planned || planned.endsOn >= today) return null;
        const pending = await tx.select({ id: phaseChangeRequests.id }).from(phaseChangeRequests).where(and(eq(phaseChangeRequests.cycleId, id), eq(phaseChangeRequests.status, 'pending'))).limit(1);
        if (pending.length) return null;
        const rulebook = await getRulebook(tx, row.rulebookId);
        const to = rulebook ? nextPhase(from, rulebook) : null;
        if (!to) return null;
        if (await noticeHold(tx, id, from, to, now)) return null;
        if (!(await moveIfStill(tx, { cycleId: id, stored: from, from, to, forward: true, at: now, actor: SYSTEM_AUDIT_ACTOR }))) return null;
        await appendAudit(tx, { actor: SYSTEM_AUDIT_ACTOR, action: 'cycle.phase_closed_on_time', subjectType: 'cycle', subjectId: id, before: { phase: from, endsOn: planned.endsOn }, after: { phase: to }, at: now });
        return { cycleId: id, from, to };
      });
      if (!step) break;
      moves.push(step);
    }
  }
  return moves;
}

/** Run `advanceDuePhases` now and every `everyMs` (30 s) after; the timer does not keep the process alive. Returns a stop function. */
export function startPhaseClock(ctx: AppContext, everyMs = 30_000): Promise<() => void> {
  return startClock(
    everyMs,
    async () => {
      const moves = await advanceDuePhases(ctx);
      for (const m of moves) console.log(`[phases] ${m.cycleId}: ${m.from} closed on its planned end; ${m.to} opened`);
    },
    (err) => console.error('[phase clock] tick failed', err),
  );
}

/** The longest published reason or note. */
export const PHASE_REASON_MAX = 2000;

/**
 * Staff give the open phase a later planned end, with a published reason.
 * The new end must be a real day, later than the planned end, and not
 * before today (an end already past would close the phase at once).
 */
export async function extendPhase(ctx: AppContext, cycleId: string, input: { endsOn: string; reason: string }, actor: Actor, auditActor: AuditActor): Promise<SetPhaseOutcome> {
  const now = ctx.now();
  const place = await cyclePlace(ctx, cycleId);
  if (!place) return { ok: false, code: 'not_found' };
  const why = reasonCannot('manage_phases', { area: place }, actor);
  if (why) return { ok: false, code: why };
  const reason = input.reason.trim();
  if (!reason) return { ok: false, code: 'reason_required', fields: { reason: 'reason_required' } };
  if (!isIsoDay(input.endsOn)) return { ok: false, code: 'bad_date', fields: { endsOn: 'bad_date' } };
  return ctx.database.write(async (tx) => {
    const state = (await phaseNow(tx, cycleId, now))!;
    const planned = plannedFor(state.plan, state.from);
    if (!state.from || state.from === 'closed' || !planned) return { ok: false as const, code: 'no_planned_end' as const };
    if (input.endsOn <= planned.endsOn) return { ok: false as const, code: 'end_not_later' as const, fields: { endsOn: 'end_not_later' } };
    if (input.endsOn < chinaDay(now)) return { ok: false as const, code: 'end_in_past' as const, fields: { endsOn: 'end_in_past' } };
    const changed = await tx
      .update(cyclePhases)
      .set({ endsOn: input.endsOn })
      .where(and(eq(cyclePhases.cycleId, cycleId), eq(cyclePhases.phase, state.from), eq(cyclePhases.endsOn, planned.endsOn), sql`(select ${cycles.openPhase} from ${cycles} where ${cycles.id} = ${cycleId}) is ${state.stored}`))
      .returning({ id: cyclePhases.id });
    if (changed.length === 0) return { ok: false as const, code: 'phase_moved' as const };
    // The phases after it move along where they would now overlap, keeping their length, so the next phase is not born overdue.
    const shifted = shiftLaterPhases(state.plan, state.from, input.endsOn);
    await redatePhases(tx, cycleId, shifted);
    await appendAudit(tx, { actor: auditActor, action: 'cycle.phase_extended', subjectType: 'cycle', subjectId: cycleId, before: { phase: state.from, endsOn: planned.endsOn }, after: { phase: state.from, endsOn: input.endsOn, ...(shifted.length ? { shifted } : {}) }, reason, at: now });
    return { ok: true as const, from: state.from, to: state.from };
  });
}

/** Later planned phases that start on or before the day before them ends, moved to start the day after, keeping their length. */
export function shiftLaterPhases(plan: readonly { phase: CyclePhase; startsOn: string; endsOn: string }[], phase: CyclePhase, newEnd: string) {
  const order = (p: CyclePhase) => CYCLE_PHASES.indexOf(p);
  const later = plan.filter((p) => order(p.phase) > order(phase)).sort((a, b) => order(a.phase) - order(b.phase));
  const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
  const out: { phase: CyclePhase; startsOn: string; endsOn: string }[] = [];
  let prevEnd = newEnd;
  for (const p of later) {
    if (p.startsOn > prevEnd) break;
    const startsOn = dayAfter(prevEnd);
    const endsOn = new Date(Date.parse(`${startsOn}T00:00:00Z`) + days(p.startsOn, p.endsOn) * 86_400_000).toISOString().slice(0, 10);
    out.push({ phase: p.phase, startsOn, endsOn });
    prevEnd = endsOn;
  }
  return out;
}

export type RequestOutcome = { ok: true; id: string } | PhaseRefusal;

/**
 * Staff ask to move the cycle backwards or to skip a phase, with a published
 * reason, and a new planned end for the phase moved to when its own has
 * passed (`endsOn`; else the clock would close it again at once). A step
 * forward needs no request ('not_needed'); one request per cycle may wait at
 * a time.
 */
export async function requestPhaseChange(ctx: AppContext, cycleId: string, input: { to: CyclePhase; reason: string; endsOn?: string | undefined }, actor: Actor, auditActor: AuditActor): Promise<RequestOutcome> {
  const now = ctx.now();
  const m = await cycleToManage(ctx, cycleId, input.to, actor);
  if (!m.ok) return m.code === 'unknown_phase' ? { ...m, fields: { to: 'unknown_phase' } } : m;
  const { cycle, rulebook } = m;
  const reason = input.reason.trim();
  if (!reason) return { ok: false, code: 'reason_required', fields: { reason: 'reason_required' } };
  const endsOn = input.endsOn || null;
  if (endsOn !== null && !isIsoDay(endsOn)) return { ok: false, code: 'bad_date', fields: { endsOn: 'bad_date' } };
  if (endsOn !== null && endsOn < chinaDay(now)) return { ok: false, code: 'end_in_past', fields: { endsOn: 'end_in_past' } };
  return ctx.database.write(async (tx): Promise<RequestOutcome> => {
    const state = (await phaseNow(tx, cycleId, now))!;
    const pending = await tx.select({ id: phaseChangeRequests.id }).from(phaseChangeRequests).where(and(eq(phaseChangeRequests.cycleId, cycleId), eq(phaseChangeRequests.status, 'pending'))).limit(1);
    if (pending.length) return { ok: false as const, code: 'request_pending' as const };
    const target = plannedFor(state.plan, input.to);
    if (endsOn === null && target && target.endsOn < chinaDay(now)) return { ok: false as const, code: 'end_required' as const, fields: { endsOn: 'end_required' } };
    const move = phaseMove(state.from, input.to, rulebook);
    if (move === 'same') return { ok: false as const, code: 'same_phase' as const, fields: { to: 'same_phase' } };
    if (move === 'forward') return { ok: false as const, code: 'not_needed' as const, fields: { to: 'not_needed' } };
    // A skip past public notice waits for the notices like a step forward; a step back never does.
    const held = move === 'skip' ? await noticeHold(tx, cycleId, state.from, input.to, now) : null;
    if (held) return held;
    const id = newId();
    await tx.insert(phaseChangeRequests).values({ id, cycleId, fromPhase: state.stored, toPhase: input.to, reason, endsOn, status: 'pending', requestedBy: auditActor.accountId ?? '', requestedByName: auditActor.name, requestedAt: now });
    await appendAudit(tx, { actor: auditActor, action: 'cycle.phase_change_requested', subjectType: 'cycle', subjectId: cycleId, before: { phase: state.from }, after: { phase: input.to, move, request: id, ...(endsOn ? { endsOn } : {}) }, reason, at: now });
    return { ok: true as const, id };
  });
}

/**
 * A street or district officer over the community confirms a pending request
 * (the cycle moves, with the request's reason published) or declines it
 * (with a published note). The person who asked may not decide. A request
 * whose cycle has moved since it was made can only be declined.
 */
export async function decidePhaseRequest(
  ctx: AppContext,
  requestId: string,
  input: { decision: 'confirm' | 'decline'; note?: string },
  actor: Actor,
  auditActor: AuditActor,
): Promise<SetPhaseOutcome> {
  const now = ctx.now();
  const req = (await ctx.database.db.select().from(phaseChangeRequests).where(eq(phaseChangeRequests.id, requestId)))[0];
  if (!req) return { ok: false, code: 'not_found' };
  const why = await whyCannotDecide(ctx, req, actor);
  if (why && why !== 'already_decided') return { ok: false, code: why };
  const note = (input.note ?? '').trim();
  if (input.decision === 'decline' && !note) return { ok: false, code: 'reason_required', fields: { note: 'reason_required' } };
  const cycleId = req.cycleId;
  const rulebook = await getRulebook(ctx.database.db, (await ctx.database.db.select({ r: cycles.rulebookId }).from(cycles).where(eq(cycles.id, cycleId)))[0]!.r);
  return ctx.database.write(async (tx): Promise<SetPhaseOutcome> => {
    if (input.decision === 'confirm') {
      // Confirming a skip past public notice waits for the notices; nothing is written, the request stays.
      const before = (await phaseNow(tx, cycleId, now))!;
      const held = phaseMove(before.from, req.toPhase, rulebook!) === 'skip' ? await noticeHold(tx, cycleId, before.from, req.toPhase, now) : null;
      if (held) return held;
    }
    const decided = await tx
      .update(phaseChangeRequests)
      .set({ status: input.decision === 'confirm' ? 'confirmed' : 'declined', decidedBy: auditActor.accountId, decidedByName: auditActor.name, decidedRole: auditActor.role, decisionNote: note || null, decidedAt: now })
      .where(and(eq(phaseChangeRequests.id, requestId), eq(phaseChangeRequests.status, 'pending')))
      .returning({ id: phaseChangeRequests.id });
    if (decided.length === 0) return { ok: false as const, code: 'already_decided' as const };
    const state = (await phaseNow(tx, cycleId, now))!;
    if (input.decision === 'decline') {
      await appendAudit(tx, { actor: auditActor, action: 'cycle.phase_change_declined', subjectType: 'cycle', subjectId: cycleId, before: { phase: state.from }, after: { phase: req.toPhase, request: requestId, requestedBy: req.requestedByName }, reason: note, at: now });
      return { ok: true as const, from: state.from, to: state.from ?? req.toPhase };
    }
    const move = phaseMove(state.from, req.toPhase, rulebook!);
    if (state.stored !== req.fromPhase || move === 'same') throw new PhaseMovedError();
    if (!(await moveIfStill(tx, { cycleId, stored: state.stored, from: state.from, to: req.toPhase, forward: move !== 'backward', at: now, actor: auditActor }))) throw new PhaseMovedError();
    // The phase moved to gets the requested planned end (and the phases after it move along), so the clock does not close it at once.
    let shifted: ReturnType<typeof shiftLaterPhases> = [];
    if (req.endsOn) {
      const today = chinaDay(now);
      const target = plannedFor(state.plan, req.toPhase);
      if (target) await tx.update(cyclePhases).set({ endsOn: req.endsOn, startsOn: target.startsOn > req.endsOn ? today : target.startsOn }).where(and(eq(cyclePhases.cycleId, cycleId), eq(cyclePhases.phase, req.toPhase)));
      else await tx.insert(cyclePhases).values({ id: `${cycleId}-${req.toPhase}`, cycleId, phase: req.toPhase, startsOn: today, endsOn: req.endsOn });
      shifted = shiftLaterPhases(state.plan, req.toPhase, req.endsOn);
      await redatePhases(tx, cycleId, shifted);
    }
    await appendAudit(tx, {
      actor: auditActor,
      action: 'cycle.phase_change_confirmed',
      subjectType: 'cycle',
      subjectId: cycleId,
      before: { phase: state.from },
      after: { phase: req.toPhase, move, request: requestId, requestedBy: req.requestedByName, note: note || null, ...(req.endsOn ? { endsOn: req.endsOn } : {}), ...(shifted.length ? { shifted } : {}) },
      reason: req.reason,
      at: now,
    });
    return { ok: true as const, from: state.from, to: req.toPhase };
  }).catch((err) => {
    // The cycle moved after the request was made: nothing was written (the transaction rolled back); the officer may decline it instead.
    if (err instanceof PhaseMovedError) return { ok: false as const, code: 'phase_moved' as const };
    throw err;
  });
}

class PhaseMovedError extends Error {}

/** Who may decide this request, and is it still waiting? (The form check and the service ask the same.) */
async function whyCannotDecide(ctx: AppContext, req: typeof phaseChangeRequests.$inferSelect, actor: Actor): Promise<ReasonCode | 'same_person' | 'already_decided' | null> {
  const place = await cyclePlace(ctx, req.cycleId);
  const why = reasonCannot('confirm_phase_change', { area: place! }, actor);
  if (why) return why;
  if (actor && actor.accountId === req.requestedBy) return 'same_person';
  return req.status === 'pending' ? null : 'already_decided';
}

/**
 * Would a decision on this request be accepted from this person now? For the
 * forms check (server/services/form-checks.ts); a confirmation also waits
 * for the notices when it would skip past public notice.
 */
export async function whyCannotDecidePhaseRequest(ctx: AppContext, requestId: string, actor: Actor, decision?: string): Promise<string | null> {
  const req = (await ctx.database.db.select().from(phaseChangeRequests).where(eq(phaseChangeRequests.id, requestId)))[0];
  if (!req) return 'not_found';
  const why = await whyCannotDecide(ctx, req, actor);
  if (why || decision !== 'confirm') return why;
  return (await confirmHold(ctx, req))?.code ?? null;
}

/** Is confirming this request held by projects on notice (a skip past public notice)? */
export async function confirmHold(ctx: AppContext, req: Pick<typeof phaseChangeRequests.$inferSelect, 'cycleId' | 'toPhase'>): Promise<PhaseRefusal | null> {
  const now = ctx.now();
  const state = await phaseNow(ctx.database.db, req.cycleId, now);
  const rulebook = state ? await getRulebook(ctx.database.db, state.rulebookId) : null;
  if (!state || !rulebook || phaseMove(state.from, req.toPhase, rulebook) !== 'skip') return null;
  return noticeHold(ctx.database.db, req.cycleId, state.from, req.toPhase, now);
}

export type PhaseRequestView = {
  id: string;
  cycleId: string;
  fromPhase: CyclePhase | null;
  toPhase: CyclePhase;
  reason: string;
  endsOn: string | null;
  requestedByName: string;
  requestedAt: Date;
  communitySlug: string;
  communityNameZh: string;
  communityNameEn: string;
  cycleTitleZh: string;
  cycleTitleEn: string;
};

/** Pending requests an officer may decide: those of the communities their street or district roles cover, not their own. */
export async function pendingPhaseRequests(ctx: AppContext, actor: Actor): Promise<PhaseRequestView[]> {
  if (!actor || whoCannot('confirm_phase_change', { districtId: '' }, actor) === 'role_required') return [];
  const rows = await ctx.database.db
    .select({
      r: phaseChangeRequests,
      slug: communities.slug,
      nameZh: communities.nameZh,
      nameEn: communities.nameEn,
      communityId: communities.id,
      streetId: streets.id,
      districtId: streets.districtId,
      titleZh: cycles.titleZh,
      titleEn: cycles.titleEn,
    })
    .from(phaseChangeRequests)
    .innerJoin(cycles, eq(cycles.id, phaseChangeRequests.cycleId))
    .innerJoin(communities, eq(communities.id, cycles.communityId))
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .where(eq(phaseChangeRequests.status, 'pending'))
    .orderBy(asc(phaseChangeRequests.requestedAt));
  return rows
    .filter((x) => hasRole(actor, 'officer', { communityId: x.communityId, streetId: x.streetId, districtId: x.districtId }, 'street') && x.r.requestedBy !== actor.accountId)
    .map((x) => ({
      id: x.r.id,
      cycleId: x.r.cycleId,
      fromPhase: x.r.fromPhase,
      toPhase: x.r.toPhase,
      reason: x.r.reason,
      endsOn: x.r.endsOn,
      requestedByName: x.r.requestedByName,
      requestedAt: x.r.requestedAt,
      communitySlug: x.slug,
      communityNameZh: x.nameZh,
      communityNameEn: x.nameEn,
      cycleTitleZh: x.titleZh,
      cycleTitleEn: x.titleEn,
    }));
}

/** The pending request of a cycle, if any (for the phase control and the public page). */
export async function pendingRequestOf(ctx: AppContext, cycleId: string) {
  return (await ctx.database.db.select().from(phaseChangeRequests).where(and(eq(phaseChangeRequests.cycleId, cycleId), eq(phaseChangeRequests.status, 'pending'))).limit(1))[0] ?? null;
}

/** The actions that make a cycle's phase history, in the audit log. */
export const PHASE_HISTORY_ACTIONS = ['cycle.phase_opened', 'cycle.phase_closed_on_time', 'cycle.phase_extended', 'cycle.phase_change_requested', 'cycle.phase_change_confirmed', 'cycle.phase_change_declined', 'cycle.vote_counted'] as const;

export type PhaseHistoryEntry = { seq: number; at: Date; action: string; actorRole: string; actorName: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; reason: string | null };

/** A cycle's phase history (阶段记录) from the audit log, newest first: every move, extension and request with its reason and who. */
export async function phaseHistory(ctx: AppContext, cycleId: string, limit = 50): Promise<PhaseHistoryEntry[]> {
  const rows = await ctx.database.db
    .select({ seq: auditLog.seq, at: auditLog.at, action: auditLog.action, actorRole: auditLog.actorRole, actorName: auditLog.actorName, before: auditLog.before, after: auditLog.after, reason: auditLog.reason })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'cycle'), eq(auditLog.subjectId, cycleId), sql`${auditLog.action} in (${sql.join(PHASE_HISTORY_ACTIONS.map((a) => sql`${a}`), sql`, `)})`))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  const parse = (s: string | null) => {
    try {
      return s ? (JSON.parse(s) as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };
  return rows.map((r) => ({ ...r, at: new Date(r.at), before: parse(r.before), after: parse(r.after) }));
}
