import { describe, expect, it } from 'vitest';
import { DAY_MS, daysLeft, noticeEndsAt, noticeState, whyNotAnswer, whyNotObject } from './notice.ts';

const start = new Date('2026-11-18T10:00:00+08:00');
const running = { endsAt: noticeEndsAt(start, 5), closedAt: null, outcome: null };
const after = (ms: number) => new Date(running.endsAt.getTime() + ms);

describe('the notice period', () => {
  it('ends noticeDays whole days after it starts', () => {
    expect(noticeEndsAt(start, 5).toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(() => noticeEndsAt(start, 0)).toThrow(RangeError);
  });
  it('runs until the last millisecond, then is due when nothing is open or upheld', () => {
    expect(noticeState(running, [], after(-1))).toBe('running');
    expect(noticeState(running, [], after(0))).toBe('due');
  });
  it('a dismissed objection does not block approval', () => {
    expect(noticeState(running, ['dismissed'], after(0))).toBe('due');
  });
  it('an open objection holds it until staff answer', () => {
    expect(noticeState(running, ['dismissed', 'open'], after(DAY_MS))).toBe('awaiting_answers');
  });
  it('an upheld objection returns the project, whatever the clock says', () => {
    expect(noticeState(running, ['upheld'], after(-DAY_MS))).toBe('returned');
  });
  it('a closed notice keeps its outcome', () => {
    expect(noticeState({ ...running, closedAt: after(0), outcome: 'approved' }, ['open'], after(0))).toBe('approved');
    expect(noticeState({ ...running, closedAt: after(0), outcome: 'returned' }, [], after(0))).toBe('returned');
  });
  it('counts whole days left, rounded up', () => {
    expect(daysLeft(running, start)).toBe(5);
    expect(daysLeft(running, after(-1))).toBe(1);
    expect(daysLeft(running, after(1))).toBe(0);
  });
});

describe('objections', () => {
  it('may be lodged while the period runs, one open objection per resident', () => {
    expect(whyNotObject(running, [], after(-1))).toBeNull();
    expect(whyNotObject(running, ['dismissed'], after(-1))).toBeNull();
    expect(whyNotObject(running, ['open'], after(-1))).toBe('already_objected');
  });
  it('not once the period is over or the notice closed', () => {
    expect(whyNotObject(running, [], after(0))).toBe('notice_period_over');
    expect(whyNotObject({ ...running, closedAt: start, outcome: 'returned' }, [], start)).toBe('notice_closed');
  });
  it('each is answered once, while the notice is open', () => {
    expect(whyNotAnswer(running, 'open')).toBeNull();
    expect(whyNotAnswer(running, 'dismissed')).toBe('objection_answered');
    expect(whyNotAnswer({ ...running, closedAt: start, outcome: 'returned' }, 'open')).toBe('notice_closed');
  });
});

describe('notice periods at their edges', () => {
  it('says what is wrong with the number of days', () => {
    expect(() => noticeEndsAt(new Date('2026-12-01T00:00:00Z'), 0)).toThrow('noticeDays must be a whole number > 0, got 0');
  });
});
