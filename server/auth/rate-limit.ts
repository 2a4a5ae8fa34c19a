/**
 * @module Token-bucket rate limiter (the Lucia guide's recipe) against
 * flooding. In memory, per process: with several app instances a person gets
 * up to that many times the allowance, which is fine for flooding; guessing
 * is throttled in the shared database (throttle.ts).
 */
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
 * Buckets against flooding (not guessing): signing up, commenting, proposing
 * and voting. Guessing a password, a receipt or a residency code is
 * throttled in the database instead (throttle.ts), so that it holds across
 * app instances.
 */
export type RateLimiters = { signUp: TokenBucket; comment: TokenBucket; propose: TokenBucket; vote: TokenBucket };

export function createRateLimiters(): RateLimiters {
  return {
    signUp: new TokenBucket(5, 60_000),
    // Per account: a burst of 5 comments, then one a minute.
    comment: new TokenBucket(5, 60_000),
    // Per account: creating drafts and uploading files.
    propose: new TokenBucket(20, 30_000),
    // Per account: changing one's mind is fine; hammering the ballot box is not.
    vote: new TokenBucket(10, 3_000),
  };
}
