/**
 * @module Writing and reading the audit log. `appendAudit` must be called
 * inside the same write transaction as the change it records; the write queue
 * (db/client.ts) guarantees that the previous hash it reads is the head.
 *
 * Public readers see it through ./audit-disclosure.ts: while a resident
 * vote is open, its ballots are only counted by day.
 */
import { and, asc, desc, eq, gt, lt, ne, sql, type SQL } from 'drizzle-orm';
import { auditLog, projects } from '#db/schema.ts';
import { rawOf, type RawExec, type Tx, type Database } from '#db/client.ts';
import { hash as oneShotHash } from 'node:crypto';
import { canonicalJson, chainCheck, entryBytesText, GENESIS_HASH, type ChainEntry, type VerifyResult } from '../domain/audit-chain.ts';
import { inValues } from './sql-lists.ts';
import { say } from '#messages/say.ts';

export type AuditActor = {
  accountId: string | null;
  role: string;
  /** Public name: residents are always "居民"; council members, staff and officers act under their names. */
  name: string;
};

// The log is kept in Chinese, the language of the record: these are its names for residents, the clock and an account.
export const RESIDENT_PUBLIC_NAME = say.names('zh-CN', 'actor.resident');
export const ACCOUNT_PUBLIC_NAME = say.names('zh-CN', 'actor.account');
export const SYSTEM_AUDIT_ACTOR: AuditActor = { accountId: null, role: 'system', name: say.names('zh-CN', 'actor.system') };

export type AuditInput = {
  actor: AuditActor;
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  at: Date;
};

/**
 * Text exactly as the database will give it back, so the hash covers what
 * anyone will read: SQLite keeps a NUL but reads the text back cut at it,
 * and libSQL stores a lone surrogate as U+FFFD. Hashing the text as sent let
 * a NUL in an objection reason break the published chain. (JSON fields are
 * safe: JSON.stringify escapes both.)
 */
function storable(s: string): string {
  return s.toWellFormed().replaceAll('\u0000', '\uFFFD');
}

const AUDIT_HEAD = 'select seq, hash from audit_log order by seq desc limit 1';
const AUDIT_INSERT =
  'insert into audit_log (seq, at, actor_account_id, actor_role, actor_name, action, subject_type, subject_id, before, after, reason, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

export async function appendAudit(tx: Tx, input: AuditInput) {
  // Every write appends here, so it runs fixed SQL (db/client.ts, rawOf) rather than building it each time.
  return appendAuditRaw(rawOf(tx), input);
}

/** The same on a raw executor: the writer thread's transaction (db/writer-thread.ts) or `rawOf(tx)`. */
export async function appendAuditRaw(raw: RawExec, input: AuditInput) {
  const last = (await raw.all<{ seq: number; hash: string }>(AUDIT_HEAD, []))[0];
  const prevHash = last?.hash ?? GENESIS_HASH;
  const seq = Number(last?.seq ?? 0) + 1;
  const entry = {
    seq,
    at: input.at.toISOString(),
    actorRole: storable(input.actor.role),
    actorName: input.actor.role === 'resident' ? RESIDENT_PUBLIC_NAME : storable(input.actor.name),
    action: storable(input.action),
    subjectType: storable(input.subjectType),
    subjectId: storable(input.subjectId),
    before: input.before === undefined || input.before === null ? null : canonicalJson(input.before),
    after: input.after === undefined || input.after === null ? null : canonicalJson(input.after),
    reason: input.reason == null ? null : storable(input.reason),
  };
  const hash = sha256Hex(entryBytesText(entry, prevHash));
  await raw.run(AUDIT_INSERT, [
    entry.seq, entry.at, input.actor.accountId, entry.actorRole, entry.actorName, entry.action, entry.subjectType, entry.subjectId, entry.before, entry.after, entry.reason, prevHash, hash,
  ]);
  return { seq, hash };
}

