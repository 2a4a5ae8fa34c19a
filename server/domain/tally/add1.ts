/**
 * Add1 completion of MES (current definition, as in reference.json):
 * run MES with per-voter budget B/n, B/n + 1, B/n + 2, ... (one currency unit
 * per voter per step); stop at the first outcome that is exhaustive (no
 * further project with at least one vote fits the remaining budget), or, when
 * an outcome costs more than B, return the previous one. If all projects
 * together fit the budget, all are funded (handled by the caller).
 *
 * Steps whose outcome is provably identical to the current one are skipped
 * (MesEngine parametric mode), so the loop visits only the steps where the
 * run changes; every visited step is computed exactly.
 */

import type { Prepared } from './election.ts';
import { MesEngine } from './mes.ts';
import type { MesRun } from './mes.ts';
import type { Rat } from './rational.ts';

export type Add1Stop = 'exhaustive' | 'next-step-over-budget';

export interface Add1Result {
  /** The chosen MES run, recorded for explanations. */
  readonly run: MesRun;
  /** Per-voter budget of the chosen run (scaled units). */
  readonly perVoterBudget: Rat;
  /** Number of Add1 steps of the chosen run (0 = plain MES). */
  readonly steps: number;
  readonly stop: Add1Stop;
  /** When stop = next-step-over-budget: the first step whose outcome exceeded the budget. */
  readonly nextStep?: { readonly steps: number; readonly perVoterBudget: Rat; readonly totalCost: bigint };
  /** MES runs actually computed (diagnostics). */
  readonly runs: number;
}

/** True if no supported project outside the outcome fits in the remaining budget. */
export function isExhaustive(P: Prepared, run: MesRun): boolean {
  const inside = new Uint8Array(P.m);
  for (const p of run.order) inside[p] = 1;
  const left = P.budget - run.totalCost;
  for (let p = 0; p < P.m; p++) {
    if (inside[p] || P.scores[p]! <= 0 || P.costs[p] === 0n) continue;
    if (P.costs[p]! <= left) return false;
  }
  return true;
}

/** What Add1 needs to know about the MES run for one step. */
export interface Add1Step {
  readonly totalCost: bigint;
  readonly exhaustive: boolean;
  /** The run also proved that the next `probeSteps` steps give the same outcome. */
  readonly probeSteps: number;
}

/**
 * Optional helper that computes Add1 steps elsewhere (e.g. on another CPU core)
 * while this thread computes others. Steps are pure functions of (election, k,
 * levels), so any helper with the same election gives the same results; a step
 * is only used where it joins the steps already proven, so a slow or idle
 * helper never changes the result, it only saves time.
 */
export interface Add1Partner {
  /** Starts computing step k (only called when no step is outstanding); must not block. */
  start(k: number, levels: readonly number[]): void;
  /** The outstanding step's result if it is done within `waitMs` milliseconds, else null. */
  poll(waitMs: number): Add1Step | null;
}

/** Probing levels around `base`, the number of steps the last run proved. */
export function probeLevels(base: number): number[] {
  return [...new Set([Math.max(1, Math.floor(base / 2)), base, base * 2, base * 4])].sort((x, y) => x - y);
}

/** Runs the MES step k of Add1 (per-voter budget B/n + k*step) with probing. */
export function add1Step(P: Prepared, stepUnits: bigint, engine: MesEngine, k: number, levels: readonly number[]): Add1Step {
  const n = BigInt(Math.max(1, P.n));
  const run = engine.run({ n: P.budget + BigInt(k) * stepUnits * n, d: n }, { probe: { step: stepUnits, levels } });
  return { totalCost: run.totalCost, exhaustive: run.totalCost <= P.budget && isExhaustive(P, run), probeSteps: run.probeSteps };
}

export function runAdd1(P: Prepared, stepUnits: bigint, engine: MesEngine = new MesEngine(P), partner?: Add1Partner): Add1Result {
  const n = BigInt(Math.max(1, P.n));
  const budgetAt = (k: number): Rat => ({ n: P.budget + BigInt(k) * stepUnits * n, d: n });
  let k = 0;
  let covered = -1; // every step in 0..covered has a feasible, non-exhaustive outcome
  let runs = 0;
  // each run also tries to prove that the next K steps give the same outcome, for a few K around
  // the last K that worked
  let base = 1;
  let lastK = 0;
  // when proving keeps failing, prove only on every 4th run (the proof costs some time)
  let failures = 0;
  const overBudget = (at: number, cost: bigint): Add1Result => {
    // at > 0 here: plain MES never overspends
    const chosen = Math.max(at - 1, 0);
    const rec = engine.run(budgetAt(chosen), { record: true });
    return {
      run: rec,
      perVoterBudget: budgetAt(chosen),
      steps: chosen,
      stop: 'next-step-over-budget',
      nextStep: { steps: at, perVoterBudget: budgetAt(at), totalCost: cost },
      runs: runs + 1,
    };
  };
  const exhaustive = (at: number): Add1Result => {
    const rec = engine.run(budgetAt(at), { record: true });
    return { run: rec, perVoterBudget: budgetAt(at), steps: at, stop: 'exhaustive', runs: runs + 1 };
  };
  // helper bookkeeping: the outstanding step and finished steps not used yet
  let job = -1;
  const done = new Map<number, Add1Step>();
  const collect = (waitMs: number) => {
    if (!partner || job < 0) return;
    const r = partner.poll(waitMs);
    if (r) {
      done.set(job, r);
      job = -1;
    }
  };
  for (;;) {
    const levels = failures >= 3 && failures % 4 !== 3 ? [] : failures >= 3 ? [1, 2] : probeLevels(base);
    if (partner) {
      collect(0);
      // the helper speculates on the first step after what this run is expected to prove
      if (job < 0 && !done.has(k + lastK + 1)) {
        job = k + lastK + 1;
        partner.start(job, levels);
      }
      // the helper may just have finished this very step (never wait for it: on a busy
      // machine waiting costs more than computing the step again)
      if (job === k) collect(0);
    }
    let run = done.get(k);
    if (run) done.delete(k);
    else run = add1Step(P, stepUnits, engine, k, levels);
    runs++;
    if (run.totalCost > P.budget) return overBudget(k, run.totalCost);
    if (run.exhaustive) return exhaustive(k);
    const K = run.probeSteps;
    covered = k + K;
    // use finished helper steps that join what is proven
    collect(0);
    for (let again = true; again; ) {
      again = false;
      for (const [at, other] of done) {
        if (at <= covered + 1) {
          done.delete(at);
          if (at <= k) continue; // already decided
          if (other.totalCost > P.budget) return overBudget(at, other.totalCost);
          if (other.exhaustive) return exhaustive(at);
          if (at + other.probeSteps > covered) {
            covered = at + other.probeSteps;
            again = true;
          }
        }
      }
    }
    lastK = K;
    base = K > 0 ? K : Math.max(1, Math.floor(base / 4));
    failures = K > 0 ? 0 : failures + 1;
    k = covered + 1;
  }
}
