/**
 * Add1 computes only some steps and proves the others (add1.ts). These tests
 * compare it with stepping one unit at a time, on random elections and on the
 * real elections of the data folder, with each way of skipping forced.
 */
import { describe, expect, it } from 'vitest';
import { prepare } from './election.ts';
import type { Prepared } from './election.ts';
import { MesEngine } from './mes.ts';
import { runAdd1, isExhaustive } from './add1.ts';
import { add1StepUnits } from './tally.ts';
import { randomElection } from './testing/random.ts';
import { parsePb, pbToElection } from '../pabulib/parse.ts';
import { pabulibDataOrSkip, pbFiles, readText } from './testing/data.ts';

/** Add1 by running every step: [funding order, steps, stop]. */
function everyStep(P: Prepared, step: bigint): [number[], number, string] {
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

const allFit = (P: Prepared) => P.costs.reduce((s, c) => s + c, 0n) <= P.budget;

// stepping only, jumping from the first run on, and the default switch between them
const WAYS = [{ jumpAt: Infinity }, { jumpAt: 0 }, {}] as const;

describe('Add1 skipping proven steps', () => {
  it('equals running every step on 300 random elections, stepping, jumping, or both', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const P = prepare(randomElection(seed * 104729, { maxVoters: 80, maxProjects: 10 }));
      if (allFit(P)) continue;
      const [order, steps, stop] = everyStep(P, P.unit);
      for (const tuning of WAYS) {
        const got = runAdd1(P, P.unit, new MesEngine(P), tuning);
        expect([got.run.order, got.steps, got.stop], `seed ${seed} ${JSON.stringify(tuning)}`).toEqual([order, Math.max(0, steps), stop]);
      }
    }
  });
});

const data = pabulibDataOrSkip();
// every step of Budapest 2024 (22,001 steps) and of its 8th district (51,514) takes minutes
const EVERY_STEP_TOO_SLOW = new Set(['Hungary_Budapest_2024.pb', 'Hungary_Budapest_2024_VIII_Jozsefvaros.pb']);

describe.skipIf(!data)('Add1 on the real elections of the data folder', () => {
  const files = data ? [...pbFiles(data.referenceDir).map((f) => data.referenceDir + f), ...pbFiles(data.moreDir).map((f) => data.moreDir + f)] : [];
  for (const path of files) {
    const file = path.split('/').pop()!;
    if (EVERY_STEP_TOO_SLOW.has(file)) continue;
    it(`equals running every step on ${file}, jumping, or stepping and jumping`, () => {
      const P = prepare(pbToElection(parsePb(readText(path), { voteFields: false })));
      if (allFit(P)) return;
      const step = add1StepUnits(P);
      const [order, steps, stop] = everyStep(P, step);
      // (stepping alone is what Add1 did before jumping existed; the random elections cover it)
      for (const tuning of WAYS.slice(1)) {
        const got = runAdd1(P, step, new MesEngine(P), tuning);
        expect([got.run.order, got.steps, got.stop], `${file} ${JSON.stringify(tuning)}`).toEqual([order, Math.max(0, steps), stop]);
      }
    }, 300_000);
  }
});
