import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  ACTION_RULES,
  REASON_CODES,
  REASON_STATUS,
  ROLES,
  SYSTEM_ACTOR,
  hasRole,
  hasRoleAnywhere,
  isSystemActor,
  reasonCannot,
  reasonToShow,
  roleReason,
  whoCannot,
} from './permissions.ts';
import { CYCLE_PHASES } from './cycle-phases.ts';
import { PROJECT_STATES } from './project-states.ts';
import type { Action, Actor, Role, Scope, Subject } from './permissions.ts';

// c1, c2 in street s1; c3 in street s2; all in district d1. c9 in street s9 in district d2.
const c1 = { communityId: 'c1', streetId: 's1', districtId: 'd1' };
const c2 = { communityId: 'c2', streetId: 's1', districtId: 'd1' };
const c3 = { communityId: 'c3', streetId: 's2', districtId: 'd1' };
const c9 = { communityId: 'c9', streetId: 's9', districtId: 'd2' };
const d1 = { districtId: 'd1' };

const at = (kind: Scope['kind'], id: string): Scope => ({ kind, id });
const person = (accountId: string, ...assignments: [Role, Scope][]): Actor => ({
  accountId,
  assignments: assignments.map(([role, scope]) => ({ role, scope })),
});

const resident = person('r', ['resident', at('community', 'c1')]);
const council = person('m', ['council_member', at('community', 'c1')]);
const staff = person('s', ['staff', at('community', 'c1')]);
const streetOfficer = person('o', ['officer', at('street', 's1')]);
const districtOfficer = person('do', ['officer', at('district', 'd1')]);
const auditor = person('a', ['auditor', at('district', 'd1')]);
const nobody = person('n');

describe('hasRole', () => {
  it('matches a community assignment only in that community', () => {
    expect(hasRole(staff, 'staff', c1)).toBe(true);
    expect(hasRole(staff, 'staff', c2)).toBe(false);
  });

  it('lets a street assignment cover every community of the street and nothing beyond', () => {
    expect(hasRole(streetOfficer, 'officer', c1)).toBe(true);
    expect(hasRole(streetOfficer, 'officer', c2)).toBe(true);
    expect(hasRole(streetOfficer, 'officer', c3)).toBe(false);
    expect(hasRole(streetOfficer, 'officer', d1)).toBe(false);
  });

  it('lets a district assignment cover its streets and communities but not another district', () => {
    expect(hasRole(districtOfficer, 'officer', c1)).toBe(true);
    expect(hasRole(districtOfficer, 'officer', c3)).toBe(true);
    expect(hasRole(districtOfficer, 'officer', { streetId: 's2', districtId: 'd1' })).toBe(true);
    expect(hasRole(districtOfficer, 'officer', d1)).toBe(true);
    expect(hasRole(districtOfficer, 'officer', c9)).toBe(false);
  });

  it('does not confuse one role with another', () => {
    expect(hasRole(staff, 'officer', c1)).toBe(false);
    expect(hasRole(auditor, 'staff', c1)).toBe(false);
  });

  it('counts a council member as a resident of their community', () => {
    expect(hasRole(council, 'resident', c1)).toBe(true);
    expect(hasRole(council, 'resident', c2)).toBe(false);
    expect(hasRole(resident, 'council_member', c1)).toBe(false);
  });

  it('ignores residency granted at street or district level', () => {
    const odd = person('x', ['resident', at('street', 's1')], ['council_member', at('district', 'd1')]);
    expect(hasRole(odd, 'resident', c1)).toBe(false);
    expect(hasRole(odd, 'council_member', c1)).toBe(false);
  });

  it('can insist on a minimum scope', () => {
    expect(hasRole(streetOfficer, 'officer', c1, 'district')).toBe(false);
    expect(hasRole(districtOfficer, 'officer', c1, 'district')).toBe(true);
  });

  it('gives the anonymous public and the clock no roles', () => {
    for (const role of ROLES) {
      expect(hasRole(null, role, c1)).toBe(false);
      expect(hasRole(SYSTEM_ACTOR, role, c1)).toBe(false);
    }
  });

  it('tells whether someone holds a role anywhere', () => {
    expect(hasRoleAnywhere(staff, 'staff')).toBe(true);
    expect(hasRoleAnywhere(resident, 'staff')).toBe(false);
    expect(hasRoleAnywhere(null, 'resident')).toBe(false);
  });

  it('recognises the system actor', () => {
    expect(isSystemActor(SYSTEM_ACTOR)).toBe(true);
    expect(isSystemActor(staff)).toBe(false);
    expect(isSystemActor(null)).toBe(false);
  });
});

