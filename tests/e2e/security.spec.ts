/**
 * The pages' side of the security checks (the API's is in server/security/):
 * a form on another site cannot make a signed-in browser act here, the
 * session cookie a browser holds is HttpOnly and SameSite=Lax, and signing
 * out through the page ends the session on the server.
 */
import { expect, request, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './helpers.ts';

test('a form on another site that posts here is refused, even with a signed-in browser', async ({ page, baseURL }) => {
  await signIn(page, 'resident_xh');
  await page.waitForURL(/\/account/);
  const session = (await page.context().cookies()).find((c) => c.name === 'wss_session')!;
  // A page on another origin with an auto-submitting form aimed at our sign-out.
  await page.route('http://evil.example/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<form method="post" action="${baseURL}/signout"><button>win a prize</button></form>` }),
  );
  await page.goto('http://evil.example/prize');
  const [answer] = await Promise.all([page.waitForResponse((r) => r.url().startsWith(`${baseURL}/signout`)), page.getByRole('button', { name: 'win a prize' }).click()]);
  expect(answer.status()).toBe(403);
  // Still signed in: the forged sign-out did nothing.
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { cookie: `wss_session=${session.value}` } });
  expect((await api.get('/api/me')).status()).toBe(200);
  await api.dispose();
});

test('cross-origin posts to pages are refused whatever they carry (forms, JSON, Sec-Fetch-Site)', async ({ baseURL }) => {
  const api = await request.newContext({ baseURL });
  const evil = { origin: 'https://evil.example' };
  const signin = await api.post('/signin', { form: { login: 'resident_xh', password: DEMO_PASSWORD }, headers: evil });
  expect(signin.status()).toBe(403);
  expect(signin.headers()['set-cookie']).toBeUndefined();
  expect((await api.post('/signup', { form: { login: 'evil_made', password: 'a long password', displayName: 'x' }, headers: evil })).status()).toBe(403);
  expect((await api.post('/projects/LTJD-XHSQ-2026-01', { data: { body: 'x' }, headers: evil })).status()).toBe(403);
  expect((await api.post('/signout', { headers: { 'sec-fetch-site': 'cross-site' } })).status()).toBe(403);
  expect((await api.post('/signin', { form: { login: 'resident_xh', password: DEMO_PASSWORD }, headers: { origin: 'null' } })).status()).toBe(403);
  await api.dispose();
});

test('the session cookie the browser keeps is HttpOnly and SameSite=Lax, and signing out ends the session on the server', async ({ page, baseURL }) => {
  await signIn(page, 'resident_lt');
  await page.waitForURL(/\/account/);
  const session = (await page.context().cookies()).find((c) => c.name === 'wss_session')!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  // Served over plain http here (NODE_ENV=test); production sets Secure (server/security/sessions.test.ts).
  expect(await page.evaluate(() => document.cookie)).not.toContain('wss_session');
  await page.getByTestId('who').getByRole('button', { name: '退出' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  expect((await page.context().cookies()).find((c) => c.name === 'wss_session')).toBeUndefined();
  const replay = await request.newContext({ baseURL, extraHTTPHeaders: { cookie: `wss_session=${session.value}` } });
  expect((await replay.get('/api/me')).status()).toBe(401);
  await replay.dispose();
});

test('pages are not framed by other sites and say so in their headers', async ({ baseURL }) => {
  const api = await request.newContext({ baseURL });
  const res = await api.get('/');
  expect(res.headers()['x-frame-options']).toBe('DENY');
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  await api.dispose();
});
