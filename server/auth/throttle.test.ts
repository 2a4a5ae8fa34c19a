/**
 * The guessing throttles' arithmetic and their day of memory, on a real
 * database (the security tests try them through sign-in and receipts; these
 * pin the edges: the free allowance, the doubling and its cap, exactly one
 * day, and what is counted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { tempDatabase } from '#tests/fixtures.ts';
import { clearFailures, guardGuess, recordFailures, throttleFailures, throttleWait, waitFor, type ThrottleRule } from './throttle.ts';

const DAY = 24 * 3600_000;
const rule: ThrottleRule = { free: 2, baseMs: 1_000, maxMs: 5_000 };
const t0 = Date.UTC(2026, 11, 7, 12);
const at = (ms: number) => new Date(t0 + ms);

describe('the wait a number of failures has earned', () => {
  it('is nothing within the allowance, then doubles from the base up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => waitFor(rule, n))).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 5_000, 5_000]);
    expect(waitFor({ free: 0, baseMs: 1, maxMs: Number.MAX_SAFE_INTEGER }, 1_000)).toBe(2 ** 30);
  });
});

describe('throttles in the database', () => {
  let temp: Awaited<ReturnType<typeof tempDatabase>>;
  let database: Database;
  beforeAll(async () => {
    temp = await tempDatabase();
    database = temp.database;
  });
  afterAll(() => temp.close());
  const rows = async () => (await database.client.execute('select key, failures from auth_throttle order by key')).rows.map((r) => [String(r.key), Number(r.failures)]);

  it('counts each failure, makes the key wait once past its allowance, and forgets after a quiet day (not at exactly one)', async () => {
    const k = [{ key: 'name:a', rule }];
    for (let i = 0; i < 3; i++) await recordFailures(database, k, at(0));
    expect(await throttleFailures(database, 'name:a', at(0))).toBe(3);
    expect(await throttleWait(database, 'name:a', at(0))).toBe(1_000);
    expect(await throttleWait(database, 'name:a', at(400))).toBe(600);
    expect(await throttleWait(database, 'name:a', at(1_000))).toBe(0);
    // Exactly a day after the last failure it still counts; a moment later it is forgotten.
    expect(await throttleFailures(database, 'name:a', at(DAY))).toBe(3);
    expect(await throttleFailures(database, 'name:a', at(DAY + 1))).toBe(0);
    // A failure exactly a day later adds to the count; one a moment later starts again at one.
    await recordFailures(database, k, at(DAY));
    expect(await throttleFailures(database, 'name:a', at(DAY))).toBe(4);
    expect(await throttleWait(database, 'name:a', at(DAY))).toBe(2_000);
    await recordFailures(database, k, at(2 * DAY + 1));
    expect(await throttleFailures(database, 'name:a', at(2 * DAY + 1))).toBe(1);
    expect(await throttleWait(database, 'name:a', at(2 * DAY + 1))).toBe(0);
  });

  it('no longer makes a key wait a day after its last failure, even when it was blocked for longer', async () => {
    const long: ThrottleRule = { free: 0, baseMs: 3 * DAY, maxMs: 3 * DAY };
    await recordFailures(database, [{ key: 'name:long', rule: long }], at(0));
    expect(await throttleWait(database, 'name:long', at(DAY))).toBe(2 * DAY);
    expect(await throttleWait(database, 'name:long', at(DAY + 1))).toBe(0);
  });

  it('clears keys quiet for more than a day whenever a failure is counted, and one key on request', async () => {
    await recordFailures(database, [{ key: 'name:stale', rule }], at(0));
    await recordFailures(database, [{ key: 'name:fresh', rule }], at(DAY / 2));
    await recordFailures(database, [{ key: 'name:other', rule }], at(DAY + 1));
    const keys = (await rows()).map(([k]) => k);
    expect(keys).toContain('name:fresh');
    expect(keys).toContain('name:other');
    expect(keys).not.toContain('name:stale');
    await clearFailures(database, 'name:fresh');
    expect((await rows()).map(([k]) => k)).not.toContain('name:fresh');
    expect((await rows()).map(([k]) => k)).toContain('name:other');
  });

  it('tries a guess, counts it against every key only when it missed, and refuses without trying while any key must wait', async () => {
    const keys = [
      { key: 'g:name', rule },
      { key: 'g:addr', rule: { ...rule, free: 0 } },
    ];
    let tries = 0;
    const guess = (right: boolean) => guardGuess(database, keys, at(0), async () => (tries++, right), (r) => !r);
    expect(await guess(true)).toBe(true);
    expect(await throttleFailures(database, 'g:name', at(0))).toBe(0);
    expect(await guess(false)).toBe(false);
    expect([await throttleFailures(database, 'g:name', at(0)), await throttleFailures(database, 'g:addr', at(0))]).toEqual([1, 1]);
    // The address had no allowance: the next guess waits, untried, however right it would be.
    expect(await guess(true)).toEqual({ ok: false, code: 'rate_limited', waitMs: 1_000 });
    expect(tries).toBe(2);
  });
});