describe('reasonCannot', () => {
  const cases: [string, Action, Subject, Actor, string | null][] = [
    ['anyone reads the public record', 'read_public', { area: c1 }, null, null],
    ['the public cannot read private notes', 'read_private_notes', { area: c1 }, null, 'not_signed_in'],
    ['an auditor reads private notes', 'read_private_notes', { area: c1 }, auditor, null],
    ['staff read their community’s private notes', 'read_private_notes', { area: c1 }, staff, null],
    ['a resident cannot read private notes', 'read_private_notes', { area: c1 }, resident, 'role_required'],

    ['a resident proposes during collection', 'propose', { area: c1, phase: 'collection' }, resident, null],
    ['a council member proposes too', 'propose', { area: c1, phase: 'collection' }, council, null],
    ['nobody proposes during screening', 'propose', { area: c1, phase: 'screening' }, resident, 'wrong_phase'],
    ['a missing phase counts as the wrong one', 'propose', { area: c1 }, resident, 'wrong_phase'],
    ['a visitor is asked to sign in whatever the phase', 'propose', { area: c1, phase: 'audit' }, null, 'not_signed_in'],
    ['a resident of another community hears that, not the phase', 'propose', { area: c2, phase: 'audit' }, resident, 'not_resident_of_community'],
    ['a visitor must sign in to propose', 'propose', { area: c1, phase: 'collection' }, null, 'not_signed_in'],
    [
      'a resident of another community cannot propose here',
      'propose',
      { area: c2, phase: 'collection' },
      resident,
      'not_resident_of_community',
    ],
    [
      'staff who are not residents cannot propose',
      'propose',
      { area: c1, phase: 'collection' },
      staff,
      'not_resident_of_community',
    ],
    [
      'a signed-in person without roles cannot propose',
      'propose',
      { area: c1, phase: 'collection' },
      nobody,
      'not_resident_of_community',
    ],
    ['the clock cannot propose', 'propose', { area: c1, phase: 'collection' }, SYSTEM_ACTOR, 'not_resident_of_community'],

    ['a resident comments on a submitted project', 'comment', { area: c1, projectState: 'submitted' }, resident, null],
    ['nobody comments on a private draft', 'comment', { area: c1, projectState: 'draft' }, resident, 'wrong_state'],
    ['staff of the community reply officially to a comment', 'reply_officially', { area: c1, projectState: 'submitted' }, staff, null],
    ['a council member of the community replies officially', 'reply_officially', { area: c1, projectState: 'in_progress' }, council, null],
    ['a resident does not reply as the office', 'reply_officially', { area: c1, projectState: 'submitted' }, resident, 'role_required'],
    ['staff of another community do not reply officially here', 'reply_officially', { area: c2, projectState: 'submitted' }, staff, 'not_in_community'],
    ['a street officer does not reply as the community office', 'reply_officially', { area: c1, projectState: 'submitted' }, streetOfficer, 'role_required'],
    ['nobody replies on a private draft', 'reply_officially', { area: c1, projectState: 'draft' }, staff, 'wrong_state'],

    ['a resident votes in the resident vote', 'vote', { area: c1, phase: 'resident_vote' }, resident, null],
    ['nobody votes during deliberation', 'vote', { area: c1, phase: 'deliberation' }, resident, 'wrong_phase'],
    ['a resident votes only at home', 'vote', { area: c3, phase: 'resident_vote' }, resident, 'not_resident_of_community'],

    ['a resident objects during the notice', 'object', { area: c1, projectState: 'in_public_notice' }, resident, null],
    ['nobody objects once approved', 'object', { area: c1, projectState: 'approved' }, resident, 'wrong_state'],
    ['a resident rates an accepted project', 'rate', { area: c1, projectState: 'accepted' }, resident, null],
    ['nobody rates a project in progress', 'rate', { area: c1, projectState: 'in_progress' }, resident, 'wrong_state'],

    ['a street officer screens', 'screen', { area: c2, projectState: 'submitted' }, streetOfficer, null],
    ['staff screen at home', 'screen', { area: c1, projectState: 'submitted' }, staff, null],
    ['staff do not screen elsewhere', 'screen', { area: c2, projectState: 'submitted' }, staff, 'not_in_community'],
    ['an officer of another street does not screen', 'screen', { area: c3, projectState: 'submitted' }, streetOfficer, 'not_in_community'],
    ['a resident does not screen', 'screen', { area: c1, projectState: 'submitted' }, resident, 'role_required'],
    ['nothing is screened twice', 'screen', { area: c1, projectState: 'screened_in' }, staff, 'wrong_state'],
    ['an officer of another district hears that, not that it was screened', 'screen', { area: c9, projectState: 'screened_in' }, districtOfficer, 'not_in_community'],

    ['a council member records a screening opinion', 'record_screening_opinion', { area: c1, projectState: 'submitted' }, council, null],
    ['a resident records no screening opinion', 'record_screening_opinion', { area: c1, projectState: 'submitted' }, resident, 'role_required'],
    ['a council member votes in council', 'cast_council_vote', { area: c1, projectState: 'under_deliberation' }, council, null],
    ['a council member votes only in their own council', 'cast_council_vote', { area: c2, projectState: 'under_deliberation' }, council, 'not_in_community'],
    ['staff do not cast council votes', 'cast_council_vote', { area: c1, projectState: 'under_deliberation' }, staff, 'role_required'],

    ['staff manage phases', 'manage_phases', { area: c1 }, staff, null],
    ['an officer does not manage a community’s phases', 'manage_phases', { area: c1 }, streetOfficer, 'role_required'],
    ['staff enter paper forms', 'enter_paper', { area: c1 }, staff, null],
    ['staff verify their residents', 'verify_residents', { area: c1 }, staff, null],
    ['an officer above the community does not read its register (names, addresses, slip codes)', 'verify_residents', { area: c2 }, streetOfficer, 'role_required'],
    ['staff do not import another community’s register', 'import_register', { area: c2 }, staff, 'not_in_community'],
    ['a district officer imports any register in the district', 'import_register', { area: c3 }, districtOfficer, null],

    ['staff record implementation', 'record_implementation', { area: c1, projectState: 'in_progress' }, staff, null],
    ['no implementation is recorded before approval', 'record_implementation', { area: c1, projectState: 'in_public_notice' }, staff, 'wrong_state'],
    ['staff of another community hear that, not the state', 'record_implementation', { area: c2, projectState: 'in_public_notice' }, staff, 'not_in_community'],

    ['a district officer sets the rulebook', 'set_rulebook', { area: d1 }, districtOfficer, null],
    ['a street officer does not set the district rulebook', 'set_rulebook', { area: d1 }, streetOfficer, 'not_in_community'],
    ['a street officer is told the role is too narrow', 'set_rulebook', { area: c1 }, streetOfficer, 'scope_too_narrow'],
    ['staff do not set the rulebook', 'set_rulebook', { area: d1 }, staff, 'role_required'],

    ['an auditor records a finding', 'record_audit_finding', { area: c3 }, auditor, null],
    ['an officer records a finding', 'record_audit_finding', { area: c1 }, streetOfficer, null],
    ['staff do not record audit findings', 'record_audit_finding', { area: c1 }, staff, 'role_required'],

    ['staff see staff pages', 'view_staff_pages', { area: c1 }, staff, null],
    ['officers see staff pages', 'view_staff_pages', { area: c1 }, streetOfficer, null],
    ['residents do not see staff pages', 'view_staff_pages', { area: c1 }, resident, 'role_required'],
    ['visitors are asked to sign in for staff pages', 'view_staff_pages', { area: c1 }, null, 'not_signed_in'],
  ];

  it.each(cases)('%s', (_name, action, subject, actor, expected) => {
    expect(reasonCannot(action, subject, actor)).toBe(expected);
  });

  it('refuses an unknown action', () => {
    expect(reasonCannot('launch_rocket' as Action, { area: c1 }, staff)).toBe('unknown_action');
    expect(reasonCannot('toString' as Action, { area: c1 }, staff)).toBe('unknown_action');
  });

  it('has a rule for every action', () => {
    expect(Object.keys(ACTION_RULES).sort()).toEqual([...ACTIONS].sort());
  });

  // Build a subject in the right phase and state, so only the role can refuse.
  const fitting = (action: Action, area: Subject['area']): Subject => ({
    area,
    phase: ACTION_RULES[action].phases?.[0] ?? null,
    projectState: ACTION_RULES[action].states?.[0] ?? null,
  });

  it('never lets an auditor change anything', () => {
    const auditorMay: Action[] = ['read_public', 'read_private_notes', 'record_audit_finding'];
    for (const action of ACTIONS) {
      const reason = reasonCannot(action, fitting(action, c1), auditor);
      if (auditorMay.includes(action)) expect(reason, action).toBeNull();
      else expect(reason, action).not.toBeNull();
    }
  });

  it('lets the anonymous public do nothing but read', () => {
    for (const action of ACTIONS) {
      const reason = reasonCannot(action, fitting(action, c1), null);
      expect(reason, action).toBe(action === 'read_public' ? null : 'not_signed_in');
    }
  });
});