/** The columns of an entry the public may read (the hashed fields; not the actor's account id). */
export const AUDIT_PUBLIC_COLUMNS = {
  seq: auditLog.seq,
  at: auditLog.at,
  actorRole: auditLog.actorRole,
  actorName: auditLog.actorName,
  action: auditLog.action,
  subjectType: auditLog.subjectType,
  subjectId: auditLog.subjectId,
  before: auditLog.before,
  after: auditLog.after,
  reason: auditLog.reason,
};

export type AuditFilter = {
  subjectType?: string;
  subjectId?: string;
  action?: string;
  beforeSeq?: number;
  afterSeq?: number;
  /** Only entries below this seq: the published chain while a vote is open (`AuditDisclosure.pendingFrom`). */
  belowSeq?: number | null;
  limit?: number;
};

/** The subject and action filters of the audit page and API, as SQL. */
export function filterConds(f: Pick<AuditFilter, 'subjectType' | 'subjectId' | 'action'>): SQL[] {
  const conds: SQL[] = [];
  if (f.subjectType) conds.push(eq(auditLog.subjectType, f.subjectType));
  if (f.subjectId) conds.push(eq(auditLog.subjectId, f.subjectId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  return conds;
}

export async function listAudit(database: Database, f: AuditFilter = {}) {
  const conds = filterConds(f);
  if (f.beforeSeq) conds.push(lt(auditLog.seq, f.beforeSeq));
  if (f.afterSeq) conds.push(gt(auditLog.seq, f.afterSeq));
  if (f.belowSeq != null) conds.push(lt(auditLog.seq, f.belowSeq));
  const rows = await database.db
    .select({ ...AUDIT_PUBLIC_COLUMNS, prevHash: auditLog.prevHash, hash: auditLog.hash })
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    // Paging towards newer entries reads upwards, then shows newest first like every page.
    .orderBy(f.afterSeq ? asc(auditLog.seq) : desc(auditLog.seq))
    .limit(Math.min(f.limit ?? 100, 500));
  return f.afterSeq ? rows.reverse() : rows;
}

export async function auditHead(database: Database) {
  const r = await database.db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return r[0] ?? { seq: 0, hash: GENESIS_HASH };
}

/** SHA-256 of the text's UTF-8 bytes, lower-case hex: the chain's hash, natively (the domain's own is portable JS, for the browser). */
export function sha256Hex(text: string): string {
  return oneShotHash('sha256', text, 'hex');
}

const VERIFY_COLUMNS = 'seq, at, actor_role, actor_name, action, subject_type, subject_id, before, after, reason, prev_hash, hash';

/** One row of VERIFY_COLUMNS, in order. */
type VerifyRow = unknown[];

/** The path of an embedded database file, or null (a server, or memory). */
function embeddedFile(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const path = url.slice('file:'.length).split('?')[0]!;
  return path === '' || path === ':memory:' ? null : path;
}

/** A row of VERIFY_COLUMNS as the entry it holds. */
function rowEntry(r: VerifyRow): ChainEntry & { prevHash: string; hash: string } {
  return {
    seq: Number(r[0]), at: r[1] as string, actorRole: r[2] as string, actorName: r[3] as string, action: r[4] as string, subjectType: r[5] as string, subjectId: r[6] as string,
    before: r[7] as string | null, after: r[8] as string | null, reason: r[9] as string | null, prevHash: r[10] as string, hash: r[11] as string,
  };
}

/**
 * Recompute the whole chain from the database, oldest first, carrying only
 * the previous hash from entry to entry: memory stays flat however long the
 * log (a city's millions of entries). An embedded file is read on a
 * read-only connection of its own, row by row in one snapshot (several times
 * the rows per second of reading pages through the client); a database
 * server is read a page at a time (`pages` forces that way, for its tests).
 */
export async function verifyAuditLog(database: Database, opts: { pageSize?: number; pages?: boolean } = {}): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? 20_000;
  const check = chainCheck(sha256Hex);
  const file = opts.pages ? null : embeddedFile(database.url);
  if (file) {
    const { default: Sqlite } = await import('libsql');
    const conn = new Sqlite(file, { readonly: true });
    try {
      for (const r of conn.prepare(`select ${VERIFY_COLUMNS} from audit_log order by seq`).raw(true).iterate() as IterableIterator<VerifyRow>) if (!check.add(rowEntry(r))) break;
    } finally {
      conn.close();
    }
    return check.result();
  }
  for (let after = 0; ; ) {
    const { rows } = await database.client.execute({ sql: `select ${VERIFY_COLUMNS} from audit_log where seq > ? order by seq limit ?`, args: [after, pageSize] });
    for (const r of rows) if (!check.add(rowEntry(r as unknown as VerifyRow))) return check.result();
    if (rows.length < pageSize) return check.result();
    after = Number(rows[rows.length - 1]![0]);
  }
}

/** Whether an entry's subject is a project row: a project's entries, and a draft's own (project_draft). */
export function isProjectSubject(subjectType: string): boolean {
  return subjectType === 'project' || subjectType === 'project_draft';
}

/** Public labels for subjects: project codes and titles instead of internal ids. */
export async function subjectLabels(database: Database, entries: { subjectType: string; subjectId: string }[]) {
  const ids = [...new Set(entries.filter((e) => isProjectSubject(e.subjectType)).map((e) => e.subjectId))];
  const labels = new Map<string, { code: string; title: string }>();
  if (ids.length) {
    // A draft's title is its proposer's until it is submitted: its entries get no label (and no link to a page nobody else may see).
    const rows = await database.db
      .select({ id: projects.id, code: projects.code, title: projects.title })
      .from(projects)
      .where(and(inValues(projects.id, ids), ne(projects.state, 'draft')));
    for (const r of rows) labels.set(r.id, { code: r.code, title: r.title });
  }
  return labels;
}

/** A project code typed into the subject filter means that project. */
export async function resolveSubject(database: Database, input: string): Promise<string> {
  const r = await database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, input.toUpperCase())).limit(1);
  return r[0]?.id ?? input;
}

