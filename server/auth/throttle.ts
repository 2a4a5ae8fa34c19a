/**
 * @module Guessing throttles kept in the database, so that every app
 * instance on one libSQL server sees the same counts.
 *
 * A throttle counts failed guesses per key (a sign-in name, an address, a
 * trusted device, a receipt checker…). Past a free allowance each further
 * failure doubles the wait before the next try may be made, up to a cap; a
 * day without failures forgets them. Only failures count: someone who signs
 * in often, or checks the right receipt, is never slowed. A successful
 * sign-in does not forgive the account's failures from elsewhere (the
 * attacker would reset them with their own account's success), which is why
 * sign-in also trusts device cookies (server/services/sign-in.ts).
 */
import { eq, lt } from 'drizzle-orm';
import { authThrottle } from '#db/schema.ts';
import type { Database } from '#db/client.ts';

export type ThrottleRule = {
  /** Failures allowed before any wait. */
  free: number;
  /** The wait after the first failure past the allowance; it doubles with each further one. */
  baseMs: number;
  /** The longest wait. */
  maxMs: number;
};

const DAY = 24 * 3600_000;

export type ThrottleRules = {
  /** One sign-in name, tried from browsers it has not signed in from before. */
  signInName: ThrottleRule;
  /** One address, any names (one address sweeping many accounts). */
  signInAddress: ThrottleRule;
  /** One trusted device's cookie; past the allowance it is trusted no more until a day passes. */
  signInDevice: ThrottleRule;
  /** Receipt codes that match no ballot, per address. */
  receipt: ThrottleRule;
  /** Residency codes that match no slip, per account and address. */
  residencyCode: ThrottleRule;
};

export function defaultThrottleRules(): ThrottleRules {
  return {
    signInName: { free: 5, baseMs: 2_000, maxMs: 15 * 60_000 },
    signInAddress: { free: 30, baseMs: 1_000, maxMs: 15 * 60_000 },
    signInDevice: { free: 10, baseMs: 1_000, maxMs: 60_000 },
    receipt: { free: 20, baseMs: 1_000, maxMs: 10 * 60_000 },
    residencyCode: { free: 10, baseMs: 5_000, maxMs: 30 * 60_000 },
  };
}

/** The wait that `failures` failures have earned under `rule`, in ms (0 within the allowance). */
export function waitFor(rule: ThrottleRule, failures: number): number {
  const over = failures - rule.free;
  if (over <= 0) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(over - 1, 30));
}

/** How long this key must wait before its next try, in ms (0: go ahead). */
export async function throttleWait(database: Database, key: string, now: Date): Promise<number> {
  const r = (await database.db.select().from(authThrottle).where(eq(authThrottle.key, key)).limit(1))[0];
  if (!r || now.getTime() - r.updatedAt.getTime() > DAY) return 0;
  return Math.max(0, r.blockedUntil.getTime() - now.getTime());
}

/** How many failures the key has now (0 after a quiet day). */
export async function throttleFailures(database: Database, key: string, now: Date): Promise<number> {
  const r = (await database.db.select().from(authThrottle).where(eq(authThrottle.key, key)).limit(1))[0];
  return !r || now.getTime() - r.updatedAt.getTime() > DAY ? 0 : r.failures;
}

/** Count a failed guess for each key (one transaction, read and written inside the write queue). */
export async function recordFailures(database: Database, entries: readonly { key: string; rule: ThrottleRule }[], now: Date): Promise<void> {
  if (entries.length === 0) return;
  await database.write(async (tx) => {
    for (const { key, rule } of entries) {
      const r = (await tx.select().from(authThrottle).where(eq(authThrottle.key, key)).limit(1))[0];
      const failures = r && now.getTime() - r.updatedAt.getTime() <= DAY ? r.failures + 1 : 1;
      const row = { failures, blockedUntil: new Date(now.getTime() + waitFor(rule, failures)), updatedAt: now };
      await tx.insert(authThrottle).values({ key, ...row }).onConflictDoUpdate({ target: authThrottle.key, set: row });
    }
    // Keys quiet for a day mean nothing any more; a few are cleared with each failure, so the table stays small.
    await tx.delete(authThrottle).where(lt(authThrottle.updatedAt, new Date(now.getTime() - DAY)));
  });
}

/** Forget a key's failures (a trusted device that signed in correctly). */
export async function clearFailures(database: Database, key: string): Promise<void> {
  await database.write((tx) => tx.delete(authThrottle).where(eq(authThrottle.key, key)));
}

export type Throttled = { ok: false; code: 'rate_limited'; waitMs: number };

/**
 * Make a guess under throttles: refused (without trying) while any key must
 * wait; otherwise tried, and counted against every key when `missed` says the
 * guess was wrong.
 */
export async function guardGuess<T>(
  database: Database,
  keys: readonly { key: string; rule: ThrottleRule }[],
  now: Date,
  attempt: () => Promise<T>,
  missed: (r: T) => boolean,
): Promise<T | Throttled> {
  let wait = 0;
  for (const k of keys) wait = Math.max(wait, await throttleWait(database, k.key, now));
  if (wait > 0) return { ok: false, code: 'rate_limited', waitMs: wait };
  const r = await attempt();
  if (missed(r)) await recordFailures(database, keys, now);
  return r;
}
