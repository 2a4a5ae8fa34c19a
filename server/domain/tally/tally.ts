/**
 * The tally: five rules over one election, with an explanation for every project.
 *
 *  greedy       order by votes (points), fund each project that still fits.
 *  greedy-meta  greedy as META says: min_project_score_threshold removes projects
 *               below it; rule "greedy-no-skip" stops at the first project that
 *               does not fit; any other rule name runs as plain greedy.
 *  mes          Method of Equal Shares, cost utility, no completion.
 *  mes-greedy   mes, then greedy by votes with the budget left.
 *  mes-add1     mes with Add1 completion (see add1.ts).
 *
 * Tie-breaking everywhere: lower cost first, then more votes (or points), then
 * natural order of project id.
 */

import { formatScaled, parseDecimal, toScaled, TallyInputError } from './decimal.ts';
import type { Money } from './decimal.ts';
import { prepare } from './election.ts';
import type { Election, Prepared } from './election.ts';
import { runGreedy } from './greedy.ts';
import type { GreedyOutcome } from './greedy.ts';
import { MesEngine, equalShare } from './mes.ts';
import type { MesRun } from './mes.ts';
import { runAdd1 } from './add1.ts';
import type { Add1Result } from './add1.ts';
import { formatRat } from './rational.ts';
import type { Rat } from './rational.ts';
import type { Add1Info, Explanation, ExplanationBase, ExplanationReason, MesMiss } from './explanation.ts';
import { naturalCompare } from './natural.ts';

export const RULES = ['greedy', 'greedy-meta', 'mes', 'mes-greedy', 'mes-add1'] as const;
export type RuleName = (typeof RULES)[number];

export function isRuleName(x: string): x is RuleName {
  return (RULES as readonly string[]).includes(x);
}

export interface TallyOptions {
  /** Add1 step per voter, in currency units. Default 1 (one yuan / złoty / euro per voter per step). */
  readonly add1Step?: Money;
}

/** The Add1 step in scaled money units. */
export function add1StepUnits(P: Prepared, options: TallyOptions = {}): bigint {
  const step = toScaled(parseDecimal(options.add1Step ?? 1, 'add1Step'), P.digits);
  if (step <= 0n) throw new TallyInputError('add1Step must be positive');
  return step;
}

export interface TallyResult {
  readonly rule: RuleName;
  /** Funded project ids in natural order. */
  readonly selected: string[];
  /** Funded project ids in the order the rule funded them. */
  readonly fundingOrder: string[];
  /** Exact total cost of the funded projects, decimal string in currency units. */
  readonly totalCost: string;
  /** Budget, exact decimal string. */
  readonly budget: string;
  /** One explanation per project id. */
  readonly explanations: Record<string, Explanation>;
  /** Number of voters supporting each project. */
  readonly votes: Record<string, number>;
  /** Approval count / total points / positional points per project (what greedy ranks by). */
  readonly scores: Record<string, number>;
  /** Number of ballots. */
  readonly voters: number;
  /** mes-add1 only: how the completion ended. */
  readonly add1?: Add1Info;
}

function base(P: Prepared, p: number, funded: boolean): ExplanationBase {
  return {
    projectId: P.ids[p]!,
    funded,
    cost: formatScaled(P.costs[p]!, P.digits),
    votes: P.votes[p]!,
    score: P.scores[p]!,
    scoreUnit: P.voteType === 'approval' ? 'votes' : 'points',
  };
}

function money(P: Prepared, v: bigint): string {
  return formatScaled(v, P.digits);
}

function moneyRat(P: Prepared, r: Rat): string {
  return formatRat(r, P.digits, 2);
}

function greedyReason(P: Prepared, o: GreedyOutcome): ExplanationReason {
  switch (o.kind) {
    case 'funded':
      return { code: 'greedy-funded', rank: o.rank, remainingBefore: money(P, o.remainingBefore) };
    case 'did-not-fit':
      return { code: 'greedy-did-not-fit', rank: o.rank, remaining: money(P, o.remaining) };
    case 'below-threshold':
      return { code: 'below-threshold', threshold: o.threshold };
    case 'stopped':
      return { code: 'greedy-stopped', rank: o.rank, stoppedAt: P.ids[o.stoppedAt]! };
  }
}