describe('who before what', () => {
  const outsiders = { resident, council, staff, streetOfficer, districtOfficer, auditor, nobody, clock: SYSTEM_ACTOR };
  const phases = [null, ...CYCLE_PHASES];
  const states = [null, ...PROJECT_STATES];

  it('tells someone who may not act on a place the same reason in every phase and state', () => {
    // c9 is in another district: nobody above holds a role there.
    for (const action of ACTIONS.filter((a) => ACTION_RULES[a].roles !== 'anyone')) {
      for (const [name, actor] of Object.entries(outsiders)) {
        const reason = whoCannot(action, c9, actor);
        expect(reason && REASON_STATUS[reason], `${action} by ${name}`).toBe(403);
        for (const phase of phases) for (const projectState of states) expect(reasonCannot(action, { area: c9, phase, projectState }, actor), `${action} by ${name} in ${phase}/${projectState}`).toBe(reason);
      }
      for (const phase of phases) for (const projectState of states) expect(reasonCannot(action, { area: c9, phase, projectState }, null)).toBe('not_signed_in');
    }
  });

  it('shows a page the phase or state first, and refuses or allows exactly as reasonCannot does', () => {
    expect(reasonToShow('propose', { area: c1, phase: 'audit' }, null)).toBe('wrong_phase');
    expect(reasonToShow('vote', { area: c2, phase: 'deliberation' }, resident)).toBe('wrong_phase');
    expect(reasonToShow('vote', { area: c2, phase: 'resident_vote' }, resident)).toBe('not_resident_of_community');
    for (const action of ACTIONS) {
      for (const actor of [null, ...Object.values(outsiders)]) {
        for (const area of [c1, c9]) {
          for (const phase of phases) {
            for (const projectState of states) {
              const subject = { area, phase, projectState };
              expect(reasonToShow(action, subject, actor) === null, action).toBe(reasonCannot(action, subject, actor) === null);
            }
          }
        }
      }
    }
  });
});

