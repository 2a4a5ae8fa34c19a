/**
 * @module Council meetings (议事会会议): staff schedule a meeting with an
 * agenda of projects under deliberation and publish the agenda beforehand;
 * at the meeting they take attendance, record the proposer's presentation,
 * the discussion and each present member's vote (a council member may also
 * cast their own); the item's outcome is then computed (server/domain/
 * meeting.ts) and the resolution applied in the same transaction: adopted
 * projects enter public notice, the others are rejected with the computed
 * outcome as the published reason. Closing publishes the minutes, and is
 * refused while an item is undecided unless staff carry it over to a later
 * meeting with a minuted reason; a closed
 * meeting only takes addenda. Every step writes the audit log.
 *
 * Staff-only steps check the staff role in the meeting's community
 * (`staffReason`); the permission table has no row for meetings.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { accounts, agendaItems, auditLog, councilVotes, cycles, meetingAddenda, meetingAttendance, meetings, projects } from '#db/schema.ts';
import type { Db, Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import {
  checkBudget,
  checkClose,
  COMMITTED_STATES,
  committedAmount,
  meetingQuorum,
  tallyItem,
  whyNotDecide,
  whyNotEditAgenda,
  whyNotInSession,
  whyNotOpen,
  whyNotVote,
  type CouncilVote,
  type ItemOutcome,
  type ItemTally,
  type MeetingFacts,
  type MeetingReason,
  type Quorum,
} from '../domain/meeting.ts';
import { hasRole, reasonCannot, type Actor, type Place, type ReasonCode } from '../domain/permissions.ts';
import type { Rulebook } from '../domain/rulebook.ts';
import type { TransitionReason } from '../domain/project-states.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { getCycle, type CycleView } from './catalog.ts';
import { getRulebook } from './rulebooks.ts';
import { membersInOffice, placeOfCommunity, Refusal, staffReason, stepProject } from './council.ts';
import { openNotice } from './notices.ts';
import { newId } from './ids.ts';
import { inValues } from './sql-lists.ts';
import { describeOutcome } from '#messages/meeting-words.ts';
import { say } from '#messages/say.ts';

type MeetingRow = typeof meetings.$inferSelect;

export type MeetingFailure =
  | { ok: false; code: ReasonCode | TransitionReason | MeetingReason | 'not_found'; project?: string }
  | { ok: false; code: 'undecided_items'; items: { code: string; title: string }[] }
  | { ok: false; code: 'meeting_not_yet'; opensAt: string }
  | { ok: false; code: 'over_budget'; project: string; costFen: number; remainingFen: number; shortfallFen: number };

async function loadMeeting(db: Db | Tx, meetingId: string) {
  const m = (await db.select().from(meetings).where(eq(meetings.id, meetingId)).limit(1))[0];
  if (!m) return null;
  const place = (await placeOfCommunity(db, m.communityId))!;
  const cy = (await db.select().from(cycles).where(eq(cycles.id, m.cycleId)))[0]!;
  const rulebook = (await getRulebook(db, cy.rulebookId))!;
  return { m, place, rulebook, budgetFen: cy.budgetFen };
}

type LoadedMeeting = NonNullable<Awaited<ReturnType<typeof loadMeeting>>>;

/** A staff step's meeting: not_found when there is none, else the staff role in its community, checked once here for every step. */
async function staffMeeting(tx: Tx, meetingId: string, actor: Actor): Promise<{ ok: true; l: LoadedMeeting } | MeetingFailure> {
  const l = await loadMeeting(tx, meetingId);
  if (!l) return { ok: false, code: 'not_found' };
  const why = staffReason(actor, l.place);
  return why ? { ok: false, code: why } : { ok: true, l };
}

/** A meeting and one of its agenda items; null without either. */
async function meetingItem(tx: Tx, meetingId: string, itemId: string): Promise<{ l: LoadedMeeting; it: LoadedItem } | null> {
  const l = await loadMeeting(tx, meetingId);
  const it = l ? await loadItem(tx, meetingId, itemId) : null;
  return l && it ? { l, it } : null;
}

/** A staff step on one agenda item: the meeting and the item (not_found without either), then the staff role. */
async function staffItem(tx: Tx, meetingId: string, itemId: string, actor: Actor): Promise<{ ok: true; l: LoadedMeeting; it: LoadedItem } | MeetingFailure> {
  const found = await meetingItem(tx, meetingId, itemId);
  if (!found) return { ok: false, code: 'not_found' };
  const why = staffReason(actor, found.l.place);
  return why ? { ok: false, code: why } : { ok: true, ...found };
}

