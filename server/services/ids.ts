/**
 * @module Ids for new rows (16 chars of Lucia's alphabet, ~80 bits): random,
 * except inside `withIdSource`, where they come from the given source. The
 * demo history (./demo-history.ts) uses that to write through the services
 * and still get the same ids from the same seed. The source is scoped to the
 * async call (AsyncLocalStorage), so a request served meanwhile never draws
 * from it.
 *
 * The same scope may also give the bytes receipt codes are drawn from: the
 * audit entry of a vote's count carries the SHA-256 of its receipts'
 * fingerprints (./open-data.ts), so a history whose chain is the same from
 * the same seed needs the same receipts too. Nobody is ever handed a
 * history's receipt; real ballots always draw from the system's generator.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomToken } from '../auth/sessions.ts';
import { randomBytes } from '../auth/random.ts';

type Source = { next: () => string; receiptBytes?: (n: number) => Uint8Array };
const source = new AsyncLocalStorage<Source>();

export function newId(): string {
  const s = source.getStore();
  return s ? s.next() : randomToken(16);
}

/** Bytes for a receipt code: the system's generator, or inside `withIdSource(…, { receiptBytes })` the given source. */
export function receiptBytes(n: number): Uint8Array {
  const own = source.getStore()?.receiptBytes;
  return own ? own(n) : randomBytes(n);
}

/** Run `fn` with every `newId()` inside it (and in what it awaits) drawn from `next`, and receipt bytes from `opts.receiptBytes` if given. */
export function withIdSource<T>(next: () => string, fn: () => Promise<T>, opts: { receiptBytes?: (n: number) => Uint8Array } = {}): Promise<T> {
  return source.run({ next, receiptBytes: opts.receiptBytes }, fn);
}
