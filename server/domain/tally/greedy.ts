/**
 * Greedy by votes: order projects by approval count (or total points), fund
 * each one that still fits the remaining budget. Exact BigInt money.
 */

import type { Prepared } from './election.ts';
import { tieCompare } from './election.ts';

export type GreedyOutcome =
  | { readonly kind: 'funded'; readonly rank: number; readonly remainingBefore: bigint }
  | { readonly kind: 'did-not-fit'; readonly rank: number; readonly remaining: bigint }
  | { readonly kind: 'below-threshold'; readonly threshold: number }
  | { readonly kind: 'stopped'; readonly rank: number; readonly stoppedAt: number };

export interface GreedyOptions {
  /** Projects already funded (e.g. by MES); they are not reconsidered. */
  readonly initial?: readonly number[];
  /** Projects whose score is below this are removed first. */
  readonly threshold?: number;
  /** greedy-no-skip: stop at the first project that does not fit. */
  readonly noSkip?: boolean;
}

export interface GreedyResult {
  /** Projects funded by this greedy pass, in funding order. */
  readonly added: number[];
  readonly totalCost: bigint;
  /** For every project not in `initial`. */
  readonly outcomes: Map<number, GreedyOutcome>;
}

/** Projects in greedy order: score descending, then the reference tie-breaking. */
export function greedyOrder(P: Prepared, projects: readonly number[]): number[] {
  return [...projects].sort((a, b) => P.scores[b]! - P.scores[a]! || tieCompare(P, a, b));
}

export function runGreedy(P: Prepared, opts: GreedyOptions = {}): GreedyResult {
  const initial = new Set(opts.initial ?? []);
  let spent = 0n;
  for (const p of initial) spent += P.costs[p]!;
  const outcomes = new Map<number, GreedyOutcome>();
  const candidates: number[] = [];
  for (let p = 0; p < P.m; p++) {
    if (initial.has(p)) continue;
    if (opts.threshold !== undefined && P.scores[p]! < opts.threshold) {
      outcomes.set(p, { kind: 'below-threshold', threshold: opts.threshold });
      continue;
    }
    candidates.push(p);
  }
  const order = greedyOrder(P, candidates);
  const added: number[] = [];
  let stoppedAt = -1;
  order.forEach((p, i) => {
    const rank = i + 1;
    const remaining = P.budget - spent;
    if (stoppedAt >= 0) {
      outcomes.set(p, { kind: 'stopped', rank, stoppedAt });
      return;
    }
    if (P.costs[p]! <= remaining) {
      outcomes.set(p, { kind: 'funded', rank, remainingBefore: remaining });
      added.push(p);
      spent += P.costs[p]!;
    } else {
      outcomes.set(p, { kind: 'did-not-fit', rank, remaining });
      if (opts.noSkip) stoppedAt = p;
    }
  });
  return { added, totalCost: spent, outcomes };
}