async function facts(db: Db | Tx, m: MeetingRow, rulebook: Rulebook): Promise<MeetingFacts & { presentIds: string[]; expectedIds: string[] }> {
  const rows = await db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, m.id));
  const presentIds = rows.filter((r) => r.present).map((r) => r.accountId);
  const taken = m.membersTotal !== null;
  return {
    status: m.status,
    attendanceTaken: taken,
    quorumMet: taken ? meetingQuorum(rulebook, m.membersTotal!, presentIds.length).met : false,
    presentIds,
    expectedIds: rows.map((r) => r.accountId),
  };
}

/** The China calendar day of a meeting ('2026-11-25T19:30' → '2026-11-25'). */
export const meetingDay = (scheduledAt: string) => scheduledAt.slice(0, 10);

/**
 * Check an agenda: every project is in the cycle, under deliberation, and
 * not waiting on another meeting that has not closed.
 */
async function checkAgenda(tx: Tx, cycleId: string, codes: string[], meetingId: string | null): Promise<{ ok: true; ids: string[] } | MeetingFailure> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return { ok: false, code: 'agenda_empty' };
  const rows = await tx.select({ id: projects.id, code: projects.code, cycleId: projects.cycleId, state: projects.state }).from(projects).where(inValues(projects.code, unique));
  const ids: string[] = [];
  for (const code of unique) {
    const p = rows.find((r) => r.code === code);
    if (!p || p.state === 'draft') return { ok: false, code: 'not_found', project: code };
    if (p.cycleId !== cycleId) return { ok: false, code: 'wrong_cycle', project: code };
    if (p.state !== 'under_deliberation') return { ok: false, code: 'not_under_deliberation', project: code };
    const busy = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(and(eq(agendaItems.projectId, p.id), isNull(agendaItems.outcome), ne(meetings.status, 'closed'), meetingId ? ne(meetings.id, meetingId) : undefined))
      .limit(1);
    if (busy.length) return { ok: false, code: 'already_on_agenda', project: code };
    ids.push(p.id);
  }
  return { ok: true, ids };
}

async function codesOf(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.select({ id: projects.id, code: projects.code }).from(projects).where(inValues(projects.id, ids));
  const codeOf = new Map(rows.map((r) => [r.id, r.code]));
  return ids.map((id) => codeOf.get(id)!);
}

async function run<T>(ctx: AppContext, fn: (tx: Tx) => Promise<T>): Promise<T | MeetingFailure> {
  try {
    return await ctx.database.write(fn);
  } catch (err) {
    if (err instanceof Refusal) return err.outcome as MeetingFailure;
    throw err;
  }
}

/** A write to one meeting by staff of its community: refused (not_found, or why they may not) before `fn` runs. */
function asStaff<T>(ctx: AppContext, meetingId: string, actor: Actor, fn: (tx: Tx, l: LoadedMeeting) => Promise<T>): Promise<T | MeetingFailure> {
  return run(ctx, async (tx) => {
    const found = await staffMeeting(tx, meetingId, actor);
    return found.ok ? fn(tx, found.l) : found;
  });
}

export type ScheduleInput = { title: string; scheduledAt: string; place: string; agenda: string[] };

/** Staff schedule a meeting of their community's council for a cycle, with its agenda (not yet published). */
export async function scheduleMeeting(ctx: AppContext, cycleId: string, input: ScheduleInput, actor: Actor, auditActor: AuditActor): Promise<{ ok: true; id: string } | MeetingFailure> {
  const cy = (await ctx.database.db.select().from(cycles).where(eq(cycles.id, cycleId)).limit(1))[0];
  if (!cy) return { ok: false, code: 'not_found' };
  const place = (await placeOfCommunity(ctx.database.db, cy.communityId))!;
  const why = staffReason(actor, place);
  if (why) return { ok: false, code: why };
  const now = ctx.now();
  return run(ctx, async (tx) => {
    const agenda = await checkAgenda(tx, cycleId, input.agenda, null);
    if (!agenda.ok) return agenda;
    const id = newId();
    await tx.insert(meetings).values({ id, communityId: cy.communityId, cycleId, title: input.title.trim(), scheduledAt: input.scheduledAt, place: input.place.trim(), status: 'scheduled', createdAt: now, createdBy: auditActor.accountId });
    await tx.insert(agendaItems).values(agenda.ids.map((projectId, i) => ({ id: newId(), meetingId: id, projectId, position: i + 1 })));
    await appendAudit(tx, {
      actor: auditActor,
      action: 'meeting.scheduled',
      subjectType: 'meeting',
      subjectId: id,
      after: { title: input.title.trim(), scheduledAt: input.scheduledAt, place: input.place.trim(), agenda: await codesOf(tx, agenda.ids) },
      at: now,
    });
    return { ok: true as const, id };
  });
}

