/**
 * @module What happens next to a project, who acts and by when, as codes
 * and values (the page turns them into words).
 *
 * The answer comes from the project's state, the cycle's planned phase dates,
 * the rulebook (is there a resident vote; how long the public notice runs)
 * and the dated facts the record already holds: the notice period, the
 * council meeting the project is on the agenda of, the agreement's planned
 * end. `by` is the last day (China time) the step is planned to be done;
 * `opens` the day it can start, when that is still ahead (screening before
 * its phase opens); `overdue` says `by` has passed.
 *
 * `projectPath` is the road a project takes through the machine, so the page
 * can show the steps done, the current one and the ones ahead.
 */
import { chinaDay, type CyclePhase, type PlannedPhase } from './cycle-phases.ts';
import { overdue as deliveryOverdue } from './delivery.ts';
import { DAY_MS } from './notice.ts';
import type { ProjectState } from './project-states.ts';
import type { VoteMethod } from './rulebook.ts';

export const NEXT_STEPS = [
  'submit',
  'screen',
  'resident_vote',
  'send_to_council',
  'council_decision',
  'answer_objections',
  'notice_period',
  'sign_agreement',
  'deliver',
  'rework',
  'survey',
  'audit',
  'archive',
  'none',
] as const;
export type NextStepCode = (typeof NEXT_STEPS)[number];

/**
 * Who takes the step: the proposer; the community's staff; the screeners
 * (the community's staff or the street officer); the council; the residents
 * (voting, objecting, rating); the implementer named in the agreement; the
 * auditor.
 */
export const NEXT_ACTORS = ['proposer', 'staff', 'screeners', 'council', 'residents', 'implementer', 'auditor'] as const;
export type NextActor = (typeof NEXT_ACTORS)[number];

export type NextStepInput = {
  state: ProjectState;
  /** The cycle's planned phases (any order). */
  phases: readonly PlannedPhase[];
  rulebook: { noticeDays: number; vote: { method: VoteMethod } };
  now: Date;
  /** The open (or latest) public notice: its end, and how many objections wait for an answer. */
  notice?: { endsAt: Date; openObjections: number } | null;
  /** When the council adopted it (the notice runs `noticeDays` from then), if no notice row says. */
  adoptedAt?: Date | null;
  /** The next unclosed meeting with the project on its agenda (ISO date-time, China time). */
  meeting?: { scheduledAt: string } | null;
  agreement?: { implementerName: string; plannedEnd: string } | null;
  /** Who holds each part, where the record knows (the community's staff by name). The agreement names the implementer. */
  people?: Partial<Record<NextActor, string>>;
};

export type NextStep = {
  next: NextStepCode;
  actor: NextActor | null;
  /** The person or body, where the record names one (the implementer). */
  person?: string;
  /** Last day (YYYY-MM-DD, China time) the step is planned for. */
  by?: string;
  /** First day the step can be taken, while that is still ahead. */
  opens?: string;
  overdue: boolean;
};

function phaseOf(phases: readonly PlannedPhase[], phase: CyclePhase): PlannedPhase | undefined {
  return phases.find((p) => p.phase === phase);
}

/** The step a project in `input.state` waits for now. */
export function nextStep(input: NextStepInput): NextStep {
  const step = stepOf(input);
  const person = step.actor === null ? undefined : input.people?.[step.actor];
  if (step.person === undefined && person) step.person = person;
  return step;
}

