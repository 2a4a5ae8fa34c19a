/**
 * @module Bench helpers: build the site when there is no build yet, start the
 * production server (`node server/serve.ts`, or its API alone) on a given
 * database and port, wait until it answers, stop it politely or kill it with
 * SIGKILL.
 *
 * Everything listens on 127.0.0.1 only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The build folder the server will read (WSS_DIST_DIR, as astro.config.mjs and server/env.ts read it). */
export function distDir(): string {
  return resolve(ROOT, process.env.WSS_DIST_DIR || 'dist');
}

/** Build with `astro build` when the build folder has no server entry yet. */
export function ensureBuild(log: (s: string) => void = console.error) {
  const dist = distDir();
  const entry = join(dist, 'server', 'entry.mjs');
  if (!existsSync(entry)) {
    log(`no build at ${dist}: running astro build …`);
    const r = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: process.env });
    if (r.status !== 0 || !existsSync(entry)) throw new Error('astro build failed');
  }
  // A build folder outside the project (WSS_DIST_DIR=/tmp/…) cannot resolve the
  // project's packages by itself: give it a node_modules link.
  const link = join(dist, 'node_modules');
  if (!relative(ROOT, dist).split(sep).every((p) => p !== '..') && !existsSync(link)) symlinkSync(join(ROOT, 'node_modules'), link, 'dir');
}

export { freePort } from '#tests/fixtures.ts';

export function tempDir(prefix: string) {
  return mkdtempSync(join(tmpdir(), prefix));
}

export type Started = {
  proc: ChildProcess;
  /** CPU seconds (user + system) the process has used so far, from /proc (Linux); NaN elsewhere. */
  cpuSeconds(): number;
  url: string;
  /** SIGTERM, then wait for the process to exit (the server closes the database on the way out). */
  stop(): Promise<void>;
  /** SIGKILL: no chance to flush anything that was not already durable. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
  /** What the process wrote to standard output so far (only when started with `stdout: true`). */
  stdout(): string;
};

async function waitFor(url: string, proc: ChildProcess, timeoutMs: number, stderr: () => string) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}) before answering:\n${stderr()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms:\n${stderr()}`);
}

function cpuSecondsOf(pid: number | undefined): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat: utime and stime in clock ticks (100 per second on Linux).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Spawn a node script (the production server, or the baseline server) and wait for its health URL. */
export async function startProcess(opts: { script: string; port: number; env: Record<string, string>; healthPath: string; args?: string[]; stdout?: boolean; startTimeoutMs?: number }): Promise<Started> {
  const node = process.execPath;
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(node, [...nodeArgs, opts.script, ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(opts.port), ...opts.env },
    stdio: ['ignore', opts.stdout ? 'pipe' : 'ignore', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-8000);
  });
  const exited = new Promise<number | null>((ok) => proc.once('exit', (code) => ok(code)));
  const url = `http://127.0.0.1:${opts.port}`;
  try {
    await waitFor(`${url}${opts.healthPath}`, proc, opts.startTimeoutMs ?? 60_000, () => err);
  } catch (e) {
    proc.kill('SIGKILL');
    throw e;
  }
  return {
    proc,
    url,
    exited,
    cpuSeconds: () => cpuSecondsOf(proc.pid),
    stdout: () => out,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
    async kill() {
      if (proc.exitCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}

/** The production server on `databaseUrl`, demo seeding off (the bench seeds its own data first). */
export function startSite(opts: { port: number; databaseUrl: string; env?: Record<string, string>; startTimeoutMs?: number }) {
  return startProcess({
    startTimeoutMs: opts.startTimeoutMs,
    script: join(ROOT, 'server/serve.ts'),
    port: opts.port,
    healthPath: '/api/health',
    env: { DATABASE_URL: opts.databaseUrl, SEED_DEMO: '0', NODE_ENV: 'production', WSS_DIST_DIR: distDir(), ...opts.env },
  });
}

/**
 * The same server without the pages (scripts/api-server.ts): the same boot, writer thread and
 * write queue, no build needed — what the crash test in `npm test` kills.
 */
export function startApiServer(opts: { port: number; databaseUrl: string; env?: Record<string, string>; stdout?: boolean }) {
  return startProcess({
    stdout: opts.stdout,
    script: join(ROOT, 'scripts/api-server.ts'),
    port: opts.port,
    healthPath: '/api/health',
    env: { DATABASE_URL: opts.databaseUrl, SEED_DEMO: '0', NODE_ENV: 'production', ...opts.env },
  });
}

/** The baseline: a bare Hono endpoint inserting one row through the same write queue (bench/lib/baseline-server.ts). */
export function startBaseline(opts: { port: number; databaseUrl: string }) {
  return startProcess({
    script: join(ROOT, 'bench/lib/baseline-server.ts'),
    port: opts.port,
    healthPath: '/api/health',
    env: { DATABASE_URL: opts.databaseUrl },
  });
}
