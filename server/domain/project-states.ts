/**
 * @module The life of a project as a state machine held in data.
 *
 * `PROJECT_STATES` and `PROJECT_EVENTS` are the vocabularies, `TRANSITIONS`
 * is the table {state: {event: next}}, `EVENT_ROLES` says who may fire each
 * event and `REASON_REQUIRED` which steps must carry a published reason.
 * `transition` only reads these tables, so the API, the pages and the tests
 * all share one machine, and a step that is not in the table is refused
 * with a reason code instead of being silently ignored.
 *
 * Departures from the diagram in DOMAIN.md, on purpose:
 * - `not_shortlisted`: a screened-in project the resident vote did not pick.
 *   Leaving it in `screened_in` would make it look as if it were still
 *   waiting, forever; a terminal state of its own lets the page say "not
 *   chosen by the resident vote" and show the vote count.
 * - `withdraw` is allowed from `submitted` as well as from `draft` and
 *   `screened_in` (the drawing has one arrow per column; it would be odd to
 *   let a proposer withdraw after screening but not while waiting for it).
 *   Once shortlisted, residents have voted for it, so it can no longer be
 *   withdrawn by its proposer.
 * - `fail_acceptance` needs a reason, like the three steps DOMAIN.md names:
 *   residents should see what failed before the work is redone.
 */
import { hasRole, hasRoleAnywhere, roleReason } from './permissions.ts';
import type { Actor, Place, ReasonCode, Role } from './permissions.ts';
import { nextOpening, type CyclePhase, type PlannedPhase } from './cycle-phases.ts';
import { screeningMode, voteMode, type Rulebook, type ScreeningMode } from './rulebook.ts';

export type { ReasonCode } from './permissions.ts';

// The states themselves live in ./project-state-names.ts, which the permissions can read without importing this module.
export { PROJECT_STATES, type ProjectState } from './project-state-names.ts';
import { PROJECT_STATES, type ProjectState } from './project-state-names.ts';

export const PROJECT_EVENTS = [
  'submit',
  'withdraw',
  'screen_in',
  'screen_out',
  'shortlist',
  'not_shortlist',
  'send_to_deliberation',
  'adopt',
  'reject',
  'uphold_objection',
  'end_notice',
  'start_implementation',
  'pass_acceptance',
  'fail_acceptance',
  'resume',
  'close_survey',
  'record_audit',
  'archive',
] as const;
export type ProjectEvent = (typeof PROJECT_EVENTS)[number];

/** The machine. A state with no events is terminal. */
export const TRANSITIONS: Readonly<Record<ProjectState, Readonly<Partial<Record<ProjectEvent, ProjectState>>>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { screen_in: 'screened_in', screen_out: 'screened_out', withdraw: 'withdrawn' },
  screened_in: {
    shortlist: 'shortlisted',
    not_shortlist: 'not_shortlisted',
    // Cycles without a resident vote go straight to the council.
    send_to_deliberation: 'under_deliberation',
    withdraw: 'withdrawn',
  },
  screened_out: {},
  shortlisted: { send_to_deliberation: 'under_deliberation' },
  // Only where the vote is advisory (ADVISORY_ONLY): the council may still take up a project the vote did not pick.
  not_shortlisted: { send_to_deliberation: 'under_deliberation' },
  under_deliberation: { adopt: 'in_public_notice', reject: 'rejected' },
  rejected: {},
  in_public_notice: { uphold_objection: 'under_deliberation', end_notice: 'approved' },
  approved: { start_implementation: 'in_progress' },
  in_progress: { pass_acceptance: 'accepted', fail_acceptance: 'acceptance_failed' },
  accepted: { close_survey: 'evaluated' },
  acceptance_failed: { resume: 'in_progress' },
  evaluated: { record_audit: 'audited' },
  audited: { archive: 'archived' },
  archived: {},
  withdrawn: {},
};

/** 'system' is the clock or a computed result (the tally), acting without a person. */
export type EventActor = Role | 'system';

