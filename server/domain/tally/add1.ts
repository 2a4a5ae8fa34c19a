/**
 * Add1 completion of MES (current definition, as in reference.json):
 * run MES with per-voter budget B/n, B/n + 1, B/n + 2, ... (one currency unit
 * per voter per step); stop at the first outcome that is exhaustive (no
 * further project with at least one vote fits the remaining budget), or, when
 * an outcome costs more than B, return the previous one. If all projects
 * together fit the budget, all are funded (handled by the caller).
 *
 * Only some steps are computed, exactly; every other step is proven to fund the
 * same projects in the same order as a computed one, so the first step that
 * stops is the one stepping one unit at a time would find. Two ways, switched
 * by how far the proofs reach:
 *  - stepping: each run also proves that the next few steps give the same
 *    outcome (MesEngine probing, one-sided); where the funding order changes
 *    every step or two, this is the cheapest;
 *  - jumping: where a run proves a longer stretch, compute a step further ahead
 *    (twice as far as the longest stretch proven so far, but no further than just
 *    after the first change the run's slopes predict) and prove the whole
 *    stretch from both ends (`sameRounds`); when that fails, compute a step in
 *    between, where the two runs' winners are guessed to cross, replaying the
 *    rounds proven the same all the way (`MesRunOptions.resume`), until every
 *    step is proven or computed.
 */

import type { Prepared } from './election.ts';
import { tieCompare } from './election.ts';
import { MesEngine } from './mes.ts';
import type { MesEval, MesRun, MesTrace } from './mes.ts';
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

/** Probing levels around `base`, the number of steps the last run proved. */
function probeLevels(base: number): number[] {
  return [...new Set([Math.max(1, Math.floor(base / 2)), base, base * 2, base * 4])].sort((x, y) => x - y);
}

/** A run that proves at least this many steps ahead switches stepping to jumping. */
const JUMP_AT = 8;
/** Jumping switches back to stepping when its last runs advanced less than this many steps each. */
const STEP_BELOW = 2;

/** A computed Add1 step. */
export interface Add1Node {
  readonly k: number;
  readonly trace: MesTrace;
  readonly totalCost: bigint;
  readonly stop: boolean;
  /** Its first `rounds` rounds fund the same projects at every step of [lo, hi] (it replayed them). */
  readonly span: { readonly lo: number; readonly hi: number; readonly rounds: number } | null;
}

// ---- rigorous float bounds ----

const U = 2 ** -51; // generous relative error bound per float operation (4x the unit roundoff)

/** x - y rounded down / up. */
const subLo = (x: number, y: number) => x - y - U * (Math.abs(x) + Math.abs(y));
const subHi = (x: number, y: number) => x - y + U * (Math.abs(x) + Math.abs(y));
/** x / d rounded down / up (d > 0). */
const divLo = (x: number, d: number) => (x / d) * (x > 0 ? 1 - U : 1 + U);
const divHi = (x: number, d: number) => (x / d) * (x > 0 ? 1 + U : 1 - U);

let poorBuf = new Uint8Array(256);

/**
 * An upper bound on the least a with sum cnt * min(b, a * w) >= c over the entries
 * (classes, weights, counts), given lower bounds b of the class budgets; Infinity if none
 * is found. A float estimate, certified by checking the sum at it with every rounding
 * against it. `hint`, an upper bound known already, gives a close start.
 */
