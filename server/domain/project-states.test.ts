import { describe, expect, it } from 'vitest';
import {
  EVENT_ROLES,
  PROJECT_EVENTS,
  PROJECT_STATES,
  REASON_REQUIRED,
  TERMINAL_STATES,
  TRANSITIONS,
  TRANSITION_REASONS,
  availableEvents,
  cycleRules,
  eventOpensOn,
  eventPhases,
  isTerminal,
  transition,
  whoCannotStep,
} from './project-states.ts';
import type { ProjectEvent, ProjectRef, ProjectState } from './project-states.ts';
import { REASON_CODES, REASON_STATUS, SYSTEM_ACTOR } from './permissions.ts';
import type { Actor, Assignment, Role, Scope } from './permissions.ts';
import type { Rulebook } from './rulebook.ts';

// Places: communities c1 and c2 in street s1, c3 in street s2; all in district d1. d2 is another district.
const place = { communityId: 'c1', streetId: 's1', districtId: 'd1' };
const at = (kind: Scope['kind'], id: string) => ({ kind, id });
const person = (accountId: string, ...assignments: [Role, Scope][]): Actor => ({
  accountId,
  assignments: assignments.map(([role, scope]): Assignment => ({ role, scope })),
});

const actors = {
  anonymous: null,
  system: SYSTEM_ACTOR,
  proposer: person('u-proposer', ['resident', at('community', 'c1')]),
  resident: person('u-resident', ['resident', at('community', 'c1')]),
  council: person('u-council', ['council_member', at('community', 'c1')]),
  staff: person('u-staff', ['staff', at('community', 'c1')]),
  staffElsewhere: person('u-staff2', ['staff', at('community', 'c2')]),
  streetOfficer: person('u-officer', ['officer', at('street', 's1')]),
  officerElsewhere: person('u-officer2', ['officer', at('district', 'd2')]),
  auditor: person('u-auditor', ['auditor', at('district', 'd1')]),
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;

const project = (state: ProjectState, proposerAccountId: string | null = 'u-proposer'): ProjectRef => ({
  ...place,
  state,
  proposerAccountId,
});

// The diagram of DOMAIN.md, written out independently of the code under test.
const EXPECTED: [ProjectState, ProjectEvent, ProjectState][] = [
  ['draft', 'submit', 'submitted'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'screen_in', 'screened_in'],
  ['submitted', 'screen_out', 'screened_out'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['screened_in', 'shortlist', 'shortlisted'],
  ['screened_in', 'not_shortlist', 'not_shortlisted'],
  ['screened_in', 'send_to_deliberation', 'under_deliberation'],
  ['screened_in', 'withdraw', 'withdrawn'],
  ['shortlisted', 'send_to_deliberation', 'under_deliberation'],
  // Only where the resident vote is advisory: the council may take up a project the vote did not pick.
  ['not_shortlisted', 'send_to_deliberation', 'under_deliberation'],
  ['under_deliberation', 'adopt', 'in_public_notice'],
  ['under_deliberation', 'reject', 'rejected'],
  ['in_public_notice', 'uphold_objection', 'under_deliberation'],
  ['in_public_notice', 'end_notice', 'approved'],
  ['approved', 'start_implementation', 'in_progress'],
  ['in_progress', 'pass_acceptance', 'accepted'],
  ['in_progress', 'fail_acceptance', 'acceptance_failed'],
  ['acceptance_failed', 'resume', 'in_progress'],
  ['accepted', 'close_survey', 'evaluated'],
  ['evaluated', 'record_audit', 'audited'],
  ['audited', 'archive', 'archived'],
];
const EXPECTED_TERMINAL: ProjectState[] = [
  'screened_out',
  'not_shortlisted',
  'rejected',
  'archived',
  'withdrawn',
];

// Someone who holds every role in c1 and is the proposer: only the machine itself can refuse them.
const everyone = person(
  'u-proposer',
  ['resident', at('community', 'c1')],
  ['council_member', at('community', 'c1')],
  ['staff', at('community', 'c1')],
  ['officer', at('community', 'c1')],
  ['auditor', at('community', 'c1')],
);

describe('the transition table', () => {
  const cases = PROJECT_STATES.flatMap((state) => PROJECT_EVENTS.map((event) => [state, event] as const));

  it.each(cases)('from %s, event %s gives the listed next state or the exact refusal', (state, event) => {
    const expected = EXPECTED.find(([from, e]) => from === state && e === event);
    // A project the vote did not pick has a step only where the vote is advisory (tested below for binding).
    const result = transition(project(state), event, everyone, { reason: '理由', voteAdvisory: state === 'not_shortlisted' });
    if (expected) {
      expect(result).toEqual({ ok: true, from: state, to: expected[2] });
    } else if (EXPECTED_TERMINAL.includes(state) && state !== 'not_shortlisted') {
      expect(result).toEqual({ ok: false, reason: 'terminal_state' });
    } else {
      expect(result).toEqual({ ok: false, reason: 'transition_not_allowed' });
    }
  });

  it('lists exactly the transitions of the diagram and nothing more', () => {
    const listed = PROJECT_STATES.flatMap((from) =>
      Object.entries(TRANSITIONS[from]).map(([event, to]) => [from, event, to]),
    );
    expect(listed).toHaveLength(EXPECTED.length);
    expect(new Set(listed.map((t) => t.join()))).toEqual(new Set(EXPECTED.map((t) => t.join())));
  });

  it('has a row for every state and names only known events and states', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...PROJECT_STATES].sort());
    for (const row of Object.values(TRANSITIONS)) {
      for (const [event, to] of Object.entries(row)) {
        expect(PROJECT_EVENTS).toContain(event);
        expect(PROJECT_STATES).toContain(to);
      }
    }
  });

  it('marks exactly the states without outgoing events as terminal', () => {
    expect([...TERMINAL_STATES].sort()).toEqual([...EXPECTED_TERMINAL].sort());
    for (const s of PROJECT_STATES) expect(isTerminal(s)).toBe(EXPECTED_TERMINAL.includes(s));
  });

  it('can reach every state from a draft', () => {
    const seen = new Set<ProjectState>(['draft']);
    const queue: ProjectState[] = ['draft'];
    while (queue.length) {
      for (const next of Object.values(TRANSITIONS[queue.shift()!])) {
        if (!seen.has(next)) (seen.add(next), queue.push(next));
      }
    }
    expect([...seen].sort()).toEqual([...PROJECT_STATES].sort());
  });

  it('lets every non-terminal state still end somewhere terminal', () => {
    for (const start of PROJECT_STATES) {
      const seen = new Set<ProjectState>([start]);
      const queue = [start];
      while (queue.length) {
        for (const next of Object.values(TRANSITIONS[queue.shift()!])) {
          if (!seen.has(next)) (seen.add(next), queue.push(next));
        }
      }
      expect([...seen].some((s) => EXPECTED_TERMINAL.includes(s))).toBe(true);
    }
  });

  it('refuses an event it does not know with unknown_event', () => {
    expect(transition(project('draft'), 'explode' as ProjectEvent, everyone)).toEqual({
      ok: false,
      reason: 'unknown_event',
    });
  });

  it('returns only reason codes that have messages', () => {
    for (const code of TRANSITION_REASONS) expect(REASON_CODES).toContain(code);
  });
});

