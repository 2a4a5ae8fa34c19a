/**
 * @module Delivery after approval (立项), as pure rules: what an agreement
 * must say, when a payment would overspend the agreed amount, when a project
 * is overdue, the money of a cycle (budget → adopted → contracted → paid →
 * remaining), the satisfaction summary, and CSV text for open data.
 *
 * Dates are ISO days (YYYY-MM-DD) in China time; the caller says what day it
 * is (`today`), so tests and pages agree on one clock. Money is integer fen.
 */
import type { ProjectState } from './project-states.ts';

export const IMPLEMENTER_TYPES = ['contractor', 'social_org', 'community'] as const;
export type ImplementerType = (typeof IMPLEMENTER_TYPES)[number];

export const FINDING_SEVERITIES = ['info', 'issue', 'serious'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** Why a delivery fact is refused, beyond roles and states (those come from permissions.ts). */
export const DELIVERY_PROBLEMS = [
  'bad_date',
  'end_before_start',
  'amount_not_positive',
  'percent_out_of_range',
  'rating_out_of_range',
  'over_agreed_amount',
  'below_paid_amount',
  'no_agreement',
  'agreement_exists',
  'notes_required',
  'date_in_future',
] as const;
export type DeliveryProblem = (typeof DELIVERY_PROBLEMS)[number];

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // A day past its month's end rolls into the next month, so its day number
  // changes; a month past 12 (or 00) rolls into another year, as does a
  // year before 100 (Date.UTC reads 0050 as 1950).
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCDate() === Number(m[3]);
}

/** Whole days from `a` to `b` (positive when b is later). Both YYYY-MM-DD. */
export function daysBetween(a: string, b: string): number {
  const ms = (s: string) => {
    const m = DAY_RE.exec(s)!;
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  };
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}

export type AgreementInput = {
  implementerName: string;
  implementerType: ImplementerType;
  registrationNo: string;
  implementerRating: number | null;
  agreementDate: string;
  agreedAmountFen: number;
  plannedStart: string;
  plannedEnd: string;
};

export type FieldProblems = Partial<Record<string, DeliveryProblem>>;

/**
 * What is wrong with an agreement, by field (empty when it is fine). An
 * amended agreement may not drop below what has already been paid.
 */
export function checkAgreement(a: AgreementInput, opts: { paidFen?: number; today?: string } = {}): FieldProblems {
  const out: FieldProblems = {};
  if (!isIsoDay(a.agreementDate)) out.agreementDate = 'bad_date';
  else if (opts.today && a.agreementDate > opts.today) out.agreementDate = 'date_in_future';
  if (!isIsoDay(a.plannedStart)) out.plannedStart = 'bad_date';
  if (!isIsoDay(a.plannedEnd)) out.plannedEnd = 'bad_date';
  if (!out.plannedStart && !out.plannedEnd && a.plannedEnd < a.plannedStart) out.plannedEnd = 'end_before_start';
  if (!Number.isSafeInteger(a.agreedAmountFen) || a.agreedAmountFen <= 0) out.agreedAmountFen = 'amount_not_positive';
  else if (opts.paidFen !== undefined && a.agreedAmountFen < opts.paidFen) out.agreedAmountFen = 'below_paid_amount';
  if (a.implementerRating !== null && !(Number.isInteger(a.implementerRating) && a.implementerRating >= 1 && a.implementerRating <= 5)) {
    out.implementerRating = 'rating_out_of_range';
  }
  return out;
}

export type PaymentCheck =
  | { ok: true; batchNo: number; paidAfterFen: number }
  | { ok: false; code: 'amount_not_positive' }
  | { ok: false; code: 'over_agreed_amount'; agreedFen: number; paidFen: number; amountFen: number; leftFen: number };

/**
 * May another payment be recorded at all? Not once the payments reach the
 * agreed amount ('fully_paid'): the page then offers no payment form, and
 * the service refuses one with the same code.
 */
export function whyNotPay(agreedFen: number, paidFen: number): 'fully_paid' | null {
  return paidFen >= agreedFen ? 'fully_paid' : null;
}

/**
 * A payment in batches: never more, in total, than the agreed amount.
 * `paidFen` is what earlier batches paid; `batches` how many there were.
 */
export function checkPayment(agreedFen: number, paidFen: number, batches: number, amountFen: number): PaymentCheck {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) return { ok: false, code: 'amount_not_positive' };
  if (paidFen + amountFen > agreedFen) {
    return { ok: false, code: 'over_agreed_amount', agreedFen, paidFen, amountFen, leftFen: Math.max(0, agreedFen - paidFen) };
  }
  return { ok: true, batchNo: batches + 1, paidAfterFen: paidFen + amountFen };
}

/** States in which the work is still to be delivered: these can run late. */
export const DELIVERING_STATES: readonly ProjectState[] = ['approved', 'in_progress', 'acceptance_failed'];

/** States the delivery tracker lists, in the order of the pipeline. */
export const TRACKED_STATES: readonly ProjectState[] = ['approved', 'in_progress', 'acceptance_failed', 'accepted', 'evaluated', 'audited', 'archived'];

export type Overdue = { overdue: false } | { overdue: true; daysLate: number };

