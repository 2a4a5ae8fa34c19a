/**
 * @module Loopback load with autocannon: `connections` keep-alive connections,
 * each sending one request after another for at most `seconds` (and at most
 * `maxRequests`), every request built fresh by `next(i)` (its own session
 * cookie and body). A response is *acknowledged* when it is a 2xx whose body
 * `accept` returns a value for: that is what the bench later looks for in the
 * database.
 *
 * autocannon runs in this process, on the same two cores as the server, so it
 * competes with the server for CPU; the baseline is measured with exactly the
 * same generator and settings, which is what makes the ratio fair.
 */
import autocannon from 'autocannon';

// autocannon's request timers sometimes compute a negative delay when the
// machine is busy; Node then warns (TimeoutNegativeWarning) and uses 1 ms,
// which is what we want anyway. Keep other warnings.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (w.name !== 'TimeoutNegativeWarning') console.error(`${w.name}: ${w.message}`);
});

export type Outgoing = { path: string; body: string; headers: Record<string, string>; tag: number };

export type LoadResult<A> = {
  /** What `accept` returned for each acknowledged response, in order of arrival. */
  acknowledged: A[];
  statuses: Record<string, number>;
  /** Connection errors and timeouts (no response at all). */
  errors: number;
  timeouts: number;
  seconds: number;
  sent: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
};

export type LoadOptions<A> = {
  url: string;
  connections: number;
  seconds: number;
  maxRequests?: number;
  next: (i: number) => Outgoing;
  accept: (status: number, body: string, tag: number) => A | undefined;
  /** Resolves to stop the load early (e.g. the crash bench's kill). */
  stopWhen?: Promise<unknown>;
};

export async function drive<A>(opts: LoadOptions<A>): Promise<LoadResult<A>> {
  const acknowledged: A[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    ...(opts.maxRequests ? { amount: opts.maxRequests } : {}),
    timeout: 10,
    method: 'POST',
    requests: [
      {
        setupRequest(req: Record<string, unknown>, context: Record<string, unknown>) {
          const o = opts.next(sent++);
          context.tag = o.tag;
          return { ...req, method: 'POST', path: o.path, body: o.body, headers: { 'content-type': 'application/json', ...o.headers } };
        },
        onResponse(status: number, body: string, context: Record<string, unknown>) {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 200 && status < 300) {
            const a = opts.accept(status, body, context.tag as number);
            if (a !== undefined) acknowledged.push(a);
          }
        },
      },
    ],
  });
  const stopped = opts.stopWhen?.then(() => instance.stop());
  void stopped;
  const started = Date.now();
  const r = await new Promise<autocannon.Result>((ok, fail) => {
    instance.once('done', ok);
    instance.once('error', fail);
  });
  const seconds = opts.stopWhen ? (Date.now() - started) / 1000 : r.duration;
  return {
    acknowledged,
    statuses,
    errors: r.errors,
    timeouts: r.timeouts,
    seconds,
    sent,
    latency: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.average },
  };
}