function priceUpper(c: number, cls: Int32Array, w: Int32Array, cnt: Int32Array, bLo: Float64Array, hint = Infinity): number {
  const k = cls.length;
  let W = 0;
  let money = 0;
  for (let e = 0; e < k; e++) {
    W += cnt[e]! * w[e]!;
    money += cnt[e]! * bLo[cls[e]!]!;
  }
  if (!(money >= c) || W <= 0) return Infinity;
  // fixed point from below: F(a) = sum cnt*min(b, a*w) is concave, so a = (c - paid)/W over
  // the supporters who cannot pay a*w stays below the solution; one Newton step from above
  // (from the hint) lands below it too, closer
  let a = c / W;
  if (hint < Infinity) {
    let f = 0;
    let wr = 0;
    for (let e = 0; e < k; e++) {
      const b = bLo[cls[e]!]!;
      const t = hint * w[e]!;
      if (b < t) f += cnt[e]! * b;
      else {
        f += cnt[e]! * t;
        wr += cnt[e]! * w[e]!;
      }
    }
    if (f >= c && wr > 0) a = Math.max(a, hint - (f - c) / wr);
  }
  if (poorBuf.length < k) poorBuf = new Uint8Array(2 * k);
  const poor = poorBuf;
  let paid = 0;
  for (let e = 0; e < k; e++) {
    const b = bLo[cls[e]!]!;
    if (b < a * w[e]!) {
      poor[e] = 1;
      paid += cnt[e]! * b;
      W -= cnt[e]! * w[e]!;
    } else poor[e] = 0;
  }
  for (let it = 0; it < 100 && W > 0; it++) {
    a = (c - paid) / W;
    let changed = false;
    for (let e = 0; e < k; e++) {
      if (poor[e]) continue;
      const b = bLo[cls[e]!]!;
      if (b < a * w[e]!) {
        poor[e] = 1;
        changed = true;
        paid += cnt[e]! * b;
        W -= cnt[e]! * w[e]!;
      }
    }
    if (!changed) break;
  }
  if (W <= 0) return Infinity;
  for (const f of [1e-12, 1e-9, 1e-6]) {
    const cand = a * (1 + f);
    let g = 0;
    let mag = 0;
    for (let e = 0; e < k; e++) {
      const m = Math.min(bLo[cls[e]!]!, cand * w[e]!);
      g += cnt[e]! * m;
      mag += cnt[e]! * Math.abs(m);
    }
    if (g - 4 * U * (k + 2) * mag >= c) return cand;
  }
  return Infinity;
}

/** An upper bound of the money of the given voters (classes and counts), given upper budgets V. */
function poorMoney(cls: Int32Array, cnt: Float64Array, V: Float64Array): number {
  let s = 0;
  for (let i = 0; i < cls.length; i++) s += cnt[i]! * V[cls[i]!]!;
  return s * (1 + 4 * U * (cls.length + 2));
}

/** Lower budgets L of the classes that round j of run T made, its winner's price at most `chord`. */
function payLower(T: MesTrace, j: number, chord: number, L: Float64Array): void {
  for (let c = T.classStart[j]!; c < T.classStart[j + 1]!; c++) L[c] = subLo(L[T.cPar[c]!]!, chord * T.cW[c]! * (1 + U));
}

/** Upper budgets V of the classes that round j of run T made (its winner's price at least lb). */
function payUpper(P: Prepared, T: MesTrace, j: number, V: Float64Array): void {
  const win = T.win[j]!;
  const lb = divLo(subLo(Number(P.costs[T.winners[j]!]!), poorMoney(win.poorCls, win.poorCnt, V)), win.W);
  for (let c = T.classStart[j]!; c < T.classStart[j + 1]!; c++) V[c] = Math.max(0, subHi(V[T.cPar[c]!]!, lb * T.cW[c]! * (lb > 0 ? 1 - U : 1 + U)));
}

/** A run's lower and upper class budgets at its own per-voter budget, and its winners' price bounds. */
interface OwnBounds {
  readonly L: Float64Array;
  readonly V: Float64Array;
  readonly chord: Float64Array;
}

const OWN = new WeakMap<MesTrace, OwnBounds>();

function ownBounds(P: Prepared, T: MesTrace): OwnBounds {
  let o = OWN.get(T);
  if (o) return o;
  const L = new Float64Array(T.cPar.length);
  const V = new Float64Array(T.cPar.length);
  const chord = new Float64Array(T.winners.length);
  L[0] = T.b0F - T.b0E;
  V[0] = T.b0F + T.b0E;
  for (let j = 0; j < T.winners.length; j++) {
    chord[j] = priceUpper(Number(P.costs[T.winners[j]!]!), T.entCls[j]!, T.entW[j]!, T.entCnt[j]!, L);
    payLower(T, j, chord[j]!, L);
    payUpper(P, T, j, V);
  }
  o = { L, V, chord };
  OWN.set(T, o);
  return o;
}

