/**
 * The Method of Equal Shares with cost utilities, decided exactly.
 *
 * Definition (pabutools 1.2, equalshares.net): every voter starts with the
 * same budget b0. A project p with cost c can be bought if its supporters hold
 * at least c in total; its price per unit of utility rho is the least value
 * with sum_i min(b_i, rho * u_i(p)) = c, where u_i(p) = w_i(p) * c (w = 1 for
 * an approval, the points for cumulative ballots, the positional points for
 * ordinal ballots). Each round funds the project with the least rho (ties:
 * lower cost, more votes/points, natural order of id) and each supporter pays
 * min(b_i, rho * u_i(p)). It stops when no remaining project can be bought.
 * Below, a = rho * c is the payment per point: a supporter pays min(b_i, a*w_i).
 *
 * How it is fast and still exact:
 *  - identical ballots are merged (Prepared groups);
 *  - a voter who still has money has budget b0 - sum of a_p*w_p over the funded
 *    projects on the ballot, so voters fall into few "budget classes"; a
 *    project is evaluated over its supporters' classes;
 *  - every class budget and price is defined exactly by a small expression DAG
 *    (class = parent class - w * a_s; a_s = (c_s - sum of poor budgets) / W_s).
 *    The engine carries a float value plus a rigorous bound on its error for
 *    each node; a comparison is decided by floats only when the bounds prove
 *    the answer, otherwise the exact BigInt rational values are computed from
 *    the DAG and decide. (Option `exact: true` decides every comparison exactly.)
 *  - lazy evaluation: a project's rho never decreases within a run, so its last
 *    value is a lower bound; only projects that could beat the current best are
 *    re-evaluated each round;
 *  - probing (for Add1, see `MesRunOptions.probe`): alongside the exact run for
 *    a per-voter budget b0, the engine can prove that the runs for b0 + s*step,
 *    s = 1..K, fund exactly the same projects in the same order. Within such a
 *    run every voter's budget lies between a lower bound L(s) (the budget at
 *    s = 0 plus s*step while the voter has money: later prices can only be
 *    lower than at s = 0) and L(s) + Delta(s), where Delta bounds the extra
 *    money falling prices can leave a voter; every Delta grows at most linearly
 *    from 0. Each decision of the run is checked against these bounds:
 *      winner q, other project o: rho_q(s) is at most the chord of rho_q along
 *        the lower budgets (a is convex along affine budgets), and rho_o(s) is
 *        at least its tangent at s = 0 along the upper budgets, which only
 *        feels the budgets of o's poor supporters (rich ones pay a*w whatever
 *        they hold); both are linear in s and s = 0 is this round's decision,
 *        so checking s = K suffices;
 *      dropped project: its supporters' money at K plus their extra money is
 *        still below its cost.
 *    Voters who pay all they have keep a (bounded) extra-money "ghost" class
 *    while the proof is alive.
 *  - tracing (for Add1, see `MesRunOptions.trace`, add1.ts): instead of
 *    probing, a run can record what it did, so that two runs can be compared,
 *    and can replay rounds known to fund given projects (`resume`).
 */

import type { Prepared } from './election.ts';
import { tieCompare } from './election.ts';
import type { Rat } from './rational.ts';
import { reduce, toFloat, gcd } from './rational.ts';

export interface MesFunded {
  /** 1-based round in which it was funded (0: free project funded upfront). */
  readonly round: number;
  /** Payment per point (per approval), scaled money units, float for display. */
  readonly a: number;
  /** Voters who paid the full share a*w. */
  readonly fullPayers: number;
  /** Voters who could not pay the full share and paid all they had left. */
  readonly allInPayers: number;
}

export interface MesDropped {
  /** Number of projects funded when it was found unaffordable. */
  readonly round: number;
  /** Money its supporters had left in total then (scaled units, float for display). */
  readonly money: number;
  /** Payment per point at its last successful evaluation (float), null if never affordable. */
  readonly lastA: number | null;
}

export interface MesRun {
  /** Funded projects in funding order (supported zero-cost projects first). */
  readonly order: number[];
  readonly totalCost: bigint;
  /** With `probe`: the largest probed K such that b0 + s*step, s = 1..K, provably give the same outcome (0: none). */
  readonly probeSteps: number;
  readonly funded?: Map<number, MesFunded>;
  readonly dropped?: Map<number, MesDropped>;
  /** With `trace`, `reference` or `resume`: what the run did (see MesTrace). */
  readonly trace?: MesTrace;
}

/** One evaluation of a project in a traced run (see MesTrace). */
export interface MesEval {
  /** Rounds completed when it was evaluated. */
  readonly round: number;
  /** Payment per point a, float value and error bound. */
  readonly aF: number;
  readonly aE: number;
  /** Total weight of the supporters who pay the full share a*w. */
  readonly W: number;
  /** Supporters who pay all they have: classes and voter counts. */
  readonly poorCls: Int32Array;
  readonly poorCnt: Float64Array;
}

/**
 * What one run did, for proving that every per-voter budget between two runs gives the
 * same funding order (Add1, see add1.ts). Rounds count from 0 and leave out the zero-cost
 * projects funded upfront. Float values come with rigorous error bounds.
 */
export interface MesTrace {
  /** Per-voter budget, float value and error bound. */
  readonly b0F: number;
  readonly b0E: number;
  /** The project funded in each round. */
  readonly winners: readonly number[];
  /** Per round: the winner's evaluation (its poor supporters, a and W). */
  readonly win: readonly MesEval[];
  /** Per round: all the winner's supporters who still had money, as (class, weight, count) entries. */
  readonly entCls: readonly Int32Array[];
  readonly entW: readonly Int32Array[];
  readonly entCnt: readonly Int32Array[];
  /** Budget classes: parent (-1: the root, budget b0) and weight; class c was made when round `cRound[c]` was paid. */
  readonly cPar: Int32Array;
  readonly cW: Int32Array;
  /** First class made by each round's payment (length rounds + 1). */
  readonly classStart: Int32Array;
  /** Per project: every evaluation, in order (from round `firstRound` on; a resumed run replays the rounds before). */
  readonly evals: readonly (readonly MesEval[])[];
  /** Per project: round in which it was funded or found unaffordable (-1: neither). */
  readonly outRound: Int32Array;
  /** Rounds replayed (see `MesRunOptions.resume`), and the lower bounds of rho it started from. */
  readonly firstRound: number;
  readonly startLb: Float64Array | null;
  /** Per round: an upper bound on the winner's rho. */
  readonly rhoHi: Float64Array;
  /**
   * Per round: lower bounds on rho, after the round, of every project (Infinity: funded or
   * found unaffordable), valid in every later round; null for replayed rounds but the last.
   */
  readonly lbAfter: readonly (Float64Array | null)[];
}

