/**
 * Session tokens and passwords at the edges (the API tests sign in through
 * the routes; these pin what a token must look like, what memory serves, and
 * that a stored hash that cannot be read never matches).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '#db/client.ts';
import { tempDatabase } from '#tests/fixtures.ts';
import { accounts } from '#db/schema.ts';
import { createSession, SESSION_LIFETIME_MS, validateSessionToken } from './sessions.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('sessions', () => {
  let temp: Awaited<ReturnType<typeof tempDatabase>>;
  let database: Database;
  const now = new Date(Date.UTC(2026, 11, 7, 12));
  beforeAll(async () => {
    temp = await tempDatabase();
    database = temp.database;
    await database.write((tx) => tx.insert(accounts).values({ id: 'acc1', username: 'someone', passwordHash: 'x', displayName: 'Someone', createdAt: now }));
  });
  afterAll(() => temp.close());

  it('a token is its id and secret and nothing else: a third part, an empty part or a changed secret is refused', async () => {
    const { token } = await createSession(database, 'acc1', now);
    const [id, secret] = token.split('.') as [string, string];
    expect((await validateSessionToken(database, token, now))?.account.id).toBe('acc1');
    for (const bad of [`${token}.x`, `${token}.`, `${id}.`, `.${secret}`, id, `${id}.${secret.slice(1)}`, `${id}..${secret}`, '']) {
      expect(await validateSessionToken(database, bad, now)).toBeNull();
    }
  });

  it('is renewed only once less than half its lifetime is left, not at exactly half', async () => {
    const { token, expiresAt } = await createSession(database, 'acc1', now);
    const half = new Date(now.getTime() + SESSION_LIFETIME_MS / 2);
    expect((await validateSessionToken(database, token, half))?.expiresAt).toEqual(expiresAt);
    const later = new Date(half.getTime() + 1);
    expect((await validateSessionToken(database, token, later))?.expiresAt).toEqual(new Date(later.getTime() + SESSION_LIFETIME_MS));
  });

  it('a session read once is served from memory while the auth epoch stands, and read again once it moves', async () => {
    const { token } = await createSession(database, 'acc1', now);
    const execute = vi.spyOn(database.client, 'execute');
    const sessionReads = () => execute.mock.calls.filter(([q]) => JSON.stringify(q).includes('from sessions s join accounts')).length;
    try {
      expect((await validateSessionToken(database, token, now))?.account.id).toBe('acc1');
      const first = sessionReads();
      expect(first).toBeLessThanOrEqual(1);
      expect((await validateSessionToken(database, token, now))?.account.id).toBe('acc1');
      expect((await validateSessionToken(database, token, now))?.account.id).toBe('acc1');
      expect(sessionReads()).toBe(first);
      await database.client.execute('update auth_epoch set n = n + 1 where id = 1');
      expect((await validateSessionToken(database, token, now))?.account.id).toBe('acc1');
      expect(sessionReads()).toBe(first + 1);
    } finally {
      execute.mockRestore();
    }
  });
});

describe('passwords', () => {
  it('match only the password they were made from, and a stored value that is not a hash matches nothing', async () => {
    const stored = await hashPassword('correct horse');
    expect(await verifyPassword(stored, 'correct horse')).toBe(true);
    expect(await verifyPassword(stored, 'correct horsE')).toBe(false);
    expect(await verifyPassword('not a hash', 'not a hash')).toBe(false);
    expect(await verifyPassword('', '')).toBe(false);
  });
});