/** Replace the agenda while it is unpublished. */
export async function setAgenda(ctx: AppContext, meetingId: string, codes: string[], actor: Actor, auditActor: AuditActor): Promise<{ ok: true } | MeetingFailure> {
  const now = ctx.now();
  return asStaff(ctx, meetingId, actor, async (tx, l) => {
    const why = whyNotEditAgenda({ status: l.m.status, agendaPublished: l.m.agendaPublishedAt !== null });
    if (why) return { ok: false as const, code: why };
    const agenda = await checkAgenda(tx, l.m.cycleId, codes, meetingId);
    if (!agenda.ok) return agenda;
    const before = await tx.select({ projectId: agendaItems.projectId }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position));
    await tx.delete(agendaItems).where(eq(agendaItems.meetingId, meetingId));
    await tx.insert(agendaItems).values(agenda.ids.map((projectId, i) => ({ id: newId(), meetingId, projectId, position: i + 1 })));
    await appendAudit(tx, {
      actor: auditActor,
      action: 'meeting.agenda_changed',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { agenda: await codesOf(tx, before.map((b) => b.projectId)) },
      after: { agenda: await codesOf(tx, agenda.ids) },
      at: now,
    });
    return { ok: true as const };
  });
}

/** Publish the agenda: from now on the meeting is public and its agenda fixed. */
export async function publishAgenda(ctx: AppContext, meetingId: string, actor: Actor, auditActor: AuditActor): Promise<{ ok: true } | MeetingFailure> {
  const now = ctx.now();
  return asStaff(ctx, meetingId, actor, async (tx, l) => {
    const why = whyNotEditAgenda({ status: l.m.status, agendaPublished: l.m.agendaPublishedAt !== null });
    if (why) return { ok: false as const, code: why };
    const items = await tx.select({ projectId: agendaItems.projectId }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position));
    if (items.length === 0) return { ok: false as const, code: 'agenda_empty' as const };
    await tx.update(meetings).set({ agendaPublishedAt: now }).where(eq(meetings.id, meetingId));
    await appendAudit(tx, {
      actor: auditActor,
      action: 'meeting.agenda_published',
      subjectType: 'meeting',
      subjectId: meetingId,
      after: { title: l.m.title, scheduledAt: l.m.scheduledAt, place: l.m.place, agenda: await codesOf(tx, items.map((i) => i.projectId)) },
      at: now,
    });
    return { ok: true as const };
  });
}

/** Open the meeting: its agenda published, and not before its scheduled time (`whyNotOpen`). */
export async function openMeeting(ctx: AppContext, meetingId: string, actor: Actor, auditActor: AuditActor): Promise<{ ok: true } | MeetingFailure> {
  const now = ctx.now();
  return asStaff(ctx, meetingId, actor, async (tx, l) => {
    const not = whyNotOpen({ status: l.m.status, agendaPublished: l.m.agendaPublishedAt !== null, scheduledAt: l.m.scheduledAt }, now);
    if (not === 'meeting_not_yet') return { ok: false as const, code: not, opensAt: l.m.scheduledAt };
    if (not) return { ok: false as const, code: not };
    await tx.update(meetings).set({ status: 'open', openedAt: now }).where(eq(meetings.id, meetingId));
    await appendAudit(tx, { actor: auditActor, action: 'meeting.opened', subjectType: 'meeting', subjectId: meetingId, before: { status: 'scheduled' }, after: { status: 'open' }, at: now });
    return { ok: true as const };
  });
}

/**
 * Take attendance: every member in office on the meeting day is recorded as
 * present or absent, and their number is the quorum's denominator. It can be
 * retaken until the first vote is recorded.
 */
