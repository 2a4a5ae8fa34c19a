/**
 * @module The rulebook (per district and year, versioned) and the automatic
 * checks screening relies on: per-category caps, the negative list (不予立项),
 * likely duplicates, and council quorum / pass thresholds.
 *
 * These checks only flag; a person decides and publishes the reason
 * (DOMAIN.md). Fractions are kept as integer numerator/denominator and
 * compared by cross-multiplying, because "more than two thirds" must not
 * depend on how 0.666… rounds.
 */
import stopPhrases from './title-stop-phrases.json' with { type: 'json' };
import defaultRulebook from './default-rulebook.json' with { type: 'json' };

export type Bilingual = { zh: string; en: string };

/** A fraction num/den with 0 ≤ num < den. */
export type Fraction = { num: number; den: number };

export const VOTE_METHODS = ['none', 'approval', 'basket', 'points'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];

export const RESULT_RULES = ['greedy', 'mes-add1'] as const;
export type ResultRule = (typeof RESULT_RULES)[number];

/**
 * Each result rule by its pabulib name, as a `.pb` file's META `rule` says
 * it: `greedy` (greedy by vote count, skipping what does not fit) and
 * `equalshares/add1` (equal shares with the Add1 completion).
 */
export const PABULIB_RULE: Readonly<Record<ResultRule, string>> = { greedy: 'greedy', 'mes-add1': 'equalshares/add1' };

/** The result rule a `.pb` file's META `rule` names (pabulib's name, or this site's own as older files wrote it); null for another rule. */
export function resultRuleOfPabulib(rule: string | undefined): ResultRule | null {
  const r = (rule ?? '').trim();
  for (const k of RESULT_RULES) if (r === k || r === PABULIB_RULE[k]) return k;
  return null;
}

export type Category = { key: string; name: Bilingual; capFen: number };
export type Theme = { key: string; name: Bilingual };
export type NegativeListEntry = { term: string; rule: Bilingual };

/**
 * Where the resident vote is held: `here` (online, and paper ballots entered
 * by staff) or `elsewhere` (an offline vote whose ballots are imported as a
 * pabulib file, after the vote, and count only once a second person approves
 * the import). Never both: imported ballots beside our own would let one
 * person's file add voters nobody verified.
 */
export const VOTE_HELD = ['here', 'elsewhere'] as const;
export type VoteHeld = (typeof VOTE_HELD)[number];

/**
 * What the resident vote decides (when one is held, vote.method ≠ 'none'):
 * `binding` — only the projects the vote funds go on to the council (today's
 * behaviour, and what a rulebook without the setting means); `advisory` — the
 * vote is held, counted and published and the shortlist follows it, but the
 * council is not bound: it may also take up a project the vote did not pick.
 * "No vote" stays vote.method 'none' (the council decides alone).
 */
export const VOTE_EFFECTS = ['binding', 'advisory'] as const;
export type VoteEffect = (typeof VOTE_EFFECTS)[number];

/**
 * When proposals are screened: `after_collection` (screening is a phase of
 * its own, after the collection window closes; what a rulebook without the
 * setting means) or `rolling` (streets screen each proposal as it comes in,
 * during collection too, as many do in practice).
 */
export const SCREENING_MODES = ['after_collection', 'rolling'] as const;
export type ScreeningMode = (typeof SCREENING_MODES)[number];

/** How a cycle decides, in one word for pages: the vote binds, advises, or is not held. */
export type VoteMode = VoteEffect | 'none';

export type VoteSettings = {
  method: VoteMethod;
  /** What the vote decides; missing means `binding` (every rulebook before this setting). */
  effect?: VoteEffect;
  /** Where the vote is held; missing means `here` (every rulebook before this setting). */
  held?: VoteHeld;
  /** approval: a ballot may choose at most this many projects. */
  maxChoices?: number;
  /** basket: a ballot must fill at least this share of the budget to count. */
  minShare?: Fraction;
  /** points: points each voter distributes. */
  points?: number;
  /** points: most points a voter may give one project. */
  maxPerProject?: number;
};

export type Rulebook = {
  districtId: string;
  year: number;
  version: number;
  categories: Category[];
  themes: Theme[];
  communityBudgetFen: number;
  /** Strictly more than this share of all members must be present. */
  quorum: Fraction & { strict: true };
  /** A motion passes with strictly more than this share of members present voting for it. */
  passThreshold: Fraction;
  noticeDays: number;
  negativeList: NegativeListEntry[];
  vote: VoteSettings;
  resultRule: ResultRule;
  /** When proposals are screened; missing means `after_collection` (every rulebook before this setting). */
  screening?: ScreeningMode;
};

