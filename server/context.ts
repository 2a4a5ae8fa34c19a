/**
 * @module The application context: everything with state (the database, the
 * rate limiters and throttle rules, the clock) lives here, created once per process, and is
 * passed to services. Service modules themselves hold no state, so the copy
 * bundled into the Astro build and the one the API loads behave as one.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openDatabase, migrateDatabase, type Database } from '../db/client.ts';
import { createRateLimiters, type RateLimiters } from './auth/rate-limit.ts';
import { defaultThrottleRules, type ThrottleRules } from './auth/throttle.ts';
import type { Env } from './env.ts';
import { createReadCache, type ReadCache } from './services/read-cache.ts';
import { createLogger } from './ops/request-log.ts';
import type { Logger } from 'pino';
import { createMetrics, type Metrics } from './ops/metrics.ts';
import { newBackupState, type BackupState } from './services/backups.ts';
import { auditKeyPath, loadOrCreateAuditKey, type AuditSigner } from './services/audit-key.ts';

export type AppContext = {
  database: Database;
  limits: RateLimiters;
  /** Guessing throttles (sign-in, receipts, residency codes): counted in the database, shared by every instance. */
  throttle: ThrottleRules;
  /** Injectable so tests can move time (session expiry, notice periods). */
  now: () => Date;
  /** Secure cookies in production (served behind HTTPS). */
  secureCookies: boolean;
  /** Extra origins allowed to post besides the request's own host. */
  allowedOrigins: string[];
  /** Expensive public reads (statistics), reused while nothing changed (server/services/read-cache.ts); exact in tests. */
  reads: ReadCache;
  /** The operator's log: JSON lines (request lines, unexpected errors), at LOG_LEVEL. Never personal data. */
  log: Logger;
  /** The operator's metrics (server/ops/metrics.ts), served at /metrics when METRICS_TOKEN is set. */
  metrics: Metrics;
  /** What the server's backup schedule has done (BACKUP_DIR; server/services/backups.ts), for /api/health and the metrics. */
  backup: BackupState;
  /** The deployment's audit signing key (server/services/audit-key.ts), for the log's checkpoints. */
  auditKey: AuditSigner;
  /** Days the security log keeps its events (SECURITY_LOG_DAYS): the privacy notice and 我的信息 say so. */
  securityLogDays: number;
};

/** The writes that may run on the writer thread (db/writer-thread.ts). */
const WRITE_TASKS = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'services', 'write-tasks.ts'));

/**
 * `writerThread`: run the hottest writes (casting a ballot) on a thread of their own when the
 * database is an embedded file. The production server sets it; tests choose.
 */
export async function createContext(env: Env, opts: { now?: () => Date; migrate?: boolean; writerThread?: boolean } = {}): Promise<AppContext> {
  if (env.CLOCK_START && env.NODE_ENV === 'production') throw new Error('CLOCK_START is for tests and demos: a production server runs on the real clock');
  const database = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN, { ...(opts.writerThread ? { writerTasks: WRITE_TASKS } : {}), ...(env.UPLOAD_DIR ? { uploadDir: env.UPLOAD_DIR } : {}) });
  if (opts.migrate !== false) await migrateDatabase(database);
  const now = opts.now ?? (env.CLOCK_START ? clockFrom(new Date(env.CLOCK_START)) : () => new Date());
  const backup = newBackupState();
  return {
    database,
    limits: createRateLimiters(),
    throttle: defaultThrottleRules(),
    now,
    secureCookies: env.NODE_ENV === 'production',
    allowedOrigins: env.ALLOWED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    reads: createReadCache(env.NODE_ENV === 'test' ? 0 : 10_000),
    // Quiet in tests unless asked (a test that reads the log sets LOG_LEVEL).
    log: createLogger(env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'), env.LOG_FILE),
    metrics: createMetrics(database, now, backup),
    backup,
    auditKey: loadOrCreateAuditKey(keyPathOf(env)),
    securityLogDays: env.SECURITY_LOG_DAYS,
  };
}

/** A test on a database server keeps its key in memory rather than in the checkout's data/. */
function keyPathOf(env: Env): string | null {
  const path = auditKeyPath(env.DATABASE_URL, env.AUDIT_KEY_FILE);
  return env.NODE_ENV === 'test' && !env.AUDIT_KEY_FILE && !env.DATABASE_URL.startsWith('file:') ? null : path;
}

/** A clock that reads `start` now and runs on in real time from there. */
export function clockFrom(start: Date): () => Date {
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
