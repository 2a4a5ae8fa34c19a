/**
 * @module What the public audit log shows while a resident vote is open.
 *
 * Every ballot is an audit entry stamped to the millisecond. Published one
 * by one during the vote, those entries would show turnout as it happens,
 * person by person. So while a cycle's vote is open, its ballot entries
 * (online ballots cast, paper ballots typed in) are published only as a
 * count per China day, and only for days that have ended (a count that
 * grew in front of you would time each ballot again). When the vote closes
 * they appear in full.
 *
 * Leaving an entry out is not enough: every entry carries its place in the
 * chain (its number and the previous entry's hash), so the entries around a
 * hidden one would say how many were hidden and between which moments. So
 * from the start of the day the vote opened, entries are listed without
 * their number and hashes ("pending"), and the published chain, with its
 * head, ends just before that day. The line is fixed for the whole vote:
 * one that moved when the first ballot came in would time that ballot. When
 * no vote is open any more, every entry is published in full and the whole
 * chain verifies from the published data.
 *
 * Nothing here changes what is written or hashed: it decides only what is
 * shown, so every hash ever written stays as it was.
 */
import { chinaDay, CHINA_UTC_OFFSET_MINUTES } from './cycle-phases.ts';

/** Actions whose entries, one per ballot, are withheld while their cycle's vote is open. */
export const VOTE_TIMING_ACTIONS = ['ballot.cast', 'paper_ballot.entered'] as const;

export function isVoteTimingAction(action: string): boolean {
  return (VOTE_TIMING_ACTIONS as readonly string[]).includes(action);
}

/**
 * The China day from which entries are pending: the earliest of the days
 * the open votes were planned to start, the day of the earliest withheld
 * entry (a vote opened early, or reopened), and today.
 */
export function pendingSinceDay(days: readonly (string | null)[], now: Date): string {
  let since = chinaDay(now);
  for (const d of days) if (d !== null && chinaDay(d) < since) since = chinaDay(d);
  return since;
}

/** The instant a China day begins, written as the log writes instants (ISO, UTC, milliseconds). */
export function chinaDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - CHINA_UTC_OFFSET_MINUTES * 60_000).toISOString();
}