export async function recordAttendance(ctx: AppContext, meetingId: string, presentIds: string[], actor: Actor, auditActor: AuditActor): Promise<{ ok: true; quorum: Quorum } | MeetingFailure> {
  const now = ctx.now();
  return asStaff(ctx, meetingId, actor, async (tx, l) => {
    const session = whyNotInSession(l.m.status);
    if (session) return { ok: false as const, code: session };
    const voted = await tx
      .select({ n: sql<number>`count(*)` })
      .from(councilVotes)
      .innerJoin(agendaItems, eq(agendaItems.id, councilVotes.agendaItemId))
      .where(eq(agendaItems.meetingId, meetingId));
    if ((voted[0]?.n ?? 0) > 0) return { ok: false as const, code: 'attendance_locked' as const };
    const expected = await membersInOffice(tx, l.m.communityId, meetingDay(l.m.scheduledAt));
    if (expected.length === 0) return { ok: false as const, code: 'no_members' as const };
    const present = new Set(presentIds);
    if ([...present].some((id) => !expected.some((e) => e.accountId === id))) return { ok: false as const, code: 'not_a_member' as const };
    await tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
    await tx.insert(meetingAttendance).values(expected.map((e) => ({ meetingId, accountId: e.accountId, present: present.has(e.accountId), recordedAt: now })));
    await tx.update(meetings).set({ membersTotal: expected.length }).where(eq(meetings.id, meetingId));
    const quorum = meetingQuorum(l.rulebook, expected.length, present.size);
    await appendAudit(tx, {
      actor: auditActor,
      action: 'meeting.attendance_recorded',
      subjectType: 'meeting',
      subjectId: meetingId,
      after: {
        membersTotal: expected.length,
        present: expected.filter((e) => present.has(e.accountId)).map((e) => e.name),
        absent: expected.filter((e) => !present.has(e.accountId)).map((e) => e.name),
        quorum: quorum.met,
      },
      at: now,
    });
    return { ok: true as const, quorum };
  });
}

type LoadedItem = NonNullable<Awaited<ReturnType<typeof loadItem>>>;

async function loadItem(tx: Tx, meetingId: string, itemId: string) {
  const r = await tx
    .select({ item: agendaItems, code: projects.code, state: projects.state, costFen: projects.estimatedCostFen, agreedFen: projects.agreedAmountFen, projectId: projects.id })
    .from(agendaItems)
    .innerJoin(projects, eq(projects.id, agendaItems.projectId))
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
    .limit(1);
  return r[0] ?? null;
}

/** The proposer's presentation and the discussion, while the meeting is open and the item undecided. */
export async function recordItemNotes(
  ctx: AppContext,
  meetingId: string,
  itemId: string,
  input: { presentationNote: string; discussionSummary: string },
  actor: Actor,
  auditActor: AuditActor,
): Promise<{ ok: true } | MeetingFailure> {
  const now = ctx.now();
  return run(ctx, async (tx) => {
    const found = await staffItem(tx, meetingId, itemId, actor);
    if (!found.ok) return found;
    const { l, it } = found;
    const session = whyNotInSession(l.m.status);
    if (session) return { ok: false as const, code: session };
    if (it.item.outcome !== null) return { ok: false as const, code: 'item_decided' as const };
    const presentationNote = input.presentationNote.trim() || null;
    const discussionSummary = input.discussionSummary.trim() || null;
    await tx.update(agendaItems).set({ presentationNote, discussionSummary }).where(eq(agendaItems.id, itemId));
    await appendAudit(tx, {
      actor: auditActor,
      action: 'meeting.item_notes',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { project: it.code, presentationNote: it.item.presentationNote, discussionSummary: it.item.discussionSummary },
      after: { project: it.code, presentationNote, discussionSummary },
      at: now,
    });
    return { ok: true as const };
  });
}

export type VoteInput = { accountId: string; vote: CouncilVote };

/**
 * Record votes on an item. Staff of the community record any present
 * member's vote (the show of hands); a council member may cast only their
 * own. A vote can be changed until the item is decided.
 */
