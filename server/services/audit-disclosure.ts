/**
 * @module What a reader of the audit log is shown while a resident vote is
 * open (the rule and why: server/domain/audit-disclosure.ts). The audit page,
 * GET /api/audit, a project's history and the decisions dataset all read
 * through here, so none of them gives away what another withholds.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, not, or, sql, type SQL } from 'drizzle-orm';
import { auditLog, cycles, cyclePhases } from '#db/schema.ts';
import type { Database } from '#db/client.ts';
import { GENESIS_HASH, type ChainEntry } from '../domain/audit-chain.ts';
import { chinaDayStart, pendingSinceDay, VOTE_TIMING_ACTIONS } from '../domain/audit-disclosure.ts';
import { chinaDay, currentPhase } from '../domain/cycle-phases.ts';
import { hasRoleAnywhere, type Actor } from '../domain/permissions.ts';
import { AUDIT_PUBLIC_COLUMNS, auditHead, filterConds, type AuditFilter } from './audit.ts';

/**
 * Cycles whose resident vote is open at `now`: held open by staff, or
 * planned for today. `currentPhase` decides (a later phase planned over the
 * same day wins); the query only narrows the candidates.
 */
export async function cyclesWithOpenVote(database: Database, now: Date) {
  const today = chinaDay(now);
  // Two reads, each through a partial index of the few cycles it can find (cycles_open_idx, cycles_unphased_idx):
  // as one `or` SQLite would walk every cycle of every year.
  const cols = { id: cycles.id, titleZh: cycles.titleZh, titleEn: cycles.titleEn, openPhase: cycles.openPhase };
  const voting = await database.db
    .select(cols)
    .from(cycles)
    .where(sql`${cycles.openPhase} is not null and ${cycles.openPhase} <> 'closed' and ${cycles.openPhase} = 'resident_vote'`);
  const planned = await database.db
    .select(cols)
    .from(cycles)
    .where(
      and(
        isNull(cycles.openPhase),
        sql`exists (select 1 from ${cyclePhases} where ${cyclePhases.cycleId} = ${cycles.id} and ${cyclePhases.phase} = 'resident_vote' and ${cyclePhases.startsOn} <= ${today} and ${cyclePhases.endsOn} >= ${today})`,
      ),
    );
  const candidates = [...voting, ...planned].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const open: { id: string; titleZh: string; titleEn: string; plannedStart: string | null }[] = [];
  for (const c of candidates) {
    const phases = await database.db.select({ phase: cyclePhases.phase, startsOn: cyclePhases.startsOn, endsOn: cyclePhases.endsOn }).from(cyclePhases).where(eq(cyclePhases.cycleId, c.id));
    if (currentPhase({ phases, openPhase: c.openPhase }, now) !== 'resident_vote') continue;
    open.push({ id: c.id, titleZh: c.titleZh, titleEn: c.titleEn, plannedStart: phases.find((p) => p.phase === 'resident_vote')?.startsOn ?? null });
  }
  return open;
}

export type AuditDisclosure = {
  /** An auditor's view: every entry as stored, nothing withheld. */
  full: boolean;
  /** Cycles whose resident vote is open: their ballot entries are withheld, counted by day. */
  openVotes: { id: string; titleZh: string; titleEn: string }[];
  /** Entries from this seq on are listed without their place in the chain; null when every entry is published in full. */
  pendingFrom: number | null;
  /** The China day those entries begin on. */
  pendingSince: string | null;
  /** Today in China: withheld ballots are counted for the days before it. */
  today: string;
};

/** One of an open vote's withheld entries-per-day counts. */
export type WithheldCount = { cycleId: string; day: string; action: string; count: number };

/** The withheld kinds of entry, in SQL; `+` keeps the planner on the subject index (a cycle's entries in log order). */
const voteTimingAction = sql`+${auditLog.action} in ${VOTE_TIMING_ACTIONS}`;

/** A withheld entry: a ballot entry of a cycle whose vote is open. One parameter, however many votes are open. */
function withheldCond(d: AuditDisclosure): SQL {
  return and(
    eq(auditLog.subjectType, 'cycle'),
    voteTimingAction,
    inArray(auditLog.subjectId, sql`(select value from json_each(${JSON.stringify(d.openVotes.map((c) => c.id))}))`),
  )!;
}

/**
 * What `actor` may read of the log at `now`. Auditors read everything
 * (DOMAIN.md: "read everything"); everyone else reads the published chain up
 * to `pendingFrom`, the entries after it without chain fields, and an open
 * vote's ballots as daily counts.
 */
export async function auditDisclosure(database: Database, now: Date, actor: Actor = null): Promise<AuditDisclosure> {
  const today = chinaDay(now);
  const nothingHeld = { openVotes: [], pendingFrom: null, pendingSince: null, today };
  if (hasRoleAnywhere(actor, 'auditor')) return { full: true, ...nothingHeld };
  const open = await cyclesWithOpenVote(database, now);
  if (open.length === 0) return { full: false, ...nothingHeld };
  let first: { seq: number; at: string } | null = null;
  for (const c of open) {
    const r = await database.db
      .select({ seq: auditLog.seq, at: auditLog.at })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'cycle'), eq(auditLog.subjectId, c.id), voteTimingAction))
      .orderBy(asc(auditLog.seq))
      .limit(1);
    if (r[0] && (first === null || r[0].seq < first.seq)) first = r[0];
  }
  const since = pendingSinceDay([first?.at ?? null, ...open.map((c) => c.plannedStart)], now);
  return {
    full: false,
    openVotes: open.map(({ plannedStart: _p, ...c }) => c),
    pendingFrom: await pendingFromOf(database, `${since}|${open.map((c) => c.id).join(',')}`, since, first?.seq ?? null),
    pendingSince: since,
    today,
  };
}

