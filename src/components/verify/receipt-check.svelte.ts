/**
 * State for the receipt island: turn the typed code into its fingerprint,
 * download the chosen vote's list of counted fingerprints once, and keep the
 * answer for the island to show (./receipt-check.ts does the work).
 */
import { canHash, lookUp, receiptFingerprint, type ListCheck, type LoggedList } from './receipt-check.ts';
import { tr } from '#ui/i18n/recount.ts';
import { VoteCheck } from './vote-check.svelte.ts';

/** A finished vote as the page lists it. */
export type CountedVote = { cycleId: string; title: string; listUrl: string; logged: LoggedList | null };

export type ReceiptOutcome =
  | { kind: 'bad_code' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; vote: CountedVote; code: string; fingerprint: string; found: boolean; list: ListCheck };

export class ReceiptCheckState extends VoteCheck<CountedVote, ReceiptOutcome> {
  code = $state('');
  /** Lists already downloaded, by cycle: a second code for the same vote asks nothing of the server. */
  private readonly lists = new Map<string, string>();

  check() {
    return this.checkChosen((vote) => this.lookUp(vote));
  }

  private async lookUp(vote: CountedVote): Promise<ReceiptOutcome> {
    if (!canHash()) return { kind: 'error', message: tr(this.locale, 'receiptCheck.noCrypto') };
    const typed = await receiptFingerprint(this.code);
    if (!typed) return { kind: 'bad_code' };
    let text = this.lists.get(vote.cycleId);
    if (text === undefined) {
      try {
        const res = await fetch(vote.listUrl, { headers: { accept: 'text/plain' } });
        if (!res.ok) return { kind: 'error', message: tr(this.locale, 'receiptCheck.fetchFailed', { status: res.status }) };
        text = await res.text();
      } catch {
        return { kind: 'error', message: tr(this.locale, 'receiptCheck.network') };
      }
      this.lists.set(vote.cycleId, text);
    }
    const r = await lookUp(text, typed.fingerprint, vote.logged);
    if (!r.ok) return { kind: 'error', message: tr(this.locale, 'receiptCheck.listUnreadable') };
    return { kind: 'done', vote, code: typed.code, fingerprint: typed.fingerprint, found: r.found, list: r.list };
  }
}
