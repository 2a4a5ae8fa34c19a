import { describe, expect, it } from 'vitest';
import type { PlannedPhase } from './cycle-phases.ts';
import { mainPath, nextStep, projectPath, type NextStep, type NextStepInput } from './next-step.ts';
import { PROJECT_STATES, isTerminal, type ProjectState } from './project-states.ts';

const NOW = new Date('2026-12-07T12:00:00+08:00');
const PHASES: PlannedPhase[] = [
  { phase: 'collection', startsOn: '2026-11-01', endsOn: '2026-12-15' },
  { phase: 'screening', startsOn: '2026-12-16', endsOn: '2026-12-31' },
  { phase: 'resident_vote', startsOn: '2027-01-05', endsOn: '2027-01-15' },
  { phase: 'deliberation', startsOn: '2027-01-16', endsOn: '2027-01-31' },
  { phase: 'public_notice', startsOn: '2027-02-01', endsOn: '2027-02-10' },
  { phase: 'implementation', startsOn: '2027-02-11', endsOn: '2027-09-30' },
  { phase: 'acceptance', startsOn: '2027-10-01', endsOn: '2027-10-31' },
  { phase: 'audit', startsOn: '2027-11-01', endsOn: '2027-11-30' },
];
const VOTE = { noticeDays: 5, vote: { method: 'approval' as const } };
const NO_VOTE = { noticeDays: 5, vote: { method: 'none' as const } };

const at = (state: ProjectState, more: Partial<NextStepInput> = {}): NextStep => nextStep({ state, phases: PHASES, rulebook: VOTE, now: NOW, ...more });

/** What each state waits for, in the demo's plan, on 2026-12-07. */
const EXPECTED: Record<ProjectState, NextStep> = {
  draft: { next: 'submit', actor: 'proposer', by: '2026-12-15', overdue: false },
  submitted: { next: 'screen', actor: 'screeners', by: '2026-12-31', opens: '2026-12-16', overdue: false },
  screened_in: { next: 'resident_vote', actor: 'residents', by: '2027-01-15', opens: '2027-01-05', overdue: false },
  screened_out: { next: 'none', actor: null, overdue: false },
  shortlisted: { next: 'send_to_council', actor: 'staff', by: '2027-01-31', opens: '2027-01-16', overdue: false },
  not_shortlisted: { next: 'none', actor: null, overdue: false },
  under_deliberation: { next: 'council_decision', actor: 'council', by: '2027-01-31', opens: '2027-01-16', overdue: false },
  rejected: { next: 'none', actor: null, overdue: false },
  in_public_notice: { next: 'notice_period', actor: 'residents', by: '2027-02-10', opens: '2027-02-01', overdue: false },
  approved: { next: 'sign_agreement', actor: 'staff', by: '2027-02-11', overdue: false },
  in_progress: { next: 'deliver', actor: 'implementer', by: '2027-09-30', overdue: false },
  accepted: { next: 'survey', actor: 'residents', by: '2027-10-31', opens: '2027-10-01', overdue: false },
  acceptance_failed: { next: 'rework', actor: 'implementer', by: '2027-09-30', overdue: false },
  evaluated: { next: 'audit', actor: 'auditor', by: '2027-11-30', opens: '2027-11-01', overdue: false },
  audited: { next: 'archive', actor: 'staff', by: '2027-11-30', opens: '2027-11-01', overdue: false },
  archived: { next: 'none', actor: null, overdue: false },
  withdrawn: { next: 'none', actor: null, overdue: false },
};

