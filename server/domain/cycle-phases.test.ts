import { describe, expect, it } from 'vitest';
import { CYCLE_PHASES, chinaDay, currentPhase, dayAfter, endsEarly, isIsoDay, isOverrun, nextOpening, nextPhase, passesNotice, phaseMove, phasesFor, redateEarlyEnd } from './cycle-phases.ts';
import type { PlannedPhase } from './cycle-phases.ts';

const plan: PlannedPhase[] = [
  { phase: 'collection', startsOn: '2026-03-01', endsOn: '2026-03-31' },
  { phase: 'screening', startsOn: '2026-04-01', endsOn: '2026-04-15' },
  { phase: 'resident_vote', startsOn: '2026-04-20', endsOn: '2026-04-30' },
  { phase: 'deliberation', startsOn: '2026-05-01', endsOn: '2026-05-20' },
  { phase: 'public_notice', startsOn: '2026-05-20', endsOn: '2026-05-27' },
];

describe('currentPhase', () => {
  it('follows the plan when staff have opened nothing', () => {
    expect(currentPhase({ phases: plan }, '2026-03-15')).toBe('collection');
    expect(currentPhase({ phases: plan, openPhase: null }, '2026-04-01')).toBe('screening');
  });

  it('counts both the first and the last day of a phase', () => {
    expect(currentPhase({ phases: plan }, '2026-03-01')).toBe('collection');
    expect(currentPhase({ phases: plan }, '2026-03-31')).toBe('collection');
  });

  it('lets the phase staff opened win over the dates', () => {
    expect(currentPhase({ phases: plan, openPhase: 'collection' }, '2026-04-10')).toBe('collection');
  });

  it('is null before the cycle starts and in a gap between phases', () => {
    expect(currentPhase({ phases: plan }, '2026-02-28')).toBeNull();
    expect(currentPhase({ phases: plan }, '2026-04-17')).toBeNull();
  });

  it('is closed once every planned phase has ended', () => {
    expect(currentPhase({ phases: plan }, '2026-06-01')).toBe('closed');
  });

  it('takes the later phase where the plan overlaps', () => {
    expect(currentPhase({ phases: plan }, '2026-05-20')).toBe('public_notice');
  });

  it('is null for a cycle with no plan', () => {
    expect(currentPhase({ phases: [] }, '2026-05-20')).toBeNull();
  });

  it('uses the day in China, not in UTC', () => {
    // 2026-03-31 16:30 UTC is already 1 April 00:30 in Shenzhen.
    const instant = new Date('2026-03-31T16:30:00Z');
    expect(chinaDay(instant)).toBe('2026-04-01');
    expect(currentPhase({ phases: plan }, instant)).toBe('screening');
    expect(currentPhase({ phases: plan }, new Date('2026-03-31T15:59:59Z'))).toBe('collection');
  });

  it('refuses an invalid date rather than guessing', () => {
    expect(() => chinaDay(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('nextPhase', () => {
  const withVote = { vote: { method: 'approval' as const } };
  const noVote = { vote: { method: 'none' as const } };

  it('walks the phases in order', () => {
    const walked = [];
    for (let p: (typeof CYCLE_PHASES)[number] | null = 'collection'; p; p = nextPhase(p, withVote)) walked.push(p);
    expect(walked).toEqual([...CYCLE_PHASES]);
  });

  it('skips the resident vote when the rulebook has none', () => {
    expect(nextPhase('screening', noVote)).toBe('deliberation');
    expect(nextPhase('screening', withVote)).toBe('resident_vote');
    expect(phasesFor(noVote)).not.toContain('resident_vote');
  });

  it('moves a vote that is no longer wanted on to deliberation', () => {
    expect(nextPhase('resident_vote', noVote)).toBe('deliberation');
  });

  it('has nothing after closed', () => {
    expect(nextPhase('closed', withVote)).toBeNull();
  });
});

describe('moves, overruns and openings', () => {
  const withVote = { vote: { method: 'approval' as const } };
  const noVote = { vote: { method: 'none' as const } };

  it('tells the next phase from a skip and a step back', () => {
    expect(phaseMove('screening', 'resident_vote', withVote)).toBe('forward');
    expect(phaseMove('screening', 'deliberation', noVote)).toBe('forward');
    expect(phaseMove('screening', 'deliberation', withVote)).toBe('skip');
    expect(phaseMove('resident_vote', 'collection', withVote)).toBe('backward');
    expect(phaseMove('collection', 'collection', withVote)).toBe('same');
    expect(phaseMove(null, 'collection', withVote)).toBe('forward');
    expect(phaseMove(null, 'screening', withVote)).toBe('skip');
  });

  it('is overrun from the first moment after the last planned day, China time', () => {
    const cycle = { phases: plan, phase: 'resident_vote' as const };
    expect(isOverrun(cycle, new Date('2026-04-30T23:59:59.999+08:00'))).toBe(false);
    expect(isOverrun(cycle, new Date('2026-05-01T00:00:00.000+08:00'))).toBe(true);
    // 2026-04-30T16:00Z is already 1 May in China.
    expect(isOverrun(cycle, new Date('2026-04-30T16:00:00.000Z'))).toBe(true);
    expect(isOverrun({ phases: plan, phase: 'closed' }, '2027-01-01')).toBe(false);
    expect(isOverrun({ phases: plan, phase: 'implementation' }, '2027-01-01')).toBe(false); // no planned end
    expect(isOverrun({ phases: plan, phase: null }, '2027-01-01')).toBe(false);
  });

  it('finds when a phase next opens, only among phases still ahead', () => {
    expect(nextOpening({ phases: plan, phase: 'collection' }, ['screening'])).toBe('2026-04-01');
    expect(nextOpening({ phases: plan, phase: 'collection' }, ['collection', 'screening'])).toBe('2026-04-01');
    expect(nextOpening({ phases: plan, phase: 'deliberation' }, ['screening'])).toBeNull();
    expect(nextOpening({ phases: plan, phase: null }, ['collection'])).toBe('2026-03-01');
  });

  it('checks calendar days', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-2-28')).toBe(false);
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});

describe('ending a phase early', () => {
  it('is early only before the planned last day', () => {
    expect(endsEarly(plan, 'screening', '2026-04-14')).toBe(true);
    expect(endsEarly(plan, 'screening', '2026-04-15')).toBe(false);
    expect(endsEarly(plan, 'screening', '2026-04-16')).toBe(false);
    // Nothing planned to end: nothing to end early.
    expect(endsEarly(plan, 'implementation', '2026-01-01')).toBe(false);
    expect(endsEarly(plan, null, '2026-01-01')).toBe(false);
  });

  it('ends the phase left today, starts the phase opened today with its planned end, and leaves every later phase as published', () => {
    expect(redateEarlyEnd(plan, 'screening', 'resident_vote', '2026-04-10')).toEqual([
      { phase: 'screening', was: { startsOn: '2026-04-01', endsOn: '2026-04-15' }, startsOn: '2026-04-01', endsOn: '2026-04-10' },
      { phase: 'resident_vote', was: { startsOn: '2026-04-20', endsOn: '2026-04-30' }, startsOn: '2026-04-10', endsOn: '2026-04-30' },
    ]);
  });

  it('never leaves a phase ending before it starts, or one that opens already overdue', () => {
    // Opened a day ahead of its planned start (on the last day of the one before), then ended early.
    const ahead = [{ phase: 'screening' as const, startsOn: '2026-04-11', endsOn: '2026-04-30' }, { phase: 'resident_vote' as const, startsOn: '2026-03-01', endsOn: '2026-03-31' }];
    expect(redateEarlyEnd(ahead, 'screening', 'resident_vote', '2026-04-10')).toEqual([
      { phase: 'screening', was: { startsOn: '2026-04-11', endsOn: '2026-04-30' }, startsOn: '2026-04-10', endsOn: '2026-04-10' },
      { phase: 'resident_vote', was: { startsOn: '2026-03-01', endsOn: '2026-03-31' }, startsOn: '2026-03-01', endsOn: '2026-04-10' },
    ]);
    // A phase opened with no planned row keeps none.
    expect(redateEarlyEnd(plan, 'public_notice', 'implementation', '2026-05-22')).toEqual([{ phase: 'public_notice', was: { startsOn: '2026-05-20', endsOn: '2026-05-27' }, startsOn: '2026-05-20', endsOn: '2026-05-22' }]);
  });
});

describe('passing public notice', () => {
  it('is any move forward to a phase after it, and never a step back', () => {
    expect(passesNotice('public_notice', 'implementation')).toBe(true);
    expect(passesNotice('deliberation', 'implementation')).toBe(true);
    expect(passesNotice('implementation', 'acceptance')).toBe(true);
    expect(passesNotice('audit', 'closed')).toBe(true);
    expect(passesNotice('deliberation', 'public_notice')).toBe(false);
    expect(passesNotice('acceptance', 'implementation')).toBe(false);
    expect(passesNotice('implementation', 'deliberation')).toBe(false);
  });
});

describe('cycle phases at their edges', () => {
  it('says why it refuses a date', () => {
    expect(() => chinaDay(new Date('nonsense'))).toThrow('chinaDay: invalid date');
    expect(() => chinaDay('nonsense')).toThrow('chinaDay: invalid date');
  });

  it('takes the later phase of an overlap in programme order, whatever order the plan lists them in', () => {
    expect(currentPhase({ phases: [...plan].reverse() }, '2026-05-20')).toBe('public_notice');
  });

  it('never lets a closed cycle overrun, even with a planned row for closed', () => {
    const withClosed = [...plan, { phase: 'closed' as const, startsOn: '2026-06-01', endsOn: '2026-06-30' }];
    expect(isOverrun({ phases: withClosed, phase: 'closed' }, '2026-08-01')).toBe(false);
  });

  it('finds the earliest next opening whatever order the plan lists the phases in', () => {
    expect(nextOpening({ phases: [...plan].reverse(), phase: 'collection' }, ['deliberation', 'screening'])).toBe('2026-04-01');
  });

  it('leaves the phase left as planned when it ends on its planned last day', () => {
    expect(redateEarlyEnd(plan, 'screening', 'resident_vote', '2026-04-15')).toEqual([
      { phase: 'resident_vote', was: { startsOn: '2026-04-20', endsOn: '2026-04-30' }, startsOn: '2026-04-15', endsOn: '2026-04-30' },
    ]);
  });

  it('leaves the phase opened as planned when today is within its dates, its first day or its last', () => {
    for (const today of ['2026-05-01', '2026-05-10', '2026-05-20']) expect(redateEarlyEnd(plan, 'resident_vote', 'deliberation', today), today).toEqual([]);
  });

  it('does not call staying in a phase after notice passing notice', () => {
    expect(passesNotice('implementation', 'implementation')).toBe(false);
    expect(passesNotice(null, 'implementation')).toBe(true);
  });
});
