/**
 * Why each project was or was not funded: structured data (a reason code and
 * exact numbers as decimal strings). The sentences in English and Chinese are
 * the catalogue's (messages/explanation.ts, tally.json's `explain.*`).
 */

/** Numbers shown to people: money as decimal strings in currency units (exact, or rounded to 2 decimals where marked). */
export interface ExplanationBase {
  readonly projectId: string;
  readonly funded: boolean;
  /** Cost, exact decimal. */
  readonly cost: string;
  /** Voters who supported the project. */
  readonly votes: number;
  /** Approval count, total points, or total positional points (what greedy ranks by). */
  readonly score: number;
  /** 'votes' for approval ballots, 'points' otherwise. */
  readonly scoreUnit: 'votes' | 'points';
}

/** MES details of a project that Equal Shares did not fund. */
export interface MesMiss {
  /** Number of projects already funded when its supporters' money ran short (0 = from the start). */
  readonly round: number;
  /** Money its supporters had left in total then (rounded to 2 decimals). */
  readonly supportersMoney: string;
  /** Its effective vote count (cost / largest share per vote) at its last evaluation, 2 decimals; null if never affordable. */
  readonly effectiveVotes: string | null;
  /** Per-voter budget the MES run started with (2 decimals). */
  readonly perVoterBudget: string;
}

export interface Add1Info {
  /** B / n, the plain equal share per voter (2 decimals). */
  readonly startBudget: string;
  /** The per-voter budget Add1 reached for the returned outcome (2 decimals). */
  readonly reachedBudget: string;
  /** Number of +1 steps. */
  readonly steps: number;
  /** Why Add1 stopped. */
  readonly stop: 'exhaustive' | 'next-step-over-budget';
  /** When stop = next-step-over-budget: the next per-voter budget and what its outcome would have cost. */
  readonly nextBudget?: string;
  readonly nextCost?: string;
}

export type ExplanationReason =
  | { readonly code: 'greedy-funded'; readonly rank: number; readonly remainingBefore: string }
  | { readonly code: 'greedy-did-not-fit'; readonly rank: number; readonly remaining: string }
  | { readonly code: 'below-threshold'; readonly threshold: number }
  | { readonly code: 'greedy-stopped'; readonly rank: number; readonly stoppedAt: string }
  | { readonly code: 'no-support' }
  | {
      readonly code: 'mes-funded';
      readonly round: number;
      /** Largest share one voter paid per vote/point (2 decimals). */
      readonly share: string;
      readonly effectiveVotes: string;
      readonly fullPayers: number;
      readonly allInPayers: number;
      readonly perVoterBudget: string;
      readonly add1?: Add1Info;
    }
  | ({ readonly code: 'mes-unaffordable'; readonly add1?: Add1Info } & MesMiss)
  | { readonly code: 'completion-funded'; readonly rank: number; readonly remainingBefore: string; readonly mes: MesMiss }
  | { readonly code: 'completion-did-not-fit'; readonly rank: number; readonly remaining: string; readonly mes: MesMiss }
  | { readonly code: 'all-fit'; readonly totalCost: string; readonly budget: string };

export type Explanation = ExplanationBase & ExplanationReason;
export type ExplanationCode = ExplanationReason['code'];
export type Language = 'en' | 'zh-CN';

export interface RenderOptions {
  /** Appended to money amounts, e.g. "PLN" or "元". */
  readonly currency?: string;
  /** Writes a money amount (a decimal string in currency units) instead: a site's own money format. Overrides `currency`. */
  readonly formatMoney?: (amount: string) => string;
}
