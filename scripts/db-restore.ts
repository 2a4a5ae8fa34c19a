/**
 * npm run db:restore — bring back a snapshot written by `npm run db:backup`.
 *
 *   npm run db:restore -- data/backups/2026-11-22T15-04-05Z.db
 *       → a NEW file, data/restored-<time>.db; prints the DATABASE_URL to serve it.
 *   npm run db:restore -- <backup.db> --to data/app.db --replace
 *       → replaces that file, only while no server has it open (stop the site first).
 *   npm run db:restore -- <backup.db> --to http://127.0.0.1:8080
 *       → loads it into an EMPTY libSQL server (a fresh sqld, a new Turso database).
 *
 * The backup is checked first (integrity, audit chain) and the restored
 * database after: the last line is what `npm run audit:verify` would say.
 * Nothing is ever overwritten without --replace, and a database with a -wal
 * or -shm file beside it is taken to be open by a running server and left
 * alone: a live server would keep its own view of the file it had open.
 */
import { createClient } from '@libsql/client';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isFileUrl } from '../db/client.ts';
import { check, copyDatabase, filePath, stamp } from './db-backup.ts';

function usage(msg?: string): never {
  if (msg) console.error(msg);
  console.error('usage: npm run db:restore -- <backup.db> [--to <file.db | http(s)://… | libsql://…>] [--replace]');
  process.exit(2);
}

const argv = process.argv.slice(2);
const from = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--to');
const toIndex = argv.indexOf('--to');
const to = toIndex >= 0 ? argv[toIndex + 1] : undefined;
const replace = argv.includes('--replace');
if (!from || (toIndex >= 0 && !to) || argv.some((a) => a.startsWith('--') && !['--to', '--replace'].includes(a))) usage();
const backup = resolve(from);
if (!existsSync(backup)) usage(`no such file: ${backup}`);

const before = await check(`file:${backup}`);
if (!before.ok) {
  console.error(`refusing to restore ${backup}: ${before.line}`);
  process.exit(1);
}
console.log(`backup ${backup}: ${before.line}`);

const { env } = await import('../server/env.ts');
const config = env();

if (to && /^(https?|libsql|wss?):/.test(to)) {
  // Into a libSQL server: only an empty one, so nothing is mixed with what was there.
  const dest = createClient({ url: to, authToken: config.DATABASE_AUTH_TOKEN, intMode: 'bigint' });
  const src = createClient({ url: `file:${backup}`, intMode: 'bigint' });
  try {
    const existing = await dest.execute("select count(*) from sqlite_master where name not like 'sqlite_%'");
    if (Number(existing.rows[0]![0]) > 0) usage(`${to} is not empty: restore into a fresh database (a new sqld --db-path, a new Turso database)`);
    const copied = await copyDatabase(src, dest);
    console.log(`copied ${copied.tables} tables, ${copied.rows} rows into ${to}`);
  } finally {
    src.close();
    dest.close();
  }
  const after = await check(to, config.DATABASE_AUTH_TOKEN);
  console.log(`restored into ${to}: ${after.line}`);
  console.log(`serve it with: DATABASE_URL=${to} npm start`);
  process.exit(after.ok ? 0 : 1);
}

const target = to ? resolve(to.replace(/^file:/, '')) : join(isFileUrl(config.DATABASE_URL) ? dirname(filePath(config.DATABASE_URL)) : resolve('data'), `restored-${stamp()}.db`);
if (existsSync(target) && !replace) usage(`${target} exists: pass --replace to overwrite it (with the site stopped), or restore into a new file`);
for (const side of ['-wal', '-shm']) {
  if (existsSync(`${target}${side}`)) {
    console.error(`${target}${side} exists: a server seems to have ${target} open. Stop the site first (or restore into a new file and point DATABASE_URL at it).`);
    process.exit(1);
  }
}
// Copy beside the target, check the copy, then swap it in with one rename.
const temp = `${target}.restoring-${process.pid}`;
copyFileSync(backup, temp);
const copy = await check(`file:${temp}`);
if (!copy.ok) {
  rmSync(temp, { force: true });
  console.error(`the copy does not check out, nothing changed: ${copy.line}`);
  process.exit(1);
}
renameSync(temp, target);
const after = await check(`file:${target}`);
console.log(`restored into ${target}: ${after.line}`);
if (!to || (isFileUrl(config.DATABASE_URL) && filePath(config.DATABASE_URL) !== target)) console.log(`serve it with: DATABASE_URL=file:${target} npm start`);
process.exit(after.ok ? 0 : 1);
