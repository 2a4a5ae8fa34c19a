/**
 * @module The production server. One Node process: @hono/node-server's
 * listener answers /api/* directly (about 3x the throughput of routing the API
 * through Astro), static files come from dist/client, and every other request
 * goes to Astro's middleware-mode handler with the same AppContext in
 * `locals`, so pages and API share one database connection pool, one write
 * queue and one set of rate limiters.
 *
 * Boot: parse env → open + migrate the database → seed demo data if empty →
 * start the clocks (notices, council terms, phase ends) → listen on HOST:PORT.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { env } from './env.ts';
import { createContext, type AppContext } from './context.ts';
import { createApp } from './app.ts';
import { SECURITY_HEADERS } from './http/security-headers.ts';
import { seedDemo } from './services/demo-seed.ts';
import { startCouncilClock } from './services/notices.ts';
import { logRequest, noteRequest, requestIdOf, type RequestNote } from './ops/request-log.ts';
import { collectProcessMetrics, serveMetrics } from './ops/metrics.ts';
import { parseEvery, startBackups } from './services/backups.ts';
import { startSecurityLogPruning } from './services/security-log.ts';
import { startPhaseClock } from './services/cycles.ts';
import { startCheckpointClock } from './services/audit-checkpoints.ts';
import { say } from '#messages/say.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

function serveStatic(CLIENT_DIR: string, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent((req.url ?? '/').split('?')[0]);
  } catch {
    return false; // Not a file name; let Astro answer (404).
  }
  if (pathname === '/' || pathname.endsWith('/')) return false;
  const file = normalize(join(CLIENT_DIR, pathname));
  if (!file.startsWith(CLIENT_DIR) || !existsSync(file)) return false;
  const st = statSync(file);
  if (!st.isFile()) return false;
  res.statusCode = 200;
  res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('content-length', st.size);
  // Astro fingerprints everything under /_astro/, so it can be cached forever.
  res.setHeader('cache-control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next: () => void, locals: object) => Promise<void>;

/**
 * `adjust` lets a test harness change the context before serving (scripts/e2e-server.ts).
 * `apiOnly` serves /api/* alone and needs no build: the same boot, context
 * (writer thread included) and listener, every other path 404 — for tests
 * that run before `astro build` (scripts/api-server.ts).
 */