/** The distinct actions and subject types in the log, for the audit page's filters. */
export async function auditVocabulary(database: Database): Promise<{ actions: string[]; subjectTypes: string[] }> {
  // `select distinct` would read the whole index (every entry of the log: millions in a city); stepping from one
  // value to the next one up is one index seek per distinct value (a "skip scan"), in the same ascending order.
  const distinct = async (column: string) =>
    (
      await database.db.all<{ v: string }>(
        sql.raw(
          `with recursive d(v) as (select min(${column}) from audit_log union all select (select min(${column}) from audit_log where ${column} > d.v) from d where d.v is not null) select v from d where v is not null`,
        ),
      )
    ).map((r) => r.v);
  return { actions: await distinct('action'), subjectTypes: await distinct('subject_type') };
}

/** One entry as a line of the published log (docs/audit-chain.md): its fields in this order, then a newline. */
export function ndjsonLine(e: ChainEntry & { prevHash: string; hash: string }): string {
  return (
    JSON.stringify({
      seq: e.seq, at: e.at, actorRole: e.actorRole, actorName: e.actorName, action: e.action, subjectType: e.subjectType, subjectId: e.subjectId,
      before: e.before, after: e.after, reason: e.reason, prevHash: e.prevHash, hash: e.hash,
    }) + '\n'
  );
}

/**
 * The log as NDJSON, oldest first, read in pages as the client takes it:
 * entries after `after`, and before `below` (the published chain's end while
 * a vote is open; null for all). Memory stays one page, however long the log.
 */
export function streamAuditNdjson(database: Database, opts: { after: number; below: number | null; pageSize?: number }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pageSize = opts.pageSize ?? 2000;
  let cursor = opts.after;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const conds = [gt(auditLog.seq, cursor)];
        if (opts.below != null) conds.push(lt(auditLog.seq, opts.below));
        const rows = await database.db
          .select({ ...AUDIT_PUBLIC_COLUMNS, prevHash: auditLog.prevHash, hash: auditLog.hash })
          .from(auditLog)
          .where(and(...conds))
          .orderBy(asc(auditLog.seq))
          .limit(pageSize);
        if (rows.length === 0) return controller.close();
        cursor = rows[rows.length - 1]!.seq;
        controller.enqueue(encoder.encode(rows.map(ndjsonLine).join('')));
        if (rows.length < pageSize) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}
