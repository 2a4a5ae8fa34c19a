/**
 * The pages' side of the security checks (the API's is in server/security/):
 * a form on another site cannot make a signed-in browser act here, the
 * session cookie a browser holds is HttpOnly and SameSite=Lax, and signing
 * out through the page ends the session on the server; every page sends a
 * Content-Security-Policy that only lets the scripts it names run, every
 * response says nosniff and a referrer policy, and the browser refuses what
 * the policy forbids (every journey of the suite is watched for that, see
 * tests/e2e/helpers.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { request, type APIRequestContext, type APIResponse } from '@playwright/test';
import { apiContext, expect, test, DEMO_PASSWORD, signIn } from './helpers.ts';
import { hrefs, siteMap, ROLES } from './pages.ts';

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

// ---------------------------------------------------------------------------
// Content-Security-Policy and the headers on every response.

const STRICT_REFERRER = new Set(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']);

/** nosniff and a referrer policy that sends no full address to other sites: every response. */
function everyResponse(where: string, res: APIResponse): string[] {
  const h = res.headers();
  const problems: string[] = [];
  if (h['x-content-type-options'] !== 'nosniff') problems.push(`${where}: x-content-type-options is ${h['x-content-type-options']}`);
  if (!STRICT_REFERRER.has(h['referrer-policy'] ?? '')) problems.push(`${where}: referrer-policy is ${h['referrer-policy']}`);
  return problems;
}

/** A policy as directive → sources (the first of a repeated directive wins, as in browsers). */
function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The page's inline scripts (those with a script type; JSON data blocks never run). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\ssrc\s*=/i.test(attrs!))
    .filter(([, attrs]) => {
      const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs!)?.[1]?.toLowerCase();
      return !type || type === 'module' || /javascript|ecmascript/.test(type);
    })
    .map(([, , body]) => body!);
}

