/**
 * @module What the two checks of /audit/verify that run in the browser share
 * (./recount.svelte.ts and ./receipt-check.svelte.ts): the vote chosen from
 * the page's list, and one check at a time, whose outcome the island shows.
 */
import type { Locale } from '#ui/i18n/messages.ts';

export abstract class VoteCheck<V extends { cycleId: string }, O> {
  cycleId = $state('');
  busy = $state(false);
  outcome = $state<O | null>(null);
  readonly locale: Locale;
  readonly votes: readonly V[];

  /** `initial` chooses the vote when it is one of the list's; otherwise the first is chosen. */
  constructor(locale: Locale, votes: readonly V[], initial: string) {
    this.locale = locale;
    this.votes = votes;
    this.cycleId = votes.some((v) => v.cycleId === initial) ? initial : (votes[0]?.cycleId ?? '');
  }

  /** Runs `check` on the chosen vote unless a check is running; the last outcome is cleared meanwhile. */
  protected async checkChosen(check: (vote: V) => Promise<O>): Promise<void> {
    const vote = this.votes.find((v) => v.cycleId === this.cycleId);
    if (!vote || this.busy) return;
    this.busy = true;
    this.outcome = null;
    try {
      this.outcome = await check(vote);
    } finally {
      this.busy = false;
    }
  }
}
