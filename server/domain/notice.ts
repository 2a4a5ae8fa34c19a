/**
 * @module The public notice (公示) as pure rules: when a notice period ends,
 * what state a notice is in given its objections and the clock, and whether
 * an objection may be lodged or answered.
 *
 * The period is `noticeDays` whole days of 24 hours from the moment the
 * council's adoption was recorded. It ends with approval (立项) only when no
 * objection is still open and none was upheld; an upheld objection ends it at
 * once by returning the project to deliberation.
 */
import type { Locale } from './permissions.ts';
import { codesOf } from './reason-codes.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

export function noticeEndsAt(startsAt: Date, noticeDays: number): Date {
  if (!Number.isSafeInteger(noticeDays) || noticeDays <= 0) throw new RangeError(`noticeDays must be a whole number > 0, got ${noticeDays}`);
  return new Date(startsAt.getTime() + noticeDays * DAY_MS);
}

export const OBJECTION_STATUSES = ['open', 'dismissed', 'upheld'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export type NoticeFacts = { endsAt: Date; closedAt: Date | null; outcome: 'approved' | 'returned' | null };

/**
 * running: inside the period, objections may be lodged;
 * awaiting_answers: the period is over but an objection still waits for staff;
 * due: over, nothing open, nothing upheld — the clock approves it now;
 * approved / returned: closed.
 */
export type NoticeState = 'running' | 'awaiting_answers' | 'due' | 'approved' | 'returned';

export function noticeState(notice: NoticeFacts, objections: readonly ObjectionStatus[], now: Date): NoticeState {
  if (notice.closedAt !== null) return notice.outcome === 'returned' ? 'returned' : 'approved';
  if (objections.includes('upheld')) return 'returned';
  if (now.getTime() < notice.endsAt.getTime()) return 'running';
  return objections.includes('open') ? 'awaiting_answers' : 'due';
}

/** Why an objection or an answer is refused, each with the HTTP status an API answers it with (words: reasons.json `notice.<code>`). */
export const NOTICE_REASON_STATUS = {
  notice_closed: 409,
  notice_period_over: 409,
  already_objected: 409,
  objection_answered: 409,
  no_notice: 404,
} as const satisfies Record<string, 404 | 409>;
export type NoticeReason = keyof typeof NOTICE_REASON_STATUS;
export const NOTICE_REASONS = codesOf(NOTICE_REASON_STATUS);

/** Objections are lodged while the period runs; one open objection per resident at a time. */
export function whyNotObject(notice: NoticeFacts, mine: readonly ObjectionStatus[], now: Date): NoticeReason | null {
  if (notice.closedAt !== null) return 'notice_closed';
  if (now.getTime() >= notice.endsAt.getTime()) return 'notice_period_over';
  if (mine.includes('open')) return 'already_objected';
  return null;
}

/** Each objection is answered once, while the notice is still open. */
export function whyNotAnswer(notice: NoticeFacts, objection: ObjectionStatus): NoticeReason | null {
  if (notice.closedAt !== null) return 'notice_closed';
  if (objection !== 'open') return 'objection_answered';
  return null;
}

/** Whole days left (rounded up), 0 once the period is over. */
export function daysLeft(notice: Pick<NoticeFacts, 'endsAt'>, now: Date): number {
  const ms = notice.endsAt.getTime() - now.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / DAY_MS);
}