describe('who may fire each event', () => {
  // Written out by hand from the brief, not derived from EVENT_ROLES.
  const ALLOWED: Record<ProjectEvent, ActorName[]> = {
    submit: ['proposer', 'staff'],
    withdraw: ['proposer', 'staff'],
    screen_in: ['staff', 'streetOfficer'],
    screen_out: ['staff', 'streetOfficer'],
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
    record_audit: ['auditor', 'streetOfficer'],
    archive: ['staff', 'streetOfficer'],
  };

  const refusal = (name: ActorName, event: ProjectEvent): string => {
    const proposerEvent = event === 'submit' || event === 'withdraw';
    const staffEvent = ALLOWED[event].includes('staff');
    const officerEvent = ALLOWED[event].includes('streetOfficer');
    switch (name) {
      case 'anonymous':
        return 'not_signed_in';
      case 'system':
        return 'role_required';
      case 'staffElsewhere':
        return staffEvent ? 'not_in_community' : 'role_required';
      case 'officerElsewhere':
        if (officerEvent) return 'not_in_community';
        return proposerEvent ? 'not_proposer' : 'role_required';
      default:
        return proposerEvent ? 'not_proposer' : 'role_required';
    }
  };

  const cases = PROJECT_EVENTS.flatMap((event) =>
    (Object.keys(actors) as ActorName[]).map((name) => [event, name] as const),
  );

  it.each(cases)('event %s fired by %s is allowed or refused with the exact reason', (event, name) => {
    const from = EXPECTED.find(([, e]) => e === event)![0];
    const result = transition(project(from), event, actors[name], { reason: '理由' });
    if (ALLOWED[event].includes(name)) {
      expect(result).toMatchObject({ ok: true, from });
    } else {
      expect(result).toEqual({ ok: false, reason: refusal(name, event) });
    }
  });

  it('keeps EVENT_ROLES in line with the hand-written expectations', () => {
    expect(EVENT_ROLES.record_audit).toEqual(['auditor', 'officer']);
    expect(EVENT_ROLES.end_notice).toContain('system');
    expect(EVENT_ROLES.adopt).toEqual(['staff']);
  });

  it('lets staff submit a paper proposal that has no proposer account', () => {
    expect(transition(project('draft', null), 'submit', actors.staff)).toEqual({
      ok: true,
      from: 'draft',
      to: 'submitted',
    });
  });

  it('does not let any resident submit a paper proposal', () => {
    expect(transition(project('draft', null), 'submit', actors.resident)).toEqual({
      ok: false,
      reason: 'not_proposer',
    });
  });

  it('does not let a proposer who is no longer a resident withdraw', () => {
    const movedAway = person('u-proposer', ['resident', at('community', 'c3')]);
    expect(transition(project('submitted'), 'withdraw', movedAway)).toEqual({
      ok: false,
      reason: 'not_resident_of_community',
    });
  });

  it('lets staff of the street act in any community of the street', () => {
    const streetStaff = person('u-ss', ['staff', at('street', 's1')]);
    expect(transition(project('approved'), 'start_implementation', streetStaff)).toMatchObject({ ok: true });
  });

  it('lets a council member, being a resident, withdraw their own proposal', () => {
    const own = person('u-proposer', ['council_member', at('community', 'c1')]);
    expect(transition(project('draft'), 'withdraw', own)).toMatchObject({ ok: true, to: 'withdrawn' });
  });

  it('does not let the clock do what only people do', () => {
    expect(transition(project('under_deliberation'), 'adopt', SYSTEM_ACTOR)).toEqual({
      ok: false,
      reason: 'role_required',
    });
  });
});