export async function recordVotes(ctx: AppContext, meetingId: string, itemId: string, votes: VoteInput[], actor: Actor, auditActor: AuditActor): Promise<{ ok: true } | MeetingFailure> {
  const now = ctx.now();
  return run(ctx, async (tx) => {
    const found = await meetingItem(tx, meetingId, itemId);
    if (!found) return { ok: false as const, code: 'not_found' as const };
    const { l, it } = found;
    const isStaff = actor !== null && hasRole(actor, 'staff', l.place);
    if (!isStaff) {
      const why = reasonCannot('cast_council_vote', { area: l.place, projectState: it.state }, actor);
      if (why) return { ok: false as const, code: why };
      if (votes.some((v) => v.accountId !== actor!.accountId)) return { ok: false as const, code: 'role_required' as const };
    }
    const f = await facts(tx, l.m, l.rulebook);
    // The meeting itself first (closed, no quorum, item decided), even for an empty list.
    const meetingWhy = whyNotVote(f, { decided: it.item.outcome !== null }, { expected: true, present: true });
    if (meetingWhy) return { ok: false as const, code: meetingWhy };
    for (const v of votes) {
      const why = whyNotVote(f, { decided: it.item.outcome !== null }, { expected: f.expectedIds.includes(v.accountId), present: f.presentIds.includes(v.accountId) });
      if (why) return { ok: false as const, code: why };
    }
    if (it.state !== 'under_deliberation') return { ok: false as const, code: 'not_under_deliberation' as const, project: it.code };
    if (votes.length === 0) return { ok: true as const };
    for (const v of votes) {
      await tx
        .insert(councilVotes)
        .values({ agendaItemId: itemId, accountId: v.accountId, vote: v.vote, recordedAt: now, recordedBy: auditActor.accountId })
        .onConflictDoUpdate({ target: [councilVotes.agendaItemId, councilVotes.accountId], set: { vote: v.vote, recordedAt: now, recordedBy: auditActor.accountId } });
    }
    const names = await tx.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(inValues(accounts.id, votes.map((v) => v.accountId)));
    await appendAudit(tx, {
      actor: auditActor,
      action: 'meeting.votes_recorded',
      subjectType: 'meeting',
      subjectId: meetingId,
      after: { project: it.code, votes: Object.fromEntries(votes.map((v) => [names.find((n) => n.id === v.accountId)!.name, v.vote])) },
      at: now,
    });
    return { ok: true as const };
  });
}

/** What is already spoken for in a cycle: every project from adoption on, at its agreed amount or estimate. */
export async function committedFen(db: Db | Tx, cycleId: string): Promise<number> {
  const rows = await db
    .select({ estimatedCostFen: projects.estimatedCostFen, agreedAmountFen: projects.agreedAmountFen })
    .from(projects)
    .where(and(eq(projects.cycleId, cycleId), inArray(projects.state, [...COMMITTED_STATES])));
  return rows.reduce((sum, p) => sum + committedAmount(p), 0);
}

export type DecideOutcome = { ok: true; outcome: 'adopted' | 'not_adopted'; reason: string; tally: ItemTally; projectState: string } | MeetingFailure;

/**
 * Decide an item: the outcome is computed from the recorded votes and the
 * resolution applied at once — adopted: the project enters public notice
 * (refused if it does not fit the remaining budget, naming the shortfall);
 * not adopted: the project is rejected with the computed outcome as reason.
 */
export async function decideItem(ctx: AppContext, meetingId: string, itemId: string, actor: Actor, auditActor: AuditActor): Promise<DecideOutcome> {
  const now = ctx.now();
  return run(ctx, async (tx) => {
    const found = await staffItem(tx, meetingId, itemId, actor);
    if (!found.ok) return found;
    const { l, it } = found;
    const f = await facts(tx, l.m, l.rulebook);
    const votes = await tx.select({ accountId: councilVotes.accountId, vote: councilVotes.vote }).from(councilVotes).where(eq(councilVotes.agendaItemId, itemId));
    const tally = tallyItem(l.rulebook, f.presentIds, votes);
    const refused = whyNotDecide(f, { decided: it.item.outcome !== null }, tally);
    if (refused) return { ok: false as const, code: refused };
    // The published reason is recorded in Chinese, the language of the record.
    const reason = say.council('zh-CN', 'meetings.decisionReason', { title: l.m.title, day: meetingDay(l.m.scheduledAt), outcome: describeOutcome(l.rulebook, l.m.membersTotal!, tally, 'zh-CN') });
    let projectState: string;
    if (tally.outcome === 'adopted') {
      const costFen = committedAmount({ estimatedCostFen: it.costFen, agreedAmountFen: it.agreedFen });
      const budget = checkBudget(l.budgetFen, await committedFen(tx, l.m.cycleId), costFen);
      if (!budget.ok) return { ok: false as const, code: 'over_budget' as const, project: it.code, costFen, remainingFen: budget.remainingFen, shortfallFen: budget.shortfallFen };
      const notice = await openNotice(tx, it.projectId, now, l.rulebook.noticeDays);
      const step = await stepProject(tx, { projectId: it.projectId, event: 'adopt', reason, actor, auditActor, at: now, after: { meeting: meetingId, noticeEndsAt: notice.endsAt.toISOString() } });
      if (!step.ok) throw new Refusal({ ok: false, code: step.code, project: it.code });
      projectState = step.to;
    } else {
      const step = await stepProject(tx, { projectId: it.projectId, event: 'reject', reason, actor, auditActor, at: now, after: { meeting: meetingId } });
      if (!step.ok) throw new Refusal({ ok: false, code: step.code, project: it.code });
      projectState = step.to;
    }
    await tx.update(agendaItems).set({ outcome: tally.outcome, decidedAt: now }).where(eq(agendaItems.id, itemId));
    await appendAudit(tx, {
      actor: auditActor,
      action: 'meeting.item_decided',
      subjectType: 'meeting',
      subjectId: meetingId,
      after: { project: it.code, outcome: tally.outcome, present: tally.present, for: tally.for, against: tally.against, abstain: tally.abstain },
      reason,
      at: now,
    });
    return { ok: true as const, outcome: tally.outcome, reason, tally, projectState };
  });
}