/**
 * Who may fire each event, in the project's community (or its street or
 * district). Council decisions (adopt, reject) are taken by council vote and
 * recorded by staff. A resident may submit or withdraw only their own project.
 */
export const EVENT_ROLES: Readonly<Record<ProjectEvent, readonly EventActor[]>> = {
  submit: ['resident', 'staff'],
  withdraw: ['resident', 'staff'],
  screen_in: ['officer', 'staff'],
  screen_out: ['officer', 'staff'],
  shortlist: ['system', 'staff'],
  not_shortlist: ['system', 'staff'],
  send_to_deliberation: ['staff'],
  adopt: ['staff'],
  reject: ['staff'],
  uphold_objection: ['staff'],
  end_notice: ['system', 'staff'],
  start_implementation: ['staff'],
  pass_acceptance: ['staff'],
  fail_acceptance: ['staff'],
  resume: ['staff'],
  close_survey: ['system', 'staff'],
  record_audit: ['auditor', 'officer'],
  archive: ['staff', 'officer'],
};

/** Events where a resident acts only on their own project; staff may act for a paper proposer. */
export const PROPOSER_EVENTS: ReadonlySet<ProjectEvent> = new Set<ProjectEvent>(['submit', 'withdraw']);

/** Steps that must carry a written reason, which is published with the decision. */
export const REASON_REQUIRED: ReadonlySet<ProjectEvent> = new Set<ProjectEvent>([
  'screen_out',
  'reject',
  'uphold_objection',
  'fail_acceptance',
]);

/**
 * Steps that exist only in cycles with a resident vote (true) or only in
 * cycles without one (false). Checked when the caller says which kind of
 * cycle the project is in.
 */
export const RESIDENT_VOTE_GUARD: Readonly<Partial<Record<ProjectState, Partial<Record<ProjectEvent, boolean>>>>> = {
  screened_in: { shortlist: true, not_shortlist: true, send_to_deliberation: false },
};

/**
 * End states. `not_shortlisted` ends a project under a binding vote; where the
 * vote is advisory (rulebook vote.effect 'advisory') the council may still
 * take it up (its one step, send_to_deliberation). A caller that does not say
 * which gets the binding behaviour, as every rulebook before the setting.
 */
export const TERMINAL_STATES: readonly ProjectState[] = PROJECT_STATES.filter(
  (s) => Object.keys(TRANSITIONS[s]).length === 0 || s === 'not_shortlisted',
);

export function isTerminal(state: ProjectState, opts: { voteAdvisory?: boolean | undefined } = {}): boolean {
  if (state === 'not_shortlisted') return opts.voteAdvisory !== true;
  return Object.keys(TRANSITIONS[state] ?? {}).length === 0;
}

/** The reason codes `transition` can return. */
export const TRANSITION_REASONS = [
  'wrong_phase',
  'unknown_event',
  'terminal_state',
  'transition_not_allowed',
  'resident_vote_pending',
  'no_resident_vote',
  'not_signed_in',
  'role_required',
  'not_in_community',
  'not_resident_of_community',
  'not_proposer',
  'reason_required',
] as const satisfies readonly ReasonCode[];
export type TransitionReason = (typeof TRANSITION_REASONS)[number];

/** A project as the machine needs to see it: its state, its proposer, and where it is. */
export type ProjectRef = Place & {
  state: ProjectState;
  proposerAccountId?: string | null | undefined;
  /**
   * Where the proposal came from. Staff may submit or withdraw on someone's
   * behalf only when it did not come from a resident's own account (paper
   * forms, the residents' committee, the workstation, a social organisation):
   * a resident's own proposal is theirs to withdraw.
   */
  proposerType?: 'resident' | 'paper' | 'residents_committee' | 'workstation' | 'social_org' | undefined;
};