/** Threshold and no-skip from META (greedy-meta). */
export function metaGreedyOptions(meta: Readonly<Record<string, string>>): { threshold?: number; noSkip: boolean } {
  const rule = (meta['rule'] ?? '').trim();
  const t = meta['min_project_score_threshold'];
  let threshold: number | undefined;
  if (t !== undefined && t.trim() !== '' && t.trim().toLowerCase() !== 'none') {
    const v = Number(t.replace(',', '.'));
    if (!Number.isFinite(v)) throw new TallyInputError(`META min_project_score_threshold is not a number: "${t}"`);
    threshold = v;
  }
  return { threshold, noSkip: rule === 'greedy-no-skip' };
}

/** Display only: a float amount in scaled units as a 2-decimal string. */
function moneyFloat(P: Prepared, v: number): string {
  const x = v / Number(P.unit);
  const s = (Math.abs(x) < 0.005 ? 0 : x).toFixed(2);
  return s;
}

function mesMiss(P: Prepared, run: MesRun, p: number, b0: Rat): MesMiss {
  const d = run.dropped!.get(p)!;
  // effective vote count = cost / a (a = payment per vote or point)
  let eff: string | null = null;
  if (d.lastA !== null && d.lastA > 0) eff = (Number(P.costs[p]!) / d.lastA).toFixed(2);
  return {
    round: d.round,
    supportersMoney: moneyFloat(P, d.money),
    effectiveVotes: eff,
    perVoterBudget: moneyRat(P, b0),
  };
}

function mesExplanations(P: Prepared, run: MesRun, b0: Rat, add1?: Add1Info): Record<string, Explanation> {
  const out: Record<string, Explanation> = {};
  for (let p = 0; p < P.m; p++) {
    const id = P.ids[p]!;
    const f = run.funded!.get(p);
    if (f) {
      const eff = f.a > 0 ? (Number(P.costs[p]!) / f.a).toFixed(2) : '∞';
      out[id] = {
        ...base(P, p, true),
        code: 'mes-funded',
        round: f.round,
        share: moneyFloat(P, f.a),
        effectiveVotes: eff,
        fullPayers: f.fullPayers,
        allInPayers: f.allInPayers,
        perVoterBudget: moneyRat(P, b0),
        ...(add1 ? { add1 } : {}),
      };
    } else if (P.scores[p]! <= 0) {
      out[id] = { ...base(P, p, false), code: 'no-support' };
    } else {
      out[id] = { ...base(P, p, false), code: 'mes-unaffordable', ...mesMiss(P, run, p, b0), ...(add1 ? { add1 } : {}) };
    }
  }
  return out;
}

function finish(P: Prepared, rule: RuleName, order: number[], explanations: Record<string, Explanation>, add1?: Add1Info): TallyResult {
  let total = 0n;
  for (const p of order) total += P.costs[p]!;
  const votes: Record<string, number> = {};
  const scores: Record<string, number> = {};
  for (let p = 0; p < P.m; p++) {
    votes[P.ids[p]!] = P.votes[p]!;
    scores[P.ids[p]!] = P.scores[p]!;
  }
  const fundingOrder = order.map((p) => P.ids[p]!);
  const res: TallyResult = {
    rule,
    selected: [...fundingOrder].sort(naturalCompare),
    fundingOrder,
    totalCost: money(P, total),
    budget: money(P, P.budget),
    explanations,
    votes,
    scores,
    voters: P.n,
  };
  return add1 ? { ...res, add1 } : res;
}

function greedyRule(P: Prepared, rule: RuleName, opts: { threshold?: number; noSkip?: boolean }): TallyResult {
  const g = runGreedy(P, opts);
  const ex: Record<string, Explanation> = {};
  for (let p = 0; p < P.m; p++) {
    const o = g.outcomes.get(p)!;
    ex[P.ids[p]!] = { ...base(P, p, o.kind === 'funded'), ...greedyReason(P, o) };
  }
  return finish(P, rule, g.added, ex);
}