describe('published reasons', () => {
  it('requires a reason for screening out, rejection, upheld objections and failed acceptance', () => {
    expect([...REASON_REQUIRED].sort()).toEqual(['fail_acceptance', 'reject', 'screen_out', 'uphold_objection']);
  });

  it.each([
    ['submitted', 'screen_out'],
    ['under_deliberation', 'reject'],
    ['in_public_notice', 'uphold_objection'],
    ['in_progress', 'fail_acceptance'],
  ] as const)('refuses %s → %s without a reason, and with only spaces', (state, event) => {
    expect(transition(project(state), event, actors.staff)).toEqual({ ok: false, reason: 'reason_required' });
    expect(transition(project(state), event, actors.staff, { reason: '   ' })).toEqual({
      ok: false,
      reason: 'reason_required',
    });
    expect(transition(project(state), event, actors.staff, { reason: '超出工程类上限' })).toMatchObject({ ok: true });
  });

  it('lets a proposer withdraw without giving a reason', () => {
    expect(transition(project('draft'), 'withdraw', actors.proposer)).toMatchObject({ ok: true });
  });

  it('reports a missing permission before a missing reason', () => {
    expect(transition(project('submitted'), 'screen_out', actors.resident)).toEqual({
      ok: false,
      reason: 'role_required',
    });
  });
});