export interface MesRunOptions {
  /** Keep per-project details for explanations. */
  readonly record?: boolean;
  /**
   * Also try to prove that b0 + s*step, s = 1..K (step in scaled units), give the same outcome,
   * for each K in `levels` (ascending, at most 4 values).
   */
  readonly probe?: { readonly step: bigint; readonly levels: readonly number[] };
  /** Record what the run did (`MesRun.trace`); not with `probe`. */
  readonly trace?: boolean;
  /**
   * A run at a lower per-voter budget. While this run funds the same projects round by round,
   * every competitor whose lower bound of rho is not above the reference's winner's upper
   * bound is evaluated again, so that the evaluations are fresh where a proof needs them
   * (implies `trace`).
   */
  readonly reference?: MesTrace;
  /**
   * Rounds known to fund `prefix` (proven for this budget by comparing two runs): they are
   * replayed, evaluating only the winner; `lb` gives lower bounds of rho valid after them
   * (Infinity: leave the project out: funded, or unaffordable). Implies `trace`.
   */
  readonly resume?: { readonly prefix: readonly number[]; readonly lb: Float64Array };
}

export interface MesEngineOptions {
  /** Decide every comparison with exact rationals (slow; for verification). */
  readonly exact?: boolean;
}

const U = 2 ** -51; // 4x the unit roundoff: generous error bound per float operation
const SLACK = 1e-12; // relative inflation of the probing bounds (they only need to be conservative)
const LMAX = 4; // probing levels per run

function addRat(n: bigint, d: bigint, cnt: bigint, bn: bigint, bd: bigint): [bigint, bigint] {
  if (bd === d) return [n + cnt * bn, d];
  if (d === 1n) return [n * bd + cnt * bn, bd];
  const g = gcd(d, bd);
  const l = (d / g) * bd;
  return [n * (l / d) + cnt * bn * (l / bd), l];
}

export class MesEngine {
  readonly P: Prepared;
  private readonly exactAll: boolean;
  private readonly cost: readonly bigint[];
  private readonly costF: Float64Array;
  private readonly costE: Float64Array;
  // budget classes (immutable nodes); parent -1 = root (b0), -2 = ghost (exactly 0)
  private cap: number;
  private cPar: Int32Array;
  private cW: Int32Array;
  private cSel: Int32Array;
  private cBF: Float64Array;
  private cBE: Float64Array;
  /** Probing: budget grows by `step` per Add1 step (1) or stays 0 (0, ghosts). */
  private cGrow: Uint8Array;
  /** Probing: per level, upper bound on the extra money a voter of the class may have for s <= K (cap * LMAX). */
  private cDelta: Float64Array;
  /**
   * Probing: per level, a lower bound on the extra money every voter of the class has at s = K
   * (at s in between: that times s/K), from prices that certainly fell (cap * LMAX).
   */
  private cGamma: Float64Array;
  private cExN: (bigint | undefined)[] = [];
  private cExD: bigint[] = [];
  private nClasses = 0;
  private readonly grpCls: Int32Array;
  /** Per-run working copy of the supporter lists, compacted as voters run out of money. */
  private readonly wSup: Int32Array;
  private readonly wMult: Int32Array;
  private readonly supMult: Int32Array;
  private readonly wEnd: Int32Array;
  /** Per class, interleaved: [2c] = stamp of the last pass that saw it, [2c+1] = its slot in that pass. */
  private mark: Int32Array;
  private poorMark: Int32Array;
  private stamp = 0;
  // gathered entries
  private readonly eCls: Int32Array;
  private readonly eW: Int32Array;
  private readonly eCnt: Int32Array;
  private readonly ePoor: Uint8Array;
  private eLen = 0;
  /** Project whose supporters are in the entry scratch (-1: none). */
  private scratchOwner = -1;
  /** Probing: copy of the entries of the round's current best project. */
  private readonly snapCls: Int32Array;
  private readonly snapW: Int32Array;
  private readonly snapCnt: Int32Array;
  private snapLen = 0;
  private snapOwner = -1;
  private eMoney = 0;
  private eMoneyE = 0;
  private eGrow = 0; // probing: sum cnt over growing classes
  private readonly eDelta = new Float64Array(LMAX); // probing: per level, sum cnt * delta
  private readonly keepScratch = new Float64Array(LMAX);
  // selections of the current run
  private sProj: number[] = [];
  private sW: number[] = [];
  private sPoorCls: Int32Array[] = [];
  private sPoorCnt: Float64Array[] = [];
  private sExact: (Rat | undefined)[] = [];
  private b0: Rat = { n: 0n, d: 1n };
  // per project, last evaluation in the current run
  private readonly pAF: Float64Array;
  private readonly pAE: Float64Array;
  private readonly pRhoF: Float64Array;
  private readonly pRhoE: Float64Array;
  private readonly pEverA: Uint8Array;
  private readonly pW: Float64Array;
  /**
   * Probing, per project and level: how much lower a can be for some s in [0, K] than at s = 0
   * (exactly 0 when its poor supporters' budgets do not grow and nobody has extra money).
   */
  private readonly pVar: Float64Array;
  /** Probing, per project: the part of pVar that grows with s, per step (tangent slope of a). */
  private readonly pSlope: Float64Array;
  /** Probing, per project and level: an upper bound on a at s = K (along the lower-bound budgets). */
  private readonly pAK: Float64Array;
  /** Round of each project's last evaluation. */
  private readonly pEvalRound: Int32Array;
  private readonly pPoorCls: Int32Array[];
  private readonly pPoorW: Int32Array[];
  private readonly pPoorCnt: Float64Array[];
  /** Number of poor entries of each project's last evaluation (in the buffers above). */
  private readonly pPoorLen: Int32Array;
  private pExA: (Rat | undefined)[] = [];
  // tracing (see MesTrace)
  private tracing = false;
  private tEvals: MesEval[][] | null = null;
  private tOut: Int32Array | null = null;
  private entClsBuf = new Int32Array(0);
  private entWBuf = new Int32Array(0);
  private entCntBuf = new Int32Array(0);
  private entLen = 0;
  private entOwner = -1;
  private round = 0;
  private ghostsAtStart = 0;
  // probing state
  private probing = false;
  /** Levels [0, okLevels) are still provable in this run. */
  private okLevels = 0;
  private readonly Ks = new Float64Array(LMAX);
  private stepF = 0;
  /** Diagnostics. */
  stats = { runs: 0, evaluations: 0, exactEvaluations: 0, exactComparisons: 0, ghosts: 0 };