export type RulebookSettings = Omit<Rulebook, 'districtId' | 'year' | 'version'>;

/**
 * Realistic defaults, from Shenzhen rules: caps of 南山 2020 (100, 50 and 50
 * 万元), budget of 龙岗 2017 (200 万元), quorum and notice period of 罗湖 2016.
 * The categories, themes and negative list are a district's own words in
 * Chinese and English, so they are data (default-rulebook.json), not
 * messages of the site.
 */
export const DEFAULT_RULEBOOK_SETTINGS: RulebookSettings = defaultRulebook as RulebookSettings;

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

export const RULEBOOK_ISSUE_REASONS = ['required', 'not_positive_integer', 'out_of_range', 'bad_fraction', 'duplicate', 'unknown_value', 'exceeds_budget'] as const;
export type RulebookIssueReason = (typeof RULEBOOK_ISSUE_REASONS)[number];
export type RulebookIssue = { field: string; reason: RulebookIssueReason };

const isPositiveInt = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0;
const isText = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';

/**
 * Sanity checks a rulebook beyond what its type says: caps and budgets are
 * positive whole fen, fractions are proper, keys are unique, the vote
 * settings fit the method. Returns every issue (empty when sound), with field
 * paths such as 'categories[1].capFen'. Zod at the edge checks shapes; this
 * checks meaning, and runs the same in the seed and in tests.
 */
export function validateRulebook(r: Rulebook): RulebookIssue[] {
  const issues: RulebookIssue[] = [];
  const add = (field: string, reason: RulebookIssueReason) => issues.push({ field, reason });

  if (!isText(r.districtId)) add('districtId', 'required');
  if (!Number.isSafeInteger(r.year)) add('year', 'required');
  else if (r.year < 2000 || r.year > 2100) add('year', 'out_of_range');
  if (!isPositiveInt(r.version)) add('version', 'not_positive_integer');
  if (!isPositiveInt(r.communityBudgetFen)) add('communityBudgetFen', 'not_positive_integer');

  checkBilingualList(r.categories, 'categories', add);
  if (Array.isArray(r.categories)) {
    if (r.categories.length === 0) add('categories', 'required');
    r.categories.forEach((c, i) => {
      if (!isPositiveInt(c?.capFen)) add(`categories[${i}].capFen`, 'not_positive_integer');
      // A cap above the whole budget can never be reached: most likely a typo in 万 vs 元.
      else if (isPositiveInt(r.communityBudgetFen) && c.capFen > r.communityBudgetFen) {
        add(`categories[${i}].capFen`, 'exceeds_budget');
      }
    });
  }
  checkBilingualList(r.themes, 'themes', add);

  checkFraction(r.quorum, 'quorum', add);
  if (r.quorum && r.quorum.strict !== true) add('quorum.strict', 'unknown_value');
  checkFraction(r.passThreshold, 'passThreshold', add);

  if (!isPositiveInt(r.noticeDays)) add('noticeDays', 'not_positive_integer');
  else if (r.noticeDays > 90) add('noticeDays', 'out_of_range');

  if (!Array.isArray(r.negativeList)) add('negativeList', 'required');
  else {
    const seen = new Set<string>();
    r.negativeList.forEach((n, i) => {
      if (!isText(n?.term)) add(`negativeList[${i}].term`, 'required');
      else if (seen.has(normalizeText(n.term))) add(`negativeList[${i}].term`, 'duplicate');
      else seen.add(normalizeText(n.term));
      if (!isText(n?.rule?.zh)) add(`negativeList[${i}].rule.zh`, 'required');
      if (!isText(n?.rule?.en)) add(`negativeList[${i}].rule.en`, 'required');
    });
  }

  const v = r.vote;
  if (!v || !(VOTE_METHODS as readonly string[]).includes(v.method)) add('vote.method', 'unknown_value');
  else {
    if (v.method === 'approval' && !isPositiveInt(v.maxChoices)) add('vote.maxChoices', 'not_positive_integer');
    if (v.method === 'points') {
      if (!isPositiveInt(v.points)) add('vote.points', 'not_positive_integer');
      if (v.maxPerProject !== undefined) {
        if (!isPositiveInt(v.maxPerProject)) add('vote.maxPerProject', 'not_positive_integer');
        else if (isPositiveInt(v.points) && v.maxPerProject > v.points) add('vote.maxPerProject', 'out_of_range');
      }
    }
    if (v.minShare !== undefined) checkFraction(v.minShare, 'vote.minShare', add);
    if (v.held !== undefined && !(VOTE_HELD as readonly string[]).includes(v.held)) add('vote.held', 'unknown_value');
    if (v.effect !== undefined && !(VOTE_EFFECTS as readonly string[]).includes(v.effect)) add('vote.effect', 'unknown_value');
    // "Advisory" describes a vote that is held; with no vote there is nothing to advise.
    if (v.method === 'none' && v.effect === 'advisory') add('vote.effect', 'out_of_range');
  }
  if (r.screening !== undefined && !(SCREENING_MODES as readonly string[]).includes(r.screening)) add('screening', 'unknown_value');
  if (!(RESULT_RULES as readonly string[]).includes(r.resultRule)) add('resultRule', 'unknown_value');

  return issues;
}

