/**
 * @module The production server for the page benchmarks: the build in
 * WSS_DIST_DIR (default dist/) served by server/serve.ts, as `npm start`
 * runs it, on a bench database (seed.ts), in a child process so the
 * measuring side does not share its event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedBenchDatabase } from './seed.ts';
import { apiClient } from '../lib/api.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));

export type BenchServer = { base: string; stop: () => Promise<void> };

export function distDir(): string {
  return resolve(repo, process.env.WSS_DIST_DIR || 'dist');
}

/** Seed a fresh bench database and start the production build on it. */
export async function startBenchServer(port: number, log: (s: string) => void): Promise<BenchServer> {
  const dist = distDir();
  if (!existsSync(join(dist, 'server', 'entry.mjs'))) {
    throw new Error(`No production build in ${dist}: run \`npm run build\` first (or set WSS_DIST_DIR).`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'wss-bench-'));
  const t0 = Date.now();
  log(`seeding the demo data and a 1,000-project cycle into ${dir} …`);
  const url = await seedBenchDatabase(join(dir, 'bench.db'));
  log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const child: ChildProcess = spawn(process.execPath, [join(repo, 'server/serve.ts')], {
    cwd: repo,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: '0', NODE_ENV: 'production', WSS_DIST_DIR: dist },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); is port ${port} free?`);
    try {
      if ((await apiClient({ baseUrl: base }).GET('/api/health')).response.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('the server did not start within 30 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

/** Sign in through the API as a demo account; returns the Cookie header value. */
export async function signInCookie(base: string, login: string, password = 'demo12345'): Promise<string> {
  const { response } = await apiClient({ baseUrl: base }).POST('/api/auth/sign-in', { body: { login, password }, headers: { origin: base } });
  if (response.status !== 200) throw new Error(`cannot sign in as ${login}: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