describe('reason codes', () => {
  it('have a status for every code', () => {
    expect(Object.keys(REASON_STATUS).sort()).toEqual([...REASON_CODES].sort());
  });

  it('map sign-in to 401, roles to 403 and the state of the world to 409', () => {
    expect(REASON_STATUS.not_signed_in).toBe(401);
    expect(REASON_STATUS.role_required).toBe(403);
    expect(REASON_STATUS.not_in_community).toBe(403);
    expect(REASON_STATUS.not_resident_of_community).toBe(403);
    expect(REASON_STATUS.not_proposer).toBe(403);
    expect(REASON_STATUS.wrong_phase).toBe(409);
    expect(REASON_STATUS.wrong_state).toBe(409);
    expect(REASON_STATUS.transition_not_allowed).toBe(409);
    expect(REASON_STATUS.reason_required).toBe(422);
  });
});

describe('permissions at their edges', () => {
  it('finds a role held anywhere among several assignments', () => {
    const both = person('b', ['resident', at('community', 'c1')], ['staff', at('community', 'c2')]);
    expect(hasRoleAnywhere(both, 'staff')).toBe(true);
  });

  it('refuses an action it does not know, asked either way', () => {
    expect(whoCannot('fly' as Action, c1, staff)).toBe('unknown_action');
    expect(reasonToShow('fly' as Action, { area: c1 } as Subject, staff)).toBe('unknown_action');
  });

  it('says a role is required when no role would do, or when residents are not the only ones who may', () => {
    expect(roleReason(nobody!, [], c1)).toBe('role_required');
    expect(roleReason(nobody!, ['resident', 'staff'], c1)).toBe('role_required');
    expect(roleReason(nobody!, ['resident'], c1)).toBe('not_resident_of_community');
  });

  it('says the scope is too narrow when one of the roles is held here below the level asked', () => {
    expect(roleReason(staff!, ['staff', 'officer'], c1, 'street')).toBe('scope_too_narrow');
  });
});
