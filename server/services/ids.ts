/**
 * @module Ids for new rows (16 chars of Lucia's alphabet, ~80 bits): random,
 * except inside `withIdSource`, where they come from the given source. The
 * demo history (./demo-history.ts) uses that to write through the services
 * and still get the same ids from the same seed. The source is scoped to the
 * async call (AsyncLocalStorage), so a request served meanwhile never draws
 * from it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomToken } from '../auth/sessions.ts';

const source = new AsyncLocalStorage<() => string>();

export function newId(): string {
  const next = source.getStore();
  return next ? next() : randomToken(16);
}

/** Run `fn` with every `newId()` inside it (and in what it awaits) drawn from `next`. */
export function withIdSource<T>(next: () => string, fn: () => Promise<T>): Promise<T> {
  return source.run(next, fn);
}
