import { describe, expect, it } from 'vitest';
import { DEFAULT_RULEBOOK_SETTINGS } from './rulebook.ts';
import { describeOpensAt, describeOutcome, describeQuorum, fractionName } from '#messages/meeting-words.ts';
import { describeShortfall } from '#cases/meetings.ts';
import { checkBudget, checkClose, committedAmount, meetingQuorum, meetingStartsAt, tallyItem, whyNotDecide, whyNotEditAgenda, whyNotOpen, whyNotVote, type RecordedVote } from './meeting.ts';

const rb = DEFAULT_RULEBOOK_SETTINGS; // quorum > 2/3, pass > 1/2
const members = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const votes = (...vs: ('for' | 'against' | 'abstain')[]): RecordedVote[] => vs.map((vote, i) => ({ accountId: members[i]!, vote }));
const open = { status: 'open' as const, attendanceTaken: true, quorumMet: true };

describe('quorum of a seven-member council (more than two thirds)', () => {
  it('five present is a quorum: 5/7 is more than 2/3', () => {
    expect(meetingQuorum(rb, 7, 5)).toEqual({ membersTotal: 7, present: 5, minimumPresent: 5, met: true });
  });
  it('four present is not', () => {
    expect(meetingQuorum(rb, 7, 4).met).toBe(false);
  });
  it('exactly two thirds is not enough: six of nine', () => {
    expect(meetingQuorum(rb, 9, 6).met).toBe(false);
    expect(meetingQuorum(rb, 9, 7).met).toBe(true);
  });
  it('a council with no members never has a quorum', () => {
    expect(meetingQuorum(rb, 0, 0).met).toBe(false);
  });
  it('says it in words', () => {
    expect(describeQuorum(rb, meetingQuorum(rb, 7, 4), 'zh-CN')).toBe('应到 7 人，实到 4 人，未达到法定人数（须超过三分之二，即至少 5 人）。');
    expect(describeQuorum(rb, meetingQuorum(rb, 7, 5), 'en')).toBe('5 of 7 members present: quorate (more than two thirds needed, i.e. at least 5).');
  });
});

describe('an item’s outcome is computed from the votes of the members present', () => {
  const present6 = members.slice(0, 6);
  it('four of six for passes (more than half)', () => {
    const t = tallyItem(rb, present6, votes('for', 'for', 'for', 'for', 'against', 'abstain'));
    expect(t).toMatchObject({ present: 6, for: 4, against: 1, abstain: 1, missing: [], minimumFor: 4, passes: true, outcome: 'adopted' });
  });
  it('a tie fails: three for, three against', () => {
    const t = tallyItem(rb, present6, votes('for', 'for', 'for', 'against', 'against', 'against'));
    expect(t).toMatchObject({ for: 3, passes: false, outcome: 'not_adopted' });
  });
  it('abstentions count against: three for, three abstaining fails', () => {
    expect(tallyItem(rb, present6, votes('for', 'for', 'for', 'abstain', 'abstain', 'abstain')).passes).toBe(false);
  });
  it('ignores a vote of a member who is not present, and lists who has not voted', () => {
    const t = tallyItem(rb, ['a', 'b', 'c', 'd', 'e'], [...votes('for', 'for', 'for'), { accountId: 'g', vote: 'for' }]);
    expect(t).toMatchObject({ present: 5, for: 3, missing: ['d', 'e'], passes: true });
  });
  it('publishes the reason in words', () => {
    const t = tallyItem(rb, present6, votes('for', 'for', 'against', 'against', 'against', 'abstain'));
    expect(describeOutcome(rb, 7, t, 'zh-CN')).toBe('应到 7 人，实到 6 人；赞成 2 票，反对 3 票，弃权 1 票；未过半数（至少须 4 票赞成），未通过。');
    expect(describeOutcome(rb, 7, t, 'en')).toBe('7 members, 6 present; 2 for, 3 against, 1 abstaining; not more than half of those present (at least 4 needed): not adopted.');
    const other = { passThreshold: { num: 2, den: 3 } };
    expect(describeOutcome(other, 7, tallyItem(other, present6, votes('for', 'for', 'for', 'for', 'for', 'against')), 'zh-CN')).toContain('超过实到人数的三分之二（至少须 5 票赞成），通过');
  });
  it('names fractions', () => {
    expect([fractionName({ num: 1, den: 2 }, 'zh-CN'), fractionName({ num: 3, den: 4 }, 'zh-CN'), fractionName({ num: 7, den: 12 }, 'zh-CN')]).toEqual(['半数', '四分之三', '7/12']);
  });
});