  constructor(P: Prepared, options: MesEngineOptions = {}) {
    this.P = P;
    this.exactAll = options.exact === true;
    this.cost = P.costs;
    this.costF = Float64Array.from(P.costs, (c) => Number(c));
    this.costE = Float64Array.from(this.costF, (c) => (c < 2 ** 53 ? 0 : c * U));
    const cap = Math.max(16, Math.min(P.groupProj.length + 2, 1 << 16));
    this.cap = cap;
    this.cPar = new Int32Array(cap);
    this.cW = new Int32Array(cap);
    this.cSel = new Int32Array(cap);
    this.cBF = new Float64Array(cap);
    this.cBE = new Float64Array(cap);
    this.cGrow = new Uint8Array(cap);
    this.cDelta = new Float64Array(cap * LMAX);
    this.cGamma = new Float64Array(cap * LMAX);
    this.mark = new Int32Array(cap * 2);
    this.poorMark = new Int32Array(cap);
    this.grpCls = new Int32Array(P.groupCount);
    this.wSup = new Int32Array(P.supGroup.length);
    this.wMult = new Int32Array(P.supGroup.length);
    this.supMult = Int32Array.from(P.supGroup, (g) => P.groupMult[g]!);
    this.wEnd = new Int32Array(P.segW.length);
    let maxSup = 1;
    for (let p = 0; p < P.m; p++) maxSup = Math.max(maxSup, P.supStart[p + 1]! - P.supStart[p]!);
    this.eCls = new Int32Array(maxSup);
    this.eW = new Int32Array(maxSup);
    this.eCnt = new Int32Array(maxSup);
    this.ePoor = new Uint8Array(maxSup);
    this.snapCls = new Int32Array(maxSup);
    this.snapW = new Int32Array(maxSup);
    this.snapCnt = new Int32Array(maxSup);
    const m = P.m;
    this.pAF = new Float64Array(m);
    this.pAE = new Float64Array(m);
    this.pRhoF = new Float64Array(m);
    this.pRhoE = new Float64Array(m);
    this.pEverA = new Uint8Array(m);
    this.pW = new Float64Array(m);
    this.pVar = new Float64Array(m * LMAX);
    this.pSlope = new Float64Array(m);
    this.pAK = new Float64Array(m * LMAX);
    this.pEvalRound = new Int32Array(m);
    this.pPoorCls = Array.from({ length: m }, () => new Int32Array(4));
    this.pPoorW = Array.from({ length: m }, () => new Int32Array(4));
    this.pPoorCnt = Array.from({ length: m }, () => new Float64Array(4));
    this.pPoorLen = new Int32Array(m);
  }

  private grow(): void {
    const cap = this.cap * 2;
    const gi = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const gf = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.cPar = gi(this.cPar);
    this.cW = gi(this.cW);
    this.cSel = gi(this.cSel);
    const mk = new Int32Array(cap * 2);
    mk.set(this.mark);
    this.mark = mk;
    this.poorMark = gi(this.poorMark);
    this.cBF = gf(this.cBF);
    this.cBE = gf(this.cBE);
    const d = new Float64Array(cap * LMAX);
    d.set(this.cDelta);
    this.cDelta = d;
    const gm = new Float64Array(cap * LMAX);
    gm.set(this.cGamma);
    this.cGamma = gm;
    const g = new Uint8Array(cap);
    g.set(this.cGrow);
    this.cGrow = g;
    this.cap = cap;
  }

  /** Creates a class; its probing deltas (all levels) are zero until the caller sets them. */
  private newClass(par: number, w: number, sel: number, bF: number, bE: number, grow: number): number {
    const id = this.nClasses++;
    if (id >= this.cap) this.grow();
    this.cPar[id] = par;
    this.cW[id] = w;
    this.cSel[id] = sel;
    this.cBF[id] = bF;
    this.cBE[id] = bE;
    this.cGrow[id] = grow;
    if (this.okLevels > 0) {
      this.cDelta.fill(0, id * LMAX, id * LMAX + LMAX);
      this.cGamma.fill(0, id * LMAX, id * LMAX + LMAX);
    }
    this.cExN[id] = undefined;
    this.mark[id * 2] = 0;
    this.poorMark[id] = 0;
    return id;
  }

  // ---- exact values from the DAG ----

  private exactB(c: number): Rat {
    const n = this.cExN[c];
    if (n !== undefined) return { n, d: this.cExD[c]! };
    let r: Rat;
    const par = this.cPar[c]!;
    if (par === -1) r = this.b0;
    else if (par === -2) r = { n: 0n, d: 1n };
    else {
      const pb = this.exactB(par);
      const a = this.exactA(this.cSel[c]!);
      const w = BigInt(this.cW[c]!);
      r = reduce({ n: pb.n * a.d - w * a.n * pb.d, d: pb.d * a.d });
    }
    this.cExN[c] = r.n;
    this.cExD[c] = r.d;
    return r;
  }

  private exactA(s: number): Rat {
    const done = this.sExact[s];
    if (done) return done;
    const cls = this.sPoorCls[s]!;
    const cnt = this.sPoorCnt[s]!;
    let n = 0n;
    let d = 1n;
    for (let i = 0; i < cls.length; i++) {
      const b = this.exactB(cls[i]!);
      [n, d] = addRat(n, d, BigInt(cnt[i]!), b.n, b.d);
    }
    const c = this.cost[this.sProj[s]!]!;
    const r = reduce({ n: c * d - n, d: d * BigInt(this.sW[s]!) });
    this.sExact[s] = r;
    return r;
  }

  // ---- evaluation ----

