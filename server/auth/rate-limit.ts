/**
 * @module Token-bucket rate limiter (the Lucia guide's recipe). In memory, per
 * process: enough for one server; a city-wide deployment behind several
 * processes would move buckets into the shared database.
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

/** The sign-in bucket's key: one address trying one name (the API and the sign-in page use the same). */
export function signInKey(address: string, login: string): string {
  return `${address}|${login.toLowerCase()}`;
}

export type RateLimiters = { signIn: TokenBucket; signInPerAddress: TokenBucket; signUp: TokenBucket; verify: TokenBucket; comment: TokenBucket; propose: TokenBucket; vote: TokenBucket };

export function createRateLimiters(): RateLimiters {
  return {
    // Per address and sign-in name: 10 tries, then one more every 30 s; signing in successfully starts again at 10.
    signIn: new TokenBucket(10, 30_000),
    // Per address across all names: stops one address from sweeping many accounts.
    signInPerAddress: new TokenBucket(60, 2_000),
    signUp: new TokenBucket(5, 60_000),
    verify: new TokenBucket(10, 30_000),
    // Per account: a burst of 5 comments, then one a minute.
    comment: new TokenBucket(5, 60_000),
    // Per account: creating drafts and uploading files.
    propose: new TokenBucket(20, 30_000),
    // Per account: changing one's mind is fine; hammering the ballot box is not.
    vote: new TokenBucket(10, 3_000),
  };
}