describe('cycles with and without a resident vote', () => {
  it('refuses to skip the vote in a cycle that has one', () => {
    expect(
      transition(project('screened_in'), 'send_to_deliberation', actors.staff, { cycleHasResidentVote: true }),
    ).toEqual({ ok: false, reason: 'resident_vote_pending' });
  });

  it('refuses to shortlist in a cycle without a vote', () => {
    for (const event of ['shortlist', 'not_shortlist'] as const) {
      expect(transition(project('screened_in'), event, SYSTEM_ACTOR, { cycleHasResidentVote: false })).toEqual({
        ok: false,
        reason: 'no_resident_vote',
      });
    }
  });

  it('sends a screened-in project straight to the council when there is no vote', () => {
    expect(
      transition(project('screened_in'), 'send_to_deliberation', actors.staff, { cycleHasResidentVote: false }),
    ).toEqual({ ok: true, from: 'screened_in', to: 'under_deliberation' });
  });

  it('sends a shortlisted project to the council when there is a vote', () => {
    expect(
      transition(project('shortlisted'), 'send_to_deliberation', actors.staff, { cycleHasResidentVote: true }),
    ).toMatchObject({ ok: true, to: 'under_deliberation' });
  });
});

describe('availableEvents', () => {
  it('offers the proposer submit and withdraw on a draft', () => {
    expect(availableEvents(project('draft'), actors.proposer)).toEqual(['submit', 'withdraw']);
  });

  it('offers staff withdrawal and both screening outcomes on a submitted project', () => {
    expect(availableEvents(project('submitted'), actors.staff)).toEqual(['withdraw', 'screen_in', 'screen_out']);
  });

  it('offers a street officer only the screening outcomes', () => {
    expect(availableEvents(project('submitted'), actors.streetOfficer)).toEqual(['screen_in', 'screen_out']);
  });

  it('offers the anonymous public nothing', () => {
    for (const s of PROJECT_STATES) expect(availableEvents(project(s), null)).toEqual([]);
  });

  it('offers the clock the end of the public notice', () => {
    expect(availableEvents(project('in_public_notice'), SYSTEM_ACTOR)).toEqual(['end_notice']);
  });

  it('shows staff the path that fits the cycle', () => {
    expect(availableEvents(project('screened_in'), actors.staff, { cycleHasResidentVote: true })).toEqual([
      'withdraw',
      'shortlist',
      'not_shortlist',
    ]);
    expect(availableEvents(project('screened_in'), actors.staff, { cycleHasResidentVote: false })).toEqual([
      'withdraw',
      'send_to_deliberation',
    ]);
  });

  it('offers events that need a reason, since the form asks for it', () => {
    expect(availableEvents(project('under_deliberation'), actors.staff)).toEqual(['adopt', 'reject']);
  });
});

