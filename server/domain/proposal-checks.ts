/**
 * @module Checking a resident's proposal against the cycle's rulebook, the
 * same way in the browser (as the resident types) and on the server (when the
 * draft is saved or submitted).
 *
 * It composes the rulebook's screening aids (category cap, negative list,
 * likely duplicates) into one result: a code per field with the numbers that
 * broke it, the category whose cap applies, the negative-list terms found
 * (messages/proposal-words.ts words them). Only the cap (and malformed input) blocks;
 * a negative-list term is a warning and a look-alike project a hint, because
 * a person decides those at screening (DOMAIN.md).
 *
 * Also here: `linkify`, which splits plain text into text and link segments
 * so comments can show http(s) links without ever rendering HTML.
 */
import { checkCap, checkNegativeList, likelyDuplicates } from './rulebook.ts';
import type { Bilingual, Rulebook } from './rulebook.ts';
import { parseTypedYuan } from './money.ts';

export const PROPOSAL_FIELDS = [
  'title',
  'category',
  'theme',
  'description',
  'address',
  'lat',
  'lng',
  'estimatedCost',
  'beneficiaries',
  'beneficiaryCount',
] as const;
export type ProposalField = (typeof PROPOSAL_FIELDS)[number];

/** Lengths in characters (code points, so 一 counts as one). */
export const PROPOSAL_LIMITS = {
  title: { min: 4, max: 60 },
  description: { min: 10, max: 3000 },
  address: { min: 2, max: 120 },
  beneficiaries: { max: 200 },
  beneficiaryCount: { max: 10_000_000 },
} as const;

/** What a form or a JSON body gives us: text as typed, numbers possibly as text. */
export type ProposalInput = {
  title?: string | null;
  category?: string | null;
  theme?: string | null;
  description?: string | null;
  address?: string | null;
  lat?: string | number | null;
  lng?: string | number | null;
  /** Yuan as a person types it: '35000', '3.5万', '1,234.50'. */
  estimatedCost?: string | number | null;
  beneficiaries?: string | null;
  beneficiaryCount?: string | number | null;
};

/** A proposal that passed every blocking check, ready to store. */
export type ProposalValues = {
  title: string;
  category: string;
  theme: string;
  description: string;
  address: string;
  lat: number | null;
  lng: number | null;
  estimatedCostFen: number;
  beneficiaries: string;
  beneficiaryCount: number | null;
};

/** A published project of the same community, for the duplicate hint. */
export type ExistingProject = { id: string; code: string; title: string; address: string };

export type NegativeListWarning = { term: string; rule: Bilingual };

/** What is wrong with a field (words: participation.json `check.issue.<code>`). */
export const PROPOSAL_ISSUE_CODES = [
  'required',
  'too_short',
  'too_long',
  'choose_category',
  'unknown_category',
  'choose_theme',
  'unknown_theme',
  'cost_required',
  'cost_zero',
  'cost_not_a_number',
  'cost_too_many_decimals',
  'cost_negative',
  'cost_too_large',
  'over_cap',
  'not_a_number',
  'lat_range',
  'lng_range',
  'point_both',
  'whole_number',
  'count_range',
] as const;
export type ProposalIssueCode = (typeof PROPOSAL_ISSUE_CODES)[number];
/** A field's problem and the numbers it names: lengths, or the cost and the category whose cap it is over. */
export type ProposalIssue = { code: ProposalIssueCode; values?: { min?: number; max?: number; n?: number; costFen?: number; cap?: { name: Bilingual; capFen: number } } };
export type DuplicateHint = { id: string; code: string; title: string; sameAddress: boolean; score: number };

export type ProposalCheck = {
  /** Blocking problems, one per field. */
  fields: Partial<Record<ProposalField, ProposalIssue>>;
  /** The chosen category's cap, and the category (its rule reads "工程类项目上限 100万元"). */
  capFen: number | null;
  capCategory: { name: Bilingual; capFen: number } | null;
  /** The cost as understood, when it could be read. */
  costFen: number | null;
  warnings: NegativeListWarning[];
  duplicates: DuplicateHint[];
  /** Set only for a complete check with no blocking problem. */
  value: ProposalValues | null;
};