describe('who may vote and when', () => {
  const item = { decided: false };
  const here = { expected: true, present: true };
  it('a present member of an open, quorate meeting may vote', () => {
    expect(whyNotVote(open, item, here)).toBeNull();
  });
  it('without quorum no vote can be recorded', () => {
    expect(whyNotVote({ ...open, quorumMet: false }, item, here)).toBe('no_quorum');
  });
  it('an absent member cannot vote, nor can someone who is not on the council', () => {
    expect(whyNotVote(open, item, { expected: true, present: false })).toBe('not_present');
    expect(whyNotVote(open, item, { expected: false, present: false })).toBe('not_a_member');
  });
  it('a closed meeting cannot be edited, a scheduled one has not started, a decided item is final', () => {
    expect(whyNotVote({ ...open, status: 'closed' }, item, here)).toBe('meeting_closed');
    expect(whyNotVote({ ...open, status: 'scheduled' }, item, here)).toBe('meeting_not_open');
    expect(whyNotVote({ ...open, attendanceTaken: false, quorumMet: false }, item, here)).toBe('attendance_not_taken');
    expect(whyNotVote(open, { decided: true }, here)).toBe('item_decided');
  });
  it('an item is decided only when every present member has voted', () => {
    expect(whyNotDecide(open, item, { missing: ['d'] })).toBe('votes_incomplete');
    expect(whyNotDecide(open, item, { missing: [] })).toBeNull();
    expect(whyNotDecide({ ...open, quorumMet: false }, item, { missing: [] })).toBe('no_quorum');
  });
  it('the agenda is fixed once published', () => {
    expect(whyNotEditAgenda({ status: 'scheduled', agendaPublished: false })).toBeNull();
    expect(whyNotEditAgenda({ status: 'scheduled', agendaPublished: true })).toBe('agenda_published');
    expect(whyNotEditAgenda({ status: 'closed', agendaPublished: true })).toBe('meeting_closed');
  });
});

describe('closing a meeting', () => {
  const items = [
    { code: 'A-B-2026-01', decided: true },
    { code: 'A-B-2026-02', decided: false },
    { code: 'A-B-2026-03', decided: false },
  ];
  it('is refused while an item is undecided and not carried over, naming exactly those items', () => {
    expect(checkClose('open', items, [])).toEqual({ ok: false, code: 'undecided_items', items: [items[1], items[2]] });
    expect(checkClose('open', items, ['A-B-2026-03'])).toEqual({ ok: false, code: 'undecided_items', items: [items[1]] });
  });
  it('succeeds once every undecided item is carried over, or when all are decided', () => {
    expect(checkClose('open', items, ['A-B-2026-02', 'A-B-2026-03'])).toEqual({ ok: true });
    expect(checkClose('open', [items[0]!], [])).toEqual({ ok: true });
  });
  it('carries over only undecided items of this agenda', () => {
    expect(checkClose('open', items, ['A-B-2026-01', 'A-B-2026-02', 'A-B-2026-03'])).toEqual({ ok: false, code: 'not_undecided', project: 'A-B-2026-01' });
    expect(checkClose('open', items, ['X-Y-2026-09'])).toEqual({ ok: false, code: 'not_undecided', project: 'X-Y-2026-09' });
  });
  it('only while the meeting is open', () => {
    expect(checkClose('closed', items, [])).toEqual({ ok: false, code: 'meeting_closed' });
    expect(checkClose('scheduled', items, [])).toEqual({ ok: false, code: 'meeting_not_open' });
  });
});

