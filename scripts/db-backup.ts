/**
 * npm run db:backup — a consistent snapshot of DATABASE_URL, taken while the
 * site keeps serving (how, and how it is checked: server/services/backups.ts).
 *
 *   npm run db:backup                         → data/backups/<UTC time>.db (next to the database file)
 *   npm run db:backup -- --out /mnt/usb/wss.db
 *
 *   backup written: data/backups/2026-11-22T15-04-05Z.db (1.2 MB), integrity ok, audit log intact: 612 entries, head 3f…
 *
 * The server can take them itself on a schedule (BACKUP_DIR, BACKUP_EVERY).
 * Restore with `npm run db:restore <file>` (scripts/db-restore.ts).
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isFileUrl } from '../db/client.ts';
import { check, filePath, humanSize, snapshot, stamp } from '../server/services/backups.ts';

export { check, copyDatabase, filePath, humanSize, snapshot, stamp } from '../server/services/backups.ts';

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
