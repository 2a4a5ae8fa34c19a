import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, testApp } from '#tests/fixtures.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});
afterEach(() => t.close());

describe('sign up, sign in, sign out', () => {
  it('signs up with a mobile number, sets an httpOnly SameSite=Lax cookie and knows who you are', async () => {
    const c = client(t.app);
    const res = await c.post('/api/auth/sign-up', { login: '13800138000', password: 'correct horse', displayName: '张阿姨' });
    expect(res.status).toBe(201);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/wss_session=[a-z2-9]{24}\.[a-z2-9]{24}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const me = await c.get('/api/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ account: { displayName: '张阿姨', mobile: '13800138000', username: null }, roles: [] });
  });

  it('refuses a second account with the same login with 409 and a field message', async () => {
    await client(t.app).post('/api/auth/sign-up', { login: 'zhang_san', password: 'password1', displayName: 'x' });
    const res = await client(t.app).post('/api/auth/sign-up', { login: 'Zhang_San', password: 'password2', displayName: 'y' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'login_taken', fields: { login: expect.any(String) } } });
  });

  it('names every bad field of a sign-up, in Chinese by default and English on request', async () => {
    const res = await client(t.app).post('/api/auth/sign-up', { login: '1', password: 'short', displayName: '' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fields).sort()).toEqual(['displayName', 'login', 'password']);
    expect(body.error.fields.password).toBe('至少 8 个字符');
    const en = await client(t.app).post('/api/auth/sign-up', { login: 'ab', password: 'short', displayName: 'x' }, { cookie: 'lang=en' });
    expect((await en.json()).error.fields.password).toBe('Must be at least 8 characters');
  });

  it('refuses unknown fields, wrong types and malformed JSON', async () => {
    const extra = await client(t.app).post('/api/auth/sign-up', { login: 'abc_def', password: 'password1', displayName: 'x', isAdmin: true });
    expect(extra.status).toBe(400);
    expect((await extra.json()).error.fields).toEqual({ isAdmin: '不认识的字段' });
    const wrongType = await client(t.app).post('/api/auth/sign-in', { login: 5, password: ['x'] });
    expect(wrongType.status).toBe(400);
    expect(Object.keys((await wrongType.json()).error.fields).sort()).toEqual(['login', 'password']);
    const bad = await client(t.app).post('/api/auth/sign-in', '{"login": ');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('malformed_json');
  });

  it('a wrong password answers 401 and creates no session', async () => {
    await client(t.app).post('/api/auth/sign-up', { login: 'wang_wu', password: 'password1', displayName: 'x' });
    const before = await t.ctx.database.client.execute('select count(*) as n from sessions');
    const c = client(t.app);
    const res = await c.post('/api/auth/sign-in', { login: 'wang_wu', password: 'password2' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
    expect(res.headers.get('set-cookie')).toBeNull();
    const after = await t.ctx.database.client.execute('select count(*) as n from sessions');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('signing out ends the session on the server, not just in the browser', async () => {
    const c = client(t.app);
    await c.post('/api/auth/sign-up', { login: 'li_si', password: 'password1', displayName: 'x' });
    const stolen = c.cookie;
    expect((await c.post('/api/auth/sign-out')).status).toBe(204);
    const replay = client(t.app);
    replay.cookie = stolen;
    expect((await replay.get('/api/me')).status).toBe(401);
  });

  it('changing the password signs out every other session', async () => {
    const a = client(t.app);
    await a.post('/api/auth/sign-up', { login: 'zhao_liu', password: 'password1', displayName: 'x' });
    const b = client(t.app);
    await b.post('/api/auth/sign-in', { login: 'zhao_liu', password: 'password1' });
    expect((await a.post('/api/me/password', { currentPassword: 'wrong-one', newPassword: 'password2' })).status).toBe(422);
    expect((await a.post('/api/me/password', { currentPassword: 'password1', newPassword: 'password2' })).status).toBe(204);
    expect((await b.get('/api/me')).status).toBe(401);
    expect((await a.get('/api/me')).status).toBe(200);
  });

  it('sessions expire after 30 days without use', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const t2 = await testApp({ now: () => now });
    try {
      const c = client(t2.app);
      await c.post('/api/auth/sign-up', { login: 'qian_qi', password: 'password1', displayName: 'x' });
      now = new Date('2026-01-20T00:00:00Z');
      expect((await c.get('/api/me')).status).toBe(200); // slides the expiry forward
      now = new Date('2026-02-18T00:00:00Z');
      expect((await c.get('/api/me')).status).toBe(200);
      now = new Date('2026-03-25T00:00:00Z');
      expect((await c.get('/api/me')).status).toBe(401);
    } finally {
      t2.close();
    }
  });

  it('rate-limits repeated sign-in attempts with 429 and Retry-After', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) last = await client(t.app).post('/api/auth/sign-in', { login: 'nobody_here', password: 'password1' });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await last!.json()).error.code).toBe('rate_limited');
  });

  it('refuses a cross-origin state-changing request, JSON or form', async () => {
    const json = await client(t.app).post('/api/auth/sign-in', { login: 'a_b_c', password: 'password1' }, { origin: 'https://evil.example', host: 'localhost' });
    expect(json.status).toBe(403);
    expect((await json.json()).error.code).toBe('cross_origin');
    const site = await t.app.request('/api/auth/sign-out', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(site.status).toBe(403);
    const same = await client(t.app).post('/api/auth/sign-in', { login: 'a_b_c', password: 'password1' }, { origin: 'http://localhost:4321', host: 'localhost:4321' });
    expect(same.status).toBe(401);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await client(t.app).post('/api/auth/sign-in', { login: 'x'.repeat(70_000), password: 'p' });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });
});
