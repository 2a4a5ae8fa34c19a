/**
 * @module Backups: a consistent snapshot of the database, taken while the
 * site keeps serving, and its check — by `npm run db:backup` (scripts/db-backup.ts),
 * `npm run db:restore`, and the server's own schedule (BACKUP_DIR, BACKUP_EVERY:
 * `startBackups`).
 *
 * A file database is copied with `VACUUM INTO`, which reads one snapshot in
 * a read transaction: under WAL the server keeps writing meanwhile, and the
 * copy is the database as of one instant, compacted, with no -wal to carry.
 * A libSQL server (sqld, Turso) is copied table by table inside one read
 * transaction into a local file, which is as consistent. Either way the copy
 * is then checked — `PRAGMA integrity_check` and the audit chain — before
 * it is reported as written:
 *
 *   backup written: data/backups/2026-11-22T15-04-05Z.db (1.2 MB), integrity ok, audit log intact: 612 entries, head 3f…
 *
 * Restore with `npm run db:restore <file>` (scripts/db-restore.ts).
 */
import { createClient, type Client, type InValue, type Transaction } from '@libsql/client';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { drizzle } from 'drizzle-orm/libsql';
import { isFileUrl, type Database } from '#db/client.ts';
import * as schema from '#db/schema.ts';
import { verifyAuditLog } from './audit.ts';

/** The local path of a file: URL. */
export function filePath(url: string): string {
  return resolve(url.slice('file:'.length).split('?')[0]!);
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Tables ordered so that every table comes after the tables its foreign keys point to (rows can then be copied with the checks on). */
async function parentsFirst(tx: Transaction, tables: { type: string; name: string; sql: string }[]) {
  const deps = new Map<string, Set<string>>();
  for (const t of tables) {
    const fks = await tx.execute(`select "table" from pragma_foreign_key_list(${sqlString(t.name)})`);
    deps.set(t.name, new Set(fks.rows.map((r) => String(r[0])).filter((p) => p !== t.name)));
  }
  const out: typeof tables = [];
  const placed = new Set<string>();
  while (out.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t.name) && [...deps.get(t.name)!].every((p) => placed.has(p) || !deps.has(p)));
    // A cycle of foreign keys: take the rest as they come (defer_foreign_keys covers each page).
    for (const t of ready.length ? ready : tables.filter((x) => !placed.has(x.name))) {
      placed.add(t.name);
      out.push(t);
    }
  }
  return out;
}

/** Copy every table (and then its indexes, triggers and views) from `src`, read in one transaction, into the empty database `dest`. */
export async function copyDatabase(src: Client, dest: Client): Promise<{ tables: number; rows: number }> {
  const tx = await src.transaction('read');
  try {
    const objects = (await tx.execute("select type, name, sql from sqlite_master where sql is not null and name not like 'sqlite_%' order by rowid")).rows.map((r) => ({ type: String(r.type), name: String(r.name), sql: String(r.sql) }));
    const tables = await parentsFirst(tx, objects.filter((o) => o.type === 'table'));
    for (const t of tables) await dest.execute(t.sql);
    let rows = 0;
    for (const t of tables) {
      const cols = (await tx.execute(`select name from pragma_table_info(${sqlString(t.name)})`)).rows.map((r) => String(r.name));
      const list = cols.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');
      const marks = cols.map(() => '?').join(', ');
      for (let offset = 0; ; offset += 500) {
        const page = await tx.execute(`select ${list} from "${t.name.replace(/"/g, '""')}" order by rowid limit 500 offset ${offset}`);
        if (page.rows.length === 0) break;
        // A table that refers to itself may list a child before its parent within a page.
        await dest.batch([{ sql: 'PRAGMA defer_foreign_keys = ON', args: [] }, ...page.rows.map((r) => ({ sql: `insert into "${t.name.replace(/"/g, '""')}" (${list}) values (${marks})`, args: cols.map((_, i) => r[i] as InValue) }))], 'write');
        rows += page.rows.length;
      }
    }
    const seq = await tx.execute("select name from sqlite_master where name = 'sqlite_sequence'");
    if (seq.rows.length) {
      const s = await tx.execute('select name, seq from sqlite_sequence');
      for (const r of s.rows) await dest.execute({ sql: 'insert into sqlite_sequence (name, seq) values (?, ?)', args: [r[0] as InValue, r[1] as InValue] });
    }
    for (const o of objects.filter((x) => x.type !== 'table')) await dest.execute(o.sql);
    return { tables: tables.length, rows };
  } finally {
    tx.close();
  }
}

