/**
 * Add1 by running every step, the reference the Add1 tests compare its
 * skipping with (add1.test.ts on random elections, add1-reference.test.ts on
 * the real elections of the data folder).
 */
import type { Prepared } from '../election.ts';
import { MesEngine } from '../mes.ts';
import { isExhaustive } from '../add1.ts';

/** Add1 by running every step: [funding order, steps, stop]. */
export function everyStep(P: Prepared, step: bigint): [number[], number, string] {
  const n = BigInt(Math.max(1, P.n));
  const engine = new MesEngine(P);
  let prev: number[] = [];
  for (let k = 0; ; k++) {
    const r = engine.run({ n: P.budget + BigInt(k) * step * n, d: n });
    if (r.totalCost > P.budget) return [prev, k - 1, 'next-step-over-budget'];
    if (isExhaustive(P, r)) return [r.order, k, 'exhaustive'];
    prev = r.order;
  }
}

export const allFit = (P: Prepared) => P.costs.reduce((s, c) => s + c, 0n) <= P.budget;

// stepping only, jumping from the first run on, and the default switch between them
export const WAYS = [{ jumpAt: Infinity }, { jumpAt: 0 }, {}] as const;