describe('the next step of a project', () => {
  it.each(PROJECT_STATES.map((s) => [s]))('%s: from the cycle plan alone', (state) => {
    expect(at(state)).toEqual(EXPECTED[state]);
  });

  it('ends only at terminal states', () => {
    for (const s of PROJECT_STATES) expect(at(s).next === 'none').toBe(isTerminal(s));
  });

  it('screening that should have opened and ended is overdue', () => {
    expect(at('submitted', { now: new Date('2027-01-01T09:00:00+08:00') })).toEqual({ next: 'screen', actor: 'screeners', by: '2026-12-31', overdue: true });
    // On its last day it is not late yet.
    expect(at('submitted', { now: new Date('2026-12-31T23:59:00+08:00') }).overdue).toBe(false);
  });

  it('without a resident vote, a screened project goes to the council through staff', () => {
    expect(at('screened_in', { rulebook: NO_VOTE })).toEqual({ next: 'send_to_council', actor: 'staff', by: '2027-01-31', opens: '2027-01-16', overdue: false });
  });

  it('a project on a meeting agenda is decided at that meeting', () => {
    expect(at('under_deliberation', { meeting: { scheduledAt: '2026-12-10T14:30' } })).toEqual({ next: 'council_decision', actor: 'council', by: '2026-12-10', overdue: false });
    expect(at('under_deliberation', { meeting: { scheduledAt: '2026-12-01T14:30' } }).overdue).toBe(true);
  });

  it('a public notice runs to its own end; open objections make it staff’s turn, late once the period is over', () => {
    // Adopted 12-03 10:00 China time, five days: the period ends 12-08 10:00, its last day is 12-08.
    const endsAt = new Date('2026-12-08T10:00:00+08:00');
    expect(at('in_public_notice', { notice: { endsAt, openObjections: 0 } })).toEqual({ next: 'notice_period', actor: 'residents', by: '2026-12-08', overdue: false });
    expect(at('in_public_notice', { notice: { endsAt, openObjections: 2 } })).toEqual({ next: 'answer_objections', actor: 'staff', by: '2026-12-08', overdue: false });
    expect(at('in_public_notice', { notice: { endsAt, openObjections: 1 }, now: new Date('2026-12-08T10:00:00+08:00') }).overdue).toBe(true);
    // A period ending at midnight China time ends on the day before.
    expect(at('in_public_notice', { notice: { endsAt: new Date('2026-12-09T00:00:00+08:00'), openObjections: 0 } }).by).toBe('2026-12-08');
    // No notice row yet: noticeDays from the adoption.
    expect(at('in_public_notice', { adoptedAt: new Date('2026-12-03T10:00:00+08:00') }).by).toBe('2026-12-08');
  });

  it('delivery is the implementer’s, by the agreement’s planned end', () => {
    const agreement = { implementerName: '深圳市某某工程有限公司', plannedEnd: '2026-10-31' };
    expect(at('in_progress', { agreement })).toEqual({ next: 'deliver', actor: 'implementer', person: '深圳市某某工程有限公司', by: '2026-10-31', overdue: true });
    expect(at('acceptance_failed', { agreement: { ...agreement, plannedEnd: '2026-12-31' } })).toEqual({ next: 'rework', actor: 'implementer', person: '深圳市某某工程有限公司', by: '2026-12-31', overdue: false });
    // Signed but not started: the implementer is named, the work is next.
    expect(at('approved', { agreement })).toMatchObject({ next: 'deliver', person: '深圳市某某工程有限公司', overdue: true });
  });

  it('an agreement not signed when implementation has begun is late', () => {
    expect(at('approved', { now: new Date('2027-02-12T09:00:00+08:00') })).toEqual({ next: 'sign_agreement', actor: 'staff', by: '2027-02-11', overdue: true });
  });

  it('names the person where the record knows them', () => {
    expect(at('approved', { people: { staff: '王芳、孙倩' } })).toMatchObject({ actor: 'staff', person: '王芳、孙倩' });
    // The agreement names the implementer, whatever else is known.
    expect(at('in_progress', { agreement: { implementerName: '某公司', plannedEnd: '2027-01-01' }, people: { implementer: '别人' } }).person).toBe('某公司');
    expect(at('withdrawn', { people: { staff: '王芳' } }).person).toBeUndefined();
  });

  it('without a planned phase there is no date and nothing is late', () => {
    expect(at('accepted', { phases: [] })).toEqual({ next: 'survey', actor: 'residents', overdue: false });
  });
});