/**
 * Steps a person may take as a bare step (a button, POST /events). Every
 * other step follows from recorded facts and is taken only by its own flow:
 * the shortlist by the vote count, adoption and rejection by a council
 * meeting's computed outcome, an upheld objection by its answer, the end of
 * a notice by the clock, delivery steps by the agreement, acceptance and
 * audit records. Offering them as buttons would let a typed decision bypass
 * the facts.
 */
export const BARE_EVENTS: ReadonlySet<ProjectEvent> = new Set<ProjectEvent>(['submit', 'withdraw', 'screen_in', 'screen_out', 'send_to_deliberation']);

/**
 * Steps bound to a phase of the cycle, under a rulebook: proposals are
 * submitted while proposals are being collected, and screened during
 * screening — or, where the rulebook screens on a rolling basis, during
 * collection too. Other steps follow each project's own clock (a late
 * deliberation, a notice period, a delivery) and are not bound to the
 * cycle's phase.
 */
export function eventPhases(rules: { screening?: ScreeningMode | null | undefined } = {}): Readonly<Partial<Record<ProjectEvent, readonly CyclePhase[]>>> {
  const screening: readonly CyclePhase[] = screeningMode(rules) === 'rolling' ? ['collection', 'screening'] : ['screening'];
  return { submit: ['collection'], screen_in: screening, screen_out: screening };
}

/**
 * When a phase-bound step next becomes possible in this cycle: the first
 * planned day of the next phase (after the current one) in which the
 * rulebook allows it — for "初审将于 2026年12月16日 开始". Null when the step is
 * not phase-bound, is open now, or no such phase is planned.
 */
export function eventOpensOn(
  event: ProjectEvent,
  cycle: { phases: readonly PlannedPhase[]; phase: CyclePhase | null },
  rules: { screening?: ScreeningMode | null | undefined } = {},
): string | null {
  const phases = eventPhases(rules)[event];
  if (!phases || (cycle.phase !== null && phases.includes(cycle.phase))) return null;
  return nextOpening(cycle, phases);
}

/** What the machine needs to know of a cycle's rulebook; spread it into the options (`...cycleRules(rulebook)`). */
export type CycleRules = { cycleHasResidentVote: boolean; voteAdvisory: boolean; screening: ScreeningMode };

export function cycleRules(rulebook: Pick<Rulebook, 'vote' | 'screening'>): CycleRules {
  const mode = voteMode(rulebook);
  return { cycleHasResidentVote: mode !== 'none', voteAdvisory: mode === 'advisory', screening: screeningMode(rulebook) };
}

export type TransitionOptions = {
  /** The published reason or document reference; required for `REASON_REQUIRED` events. */
  reason?: string | null | undefined;
  /** Whether the project's cycle has a resident vote (rulebook vote.method !== 'none'). */
  cycleHasResidentVote?: boolean | undefined;
  /** Whether the vote only advises the council (rulebook vote.effect 'advisory'); missing means binding. */
  voteAdvisory?: boolean | undefined;
  /** When the cycle's rulebook screens; missing means after collection. */
  screening?: ScreeningMode | undefined;
  /** The cycle's current phase; when given, steps in `eventPhases` are refused outside their phase. */
  phase?: CyclePhase | null | undefined;
};

export type TransitionResult =
  | { ok: true; from: ProjectState; to: ProjectState }
  | { ok: false; reason: TransitionReason };

/**
 * Fire `event` on `project` as `actor`. Returns the step to record, or why
 * not. Checks run from the person to the world: may this actor take this
 * step here at all, is it in the table from the project's state, does it fit
 * this cycle, is a reason given.
 */
export function transition(
  project: ProjectRef,
  event: ProjectEvent,
  actor: Actor,
  opts: TransitionOptions = {},
): TransitionResult {
  const refusal = whyNot(project, event, actor, opts);
  if (refusal !== null) return { ok: false, reason: refusal };
  if (REASON_REQUIRED.has(event) && (opts.reason ?? '').trim() === '') return { ok: false, reason: 'reason_required' };
  return { ok: true, from: project.state, to: TRANSITIONS[project.state][event]! };
}

