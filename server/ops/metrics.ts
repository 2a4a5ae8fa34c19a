/**
 * @module The operator's metrics, in Prometheus's text format (prom-client),
 * at GET /metrics with `Authorization: Bearer $METRICS_TOKEN`; without a
 * token configured /metrics does not exist (404). Counts and timings only:
 * no label carries a person, a code or an address, only route patterns,
 * methods and status classes.
 *
 * - wss_http_request_duration_seconds{route,method,status}: every request (status as 2xx…5xx);
 * - wss_ballots_cast_total{channel}: ballots recorded (online, paper);
 * - wss_open_votes: cycles whose resident vote is open;
 * - wss_db_write_queue_depth, wss_db_writes_pending, wss_db_write_seconds_sum/_count, wss_db_write_failures_total;
 * - wss_rate_limited_total: requests refused by a rate limit or guessing throttle (429);
 * - wss_unexpected_errors_total: answers of 500;
 * - wss_backup_last_success_timestamp_seconds, wss_backup_failures_total: the backup schedule;
 * - the process's own (CPU, memory, event-loop lag, open handles).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import type { BackupState } from '../services/backups.ts';

export type Metrics = {
  registry: Registry;
  /** A request answered: its route pattern (null when none matched), method, status and duration. */
  request(route: string | null, method: string, status: number, seconds: number): void;
  /** A ballot recorded. */
  ballotCast(channel: 'online' | 'paper'): void;
};

/** The metrics of one process, reading the write queue of `database` and the open votes from it. */
export function createMetrics(database: Database, now: () => Date, backup: BackupState): Metrics {
  const registry = new Registry();
  const duration = new Histogram({
    name: 'wss_http_request_duration_seconds',
    help: 'Time to answer a request, by route pattern, method and status class',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const ballots = new Counter({ name: 'wss_ballots_cast_total', help: 'Ballots recorded, by channel', labelNames: ['channel'] as const, registers: [registry] });
  const limited = new Counter({ name: 'wss_rate_limited_total', help: 'Requests refused by a rate limit or a guessing throttle (429)', registers: [registry] });
  const errors = new Counter({ name: 'wss_unexpected_errors_total', help: 'Requests answered 500 (an unexpected error; see the log line with the same request id)', registers: [registry] });
  new Gauge({
    name: 'wss_open_votes',
    help: 'Cycles whose resident vote is open now',
    registers: [registry],
    async collect() {
      const today = new Date(now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      // Opened by staff, or running by its planned dates with nothing opened by hand.
      const r = await database.db.get<{ n: number }>(sql`
        select count(*) as n from cycles c
        where c.open_phase = 'resident_vote'
           or (c.open_phase is null and exists (select 1 from cycle_phases p where p.cycle_id = c.id and p.phase = 'resident_vote' and p.starts_on <= ${today} and ${today} <= p.ends_on))`);
      this.set(Number(r?.n ?? 0));
    },
  });
  new Gauge({ name: 'wss_db_write_queue_depth', help: 'Writes waiting for their batch', registers: [registry], collect() { this.set(database.stats.queued); } });
  new Gauge({ name: 'wss_db_writes_pending', help: 'Writes asked for and not yet answered (queued, being written or waiting for their fsync)', registers: [registry], collect() { this.set(database.stats.pending); } });
  new Gauge({ name: 'wss_db_write_seconds_sum', help: 'Seconds writes took in all, from being asked for to being durable (divide by _count for the mean)', registers: [registry], collect() { this.set(database.stats.secondsTotal); } });
  new Gauge({ name: 'wss_db_write_seconds_count', help: 'Writes answered', registers: [registry], collect() { this.set(database.stats.answered); } });
  new Gauge({ name: 'wss_backup_last_success_timestamp_seconds', help: 'When the last scheduled backup was written and checked (0: none yet)', registers: [registry], collect() { this.set(backup.lastSuccess ? backup.lastSuccess.at.getTime() / 1000 : 0); } });
  new Gauge({ name: 'wss_backup_failures_total', help: 'Scheduled backups that failed or did not check out', registers: [registry], collect() { this.set(backup.failures); } });
  new Gauge({ name: 'wss_db_write_failures_total', help: 'Writes that failed in the database or on disk', registers: [registry], collect() { this.set(database.stats.failed); } });

  return {
    registry,
    request(route, method, status, seconds) {
      duration.observe({ route: route ?? '(none)', method, status: `${Math.floor(status / 100)}xx` }, seconds);
      if (status === 429) limited.inc();
      if (status >= 500) errors.inc();
    },
    ballotCast(channel) {
      ballots.inc({ channel });
    },
  };
}

/** Add the process's own metrics (CPU, memory, event-loop lag): once, in the server process. */
export function collectProcessMetrics(metrics: Metrics): void {
  collectDefaultMetrics({ register: metrics.registry, prefix: 'wss_' });
}

function sameToken(given: string, expected: string): boolean {
  // Compare digests, so neither the length nor the content leaks through timing.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Answer GET /metrics: 404 when no token is configured (the endpoint does not
 * exist), 401 without the right bearer token, else the metrics.
 */
export async function serveMetrics(metrics: Metrics, token: string | undefined, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!token || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('Not found');
    return;
  }
  const auth = req.headers.authorization ?? '';
  const m = /^Bearer (.+)$/.exec(auth);
  if (!m || !sameToken(m[1]!, token)) {
    res.statusCode = 401;
    res.setHeader('www-authenticate', 'Bearer realm="metrics"');
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('Unauthorized');
    return;
  }
  const body = await metrics.registry.metrics();
  res.statusCode = 200;
  res.setHeader('content-type', metrics.registry.contentType);
  res.setHeader('cache-control', 'no-store');
  res.end(req.method === 'HEAD' ? undefined : body);
}