type CheckRulebook = Pick<Rulebook, 'categories' | 'themes' | 'negativeList'>;

const MAX_DUPLICATES = 5;

/**
 * Check a proposal. `complete: false` (as the resident types) flags only what
 * has been filled in: an empty title is not an error yet. `complete: true`
 * (saving, submitting) also requires every required field and, when nothing
 * blocks, returns the cleaned `value`.
 */
export function checkProposal(
  rulebook: CheckRulebook,
  input: ProposalInput,
  existing: readonly ExistingProject[],
  opts: { complete?: boolean } = {},
): ProposalCheck {
  const complete = opts.complete === true;
  const fields: Partial<Record<ProposalField, ProposalIssue>> = {};
  const set = (field: ProposalField, code: ProposalIssueCode, values?: ProposalIssue['values']) => {
    fields[field] ??= values ? { code, values } : { code };
  };

  const title = oneLine(input.title);
  const description = cleanText(input.description);
  const address = oneLine(input.address);
  const beneficiaries = oneLine(input.beneficiaries);
  const categoryKey = oneLine(input.category);
  const themeKey = oneLine(input.theme);

  checkLength('title', title, PROPOSAL_LIMITS.title, complete, set);
  checkLength('description', description, PROPOSAL_LIMITS.description, complete, set);
  checkLength('address', address, PROPOSAL_LIMITS.address, complete, set);
  checkLength('beneficiaries', beneficiaries, { min: 0, max: PROPOSAL_LIMITS.beneficiaries.max }, complete, set);

  const category = rulebook.categories.find((c) => c.key === categoryKey) ?? null;
  if (categoryKey === '') {
    if (complete) set('category', 'choose_category');
  } else if (!category) set('category', 'unknown_category');

  if (themeKey === '') {
    if (complete) set('theme', 'choose_theme');
  } else if (!rulebook.themes.some((t) => t.key === themeKey)) set('theme', 'unknown_theme');

  // Cost: read the yuan, then hold it against the category's cap.
  let costFen: number | null = null;
  const parsed = parseTypedYuan(input.estimatedCost == null ? '' : String(input.estimatedCost));
  if (!parsed.ok) {
    if (parsed.reason !== 'empty') set('estimatedCost', `cost_${parsed.reason}`);
    else if (complete) set('estimatedCost', 'cost_required');
  } else if (parsed.fen === 0) set('estimatedCost', 'cost_zero');
  else costFen = parsed.fen;
  const capCategory = category ? { name: category.name, capFen: category.capFen } : null;
  if (capCategory && costFen !== null) {
    const over = checkCap(rulebook, category!.key, costFen);
    if (over?.reason === 'over_cap') set('estimatedCost', 'over_cap', { costFen, cap: capCategory });
  }

  // Map point: optional, but both numbers or neither.
  const lat = readNumber(input.lat);
  const lng = readNumber(input.lng);
  if (lat === 'bad') set('lat', 'not_a_number');
  else if (lat !== null && (lat < -90 || lat > 90)) set('lat', 'lat_range');
  if (lng === 'bad') set('lng', 'not_a_number');
  else if (lng !== null && (lng < -180 || lng > 180)) set('lng', 'lng_range');
  if (lat === null && typeof lng === 'number') set('lat', 'point_both');
  if (lng === null && typeof lat === 'number') set('lng', 'point_both');

  const count = readNumber(input.beneficiaryCount);
  if (count === 'bad' || (count !== null && !Number.isSafeInteger(count))) set('beneficiaryCount', 'whole_number');
  else if (count !== null && (count < 0 || count > PROPOSAL_LIMITS.beneficiaryCount.max)) set('beneficiaryCount', 'count_range');

  const warnings: NegativeListWarning[] = checkNegativeList(rulebook, `${title}\n${description}`).map((entry) => ({ term: entry.term, rule: entry.rule }));

  const byId = new Map(existing.map((e) => [e.id, e]));
  const duplicates: DuplicateHint[] =
    Array.from(title).length >= 2
      ? likelyDuplicates({ title, address }, existing)
          .slice(0, MAX_DUPLICATES)
          .map((m) => {
            const e = byId.get(m.id)!;
            return { id: e.id, code: e.code, title: e.title, sameAddress: m.sameAddress, score: m.score };
          })
      : [];

  const ok = Object.keys(fields).length === 0;
  const value: ProposalValues | null =
    complete && ok && category && costFen !== null
      ? {
          title,
          category: category.key,
          theme: themeKey,
          description,
          address,
          lat: typeof lat === 'number' ? lat : null,
          lng: typeof lng === 'number' ? lng : null,
          estimatedCostFen: costFen,
          beneficiaries,
          beneficiaryCount: typeof count === 'number' ? count : null,
        }
      : null;

  return { fields, capFen: category?.capFen ?? null, capCategory, costFen, warnings, duplicates, value };
}