/**
 * The events this actor could fire on the project now, in `PROJECT_EVENTS`
 * order, so a page can show one button each. A required reason is not
 * checked here: the form asks for it.
 */
export function availableEvents(
  project: ProjectRef,
  actor: Actor,
  opts: Omit<TransitionOptions, 'reason'> = {},
): ProjectEvent[] {
  return PROJECT_EVENTS.filter((event) => whyNot(project, event, actor, opts) === null);
}

function whyNot(
  project: ProjectRef,
  event: ProjectEvent,
  actor: Actor,
  opts: Omit<TransitionOptions, 'reason'>,
): TransitionReason | null {
  // Events arrive from forms and URLs; the type alone does not keep strangers out.
  if (!(PROJECT_EVENTS as readonly string[]).includes(event)) return 'unknown_event';
  // Who before what: someone who may not take this step here is told so whatever state the project is in.
  return whoMayNot(project, event, actor) ?? whenNot(project, event, opts);
}

/**
 * The person half of `transition`: may this actor take this step on this
 * project (or on projects of this place), in whatever state it is? For a
 * service that must refuse a stranger before it looks at anything there.
 */
export function whoCannotStep(project: Omit<ProjectRef, 'state'>, event: ProjectEvent, actor: Actor): TransitionReason | null {
  if (!(PROJECT_EVENTS as readonly string[]).includes(event)) return 'unknown_event';
  return whoMayNot(project, event, actor);
}

function whoMayNot(project: Omit<ProjectRef, 'state'>, event: ProjectEvent, actor: Actor): TransitionReason | null {
  const allowed = EVENT_ROLES[event];
  if (actor === null) return 'not_signed_in';
  if (actor.system === true) return allowed.includes('system') ? null : 'role_required';

  const roles = allowed.filter((r): r is Role => r !== 'system');

  if (PROPOSER_EVENTS.has(event)) {
    // Staff (or any other listed non-resident role) may act for a paper proposal.
    const actingRoles = roles.filter((r) => r !== 'resident');
    const forSomeoneElse = project.proposerType !== 'resident';
    if (forSomeoneElse && actingRoles.some((r) => hasRole(actor, r, project))) return null;
    if (roles.includes('resident')) {
      const isProposer = project.proposerAccountId != null && project.proposerAccountId === actor.accountId;
      if (isProposer) return narrow(roleReason(actor, ['resident'], project));
      // Staff of another community hear "not your community", not "not your project".
      if (!forSomeoneElse || !actingRoles.some((r) => hasRoleAnywhere(actor, r))) return 'not_proposer';
      return narrow(roleReason(actor, actingRoles, project));
    }
  }

  return narrow(roleReason(actor, roles, project));
}

/** Does the step fit the project's state and its cycle now? */
function whenNot(project: ProjectRef, event: ProjectEvent, opts: Omit<TransitionOptions, 'reason'>): TransitionReason | null {
  const row: Partial<Record<ProjectEvent, ProjectState>> | undefined = TRANSITIONS[project.state];
  // Under a binding vote (or when the caller does not say), a project the vote did not pick has ended.
  if (row === undefined || isTerminal(project.state, opts)) return 'terminal_state';
  if (row[event] === undefined) return 'transition_not_allowed';

  const phases = eventPhases(opts)[event];
  if (phases && opts.phase !== undefined && !(opts.phase !== null && phases.includes(opts.phase))) return 'wrong_phase';

  const needsVote = RESIDENT_VOTE_GUARD[project.state]?.[event];
  if (needsVote !== undefined && opts.cycleHasResidentVote !== undefined && needsVote !== opts.cycleHasResidentVote) {
    return needsVote ? 'no_resident_vote' : 'resident_vote_pending';
  }
  return null;
}

/** roleReason only yields person-related codes, all of which `transition` may return. */
function narrow(code: ReasonCode | null): TransitionReason | null {
  if (code === null) return null;
  return (TRANSITION_REASONS as readonly string[]).includes(code) ? (code as TransitionReason) : 'role_required';
}
