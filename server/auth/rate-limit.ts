/**
 * @module Token-bucket rate limiter (the Lucia guide's recipe) against
 * flooding, in memory (TokenBucket) or in the database (SharedTokenBucket,
 * below). In memory, per process: with several app instances a person gets
 * up to that many times the allowance, which is fine for flooding; guessing
 * is throttled in the shared database (throttle.ts).
 */
import { eq } from 'drizzle-orm';
import { authThrottle } from '#db/schema.ts';
import type { Database } from '#db/client.ts';

export class TokenBucket {
  private buckets = new Map<string, { tokens: number; refilledAt: number }>();
  readonly max: number;
  readonly refillIntervalMs: number;

  constructor(max: number, refillIntervalMs: number) {
    this.max = max;
    this.refillIntervalMs = refillIntervalMs;
  }

  /** Take `cost` tokens; returns 0 when allowed, else the milliseconds until it would be. */
  consume(key: string, cost: number, now: number): number {
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: this.max, refilledAt: now };
      this.buckets.set(key, b);
    }
    const refill = Math.floor((now - b.refilledAt) / this.refillIntervalMs);
    if (refill > 0) {
      b.tokens = Math.min(this.max, b.tokens + refill);
      b.refilledAt += refill * this.refillIntervalMs;
    }
    if (b.tokens >= cost) {
      b.tokens -= cost;
      if (this.buckets.size > 50_000) this.prune(now);
      return 0;
    }
    return b.refilledAt + this.refillIntervalMs * (cost - b.tokens) - now;
  }

  /** How many keys it holds (a full bucket unused long enough is forgotten once there are more than 50,000). */
  get size(): number {
    return this.buckets.size;
  }

  /** Forget a key's use (a full bucket again). */
  reset(key: string) {
    this.buckets.delete(key);
  }

  private prune(now: number) {
    for (const [k, b] of this.buckets) {
      if (now - b.refilledAt > this.refillIntervalMs * this.max) this.buckets.delete(k);
    }
  }
}

/**
 * The same bucket kept in the database (the guessing throttles' table,
 * auth_throttle, under keys `rate:<scope>:<name>:<key>`), so that every app
 * server on one libSQL server counts against one allowance. A consume is a
 * small write transaction: fine for signing up, commenting and proposing,
 * which people do a few times a day.
 */
export class SharedTokenBucket {
  readonly name: string;
  readonly max: number;
  readonly refillIntervalMs: number;
  readonly scope: string;

  constructor(scope: string, name: string, max: number, refillIntervalMs: number) {
    this.scope = scope;
    this.name = name;
    this.max = max;
    this.refillIntervalMs = refillIntervalMs;
  }

  /** Take `cost` tokens; 0 when allowed, else the milliseconds until it would be. Read and written in one transaction. */
  async consume(database: Database, key: string, cost: number, now: Date): Promise<number> {
    const id = `rate:${this.scope}:${this.name}:${key}`.slice(0, 200);
    const t = now.getTime();
    return database.write(async (tx) => {
      const row = (await tx.select().from(authThrottle).where(eq(authThrottle.key, id)).limit(1))[0];
      // The row keeps the tokens left (failures) and when the bucket was last refilled (updatedAt).
      let tokens = row ? row.failures : this.max;
      let refilledAt = row ? row.updatedAt.getTime() : t;
      const refill = Math.floor((t - refilledAt) / this.refillIntervalMs);
      if (refill > 0) {
        tokens = Math.min(this.max, tokens + refill);
        refilledAt += refill * this.refillIntervalMs;
      }
      if (tokens < cost) return refilledAt + this.refillIntervalMs * (cost - tokens) - t;
      const next = { failures: tokens - cost, blockedUntil: new Date(refilledAt), updatedAt: new Date(refilledAt) };
      await tx.insert(authThrottle).values({ key: id, ...next }).onConflictDoUpdate({ target: authThrottle.key, set: next });
      return 0;
    });
  }
}

/**
 * Buckets against flooding (not guessing): signing up, commenting and
 * proposing are counted in the database, shared by every app server;
 * voting in memory, per process. A ballot is the hottest write and a
 * bucket in the database would add a write to each; with several servers a
 * voter hammering the ballot box gets that many times the allowance, and
 * each ballot only replaces their last one. Guessing a password, a receipt
 * or a residency code is throttled in the database (throttle.ts).
 *
 * `scope` names whose allowance it is: every server of one site shares
 * 'site'; test fixtures that seed in bulk take their own.
 */
export type RateLimiters = { signUp: SharedTokenBucket; comment: SharedTokenBucket; propose: SharedTokenBucket; vote: TokenBucket };

export function createRateLimiters(scope = 'site'): RateLimiters {
  return {
    // Per address: five sign-ups, then one a minute.
    signUp: new SharedTokenBucket(scope, 'sign_up', 5, 60_000),
    // Per account: a burst of 5 comments, then one a minute.
    comment: new SharedTokenBucket(scope, 'comment', 5, 60_000),
    // Per account: creating drafts and uploading files.
    propose: new SharedTokenBucket(scope, 'propose', 20, 30_000),
    // Per account: changing one's mind is fine; hammering the ballot box is not.
    vote: new TokenBucket(10, 3_000),
  };
}