export type CarryOver = { project: string; reason: string };

/**
 * Close the meeting and publish its minutes. Every agenda item must be
 * decided or explicitly carried over with a reason; otherwise the close is
 * refused naming the undecided items (`undecided_items`), and nothing is
 * written. A carried-over item's project stays under deliberation and may go
 * on a later meeting's agenda; the reason is published with the meeting.
 */
export async function closeMeeting(
  ctx: AppContext,
  meetingId: string,
  minutes: string,
  actor: Actor,
  auditActor: AuditActor,
  carryOver: readonly CarryOver[] = [],
): Promise<{ ok: true } | MeetingFailure> {
  const now = ctx.now();
  return asStaff(ctx, meetingId, actor, async (tx, l) => {
    const items = (
      await tx
        .select({ id: agendaItems.id, outcome: agendaItems.outcome, code: projects.code, title: projects.title })
        .from(agendaItems)
        .innerJoin(projects, eq(projects.id, agendaItems.projectId))
        .where(eq(agendaItems.meetingId, meetingId))
        .orderBy(asc(agendaItems.position))
    ).map((i) => ({ ...i, decided: i.outcome !== null }));
    const reasons = new Map(carryOver.map((c) => [c.project, c.reason.trim()]));
    const check = checkClose(l.m.status, items, [...reasons.keys()]);
    if (!check.ok) {
      if (check.code === 'undecided_items') return { ok: false as const, code: check.code, items: check.items.map((i) => ({ code: i.code, title: i.title })) };
      return check;
    }
    const text = minutes.trim();
    await tx.update(meetings).set({ status: 'closed', closedAt: now, minutes: text }).where(eq(meetings.id, meetingId));
    const carried = items.filter((i) => reasons.has(i.code));
    for (const i of carried) {
      await tx.update(agendaItems).set({ outcome: 'carried_over' }).where(eq(agendaItems.id, i.id));
      await appendAudit(tx, {
        actor: auditActor,
        action: 'meeting.item_carried_over',
        subjectType: 'meeting',
        subjectId: meetingId,
        after: { project: i.code, title: i.title, outcome: 'carried_over' },
        reason: reasons.get(i.code)!,
        at: now,
      });
    }
    await appendAudit(tx, {
      actor: auditActor,
      action: 'meeting.closed',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { status: 'open' },
      after: { status: 'closed', minutes: text, carriedOver: carried.map((i) => i.code) },
      at: now,
    });
    return { ok: true as const };
  });
}

