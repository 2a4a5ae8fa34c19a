/**
 * @module Sessions held in memory between requests. Every signed-in request
 * reads its session, its account and its roles; under a vote that read was the
 * HTTP thread's largest piece of work. The database keeps one number,
 * `auth_epoch.n`, which triggers change in the same transaction as anything
 * that read could see differently (a session renewed or ended, an account
 * edited or removed, a role granted or revoked, a place renamed: migration
 * 0005). A row read together with the epoch `n` is still exactly what the
 * database holds for as long as the epoch reads `n`, whichever connection,
 * process or app instance made the change. So a request reads only the epoch
 * (one row) and uses the held row when the epoch is the same; otherwise the
 * cache is emptied and the session read afresh.
 *
 * Only sessions that were found are held, so unknown tokens cannot fill
 * memory; at `max` entries the cache starts over.
 */
export class SessionCache<Row> {
  private epoch: number | null = null;
  private readonly rows = new Map<string, Row>();
  private readonly max: number;

  constructor(max = 50_000) {
    this.max = max;
  }

  /** The row held for `id`, if it was read at `epoch`. An epoch other than the held one empties the cache. */
  get(id: string, epoch: number): Row | undefined {
    if (epoch !== this.epoch) {
      this.rows.clear();
      this.epoch = epoch;
      return undefined;
    }
    return this.rows.get(id);
  }

  /** Hold `row`, read in one statement together with `epoch`. */
  put(id: string, row: Row, epoch: number): void {
    if (epoch !== this.epoch) {
      this.rows.clear();
      this.epoch = epoch;
    }
    if (this.rows.size >= this.max) this.rows.clear();
    this.rows.set(id, row);
  }

  get size(): number {
    return this.rows.size;
  }
}

const caches = new WeakMap<object, SessionCache<unknown>>();

/** The one cache per database handle (so two test apps on two databases never share one). */
export function sessionCacheOf<Row>(database: object): SessionCache<Row> {
  let c = caches.get(database);
  if (!c) caches.set(database, (c = new SessionCache<unknown>()));
  return c as SessionCache<Row>;
}
