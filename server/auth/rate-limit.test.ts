import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rate-limit.ts';

describe('token bucket', () => {
  it('allows up to the maximum and then says how long to wait', () => {
    const b = new TokenBucket(3, 1000);
    expect([b.consume('ip', 1, 0), b.consume('ip', 1, 0), b.consume('ip', 1, 0)]).toEqual([0, 0, 0]);
    expect(b.consume('ip', 1, 100)).toBe(900);
  });

  it('refills one token per interval and keeps keys apart', () => {
    const b = new TokenBucket(1, 1000);
    expect(b.consume('a', 1, 0)).toBe(0);
    expect(b.consume('b', 1, 0)).toBe(0);
    expect(b.consume('a', 1, 999)).toBeGreaterThan(0);
    expect(b.consume('a', 1, 1000)).toBe(0);
  });
});
