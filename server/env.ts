/**
 * @module The only reader of process.env. Parsed once at boot with zod; the
 * process refuses to start on bad configuration.
 */
import { z } from 'zod';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4321),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, 'must start with file:, libsql:, http(s): or ws(s):')
    .default('file:./data/app.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /** Public origin(s) allowed for state-changing requests besides the request's own host. */
  ALLOWED_ORIGINS: z.string().default(''),
  /** Seed the demo data when the database is empty. */
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  /** Where the Astro build is (astro.config.mjs reads the same variable). */
  WSS_DIST_DIR: z.string().min(1).default('dist'),
  /** How much the server logs: one JSON line per request at `info`. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Write the log to this file (appended) instead of standard output. */
  LOG_FILE: z.string().min(1).optional(),
  /** Bearer token for GET /metrics (Prometheus); without one, /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** On SIGTERM, how long requests in flight may take to finish before their connections are closed. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** The server takes checked backups itself into this folder (none when unset). */
  BACKUP_DIR: z.string().min(1).optional(),
  /** How often: a number and s, m, h or d (`6h`). */
  BACKUP_EVERY: z.string().regex(/^\d+[smhd]$/, 'must be a number followed by s, m, h or d, e.g. 6h').refine((v) => !/^0+[smhd]$/.test(v), 'must be at least 1s').default('6h'),
  /** How many backups to keep in BACKUP_DIR (the oldest are deleted). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(28),
  /** Days the security log keeps its events (at least 180: 网络安全法 art. 21). */
  /** The audit signing key (Ed25519, PEM), made at first start when missing; by default next to an embedded database file. */
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  /** Where uploaded files are kept: a folder every app server reads (several servers on one libSQL server). */
  UPLOAD_DIR: z.string().min(1).optional(),
  /** Tests and demos only: the server's clock starts at this instant (ISO 8601) and runs on from there. Refused in production. */
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  /** How often the server looks for a phase change or a new day to sign a checkpoint of the audit log. */
  AUDIT_CHECKPOINT_EVERY_MS: z.coerce.number().int().min(1000).max(3_600_000).default(15_000),
  SECURITY_LOG_DAYS: z.coerce.number().int().min(180, 'must be at least 180 (six months)').max(36_500).default(180),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
