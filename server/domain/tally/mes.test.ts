import { describe, expect, it } from 'vitest';
import { prepare } from './election.ts';
import { MesEngine, equalShare } from './mes.ts';
import { runAdd1, isExhaustive, sameRounds } from './add1.ts';
import type { Add1Node } from './add1.ts';
import { tally, RULES } from './tally.ts';
import { slowMes, slowAdd1 } from './testing/slow-mes.ts';
import { randomElection, rng } from './testing/random.ts';

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

  it('whatever sameRounds proves between two runs holds at every step in between (800 random pairs)', () => {
    let proven = 0;
    let whole = 0;
    for (const seed of SEEDS) {
      const P = prepare(randomElection(seed * 31, { maxVoters: 40, maxProjects: 9 }));
      const n = BigInt(Math.max(1, P.n));
      const budget = (k: number) => ({ n: P.budget + BigInt(k) * P.unit * n, d: n });
      const engine = new MesEngine(P);
      const clone = engine.clones();
      const r = rng(seed);
      for (let pair = 0; pair < 2; pair++) {
        const k1 = Math.floor(r() * 40);
        const k2 = k1 + 1 + Math.floor(r() * (r() < 0.5 ? 4 : 60));
        const a = engine.run(budget(k1), { trace: true });
        const b = engine.run(budget(k2), { reference: a.trace });
        const node = (k: number, run: typeof a): Add1Node => ({ k, trace: run.trace!, totalCost: run.totalCost, stop: false, span: null });
        const rounds = sameRounds(P, clone, node(k1, a), node(k2, b));
        const zero = a.order.length - a.trace!.winners.length; // zero-cost projects come first
        const full = rounds === a.trace!.winners.length && rounds === b.trace!.winners.length;
        if (rounds > 0) proven++;
        if (full) whole++;
        for (let k = k1 + 1; k < k2; k++) {
          const order = engine.run(budget(k)).order;
          expect(order.slice(0, zero + rounds), `seed ${seed} steps ${k1}..${k2} at ${k}`).toEqual(a.order.slice(0, zero + rounds));
          if (full) expect(order, `seed ${seed} steps ${k1}..${k2} at ${k}`).toEqual(a.order);
        }
      }
    }
    // the property is not vacuous
    expect(proven).toBeGreaterThan(200);
    expect(whole).toBeGreaterThan(100);
  });

  it('a run replaying rounds proven the same funds what a fresh run funds', () => {
    let replayed = 0;
    for (const seed of SEEDS) {
      const P = prepare(randomElection(seed * 17, { maxVoters: 40, maxProjects: 9 }));
      const n = BigInt(Math.max(1, P.n));
      const budget = (k: number) => ({ n: P.budget + BigInt(k) * P.unit * n, d: n });
      const engine = new MesEngine(P);
      const k1 = seed % 7;
      const k2 = k1 + 2 + (seed % 23);
      const a = engine.run(budget(k1), { trace: true });
      const b = engine.run(budget(k2), { reference: a.trace });
      const node = (k: number, run: typeof a): Add1Node => ({ k, trace: run.trace!, totalCost: run.totalCost, stop: false, span: null });
      let rounds = sameRounds(P, engine.clones(), node(k1, a), node(k2, b));
      while (rounds > 0 && !b.trace!.lbAfter[rounds - 1]) rounds--;
      if (rounds === 0) continue;
      replayed++;
      const mid = k1 + 1 + (seed % (k2 - k1 - 1));
      const resumed = engine.run(budget(mid), { resume: { prefix: b.trace!.winners.slice(0, rounds), lb: b.trace!.lbAfter[rounds - 1]! } });
      const fresh = engine.run(budget(mid));
      expect(resumed.order, `seed ${seed}`).toEqual(fresh.order);
      expect(resumed.totalCost).toBe(fresh.totalCost);
    }
    expect(replayed).toBeGreaterThan(100);
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