/**
 * Bounds on prices at every per-voter budget t between two runs a (budget t1) and b (budget
 * t2 > t1), for rounds that fund the same projects in both (see `sameRounds` for why they
 * hold), computed round by round (class 0 is the root, budget t, in every run):
 *  - lower budgets L(t), affine in t, along run a's classes: voters who still had money after
 *    paying in full at t1 pay in full at every t (more money, lower prices), so
 *    L = parent - w * (chord of the price under L); the others (no class in run a) count 0.
 *    The price of a project under L is convex in t, so below its chord between t1 and t2,
 *    and above its true price;
 *  - upper budgets V(t), convex in t, along run b's classes: V = max(0, parent - w * lb),
 *    where lb = (c - V of the poor) / (weight of the others) is a lower bound of the price for
 *    any budgets below V (the poor pay at most V, the others a*w), concave in t; voters who
 *    had paid all they had at t2 (no class in run b) had paid all at every t too.
 */
class PriceBounds {
  private readonly P: Prepared;
  private readonly A: MesTrace;
  private readonly B: MesTrace;
  /** Run a's classes: lower budgets at t1 (the same for every pair with run a on the left) and at t2. */
  private readonly L1: Float64Array;
  private readonly L2: Float64Array;
  /** Run b's classes: upper budgets at t1 and at t2 (the same for every pair with run b on the right). */
  private readonly V1: Float64Array;
  private readonly V2: Float64Array;
  private readonly chord1: Float64Array;
  /** Rounds paid so far. */
  private done = 0;
  private chordFor = -1;
  private c2 = NaN;

  constructor(P: Prepared, A: MesTrace, B: MesTrace) {
    this.P = P;
    this.A = A;
    this.B = B;
    const ownA = ownBounds(P, A);
    this.L1 = ownA.L;
    this.chord1 = ownA.chord;
    this.V2 = ownBounds(P, B).V;
    this.L2 = new Float64Array(A.cPar.length);
    this.V1 = new Float64Array(B.cPar.length);
    this.L2[0] = B.b0F - B.b0E;
    this.V1[0] = A.b0F + A.b0E;
  }

  /** Upper bounds on the price (payment per point) of run a's winner of the next round at t1 and t2. */
  chord(): [number, number] {
    const j = this.done;
    const c1 = this.chord1[j]!;
    if (this.chordFor !== j) {
      const A = this.A;
      // budgets under L grow with t, so the bound at t1 holds at t2 too
      const c2 = c1 < Infinity ? priceUpper(Number(this.P.costs[A.winners[j]!]!), A.entCls[j]!, A.entW[j]!, A.entCnt[j]!, this.L2, c1) : c1;
      this.c2 = Math.min(c1, c2);
      this.chordFor = j;
    }
    return [c1, this.c2];
  }

  /**
   * Is competitor o's rho, in the next round, above h1 at t1 and above h2 at t2, hence (as a
   * constant, or a concave function) above the line between them at every t? From o's latest
   * evaluation in run b: its rho then is a lower bound (budgets only fall, in a run and
   * towards t1), and so is (c - V of its poor)/(weight of the others).
   */
  above(o: number, h1: number, h2: number): boolean {
    const P = this.P;
    const B = this.B;
    const j = this.done;
    const co = Number(P.costs[o]!);
    const ev = B.evals[o]!;
    let e = ev.length - 1;
    while (e >= 0 && ev[e]!.round > j) e--;
    let constLb: number;
    if (e >= 0) constLb = divLo(subLo(ev[e]!.aF, ev[e]!.aE), co);
    else if (j < B.firstRound) return false;
    else if (B.startLb) constLb = B.startLb[o]!;
    else constLb = divLo(1, P.scores[o]!); // rho >= cost / total utility
    if (constLb > Math.max(h1, h2)) return true;
    if (e < 0) return false;
    const E = ev[e]!;
    const l1 = divLo(divLo(subLo(co, poorMoney(E.poorCls, E.poorCnt, this.V1)), E.W), co);
    const l2 = divLo(divLo(subLo(co, poorMoney(E.poorCls, E.poorCnt, this.V2)), E.W), co);
    return l1 > h1 && l2 > h2;
  }

