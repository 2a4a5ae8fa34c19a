/**
 * The production server (server/serve.ts, pages and API) that writes down
 * every distinct SQL statement it runs on the embedded database, for the
 * query-plan test of every page (tests/e2e/query-plans.spec.ts): each new
 * statement text goes to PLAN_LOG as one JSON line `{ sql, args }` (the
 * arguments of its first run) the moment it is first run, so a caller that
 * asks for one page at a time knows which page ran it.
 *
 * Statements are caught where libsql prepares them (underneath
 * `@libsql/client`, drizzle and the statement cache), so every read a page
 * makes is seen, whichever way it reaches the database. The writer thread's
 * statements (writes) are not: they run on a connection of their own.
 *
 *   DATABASE_URL=file:/tmp/city.db PORT=4460 HOST=127.0.0.1 PLAN_LOG=/tmp/plans.jsonl node scripts/plan-server.ts
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import Database from 'libsql';
import { start } from '../server/serve.ts';

const log = process.env.PLAN_LOG;
if (!log) throw new Error('PLAN_LOG: the file to write the statements to');
writeFileSync(log, '');

type Stmt = Record<string, unknown>;
const seen = new Set<string>();
const WRAPPED = Symbol('plan-recorded');

function note(sql: string, args: unknown[]) {
  if (seen.has(sql)) return;
  seen.add(sql);
  // One argument list (positional) or one object (named); bigints as numbers.
  const shown = args.length === 1 && args[0] !== null && typeof args[0] === 'object' && !Array.isArray(args[0]) && !(args[0] instanceof Uint8Array) ? args[0] : args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  appendFileSync(log!, JSON.stringify({ sql, args: shown }, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v instanceof Uint8Array ? null : v)) + '\n');
}

await start({
  adjust: () => {
    // After createContext: the statement cache (db/statement-cache.ts) is installed, so this wraps it, and a statement
    // the cache hands out again is seen again (its first run is the one written down).
    const proto = (Database as unknown as { prototype: { prepare(sql: string): Stmt } }).prototype;
    const prepare = proto.prepare;
    proto.prepare = function recordingPrepare(sql: string): Stmt {
      const stmt = prepare.call(this, sql);
      if (stmt && !(stmt as Record<symbol, unknown>)[WRAPPED]) {
        (stmt as Record<symbol, unknown>)[WRAPPED] = true;
        for (const m of ['all', 'get', 'run', 'iterate']) {
          const f = stmt[m];
          if (typeof f !== 'function') continue;
          stmt[m] = function (this: unknown, ...args: unknown[]) {
            note(sql, args);
            return (f as (...a: unknown[]) => unknown).apply(this, args);
          };
        }
      }
      return stmt;
    };
  },
});
