/**
 * State for the recount island: download the chosen vote's `.pb`, recount it
 * with the site's own code (./recount.ts, loaded only when asked: it carries
 * the whole tally) and keep the answer for the island to show.
 */
import type { Recount } from './recount.ts';
import { tr } from '#ui/i18n/recount.ts';
import { VoteCheck } from './vote-check.svelte.ts';

/** A finished vote as the page lists it. */
export type ClosedVote = { cycleId: string; title: string; pbUrl: string };

export type RecountOutcome = { vote: ClosedVote; recount: Extract<Recount, { ok: true }> } | { vote: ClosedVote; error: string };

export class RecountState extends VoteCheck<ClosedVote, RecountOutcome> {
  run() {
    return this.checkChosen((vote) => this.recount(vote));
  }

  private async recount(vote: ClosedVote): Promise<RecountOutcome> {
    const fail = (reason: string): RecountOutcome => ({ vote, error: tr(this.locale, 'recount.failed', { reason }) });
    // The tally counts money exactly with BigInt; a browser without it cannot even load the code.
    if (typeof BigInt !== 'function') return fail(tr(this.locale, 'recount.noBigInt'));
    let text: string;
    try {
      const res = await fetch(vote.pbUrl, { headers: { accept: 'text/plain' } });
      if (!res.ok) return fail(tr(this.locale, 'recount.fetchFailed', { status: res.status }));
      text = await res.text();
    } catch {
      return fail(tr(this.locale, 'recount.network'));
    }
    let recountPb: (typeof import('./recount.ts'))['recountPb'];
    try {
      ({ recountPb } = await import('./recount.ts'));
    } catch {
      return fail(tr(this.locale, 'recount.network'));
    }
    // Let the "counting" line paint before the count takes the thread.
    await new Promise((r) => setTimeout(r, 0));
    const r = recountPb(text);
    if (r.ok) return { vote, recount: r };
    return fail(r.problem === 'unknown_rule' ? tr(this.locale, 'recount.unknownRule', { rule: r.rule }) : tr(this.locale, 'recount.unreadable', { detail: r.detail }));
  }
}
