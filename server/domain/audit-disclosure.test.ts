import { describe, expect, it } from 'vitest';
import { chinaDayStart, isVoteTimingAction, pendingSinceDay } from './audit-disclosure.ts';

describe('what the public log withholds during a vote', () => {
  it('ballots cast online and paper ballots typed in are the withheld kinds; a count of the vote is not', () => {
    expect(isVoteTimingAction('ballot.cast')).toBe(true);
    expect(isVoteTimingAction('paper_ballot.entered')).toBe(true);
    expect(isVoteTimingAction('cycle.vote_counted')).toBe(false);
  });

  it('entries are pending from the earliest of the planned start, the first ballot and today', () => {
    const now = new Date('2026-11-20T20:00:00+08:00');
    expect(pendingSinceDay(['2026-11-15', null], now)).toBe('2026-11-15');
    // Opened early, with a ballot before the planned start.
    expect(pendingSinceDay(['2026-11-25', '2026-11-18T23:30:00.000Z'], now)).toBe('2026-11-19');
    // Opened early, no ballot yet: today.
    expect(pendingSinceDay(['2026-11-25', null], now)).toBe('2026-11-20');
    expect(pendingSinceDay([], now)).toBe('2026-11-20');
  });

  it('a China day starts at 16:00 UTC the day before', () => {
    expect(chinaDayStart('2026-11-20')).toBe('2026-11-19T16:00:00.000Z');
  });
});