  /** Collects the supporters of q who still have money into (class, weight, count) entries. */
  private gather(q: number): void {
    const P = this.P;
    const { segPos, segW } = P;
    const supGroup = this.wSup;
    const wMult = this.wMult;
    const wEnd = this.wEnd;
    const grpCls = this.grpCls;
    const mark = this.mark;
    const eCls = this.eCls;
    const eW = this.eW;
    const eCnt = this.eCnt;
    let k = 0;
    for (let j = P.segStart[q]!; j < P.segStart[q + 1]!; j++) {
      const w = segW[j]!;
      const st = ++this.stamp;
      const end = wEnd[j]!;
      let out = segPos[j]!;
      for (let i = out; i < end; i++) {
        const g = supGroup[i]!;
        const c = grpCls[g]!;
        if (c < 0) continue;
        const mult = wMult[i]!;
        if (out !== i) {
          supGroup[out] = g;
          wMult[out] = mult;
        }
        out++;
        const c2 = c << 1;
        if (mark[c2] !== st) {
          mark[c2] = st;
          mark[c2 + 1] = k;
          eCls[k] = c;
          eW[k] = w;
          eCnt[k] = mult;
          k++;
        } else eCnt[mark[c2 + 1]!]! += mult;
      }
      wEnd[j] = out;
    }
    this.eLen = k;
    this.scratchOwner = q;
    const cBF = this.cBF;
    const cBE = this.cBE;
    let money = 0;
    let moneyE = 0;
    for (let e = 0; e < k; e++) {
      const c = eCls[e]!;
      money += eCnt[e]! * cBF[c]!;
      moneyE += eCnt[e]! * cBE[c]!;
    }
    this.eMoney = money;
    this.eMoneyE = moneyE + U * (k + 2) * Math.abs(money);
    const L = this.okLevels;
    if (L > 0) {
      let grow = 0;
      const ed = this.eDelta;
      ed.fill(0);
      const cd = this.cDelta;
      for (let e = 0; e < k; e++) {
        const c = eCls[e]!;
        const n = eCnt[e]!;
        if (this.cGrow[c]) grow += n;
        const base = c * LMAX;
        for (let l = 0; l < L; l++) ed[l]! += n * cd[base + l]!;
      }
      this.eGrow = grow;
      for (let l = 0; l < L; l++) ed[l] = ed[l]! * (1 + SLACK);
    }
  }

  /** Stores the result of an evaluation of q (poor entries, a, bounds for probing). */
  private store(q: number, aF: number, aE: number, W: number, exact: Rat | undefined): void {
    const k = this.eLen;
    let np = 0;
    for (let e = 0; e < k; e++) if (this.ePoor[e]) np++;
    // the poor entries go to per-project buffers, reused from one evaluation to the next
    // (copied where they are kept: a funded selection, a traced evaluation)
    let pc = this.pPoorCls[q]!;
    if (pc.length < np) {
      const size = Math.max(np, 2 * pc.length);
      this.pPoorCls[q] = pc = new Int32Array(size);
      this.pPoorW[q] = new Int32Array(size);
      this.pPoorCnt[q] = new Float64Array(size);
    }
    const pw = this.pPoorW[q]!;
    const pn = this.pPoorCnt[q]!;
    this.pPoorLen[q] = np;
    let poorGrow = 0;
    let j = 0;
    for (let e = 0; e < k; e++) {
      if (!this.ePoor[e]) continue;
      const c = this.eCls[e]!;
      pc[j] = c;
      pw[j] = this.eW[e]!;
      pn[j] = this.eCnt[e]!;
      j++;
      if (this.cGrow[c]) poorGrow += this.eCnt[e]!;
    }
    this.pW[q] = W;
    if (this.tracing) this.tEvals![q]!.push({ round: this.round, aF, aE, W, poorCls: pc.slice(0, np), poorCnt: pn.slice(0, np) });
    this.pExA[q] = exact;
    this.pAF[q] = aF;
    this.pAE[q] = aE;
    const cF = this.costF[q]!;
    const rho = aF / cF;
    this.pRhoF[q] = rho;
    this.pRhoE[q] = aE / cF + U * rho + (this.costE[q]! / cF) * rho;
    this.pEverA[q] = 1;
    this.pEvalRound[q] = this.round;
    const L = this.okLevels;
    if (L > 0) {
      // a along the lower-bound budgets is convex in s; its tangent at 0 has slope
      // -(poor growing count * step) / W. Extra money D lowers a by at most D / W.
      const slope = ((poorGrow * this.stepF) / W) * (1 + SLACK);
      this.pSlope[q] = slope;
      // along the upper-bound budgets (affine in s), a is convex: its tangent at s = 0 only
      // feels the budgets of poor supporters; rich ones pay a*w whatever they have
      const dPoor = this.keepScratch;
      dPoor.fill(0);
      for (let i = 0; i < np; i++) {
        const base = pc[i]! * LMAX;
        for (let l = 0; l < L; l++) dPoor[l]! += pn[i]! * this.cDelta[base + l]!;
      }
      for (let l = 0; l < L; l++) {
        const K = this.Ks[l]!;
        this.pVar[q * LMAX + l] = (slope * K + (dPoor[l]! * (1 + SLACK)) / W) * (1 + SLACK);
        this.pAK[q * LMAX + l] = aF + aE; // refined for the winner in keepWinning
      }
    }
  }

  /**
   * Probing: an upper bound on a for project q when every gathered class has its
   * lower-bound budget at s = K (b + K*step for classes that grow). Found in
   * floats, then certified: any a' with sum cnt*min(b, a'*w) >= c is >= the true a.
   * Falls back to `fallback` (a(0) rounded up) when it cannot certify.
   */
  private upperAAt(q: number, l: number, fallback: number): number {
    const K = this.Ks[l]!;
    const gam = this.cGamma;
    const k = this.snapLen;
    const eCls = this.snapCls;
    const eW = this.snapW;
    const eCnt = this.snapCnt;
    const ePoor = this.ePoor;
    const cF = this.costF[q]!;
    const add = this.stepF * K;
    let W = 0;
    for (let e = 0; e < k; e++) {
      W += eCnt[e]! * eW[e]!;
      ePoor[e] = 0;
    }
    let paid = 0;
    let a = 0;
    for (let it = 0; it < 64; it++) {
      a = (cF - paid) / W;
      let changed = false;
      for (let e = 0; e < k; e++) {
        if (ePoor[e]) continue;
        const c = eCls[e]!;
        const b = this.cBF[c]! + (this.cGrow[c] ? add : 0) + gam[c * LMAX + l]!;
        if (b < a * eW[e]!) {
          ePoor[e] = 1;
          changed = true;
          paid += eCnt[e]! * b;
          W -= eCnt[e]! * eW[e]!;
        }
      }
      if (!changed || W <= 0) break;
    }
    if (!(a > 0) || !Number.isFinite(a)) return fallback;
    const cand = a * (1 + 1e-9);
    if (!(cand < fallback)) return fallback;
    let g = 0;
    for (let e = 0; e < k; e++) {
      const c = eCls[e]!;
      const lo = this.cBF[c]! + (this.cGrow[c] ? add : 0) + gam[c * LMAX + l]! - this.cBE[c]! - U * (Math.abs(this.cBF[c]!) + add + gam[c * LMAX + l]!);
      const m = Math.min(lo, cand * eW[e]!);
      g += eCnt[e]! * m;
    }
    g -= U * (k + 4) * Math.abs(g);
    return g >= cF + this.costE[q]! ? cand : fallback;
  }