  /** Pays the next round: the classes it made, in both runs. */
  pay(): void {
    const j = this.done;
    payLower(this.A, j, this.chord()[1], this.L2);
    payUpper(this.P, this.B, j, this.V1);
    this.done++;
  }
}

/** May project o win round j in run b's state (not the winner w, a clone of it, or out)? */
function competes(P: Prepared, clone: Int32Array, B: MesTrace, o: number, j: number, w: number): boolean {
  if (o === w || clone[o] === clone[w] || P.scores[o]! <= 0 || P.costs[o] === 0n) return false;
  const out = B.outRound[o]!;
  return out < 0 || out > j;
}

/**
 * How many rounds fund the same projects, in the same order, at every per-voter budget t
 * between runs a and b (a.k < b.k, budgets t1 < t2).
 *
 * Why (by induction over the rounds; rounds before j fund the same projects everywhere in
 * [t1, t2]): budgets are monotone in t, since a payment min(money, a*w) leaves
 * max(0, money - a*w) and more money means lower prices. So a project unaffordable in run b
 * is unaffordable at every t, a's winner of round j is affordable everywhere, its price is at
 * most the chord of its price under the lower budgets, and every competitor's is at least a
 * constant or concave lower bound (PriceBounds); comparing both at t1 and t2 suffices, with
 * the winner strictly cheaper. Clones of the winner tie with it everywhere and lose its
 * tie-break, as they did in run a.
 */
export function sameRounds(P: Prepared, clone: Int32Array, a: Add1Node, b: Add1Node): number {
  let known = 0;
  for (const s of [a.span, b.span]) if (s && s.lo <= a.k && b.k <= s.hi) known = Math.max(known, s.rounds);
  const A = a.trace;
  const B = b.trace;
  const R = Math.min(A.winners.length, B.winners.length);
  const bounds = new PriceBounds(P, A, B);
  for (let j = 0; j < R; j++) {
    const q = A.winners[j]!;
    if (B.winners[j] !== q) return j;
    if (j >= known) {
      const [c1, c2] = bounds.chord();
      if (!(c1 < Infinity)) return j;
      const cq = Number(P.costs[q]!);
      const h1 = divHi(c1, cq);
      const h2 = divHi(c2, cq);
      // a winner whose supporters with money all paid in full at t1 had rho = 1/W there (W
      // their weight), and at most that at every t; a competitor's rho is at least 1/score:
      // one with score below W is never cheaper, with score W it loses ties if the tie-break
      // says so (exact, for ties that floats cannot see: e.g. two projects every supporter
      // pays in full, with the same score)
      const W = A.win[j]!.poorCls.length === 0 ? A.win[j]!.W : -1;
      for (let o = 0; o < P.m; o++) {
        if (!competes(P, clone, B, o, j, q)) continue;
        if (P.scores[o]! < W || (P.scores[o] === W && tieCompare(P, q, o) < 0)) continue;
        if (!bounds.above(o, h1, h2)) return j;
      }
    }
    bounds.pay();
  }
  return R;
}

/** The latest value of o's rho in a traced run, up to round j (NaN if never evaluated). */
function rhoAt(P: Prepared, t: MesTrace, o: number, j: number): number {
  if (t.winners[j] === o) return t.win[j]!.aF / Number(P.costs[o]!);
  const ev = t.evals[o]!;
  for (let e = ev.length - 1; e >= 0; e--) if (ev[e]!.round <= j) return ev[e]!.aF / Number(P.costs[o]!);
  return NaN;
}

/**
 * The step to compute between runs a and b that first fund different projects in round r:
 * where the two winners' rho cross, by linear interpolation, else the middle. `weightA` and
 * `weightB` halve an end that stayed put (the Illinois rule). Only speed depends on it.
 */
function guessBetween(P: Prepared, a: Add1Node, b: Add1Node, r: number, weightA: number, weightB: number): number {
  const mid = a.k + ((b.k - a.k) >> 1);
  if (b.k - a.k <= 2) return mid;
  const q = a.trace.winners[r];
  const o = b.trace.winners[r];
  if (q === undefined || o === undefined || q === o) return mid;
  const g0 = (rhoAt(P, a.trace, o, r) - rhoAt(P, a.trace, q, r)) * weightA;
  const g1 = (rhoAt(P, b.trace, o, r) - rhoAt(P, b.trace, q, r)) * weightB;
  if (!(g0 > 0 && g1 < 0)) return mid;
  const at = Math.floor(a.k + ((b.k - a.k) * g0) / (g0 - g1));
  return Math.min(Math.max(at, a.k + 1), b.k - 1);
}

