import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '#tests/fixtures.ts';
import { appendAudit } from './audit.ts';
import { cachedRead, createReadCache } from './read-cache.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const change = () => t.ctx.database.write((tx) => appendAudit(tx, { actor: { accountId: null, role: 'system', name: 'test' }, action: 'test.changed', subjectType: 'test', subjectId: 'x', at: new Date() }));

describe('the read cache', () => {
  it('reuses an answer while the audit head is unchanged and counts again once it moves', async () => {
    const cache = createReadCache(0);
    let runs = 0;
    const read = () => cachedRead(cache, t.ctx.database, 'k', async () => ++runs);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    await change();
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);
  });

  it('within the refresh interval keeps the answer even after a change, and shares one computation between concurrent reads', async () => {
    const cache = createReadCache(60_000);
    let runs = 0;
    const read = () => cachedRead(cache, t.ctx.database, 'k', async () => ++runs);
    expect(await Promise.all([read(), read(), read()])).toEqual([1, 1, 1]);
    await change();
    expect(await read()).toBe(1);
  });

  it('does not keep a failed computation, and holds at most its number of entries', async () => {
    const cache = createReadCache(60_000, 2);
    await expect(cachedRead(cache, t.ctx.database, 'bad', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.entries.has('bad')).toBe(false);
    for (const k of ['a', 'b', 'c']) await cachedRead(cache, t.ctx.database, k, async () => k);
    expect([...cache.entries.keys()]).toEqual(['b', 'c']);
  });
});
