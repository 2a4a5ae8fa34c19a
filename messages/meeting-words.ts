/**
 * @module A council meeting's numbers in words (council.json): a share of
 * the members ("三分之二", "two thirds"), the roll call behind a decision and
 * whether a meeting is quorate. The domain (server/domain/meeting.ts) counts;
 * these say what it counted, for the pages, the refusals and the reason a
 * decision publishes.
 */
import type { Locale } from './format.ts';
import { say } from './say.ts';

export type Fraction = { num: number; den: number };

/** Which way a share is said: a half, two thirds, a fraction small enough for words, or figures. */
function shareKind(f: Fraction): 'half' | 'twoThirds' | 'twoThirdsSmall' | 'small' | 'other' {
  if (f.num * 2 === f.den) return 'half';
  const small = f.den <= 10 && f.num <= 10;
  if (f.num * 3 === f.den * 2) return small ? 'twoThirdsSmall' : 'twoThirds';
  return small ? 'small' : 'other';
}

/** "半数", "三分之二", or "3/5" for the rest. */
export function fractionName(f: Fraction, locale: Locale): string {
  return say.council(locale, 'meetings.share', { kind: shareKind(f), num: f.num, den: f.den });
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/**
 * The published reason of a decision, computed from the roll call, e.g.
 * "应到 7 人，实到 6 人；赞成 2 票，反对 3 票，弃权 1 票；未过半数（至少须 4 票赞成），未通过。"
 */
export function describeOutcome(
  rulebook: { passThreshold: Fraction },
  membersTotal: number,
  tally: { present: number; for: number; against: number; abstain: number; minimumFor: number; passes: boolean },
  locale: Locale,
): string {
  return say.council(locale, 'meetings.outcomeText', {
    members: membersTotal,
    present: tally.present,
    for: tally.for,
    against: tally.against,
    abstain: tally.abstain,
    share: fractionName(rulebook.passThreshold, locale),
    minimumFor: tally.minimumFor,
    passes: yesNo(tally.passes),
  });
}

/** "应到 7 人，实到 4 人，未达到法定人数（须超过三分之二，即至少 5 人）。" */
export function describeQuorum(rulebook: { quorum: Fraction }, q: { membersTotal: number; present: number; met: boolean; minimumPresent: number }, locale: Locale): string {
  return say.council(locale, 'meetings.quorumText', { members: q.membersTotal, present: q.present, met: yesNo(q.met), share: fractionName(rulebook.quorum, locale), minimum: q.minimumPresent });
}

/** When a meeting may open, in words: "会议定于 2026-12-10 19:30（北京时间）开始，届时才能宣布开会。" */
export function describeOpensAt(scheduledAt: string, locale: Locale): string {
  return say.reasons(locale, 'meeting.meeting_not_yet.detail', { when: scheduledAt.slice(0, 16).replace('T', ' ') });
}

/** "SGJD-SXSQ-2025-08 儿童阅读角图书更新、…": the items a refusal names. */
export function listItems(items: readonly { code: string; title: string }[], locale: Locale): string {
  return items.map((i) => `${i.code} ${i.title}`).join(say.council(locale, 'meetings.listSeparator'));
}