/** Correct a closed meeting's record: an addendum, itself logged. */
export async function addAddendum(ctx: AppContext, meetingId: string, body: string, actor: Actor, auditActor: AuditActor): Promise<{ ok: true; id: string } | MeetingFailure> {
  const now = ctx.now();
  return asStaff(ctx, meetingId, actor, async (tx, l) => {
    if (l.m.status !== 'closed') return { ok: false as const, code: 'not_closed' as const };
    const id = newId();
    const text = body.trim();
    await tx.insert(meetingAddenda).values({ id, meetingId, body: text, createdAt: now, createdBy: auditActor.accountId });
    await appendAudit(tx, { actor: auditActor, action: 'meeting.addendum_added', subjectType: 'meeting', subjectId: meetingId, after: { addendum: id }, reason: text, at: now });
    return { ok: true as const, id };
  });
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

export type MeetingItemView = {
  id: string;
  position: number;
  project: { id: string; code: string; title: string; estimatedCostFen: number; agreedAmountFen: number | null; state: string };
  presentationNote: string | null;
  discussionSummary: string | null;
  outcome: ItemOutcome | null;
  /** Why the item was carried over to a later meeting (published with the meeting). */
  carryOverReason: string | null;
  decidedAt: Date | null;
  votes: { accountId: string; name: string; vote: CouncilVote }[];
  tally: ItemTally | null;
  outcomeText: string | null;
};

export type MeetingView = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

/** A meeting as the public (and staff) see it: agenda, attendance, each member's vote by name, outcomes, minutes, addenda. */
export async function getMeeting(ctx: AppContext, meetingId: string) {
  const db = ctx.database.db;
  const l = await loadMeeting(db, meetingId);
  if (!l) return null;
  const { m, rulebook } = l;
  const cycle = (await getCycle(ctx.database, m.cycleId, ctx.now())) as CycleView;
  const attendance = await db
    .select({ accountId: meetingAttendance.accountId, present: meetingAttendance.present, name: accounts.displayName })
    .from(meetingAttendance)
    .innerJoin(accounts, eq(accounts.id, meetingAttendance.accountId))
    .where(eq(meetingAttendance.meetingId, meetingId));
  const expected = await membersInOffice(db, m.communityId, meetingDay(m.scheduledAt));
  const taken = m.membersTotal !== null;
  // Before attendance is taken, show who is expected; after, exactly who was recorded.
  const members = taken
    ? attendance
        .map((a) => ({ accountId: a.accountId, name: a.name, role: expected.find((e) => e.accountId === a.accountId)?.role ?? ('member' as const), present: a.present as boolean | null }))
        .sort((a, b) => (a.role === b.role ? 0 : a.role === 'chair' ? -1 : 1))
    : expected.map((e) => ({ ...e, present: null as boolean | null }));
  const presentIds = attendance.filter((a) => a.present).map((a) => a.accountId);
  const quorum = taken ? meetingQuorum(rulebook, m.membersTotal!, presentIds.length) : null;
  const itemRows = await db
    .select({ item: agendaItems, p: { id: projects.id, code: projects.code, title: projects.title, estimatedCostFen: projects.estimatedCostFen, agreedAmountFen: projects.agreedAmountFen, state: projects.state } })
    .from(agendaItems)
    .innerJoin(projects, eq(projects.id, agendaItems.projectId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
  const voteRows = itemRows.length
    ? await db
        .select({ agendaItemId: councilVotes.agendaItemId, accountId: councilVotes.accountId, vote: councilVotes.vote, name: accounts.displayName })
        .from(councilVotes)
        .innerJoin(accounts, eq(accounts.id, councilVotes.accountId))
        // The meeting's items by a sub-select, not a list of their ids (issue 18).
        .where(inArray(councilVotes.agendaItemId, db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId))))
    : [];
  // A carried-over item's reason is minuted in its audit entry (one per item, written with the close).
  const carriedRows = itemRows.some((r) => r.item.outcome === 'carried_over')
    ? await db
        .select({ after: auditLog.after, reason: auditLog.reason })
        .from(auditLog)
        .where(and(eq(auditLog.subjectType, 'meeting'), eq(auditLog.subjectId, meetingId), eq(auditLog.action, 'meeting.item_carried_over')))
    : [];
  const carryReasons = new Map(carriedRows.map((r) => [(JSON.parse(r.after ?? '{}') as { project?: string }).project, r.reason]));
  const order = new Map(members.map((mm, i) => [mm.accountId, i]));
  const items: MeetingItemView[] = itemRows.map(({ item, p }) => {
    const votes = voteRows
      .filter((v) => v.agendaItemId === item.id)
      .map(({ agendaItemId: _a, ...v }) => v)
      .sort((a, b) => (order.get(a.accountId) ?? 99) - (order.get(b.accountId) ?? 99));
    const tally = quorum ? tallyItem(rulebook, presentIds, votes) : null;
    return {
      id: item.id,
      position: item.position,
      project: p,
      presentationNote: item.presentationNote,
      discussionSummary: item.discussionSummary,
      outcome: item.outcome,
      carryOverReason: item.outcome === 'carried_over' ? (carryReasons.get(p.code) ?? null) : null,
      decidedAt: item.decidedAt,
      votes,
      tally,
      outcomeText: tally && (item.outcome === 'adopted' || item.outcome === 'not_adopted') ? describeOutcome(rulebook, m.membersTotal!, tally, 'zh-CN') : null,
    };
  });
  const addenda = await db
    .select({ id: meetingAddenda.id, body: meetingAddenda.body, createdAt: meetingAddenda.createdAt, createdByName: accounts.displayName })
    .from(meetingAddenda)
    .leftJoin(accounts, eq(accounts.id, meetingAddenda.createdBy))
    .where(eq(meetingAddenda.meetingId, meetingId))
    .orderBy(asc(meetingAddenda.createdAt), asc(meetingAddenda.id));
  const committed = await committedFen(db, m.cycleId);
  return {
    meeting: m,
    place: l.place,
    cycle,
    rulebook,
    members,
    quorum,
    facts: { status: m.status, attendanceTaken: taken, quorumMet: quorum?.met ?? false } as MeetingFacts,
    items,
    addenda,
    budget: { budgetFen: l.budgetFen, committedFen: committed, remainingFen: l.budgetFen - committed },
  };
}

export type MeetingListItem = { id: string; title: string; scheduledAt: string; place: string; status: string; agendaPublished: boolean; cycleId: string; items: number; decided: number };

/** Meetings of a community, newest first; the public sees only those whose agenda is published. */
export async function listMeetings(db: Db, filter: { communityId?: string; cycleId?: string; includeUnpublished?: boolean }): Promise<MeetingListItem[]> {
  const conds = [
    filter.communityId ? eq(meetings.communityId, filter.communityId) : undefined,
    filter.cycleId ? eq(meetings.cycleId, filter.cycleId) : undefined,
    filter.includeUnpublished ? undefined : isNotNull(meetings.agendaPublishedAt),
  ].filter((c) => c !== undefined);
  const rows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      scheduledAt: meetings.scheduledAt,
      place: meetings.place,
      status: meetings.status,
      agendaPublishedAt: meetings.agendaPublishedAt,
      cycleId: meetings.cycleId,
      items: sql<number>`(select count(*) from agenda_items where agenda_items.meeting_id = meetings.id)`,
      decided: sql<number>`(select count(*) from agenda_items where agenda_items.meeting_id = meetings.id and agenda_items.outcome in ('adopted', 'not_adopted'))`,
    })
    .from(meetings)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(meetings.scheduledAt), desc(meetings.createdAt));
  return rows.map(({ agendaPublishedAt, ...r }) => ({ ...r, agendaPublished: agendaPublishedAt !== null }));
}

