/**
 * Sessions held in memory (server/auth/session-cache.ts) must never let
 * anyone keep what they lost. Each change is made through a *second* app
 * instance on the same database (as behind a load balancer on sqld, or a
 * script on the embedded file), so the first instance learns of it only
 * through the database's auth epoch, and must still see it on the very next
 * request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { client, testApp } from '#tests/fixtures.ts';
import { createApp } from '../app.ts';
import { createContext } from '../context.ts';
import { parseEnv } from '../env.ts';
import { SessionCache, sessionCacheOf } from './session-cache.ts';

let close: (() => void)[] = [];
afterEach(() => {
  for (const c of close.reverse()) c();
  close = [];
});

/** Two app instances on one database; the demo data seeded through the first. */
async function twoInstances() {
  const a = await testApp({ seed: true });
  close.push(() => a.close());
  const ctxB = await createContext(parseEnv({ DATABASE_URL: a.url, NODE_ENV: 'test' }));
  close.unshift(() => ctxB.database.close());
  return { a, b: { ctx: ctxB, app: createApp(ctxB) } };
}

async function signIn(app: Parameters<typeof client>[0], login: string) {
  const c = client(app);
  const res = await c.post('/api/auth/sign-in', { login, password: 'demo12345' });
  expect(res.status).toBe(200);
  return c;
}

/** The same browser (same cookie) talking to another instance. */
function sameBrowser(c: ReturnType<typeof client>, app: Parameters<typeof client>[0]) {
  const other = client(app);
  other.cookie = c.cookie;
  return other;
}

type Me = { account: { displayName: string }; roles: { role: string; scopeId: string }[] };
const me = async (c: ReturnType<typeof client>) => {
  const res = await c.get('/api/me');
  return { status: res.status, body: (await res.json()) as Me };
};

const epochOf = async (ctx: { database: { client: { execute(q: string): Promise<{ rows: unknown[] }> } } }) =>
  Number(((await ctx.database.client.execute('select n from auth_epoch where id = 1')).rows[0] as { n: number }).n);

describe('a session held in memory', () => {
  it('is held after the first request and used again while nothing about sessions, accounts or roles changes', async () => {
    const { a } = await twoInstances();
    const c = await signIn(a.app, 'staff_xh');
    const before = await epochOf(a.ctx);
    expect((await me(c)).status).toBe(200);
    expect(sessionCacheOf(a.ctx.database).size).toBe(1);
    expect((await me(c)).body.account.displayName).toBe('周敏（示例）');
    expect(await epochOf(a.ctx)).toBe(before);
  });

  it('a role revoked through another instance is gone on the next request', async () => {
    const { a, b } = await twoInstances();
    const c = await signIn(a.app, 'staff_xh');
    expect((await me(c)).body.roles.map((r) => r.role)).toContain('staff');
    const accountId = ((await me(c)).body as unknown as { account: { id: string } }).account.id;
    await b.ctx.database.client.execute({ sql: "update role_assignments set revoked_at = ? where account_id = ? and role = 'staff'", args: [Date.now(), accountId] });
    expect((await me(c)).body.roles.map((r) => r.role)).not.toContain('staff');
  });

  it('a role granted through another instance is there on the next request', async () => {
    const { a, b } = await twoInstances();
    const c = await signIn(a.app, 'resident_xh');
    const before = await me(c);
    expect(before.body.roles.map((r) => r.role)).not.toContain('auditor');
    const accountId = (before.body as unknown as { account: { id: string } }).account.id;
    await b.ctx.database.client.execute({
      sql: "insert into role_assignments (id, account_id, role, scope_kind, scope_id, granted_at, granted_by) values ('granted-elsewhere', ?, 'auditor', 'district', (select id from districts limit 1), ?, 'test')",
      args: [accountId, Date.now()],
    });
    expect((await me(c)).body.roles.map((r) => r.role)).toContain('auditor');
  });

  it('signing out through another instance ends the session on this one at once', async () => {
    const { a, b } = await twoInstances();
    const c = await signIn(a.app, 'resident_xh');
    expect((await me(c)).status).toBe(200);
    const viaB = sameBrowser(c, b.app);
    expect((await viaB.post('/api/auth/sign-out')).status).toBe(204);
    expect((await me(c)).status).toBe(401);
  });

  it('a password changed through another instance ends the other sessions on this one at once', async () => {
    const { a, b } = await twoInstances();
    const phone = await signIn(a.app, 'resident_xh');
    const laptop = await signIn(b.app, 'resident_xh');
    expect((await me(phone)).status).toBe(200);
    const res = await laptop.post('/api/me/password', { currentPassword: 'demo12345', newPassword: 'a brand new pass 1' });
    expect(res.status).toBe(204);
    expect((await me(phone)).status).toBe(401);
    expect((await me(laptop)).status).toBe(200);
  });

  it('an account renamed through another instance shows its new name on the next request', async () => {
    const { a, b } = await twoInstances();
    const c = await signIn(a.app, 'staff_xh');
    expect((await me(c)).body.account.displayName).toBe('周敏（示例）');
    await b.ctx.database.client.execute("update accounts set display_name = '周敏（已改名）' where username = 'staff_xh'");
    expect((await me(c)).body.account.displayName).toBe('周敏（已改名）');
  });

  it('a forged secret for a held session is still refused', async () => {
    const { a } = await twoInstances();
    const c = await signIn(a.app, 'resident_xh');
    expect((await me(c)).status).toBe(200);
    const [id] = c.cookie.replace('wss_session=', '').split('.');
    const forged = client(a.app);
    forged.cookie = `wss_session=${id}.${'a'.repeat(24)}`;
    expect((await me(forged)).status).toBe(401);
    expect((await me(c)).status).toBe(200);
  });
});