/** Write a consistent snapshot of `url` to the new file `out`. */
export async function snapshot(url: string, authToken: string | undefined, out: string) {
  if (existsSync(out)) throw new Error(`${out} already exists`);
  mkdirSync(dirname(out), { recursive: true });
  if (isFileUrl(url)) {
    if (!existsSync(filePath(url))) throw new Error(`no database at ${filePath(url)}`);
    const client = createClient({ url, timeout: 5000 });
    try {
      await client.execute(`VACUUM INTO ${sqlString(out)}`);
    } finally {
      client.close();
    }
    return;
  }
  const src = createClient({ url, authToken, intMode: 'bigint' });
  const dest = createClient({ url: `file:${out}`, intMode: 'bigint' });
  try {
    await copyDatabase(src, dest);
  } catch (err) {
    dest.close();
    rmSync(out, { force: true });
    throw err;
  } finally {
    src.close();
    dest.close();
  }
}

/**
 * Integrity and audit chain of a database; a line fit for a person, and
 * whether all is well. Read only: a backup file is not switched to WAL or
 * otherwise touched by being checked.
 */
export async function check(url: string, authToken?: string): Promise<{ ok: boolean; line: string }> {
  const client = createClient({ url, authToken });
  const database = { db: drizzle(client, { schema }), client, url } as unknown as Database;
  try {
    const integrity = isFileUrl(url) ? String((await client.execute('PRAGMA integrity_check')).rows[0]![0]) : 'ok';
    const audit = await verifyAuditLog(database);
    const auditLine = audit.ok ? `audit log intact: ${audit.count} entries, head ${audit.head}` : `audit log broken at entry ${audit.badSeq} (${audit.problem})`;
    return { ok: integrity === 'ok' && audit.ok, line: `integrity ${integrity}, ${auditLine}` };
  } finally {
    client.close();
  }
}

export function stamp(d = new Date()) {
  return d.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

export function humanSize(bytes: number) {
  return bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}


// ---------------------------------------------------------------------------
// The server's own schedule
// ---------------------------------------------------------------------------

/** What the schedule has done, for /api/health and the metrics. */
export type BackupState = {
  /** Whether the server takes backups itself (BACKUP_DIR is set). */
  scheduled: boolean;
  everySeconds: number | null;
  lastSuccess: { at: Date; file: string; bytes: number; seconds: number } | null;
  lastFailure: { at: Date; error: string } | null;
  failures: number;
};

export function newBackupState(): BackupState {
  return { scheduled: false, everySeconds: null, lastSuccess: null, lastFailure: null, failures: 0 };
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `30s`, `15m`, `6h`, `1d` → seconds; null when it is not such a duration. */
export function parseEvery(text: string): number | null {
  const m = /^(\d+)([smhd])$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]) * UNIT_SECONDS[m[2]!]!;
  return n >= 1 ? n : null;
}

/** Backup files are named by their UTC time (`stamp`), so their names sort by age. */
const BACKUP_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.db$/;

/** Delete all but the newest `keep` backups in `dir` (only files named like ours). */
export function pruneBackups(dir: string, keep: number): string[] {
  const ours = readdirSync(dir).filter((n) => BACKUP_NAME.test(n)).sort();
  const gone = ours.slice(0, Math.max(0, ours.length - keep));
  for (const n of gone) rmSync(join(dir, n), { force: true });
  return gone;
}

/**
 * Take a backup into `dir` now, check it (integrity and the audit chain), keep
 * the newest `keep`. A backup that does not check out is deleted and counts
 * as a failure.
 */
export async function takeBackup(state: BackupState, opts: { url: string; authToken?: string; dir: string; keep: number; now: () => Date }): Promise<void> {
  const started = Date.now();
  let out = join(opts.dir, `${stamp(opts.now())}.db`);
  // Two backups within one second (a short schedule in a test): the second gets the next second's name.
  for (let i = 1; existsSync(out); i++) out = join(opts.dir, `${stamp(new Date(opts.now().getTime() + i * 1000))}.db`);
  try {
    await snapshot(opts.url, opts.authToken, out);
    const result = await check(`file:${out}`);
    if (!result.ok) {
      rmSync(out, { force: true });
      throw new Error(`the backup does not check out: ${result.line}`);
    }
    state.lastSuccess = { at: opts.now(), file: out, bytes: statSync(out).size, seconds: (Date.now() - started) / 1000 };
    pruneBackups(opts.dir, opts.keep);
  } catch (err) {
    state.failures++;
    state.lastFailure = { at: opts.now(), error: err instanceof Error ? err.message : String(err) };
    throw err;
  }
}

/**
 * Take a backup now and then every `everySeconds`, one at a time (a slow one
 * delays the next rather than overlapping it). Returns the stop function.
 */
export function startBackups(
  state: BackupState,
  opts: { url: string; authToken?: string; dir: string; everySeconds: number; keep: number; now: () => Date; onError: (err: unknown) => void; onDone?: () => void },
): () => void {
  mkdirSync(opts.dir, { recursive: true });
  state.scheduled = true;
  state.everySeconds = opts.everySeconds;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const run = async () => {
    try {
      await takeBackup(state, opts);
      opts.onDone?.();
    } catch (err) {
      opts.onError(err);
    }
    if (!stopped) timer = setTimeout(() => void run(), opts.everySeconds * 1000);
    timer?.unref();
  };
  timer = setTimeout(() => void run(), 0);
  timer.unref();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