export async function start(opts: { adjust?: (ctx: AppContext) => void; apiOnly?: boolean } = {}) {
  const config = env();
  const DIST = resolve(ROOT, config.WSS_DIST_DIR);
  const CLIENT_DIR = join(DIST, 'client');
  const SERVER_ENTRY = join(DIST, 'server', 'entry.mjs');
  if (!opts.apiOnly && !existsSync(SERVER_ENTRY)) {
    console.error(`No production build found (${SERVER_ENTRY}). Run \`npm run build\` first, or use \`npm start\`.`);
    process.exit(1);
  }
  const ctx = await createContext(config, { writerThread: true });
  collectProcessMetrics(ctx.metrics);
  opts.adjust?.(ctx);
  // The served demo comes with its generated 2023–2025 history (a few seconds, once, on an empty database).
  if (config.SEED_DEMO === '1' && (await seedDemo(ctx, { history: true }))) ctx.log.info({ msg: 'seeded the demo data, with its 2023–2025 history, into an empty database' });
  // Notice periods end and council terms start on the clock, not on a request.
  const stopClock = await startCouncilClock(ctx);
  // Checked backups on a schedule (BACKUP_DIR, BACKUP_EVERY, BACKUP_KEEP): the first one now.
  const stopBackups = config.BACKUP_DIR
    ? startBackups(ctx.backup, {
        url: config.DATABASE_URL,
        authToken: config.DATABASE_AUTH_TOKEN,
        dir: resolve(config.BACKUP_DIR),
        everySeconds: parseEvery(config.BACKUP_EVERY)!,
        keep: config.BACKUP_KEEP,
        now: ctx.now,
        onDone: () => ctx.log.info({ msg: 'backup written and checked', file: ctx.backup.lastSuccess!.file, bytes: ctx.backup.lastSuccess!.bytes, seconds: ctx.backup.lastSuccess!.seconds }),
        onError: (err) => ctx.log.error({ msg: 'scheduled backup failed', err }),
      })
    : () => {};
  const stopPruning = startSecurityLogPruning(ctx, config.SECURITY_LOG_DAYS);
  // Phases close on their planned end (a vote is counted and published at once): at start-up, then every 30 s.
  const stopPhaseClock = await startPhaseClock(ctx);
  // Signed checkpoints of the audit log: daily, after every phase change and vote count (within a tick), the first one now.
  const stopCheckpoints = await startCheckpointClock(ctx, config.AUDIT_CHECKPOINT_EVERY_MS);
  const api = createApp(ctx);
  const apiListener = getRequestListener(api.fetch);
  const astroHandler: AstroHandler | null = opts.apiOnly ? null : ((await import(pathToFileURL(SERVER_ENTRY).href)) as { handler: AstroHandler }).handler;

  /** Set on the first SIGTERM/SIGINT (see `stop` below). */
  let stopping = false;
  const server = createServer((req, res) => {
    try {
      if (stopping) res.setHeader('connection', 'close');
      logRequest(ctx.log, req, res, ctx.metrics);
      route(req, res);
    } catch (err) {
      // Nothing a client sends may take the process down.
      ctx.log.error({ msg: 'unexpected error', reqId: requestIdOf(req), method: req.method, err });
      if (!res.headersSent) {
        res.statusCode = 400;
        res.end('Bad request');
      }
    }
  });
  function route(req: IncomingMessage, res: ServerResponse) {
    const url = req.url ?? '/';
    if (url === '/metrics' || url.startsWith('/metrics?')) {
      noteRequest(req, { route: '/metrics' });
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      void serveMetrics(ctx.metrics, config.METRICS_TOKEN, req, res).catch((err) => {
        ctx.log.error({ msg: 'metrics failed', err });
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
      return;
    }
    if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) {
      apiListener(req, res);
      return;
    }
    // Static files and anything answered here rather than by Astro (whose middleware sets them on pages too).
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const notFound = () => {
      res.statusCode = 404;
      res.end('Not found');
    };
    if (!astroHandler) return notFound();
    if (serveStatic(CLIENT_DIR, req, res)) return noteRequest(req, { route: 'static' });
    // The page middleware notes the route it matched and who is signed in (src/middleware.ts); error pages show the id.
    astroHandler(req, res, notFound, { ctx, requestId: requestIdOf(req), noteRequest: (note: RequestNote) => noteRequest(req, note) });
  }
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((ok) => server.listen(config.PORT, config.HOST, ok));
  const shown = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  ctx.log.info({ msg: `${say.ui('zh-CN', 'site.name')} is running at http://${shown}:${config.PORT}/`, database: config.DATABASE_URL.replace(/\/\/[^@/]*@/, '//') });

  // Graceful stop (a deploy, a reboot): stop accepting, let the requests in flight finish (at most
  // SHUTDOWN_TIMEOUT_MS), wait until every write asked for has been answered (so each acknowledged
  // ballot is on disk), close the database, exit 0. A second signal exits at once.
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      ctx.log.warn({ msg: 'second signal: exiting now', signal });
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    }
    stopping = true;
    const started = Date.now();
    ctx.log.info({ msg: 'stopping: no new connections; finishing the requests in flight', signal });
    stopClock();
    stopPhaseClock();
    stopCheckpoints();
    stopBackups();
    stopPruning();
    const closed = new Promise<void>((ok) => server.close(() => ok()));
    server.closeIdleConnections();
    const timer = setTimeout(() => {
      ctx.log.warn({ msg: 'requests still running at the shutdown timeout: closing their connections', timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
      server.closeAllConnections();
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    await closed;
    clearTimeout(timer);
    await ctx.database.idle();
    ctx.database.close();
    ctx.log.info({ msg: 'stopped', ms: Date.now() - started });
    ctx.log.flush();
    process.exit(0);
  };
  process.on('SIGINT', (s) => void stop(s));
  process.on('SIGTERM', (s) => void stop(s));
  return server;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  start().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
