/**
 * A slow, obviously correct MES / Add1 for tests: one voter at a time, exact
 * rationals everywhere, straight from the definition. No grouping, no floats,
 * no lazy evaluation, no step skipping.
 */

import type { Prepared } from '../election.ts';
import { tieCompare } from '../election.ts';
import type { Rat } from '../rational.ts';
import { cmp, reduce, sub } from '../rational.ts';

interface Voter {
  weights: Map<number, number>;
}

function voters(P: Prepared): Voter[] {
  const out: Voter[] = [];
  for (let g = 0; g < P.groupCount; g++) {
    const weights = new Map<number, number>();
    for (let i = P.groupStart[g]!; i < P.groupStart[g + 1]!; i++) weights.set(P.groupProj[i]!, P.groupW[i]!);
    for (let k = 0; k < P.groupMult[g]!; k++) out.push({ weights });
  }
  // voters with empty ballots are not in any group but still count in n
  while (out.length < P.n) out.push({ weights: new Map() });
  return out;
}

/** MES with every voter starting at b0: funded projects in order. */
export function slowMes(P: Prepared, b0: Rat): number[] {
  const vs = voters(P);
  const budget: Rat[] = vs.map(() => reduce(b0));
  const order: number[] = [];
  const remaining = new Set<number>();
  for (let p = 0; p < P.m; p++) {
    if (P.scores[p]! <= 0) continue;
    if (P.costs[p] === 0n) order.push(p);
    else remaining.add(p);
  }
  for (;;) {
    let best = -1;
    let bestRho: Rat | null = null;
    for (const p of [...remaining]) {
      const c = P.costs[p]!;
      const sup = vs.map((v, i) => [i, v.weights.get(p) ?? 0] as const).filter(([, w]) => w > 0);
      let money: Rat = { n: 0n, d: 1n };
      for (const [i] of sup) money = reduce({ n: money.n * budget[i]!.d + budget[i]!.n * money.d, d: money.d * budget[i]!.d });
      if (cmp(money, { n: c, d: 1n }) < 0) {
        remaining.delete(p);
        continue;
      }
      // least a with sum_i min(b_i, a*w_i) = c: scan supporters by b_i / w_i
      const sorted = [...sup].sort((x, y) => cmp({ n: budget[x[0]]!.n, d: budget[x[0]]!.d * BigInt(x[1]) }, { n: budget[y[0]]!.n, d: budget[y[0]]!.d * BigInt(y[1]) }));
      let paid: Rat = { n: 0n, d: 1n };
      let W = sorted.reduce((s, [, w]) => s + w, 0);
      let a: Rat | null = null;
      for (const [i, w] of sorted) {
        const cand = reduce({ n: c * paid.d - paid.n, d: paid.d * BigInt(W) });
        // is voter i rich at cand? b_i >= cand * w
        if (cmp(budget[i]!, { n: cand.n * BigInt(w), d: cand.d }) >= 0) {
          a = cand;
          break;
        }
        paid = reduce({ n: paid.n * budget[i]!.d + budget[i]!.n * paid.d, d: paid.d * budget[i]!.d });
        W -= w;
      }
      if (a === null) throw new Error('unreachable: affordable project without price');
      const rho = reduce({ n: a.n, d: a.d * c });
      if (bestRho === null || cmp(rho, bestRho) < 0 || (cmp(rho, bestRho) === 0 && tieCompare(P, p, best) < 0)) {
        best = p;
        bestRho = rho;
      }
    }
    if (best < 0) return order;
    const a = reduce({ n: bestRho!.n * P.costs[best]!, d: bestRho!.d });
    vs.forEach((v, i) => {
      const w = v.weights.get(best) ?? 0;
      if (w === 0) return;
      const share: Rat = { n: a.n * BigInt(w), d: a.d };
      budget[i] = cmp(budget[i]!, share) <= 0 ? { n: 0n, d: 1n } : reduce(sub(budget[i]!, share));
    });
    order.push(best);
    remaining.delete(best);
  }
}

/** Add1 straight from the definition: every step, no skipping. Returns [funded, steps]. */
export function slowAdd1(P: Prepared, step: bigint): [number[], number] {
  let all = 0n;
  for (const c of P.costs) all += c;
  if (all <= P.budget) return [Array.from({ length: P.m }, (_, p) => p), 0];
  const n = BigInt(Math.max(1, P.n));
  let prev: number[] = [];
  for (let k = 0; ; k++) {
    const out = slowMes(P, { n: P.budget + BigInt(k) * step * n, d: n });
    let cost = 0n;
    for (const p of out) cost += P.costs[p]!;
    if (cost > P.budget) return [prev, k - 1];
    const inside = new Set(out);
    let exhaustive = true;
    for (let p = 0; p < P.m; p++) {
      if (!inside.has(p) && P.scores[p]! > 0 && P.costs[p]! > 0n && P.costs[p]! <= P.budget - cost) exhaustive = false;
    }
    if (exhaustive) return [out, k];
    prev = out;
    if (k > 100000) throw new Error('slowAdd1: too many steps');
  }
}
