/**
 * @module Database client factory. The same code talks to the embedded libSQL
 * file (WAL, busy_timeout, synchronous=FULL by default) or to a libSQL server
 * (sqld / Turso) when the URL is http(s)/libsql.
 *
 * libsql-js is synchronous: two write transactions in one process would block
 * the event loop on SQLite's busy handler. So every write transaction goes
 * through one in-process queue (`write`), and a remote SQLITE_BUSY is retried.
 */
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = LibSQLDatabase<Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Database = {
  db: Db;
  client: Client;
  url: string;
  /** Run `fn` in one write transaction, serialised with every other write of this process. */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): void;
};

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

export function isFileUrl(url: string) {
  return url.startsWith('file:') || url === ':memory:';
}

export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  if (url.startsWith('file:') && !url.startsWith('file::memory:')) {
    const path = url.slice('file:'.length).split('?')[0];
    mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const client = createClient({ url, authToken, timeout: 5000 });
  if (isFileUrl(url) && !url.includes(':memory:')) {
    await client.execute('PRAGMA journal_mode=WAL');
  }
  const db = drizzle(client, { schema });

  let tail: Promise<unknown> = Promise.resolve();
  async function runWithRetry<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await db.transaction(fn);
      } catch (err) {
        if (attempt < 8 && isBusy(err)) {
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
          continue;
        }
        throw err;
      }
    }
  }
  function write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const run = tail.then(() => runWithRetry(fn));
    tail = run.catch(() => undefined);
    return run;
  }

  return { db, client, url, write, close: () => client.close() };
}

function isBusy(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const msg = String((e as { message?: string }).message ?? '');
    const code = String((e as { code?: string }).code ?? '');
    if (/SQLITE_BUSY|database is locked/i.test(msg) || code.includes('BUSY')) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export async function migrateDatabase(database: Database) {
  await migrate(database.db, { migrationsFolder: MIGRATIONS });
}