function checkLength(
  field: ProposalField,
  text: string,
  limits: { min: number; max: number },
  complete: boolean,
  set: (f: ProposalField, code: ProposalIssueCode, values?: ProposalIssue['values']) => void,
) {
  const n = Array.from(text).length;
  if (n === 0) {
    if (complete && limits.min > 0) set(field, 'required');
  } else if (n < limits.min) {
    if (complete) set(field, 'too_short', { min: limits.min });
  } else if (n > limits.max) {
    set(field, 'too_long', { max: limits.max, n });
  }
}

// Control characters other than tab and newline never belong in a proposal.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Multi-line text: normalised line ends, no control characters, trimmed. */
export function cleanText(s: string | null | undefined): string {
  return (s ?? '').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** One-line text: any run of whitespace (newlines included) becomes one space. */
export function oneLine(s: string | null | undefined): string {
  return cleanText(s).replace(/\s+/gu, ' ');
}

/** A number from a form field or JSON: null when empty, 'bad' when not a number. */
export function readNumber(v: string | number | null | undefined): number | null | 'bad' {
  if (v == null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : 'bad';
  const s = v.normalize('NFKC').trim();
  if (s === '') return null;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return 'bad';
  return Number(s);
}

// ---------------------------------------------------------------------------
// Plain text with links
// ---------------------------------------------------------------------------

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// A URL is ASCII up to the first space or non-ASCII character, so
// "详见https://example.com/a今天" links only the address.
const URL_RE = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gi;
const TRAILING = /[.,;:!?'"]+$/;

/**
 * Split plain text into text and link segments. Only http(s) URLs become
 * links; punctuation right after a URL stays text; the caller renders text
 * segments as text (escaped), never as HTML.
 */
export function linkify(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  // Text and links alternate: a piece of text is always followed by a link or the end.
  const pushText = (s: string) => {
    if (s !== '') out.push({ kind: 'text', text: s });
  };
  let at = 0;
  for (const m of text.matchAll(URL_RE)) {
    const start = m.index!;
    // "xhttp://…" is not a URL that starts here.
    if (start > 0 && /[A-Za-z0-9]/.test(text[start - 1]!)) continue;
    const url = trimUrl(m[0]);
    const href = safeHref(url);
    if (href === null) continue;
    pushText(text.slice(at, start));
    out.push({ kind: 'link', text: url, href });
    at = start + url.length;
  }
  pushText(text.slice(at));
  return out;
}

/** Drop trailing punctuation, and a closing bracket that has no opening one inside the URL. */
function trimUrl(url: string): string {
  let u = url;
  for (;;) {
    const before = u;
    u = u.replace(TRAILING, '');
    for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
      if (u.endsWith(close) && count(u, open) < count(u, close)) u = u.slice(0, -1);
    }
    if (u === before) return u;
  }
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    if (parsed.hostname === '') return null;
    return parsed.href;
  } catch {
    return null;
  }
}

/** The message of a bilingual pair in the page's or caller's language. */
/** Is the cost the reason this check blocks? (It then names the cap.) */
export function isOverCap(check: Pick<ProposalCheck, 'capFen' | 'costFen'>): boolean {
  return check.capFen !== null && check.costFen !== null && check.costFen > check.capFen;
}