describe('who before what', () => {
  it('tells someone who may not take a step here the same reason whatever state the project is in', () => {
    for (const name of ['anonymous', 'staffElsewhere', 'officerElsewhere', 'auditor', 'resident'] as const) {
      for (const event of PROJECT_EVENTS) {
        const reasons = new Set(PROJECT_STATES.map((state) => {
          const r = transition(project(state), event, actors[name], { reason: '理由', phase: 'collection', cycleHasResidentVote: true });
          return r.ok ? 'ok' : r.reason;
        }));
        const who = whoCannotStep(project('draft'), event, actors[name]);
        if (who === null) continue; // they may take it (a resident withdrawing nothing of theirs is refused as not_proposer)
        expect([...reasons], `${event} by ${name}`).toEqual([who]);
        expect([401, 403], `${event} by ${name}: ${who}`).toContain(REASON_STATUS[who]);
      }
    }
  });

  it('answers the state only to those who may take the step', () => {
    expect(transition(project('screened_in'), 'screen_in', actors.staffElsewhere)).toEqual({ ok: false, reason: 'not_in_community' });
    expect(transition(project('screened_in'), 'screen_in', actors.anonymous)).toEqual({ ok: false, reason: 'not_signed_in' });
    expect(transition(project('screened_in'), 'screen_in', actors.staff)).toEqual({ ok: false, reason: 'transition_not_allowed' });
    expect(transition(project('archived'), 'archive', actors.officerElsewhere)).toEqual({ ok: false, reason: 'not_in_community' });
    expect(transition(project('archived'), 'archive', actors.staff)).toEqual({ ok: false, reason: 'terminal_state' });
  });
});

describe('who may withdraw, and when steps may happen', () => {
  it('staff may withdraw a paper proposal but not a resident\'s own', () => {
    const paper = { ...project('submitted', null), proposerType: 'paper' as const };
    expect(transition(paper, 'withdraw', actors.staff)).toMatchObject({ ok: true, to: 'withdrawn' });
    const own = { ...project('submitted'), proposerType: 'resident' as const };
    expect(transition(own, 'withdraw', actors.staff)).toEqual({ ok: false, reason: 'not_proposer' });
    expect(transition(own, 'withdraw', actors.proposer)).toMatchObject({ ok: true, to: 'withdrawn' });
    expect(availableEvents(own, actors.staff)).toEqual(['screen_in', 'screen_out']);
  });

  it('refuses screening outside the screening phase and submitting outside collection', () => {
    expect(transition(project('submitted'), 'screen_in', actors.staff, { phase: 'collection' })).toEqual({ ok: false, reason: 'wrong_phase' });
    expect(transition(project('submitted'), 'screen_out', actors.staff, { phase: null, reason: 'x' })).toEqual({ ok: false, reason: 'wrong_phase' });
    expect(transition(project('submitted'), 'screen_in', actors.staff, { phase: 'screening' })).toMatchObject({ ok: true });
    expect(transition(project('draft'), 'submit', actors.proposer, { phase: 'screening' })).toEqual({ ok: false, reason: 'wrong_phase' });
    expect(transition(project('draft'), 'submit', actors.proposer, { phase: 'collection' })).toMatchObject({ ok: true });
  });

  it('does not bind a project\'s own later steps to the cycle phase', () => {
    expect(transition(project('in_public_notice'), 'end_notice', actors.staff, { phase: 'implementation' })).toMatchObject({ ok: true });
  });
});

