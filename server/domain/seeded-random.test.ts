import { describe, expect, it } from 'vitest';
import { mulberry32 } from './seeded-random.ts';

describe('mulberry32', () => {
  it('gives the same numbers for the same seed, everywhere', () => {
    const r = mulberry32(42);
    expect([r(), r(), r()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    const z = mulberry32(0);
    expect([z(), z()]).toEqual([0.26642920868471265, 0.0003297457005828619]);
  });

  it('stays within 0 (included) and 1 (excluded)', () => {
    const r = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const x = r();
      expect(x >= 0 && x < 1, String(x)).toBe(true);
    }
  });
});
