/**
 * @module The rules of a resident-vote ballot, as the cycle's rulebook sets
 * them: approval (choose up to k projects), budget basket (chosen projects fit
 * the budget, and fill at least a minimum share of it if the rulebook says
 * so), points (spread N points, at most M per project).
 *
 * Pure: the same check runs on the server (authoritative, a ballot that
 * breaks a rule is refused whole) and in the browser (the ballot island's
 * live counter). Every problem names its field and the rule, with the
 * numbers that broke it (messages/ballot-words.ts says it).
 *
 * Also owns the canonical serialisation of a ballot's content, so that two
 * ballots with the same choices are byte-for-byte equal (paper double entry
 * compares them, and the receipt page reads them back).
 */
import type { Fraction, VoteSettings } from './rulebook.ts';

export type BallotMethod = 'approval' | 'basket' | 'points';
export const BALLOT_METHODS: readonly BallotMethod[] = ['approval', 'basket', 'points'];

/** A project on the ballot (the cycle's screened-in projects). */
export type BallotProject = { id: string; costFen: number };

/** What a voter (or a staff member typing a paper ballot) sent. */
export type BallotInput = {
  /** approval / basket: the chosen project ids. */
  projects?: readonly string[] | undefined;
  /** points: points per project id. */
  points?: Readonly<Record<string, number>> | undefined;
};

/** A ballot that passed every rule, normalised (sorted, no zero points). */
export type Ballot =
  | { method: 'approval' | 'basket'; projects: string[] }
  | { method: 'points'; points: Record<string, number> };

export const BALLOT_ISSUE_CODES = [
  'no_vote',
  'wrong_shape',
  'empty_ballot',
  'not_on_ballot',
  'duplicate_project',
  'too_many_choices',
  'over_budget',
  'under_min_share',
  'points_not_integer',
  'over_max_per_project',
  'over_total_points',
] as const;
export type BallotIssueCode = (typeof BALLOT_ISSUE_CODES)[number];

/**
 * One broken rule. `field` is `projects` for choices as a whole, `points` for
 * the points total, `points.<projectId>` for one project's points; `values`
 * are the numbers its words name (amounts in fen). messages/ballot-words.ts
 * says it.
 */
export type BallotIssue = { field: string; code: BallotIssueCode; values?: BallotIssueValues };
export type BallotIssueValues = { max?: number; n?: number; total?: number; used?: number; costFen?: number; budgetFen?: number; needFen?: number; share?: Fraction };

export type BallotCheck =
  | { ok: true; ballot: Ballot; content: string; totals: BallotTotals }
  | { ok: false; issues: BallotIssue[]; totals: BallotTotals };

/** What the ballot adds up to, whether or not it is valid: the live counter shows these. */
export type BallotTotals = { chosen: number; costFen: number; pointsUsed: number };

export function isBallotMethod(m: string): m is BallotMethod {
  return (BALLOT_METHODS as readonly string[]).includes(m);
}

/**
 * The smallest whole number of fen that is at least `share` of the budget,
 * exactly. Split as budget = q·den + r so no product leaves the safe-integer
 * range (q·num ≤ budget, r·num < den²); no BigInt, since this also runs in
 * the ballot island and old in-app browsers (ES2019) have none.
 */
export function minShareFen(budgetFen: number, share: Fraction): number {
  // The float division rounds by at most budget/den·2⁻⁵³, less than 1/den
  // for a safe-integer budget, and a quotient of whole numbers is at least
  // 1/den away from the next integer: so its floor is exact.
  const q = Math.floor(budgetFen / share.den);
  const r = budgetFen - q * share.den;
  return q * share.num + Math.ceil((r * share.num) / share.den);
}

/** Adds up a ballot as sent, ignoring unknown projects and bad numbers. */
export function ballotTotals(onBallot: readonly BallotProject[], input: BallotInput): BallotTotals {
  const cost = new Map(onBallot.map((p) => [p.id, p.costFen]));
  const ids = [...new Set(input.projects ?? [])];
  let costFen = 0;
  for (const id of ids) costFen += cost.get(id) ?? 0;
  let pointsUsed = 0;
  let given = 0;
  for (const [id, n] of Object.entries(input.points ?? {})) {
    if (!cost.has(id) || !Number.isSafeInteger(n) || n <= 0) continue;
    pointsUsed += n;
    given++;
  }
  return { chosen: input.points !== undefined ? given : ids.length, costFen, pointsUsed };
}

/**
 * Checks a ballot against the vote settings. `onBallot` are the projects the
 * voter may choose from; `budgetFen` is the cycle's budget (basket).
 * Returns every broken rule, not only the first, so a form can mark them all.
 */