describe('the road of a project', () => {
  it('has the shortlist only where residents vote', () => {
    expect(mainPath(true)).toContain('shortlisted');
    expect(mainPath(false)).not.toContain('shortlisted');
  });

  it('splits into steps done, the current one and those ahead', () => {
    expect(projectPath('under_deliberation', ['draft', 'submitted', 'screened_in', 'under_deliberation'], false)).toEqual({
      done: ['submitted', 'screened_in'],
      current: 'under_deliberation',
      ahead: ['in_public_notice', 'approved', 'in_progress', 'accepted', 'evaluated', 'audited', 'archived'],
    });
  });

  it('ends where a project stopped', () => {
    expect(projectPath('screened_out', ['submitted', 'screened_out'], true)).toEqual({ done: ['submitted'], current: 'screened_out', ahead: [] });
  });

  it('keeps a failed acceptance where it happened and a project sent back by an objection on its way', () => {
    expect(projectPath('acceptance_failed', ['submitted', 'screened_in', 'under_deliberation', 'in_public_notice', 'approved', 'in_progress', 'acceptance_failed'], false).ahead).toEqual(['accepted', 'evaluated', 'audited', 'archived']);
    // Back in deliberation after an upheld objection: the notice is ahead again, not done.
    expect(projectPath('under_deliberation', ['submitted', 'screened_in', 'under_deliberation', 'in_public_notice', 'under_deliberation'], false).done).toEqual(['submitted', 'screened_in']);
  });
});

describe('the next step at its edges', () => {
  it('opens no later step on the first day of its phase', () => {
    expect(at('submitted', { now: new Date('2026-12-16T09:00:00+08:00') })).toEqual({ next: 'screen', actor: 'screeners', by: '2026-12-31', overdue: false });
  });

  it('is not late on the day of its meeting', () => {
    expect(at('under_deliberation', { meeting: { scheduledAt: '2026-12-07T19:30' } }).overdue).toBe(false);
  });

  it('is not late to sign an agreement on the day implementation starts', () => {
    expect(at('approved', { now: new Date('2027-02-11T18:00:00+08:00') }).overdue).toBe(false);
  });

  it('gives no date to signing or delivering without an agreement or a planned implementation', () => {
    for (const state of ['approved', 'in_progress'] as const) {
      const step = at(state, { phases: [] });
      expect(step, state).toEqual({ next: state === 'approved' ? 'sign_agreement' : 'deliver', actor: state === 'approved' ? 'staff' : 'implementer', overdue: false });
      expect('by' in step, state).toBe(false);
    }
  });
});

describe('the road of a project at its edges', () => {
  it('lays every step of the main path, in order', () => {
    const rest = ['under_deliberation', 'in_public_notice', 'approved', 'in_progress', 'accepted', 'evaluated', 'audited', 'archived'];
    expect(mainPath(true)).toEqual(['submitted', 'screened_in', 'shortlisted', ...rest]);
    expect(mainPath(false)).toEqual(['submitted', 'screened_in', ...rest]);
  });

  it('puts the whole road ahead of a draft, submission included', () => {
    expect(projectPath('draft', ['draft'], true)).toEqual({ done: [], current: 'draft', ahead: mainPath(true) });
  });

  it('has the rest of the road ahead of a screened project', () => {
    expect(projectPath('screened_in', ['submitted', 'screened_in'], false).ahead).toEqual(mainPath(false).slice(2));
  });

  it('lays nothing ahead of a state the road does not pass, such as a shortlist where residents no longer vote', () => {
    expect(projectPath('shortlisted', ['submitted', 'screened_in', 'shortlisted'], false)).toEqual({ done: ['submitted', 'screened_in'], current: 'shortlisted', ahead: [] });
  });

  it('lays nothing ahead of an archived project, and keeps the road behind it', () => {
    const all = mainPath(true);
    expect(projectPath('archived', all, true)).toEqual({ done: all.slice(0, -1), current: 'archived', ahead: [] });
  });
});