/** Attributes named on… (inline event handlers), outside scripts and styles; quoted values are skipped. */
function inlineHandlers(html: string): string[] {
  const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  const found: string[] = [];
  for (const [, tag, attrs] of markup.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g)) {
    for (const [, name] of attrs!.matchAll(/\s([^\s=>/"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?/g)) {
      if (/^on/i.test(name!)) found.push(`<${tag} ${name}>`);
    }
  }
  return found;
}

/** What is wrong with an HTML page's policy: anything that would let a script run that the page did not name. */
function pageProblems(where: string, res: APIResponse, html: string): string[] {
  const problems = everyResponse(where, res);
  if (!/^text\/html/.test(res.headers()['content-type'] ?? '')) return [...problems, `${where}: not HTML (${res.headers()['content-type']})`];
  const header = res.headers()['content-security-policy'];
  if (!header) return [...problems, `${where}: no Content-Security-Policy`];
  const csp = parseCsp(header);
  const scriptSrc = csp.get('script-src') ?? csp.get('default-src');
  if (!scriptSrc) problems.push(`${where}: no script-src or default-src`);
  for (const name of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src']) {
    const loose = (csp.get(name) ?? []).filter((s) => !/^'(self|none|strict-dynamic|report-sample|(sha256|sha384|sha512|nonce)-[A-Za-z0-9+/_=-]+)'$/.test(s));
    if (loose.length) problems.push(`${where}: ${name} allows ${loose.join(' ')}`);
  }
  for (const [name, want] of [['object-src', "'none'"], ['base-uri', "'self'"], ['frame-ancestors', "'none'"]] as const) {
    if (csp.get(name)?.join(' ') !== want) problems.push(`${where}: ${name} is ${csp.get(name)?.join(' ') ?? 'missing'}, not ${want}`);
  }
  // The browser would refuse an inline script the policy does not name, and any on… attribute.
  const allowed = new Set(csp.get('script-src-elem') ?? scriptSrc ?? []);
  for (const body of inlineScripts(html)) {
    const hash = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
    if (!allowed.has(hash)) problems.push(`${where}: an inline script the policy does not name (${hash}): ${body.slice(0, 60)}`);
  }
  for (const h of inlineHandlers(html)) problems.push(`${where}: an inline event handler ${h}`);
  return problems;
}

function signedIn(baseURL: string, who: string): Promise<APIRequestContext> {
  return apiContext(baseURL, who);
}

test('every HTML page sends a Content-Security-Policy without unsafe-inline scripts', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  const visitor = await request.newContext({ baseURL });
  // Every page found by following links, signed out and as each role (tests/e2e/pages.ts).
  const map = await siteMap(baseURL!);
  const visits: [string, APIRequestContext, string[]][] = [['signed out', visitor, map.visitor.map((p) => p.path)]];
  for (const who of ROLES) visits.push([who, await signedIn(baseURL!, who), map.roles[who].map((p) => p.path)]);
  let pages = 0;
  let scripts = 0;
  // Stylesheets and islands' scripts the pages load, for the static files' headers below.
  const assets = new Set(['/favicon.svg']);
  for (const [who, api, paths] of visits) {
    for (const path of paths) {
      const res = await api.get(path);
      const html = await res.text();
      problems.push(...pageProblems(`${path} [${who}]`, res, html));
      pages++;
      scripts += inlineScripts(html).length;
      for (const a of hrefs(html, /(?:href|src|component-url)="(\/_astro\/[^"]+\.(?:css|js))"/g)) assets.add(a);
    }
  }
  for (const [, api] of visits.slice(1)) await api.dispose();
  // Signed-in pages have islands, so inline scripts' hashes were looked at.
  expect(pages).toBeGreaterThan(80);
  expect(scripts).toBeGreaterThan(0);

  // The API's answers, errors included, and static files.
  const origin = { origin: 'https://evil.example' };
  const json = [
    ['GET /api/health', await visitor.get('/api/health')],
    ['GET /api/projects', await visitor.get('/api/projects')],
    ['GET /api/no-such-thing (404)', await visitor.get('/api/no-such-thing')],
    ['GET /api/projects?state=flying (400)', await visitor.get('/api/projects?state=flying')],
    ['GET /api/me signed out (401)', await visitor.get('/api/me')],
    ['POST /api/auth/sign-in malformed (400)', await visitor.post('/api/auth/sign-in', { data: '{"login":', headers: { 'content-type': 'application/json' } })],
    ['POST /api/auth/sign-in cross-site (403)', await visitor.post('/api/auth/sign-in', { data: { login: 'x', password: 'y' }, headers: origin })],
  ] as const;
  for (const [where, res] of json) {
    expect(res.headers()['content-type'], where).toMatch(/^application\/json/);
    problems.push(...everyResponse(where, res));
  }
  expect([...assets].filter((a) => a.endsWith('.js')).length, 'islands loaded from /_astro/').toBeGreaterThan(0);
  for (const path of assets) {
    const res = await visitor.get(path);
    expect(res.status(), path).toBe(200);
    problems.push(...everyResponse(path, res));
  }
  // A page's refusal, which is plain text.
  problems.push(...everyResponse('POST /signout cross-site (403)', await visitor.post('/signout', { headers: origin })));
  await visitor.dispose();
  expect(problems, problems.join('\n')).toEqual([]);
});

test('the browser refuses an inline script and an inline event handler on our pages, and the suite notices', async ({ page, cspViolations }) => {
  await page.goto('/projects');
  const ran = await page.evaluate(() => {
    const w = window as unknown as { __ran?: number };
    const script = document.createElement('script');
    script.textContent = 'window.__ran = 1';
    document.body.append(script);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__ran = 2');
    document.body.append(button);
    button.click();
    return w.__ran ?? null;
  });
  expect(ran).toBeNull();
  await expect.poll(() => cspViolations.filter((v) => /script-src/.test(v)).length).toBeGreaterThanOrEqual(2);
  // Both were expected here; any other test that sees one fails (helpers.ts).
  cspViolations.length = 0;
});

test('every browser journey runs under the Content-Security-Policy guard', () => {
  const unguarded = readdirSync(import.meta.dirname)
    .filter((f) => f.endsWith('.spec.ts'))
    .filter((f) => /import\s*\{[^}]*\btest\b[^}]*\}\s*from\s*'@playwright\/test'/.test(readFileSync(`${import.meta.dirname}/${f}`, 'utf8')));
  expect(unguarded, 'spec files that take `test` from @playwright/test instead of ./helpers.ts').toEqual([]);
});
