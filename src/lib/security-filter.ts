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
  from: z.string().regex(DAY).optional().catch(undefined),
  to: z.string().regex(DAY).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

/** A China calendar day's first (or, with `end`, last) millisecond. */
function chinaDayStart(day: string, end = false): Date {
  const ms = Date.parse(`${day}T00:00:00Z`) - CHINA_UTC_OFFSET_MINUTES * 60_000;
  return new Date(end ? ms + 86_400_000 - 1 : ms);
}

export function readSecurityFilter(params: URLSearchParams) {
  const q = Query.parse(Object.fromEntries(params));
  const filter: SecurityFilter = {
    kind: q.kind,
    accountId: q.account || undefined,
    from: q.from ? chinaDayStart(q.from) : undefined,
    to: q.to ? chinaDayStart(q.to, true) : undefined,
  };
  return { q, filter, before: q.before };
}