  /** Evaluates project q: false if its supporters cannot afford it. */
  private evaluate(q: number): boolean {
    this.stats.evaluations++;
    this.gather(q);
    const k = this.eLen;
    if (k === 0) return false;
    if (this.exactAll) return this.evaluateExact(q);
    const cF = this.costF[q]!;
    const cE = this.costE[q]!;
    const money = this.eMoney;
    const slack = this.eMoneyE + cE + U * (money + cF);
    if (money + slack < cF) return false;
    if (money - slack < cF) return this.evaluateExact(q);
    const eCls = this.eCls;
    const eW = this.eW;
    const eCnt = this.eCnt;
    const ePoor = this.ePoor;
    const cBF = this.cBF;
    const cBE = this.cBE;
    let W = 0;
    for (let e = 0; e < k; e++) {
      W += eCnt[e]! * eW[e]!;
      ePoor[e] = 0;
    }
    let paid = 0;
    let paidE = 0;
    let aF = 0;
    let aE = 0;
    for (;;) {
      const N = cF - paid;
      const NE = paidE + cE + U * (cF + paid);
      if (!(N - NE > 0) || W <= 0) return this.evaluateExact(q);
      aF = N / W;
      aE = NE / W + U * aF;
      let newPoor = false;
      for (let e = 0; e < k; e++) {
        if (ePoor[e]) continue;
        const c = eCls[e]!;
        const w = eW[e]!;
        const b = cBF[c]!;
        const thr = aF * w;
        const margin = aE * w + cBE[c]! + U * (Math.abs(b) + thr);
        if (b < thr - margin) {
          ePoor[e] = 1;
          newPoor = true;
          const t = eCnt[e]! * b;
          paid += t;
          paidE += eCnt[e]! * cBE[c]! + U * (Math.abs(paid) + Math.abs(t));
          W -= eCnt[e]! * w;
        } else if (!(b > thr + margin)) {
          return this.evaluateExact(q);
        }
      }
      if (!newPoor) break;
    }
    this.store(q, aF, aE, W, undefined);
    return true;
  }

  /** Exact evaluation over the gathered entries (BigInt rationals). */
  private evaluateExact(q: number): boolean {
    this.stats.exactEvaluations++;
    const k = this.eLen;
    const c = this.cost[q]!;
    const bn: bigint[] = new Array(k);
    const bd: bigint[] = new Array(k);
    let mn = 0n;
    let md = 1n;
    for (let e = 0; e < k; e++) {
      const b = this.exactB(this.eCls[e]!);
      bn[e] = b.n;
      bd[e] = b.d;
      [mn, md] = addRat(mn, md, BigInt(this.eCnt[e]!), b.n, b.d);
      this.ePoor[e] = 0;
    }
    if (mn < c * md) return false;
    let W = 0;
    for (let e = 0; e < k; e++) W += this.eCnt[e]! * this.eW[e]!;
    let pn = 0n;
    let pd = 1n;
    let aN = c;
    let aD = BigInt(W);
    for (;;) {
      let newPoor = false;
      for (let e = 0; e < k; e++) {
        if (this.ePoor[e]) continue;
        const w = BigInt(this.eW[e]!);
        if (bn[e]! * aD < aN * w * bd[e]!) {
          this.ePoor[e] = 1;
          newPoor = true;
          [pn, pd] = addRat(pn, pd, BigInt(this.eCnt[e]!), bn[e]!, bd[e]!);
          W -= this.eCnt[e]! * this.eW[e]!;
        }
      }
      if (!newPoor) break;
      if (W <= 0) return false;
      aN = c * pd - pn;
      aD = pd * BigInt(W);
    }
    const a = reduce({ n: aN, d: aD });
    const aF = toFloat(a);
    this.store(q, aF, U * Math.abs(aF), W, a);
    return true;
  }

  /** Exact payment per point of q's evaluation in the current round (re-evaluates exactly if needed). */
  private exactAOf(q: number): Rat {
    const have = this.pExA[q];
    if (have) return have;
    this.gather(q);
    const ok = this.evaluateExact(q);
    if (!ok) throw new Error('internal: project became unaffordable on re-evaluation');
    return this.pExA[q]!;
  }

  /** Compares rho of q and r (both evaluated this round): -1, 0, 1. */
  private compareRho(q: number, r: number): number {
    if (!this.exactAll) {
      const x = this.pRhoF[q]!;
      const y = this.pRhoF[r]!;
      const m = this.pRhoE[q]! + this.pRhoE[r]! + U * (x + y);
      if (x < y - m) return -1;
      if (x > y + m) return 1;
    }
    this.stats.exactComparisons++;
    const a = this.exactAOf(q);
    const b = this.exactAOf(r);
    const l = a.n * b.d * this.cost[r]!;
    const rr = b.n * a.d * this.cost[q]!;
    return l < rr ? -1 : l > rr ? 1 : 0;
  }

