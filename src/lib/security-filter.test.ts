/** The security log's date filters: a bad date is said back, never quietly dropped. */
import { describe, expect, it } from 'vitest';
import { readSecurityFilter } from './security-filter.ts';

const read = (q: string) => readSecurityFilter(new URLSearchParams(q));

describe('the security log filter', () => {
  it('reads a range of China days into the first and last millisecond of each', () => {
    const r = read('from=2026-12-01&to=2026-12-07&kind=sign_in_failed');
    expect(r.ok).toBe(true);
    expect(r.filter).toMatchObject({ kind: 'sign_in_failed', from: new Date('2026-11-30T16:00:00.000Z'), to: new Date('2026-12-07T15:59:59.999Z') });
  });

  it('says which date is wrong instead of reading the whole log: not a day, an impossible day, an end before the start', () => {
    expect(read('from=yesterday').errors).toEqual({ from: 'not_a_day' });
    expect(read('to=2026-02-30').errors).toEqual({ to: 'not_a_day' });
    expect(read('from=2026-12-07&to=2026-12-01').errors).toEqual({ to: 'before_from' });
    for (const q of ['from=yesterday', 'to=2026-02-30', 'from=2026-12-07&to=2026-12-01']) {
      const r = read(q);
      expect(r.ok, q).toBe(false);
      expect([r.filter.from, r.filter.to], q).toEqual([undefined, undefined]);
    }
  });

  it('an empty date is no filter, not an error', () => {
    expect(read('from=&to=')).toMatchObject({ ok: true, errors: {}, filter: { from: undefined, to: undefined } });
  });
});
