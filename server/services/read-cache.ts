/**
 * @module A cache for expensive public reads (place statistics, council
 * health): an answer is reused while the audit log's head is unchanged —
 * every change of state writes an audit entry, so an unchanged head means
 * unchanged data — and, once the head has moved, for at most `refreshMs`
 * more (so that a vote with ballots arriving every second does not make a
 * city's statistics be counted again on every request). Concurrent requests
 * for the same answer share one computation. It lives in the AppContext, one
 * per process; several app servers each keep their own.
 */
import type { Database } from '#db/client.ts';

type Entry = { head: number; at: number; value: Promise<unknown> };
export type ReadCache = { refreshMs: number; maxEntries: number; entries: Map<string, Entry> };

export function createReadCache(refreshMs: number, maxEntries = 2_000): ReadCache {
  return { refreshMs, maxEntries, entries: new Map() };
}

async function auditHead(database: Database): Promise<number> {
  const r = await database.client.execute('select seq from audit_log order by seq desc limit 1');
  return Number(r.rows[0]?.[0] ?? 0);
}

/** `compute()`'s answer for `key`, reused as described above. */
export async function cachedRead<T>(cache: ReadCache, database: Database, key: string, compute: () => Promise<T>): Promise<T> {
  const head = await auditHead(database);
  const now = performance.now();
  const hit = cache.entries.get(key);
  if (hit && (hit.head === head || now - hit.at < cache.refreshMs)) return hit.value as Promise<T>;
  const value = compute();
  const entry: Entry = { head, at: now, value };
  cache.entries.delete(key);
  cache.entries.set(key, entry);
  // A failed computation is not kept.
  value.catch(() => {
    if (cache.entries.get(key) === entry) cache.entries.delete(key);
  });
  while (cache.entries.size > cache.maxEntries) cache.entries.delete(cache.entries.keys().next().value!);
  return value;
}