  /** Moves q's supporters to their new classes after q is funded as selection s. */
  private pay(q: number, s: number): [number, number] {
    const P = this.P;
    const { segPos, segW } = P;
    const supGroup = this.wSup;
    const wMult = this.wMult;
    const grpCls = this.grpCls;
    const aF = this.pAF[q]!;
    const aE = this.pAE[q]!;
    const poorCls = this.pPoorCls[q]!;
    const poorW = this.pPoorW[q]!;
    const poorLen = this.pPoorLen[q]!;
    const L = this.okLevels;
    // probing: on [0, K_l] the true price is within [a(0) - var_l, a(0)], and a(0) >= aF - aE
    const varL = this.pVar.subarray(q * LMAX, q * LMAX + LMAX);
    const stepF = this.stepF;
    let full = 0;
    let allIn = 0;
    let mark = this.mark;
    let poorMark = this.poorMark;
    for (let j = P.segStart[q]!; j < P.segStart[q + 1]!; j++) {
      const w = segW[j]!;
      const st = ++this.stamp;
      for (let i = 0; i < poorLen; i++) if (poorW[i] === w) poorMark[poorCls[i]!] = st;
      const end = this.wEnd[j]!;
      for (let i = segPos[j]!; i < end; i++) {
        const g = supGroup[i]!;
        const c = grpCls[g]!;
        if (c < 0) continue;
        if (mark[c << 1] !== st) {
          mark[c << 1] = st;
          let next = -1;
          if (poorMark[c] === st) {
            if (L > 0) {
              // a poor voter may still keep max(0, upper budget at K - lowest price * w) on [0, K]
              let any = false;
              const keep = this.keepScratch;
              for (let l = 0; l < L; l++) {
                const up = this.cBF[c]! + this.cBE[c]! + (this.cGrow[c] ? stepF * this.Ks[l]! : 0) + this.cDelta[c * LMAX + l]!;
                const kp = (up - (aF - aE - varL[l]!) * w) * (1 + SLACK);
                keep[l] = kp > 0 ? kp : 0;
                if (kp > 0) any = true;
              }
              if (any) {
                next = this.newClass(-2, 0, -1, 0, 0, 0);
                for (let l = 0; l < L; l++) this.cDelta[next * LMAX + l] = keep[l]!;
                this.stats.ghosts++;
              }
            }
          } else {
            const bF = this.cBF[c]!;
            const nb = bF - w * aF;
            const nbE = this.cBE[c]! + w * aE + U * (Math.abs(bF) + w * aF);
            next = this.newClass(c, w, s, nb, nbE, this.cGrow[c]!);
            for (let l = 0; l < L; l++) {
              this.cDelta[next * LMAX + l] = (this.cDelta[c * LMAX + l]! + varL[l]! * w) * (1 + SLACK);
              // the price surely fell by at least a(0) - (upper bound of a at K), times s/K
              let aK = this.pAK[q * LMAX + l]!;
              if (Number.isNaN(aK)) aK = this.pAK[q * LMAX + l] = this.snapOwner === q ? this.upperAAt(q, l, aF + aE) : aF + aE;
              const fell = aF - aE - aK;
              const g = (this.cGamma[c * LMAX + l]! + (fell > 0 ? fell * w : 0)) * (1 - SLACK);
              this.cGamma[next * LMAX + l] = g > 0 ? g : 0;
            }
          }
          if (next >= 0) {
            // arrays may have grown
            mark = this.mark;
            poorMark = this.poorMark;
          }
          mark[(c << 1) + 1] = next;
        }
        grpCls[g] = mark[(c << 1) + 1]!;
        if (poorMark[c] === st) allIn += wMult[i]!;
        else full += wMult[i]!;
      }
    }
    return [full, allIn];
  }

  /**
   * Probing: the winner q of this round must stay the winner for every s in [0, K]:
   *  - rho_q(s) <= chord of rho_q along the lower-bound budgets between s = 0 and s = K
   *    (those budgets are affine in s and a is convex along them; true budgets are higher,
   *    which only lowers a);
   *  - rho_o(s) >= (a_o(0) - slope_o * s - D_o / W_o) / c_o: tangent along the lower-bound
   *    budgets minus what the extra money D_o of its supporters can lower it; an older
   *    value of o is a lower bound too. With no slope and no extra money this round's
   *    decision (o worse, or tied and losing the tie-break) carries over unchanged.
   * Both sides are linear in s, so checking s = 0 and s = K suffices. A stale o that
   * fails is re-evaluated once. Lowers okLevels to the levels that pass.
   */
  private keepWinning(q: number, alive: number[], dropped: Map<number, MesDropped> | undefined): number[] {
    {
      // a_q decreases with s too: bound it at s = K (the chord end)
      if (this.snapOwner !== q) {
        this.gather(q);
        this.snapshot();
      }
      // computed when a check first needs it (see beats)
      for (let l = 0; l < this.okLevels; l++) this.pAK[q * LMAX + l] = NaN;
    }
    let out = alive;
    for (let idx = 0; idx < alive.length && this.okLevels > 0; idx++) {
      const o = alive[idx]!;
      if (o === q) continue;
      let fresh = this.pEvalRound[o] === this.round - 1;
      for (let tries = 0; tries < 2 && this.okLevels > 0; tries++) {
        let l = this.okLevels - 1;
        while (l >= 0 && !this.beats(q, o, l)) l--;
        if (l === this.okLevels - 1) break;
        if (fresh || this.pEvalRound[o] < 0) {
          this.setOkLevels(l + 1);
          break;
        }
        // stale lower bound too weak: evaluate o now (same round state as the winner's evaluation)
        fresh = true;
        this.pExA[o] = undefined;
        const saveRound = this.round;
        this.round = saveRound - 1;
        const ok = this.evaluate(o);
        this.round = saveRound;
        if (!ok) {
          if (dropped) dropped.set(o, { round: this.round - 1, money: this.eMoney, lastA: this.pEverA[o] ? this.pAF[o]! : null });
          while (this.okLevels > 0) {
            const lv = this.okLevels - 1;
            const hi = this.eMoney + this.eMoneyE + this.eGrow * this.stepF * this.Ks[lv]! + this.eDelta[lv]!;
            if (hi * (1 + SLACK) < this.costF[o]! - this.costE[o]!) break;
            this.setOkLevels(lv);
          }
          out = out === alive ? alive.slice() : out;
          out[idx] = -1;
          break;
        }
      }
    }
    return out === alive ? alive : out.filter((p) => p >= 0);
  }

  /**
   * Probing: lowers the number of provable levels. When none is left, the voters
   * kept in zero-budget "ghost" classes (only needed for the proof) are dropped.
   */
  private setOkLevels(v: number): void {
    const was = this.okLevels;
    this.okLevels = v;
    if (v === 0 && was > 0 && this.stats.ghosts > this.ghostsAtStart) {
      const g = this.grpCls;
      const par = this.cPar;
      for (let i = 0; i < g.length; i++) {
        const c = g[i]!;
        if (c >= 0 && par[c] === -2) g[i] = -1;
      }
    }
  }

  /** Probing: keeps a copy of the entries in the scratch (those of the round's best so far). */
  private snapshot(): void {
    const k = this.eLen;
    this.snapCls.set(this.eCls.subarray(0, k));
    this.snapW.set(this.eW.subarray(0, k));
    this.snapCnt.set(this.eCnt.subarray(0, k));
    this.snapLen = k;
    this.snapOwner = this.scratchOwner;
  }

  /**
   * Probing level l: does winner q provably beat o for all s in [0, K_l]?
   * Both bounds are linear in s: rho_q(s) <= chord to the bound at K, and
   * rho_o(s) >= rho_o(0) - (s/K) * var_o / c_o (every extra-money bound grows at
   * most linearly from 0 at s = 0). At s = 0 this round's decision holds (o is
   * worse, or tied and loses the tie-break; a lazily skipped o is certainly
   * worse), so checking s = K suffices.
   */
  private beats(q: number, o: number, l: number): boolean {
    const v = this.pVar[o * LMAX + l]!;
    if (v === 0) return true;
    const co = this.costF[o]!;
    const cq = this.costF[q]!;
    const loK = ((this.pAF[o]! - this.pAE[o]! - v) / co) * (1 - SLACK - 4 * U - this.costE[o]! / co);
    let aK = this.pAK[q * LMAX + l]!;
    if (Number.isNaN(aK)) aK = this.pAK[q * LMAX + l] = this.upperAAt(q, l, this.pAF[q]! + this.pAE[q]!);
    const hiK = (aK / cq) * (1 + SLACK + 4 * U + this.costE[q]! / cq);
    return loK > hiK;
  }