/**
 * Per database, the line between published and pending for each set of open
 * votes and day: worked out once, then fixed while the same votes stay open
 * (finding it reads back through every entry since that day; on a project
 * page, for every view, that would grow with the vote).
 */
const lines = new WeakMap<Database, Map<string, number>>();

async function pendingFromOf(database: Database, key: string, since: string, firstWithheld: number | null): Promise<number> {
  const known = lines.get(database)?.get(key);
  // Worked out before any ballot, it lies before the first one; never after it, whatever happened since.
  if (known !== undefined) return Math.min(known, firstWithheld ?? known);
  // The last entry written before that day began, read backwards from the first withheld entry (or from the end).
  const last = await database.db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(and(lt(auditLog.seq, firstWithheld ?? Number.MAX_SAFE_INTEGER), lt(auditLog.at, chinaDayStart(since))))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const line = (last[0]?.seq ?? 0) + 1;
  const perDb = lines.get(database) ?? new Map<string, number>();
  if (perDb.size > 100) perDb.clear();
  lines.set(database, perDb.set(key, line));
  return line;
}

/** The head of the chain as published: while entries are pending, the entry just before them. */
export async function publishedHead(database: Database, d: AuditDisclosure) {
  if (d.pendingFrom === null) return auditHead(database);
  const r = await database.db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).where(lt(auditLog.seq, d.pendingFrom)).orderBy(desc(auditLog.seq)).limit(1);
  return r[0] ?? { seq: 0, hash: GENESIS_HASH };
}

/** A published entry without its number (and so without its place in the chain). */
export type PendingEntry = Omit<ChainEntry, 'seq'>;

/**
 * Entries after the published chain, newest first, without seq or hashes,
 * and without an open vote's ballots. Paged by time (`until`: entries
 * before that instant), since their numbers are not published; a page never
 * ends between two entries of the same instant, so none is skipped.
 */
export async function listPending(database: Database, d: AuditDisclosure, f: Pick<AuditFilter, 'subjectType' | 'subjectId' | 'action' | 'limit'> & { until?: string }): Promise<PendingEntry[]> {
  if (d.pendingFrom === null) return [];
  const conds = [...filterConds(f), gte(auditLog.seq, d.pendingFrom), not(withheldCond(d))];
  const cols = AUDIT_PUBLIC_COLUMNS;
  const limit = Math.min(f.limit ?? 100, 500);
  const rows = await database.db
    .select(cols)
    .from(auditLog)
    .where(and(...conds, f.until ? lt(auditLog.at, f.until) : undefined))
    .orderBy(desc(auditLog.at), desc(auditLog.seq))
    .limit(limit);
  const last = rows[rows.length - 1];
  if (last && rows.length === limit) {
    rows.push(...(await database.db.select(cols).from(auditLog).where(and(...conds, eq(auditLog.at, last.at), lt(auditLog.seq, last.seq))).orderBy(desc(auditLog.seq))));
  }
  return rows.map(({ seq: _seq, ...e }) => e);
}

/** Per database, the counts of finished days for a set of open votes: a day once ended gains no ballot (each is stamped with the moment it is cast). */
const counted = new WeakMap<Database, Map<string, WithheldCount[]>>();

/**
 * An open vote's ballots, counted per China day for the days that have
 * ended (today's count would grow in front of the reader and time each
 * ballot), newest day first. The same subject and action filters as the
 * list apply.
 */
export async function withheldCounts(database: Database, d: AuditDisclosure, f: Pick<AuditFilter, 'subjectType' | 'subjectId' | 'action'> = {}): Promise<WithheldCount[]> {
  if (d.openVotes.length === 0) return [];
  const key = `${d.today}|${d.openVotes.map((c) => c.id).join(',')}`;
  let all = counted.get(database)?.get(key);
  if (!all) {
    const day = sql<string>`date(${auditLog.at}, '+8 hours')`;
    const rows = await database.db
      .select({ cycleId: auditLog.subjectId, day, action: auditLog.action, count: sql<number>`count(*)` })
      .from(auditLog)
      .where(and(withheldCond(d), lt(auditLog.at, chinaDayStart(d.today))))
      .groupBy(auditLog.subjectId, day, auditLog.action)
      .orderBy(desc(day), asc(auditLog.subjectId), asc(auditLog.action));
    all = rows.map((r) => ({ ...r, count: Number(r.count) }));
    const perDb = counted.get(database) ?? new Map<string, WithheldCount[]>();
    if (perDb.size > 100) perDb.clear();
    counted.set(database, perDb.set(key, all));
  }
  return all.filter((w) => (!f.subjectType || f.subjectType === 'cycle') && (!f.subjectId || f.subjectId === w.cycleId) && (!f.action || f.action === w.action));
}

/**
 * An entry as a public reader may see it beside the log (a project's
 * history, the decisions dataset): its seq and hash only if it lies in the
 * published chain.
 */
export function chainPlace<E extends { seq: number; hash: string }>(d: AuditDisclosure, e: E): Omit<E, 'seq' | 'hash'> & { seq: number | null; hash: string | null } {
  return d.pendingFrom !== null && e.seq >= d.pendingFrom ? { ...e, seq: null, hash: null } : e;
}
