/**
 * The security log's filters as they come in a page's query string (kind,
 * account, from, to, before), read once for the page and its CSV download.
 */
import { z } from 'zod';
import { SECURITY_EVENT_KINDS, type SecurityFilter } from '#services/security-log.ts';
import { CHINA_UTC_OFFSET_MINUTES } from '#domain/cycle-phases.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const Query = z.object({
  kind: z.enum(SECURITY_EVENT_KINDS).optional().catch(undefined),
  account: z.string().trim().max(64).optional().catch(undefined),
  from: z.string().optional(),
  to: z.string().optional(),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

/** A China calendar day's first (or, with `end`, last) millisecond. */
function chinaDayStart(day: string, end = false): Date {
  const ms = Date.parse(`${day}T00:00:00Z`) - CHINA_UTC_OFFSET_MINUTES * 60_000;
  return new Date(end ? ms + 86_400_000 - 1 : ms);
}

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
function isDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Why a date filter cannot be used: not a day, or the range ends before it starts. */
export type DateProblem = 'not_a_day' | 'before_from';

/**
 * The filters, and `errors` for a date that cannot be used: a bad date is
 * said back to the reader (and the page answers 400), never quietly dropped
 * so that they read the whole log believing it filtered.
 */
export function readSecurityFilter(params: URLSearchParams) {
  const q = Query.parse(Object.fromEntries(params));
  const errors: { from?: DateProblem; to?: DateProblem } = {};
  const from = q.from?.trim() || undefined;
  const to = q.to?.trim() || undefined;
  if (from && !isDay(from)) errors.from = 'not_a_day';
  if (to && !isDay(to)) errors.to = 'not_a_day';
  if (from && to && !errors.from && !errors.to && to < from) errors.to = 'before_from';
  const ok = !errors.from && !errors.to;
  const filter: SecurityFilter = {
    kind: q.kind,
    accountId: q.account || undefined,
    from: ok && from ? chinaDayStart(from) : undefined,
    to: ok && to ? chinaDayStart(to, true) : undefined,
  };
  return { q: { ...q, from, to }, filter, before: q.before, errors, ok };
}
