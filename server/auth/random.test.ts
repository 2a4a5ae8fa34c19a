import { describe, expect, it } from 'vitest';
import { randomBytes, randomSymbols } from './random.ts';
import { newVerificationCode } from '../services/residents.ts';
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

describe('random symbols', () => {
  const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  /** A byte source that hands out 0, 1, …, 255 in turn, then again. */
  const sweep = () => {
    let next = 0;
    return (n: number) => Uint8Array.from({ length: n }, () => next++ % 256);
  };

  it('give every symbol of a 31-symbol alphabet exactly 8 of the 256 byte values, drawing the other 8 again (no modulo bias)', () => {
    // One pass over every byte value: 248 usable bytes, then 248 symbols.
    const s = randomSymbols(ALPHABET, 248, sweep());
    const counts = new Map<string, number>();
    for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe([...ALPHABET].sort().join(''));
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });

  it('skip the bytes past the last whole multiple of the alphabet', () => {
    expect(randomSymbols(ALPHABET, 3, () => Uint8Array.from([248, 255, 0, 30, 31, 250, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe('A9A');
    expect(randomSymbols('AB', 4, () => Uint8Array.from([0, 1, 255, 254, ...new Array(12).fill(0)]))).toBe('ABBA');
  });

  it('take alphabets of 1 to 256 symbols and refuse an empty or a longer one', () => {
    expect(randomSymbols('A', 3, sweep())).toBe('AAA');
    const every = Array.from({ length: 256 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    expect(randomSymbols(every, 256, sweep())).toBe(every);
    expect(() => randomSymbols('', 1, sweep())).toThrow(new RangeError('alphabet must have 1 to 256 symbols'));
    expect(() => randomSymbols(every + 'x', 1, sweep())).toThrow(new RangeError('alphabet must have 1 to 256 symbols'));
  });

  it('make residency codes of eight such symbols', () => {
    expect(newVerificationCode(sweep())).toBe('ABCD-EFGH');
    expect(newVerificationCode(() => Uint8Array.from([252, ...new Array(15).fill(30)]))).toBe('9999-9999');
    expect(newVerificationCode()).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  });
});
