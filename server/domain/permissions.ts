/**
 * @module Who may do what, and — when they may not — why not.
 *
 * People hold roles scoped to a community, a street or a district. Every check
 * returns a reason code (or null for "allowed") instead of a boolean, so the
 * API can map it to a status and a page can show the message next to a
 * disabled button. The rules are a table (`ACTION_RULES`); `reasonCannot`
 * only interprets it.
 *
 * This file also owns the one list of reason codes used across the domain
 * (permissions and the project state machine), with their HTTP statuses, so
 * there is exactly one place to add a code; their words are in
 * messages/zh-CN/reasons.json and messages/en/reasons.json (`permission.<code>`).
 */
import { PROJECT_STATES, type ProjectState } from './project-state-names.ts';
import type { CyclePhase } from './cycle-phases.ts';
import { codesOf } from './reason-codes.ts';

// ---------------------------------------------------------------------------
// Roles, scopes, places, actors
// ---------------------------------------------------------------------------

export const ROLES = ['resident', 'council_member', 'staff', 'officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_KINDS = ['community', 'street', 'district'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];
export type Scope = { kind: ScopeKind; id: string };

export type Assignment = { role: Role; scope: Scope };

/** A community, located in its street and district. */
export type Place = { communityId: string; streetId: string; districtId: string };

/**
 * A point anywhere in the hierarchy: a community (a full `Place`), a street,
 * or a whole district. Used for things that live above a community, such as a
 * district's rulebook.
 */
export type Area =
  | Place
  | { streetId: string; districtId: string; communityId?: undefined }
  | { districtId: string; streetId?: undefined; communityId?: undefined };

/** A signed-in person. */
export type Person = { accountId: string; assignments: readonly Assignment[]; system?: false };

/**
 * The clock (scheduled jobs such as "end the public notice after N days").
 * It holds no roles, so no permission rule ever grants it anything; only
 * project events that list 'system' in `EVENT_ROLES` accept it.
 */
export type SystemActor = { accountId: 'system'; system: true; assignments: readonly [] };

/** `null` is the anonymous public. */
export type Actor = Person | SystemActor | null;

export const SYSTEM_ACTOR: SystemActor = Object.freeze({
  accountId: 'system',
  system: true,
  assignments: Object.freeze([]) as readonly [],
}) as SystemActor;

export function isSystemActor(actor: Actor): actor is SystemActor {
  return actor !== null && actor.system === true;
}

/**
 * Roles that include other roles. DOMAIN.md: a council member may do
 * "everything a resident may", so holding council_member in a community counts
 * as being its resident. No other role implies another: an officer does not
 * enter paper ballots, and an auditor never acts as staff.
 */
export const ROLE_IMPLIES: Readonly<Record<Role, readonly Role[]>> = {
  resident: [],
  council_member: ['resident'],
  staff: [],
  officer: [],
  auditor: [],
};

/**
 * Residency and council membership belong to one community. A 'resident' or
 * 'council_member' assignment at street or district scope would let one person
 * vote in many communities, so such assignments are ignored.
 */
export const COMMUNITY_ONLY_ROLES: ReadonlySet<Role> = new Set<Role>(['resident', 'council_member']);

const SCOPE_RANK: Readonly<Record<ScopeKind, number>> = { community: 0, street: 1, district: 2 };

function scopeCovers(scope: Scope, area: Area): boolean {
  switch (scope.kind) {
    case 'community':
      return area.communityId !== undefined && scope.id === area.communityId;
    case 'street':
      return area.streetId !== undefined && scope.id === area.streetId;
    case 'district':
      return scope.id === area.districtId;
  }
}

function grants(assignment: Assignment, role: Role): boolean {
  if (COMMUNITY_ONLY_ROLES.has(role) && assignment.scope.kind !== 'community') return false;
  return assignment.role === role || ROLE_IMPLIES[assignment.role].includes(role);
}

/**
 * Does the actor hold `role` for this place? A street assignment covers every
 * community of the street; a district assignment covers its streets and
 * communities. `minScope` ignores assignments below that level (a district
 * rulebook needs a district officer, not a street one).
 */
export function hasRole(actor: Actor, role: Role, area: Area, minScope: ScopeKind = 'community'): boolean {
  if (actor === null) return false;
  return actor.assignments.some(
    (a) => grants(a, role) && SCOPE_RANK[a.scope.kind] >= SCOPE_RANK[minScope] && scopeCovers(a.scope, area),
  );
}

/** Does the actor hold `role` anywhere at all (e.g. to show the staff menu)? */
export function hasRoleAnywhere(actor: Actor, role: Role): boolean {
  if (actor === null) return false;
  return actor.assignments.some((a) => grants(a, role));
}

// ---------------------------------------------------------------------------
// Reason codes (shared by permissions and the project state machine)
// ---------------------------------------------------------------------------

/** Why an action is refused, each with the HTTP status an API should answer with. */
export const REASON_STATUS = {
  // who you are
  not_signed_in: 401,
  role_required: 403,
  not_in_community: 403,
  not_resident_of_community: 403,
  scope_too_narrow: 403,
  not_proposer: 403,
  // what the world is like right now
  wrong_phase: 409,
  wrong_state: 409,
  transition_not_allowed: 409,
  terminal_state: 409,
  resident_vote_pending: 409,
  no_resident_vote: 409,
  // what was asked
  unknown_action: 400,
  unknown_event: 400,
  reason_required: 422,
  decided_elsewhere: 409,
} as const satisfies Record<string, 400 | 401 | 403 | 409 | 422>;
export type ReasonCode = keyof typeof REASON_STATUS;
export const REASON_CODES = codesOf(REASON_STATUS);

export type Locale = 'zh-CN' | 'en';

// ---------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------

export const ACTIONS = [
  'read_public',
  'read_private_notes',
  'propose',
  'comment',
  'reply_officially',
  'vote',
  'object',
  'rate',
  'screen',
  'record_screening_opinion',
  'cast_council_vote',
  'manage_phases',
  'confirm_phase_change',
  'enter_paper',
  'review_ballot_import',
  'verify_residents',
  'import_register',
  'record_implementation',
  'set_rulebook',
  'record_audit_finding',
  'view_staff_pages',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * What an action is done to. `area` is where it happens (a community for
 * nearly everything; the district for its rulebook). `phase` is the current
 * phase of the cycle and `projectState` the state of the project, when the
 * action depends on them: a rule that names phases or states treats a missing
 * value as not matching, so a caller that forgets them is refused, not let in.
 */
export type Subject = {
  area: Area;
  phase?: CyclePhase | null | undefined;
  projectState?: ProjectState | null | undefined;
};

type ActionRule = {
  /** 'anyone' includes the anonymous public; otherwise any one of these roles. */
  roles: 'anyone' | readonly Role[];
  /** Assignments below this scope do not count. */
  minScope?: ScopeKind;
  phases?: readonly CyclePhase[];
  states?: readonly ProjectState[];
};

/** Project states in which a project has been published: every state but a draft (private to its proposer). */
const PUBLISHED_STATES: readonly ProjectState[] = PROJECT_STATES.filter((s) => s !== 'draft');

/**
 * The permission table. Auditors appear only in reading and recording audit
 * findings: they never change a decision (DOMAIN.md).
 */
export const ACTION_RULES: Readonly<Record<Action, ActionRule>> = {
  read_public: { roles: 'anyone' },
  read_private_notes: { roles: ['staff', 'officer', 'auditor'] },
  propose: { roles: ['resident'], phases: ['collection'] },
  comment: { roles: ['resident'], states: PUBLISHED_STATES },
  // 官方回复: the community's staff or a member of its council answer a comment as the office, under their names.
  reply_officially: { roles: ['staff', 'council_member'], states: PUBLISHED_STATES },
  vote: { roles: ['resident'], phases: ['resident_vote'] },
  object: { roles: ['resident'], states: ['in_public_notice'] },
  rate: { roles: ['resident'], states: ['accepted'] },
  screen: { roles: ['officer', 'staff'], states: ['submitted'] },
  record_screening_opinion: { roles: ['council_member'], states: ['submitted'] },
  cast_council_vote: { roles: ['council_member'], states: ['under_deliberation'] },
  manage_phases: { roles: ['staff'] },
  // Moving a cycle backwards or skipping a phase: confirmed by an officer of the community's street or district.
  confirm_phase_change: { roles: ['officer'], minScope: 'street' },
  enter_paper: { roles: ['staff'] },
  // The second person on an imported vote: another staff member, or an officer of the street or district.
  review_ballot_import: { roles: ['staff', 'officer'] },
  // The register's personal fields (names, addresses, phones, slip codes): the community's own staff only, not the officers above it.
  verify_residents: { roles: ['staff'] },
  import_register: { roles: ['staff', 'officer'] },
  record_implementation: {
    roles: ['staff'],
    // Payments can still be made after acceptance (the final instalment).
    states: ['approved', 'in_progress', 'acceptance_failed', 'accepted'],
  },
  set_rulebook: { roles: ['officer'], minScope: 'district' },
  record_audit_finding: { roles: ['auditor', 'officer'] },
  view_staff_pages: { roles: ['staff', 'officer'] },
};

/**
 * Why can this actor not do `action` to `subject`? `null` means they can.
 *
 * Order: first the person (not signed in → 401; no role for this place →
 * 403), then the world (wrong phase, wrong state → 409). Someone who may not
 * act on this place at all hears that, whatever the state of things there,
 * so a refusal never tells an outsider what state something is in. This is
 * the order of every refusal the services give; a page explaining a control
 * to a visitor may prefer `reasonToShow`.
 */
export function reasonCannot(action: Action, subject: Subject, actor: Actor): ReasonCode | null {
  const rule = ruleOf(action);
  if (rule === undefined) return 'unknown_action';
  return personReason(rule, subject.area, actor) ?? worldReason(rule, subject);
}

/**
 * The person half of `reasonCannot`: may this actor do `action` on this
 * place at all, whatever its state? For services that check a world reason
 * of their own (no resident vote in the cycle) after who, before the rule's.
 */
export function whoCannot(action: Action, area: Area, actor: Actor): ReasonCode | null {
  const rule = ruleOf(action);
  if (rule === undefined) return 'unknown_action';
  return personReason(rule, area, actor);
}

/**
 * The same check as `reasonCannot` (null in exactly the same cases), with the
 * world first: for a page telling a visitor why a control is off. If nobody
 * could do it right now (the vote has closed), asking the visitor to sign in
 * would only send them on a useless errand. Never use it to refuse a request.
 */
export function reasonToShow(action: Action, subject: Subject, actor: Actor): ReasonCode | null {
  const rule = ruleOf(action);
  if (rule === undefined) return 'unknown_action';
  return worldReason(rule, subject) ?? personReason(rule, subject.area, actor);
}

function ruleOf(action: Action): ActionRule | undefined {
  return Object.hasOwn(ACTION_RULES, action) ? ACTION_RULES[action] : undefined;
}

function personReason(rule: ActionRule, area: Area, actor: Actor): ReasonCode | null {
  if (rule.roles === 'anyone') return null;
  if (actor === null) return 'not_signed_in';
  return roleReason(actor, rule.roles, area, rule.minScope ?? 'community');
}

function worldReason(rule: ActionRule, subject: Subject): ReasonCode | null {
  if (rule.phases && !(subject.phase != null && rule.phases.includes(subject.phase))) return 'wrong_phase';
  if (rule.states && !(subject.projectState != null && rule.states.includes(subject.projectState))) return 'wrong_state';
  return null;
}

/**
 * Which role problem, if any: none of the roles anywhere → 'role_required'
 * (or 'not_resident_of_community' when only residency would do); the role but
 * for other places → 'not_in_community'; the role here but only below
 * `minScope` → 'scope_too_narrow'. Shared with the project state machine.
 */
export function roleReason(
  actor: Person | SystemActor,
  roles: readonly Role[],
  area: Area,
  minScope: ScopeKind = 'community',
): ReasonCode | null {
  if (roles.some((role) => hasRole(actor, role, area, minScope))) return null;
  if (roles.length > 0 && roles.every((role) => role === 'resident')) return 'not_resident_of_community';
  if (roles.some((role) => hasRole(actor, role, area))) return 'scope_too_narrow';
  if (roles.some((role) => hasRoleAnywhere(actor, role))) return 'not_in_community';
  return 'role_required';
}
