/**
 * Session cookies and their life on the server, beyond what
 * server/routes/auth.routes.test.ts already covers (sign-out ends the
 * session, a password change ends the *other* sessions, 30-day expiry):
 * the cookie's attributes in development and in production, what the
 * database holds (never the secret), a forged secret, the same browser's
 * own old cookie after a password change, and an expired session's row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { client, testApp } from '#tests/fixtures.ts';
import { createApp } from '../app.ts';
import { createContext } from '../context.ts';
import { parseEnv } from '../env.ts';
import { SESSION_LIFETIME_MS } from '../auth/sessions.ts';

let close: (() => void)[] = [];
afterEach(() => {
  for (const c of close) c();
  close = [];
});

async function app(opts: { env?: 'production' | 'test'; now?: () => Date } = {}) {
  if (opts.env === 'production') {
    const dir = mkdtempSync(join(tmpdir(), 'wss-prod-'));
    const ctx = await createContext(parseEnv({ DATABASE_URL: `file:${join(dir, 'p.db')}`, NODE_ENV: 'production' }), { now: opts.now });
    close.push(() => {
      ctx.database.close();
      rmSync(dir, { recursive: true, force: true });
    });
    return { ctx, app: createApp(ctx) };
  }
  const t = await testApp({ now: opts.now });
  close.push(() => t.close());
  return t;
}

const signUp = (c: ReturnType<typeof client>, login: string) => c.post('/api/auth/sign-up', { login, password: 'password one', displayName: '测试' });

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, for the whole site, and not Secure in development (plain http://localhost)', async () => {
    const t = await app();
    const res = await signUp(client(t.app), 'cookie_dev');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^wss_session=[a-z2-9]{24}\.[a-z2-9]{24};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  it('is Secure in production (NODE_ENV=production), on sign-up, sign-in and sign-out alike', async () => {
    const t = await app({ env: 'production' });
    expect(t.ctx.secureCookies).toBe(true);
    const c = client(t.app);
    expect((await signUp(c, 'cookie_prod')).headers.get('set-cookie')).toMatch(/; Secure/i);
    const signIn = await client(t.app).post('/api/auth/sign-in', { login: 'cookie_prod', password: 'password one' });
    expect(signIn.headers.get('set-cookie')).toMatch(/; HttpOnly/i);
    expect(signIn.headers.get('set-cookie')).toMatch(/; Secure/i);
    expect(signIn.headers.get('set-cookie')).toMatch(/; SameSite=Lax/i);
  });

  it('lives as long as the session (30 days), and sign-out tells the browser to drop it', async () => {
    const now = new Date('2026-05-01T00:00:00Z');
    const t = await app({ now: () => now });
    const c = client(t.app);
    const cookie = (await signUp(c, 'cookie_life')).headers.get('set-cookie')!;
    // As Max-Age from the server's clock: the browser keeps it exactly as long, whatever its own clock says.
    expect(Number(/Max-Age=(\d+)/i.exec(cookie)![1])).toBe(SESSION_LIFETIME_MS / 1000);
    const out = await c.post('/api/auth/sign-out');
    expect(out.headers.get('set-cookie')).toMatch(/wss_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
  });
});

describe('sessions on the server', () => {
  it('stores only a hash of the secret: the table never contains the part of the token that proves who you are', async () => {
    const t = await app();
    const c = client(t.app);
    await signUp(c, 'hash_only');
    const [id, secret] = c.cookie.replace('wss_session=', '').split('.') as [string, string];
    const rows = await t.ctx.database.client.execute('select * from sessions');
    const dump = JSON.stringify(rows.rows.map((r) => Object.values(r).map((v) => (v instanceof ArrayBuffer ? Buffer.from(v).toString('hex') : String(v)))));
    expect(dump).toContain(id);
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(Buffer.from(secret).toString('hex'));
  });

  it('a forged secret for a real session id gets nowhere, and does not end the real session', async () => {
    const t = await app();
    const c = client(t.app);
    await signUp(c, 'forged_one');
    const [id] = c.cookie.replace('wss_session=', '').split('.') as [string];
    for (const forged of [`${id}.${'a'.repeat(24)}`, `${id}.`, `${id}`, `${id}.${'a'.repeat(24)}.x`, `${id}.${'a'.repeat(200)}`]) {
      const res = await t.app.request('/api/me', { headers: { cookie: `wss_session=${forged}` } });
      expect(res.status, forged).toBe(401);
    }
    expect((await c.get('/api/me')).status).toBe(200);
  });

  it('after a password change the browser that changed it has a new session, and its old cookie no longer works', async () => {
    const t = await app();
    const c = client(t.app);
    await signUp(c, 'own_old_cookie');
    const old = c.cookie;
    expect((await c.post('/api/me/password', { currentPassword: 'password one', newPassword: 'password two' })).status).toBe(204);
    expect(c.cookie).not.toBe(old);
    expect((await c.get('/api/me')).status).toBe(200);
    expect((await t.app.request('/api/me', { headers: { cookie: old } })).status).toBe(401);
    // And the old password no longer signs in.
    expect((await client(t.app).post('/api/auth/sign-in', { login: 'own_old_cookie', password: 'password one' })).status).toBe(401);
  });

  it('an expired session is refused and its row deleted, so it cannot come back', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const t = await app({ now: () => now });
    const c = client(t.app);
    await signUp(c, 'expires_once');
    const [id] = c.cookie.replace('wss_session=', '').split('.') as [string];
    now = new Date(now.getTime() + SESSION_LIFETIME_MS + 1000);
    expect((await c.get('/api/me')).status).toBe(401);
    const left = await t.ctx.database.client.execute({ sql: 'select count(*) as n from sessions where id = ?', args: [id] });
    expect(left.rows[0]!.n).toBe(0);
    now = new Date('2026-01-02T00:00:00Z');
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it('signing out ends only this session; the same person elsewhere stays signed in', async () => {
    const t = await app();
    const a = client(t.app);
    await signUp(a, 'two_places');
    const b = client(t.app);
    await b.post('/api/auth/sign-in', { login: 'two_places', password: 'password one' });
    expect((await a.post('/api/auth/sign-out')).status).toBe(204);
    expect((await b.get('/api/me')).status).toBe(200);
  });
});
