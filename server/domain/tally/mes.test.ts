import { describe, expect, it } from 'vitest';
import { prepare } from './election.ts';
import { MesEngine, equalShare } from './mes.ts';
import { runAdd1, add1Step, isExhaustive } from './add1.ts';
import type { Add1Partner } from './add1.ts';
import { tally, RULES } from './tally.ts';
import { slowMes, slowAdd1 } from './testing/slow-mes.ts';
import { randomElection } from './testing/random.ts';

const SEEDS = Array.from({ length: 400 }, (_, i) => i + 1);

describe('Method of Equal Shares on random small elections', () => {
  it('MES equals the slow, obviously correct implementation on 400 random elections', () => {
    for (const seed of SEEDS) {
      const P = prepare(randomElection(seed));
      const fast = new MesEngine(P).run(equalShare(P)).order;
      expect(fast, `seed ${seed}`).toEqual(slowMes(P, equalShare(P)));
    }
  });

  it('deciding every comparison exactly gives the same funding order as the float-filtered engine', () => {
    for (const seed of SEEDS) {
      const P = prepare(randomElection(seed, { maxVoters: 60, maxProjects: 10 }));
      const a = new MesEngine(P).run(equalShare(P)).order;
      const b = new MesEngine(P, { exact: true }).run(equalShare(P)).order;
      expect(a, `seed ${seed}`).toEqual(b);
    }
  });

  it('Add1 with step skipping equals stepping one unit at a time with the slow MES', () => {
    for (const seed of SEEDS.slice(0, 250)) {
      const P = prepare(randomElection(seed, { maxVoters: 12, maxProjects: 6 }));
      let all = 0n;
      for (const c of P.costs) all += c;
      if (all <= P.budget) continue;
      // a coarse step keeps the slow version quick: 5 currency units per voter per step
      const step = 5n * P.unit;
      const [want, wantSteps] = slowAdd1(P, step);
      const got = runAdd1(P, step);
      expect([...got.run.order].sort((x, y) => x - y), `seed ${seed}`).toEqual([...want].sort((x, y) => x - y));
      expect(got.steps, `seed ${seed}`).toBe(Math.max(0, wantSteps));
    }
  });

  it('Add1 skipping proven steps equals running every step, on 120 larger random elections', () => {
    for (const seed of SEEDS.slice(0, 120)) {
      const P = prepare(randomElection(seed * 7919, { maxVoters: 200, maxProjects: 12 }));
      let all = 0n;
      for (const c of P.costs) all += c;
      if (all <= P.budget) continue;
      const n = BigInt(Math.max(1, P.n));
      const engine = new MesEngine(P);
      let prev: number[] = [];
      let want: [number[], number] | null = null;
      for (let k = 0; k < 100_000 && !want; k++) {
        const r = engine.run({ n: P.budget + BigInt(k) * P.unit * n, d: n });
        if (r.totalCost > P.budget) want = [prev, k - 1];
        else if (isExhaustive(P, r)) want = [r.order, k];
        else prev = r.order;
      }
      const got = runAdd1(P, P.unit);
      expect(got.run.order, `seed ${seed}`).toEqual(want![0]);
      expect(got.steps, `seed ${seed}`).toBe(Math.max(0, want![1]));
    }
  });

  it('Add1 with a partner computing speculative steps gives the same result as without', () => {
    for (const seed of SEEDS.slice(0, 250)) {
      const P = prepare(randomElection(seed, { maxVoters: 20, maxProjects: 7 }));
      let all = 0n;
      for (const c of P.costs) all += c;
      if (all <= P.budget) continue;
      const step = 2n * P.unit;
      const other = new MesEngine(P);
      // a helper that is sometimes slow (its result shows up one poll later)
      let job: [number, readonly number[]] | null = null;
      let polls = 0;
      const partner: Add1Partner = {
        start: (k, levels) => void (job = [k, levels]),
        poll: () => {
          if (!job || ++polls % 3 === 0) return null;
          const r = add1Step(P, step, other, job[0], job[1]);
          job = null;
          return r;
        },
      };
      const a = runAdd1(P, step);
      const b = runAdd1(P, step, new MesEngine(P), partner);
      expect(b.steps, `seed ${seed}`).toBe(a.steps);
      expect(b.run.order, `seed ${seed}`).toEqual(a.run.order);
      expect(b.stop).toBe(a.stop);
    }
  });

  it('no rule ever exceeds the budget', () => {
    for (const seed of SEEDS) {
      const el = randomElection(seed);
      for (const rule of RULES) {
        const r = tally(el, rule);
        expect(Number(r.totalCost) <= Number(el.budget) + 1e-9, `seed ${seed} ${rule}`).toBe(true);
      }
    }
  });
});

describe('Method of Equal Shares by hand', () => {
  it('funds the project whose supporters can pay with the smallest equal share, and stops when nobody can pay', () => {
    // 4 voters, budget 40 => 10 each. A costs 20 (voters 1-4: 5 each), B costs 18 (voters 1-2: 9 each),
    // C costs 30 (voter 3 only: cannot).
    const P = prepare({
      budget: 40,
      projects: [
        { id: 'A', cost: 20 },
        { id: 'B', cost: 18 },
        { id: 'C', cost: 30 },
      ],
      ballots: [['A', 'B'], ['A', 'B'], ['A', 'C'], ['A']],
    });
    const run = new MesEngine(P).run(equalShare(P), { record: true });
    // A first (5 each, effective 4 votes); then B: voters 1-2 have 5 left each = 10 < 18 -> dropped.
    expect(run.order.map((p) => P.ids[p])).toEqual(['A']);
    expect(run.dropped!.get(1)!.round).toBe(1);
    expect(run.dropped!.get(1)!.money).toBe(10);
    expect(run.dropped!.get(2)!.money).toBeLessThan(30);
  });
});
