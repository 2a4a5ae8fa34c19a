/**
 * @module The security log (db/schema/security.ts): recording events, reading
 * them (district officers and auditors), a CSV of them, and pruning after the
 * retention. What goes in: which account (or, when nobody is signed in, the
 * address), what (a route pattern or a use case), when, the outcome and a
 * small detail of codes and counts — never a name, a mobile number, a
 * residency code or text someone wrote.
 */
import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { accounts, securityEvents, SECURITY_EVENT_KINDS } from '#db/schema.ts';
import type { Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/permissions.ts';

export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];
export { SECURITY_EVENT_KINDS };

export type SecurityEvent = {
  kind: SecurityEventKind;
  accountId?: string | null;
  address?: string | null;
  what: string;
  outcome: string;
  detail?: Record<string, string | number | boolean | null> | null;
  requestId?: string | null;
};

/** The least the law asks (网络安全法 art. 21: six months). */
export const MIN_RETENTION_DAYS = 180;

function row(e: SecurityEvent, at: Date) {
  return {
    at,
    kind: e.kind,
    accountId: e.accountId ?? null,
    address: e.address ?? null,
    what: e.what.slice(0, 200),
    outcome: e.outcome.slice(0, 60),
    detail: e.detail ? JSON.stringify(e.detail).slice(0, 500) : null,
    requestId: e.requestId ?? null,
  };
}

/** Record an event in its own write. */
export async function recordSecurityEvent(ctx: AppContext, e: SecurityEvent): Promise<void> {
  const at = ctx.now();
  await ctx.database.write((tx) => tx.insert(securityEvents).values(row(e, at)));
}

/**
 * Record a refusal seen by the middleware before its answer goes out; a
 * failure to log it is itself logged, and does not change the answer.
 */
export async function noteSecurityEvent(ctx: AppContext, e: SecurityEvent): Promise<void> {
  await recordSecurityEvent(ctx, e).catch((err) => ctx.log.error({ msg: 'could not write the security log', kind: e.kind, err }));
}

/** Record an event inside a service's own transaction (a role or register change). */
export async function recordSecurityEventInTx(tx: Tx, at: Date, e: SecurityEvent): Promise<void> {
  await tx.insert(securityEvents).values(row(e, at));
}

/** The account a sign-in name belongs to, if any (to say whose account was tried, not what was typed). */
export async function accountOfLogin(ctx: AppContext, login: string): Promise<string | null> {
  const l = login.trim();
  const r = await ctx.database.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(sql`${accounts.mobile} = ${l} or ${accounts.username} = ${l.toLowerCase()}`)
    .limit(1);
  return r[0]?.id ?? null;
}

/** District officers and auditors read the security log; nobody else. */
export function mayReadSecurityLog(actor: Actor): boolean {
  if (actor === null) return false;
  return actor.assignments.some((a) => (a.role === 'officer' && a.scope.kind === 'district') || a.role === 'auditor');
}

export type SecurityFilter = { kind?: SecurityEventKind; accountId?: string; from?: Date; to?: Date };

export const SECURITY_PAGE = 100;

/** Newest first, `limit` at a time; `before` an id to page back. */
export async function listSecurityEvents(ctx: AppContext, f: SecurityFilter, page: { before?: number; limit?: number } = {}) {
  const where: SQL[] = [];
  if (f.kind) where.push(eq(securityEvents.kind, f.kind));
  if (f.accountId) where.push(eq(securityEvents.accountId, f.accountId));
  if (f.from) where.push(gte(securityEvents.at, f.from));
  if (f.to) where.push(lte(securityEvents.at, f.to));
  if (page.before !== undefined) where.push(lt(securityEvents.id, page.before));
  const limit = Math.min(page.limit ?? SECURITY_PAGE, 10_000);
  const rows = await ctx.database.db
    .select()
    .from(securityEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(securityEvents.id))
    .limit(limit + 1);
  return { items: rows.slice(0, limit), more: rows.length > limit };
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);

/** The filtered log as CSV (at most 100,000 rows, newest first). */
export async function securityEventsCsv(ctx: AppContext, f: SecurityFilter): Promise<string> {
  const { items } = await listSecurityEvents(ctx, f, { limit: 100_000 });
  const head = 'id,at,kind,account_id,address,what,outcome,detail,request_id';
  const lines = items.map((r) => [String(r.id), r.at.toISOString(), r.kind, r.accountId ?? '', r.address ?? '', r.what, r.outcome, r.detail ?? '', r.requestId ?? ''].map(csvCell).join(','));
  return [head, ...lines].join('\r\n') + '\r\n';
}

/** Delete events older than `days` (never fewer than MIN_RETENTION_DAYS). Returns how many. */
export async function pruneSecurityEvents(ctx: AppContext, days: number): Promise<number> {
  const keep = Math.max(days, MIN_RETENTION_DAYS);
  const cutoff = new Date(ctx.now().getTime() - keep * 86_400_000);
  const r = await ctx.database.write((tx) => tx.delete(securityEvents).where(lt(securityEvents.at, cutoff)).returning({ id: securityEvents.id }));
  return r.length;
}

/** Prune now and then once a day (the server process; stopped on shutdown). */
export function startSecurityLogPruning(ctx: AppContext, days: number): () => void {
  const run = () =>
    pruneSecurityEvents(ctx, days)
      .then((n) => n > 0 && ctx.log.info({ msg: 'security log pruned', events: n, days }))
      .catch((err) => ctx.log.error({ msg: 'could not prune the security log', err }));
  void run();
  const timer = setInterval(run, 86_400_000);
  timer.unref();
  return () => clearInterval(timer);
}
