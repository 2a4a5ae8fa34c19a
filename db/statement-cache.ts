/**
 * @module A prepared-statement cache for the embedded database.
 *
 * `@libsql/client` prepares every statement afresh on a file database: for a
 * short query, parsing and planning the SQL, asking the statement for its
 * columns (twice) and probing whether it returns rows (an exception for every
 * INSERT/UPDATE) cost more than running it. Profiling `bench:votes` put about
 * a third of the server's CPU time there. SQLite's own answer is to keep
 * prepared statements and reuse them, which is what this does, underneath the
 * client: each libsql connection keeps its statements by SQL text, with
 * what they told us about their columns.
 *
 * A reused statement behaves exactly like a fresh one: the client binds new
 * arguments and reads every row each time (SQLite resets a statement when it
 * is run again), and SQLite re-prepares a statement by itself when the schema
 * changes. Any DDL still clears the connection's cache, so a statement's
 * remembered column list can never outlive the table it described. The cache
 * is bounded per connection. It applies only to file databases: a libSQL
 * server (sqld, Turso) is reached over HTTP and prepares on its side.
 */
import Database from 'libsql';

type Statement = {
  raw(on?: boolean): Statement;
  columns(): unknown[];
  all(...args: unknown[]): unknown[];
  run(...args: unknown[]): unknown;
};
/** A libsql connection (libsql's Database), as far as this module uses it. */
export type Conn = { prepare(sql: string): Statement };

const MAX_PER_CONNECTION = 512;
const DDL = /^\s*(create|alter|drop|vacuum|reindex|analyze)\b/i;

let installed = false;

/** Run on each connection before its first statement (db/wal-sync.ts sets its durability there). */
const newConnectionHooks: ((conn: Conn) => void)[] = [];
export function onNewConnection(hook: (conn: Conn) => void) {
  newConnectionHooks.push(hook);
}

/** Install the cache (idempotent). Returns false if libsql's shape is not the one this was written for. */
export function installStatementCache(): boolean {
  if (installed) return true;
  const proto = (Database as unknown as { prototype: Conn }).prototype;
  if (typeof proto?.prepare !== 'function') return false;
  const prepare = proto.prepare;
  const caches = new WeakMap<object, Map<string, Statement>>();
  const seen = new WeakSet<object>();

  proto.prepare = function cachedPrepare(this: Conn, sql: string): Statement {
    if (!seen.has(this)) {
      seen.add(this);
      for (const hook of newConnectionHooks) hook(this);
    }
    if (DDL.test(sql)) {
      caches.delete(this);
      return prepare.call(this, sql);
    }
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    const hit = cache.get(sql);
    if (hit) return hit;
    const stmt = remember(prepare.call(this, sql));
    if (cache.size >= MAX_PER_CONNECTION) cache.clear();
    cache.set(sql, stmt);
    return stmt;
  };
  installed = true;
  return true;
}

/** Wrap one statement so that its column list and its "does not return rows" are asked once. */
function remember(stmt: Statement): Statement {
  const raw = stmt.raw;
  const columns = stmt.columns;
  let notReader: unknown = null;
  let cols: unknown[] | null = null;
  stmt.raw = function (on?: boolean) {
    if (notReader && on !== false) throw notReader;
    try {
      return raw.call(stmt, on);
    } catch (err) {
      if (on !== false) notReader = err;
      throw err;
    }
  };
  stmt.columns = function () {
    return (cols ??= columns.call(stmt));
  };
  return stmt;
}