/** Published meetings that had this project on their agenda, with the item's outcome (for the project page). */
export async function meetingsForProject(db: Db, projectId: string) {
  return db
    .select({ id: meetings.id, title: meetings.title, scheduledAt: meetings.scheduledAt, status: meetings.status, outcome: agendaItems.outcome })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.projectId, projectId), isNotNull(meetings.agendaPublishedAt)))
    .orderBy(asc(meetings.scheduledAt));
}

/** Projects of a cycle that can go on an agenda now: under deliberation and not waiting on another unclosed meeting. */
export async function agendaCandidates(db: Db, cycleId: string, exceptMeetingId?: string) {
  const rows = await db
    .select({ id: projects.id, code: projects.code, title: projects.title, estimatedCostFen: projects.estimatedCostFen })
    .from(projects)
    .where(and(eq(projects.cycleId, cycleId), eq(projects.state, 'under_deliberation')))
    .orderBy(asc(projects.code));
  // Only this cycle's candidates can be taken: their open agenda items, found through them (not every open item of the city).
  const busy = await db
    .select({ projectId: agendaItems.projectId })
    .from(projects)
    .innerJoin(agendaItems, eq(agendaItems.projectId, projects.id))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(projects.cycleId, cycleId), eq(projects.state, 'under_deliberation'), isNull(agendaItems.outcome), ne(meetings.status, 'closed'), exceptMeetingId ? ne(meetings.id, exceptMeetingId) : undefined));
  const taken = new Set(busy.map((b) => b.projectId));
  return rows.filter((r) => !taken.has(r.id));
}

/** The community a meeting belongs to; null when there is no such meeting. */
export async function communityOfMeeting(db: Db, meetingId: string): Promise<string | null> {
  const r = await db.select({ communityId: meetings.communityId }).from(meetings).where(eq(meetings.id, meetingId)).limit(1);
  return r[0]?.communityId ?? null;
}

/** May this person see the meeting before its agenda is published? Staff of the community only. */
export function canSeeUnpublished(actor: Actor, place: Place): boolean {
  return actor !== null && hasRole(actor, 'staff', place);
}
