/**
 * npm run test:sqld — the API test suite against a real libSQL server.
 *
 *   npm run test:sqld                       server/routes, server/services, db and the session cache's tests
 *   npm run test:sqld -- server/routes/ballots.routes.test.ts    just these
 *
 * Checks that sqld (the npm `sqld` package, node_modules/.bin/sqld, or
 * SQLD_BIN) starts and answers on loopback, then runs vitest with
 * TEST_DATABASE=sqld: tests/fixtures.ts then gives every testApp() its own
 * sqld process on a free 127.0.0.1 port, reached over HTTP — the code path of
 * a deployment on sqld or Turso (remote transactions, SQLITE_BUSY retried by
 * db/client.ts). scripts/sqld-concurrency.test.ts also runs two app
 * instances against one sqld under concurrent writes.
 *
 * Uploads go to ./data/uploads with a remote database (server/services/uploads.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSqld } from '../tests/fixtures.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = process.env.SQLD_BIN ?? resolve(root, 'node_modules/.bin/sqld');
if (!existsSync(bin)) {
  console.error(`sqld not found at ${bin}: run npm install (the sqld package is a devDependency), or set SQLD_BIN`);
  process.exit(2);
}

// Preflight: one sqld, one statement, over HTTP.
const dir = mkdtempSync(join(tmpdir(), 'wss-sqld-check-'));
try {
  const { url, proc } = await startSqld(dir);
  const res = await fetch(`${url}/v2/pipeline`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requests: [{ type: 'execute', stmt: { sql: 'select sqlite_version() as v' } }, { type: 'close' }] }),
  });
  const body = (await res.json()) as { results?: { response?: { result?: { rows?: { value: string }[][] } } }[] };
  const version = body.results?.[0]?.response?.result?.rows?.[0]?.[0]?.value ?? '?';
  proc.kill('SIGKILL');
  const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  console.log(`sqld ok: ${(v.stdout || v.stderr).trim().split('\n')[0]} (SQLite ${version}), on ${url}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const args = process.argv.slice(2);
const targets = args.length ? args : ['server/routes', 'server/services', 'db', 'scripts/sqld-concurrency.test.ts', 'server/auth/session-cache.test.ts'];
console.log(`vitest run ${targets.join(' ')} with TEST_DATABASE=sqld (each testApp() on its own sqld)`);
const child = spawn(resolve(root, 'node_modules/.bin/vitest'), ['run', ...targets], { cwd: root, stdio: 'inherit', env: { ...process.env, TEST_DATABASE: 'sqld' } });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