function stepOf(input: NextStepInput): NextStep {
  const today = chinaDay(input.now);
  const planned = (phase: CyclePhase) => phaseOf(input.phases, phase);
  /** A step planned within a phase: by its end, opening at its start if that is ahead. */
  const inPhase = (next: NextStepCode, actor: NextActor, phase: CyclePhase): NextStep => {
    const p = planned(phase);
    const out: NextStep = { next, actor, overdue: p !== undefined && today > p.endsOn };
    if (p) out.by = p.endsOn;
    if (p && p.startsOn > today) out.opens = p.startsOn;
    return out;
  };
  const hasVote = input.rulebook.vote.method !== 'none';

  switch (input.state) {
    case 'draft':
      return inPhase('submit', 'proposer', 'collection');
    case 'submitted':
      return inPhase('screen', 'screeners', 'screening');
    case 'screened_in':
      return hasVote ? inPhase('resident_vote', 'residents', 'resident_vote') : inPhase('send_to_council', 'staff', 'deliberation');
    case 'shortlisted':
      return inPhase('send_to_council', 'staff', 'deliberation');
    case 'under_deliberation': {
      if (input.meeting) {
        const day = input.meeting.scheduledAt.slice(0, 10);
        return { next: 'council_decision', actor: 'council', by: day, overdue: today > day };
      }
      return inPhase('council_decision', 'council', 'deliberation');
    }
    case 'in_public_notice': {
      const endsAt = input.notice?.endsAt ?? (input.adoptedAt ? new Date(input.adoptedAt.getTime() + input.rulebook.noticeDays * DAY_MS) : null);
      const waiting = (input.notice?.openObjections ?? 0) > 0;
      const next: NextStepCode = waiting ? 'answer_objections' : 'notice_period';
      const actor: NextActor = waiting ? 'staff' : 'residents';
      if (endsAt === null) return inPhase(next, actor, 'public_notice');
      // The period ends at an instant; its last day is the China day before that instant.
      const by = chinaDay(new Date(endsAt.getTime() - 1));
      return { next, actor, by, overdue: input.now.getTime() >= endsAt.getTime() && waiting };
    }
    case 'approved':
      if (!input.agreement) {
        const p = planned('implementation');
        const out: NextStep = { next: 'sign_agreement', actor: 'staff', overdue: p !== undefined && today > p.startsOn };
        if (p) out.by = p.startsOn;
        return out;
      }
      return delivering('deliver', input, today);
    case 'in_progress':
      return delivering('deliver', input, today);
    case 'acceptance_failed':
      return delivering('rework', input, today);
    case 'accepted':
      return inPhase('survey', 'residents', 'acceptance');
    case 'evaluated':
      return inPhase('audit', 'auditor', 'audit');
    case 'audited':
      return inPhase('archive', 'staff', 'audit');
    default:
      // screened_out, not_shortlisted, rejected, withdrawn, archived: nothing comes next.
      return { next: 'none', actor: null, overdue: false };
  }
}

function delivering(next: 'deliver' | 'rework', input: NextStepInput, today: string): NextStep {
  const a = input.agreement;
  const end = a?.plannedEnd ?? phaseOf(input.phases, 'implementation')?.endsOn;
  const out: NextStep = { next, actor: 'implementer', overdue: deliveryOverdue(input.state, end, today).overdue };
  if (a) out.person = a.implementerName;
  if (end) out.by = end;
  return out;
}

/** The states a project passes through when all goes well, in order. */
export function mainPath(hasResidentVote: boolean): readonly ProjectState[] {
  return [
    'submitted',
    'screened_in',
    ...(hasResidentVote ? (['shortlisted'] as const) : []),
    'under_deliberation',
    'in_public_notice',
    'approved',
    'in_progress',
    'accepted',
    'evaluated',
    'audited',
    'archived',
  ];
}

/**
 * The road of this project: the main path, with the states it reached off
 * it (a failed acceptance) kept where they happened, ending at a terminal
 * state it stopped in (screened out, rejected…). `reached` is the states in
 * the order the record shows them.
 */
export function projectPath(state: ProjectState, reached: readonly ProjectState[], hasResidentVote: boolean): { done: ProjectState[]; current: ProjectState; ahead: ProjectState[] } {
  const main = mainPath(hasResidentVote);
  // Where the project is now: on the main path, or a detour (acceptance_failed sits where in_progress is).
  const done = [...new Set(reached.filter((s) => s !== state && s !== 'draft'))];
  // Nothing is ahead of a terminal state: it is off the main path (screened out, rejected…), or its end (archived).
  const anchor: ProjectState = state === 'acceptance_failed' ? 'in_progress' : state === 'draft' ? 'submitted' : state;
  const i = main.indexOf(anchor);
  const ahead = i === -1 ? [] : main.slice(state === 'draft' ? i : i + 1);
  return { done: done.filter((s) => !ahead.includes(s)), current: state, ahead };
}

/** The planned phase in which a project is meant to reach each state, to date the steps ahead. */
export const STATE_PHASE: Readonly<Partial<Record<ProjectState, CyclePhase>>> = {
  submitted: 'collection',
  screened_in: 'screening',
  shortlisted: 'resident_vote',
  under_deliberation: 'deliberation',
  in_public_notice: 'public_notice',
  approved: 'public_notice',
  in_progress: 'implementation',
  accepted: 'acceptance',
  evaluated: 'acceptance',
  audited: 'audit',
  archived: 'audit',
};