describe('rulebook options: advisory vote, rolling screening', () => {
  const rules = (settings: Partial<Pick<Rulebook, 'screening'>> & { vote: Rulebook['vote'] }) => cycleRules(settings);

  it('reads a rulebook without the settings as a binding vote screened after collection', () => {
    expect(rules({ vote: { method: 'approval', maxChoices: 5 } })).toEqual({ cycleHasResidentVote: true, voteAdvisory: false, screening: 'after_collection' });
    expect(rules({ vote: { method: 'none' } })).toEqual({ cycleHasResidentVote: false, voteAdvisory: false, screening: 'after_collection' });
    expect(rules({ vote: { method: 'approval', effect: 'advisory' }, screening: 'rolling' })).toEqual({ cycleHasResidentVote: true, voteAdvisory: true, screening: 'rolling' });
  });

  it('under a binding vote, a project the vote did not pick has ended', () => {
    for (const opts of [{}, rules({ vote: { method: 'approval' } })]) {
      expect(transition(project('not_shortlisted'), 'send_to_deliberation', actors.staff, opts)).toEqual({ ok: false, reason: 'terminal_state' });
    }
    expect(isTerminal('not_shortlisted')).toBe(true);
  });

  it('under an advisory vote, the council may still take it up, and only that', () => {
    const advisory = rules({ vote: { method: 'approval', effect: 'advisory' } });
    expect(transition(project('not_shortlisted'), 'send_to_deliberation', actors.staff, advisory)).toEqual({ ok: true, from: 'not_shortlisted', to: 'under_deliberation' });
    expect(availableEvents(project('not_shortlisted'), actors.staff, advisory)).toEqual(['send_to_deliberation']);
    expect(isTerminal('not_shortlisted', advisory)).toBe(false);
    // The shortlist itself still follows the vote: nothing skips it.
    expect(transition(project('screened_in'), 'send_to_deliberation', actors.staff, advisory)).toEqual({ ok: false, reason: 'resident_vote_pending' });
  });

  it('screens only in the screening phase after collection; during collection too when rolling', () => {
    const after = rules({ vote: { method: 'approval' } });
    const rolling = rules({ vote: { method: 'approval' }, screening: 'rolling' });
    expect(transition(project('submitted'), 'screen_in', actors.staff, { ...after, phase: 'collection' })).toEqual({ ok: false, reason: 'wrong_phase' });
    expect(transition(project('submitted'), 'screen_in', actors.staff, { ...rolling, phase: 'collection' })).toMatchObject({ ok: true, to: 'screened_in' });
    expect(transition(project('submitted'), 'screen_out', actors.streetOfficer, { ...rolling, phase: 'collection', reason: '不符合' })).toMatchObject({ ok: true, to: 'screened_out' });
    expect(transition(project('submitted'), 'screen_in', actors.staff, { ...rolling, phase: 'resident_vote' })).toEqual({ ok: false, reason: 'wrong_phase' });
    expect(eventPhases(rolling).submit).toEqual(['collection']);
  });

  it('says when screening opens, from the plan and the rulebook', () => {
    const cycle = {
      phase: 'collection' as const,
      phases: [
        { phase: 'collection' as const, startsOn: '2026-11-01', endsOn: '2026-12-15' },
        { phase: 'screening' as const, startsOn: '2026-12-16', endsOn: '2026-12-31' },
      ],
    };
    expect(eventOpensOn('screen_in', cycle)).toBe('2026-12-16');
    expect(eventOpensOn('screen_in', cycle, { screening: 'rolling' })).toBeNull(); // open now
    expect(eventOpensOn('screen_in', { ...cycle, phase: 'screening' })).toBeNull();
    expect(eventOpensOn('screen_in', { ...cycle, phases: cycle.phases.slice(0, 1) })).toBeNull(); // no screening planned
    expect(eventOpensOn('adopt', cycle)).toBeNull(); // not bound to a phase
    expect(eventOpensOn('submit', { ...cycle, phase: 'screening' })).toBeNull(); // collection is over, not ahead
  });
});

describe('the project machine at its edges', () => {
  it('screens only during screening, unless the rulebook screens on a rolling basis', () => {
    expect(eventPhases()).toEqual({ submit: ['collection'], screen_in: ['screening'], screen_out: ['screening'] });
    expect(transition(project('submitted'), 'screen_in', actors.staff, { phase: 'screening' })).toMatchObject({ ok: true, to: 'screened_in' });
  });

  it('refuses an unknown step before asking who takes it', () => {
    expect(whoCannotStep(place, 'fly' as ProjectEvent, actors.staff)).toBe('unknown_event');
  });

  it('lets staff withdraw a committee’s proposal they entered under their own account', () => {
    const committees = { ...project('submitted', 'u-staff'), proposerType: 'residents_committee' as const };
    expect(transition(committees, 'withdraw', actors.staff)).toMatchObject({ ok: true, to: 'withdrawn' });
  });
});