function checkFraction(f: Fraction | undefined, field: string, add: (f: string, r: RulebookIssueReason) => void) {
  if (!f) return add(field, 'required');
  const ok = Number.isSafeInteger(f.num) && isPositiveInt(f.den) && f.num >= 0 && f.num < f.den;
  if (!ok) add(field, 'bad_fraction');
}

function checkBilingualList(
  list: { key: string; name: Bilingual }[] | undefined,
  field: string,
  add: (f: string, r: RulebookIssueReason) => void,
) {
  if (!Array.isArray(list)) return add(field, 'required');
  const keys = new Set<string>();
  list.forEach((item, i) => {
    if (!isText(item?.key)) add(`${field}[${i}].key`, 'required');
    else if (keys.has(item.key)) add(`${field}[${i}].key`, 'duplicate');
    else keys.add(item.key);
    if (!isText(item?.name?.zh)) add(`${field}[${i}].name.zh`, 'required');
    if (!isText(item?.name?.en)) add(`${field}[${i}].name.en`, 'required');
  });
}

// ---------------------------------------------------------------------------
// Screening checks
// ---------------------------------------------------------------------------

export type CapProblem =
  | { reason: 'over_cap'; capFen: number }
  | { reason: 'unknown_category'; capFen: null };

/** Is the cost within the category's per-project cap? The cap itself is allowed (上限 is inclusive). */
export function checkCap(rulebook: Pick<Rulebook, 'categories'>, categoryKey: string, costFen: number): CapProblem | null {
  if (!Number.isSafeInteger(costFen) || costFen < 0) {
    throw new RangeError(`checkCap: cost ${costFen} is not a non-negative whole number of fen`);
  }
  const category = rulebook.categories.find((c) => c.key === categoryKey);
  if (!category) return { reason: 'unknown_category', capFen: null };
  return costFen > category.capFen ? { reason: 'over_cap', capFen: category.capFen } : null;
}

/** Full-width to half-width (NFKC), lower case, no whitespace: so 'ＷＩＦＩ' finds 'wifi'. */
function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/**
 * Negative-list terms that appear in the text (title and description, say).
 * Plain substring matching: it over-flags ("非物业管理区域" contains 物业), which
 * is right for a screening aid — a person reads the flag and decides.
 */
export function checkNegativeList(rulebook: Pick<Rulebook, 'negativeList'>, text: string): NegativeListEntry[] {
  const haystack = normalizeText(text);
  return rulebook.negativeList.filter((entry) => {
    const needle = normalizeText(entry.term);
    return needle !== '' && haystack.includes(needle);
  });
}

// ---------------------------------------------------------------------------
// Council arithmetic
// ---------------------------------------------------------------------------

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
}

/** part / whole > num / den, exactly: part·den > whole·num. */
function moreThan(part: number, whole: number, f: Fraction): boolean {
  return BigInt(part) * BigInt(f.den) > BigInt(whole) * BigInt(f.num);
}

/**
 * Is the meeting quorate? Strictly more than the quorum share of all members
 * must be present: with 9 members and quorum 2/3, 6 present is exactly two
 * thirds and is not enough; 7 is.
 */
export function quorumMet(rulebook: Pick<Rulebook, 'quorum'>, membersTotal: number, present: number): boolean {
  assertCount(membersTotal, 'membersTotal');
  assertCount(present, 'present');
  if (present > membersTotal) throw new RangeError('present cannot exceed membersTotal');
  // With no members nobody is present, and 0 is never more than a share of 0: no quorum.
  return moreThan(present, membersTotal, rulebook.quorum);
}

/**
 * Does a motion pass? Strictly more than the pass share of members present
 * must vote for it (abstaining counts against, as "of members present" says):
 * 7 present needs 4; 6 present needs 4 too, since 3 is exactly half.
 */