/**
 * Derivatives, with respect to the per-voter budget, of the class budgets of a traced run,
 * holding its winners and who paid all they had fixed: the root grows one for one, a class
 * made by paying winner j loses w times the derivative of that winner's payment per point,
 * and a payment per point a = (c - money of the poor) / W moves by minus the poor's
 * derivative over W. Floats, only to guess where prices cross.
 */
function classSlopes(t: MesTrace): Float64Array {
  const d = new Float64Array(t.cPar.length);
  for (let c = 0; c < t.classStart[0]!; c++) d[c] = t.cPar[c]! === -1 ? 1 : 0;
  for (let j = 0; j < t.winners.length; j++) {
    const da = slopeOf(d, t.win[j]!);
    for (let c = t.classStart[j]!; c < t.classStart[j + 1]!; c++) d[c] = d[t.cPar[c]!]! - t.cW[c]! * da;
  }
  return d;
}

function slopeOf(d: Float64Array, e: MesEval): number {
  let s = 0;
  for (let i = 0; i < e.poorCls.length; i++) s += e.poorCnt[i]! * d[e.poorCls[i]!]!;
  return e.W > 0 ? -s / e.W : 0;
}

/**
 * How many steps after run t some round's winner is first predicted to be overtaken by a
 * project evaluated in the same round (where their rho cross, each moving along its slope);
 * Infinity if none. Only speed depends on it.
 */
function predictedChange(P: Prepared, t: MesTrace, step: number): number {
  const d = classSlopes(t);
  const rho = new Float64Array(t.winners.length);
  const slope = new Float64Array(t.winners.length);
  for (let j = 0; j < t.winners.length; j++) {
    const c = Number(P.costs[t.winners[j]!]!);
    rho[j] = t.win[j]!.aF / c;
    slope[j] = (slopeOf(d, t.win[j]!) / c) * step;
  }
  let best = Infinity;
  for (let o = 0; o < P.m; o++) {
    const c = Number(P.costs[o]!);
    for (const e of t.evals[o]!) {
      const j = e.round;
      if (j >= t.winners.length || t.winners[j] === o) continue;
      const gap = e.aF / c - rho[j]!;
      const s = (slopeOf(d, e) / c) * step - slope[j]!;
      if (s < 0 && gap >= 0) best = Math.min(best, gap / -s);
    }
  }
  return best;
}

/** Tuning, for tests: a run that proves `jumpAt` steps ahead switches to jumping (default 8; 0: always jump). */
export interface Add1Tuning {
  readonly jumpAt?: number;
}

