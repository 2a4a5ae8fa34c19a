/**
 * The election as the tally sees it, and its normalised internal form.
 *
 * Money (budget, costs) is given in currency units as exact decimals
 * ("1019940.37", 15000, 15000n). Internally every amount is a BigInt in a
 * common smallest unit (10^-digits, the most decimals any amount uses).
 */

import { parseDecimal, pow10, toScaled, TallyInputError } from './decimal.ts';
import type { Money, Decimal } from './decimal.ts';
import { naturalCompare } from './natural.ts';

export type VoteType = 'approval' | 'cumulative' | 'ordinal';

export interface ProjectInput {
  readonly id: string;
  readonly cost: Money;
  readonly name?: string;
}

/**
 * One voter's ballot.
 * - approval: the approved project ids (a plain array is accepted too);
 * - cumulative: project ids with `points` (same length, non-negative integers);
 * - ordinal: project ids in order of preference (first = best); positional
 *   points are max_length, max_length-1, ...
 */
export type BallotInput =
  | readonly string[]
  | { readonly projects: readonly string[]; readonly points?: readonly number[] };

export interface Election {
  readonly budget: Money;
  readonly projects: readonly ProjectInput[];
  readonly ballots: readonly BallotInput[];
  /** Defaults to meta.vote_type, else 'approval'. `choose-1` counts as approval, `scoring` as cumulative. */
  readonly voteType?: VoteType;
  /** pabulib META fields, e.g. rule, min_project_score_threshold, max_length. */
  readonly meta?: Readonly<Record<string, string>>;
}

/** Normalised election: projects by index, money as BigInt in 10^-digits units, identical ballots merged. */
export interface Prepared {
  readonly voteType: VoteType;
  readonly meta: Readonly<Record<string, string>>;
  readonly m: number;
  readonly ids: readonly string[];
  readonly names: readonly (string | undefined)[];
  /** Number of ballots (voters), including empty ones. */
  readonly n: number;
  /** Money scale: amounts are integers in units of 10^-digits. */
  readonly digits: number;
  readonly unit: bigint;
  readonly budget: bigint;
  readonly costs: readonly bigint[];
  /** Voters who support the project (approve / give points / rank it). */
  readonly votes: readonly number[];
  /** Approval count, total points (cumulative) or total positional points (ordinal). */
  readonly scores: readonly number[];
  /** Rank of each project id in natural order (0 = first). */
  readonly natRank: readonly number[];
  /** Groups of identical ballots. */
  readonly groupCount: number;
  readonly groupMult: Int32Array;
  readonly groupStart: Int32Array;
  readonly groupProj: Int32Array;
  readonly groupW: Int32Array;
  /** Supporters of each project as groups, ordered by weight: CSR by project. */
  readonly supStart: Int32Array;
  readonly supGroup: Int32Array;
  readonly supW: Int32Array;
  /** Segments of equal weight within each project's supporter list: segStart[p]..segStart[p+1] index into segPos/segW. */
  readonly segStart: Int32Array;
  readonly segPos: Int32Array;
  readonly segW: Int32Array;
}

function normaliseVoteType(v: string | undefined): VoteType {
  if (v === undefined || v === '' || v === 'approval' || v === 'choose-1') return 'approval';
  if (v === 'cumulative' || v === 'scoring') return 'cumulative';
  if (v === 'ordinal') return 'ordinal';
  throw new TallyInputError(`unsupported vote type "${v}" (expected approval, cumulative or ordinal)`);
}

/** Projects, budget and money scale of an election (everything but the ballots). */
export interface ElectionHeader {
  readonly voteType: VoteType;
  readonly meta: Readonly<Record<string, string>>;
  readonly ids: string[];
  readonly names: (string | undefined)[];
  readonly index: Map<string, number>;
  readonly digits: number;
  readonly costs: bigint[];
  readonly budget: bigint;
}

/** Checks projects and budget and puts all money on a common integer scale. */
export function prepareHeader(
  projects: readonly ProjectInput[],
  budgetIn: Money,
  voteType: VoteType,
  meta: Readonly<Record<string, string>>,
  extraMoney: readonly Money[] = [],
): ElectionHeader {
  const ids: string[] = [];
  const names: (string | undefined)[] = [];
  const index = new Map<string, number>();
  const costDec: Decimal[] = [];
  for (const p of projects) {
    const id = String(p.id);
    if (id === '') throw new TallyInputError('a project has an empty id');
    if (index.has(id)) throw new TallyInputError(`project id "${id}" appears twice`);
    index.set(id, ids.length);
    ids.push(id);
    names.push(p.name);
    const c = parseDecimal(p.cost, `cost of project "${id}"`);
    if (c.int < 0n) throw new TallyInputError(`cost of project "${id}" is negative`);
    costDec.push(c);
  }
  const budgetDec = parseDecimal(budgetIn, 'budget');
  if (budgetDec.int < 0n) throw new TallyInputError('budget is negative');
  let digits = budgetDec.digits;
  for (const c of costDec) digits = Math.max(digits, c.digits);
  for (const x of extraMoney) digits = Math.max(digits, parseDecimal(x).digits);
  return { voteType, meta, ids, names, index, digits, costs: costDec.map((c) => toScaled(c, digits)), budget: toScaled(budgetDec, digits) };
}

