/**
 * Add1 computes only some steps and proves the others (add1.ts). These tests
 * compare it with stepping one unit at a time on random elections, with each
 * way of skipping forced; add1-reference.test.ts does the same on the real
 * elections of the data folder.
 */
import { describe, expect, it } from 'vitest';
import { prepare } from './election.ts';
import { MesEngine } from './mes.ts';
import { runAdd1 } from './add1.ts';
import { randomElection } from './testing/random.ts';
import { allFit, everyStep, WAYS } from './testing/every-step.ts';

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
