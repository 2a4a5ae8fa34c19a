import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { tempDatabase } from '#tests/fixtures.ts';
import { SharedTokenBucket, TokenBucket, createRateLimiters } from './rate-limit.ts';

describe('token bucket', () => {
  it('allows up to the maximum and then says how long to wait', () => {
    const b = new TokenBucket(3, 1000);
    expect([b.consume('ip', 1, 0), b.consume('ip', 1, 0), b.consume('ip', 1, 0)]).toEqual([0, 0, 0]);
    expect(b.consume('ip', 1, 100)).toBe(900);
  });

  it('refills one token per interval and keeps keys apart', () => {
    const b = new TokenBucket(1, 1000);
    expect(b.consume('a', 1, 0)).toBe(0);
    expect(b.consume('b', 1, 0)).toBe(0);
    expect(b.consume('a', 1, 999)).toBeGreaterThan(0);
    expect(b.consume('a', 1, 1000)).toBe(0);
  });
});

describe('token bucket, exactly', () => {
  it('a token refilled is a token: once it is taken the next waits a whole interval', () => {
    const b = new TokenBucket(1, 1000);
    expect(b.consume('a', 1, 0)).toBe(0);
    expect(b.consume('a', 1, 1000)).toBe(0);
    expect(b.consume('a', 1, 1000)).toBe(1000);
    // Refills count from the last whole interval, not from the moment of asking.
    expect(b.consume('a', 1, 2500)).toBe(0);
    expect(b.consume('a', 1, 2600)).toBe(400);
  });

  it('never holds more than its maximum, however long it rested', () => {
    const b = new TokenBucket(2, 1000);
    expect(b.consume('a', 2, 0)).toBe(0);
    expect([b.consume('a', 1, 100_000), b.consume('a', 1, 100_000), b.consume('a', 1, 100_000)]).toEqual([0, 0, 1000]);
  });

  it('says how long until a dearer request would be allowed', () => {
    const b = new TokenBucket(3, 1000);
    expect(b.consume('a', 3, 0)).toBe(0);
    expect(b.consume('a', 2, 500)).toBe(1500);
    expect(b.consume('a', 2, 1000)).toBe(1000);
  });

  it('reset gives a key a full bucket again', () => {
    const b = new TokenBucket(1, 60_000);
    expect(b.consume('a', 1, 0)).toBe(0);
    b.reset('a');
    expect(b.consume('a', 1, 1)).toBe(0);
    expect(b.consume('a', 1, 2)).toBe(59_999);
  });

  it('prunes only once it holds more than 50,000 keys, not at 50,000', () => {
    const b = new TokenBucket(1, 10);
    for (let i = 0; i < 49_999; i++) b.consume(`old${i}`, 1, 0);
    // The 50,000th key, long after the others were full again: still no pruning.
    b.consume('last', 1, 1_000);
    expect(b.size).toBe(50_000);
    b.consume('over', 1, 1_000);
    expect(b.size).toBe(2);
  });

  it('when it prunes, keeps a key that is not full again yet, however many keys there are', () => {
    const b = new TokenBucket(2, 1000);
    expect(b.consume('spent', 2, 0)).toBe(0);
    for (let i = 0; i < 50_000; i++) b.consume(`other${i}`, 1, 1_500);
    // At 1,500 ms 'spent' has one token back of two: pruning must not hand it a full bucket.
    expect(b.size).toBe(50_001);
    expect(b.consume('spent', 2, 1_500)).toBe(500);
  });

  it('past 50,000 keys it forgets the ones that have been full for a while, and only those', () => {
    const b = new TokenBucket(1, 10);
    for (let i = 0; i < 50_000; i++) b.consume(`old${i}`, 1, 0);
    expect(b.size).toBe(50_000);
    // At t = 10 the keys are one over the limit, but none has rested more than max × interval (10 ms): nothing goes.
    b.consume('recent', 1, 10);
    expect(b.size).toBe(50_001);
    // At t = 15 the old keys have rested 15 ms and go; 'recent' (5 ms) and 'new' stay.
    b.consume('new', 1, 15);
    expect(b.size).toBe(2);
    expect(b.consume('recent', 1, 15)).toBe(5);
  });
});

describe('the shared bucket, in the database', () => {
  let temp: Awaited<ReturnType<typeof tempDatabase>>;
  let database: Database;
  beforeAll(async () => {
    temp = await tempDatabase();
    database = temp.database;
  });
  afterAll(() => temp.close());
  const keys = async () => (await database.client.execute("select key, failures from auth_throttle where key like 'rate:%' order by key")).rows.map((r) => [String(r.key), Number(r.failures)]);
  const at = (ms: number) => new Date(Date.UTC(2026, 11, 7) + ms);

  it('counts like the bucket in memory: refills by whole intervals, never above its maximum, and says how long to wait', async () => {
    const b = new SharedTokenBucket('t1', 'x', 2, 1000);
    expect([await b.consume(database, 'a', 1, at(0)), await b.consume(database, 'a', 1, at(0)), await b.consume(database, 'a', 1, at(100))]).toEqual([0, 0, 900]);
    expect(await b.consume(database, 'a', 1, at(1000))).toBe(0);
    expect(await b.consume(database, 'a', 1, at(1000))).toBe(1000);
    expect(await b.consume(database, 'a', 1, at(2500))).toBe(0);
    expect(await b.consume(database, 'a', 1, at(2600))).toBe(400);
    expect(await b.consume(database, 'a', 2, at(100_000))).toBe(0);
    expect(await b.consume(database, 'a', 1, at(100_000))).toBe(1000);
    // One token left, two asked: one interval to wait.
    expect(await b.consume(database, 'b', 1, at(0))).toBe(0);
    expect(await b.consume(database, 'b', 2, at(0))).toBe(1000);
    // Empty, three asked: three intervals.
    const three = new SharedTokenBucket('t1', 'y', 3, 1000);
    expect(await three.consume(database, 'c', 3, at(0))).toBe(0);
    expect(await three.consume(database, 'c', 3, at(200))).toBe(2800);
  });

  it('keeps each site, bucket and key under its own name, cut to 200 characters', async () => {
    const limits = createRateLimiters('t2');
    await limits.signUp.consume(database, '10.0.0.1', 1, at(0));
    await limits.comment.consume(database, 'acc', 1, at(0));
    await limits.propose.consume(database, 'acc', 1, at(0));
    await new SharedTokenBucket('t2', 'long', 5, 1000).consume(database, 'k'.repeat(300), 1, at(0));
    const rows = (await keys()).filter(([k]) => String(k).startsWith('rate:t2:'));
    expect(rows).toEqual([
      ['rate:t2:comment:acc', 4],
      [`rate:t2:long:${'k'.repeat(200 - 'rate:t2:long:'.length)}`, 4],
      ['rate:t2:propose:acc', 19],
      ['rate:t2:sign_up:10.0.0.1', 4],
    ]);
    expect(createRateLimiters().signUp.scope).toBe('site');
    expect([limits.signUp, limits.comment, limits.propose].map((l) => [l.name, l.max, l.refillIntervalMs])).toEqual([
      ['sign_up', 5, 60_000],
      ['comment', 5, 60_000],
      ['propose', 20, 30_000],
    ]);
    expect([limits.vote.max, limits.vote.refillIntervalMs]).toEqual([10, 3_000]);
  });
});
