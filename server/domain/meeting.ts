/**
 * @module Council meetings (议事会会议) as pure rules: is the meeting quorate,
 * may this vote be recorded, what does an agenda item's roll call decide, and
 * does an adopted project still fit the cycle's remaining budget.
 *
 * The outcome of an item is never typed by anyone: it is computed here from
 * who was present and how each present member voted, with the rulebook's
 * quorum and pass threshold (exact integer arithmetic in ./rulebook.ts).
 * Every refusal is a reason code with a bilingual message, like the
 * permission codes in ./permissions.ts.
 */
import { minimumPresent, minimumVotesFor, motionPasses, quorumMet, type Fraction, type Rulebook } from './rulebook.ts';
import { codesOf } from './reason-codes.ts';

export const COUNCIL_VOTES = ['for', 'against', 'abstain'] as const;
export type CouncilVote = (typeof COUNCIL_VOTES)[number];

export const MEETING_STATUSES = ['scheduled', 'open', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/**
 * What became of an agenda item: decided by the council's vote (adopted or
 * not), or carried over when the meeting closed without deciding it — the
 * project stays under deliberation, free for a later meeting's agenda, and
 * the reason is minuted.
 */
export const ITEM_OUTCOMES = ['adopted', 'not_adopted', 'carried_over'] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

// ---------------------------------------------------------------------------
// Quorum
// ---------------------------------------------------------------------------

export type Quorum = {
  /** Members in office on the meeting day: the denominator. */
  membersTotal: number;
  present: number;
  /** The fewest present members that make a quorum. */
  minimumPresent: number;
  met: boolean;
};

export function meetingQuorum(rulebook: Pick<Rulebook, 'quorum'>, membersTotal: number, present: number): Quorum {
  return {
    membersTotal,
    present,
    minimumPresent: minimumPresent(rulebook, membersTotal),
    met: quorumMet(rulebook, membersTotal, present),
  };
}

// ---------------------------------------------------------------------------
// One agenda item's roll call
// ---------------------------------------------------------------------------

export type RecordedVote = { accountId: string; vote: CouncilVote };

export type ItemTally = {
  present: number;
  for: number;
  against: number;
  abstain: number;
  /** Present members with no vote recorded yet. */
  missing: string[];
  /** The fewest votes for that pass the motion with this many present. */
  minimumFor: number;
  passes: boolean;
  outcome: 'adopted' | 'not_adopted';
};

/**
 * Count an item's votes. Only present members' votes count (a stray vote of
 * an absent member is ignored here and refused when recorded). The motion
 * passes with strictly more than the threshold share of members present
 * voting for it, so abstaining counts against and a tie fails.
 */
export function tallyItem(rulebook: Pick<Rulebook, 'passThreshold'>, presentIds: readonly string[], votes: readonly RecordedVote[]): ItemTally {
  const present = new Set(presentIds);
  const byMember = new Map<string, CouncilVote>();
  for (const v of votes) if (present.has(v.accountId)) byMember.set(v.accountId, v.vote);
  let f = 0;
  let a = 0;
  let s = 0;
  for (const v of byMember.values()) {
    if (v === 'for') f++;
    else if (v === 'against') a++;
    else s++;
  }
  const passes = motionPasses(rulebook, present.size, f);
  return {
    present: present.size,
    for: f,
    against: a,
    abstain: s,
    missing: [...present].filter((id) => !byMember.has(id)),
    minimumFor: minimumVotesFor(rulebook, present.size),
    passes,
    outcome: passes ? 'adopted' : 'not_adopted',
  };
}

// ---------------------------------------------------------------------------
// Reasons a meeting step is refused
// ---------------------------------------------------------------------------

/** Each reason with the HTTP status an API answers it with (words: reasons.json `meeting.<code>`). */
export const MEETING_REASON_STATUS = {
  meeting_closed: 409,
  meeting_not_open: 409,
  meeting_already_open: 409,
  agenda_published: 409,
  agenda_not_published: 409,
  agenda_empty: 422,
  attendance_not_taken: 409,
  attendance_locked: 409,
  no_members: 409,
  no_quorum: 409,
  not_a_member: 422,
  not_present: 422,
  item_decided: 409,
  votes_incomplete: 409,
  over_budget: 409,
  not_under_deliberation: 409,
  already_on_agenda: 409,
  wrong_cycle: 422,
  not_closed: 409,
  undecided_items: 409,
  not_undecided: 422,
  meeting_not_yet: 409,
} as const satisfies Record<string, 409 | 422>;
export type MeetingReason = keyof typeof MEETING_REASON_STATUS;
export const MEETING_REASONS = codesOf(MEETING_REASON_STATUS);

/** The instant a meeting is scheduled to start: its time is China time ('2026-11-25T19:30' → 11:30 UTC). */
export function meetingStartsAt(scheduledAt: string): Date {
  return new Date(`${scheduledAt.slice(0, 16)}:00+08:00`);
}

/**
 * May the meeting open now? Once, after its agenda was published, and not
 * before its scheduled time (a meeting opened early would meet without the
 * members and residents who came at the published time).
 */
export function whyNotOpen(meeting: { status: MeetingStatus; agendaPublished: boolean; scheduledAt: string }, now: Date): MeetingReason | null {
  if (meeting.status === 'closed') return 'meeting_closed';
  if (meeting.status === 'open') return 'meeting_already_open';
  if (!meeting.agendaPublished) return 'agenda_not_published';
  if (now.getTime() < meetingStartsAt(meeting.scheduledAt).getTime()) return 'meeting_not_yet';
  return null;
}

export type MeetingFacts = {
  status: MeetingStatus;
  /** Attendance has been taken (members_total is set). */
  attendanceTaken: boolean;
  quorumMet: boolean;
};

/** Is the meeting in session (open)? The steps taken at the meeting itself ask this first. */
export function whyNotInSession(status: MeetingStatus): 'meeting_closed' | 'meeting_not_open' | null {
  if (status === 'closed') return 'meeting_closed';
  if (status !== 'open') return 'meeting_not_open';
  return null;
}

/** May the item be voted on at all: the meeting in session, attendance taken with a quorum, the item undecided? */
function whyNotOnItem(meeting: MeetingFacts, item: { decided: boolean }): MeetingReason | null {
  const session = whyNotInSession(meeting.status);
  if (session) return session;
  if (!meeting.attendanceTaken) return 'attendance_not_taken';
  if (!meeting.quorumMet) return 'no_quorum';
  if (item.decided) return 'item_decided';
  return null;
}

/** May a vote be recorded on this item for this member? Checked from the meeting to the person. */
export function whyNotVote(meeting: MeetingFacts, item: { decided: boolean }, member: { expected: boolean; present: boolean }): MeetingReason | null {
  const why = whyNotOnItem(meeting, item);
  if (why) return why;
  if (!member.expected) return 'not_a_member';
  if (!member.present) return 'not_present';
  return null;
}

/** May the item be decided now (its outcome computed and the project moved)? */
export function whyNotDecide(meeting: MeetingFacts, item: { decided: boolean }, tally: Pick<ItemTally, 'missing'>): MeetingReason | null {
  const why = whyNotOnItem(meeting, item);
  if (why) return why;
  if (tally.missing.length > 0) return 'votes_incomplete';
  return null;
}

/** Agenda changes: only before it is published. */
export function whyNotEditAgenda(meeting: { status: MeetingStatus; agendaPublished: boolean }): MeetingReason | null {
  if (meeting.status === 'closed') return 'meeting_closed';
  if (meeting.status === 'open' || meeting.agendaPublished) return 'agenda_published';
  return null;
}

export type CloseCheck<T> = { ok: true } | { ok: false; code: 'meeting_closed' | 'meeting_not_open' } | { ok: false; code: 'not_undecided'; project: string } | { ok: false; code: 'undecided_items'; items: T[] };

/**
 * May the meeting close? Only while open, and only when no agenda item is
 * left undecided without being carried over: an item stranded on a closed
 * meeting would leave its project with no record of why it was not decided.
 * A carry-over must name an undecided item of this meeting.
 */
export function checkClose<T extends { code: string; decided: boolean }>(status: MeetingStatus, items: readonly T[], carriedOver: readonly string[]): CloseCheck<T> {
  const session = whyNotInSession(status);
  if (session) return { ok: false, code: session };
  for (const code of carriedOver) {
    if (!items.some((i) => i.code === code && !i.decided)) return { ok: false, code: 'not_undecided', project: code };
  }
  const stranded = items.filter((i) => !i.decided && !carriedOver.includes(i.code));
  if (stranded.length > 0) return { ok: false, code: 'undecided_items', items: stranded };
  return { ok: true };
}

// ---------------------------------------------------------------------------
// Budget
// ---------------------------------------------------------------------------

export type BudgetCheck =
  | { ok: true; remainingFen: number }
  | { ok: false; reason: 'over_budget'; remainingFen: number; shortfallFen: number };

/**
 * Does a project costing `costFen` fit in what is left of the cycle's budget
 * after the projects already committed (adopted, in notice, approved, being
 * delivered, …)? Exactly at the remaining budget fits.
 */
export function checkBudget(budgetFen: number, committedFen: number, costFen: number): BudgetCheck {
  for (const [n, what] of [[budgetFen, 'budgetFen'], [committedFen, 'committedFen'], [costFen, 'costFen']] as const) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`checkBudget: ${what} ${n} is not a whole number of fen ≥ 0`);
  }
  const remainingFen = budgetFen - committedFen;
  if (costFen <= remainingFen) return { ok: true, remainingFen };
  return { ok: false, reason: 'over_budget', remainingFen, shortfallFen: costFen - remainingFen };
}

/** Project states whose money is spoken for: everything from adoption on, except what was returned or rejected. */
export const COMMITTED_STATES = ['in_public_notice', 'approved', 'in_progress', 'accepted', 'acceptance_failed', 'evaluated', 'audited', 'archived'] as const;

/** The amount a project commits: the agreed amount once there is one, else the estimate. */
export function committedAmount(p: { estimatedCostFen: number; agreedAmountFen: number | null }): number {
  return p.agreedAmountFen ?? p.estimatedCostFen;
}
