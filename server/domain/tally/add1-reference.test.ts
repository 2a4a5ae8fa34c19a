/**
 * Add1 on the real elections of the data folder (../shared/data, see
 * testing/data.ts): the same comparison with running every step as
 * add1.test.ts makes on random elections. Apart from it because it runs for
 * minutes on code instrumented by the mutation lane, which leaves it out
 * (vitest.mutation.config.ts).
 */
import { describe, expect, it } from 'vitest';
import { prepare } from './election.ts';
import { MesEngine } from './mes.ts';
import { runAdd1 } from './add1.ts';
import { add1StepUnits } from './tally.ts';
import { parsePb, pbToElection } from '../pabulib/parse.ts';
import { pabulibDataOrSkip, pbFiles, readText } from './testing/data.ts';
import { allFit, everyStep, WAYS } from './testing/every-step.ts';

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
