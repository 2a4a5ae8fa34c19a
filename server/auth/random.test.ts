import { describe, expect, it } from 'vitest';
import { randomBytes } from './random.ts';
import { randomToken } from './sessions.ts';

describe('random bytes from the pool', () => {
  it('never hands out the same bytes twice, across many refills of the pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(Buffer.from(randomBytes(16)).toString('hex'));
    expect(seen.size).toBe(20_000);
    expect(new Set(Array.from({ length: 5_000 }, () => randomToken())).size).toBe(5_000);
  });

  it('spreads over every byte value about evenly (no zeroed or stuck bytes)', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 4_000; i++) for (const b of randomBytes(64)) counts[b]!++;
    // 256,000 bytes: 1,000 expected per value; 6 standard deviations is about ±190.
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
  });

  it('serves a request larger than the pool from the generator directly', () => {
    const big = randomBytes(10_000);
    expect(big.length).toBe(10_000);
    expect(new Set(big).size).toBeGreaterThan(200);
  });
});