/**
 * Merges identical ballots as they arrive. Each ballot is a list of distinct
 * project indices with weights: 1 (approval), points (cumulative; entries with
 * 0 points are dropped), or the rank 0, 1, 2, ... (ordinal; turned into
 * positional points max_length - rank when finished).
 */
export class BallotGrouper {
  private readonly keys = new Map<string, number>();
  private readonly gMult: number[] = [];
  private readonly gStart: number[] = [0];
  private readonly gProj: number[] = [];
  private readonly gW: number[] = [];
  private readonly compactKey: boolean;
  private readonly m: number;
  private readonly voteType: VoteType;
  /** Ballots added (including empty ones). */
  n = 0;
  /** Longest ordinal ballot. */
  maxLen = 0;

  constructor(m: number, voteType: VoteType) {
    this.m = m;
    this.voteType = voteType;
    this.compactKey = m < 0xd800 && voteType !== 'cumulative';
  }

  /** Adds one ballot of distinct project indices; sorts tp/tw[0..len) in place. */
  add(tp: Int32Array, tw: Int32Array, len: number): void {
    this.n++;
    if (this.voteType === 'ordinal' && len > this.maxLen) this.maxLen = len;
    // drop zero points, insertion sort by project index
    let n = 0;
    for (let k = 0; k < len; k++) {
      const p = tp[k]!;
      const w = tw[k]!;
      if (this.voteType === 'cumulative' && w <= 0) continue;
      let j = n++;
      while (j > 0 && tp[j - 1]! > p) {
        tp[j] = tp[j - 1]!;
        tw[j] = tw[j - 1]!;
        j--;
      }
      tp[j] = p;
      tw[j] = w;
    }
    let key = '';
    if (this.compactKey) {
      if (this.voteType === 'approval') for (let j = 0; j < n; j++) key += String.fromCharCode(tp[j]!);
      else for (let j = 0; j < n; j++) key += String.fromCharCode(tp[j]!, tw[j]! + 1);
    } else {
      for (let j = 0; j < n; j++) key += tp[j] + ':' + tw[j] + ',';
    }
    let g = this.keys.get(key);
    if (g === undefined) {
      g = this.gMult.length;
      this.keys.set(key, g);
      this.gMult.push(0);
      for (let j = 0; j < n; j++) {
        this.gProj.push(tp[j]!);
        this.gW.push(tw[j]!);
      }
      this.gStart.push(this.gProj.length);
    }
    this.gMult[g]! += 1;
  }

  /** Builds the normalised election. */
  finish(h: ElectionHeader): Prepared {
    const m = this.m;
    const groupW = Int32Array.from(this.gW);
    if (h.voteType === 'ordinal') {
      let maxLen = this.maxLen;
      const ml = Number(h.meta['max_length']);
      if (Number.isInteger(ml) && ml > maxLen) maxLen = ml;
      for (let i = 0; i < groupW.length; i++) groupW[i] = maxLen - groupW[i]!;
    }
    const groupMult = Int32Array.from(this.gMult);
    const groupStart = Int32Array.from(this.gStart);
    const groupProj = Int32Array.from(this.gProj);
    const votes = new Array<number>(m).fill(0);
    const scores = new Array<number>(m).fill(0);
    for (let g = 0; g < groupMult.length; g++) {
      const mult = groupMult[g]!;
      for (let i = groupStart[g]!; i < groupStart[g + 1]!; i++) {
        votes[groupProj[i]!]! += mult;
        scores[groupProj[i]!]! += mult * groupW[i]!;
      }
    }
    return buildPrepared(h, this.n, votes, scores, groupMult, groupStart, groupProj, groupW);
  }
}