/** Runs one rule on a prepared election (prepare once, run several rules). */
export function tallyPrepared(P: Prepared, rule: RuleName, options: TallyOptions = {}, engine?: MesEngine): TallyResult {
  switch (rule) {
    case 'greedy':
      return greedyRule(P, rule, {});
    case 'greedy-meta':
      return greedyRule(P, rule, metaGreedyOptions(P.meta));
    case 'mes': {
      const b0 = equalShare(P);
      const run = (engine ?? new MesEngine(P)).run(b0, { record: true });
      return finish(P, rule, run.order, mesExplanations(P, run, b0));
    }
    case 'mes-greedy': {
      const b0 = equalShare(P);
      const run = (engine ?? new MesEngine(P)).run(b0, { record: true });
      const mesEx = mesExplanations(P, run, b0);
      const g = runGreedy(P, { initial: run.order });
      const ex: Record<string, Explanation> = {};
      for (let p = 0; p < P.m; p++) {
        const id = P.ids[p]!;
        const o = g.outcomes.get(p);
        const e = mesEx[id]!;
        if (o === undefined || e.code === 'no-support') {
          ex[id] = o && o.kind === 'funded' ? { ...base(P, p, true), ...greedyReason(P, o) } : e;
          continue;
        }
        const miss = mesMiss(P, run, p, b0);
        if (o.kind === 'funded') ex[id] = { ...base(P, p, true), code: 'completion-funded', rank: o.rank, remainingBefore: money(P, o.remainingBefore), mes: miss };
        else if (o.kind === 'did-not-fit') ex[id] = { ...base(P, p, false), code: 'completion-did-not-fit', rank: o.rank, remaining: money(P, o.remaining), mes: miss };
        else ex[id] = e;
      }
      return finish(P, rule, [...run.order, ...g.added], ex);
    }
    case 'mes-add1': {
      let all = 0n;
      for (const c of P.costs) all += c;
      if (all <= P.budget) {
        const ex: Record<string, Explanation> = {};
        for (let p = 0; p < P.m; p++) {
          ex[P.ids[p]!] = { ...base(P, p, true), code: 'all-fit', totalCost: money(P, all), budget: money(P, P.budget) };
        }
        return finish(P, rule, Array.from({ length: P.m }, (_, p) => p), ex);
      }
      const step = add1StepUnits(P, options);
      const r: Add1Result = runAdd1(P, step, engine);
      const info: Add1Info = {
        startBudget: moneyRat(P, equalShare(P)),
        reachedBudget: moneyRat(P, r.perVoterBudget),
        steps: r.steps,
        stop: r.stop,
        ...(r.nextStep ? { nextBudget: moneyRat(P, r.nextStep.perVoterBudget), nextCost: money(P, r.nextStep.totalCost) } : {}),
      };
      return finish(P, rule, r.run.order, mesExplanations(P, r.run, r.perVoterBudget, info), info);
    }
  }
}

/**
 * Computes the result of `rule` for `election`. Throws TallyInputError if the
 * election is malformed (unknown project in a ballot, bad cost, ...).
 */
export function tally(election: Election, rule: RuleName, options: TallyOptions = {}): TallyResult {
  if (!isRuleName(rule)) throw new TallyInputError(`unknown rule "${String(rule)}"; rules: ${RULES.join(', ')}`);
  const P = prepare(election, options.add1Step !== undefined ? [options.add1Step] : []);
  return tallyPrepared(P, rule, options);
}

/** Runs several rules on the same election (parses and groups ballots once). */
export function tallyAll(election: Election, rules: readonly RuleName[] = RULES, options: TallyOptions = {}): Record<RuleName, TallyResult> {
  const P = prepare(election, options.add1Step !== undefined ? [options.add1Step] : []);
  const engine = new MesEngine(P);
  const out = {} as Record<RuleName, TallyResult>;
  for (const r of rules) out[r] = tallyPrepared(P, r, options, engine);
  return out;
}