export function runAdd1(P: Prepared, stepUnits: bigint, engine: MesEngine = new MesEngine(P), tuning: Add1Tuning = {}): Add1Result {
  // the proofs of jumping take costs as floats: only when they are exact
  const jumpAt = P.costs.every((c) => c < 2n ** 53n) ? (tuning.jumpAt ?? JUMP_AT) : Infinity;
  const n = BigInt(Math.max(1, P.n));
  const budgetAt = (k: number): Rat => ({ n: P.budget + BigInt(k) * stepUnits * n, d: n });
  let runs = 0;
  const stops = (run: MesRun) => run.totalCost > P.budget || isExhaustive(P, run);
  const compute = (k: number, reference: MesTrace | undefined, span: Add1Node['span'], resume?: { prefix: readonly number[]; lb: Float64Array }): Add1Node => {
    const run = engine.run(budgetAt(k), { trace: true, reference, resume });
    runs++;
    return { k, trace: run.trace!, totalCost: run.totalCost, stop: stops(run), span };
  };
  /** Step k is the first that stops (its outcome cost totalCost). */
  const finish = (k: number, totalCost: bigint): Add1Result => {
    if (totalCost > P.budget) {
      // k > 0: plain MES never overspends
      const chosen = k - 1;
      const rec = engine.run(budgetAt(chosen), { record: true });
      return {
        run: rec,
        perVoterBudget: budgetAt(chosen),
        steps: chosen,
        stop: 'next-step-over-budget',
        nextStep: { steps: k, perVoterBudget: budgetAt(k), totalCost },
        runs: runs + 1,
      };
    }
    const rec = engine.run(budgetAt(k), { record: true });
    return { run: rec, perVoterBudget: budgetAt(k), steps: k, stop: 'exhaustive', runs: runs + 1 };
  };
  // (weak: runs left behind can go)
  const proven = new WeakMap<Add1Node, WeakMap<Add1Node, number>>();
  const rounds = (x: Add1Node, y: Add1Node): number => {
    let m = proven.get(x);
    if (!m) proven.set(x, (m = new WeakMap()));
    let r = m.get(y);
    if (r === undefined) m.set(y, (r = sameRounds(P, engine.clones(), x, y)));
    return r;
  };

  // every step before k is known not to stop
  let k = 0;
  for (;;) {
    // stepping: each run proves the next K steps (K found among a few levels around the last
    // K; when proofs keep failing, only every 4th run tries, as they cost some time)
    let base = 1;
    let failures = 0;
    let K = 0;
    for (;;) {
      const levels = failures >= 3 && failures % 4 !== 3 ? [] : failures >= 3 ? [1, 2] : probeLevels(base);
      const run = engine.run(budgetAt(k), { probe: { step: stepUnits, levels } });
      runs++;
      if (stops(run)) return finish(k, run.totalCost);
      K = run.probeSteps;
      k += K + 1;
      if (K >= jumpAt) break;
      base = K > 0 ? K : Math.max(1, Math.floor(base / 4));
      failures = K > 0 ? 0 : failures + 1;
    }
    // jumping, from the last step proven (same outcome as the run that proved it)
    let cur = compute(k - 1, undefined, null);
    const ahead: Add1Node[] = [];
    let stride = Math.max(1, 2 * K);
    let last = { a: -1, b: -1 };
    let keptA = 0;
    let keptB = 0;
    // steps advanced by the last runs, to notice when stepping would do better
    const recent: number[] = [];
    let sinceRun = 0;
    for (;;) {
      // every step up to cur.k is known not to stop
      if (ahead.length === 0) {
        if (recent.length === 16 && recent.reduce((x, y) => x + y, 0) < STEP_BELOW * 16) break;
        // no further than the first step after the change its slopes predict
        const to = Math.min(stride, Math.floor(predictedChange(P, cur.trace, Number(stepUnits))) + 1);
        ahead.push(compute(cur.k + to, cur.trace, null));
        recent.push(sinceRun);
        sinceRun = 0;
        if (recent.length > 16) recent.shift();
      }
      const next = ahead[0]!;
      const R = cur.trace.winners.length;
      const r = rounds(cur, next);
      const same = r === R && next.trace.winners.length === R;
      if (same || next.k === cur.k + 1) {
        if (next.stop) return finish(next.k, next.totalCost);
        if (same) stride = Math.max(stride, 2 * (next.k - cur.k));
        sinceRun += next.k - cur.k;
        ahead.shift();
        cur = next;
        continue;
      }
      // compute a step in between, replaying the rounds proven the same all the way
      keptA = last.a === cur.k ? keptA + 1 : 0;
      keptB = last.b === next.k ? keptB + 1 : 0;
      last = { a: cur.k, b: next.k };
      const at = guessBetween(P, cur, next, r, 0.5 ** Math.max(0, keptA - 1), 0.5 ** Math.max(0, keptB - 1));
      let rr = r;
      while (rr > 0 && !next.trace.lbAfter[rr - 1]) rr--;
      const resume = rr > 0 ? { prefix: next.trace.winners.slice(0, rr), lb: next.trace.lbAfter[rr - 1]! } : undefined;
      ahead.unshift(compute(at, cur.trace, r > 0 ? { lo: cur.k, hi: next.k, rounds: r } : null, resume));
      recent.push(sinceRun);
      sinceRun = 0;
      if (recent.length > 16) recent.shift();
    }
    k = cur.k + 1;
  }
}
