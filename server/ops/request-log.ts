/**
 * @module One JSON line per request (pino), for the operator: time, request
 * id, method, route pattern, status, duration, bytes sent and the account id
 * when signed in. Never the URL itself (a query may carry a receipt code or a
 * search), never a body, cookie, password or name: the route pattern says
 * which page or endpoint, the account id who, and nothing else is needed to
 * match a complaint to its line (the id is in the `x-request-id` header and
 * on the error page).
 *
 * The API (server/app.ts) and the page middleware (src/middleware.ts) note
 * the route they matched and the account on the Node request; the listener
 * in server/serve.ts writes the line when the response has been sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { pino, type Logger, type DestinationStream, type LevelWithSilent } from 'pino';
import type { Metrics } from './metrics.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** What the handlers learned about a request, for its log line. */
export type RequestNote = { route?: string; accountId?: string | null };

const NOTE = Symbol.for('weishishi.request-note');
type Noted = IncomingMessage & { [NOTE]?: RequestNote & { id: string } };

/** The process's logger: JSON lines on standard output, or appended to `file` (LOG_FILE), or to a stream (tests). */
export function createLogger(level: LevelWithSilent, file?: string | DestinationStream): Logger {
  const dest = typeof file === 'string' ? pino.destination({ dest: file, append: true, mkdir: true, sync: false }) : file;
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, dest);
}

/** Add what a handler knows (the route it matched, who is signed in) to the request's log line. */
export function noteRequest(req: IncomingMessage | undefined, note: RequestNote): void {
  const n = (req as Noted | undefined)?.[NOTE];
  if (!n) return;
  if (note.route !== undefined) n.route = note.route;
  if (note.accountId !== undefined) n.accountId = note.accountId;
}

/** The id given to this request (also sent as `x-request-id`), or null outside the logging listener. */
export function requestIdOf(req: IncomingMessage | undefined): string | null {
  return (req as Noted | undefined)?.[NOTE]?.id ?? null;
}

/**
 * Give the request an id (the `x-request-id` response header) and log it
 * once its response has been sent, or when the client went away first
 * (status 499, as nginx writes it).
 */
export function logRequest(log: Logger, req: IncomingMessage, res: ServerResponse, metrics?: Metrics): void {
  const id = randomBytes(8).toString('hex');
  (req as Noted)[NOTE] = { id };
  res.setHeader('x-request-id', id);
  const started = process.hrtime.bigint();
  let bytes = 0;
  // Count the body as it is written (streamed answers have no content-length).
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
  const count = (chunk: unknown, enc?: unknown) => {
    if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk, typeof enc === 'string' ? (enc as BufferEncoding) : 'utf8');
    else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    count(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') count(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as typeof res.end;
  let done = false;
  const line = (aborted: boolean) => {
    if (done) return;
    done = true;
    const n = (req as Noted)[NOTE]!;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const status = aborted && !res.writableFinished ? 499 : res.statusCode;
    metrics?.request(n.route ?? null, req.method ?? '-', status, ms / 1000);
    log[status >= 500 ? 'error' : 'info']({
      msg: 'request',
      reqId: id,
      method: req.method,
      route: n.route ?? null,
      status,
      ms: Math.round(ms * 10) / 10,
      bytes,
      accountId: n.accountId ?? null,
    });
  };
  res.on('finish', () => line(false));
  res.on('close', () => line(true));
}
