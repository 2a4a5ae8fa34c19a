import { describe, expect, it } from 'vitest';
import { healthFlags, median, type CycleFacts, type MeetingFacts } from './council-health.ts';

const cycle = (o: Partial<CycleFacts> & { cycleId: string }): CycleFacts => ({
  communityId: o.cycleId,
  streetId: 's',
  year: 2025,
  pastDeliberation: true,
  pastVote: true,
  voteRequired: true,
  meetingsClosed: 1,
  adopted: 2,
  adoptedAtMeeting: 2,
  adoptedByStaff: 0,
  ballots: 50,
  eligible: 100,
  ...o,
});
const HALF = { num: 1, den: 2 };

describe('council health flags', () => {
  it('a council that met, voted and adopted residents\' projects raises nothing', () => {
    expect(healthFlags([cycle({ cycleId: 'a' })], [], [])).toEqual([]);
  });

  it('flags a cycle past deliberation with no closed meeting, and one that adopted projects without any', () => {
    const flags = healthFlags([cycle({ cycleId: 'a', meetingsClosed: 0 }), cycle({ cycleId: 'b', meetingsClosed: 0, pastDeliberation: false, adopted: 0, adoptedAtMeeting: 0 })], [], []);
    expect(flags).toEqual([{ code: 'no_meeting', cycleId: 'a', year: 2025, communityId: 'a', adopted: 2 }]);
  });

  it('flags a meeting without a quorum: with half present of an even council, quorum is not met', () => {
    const m = (present: number): MeetingFacts => ({ meetingId: `m${present}`, cycleId: 'a', membersTotal: 6, present, quorum: HALF });
    const flags = healthFlags([cycle({ cycleId: 'a' })], [m(3), m(4), m(2)], []);
    expect(flags).toEqual([
      { code: 'no_quorum', cycleId: 'a', year: 2025, communityId: 'a', meetingId: 'm3', present: 3, membersTotal: 6 },
      { code: 'no_quorum', cycleId: 'a', year: 2025, communityId: 'a', meetingId: 'm2', present: 2, membersTotal: 6 },
    ]);
  });

  it('flags adoptions no meeting decided in a cycle whose council met, and only those', () => {
    const flags = healthFlags([cycle({ cycleId: 'a', adopted: 3, adoptedAtMeeting: 1 }), cycle({ cycleId: 'b', meetingsClosed: 0, adoptedAtMeeting: 0 })], [], []);
    expect(flags).toEqual([
      { code: 'adopted_outside_meeting', cycleId: 'a', year: 2025, communityId: 'a', adopted: 2 },
      { code: 'no_meeting', cycleId: 'b', year: 2025, communityId: 'b', adopted: 2 },
    ]);
  });

  it('flags every adopted project proposed by staff, but not a cycle that adopted nothing', () => {
    const flags = healthFlags([cycle({ cycleId: 'a', adoptedByStaff: 2 }), cycle({ cycleId: 'b', adopted: 0, adoptedAtMeeting: 0, adoptedByStaff: 0 }), cycle({ cycleId: 'c', adopted: 3, adoptedAtMeeting: 3, adoptedByStaff: 2 })], [], []);
    expect(flags.map((f) => [f.code, f.cycleId])).toEqual([['all_by_staff', 'a']]);
  });

  it('flags a required vote that ended with no ballot, not one still open or not required', () => {
    const flags = healthFlags([cycle({ cycleId: 'a', ballots: 0 }), cycle({ cycleId: 'b', ballots: 0, pastVote: false }), cycle({ cycleId: 'c', ballots: 0, voteRequired: false })], [], []);
    expect(flags.map((f) => [f.code, f.cycleId])).toEqual([['no_resident_vote', 'a']]);
  });

  it('flags objections left open after the notice ended', () => {
    const flags = healthFlags([cycle({ cycleId: 'a' })], [], [{ cycleId: 'a', projectCode: 'X-1', open: 2 }]);
    expect(flags).toEqual([{ code: 'objections_unanswered', cycleId: 'a', year: 2025, communityId: 'a', projectCode: 'X-1', open: 2 }]);
  });

  it('flags turnout below half the street median of the same year, only with three or more voting communities', () => {
    const street = [cycle({ cycleId: 'a', ballots: 40 }), cycle({ cycleId: 'b', ballots: 50 }), cycle({ cycleId: 'c', ballots: 60 }), cycle({ cycleId: 'd', ballots: 24 }), cycle({ cycleId: 'e', ballots: 25 })];
    // Median of 40, 50, 60, 24, 25 % is 40 %, half of it 20 %: 24 % and 25 % are above it, so nothing is flagged.
    expect(healthFlags(street, [], []).filter((f) => f.code === 'low_turnout')).toEqual([]);
    const low = [...street.slice(0, 3), cycle({ cycleId: 'd', ballots: 19 })];
    // Median of 40, 50, 60, 19 % is 45 %; 19 % < 22.5 %.
    expect(healthFlags(low, [], []).filter((f) => f.code === 'low_turnout')).toEqual([{ code: 'low_turnout', cycleId: 'd', year: 2025, communityId: 'd', turnout: 0.19, streetMedian: 0.45 }]);
    // Two others only: no median to compare with.
    expect(healthFlags([cycle({ cycleId: 'a' }), cycle({ cycleId: 'd', ballots: 1 })], [], []).filter((f) => f.code === 'low_turnout')).toEqual([]);
    // Another year or another street is not a peer.
    expect(healthFlags([...street.slice(0, 3), cycle({ cycleId: 'x', ballots: 1, year: 2024 }), cycle({ cycleId: 'y', ballots: 1, streetId: 't' })], [], []).filter((f) => f.code === 'low_turnout')).toEqual([]);
  });

  it('median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('council health flags at their edges', () => {
  const lowTurnout = (cycles: CycleFacts[]) => healthFlags(cycles, [], []).filter((f) => f.code === 'low_turnout').map((f) => f.cycleId);

  it('flags a council that adopted projects without meeting, even before its deliberation has ended', () => {
    const flags = healthFlags([cycle({ cycleId: 'a', meetingsClosed: 0, pastDeliberation: false })], [], []);
    expect(flags.map((f) => f.code)).toEqual(['no_meeting']);
  });

  it('flags a meeting of an empty council, and passes over one with more present than members', () => {
    const m = (membersTotal: number, present: number): MeetingFacts => ({ meetingId: `m${membersTotal}-${present}`, cycleId: 'a', membersTotal, present, quorum: HALF });
    const flags = healthFlags([cycle({ cycleId: 'a' })], [m(0, 0), m(6, 7), m(6, 6)], []);
    expect(flags.map((f) => f.code === 'no_quorum' && f.meetingId)).toEqual(['m0-0']);
  });

  it('does not flag an objection with nothing left open', () => {
    expect(healthFlags([cycle({ cycleId: 'a' })], [], [{ cycleId: 'a', projectCode: 'X-1', open: 0 }])).toEqual([]);
  });

  it('flags turnout of exactly three voting communities, but not turnout exactly half the median', () => {
    expect(lowTurnout([cycle({ cycleId: 'a', ballots: 50 }), cycle({ cycleId: 'b', ballots: 60 }), cycle({ cycleId: 'd', ballots: 10 })])).toEqual(['d']);
    // Median 50 %, half of it 25 %.
    expect(lowTurnout([cycle({ cycleId: 'a', ballots: 50 }), cycle({ cycleId: 'b', ballots: 60 }), cycle({ cycleId: 'd', ballots: 25 })])).toEqual([]);
  });

  // 40, 50, 60 and 22 %: median 45 %, half of it 22.5 %, so 22 % is low. A
  // community that is not a peer would move the median and hide it.
  const street = [cycle({ cycleId: 'a', ballots: 40 }), cycle({ cycleId: 'b', ballots: 50 }), cycle({ cycleId: 'c', ballots: 60 }), cycle({ cycleId: 'd', ballots: 22 })];

  it('takes as peers only communities whose required vote is over, with voters, and ballots', () => {
    expect(lowTurnout(street)).toEqual(['d']);
    const others = [
      cycle({ cycleId: 'n1', voteRequired: false, ballots: 1 }),
      cycle({ cycleId: 'n2', voteRequired: false, ballots: 2 }),
      cycle({ cycleId: 'o1', pastVote: false, ballots: 1 }),
      cycle({ cycleId: 'o2', pastVote: false, ballots: 2 }),
      cycle({ cycleId: 'z1', ballots: 0 }),
      cycle({ cycleId: 'z2', ballots: 0 }),
    ];
    expect(lowTurnout([...street, ...others])).toEqual(['d']);
    // No voters on the register: the turnout cannot be worked out (not infinite, which would raise the median).
    // 40, 50, 60 and 23 %: median 45 %, and 23 % is above half of it.
    const near = [...street.slice(0, 3), cycle({ cycleId: 'd', ballots: 23 })];
    expect(lowTurnout(near)).toEqual([]);
    expect(lowTurnout([...near, cycle({ cycleId: 'e', eligible: 0, ballots: 5 })])).toEqual([]);
  });

  it('never calls the turnout of a vote not held or not over low, nor of a vote with no ballot', () => {
    const flags = healthFlags([...street, cycle({ cycleId: 'n', voteRequired: false, ballots: 1 }), cycle({ cycleId: 'o', pastVote: false, ballots: 1 }), cycle({ cycleId: 'z', ballots: 0 })], [], []);
    expect(flags.map((f) => [f.code, f.cycleId])).toEqual([
      ['low_turnout', 'd'],
      ['no_resident_vote', 'z'],
    ]);
  });
});