/** Checks and normalises an election. Throws TallyInputError naming what is wrong. */
export function prepare(election: Election, extraMoney: readonly Money[] = []): Prepared {
  const meta = election.meta ?? {};
  const voteType = election.voteType ?? normaliseVoteType(meta['vote_type']);
  const h = prepareHeader(election.projects, election.budget, voteType, meta, extraMoney);
  const index = h.index;
  const m = h.ids.length;
  const grouper = new BallotGrouper(m, voteType);
  let tp = new Int32Array(16);
  let tw = new Int32Array(16);
  const seen = new Int32Array(m).fill(-1);
  const pos = new Int32Array(m);
  let bi = 0;
  for (const b of election.ballots) {
    const isArr = Array.isArray(b);
    const projects: readonly string[] = isArr ? (b as readonly string[]) : (b as { projects: readonly string[] }).projects;
    const points = isArr ? undefined : (b as { points?: readonly number[] }).points;
    if (!Array.isArray(projects)) throw new TallyInputError(`ballot ${bi + 1} has no list of projects`);
    if (voteType === 'cumulative' && points === undefined && projects.length > 0) {
      throw new TallyInputError(`ballot ${bi + 1} gives no points (cumulative ballots need points)`);
    }
    if (points !== undefined && voteType === 'cumulative' && points.length !== projects.length) {
      throw new TallyInputError(`ballot ${bi + 1} lists ${projects.length} projects but ${points.length} points`);
    }
    if (projects.length > tp.length) {
      tp = new Int32Array(projects.length * 2);
      tw = new Int32Array(projects.length * 2);
    }
    let len = 0;
    for (let k = 0; k < projects.length; k++) {
      const id = projects[k]!;
      const p = index.get(id);
      if (p === undefined) throw new TallyInputError(`ballot ${bi + 1} names unknown project "${id}"`);
      let w = 1;
      if (voteType === 'cumulative') {
        w = points![k]!;
        if (!Number.isSafeInteger(w) || w < 0 || w > 0x7fffffff) throw new TallyInputError(`ballot ${bi + 1} gives project "${id}" invalid points ${w} (need a non-negative integer)`);
      }
      // a project named twice counts once: approval ballots are sets, an ordinal ballot keeps
      // its first place, cumulative points of the last mention count (as pabutools reads them)
      if (seen[p] === bi) {
        if (voteType === 'cumulative') tw[pos[p]!] = w;
        continue;
      }
      seen[p] = bi;
      pos[p] = len;
      if (voteType === 'ordinal') w = len; // rank
      tp[len] = p;
      tw[len] = w;
      len++;
    }
    grouper.add(tp, tw, len);
    bi++;
  }
  return grouper.finish(h);
}

function buildPrepared(
  h: ElectionHeader,
  n: number,
  votes: number[],
  scores: number[],
  groupMult: Int32Array,
  groupStart: Int32Array,
  groupProj: Int32Array,
  groupW: Int32Array,
): Prepared {
  const m = h.ids.length;
  const G = groupMult.length;
  const voteType = h.voteType;
  const ids = h.ids;

  // Supporters per project, grouped by weight.
  const cnt = new Int32Array(m + 1);
  for (let i = 0; i < groupProj.length; i++) cnt[groupProj[i]! + 1]! += 1;
  for (let p = 0; p < m; p++) cnt[p + 1]! += cnt[p]!;
  const supStart = Int32Array.from(cnt);
  const fill = Int32Array.from(cnt);
  const supGroup = new Int32Array(groupProj.length);
  const supW = new Int32Array(groupProj.length);
  for (let g = 0; g < G; g++) {
    for (let i = groupStart[g]!; i < groupStart[g + 1]!; i++) {
      const p = groupProj[i]!;
      const at = fill[p]!++;
      supGroup[at] = g;
      supW[at] = groupW[i]!;
    }
  }
  const segStartArr: number[] = [0];
  const segPosArr: number[] = [];
  const segWArr: number[] = [];
  for (let p = 0; p < m; p++) {
    const s = supStart[p]!;
    const e = supStart[p + 1]!;
    if (voteType !== 'approval' && e - s > 1) {
      const order = Array.from({ length: e - s }, (_, i) => s + i).sort((x, y) => supW[x]! - supW[y]! || supGroup[x]! - supGroup[y]!);
      const g2 = order.map((i) => supGroup[i]!);
      const w2 = order.map((i) => supW[i]!);
      for (let i = 0; i < order.length; i++) {
        supGroup[s + i] = g2[i]!;
        supW[s + i] = w2[i]!;
      }
    }
    for (let i = s; i < e; i++) {
      if (i === s || supW[i] !== supW[i - 1]) {
        segPosArr.push(i);
        segWArr.push(supW[i]!);
      }
    }
    segStartArr.push(segPosArr.length);
  }
  const segPos = Int32Array.from([...segPosArr, groupProj.length]);

  const natOrder = Array.from({ length: m }, (_, i) => i).sort((a, b) => naturalCompare(ids[a]!, ids[b]!));
  const natRank = new Array<number>(m);
  natOrder.forEach((p, r) => (natRank[p] = r));

  return {
    voteType,
    meta: h.meta,
    m,
    ids,
    names: h.names,
    n,
    digits: h.digits,
    unit: pow10(h.digits),
    budget: h.budget,
    costs: h.costs,
    votes,
    scores,
    natRank,
    groupCount: G,
    groupMult,
    groupStart,
    groupProj,
    groupW,
    supStart,
    supGroup,
    supW,
    segStart: Int32Array.from(segStartArr),
    segPos,
    segW: Int32Array.from(segWArr),
  };
}

/** Tie-breaking from reference.json: lower cost first, then more votes (or points), then natural order of id. */
export function tieCompare(P: Prepared, a: number, b: number): number {
  const ca = P.costs[a]!;
  const cb = P.costs[b]!;
  if (ca !== cb) return ca < cb ? -1 : 1;
  const sa = P.scores[a]!;
  const sb = P.scores[b]!;
  if (sa !== sb) return sb - sa;
  return P.natRank[a]! - P.natRank[b]!;
}