  /** Runs MES with every voter starting with budget b0 (scaled money units). */
  run(b0: Rat, opts: MesRunOptions = {}): MesRun {
    const P = this.P;
    this.stats.runs++;
    const record = opts.record === true;
    const levels = (opts.probe?.levels ?? []).filter((k) => k >= 1).slice(0, LMAX);
    this.probing = levels.length > 0;
    this.okLevels = levels.length;
    this.ghostsAtStart = this.stats.ghosts;
    for (let l = 0; l < levels.length; l++) this.Ks[l] = levels[l]!;
    this.stepF = this.probing ? Number(opts.probe!.step) : 0;
    this.b0 = reduce(b0);
    this.nClasses = 0;
    this.sProj = [];
    this.sW = [];
    this.sPoorCls = [];
    this.sPoorCnt = [];
    this.sExact = [];
    const b0F = toFloat(this.b0);
    this.newClass(-1, 0, -1, b0F, U * b0F, 1);
    this.grpCls.fill(0);
    this.wSup.set(P.supGroup);
    this.wMult.set(this.supMult);
    for (let j = 0; j < this.wEnd.length; j++) this.wEnd[j] = P.segPos[j + 1]!;
    this.round = 0;
    this.snapOwner = -1;
    this.scratchOwner = -1;

    const funded = record ? new Map<number, MesFunded>() : undefined;
    const dropped = record ? new Map<number, MesDropped>() : undefined;
    const order: number[] = [];
    let total = 0n;
    let alive: number[] = [];
    for (let p = 0; p < P.m; p++) {
      if (P.scores[p]! <= 0) continue;
      if (P.costs[p] === 0n) {
        order.push(p);
        if (funded) funded.set(p, { round: 0, a: 0, fullPayers: P.votes[p]!, allInPayers: 0 });
        continue;
      }
      alive.push(p);
      // initial lower bound of rho: cost / total utility = 1 / score (valid for any budgets)
      this.pRhoF[p] = 1 / P.scores[p]!;
      this.pRhoE[p] = U / P.scores[p]!;
      this.pVar.fill(0, p * LMAX, p * LMAX + LMAX); // 1/score is a lower bound for any budgets
      this.pSlope[p] = 0;
      this.pEvalRound[p] = -1;
      this.pEverA[p] = 0;
      this.pExA[p] = undefined;
    }
    const rhoF = this.pRhoF;
    const rhoE = this.pRhoE;
    // tracing (Add1): what the run did, see MesTrace
    const ref = opts.reference;
    const tracing = opts.trace === true || ref !== undefined || opts.resume !== undefined;
    if (tracing && this.probing) throw new Error('internal: tracing and probing in one run');
    this.tracing = tracing;
    const clone = tracing ? this.clones() : null;
    const winners: number[] = [];
    const win: MesEval[] = [];
    const entCls: Int32Array[] = [];
    const entW: Int32Array[] = [];
    const entCnt: Int32Array[] = [];
    const classStart: number[] = [];
    const rhoHi: number[] = [];
    const lbAfter: (Float64Array | null)[] = [];
    if (tracing) {
      this.tEvals = Array.from({ length: P.m }, () => []);
      this.tOut = new Int32Array(P.m).fill(-1);
      this.entOwner = -1;
    }
    const fund = (q: number) => {
      const s = this.sProj.length;
      if (tracing) {
        // the winner's entries (those of the round's state, before paying)
        if (this.entOwner !== q) {
          this.gather(q);
          this.keepEntries();
        }
        const k = this.entLen;
        winners.push(q);
        win.push(this.tEvals![q]![this.tEvals![q]!.length - 1]!);
        entCls.push(this.entClsBuf.slice(0, k));
        entW.push(this.entWBuf.slice(0, k));
        entCnt.push(this.entCntBuf.slice(0, k));
        rhoHi.push(this.rhoUpper(q));
        classStart.push(this.nClasses);
        this.tOut![q] = s;
        this.entOwner = -1;
      }
      this.sProj.push(q);
      this.sW.push(this.pW[q]!);
      const np = this.pPoorLen[q]!;
      this.sPoorCls.push(this.pPoorCls[q]!.slice(0, np));
      this.sPoorCnt.push(this.pPoorCnt[q]!.slice(0, np));
      this.sExact.push(this.pExA[q]);
      const [full, allIn] = this.pay(q, s);
      order.push(q);
      total += this.cost[q]!;
      if (funded) funded.set(q, { round: this.round, a: this.pAF[q]!, fullPayers: full, allInPayers: allIn });
    };
    let refAlive = ref !== undefined;
    let drift = 1e-6;
    if (opts.resume) {
      const { prefix, lb } = opts.resume;
      for (const q of prefix) {
        this.pExA[q] = undefined;
        if (!this.evaluate(q)) throw new Error('internal: a replayed winner is unaffordable');
        this.keepEntries();
        lbAfter.push(null);
        this.round++;
        fund(q);
      }
      if (prefix.length > 0) lbAfter[prefix.length - 1] = lb;
      const done = new Set(prefix);
      alive = alive.filter((p) => {
        if (lb[p]! !== Infinity && !done.has(p)) return true;
        if (!done.has(p)) this.tOut![p] = prefix.length;
        return false;
      });
      for (const p of alive) {
        rhoF[p] = lb[p]!;
        rhoE[p] = 0;
      }
      if (refAlive && prefix.some((q, j) => ref!.winners[j] !== q)) refAlive = false;
    }
    while (alive.length > 0) {
      this.snapOwner = -1; // snapshots are only valid within a round
      alive.sort((x, y) => rhoF[x]! - rhoF[y]!);
      let best = -1;
      let ties: number[] = [];
      let removed = 0;
      const drop = (idx: number, q: number) => {
        alive[idx] = -1;
        removed++;
        if (dropped) {
          dropped.set(q, { round: this.round, money: this.eMoney, lastA: this.pEverA[q] ? this.pAF[q]! : null });
        }
        if (tracing) this.tOut![q] = this.round;
      };
      for (let idx = 0; idx < alive.length; idx++) {
        const q = alive[idx]!;
        if (best >= 0 && rhoF[q]! - rhoE[q]! > rhoF[best]! + rhoE[best]! + U * (rhoF[q]! + rhoF[best]!)) break;
        this.pExA[q] = undefined;
        if (!this.evaluate(q)) {
          drop(idx, q);
          // probing: must stay unaffordable for s <= K: money at K plus extra money < cost
          while (this.okLevels > 0) {
            const l = this.okLevels - 1;
            const hi = this.eMoney + this.eMoneyE + this.eGrow * this.stepF * this.Ks[l]! + this.eDelta[l]!;
            if (hi * (1 + SLACK) < this.costF[q]! - this.costE[q]!) break;
            this.setOkLevels(l);
          }
          continue;
        }
        const probingSlope = this.okLevels > 0;
        if (best < 0) {
          best = q;
          ties = [q];
          if (probingSlope && this.scratchOwner === q) this.snapshot();
          if (tracing) this.keepEntries();
          continue;
        }
        const c = this.compareRho(q, best);
        if (c < 0) {
          best = q;
          ties = [q];
          if (probingSlope && this.scratchOwner === q) this.snapshot();
          if (tracing) this.keepEntries();
        } else if (c === 0) ties.push(q);
      }
      if (best < 0) break;
      if (ties.length > 1) {
        ties.sort((x, y) => tieCompare(P, x, y));
        best = ties[0]!;
      }
      const q = best;
      if (tracing) {
        const j = winners.length;
        let target = -1;
        if (refAlive && j < ref!.winners.length && ref!.winners[j] === q) {
          // evaluate the competitors that the reference's winner price does not yet keep off
          // (a fresh value is never below the winner's: stale values are lower bounds)
          target = ref!.rhoHi[j]!;
          drift = Math.max(drift, target / this.rhoUpper(q) - 1);
        } else {
          refAlive = false;
          // after the runs part: as far above this winner as the reference's prices were
          if (ref) target = this.rhoUpper(q) * (1 + Math.min(4 * drift, 0.01));
        }
        if (target > 0) {
          for (let idx = 0; idx < alive.length; idx++) {
            const o = alive[idx]!;
            if (o < 0 || o === q || clone![o] === clone![q] || this.pEvalRound[o] === this.round) continue;
            if (this.rhoLower(o) > target) continue;
            this.pExA[o] = undefined;
            if (!this.evaluate(o)) drop(idx, o);
          }
        }
      }
      if (removed > 0) alive = alive.filter((p) => p >= 0);
      this.round++;
      if (this.okLevels > 0) alive = this.keepWinning(q, alive, dropped);
      fund(q);
      alive = alive.filter((p) => p !== q);
      if (tracing) {
        const lb = new Float64Array(P.m).fill(Infinity);
        for (const o of alive) lb[o] = this.rhoLower(o);
        lbAfter.push(lb);
      }
    }
    this.tracing = false;
    let trace: MesTrace | undefined;
    if (tracing) {
      classStart.push(this.nClasses);
      const b0F = toFloat(this.b0);
      trace = {
        b0F,
        b0E: U * b0F,
        winners,
        win,
        entCls,
        entW,
        entCnt,
        cPar: this.cPar.slice(0, this.nClasses),
        cW: this.cW.slice(0, this.nClasses),
        classStart: Int32Array.from(classStart),
        evals: this.tEvals!,
        outRound: this.tOut!,
        firstRound: opts.resume?.prefix.length ?? 0,
        startLb: opts.resume?.lb ?? null,
        rhoHi: Float64Array.from(rhoHi),
        lbAfter,
      };
      this.tEvals = null;
      this.tOut = null;
    }
    const res: MesRun = {
      order,
      totalCost: total,
      probeSteps: this.okLevels > 0 ? this.Ks[this.okLevels - 1]! : 0,
      ...(trace ? { trace } : {}),
    };
    return funded ? { ...res, funded, dropped } : res;
  }