describe('the auth epoch', () => {
  const changes: [string, string][] = [
    ['a session renewed', "update sessions set expires_at = expires_at + 1 where id = (select id from sessions limit 1)"],
    ['a session ended', 'delete from sessions where id = (select id from sessions limit 1)'],
    ['an account edited', "update accounts set locale = 'en' where username = 'resident_xh'"],
    ['a role granted', "insert into role_assignments (id, account_id, role, scope_kind, scope_id, granted_at) select 'r-new', id, 'auditor', 'district', 'd-x', 0 from accounts where username = 'resident_xh'"],
    ['a role revoked', "update role_assignments set revoked_at = 1 where id = (select id from role_assignments limit 1)"],
    ['a role removed', 'delete from role_assignments where id = (select id from role_assignments limit 1)'],
    ['a community renamed', "update communities set name_zh = name_zh || '（新）' where slug = 'xianhu'"],
    ['a street renamed', "update streets set name_en = name_en || ' (new)'"],
    ['a district renamed', "update districts set name_zh = name_zh || '（新）'"],
  ];
  for (const [what, statement] of changes) {
    it(`changes when ${what}`, async () => {
      const { a } = await twoInstances();
      await signIn(a.app, 'resident_xh');
      const before = await epochOf(a.ctx);
      await a.ctx.database.client.execute(statement);
      expect(await epochOf(a.ctx)).not.toBe(before);
    });
  }

  it('does not change when someone signs in (a new session is in nobody’s memory yet)', async () => {
    const { a } = await twoInstances();
    const before = await epochOf(a.ctx);
    await signIn(a.app, 'resident_xh');
    await signIn(a.app, 'staff_xh');
    expect(await epochOf(a.ctx)).toBe(before);
  });
});

describe('SessionCache', () => {
  it('gives a row back only at the epoch it was read at, and empties itself when the epoch moves', () => {
    const cache = new SessionCache<string>();
    cache.put('s1', 'row one', 7);
    expect(cache.get('s1', 7)).toBe('row one');
    expect(cache.get('s1', 8)).toBeUndefined();
    expect(cache.get('s1', 7)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holding a row read at a newer epoch drops every row of the older one', () => {
    const cache = new SessionCache<string>();
    cache.put('s1', 'old', 7);
    cache.put('s2', 'new', 8);
    expect(cache.get('s1', 8)).toBeUndefined();
    expect(cache.get('s2', 8)).toBe('new');
    expect(cache.size).toBe(1);
  });

  it('starts over rather than grow past its bound', () => {
    const cache = new SessionCache<number>(3);
    for (let i = 0; i < 3; i++) cache.put(`s${i}`, i, 1);
    expect(cache.size).toBe(3);
    cache.put('s3', 3, 1);
    expect(cache.size).toBe(1);
    expect(cache.get('s3', 1)).toBe(3);
    expect(cache.get('s0', 1)).toBeUndefined();
  });
});