export function checkBallot(vote: VoteSettings, onBallot: readonly BallotProject[], budgetFen: number, input: BallotInput): BallotCheck {
  const totals = ballotTotals(onBallot, input);
  const issues: BallotIssue[] = [];
  const add = (field: string, code: BallotIssueCode, values?: BallotIssueValues) => issues.push(values ? { field, code, values } : { field, code });
  const method = vote.method;
  if (!isBallotMethod(method)) {
    add('_', 'no_vote');
    return { ok: false, issues, totals };
  }
  const known = new Set(onBallot.map((p) => p.id));

  if (method === 'points') {
    if (input.projects !== undefined && input.projects.length > 0) {
      add('projects', 'wrong_shape');
    }
    const total = vote.points ?? 0;
    const max = vote.maxPerProject;
    const points: Record<string, number> = {};
    let used = 0;
    for (const [id, n] of Object.entries(input.points ?? {})) {
      if (!known.has(id)) {
        add(`points.${id}`, 'not_on_ballot');
        continue;
      }
      if (!Number.isSafeInteger(n) || n < 0) {
        add(`points.${id}`, 'points_not_integer');
        continue;
      }
      if (max !== undefined && n > max) {
        add(`points.${id}`, 'over_max_per_project', { max, n });
        continue;
      }
      if (n > 0) {
        points[id] = n;
        used += n;
      }
    }
    if (used > total) add('points', 'over_total_points', { total, used });
    if (issues.length === 0 && used === 0) add('points', 'empty_ballot');
    if (issues.length) return { ok: false, issues, totals };
    const ballot: Ballot = { method, points };
    return { ok: true, ballot, content: serializeBallot(ballot), totals };
  }

  // approval and basket: a set of chosen projects
  if (input.points !== undefined && Object.keys(input.points).length > 0) {
    add('points', 'wrong_shape');
  }
  const chosen = input.projects ?? [];
  const seen = new Set<string>();
  let dup = false;
  const unknown: string[] = [];
  for (const id of chosen) {
    if (seen.has(id)) dup = true;
    seen.add(id);
    if (!known.has(id)) unknown.push(id);
  }
  if (unknown.length) add('projects', 'not_on_ballot');
  if (dup) add('projects', 'duplicate_project');
  const k = vote.maxChoices;
  if (k !== undefined && seen.size > k) add('projects', 'too_many_choices', { max: k, n: seen.size });
  if (method === 'basket') {
    const cost = totals.costFen;
    if (cost > budgetFen) {
      add('projects', 'over_budget', { costFen: cost, budgetFen });
    } else if (vote.minShare && seen.size > 0) {
      const need = minShareFen(budgetFen, vote.minShare);
      if (cost < need) add('projects', 'under_min_share', { costFen: cost, needFen: need, share: vote.minShare });
    }
  }
  if (issues.length === 0 && seen.size === 0) add('projects', 'empty_ballot');
  if (issues.length) return { ok: false, issues, totals };
  const ballot: Ballot = { method, projects: [...seen].sort(compareIds) };
  return { ok: true, ballot, content: serializeBallot(ballot), totals };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Canonical content: approval/basket → `["id1","id2"]` sorted; points →
 * `{"id1":3,"id2":1}` with sorted keys and no zeros. Equal choices give equal
 * strings.
 */
export function serializeBallot(ballot: Ballot): string {
  if (ballot.method === 'points') {
    const keys = Object.keys(ballot.points)
      .filter((k) => ballot.points[k]! > 0)
      .sort(compareIds);
    return '{' + keys.map((k) => `${JSON.stringify(k)}:${ballot.points[k]}`).join(',') + '}';
  }
  return JSON.stringify([...new Set(ballot.projects)].sort(compareIds));
}

/** Reads stored content back. Throws on content that is not canonical JSON of the right shape. */
export function parseBallotContent(method: BallotMethod, content: string): Ballot {
  const v: unknown = JSON.parse(content);
  if (method === 'points') {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('points ballot content must be an object');
    const points: Record<string, number> = {};
    for (const [k, n] of Object.entries(v as Record<string, unknown>)) {
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new Error(`bad points for ${k}`);
      points[k] = n;
    }
    return { method, points };
  }
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new Error('ballot content must be an array of ids');
  return { method, projects: v as string[] };
}

/** The project ids a ballot supports (points > 0 for points ballots). */
export function ballotProjectIds(ballot: Ballot): string[] {
  return ballot.method === 'points' ? Object.keys(ballot.points).filter((k) => ballot.points[k]! > 0) : ballot.projects;
}