  /** Tracing: copies the entries in the scratch (those of the round's best so far). */
  private keepEntries(): void {
    const k = this.eLen;
    if (this.entClsBuf.length < k) {
      this.entClsBuf = new Int32Array(this.eCls.length);
      this.entWBuf = new Int32Array(this.eCls.length);
      this.entCntBuf = new Int32Array(this.eCls.length);
    }
    this.entClsBuf.set(this.eCls.subarray(0, k));
    this.entWBuf.set(this.eW.subarray(0, k));
    this.entCntBuf.set(this.eCnt.subarray(0, k));
    this.entLen = k;
    this.entOwner = this.scratchOwner;
  }

  /** A rigorous lower bound of rho of q from its last evaluation (or the initial bound). */
  private rhoLower(q: number): number {
    const l = (this.pRhoF[q]! - this.pRhoE[q]!) * (1 - U);
    return l > 0 ? l : 0;
  }

  /** A rigorous upper bound of rho of q from its evaluation in this round. */
  private rhoUpper(q: number): number {
    return (this.pRhoF[q]! + this.pRhoE[q]!) * (1 + U);
  }

  private cloneOf: Int32Array | null = null;

  /**
   * Per project, the first project with the same cost and exactly the same supporters and
   * weights (itself if none): such clones have the same rho in every round of every run, so
   * the tie-break alone orders them.
   */
  clones(): Int32Array {
    if (this.cloneOf) return this.cloneOf;
    const P = this.P;
    const { supStart, supGroup, supW } = P;
    // supporters are sorted by weight, then group: equal lists are equal arrays
    const same = (p: number, q: number): boolean => {
      if (P.costs[p] !== P.costs[q]) return false;
      const n = supStart[p + 1]! - supStart[p]!;
      if (supStart[q + 1]! - supStart[q]! !== n) return false;
      for (let i = 0; i < n; i++) {
        if (supGroup[supStart[p]! + i] !== supGroup[supStart[q]! + i] || supW[supStart[p]! + i] !== supW[supStart[q]! + i]) return false;
      }
      return true;
    };
    const buckets = new Map<number, number[]>();
    const out = new Int32Array(P.m);
    for (let p = 0; p < P.m; p++) {
      let h = Number(P.costs[p]! % 1000003n);
      for (let i = supStart[p]!; i < supStart[p + 1]!; i++) h = (Math.imul(h, 31) + supGroup[i]! * 7 + supW[i]!) | 0;
      const b = buckets.get(h);
      const first = b?.find((q) => same(p, q));
      out[p] = first ?? p;
      if (first === undefined) {
        if (b) b.push(p);
        else buckets.set(h, [p]);
      }
    }
    return (this.cloneOf = out);
  }
}

/** Initial per-voter budget B/n as an exact rational (scaled units). */
export function equalShare(P: Prepared): Rat {
  return { n: P.budget, d: BigInt(Math.max(1, P.n)) };
}