export function motionPasses(rulebook: Pick<Rulebook, 'passThreshold'>, present: number, votesFor: number): boolean {
  assertCount(present, 'present');
  assertCount(votesFor, 'votesFor');
  if (votesFor > present) throw new RangeError('votesFor cannot exceed present');
  // With nobody present nobody votes for, and 0 is never more than a share of 0: it fails.
  return moreThan(votesFor, present, rulebook.passThreshold);
}

/** The fewest members present for quorum, and the fewest votes for a motion to pass. */
export function minimumPresent(rulebook: Pick<Rulebook, 'quorum'>, membersTotal: number): number {
  assertCount(membersTotal, 'membersTotal');
  // Smallest p with p·den > total·num is floor(total·num / den) + 1.
  return floorDiv(membersTotal, rulebook.quorum) + 1;
}

export function minimumVotesFor(rulebook: Pick<Rulebook, 'passThreshold'>, present: number): number {
  assertCount(present, 'present');
  return floorDiv(present, rulebook.passThreshold) + 1;
}

/** floor(n·num / den) in integers (BigInt division truncates, and all terms are ≥ 0). */
function floorDiv(n: number, f: Fraction): number {
  return Number((BigInt(n) * BigInt(f.num)) / BigInt(f.den));
}

// ---------------------------------------------------------------------------
// Likely duplicates
// ---------------------------------------------------------------------------

/** Words in nearly every title; keeping them would make unrelated projects look alike. */
const TITLE_STOP_PHRASES: readonly string[] = stopPhrases;

/** Title similarity at or above which two projects are flagged anywhere. */
export const DUPLICATE_TITLE_THRESHOLD = 0.6;
/** A lower bar when both are at the same address ("same place, similar title"). */
export const DUPLICATE_SAME_ADDRESS_THRESHOLD = 0.3;

function comparable(text: string): string {
  // Keep letters and digits of any script (CJK included); drop spaces and punctuation.
  return normalizeText(text).replace(/[^\p{L}\p{N}]/gu, '');
}

function bigrams(title: string): Set<string> {
  let t = comparable(title);
  for (const phrase of TITLE_STOP_PHRASES) t = t.replaceAll(phrase, '');
  const chars = Array.from(t);
  if (chars.length < 2) return new Set(chars);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return grams;
}

/** Jaccard similarity of character bigrams, 0…1. Chinese has no spaces, so bigrams stand in for words. */
export function titleSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  const union = x.size + y.size - shared;
  // Two titles of nothing but common words share nothing, rather than 0/0.
  return union === 0 ? 0 : shared / union;
}

/** Same place: equal after normalising, or one address contains the other ("12栋" vs "12栋东侧"). */
export function sameAddress(a: string, b: string): boolean {
  const x = comparable(a);
  const y = comparable(b);
  // Two blank addresses are not one place.
  if (x === y) return x !== '';
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return Array.from(short).length >= 4 && long.includes(short);
}

export type DuplicateMatch = { id: string; score: number; sameAddress: boolean };

/**
 * Existing projects that look like the candidate, most similar first. Score
 * is the title similarity; a match needs a high score, or a modest score at
 * the same address.
 */
export function likelyDuplicates(
  candidate: { title: string; address: string },
  existing: readonly { id: string; title: string; address: string }[],
): DuplicateMatch[] {
  const matches: DuplicateMatch[] = [];
  for (const e of existing) {
    const score = titleSimilarity(candidate.title, e.title);
    const here = sameAddress(candidate.address, e.address);
    if (score >= DUPLICATE_TITLE_THRESHOLD || (here && score >= DUPLICATE_SAME_ADDRESS_THRESHOLD)) {
      matches.push({ id: e.id, score, sameAddress: here });
    }
  }
  return matches.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** Where a rulebook's resident vote is held (`here` unless it says otherwise). */
export function voteHeld(vote: Pick<VoteSettings, 'held'>): VoteHeld {
  return vote.held === 'elsewhere' ? 'elsewhere' : 'here';
}

/** What the vote decides; a rulebook without the setting binds (as before it existed). */
export function voteMode(rulebook: { vote: Pick<VoteSettings, 'method' | 'effect'> }): VoteMode {
  if (rulebook.vote.method === 'none') return 'none';
  return rulebook.vote.effect === 'advisory' ? 'advisory' : 'binding';
}

/** When proposals are screened; a rulebook without the setting screens after collection (as before it existed). */
export function screeningMode(rulebook: { screening?: ScreeningMode | null | undefined }): ScreeningMode {
  return rulebook.screening === 'rolling' ? 'rolling' : 'after_collection';
}