describe('opening a meeting', () => {
  const published = { status: 'scheduled' as const, agendaPublished: true, scheduledAt: '2026-12-10T19:30' };
  it('its time is China time', () => {
    expect(meetingStartsAt('2026-12-10T19:30').toISOString()).toBe('2026-12-10T11:30:00.000Z');
  });
  it('is refused before its scheduled time, to the millisecond, and allowed from then on', () => {
    expect(whyNotOpen(published, new Date('2026-12-10T19:29:59.999+08:00'))).toBe('meeting_not_yet');
    expect(whyNotOpen(published, new Date('2026-12-10T09:00:00+08:00'))).toBe('meeting_not_yet');
    expect(whyNotOpen(published, new Date('2026-12-10T19:30:00+08:00'))).toBeNull();
    expect(whyNotOpen(published, new Date('2026-12-11T08:00:00+08:00'))).toBeNull();
  });
  it('needs the agenda published first, and happens once', () => {
    const late = new Date('2026-12-11T08:00:00+08:00');
    expect(whyNotOpen({ ...published, agendaPublished: false }, late)).toBe('agenda_not_published');
    expect(whyNotOpen({ ...published, status: 'open' }, late)).toBe('meeting_already_open');
    expect(whyNotOpen({ ...published, status: 'closed' }, late)).toBe('meeting_closed');
  });
  it('says when it may open', () => {
    expect(describeOpensAt('2026-12-10T19:30', 'zh-CN')).toBe('会议定于 2026-12-10 19:30（北京时间）开始，届时才能宣布开会。');
    expect(describeOpensAt('2026-12-10T19:30', 'en')).toBe('The meeting is scheduled for 2026-12-10 19:30 (China time); it can be opened from then.');
  });
});

describe('the remaining budget', () => {
  it('a project exactly at the remaining budget fits', () => {
    expect(checkBudget(2_000_000_00, 1_500_000_00, 500_000_00)).toEqual({ ok: true, remainingFen: 500_000_00 });
  });
  it('one fen more is refused, naming the shortfall', () => {
    const r = checkBudget(2_000_000_00, 1_500_000_00, 500_000_01);
    expect(r).toEqual({ ok: false, reason: 'over_budget', remainingFen: 500_000_00, shortfallFen: 1 });
    if (!r.ok) expect(describeShortfall(r, 500_000_01, 'zh-CN')).toBe('超出本轮剩余预算：剩余 50万元，本项目 50.000001万元，缺口 0.01元。');
  });
  it('an overspent cycle has a negative remainder and refuses everything', () => {
    expect(checkBudget(100, 150, 0)).toEqual({ ok: false, reason: 'over_budget', remainingFen: -50, shortfallFen: 50 });
  });
  it('refuses amounts that are not whole fen', () => {
    expect(() => checkBudget(100, 0.5, 1)).toThrow(RangeError);
  });
  it('counts the agreed amount once there is one', () => {
    expect(committedAmount({ estimatedCostFen: 100, agreedAmountFen: 90 })).toBe(90);
    expect(committedAmount({ estimatedCostFen: 100, agreedAmountFen: null })).toBe(100);
  });
});

describe('meetings at their edges', () => {
  it('reads a start time given with seconds as the minute it names, China time', () => {
    expect(meetingStartsAt('2026-11-25T19:30:45').toISOString()).toBe('2026-11-25T11:30:00.000Z');
  });

  it('keeps the agenda of an open meeting closed to changes', () => {
    expect(whyNotEditAgenda({ status: 'open', agendaPublished: false })).toBe('agenda_published');
  });

  it('says which amount is not a whole number of fen', () => {
    expect(() => checkBudget(100, -1, 5)).toThrow('checkBudget: committedFen -1 is not a whole number of fen ≥ 0');
    expect(() => checkBudget(100, 0, 1.5)).toThrow('checkBudget: costFen 1.5 is not a whole number of fen ≥ 0');
  });
});