/**
 * Overdue: the planned end has passed (today is after it) and the project has
 * not passed acceptance. Without an agreement there is no planned end, so
 * nothing to be late against.
 */
export function overdue(state: ProjectState, plannedEnd: string | null | undefined, today: string): Overdue {
  if (!plannedEnd || !DELIVERING_STATES.includes(state)) return { overdue: false };
  const late = daysBetween(plannedEnd, today);
  return late > 0 ? { overdue: true, daysLate: late } : { overdue: false };
}

/**
 * Projects the council adopted: from the public notice on, except those that
 * never got there. Their money counts as spoken for.
 */
export const ADOPTED_STATES: readonly ProjectState[] = ['in_public_notice', 'approved', 'in_progress', 'accepted', 'acceptance_failed', 'evaluated', 'audited', 'archived'];

export type MoneyProjectRow = { id: string; state: ProjectState; estimatedCostFen: number };
export type MoneyAgreementRow = { projectId: string; agreedAmountFen: number };
export type MoneyPaymentRow = { projectId: string; amountFen: number };

export type MoneySummary = {
  budgetFen: number;
  /** Estimated cost of every adopted project. */
  adoptedFen: number;
  /** Agreed amounts of the agreements signed. */
  contractedFen: number;
  /** Payments made. */
  paidFen: number;
  /**
   * Budget not yet spoken for: budget − Σ adopted projects, each counted at
   * its agreed amount once signed, else at its estimate. Negative means the
   * adopted projects exceed the budget.
   */
  remainingFen: number;
  /** Signed but not yet paid: contracted − paid. */
  unpaidFen: number;
  projects: { id: string; state: ProjectState; estimatedCostFen: number; agreedFen: number | null; paidFen: number; committedFen: number }[];
};

/** The money of one cycle from plain rows (only adopted projects count). */
export function moneySummary(budgetFen: number, projects: readonly MoneyProjectRow[], agreements: readonly MoneyAgreementRow[], payments: readonly MoneyPaymentRow[]): MoneySummary {
  const agreed = new Map(agreements.map((a) => [a.projectId, a.agreedAmountFen]));
  const paid = new Map<string, number>();
  for (const p of payments) paid.set(p.projectId, (paid.get(p.projectId) ?? 0) + p.amountFen);
  const rows = projects
    .filter((p) => ADOPTED_STATES.includes(p.state))
    .map((p) => {
      const a = agreed.get(p.id) ?? null;
      return { id: p.id, state: p.state, estimatedCostFen: p.estimatedCostFen, agreedFen: a, paidFen: paid.get(p.id) ?? 0, committedFen: a ?? p.estimatedCostFen };
    });
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
  const adoptedFen = sum((r) => r.estimatedCostFen);
  const contractedFen = sum((r) => r.agreedFen ?? 0);
  const paidFen = sum((r) => r.paidFen);
  return {
    budgetFen,
    adoptedFen,
    contractedFen,
    paidFen,
    remainingFen: budgetFen - sum((r) => r.committedFen),
    unpaidFen: contractedFen - paidFen,
    projects: rows,
  };
}

export type SatisfactionSummary = {
  count: number;
  /** Mean score, exact; null without responses. */
  mean: number | null;
  /** Responses of 4 or 5. */
  satisfied: number;
  /** satisfied / count, 0…1; null without responses. */
  satisfiedShare: number | null;
  distribution: [number, number, number, number, number];
};

/** Summary of 1–5 satisfaction scores ("satisfied" is 4 or 5, as the survey page says). */
export function satisfaction(scores: readonly number[]): SatisfactionSummary {
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const s of scores) if (Number.isInteger(s) && s >= 1 && s <= 5) distribution[s - 1]!++;
  const count = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  const satisfied = distribution[3] + distribution[4];
  return { count, mean: count ? sum / count : null, satisfied, satisfiedShare: count ? satisfied / count : null, distribution };
}

// ---------------------------------------------------------------------------
// CSV for open data
// ---------------------------------------------------------------------------

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula
 * (starting with = + - @, or a tab / carriage return) gets a leading
 * apostrophe (OWASP "CSV injection"); numbers are written as they are, so a
 * negative amount stays a number. Cells with a comma, quote or line break
 * are quoted, with quotes doubled.
 */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return String(v);
  }
  let s = typeof v === 'boolean' ? (v ? 'true' : 'false') : v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV text: header row, then one row per record, CRLF line ends (RFC 4180). */
export function toCsv(columns: readonly string[], rows: readonly Readonly<Record<string, CsvValue>>[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Exact yuan text for fen ("1234.5" never; "1234.50"), for files people open in spreadsheets. */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const yuan = (abs - cents) / 100;
  return cents === 0 ? `${sign}${yuan}` : `${sign}${yuan}.${String(cents).padStart(2, '0')}`;
}

// The amount in words (大写金额) is messages/money.ts's fenToChineseUpper.

/** '¥340,000.00': the amount in figures as contracts write it (always with 角 and 分). */
export function fenToFigures(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`fenToFigures: ${fen}`);
  const yuan = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `¥${yuan}.${String(fen % 100).padStart(2, '0')}`;
}
