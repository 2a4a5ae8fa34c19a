/**
 * npm run db:backup — a consistent snapshot of DATABASE_URL, taken while the
 * site keeps serving.
 *
 *   npm run db:backup                         → data/backups/<UTC time>.db (next to the database file)
 *   npm run db:backup -- --out /mnt/usb/wss.db
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
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { drizzle } from 'drizzle-orm/libsql';
import { isFileUrl, type Database } from '../db/client.ts';
import * as schema from '../db/schema.ts';
import { verifyAuditLog } from '../server/services/audit.ts';

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

async function main() {
  const { env } = await import('../server/env.ts');
  const config = env();
  const argv = process.argv.slice(2);
  const outArg = argv.indexOf('--out');
  if (argv.some((a, i) => a.startsWith('--') && a !== '--out') || (outArg >= 0 && !argv[outArg + 1])) {
    console.error('usage: npm run db:backup [-- --out <file.db>]');
    process.exit(2);
  }
  const base = isFileUrl(config.DATABASE_URL) ? dirname(filePath(config.DATABASE_URL)) : resolve('data');
  const out = resolve(outArg >= 0 ? argv[outArg + 1]! : join(base, 'backups', `${stamp()}.db`));
  await snapshot(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN, out);
  const result = await check(`file:${out}`);
  if (!result.ok) {
    console.error(`backup written to ${out} but it does not check out: ${result.line}`);
    process.exit(1);
  }
  console.log(`backup written: ${out} (${humanSize(statSync(out).size)}), ${result.line}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
