/**
 * @module What the browser journeys share: `test` (Playwright's, with the
 * Content-Security-Policy guard below), signing in, the API client, and
 * small data helpers. Every spec file takes `test` from here, not from
 * @playwright/test.
 */
import { test as base, expect, request, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_CLOCK_START } from '#db/seed.ts';
import { apiClient, type ApiClient } from '#http/api-client.ts';

export const DEMO_PASSWORD = 'demo12345';

const LOADED_AT = Date.now();
/**
 * The server's time: the journeys' server runs on the demo's clock (CLOCK_START
 * = DEMO_CLOCK_START, scripts/e2e-server.ts), started moments before this
 * file loads. Good to the minute, which is all a journey's dates need.
 */
export function demoNow(): Date {
  return new Date(Date.parse(DEMO_CLOCK_START) + (Date.now() - LOADED_AT));
}

/** Sign in through the form, as a person would. */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel('手机号或用户名').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * The API through a Playwright request context (`page.request`,
 * `context.request`, `request.newContext()`): openapi-fetch typed by the API
 * document (server/http/api-types.ts), so a change to the document that
 * breaks a journey fails `npm run typecheck`. Requests go out through the
 * context, which resolves them against its baseURL and keeps its cookies
 * (a page's context shares them with its browser). Like any client that is
 * not a browser, it sends no Origin.
 */
export function api(ctx: APIRequestContext): ApiClient {
  return apiClient({
    // openapi-fetch needs an absolute address; only its path and query are sent, to the context's own site.
    baseUrl: 'http://site.invalid',
    fetch: async (req: Request) => {
      const url = new URL(req.url);
      const data = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
      const res = await ctx.fetch(url.pathname + url.search, { method: req.method, headers: Object.fromEntries(req.headers), data, maxRedirects: 0 });
      const empty = req.method === 'HEAD' || res.status() === 204 || res.status() === 304;
      return new Response(empty ? null : new Uint8Array(await res.body()), { status: res.status(), statusText: res.statusText(), headers: res.headersArray().map((h): [string, string] => [h.name, h.value]) });
    },
  });
}

/** Sign a request context in through the API (it keeps the session cookie). */
export async function signInApi(ctx: APIRequestContext, login: string, password = DEMO_PASSWORD): Promise<void> {
  const { response } = await api(ctx).POST('/api/auth/sign-in', { body: { login, password } });
  expect(response.status, `sign in as ${login}`).toBe(200);
}

/** A new request context on the site, signed in as `login` (signed out with null). The caller disposes of it. */
export async function apiContext(baseURL: string, login: string | null, options: Parameters<typeof request.newContext>[0] = {}): Promise<APIRequestContext> {
  const ctx = await request.newContext({ ...options, baseURL });
  if (login) await signInApi(ctx, login);
  return ctx;
}

/** An unused verification code of a community, read by its staff through the API. */
export async function unusedCode(baseURL: string, staff: string, slug: string): Promise<string> {
  const ctx = await apiContext(baseURL, staff);
  const { data } = await api(ctx).GET('/api/communities/{slug}/register', { params: { path: { slug } } });
  await ctx.dispose();
  const free = data!.items.filter((x) => !x.claimed);
  // Parallel workers each take a different slip.
  return free[Math.floor(Math.random() * free.length)]!.verificationCode;
}

export function uniqueMobile(): string {
  return `139${String(Date.now() % 1e8).padStart(8, '0')}`;
}

// ---------------------------------------------------------------------------
// The Content-Security-Policy guard: every browser context a test opens (its
// `page`, and any from browser.newContext() or browser.newPage()) reports each
// violation of the pages' policy, and a test that saw one fails, naming it.
// Two listeners: the page's `securitypolicyviolation` event, which says which
// directive refused what and where; and the console, where Chromium also
// reports violations on pages without JavaScript (no init script runs there).

const watched = new WeakSet<BrowserContext>();

async function watchCsp(context: BrowserContext, found: string[]) {
  if (watched.has(context)) return;
  watched.add(context);
  context.on('console', (msg) => {
    // The message quotes the whole policy; the directive's name is enough.
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) found.push(`console on ${msg.page()?.url() ?? '?'}: ${msg.text().replace(/(directive '[a-z-]+) [^]*?''/, "$1 …'")}`);
  });
  await context.exposeBinding('__reportCspViolation', ({ page }, v: string) => {
    found.push(`${page.url()}: ${v}`);
  });
  await context.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation;
      void report(`${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber} — ${e.sample}`);
    });
  });
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ browser }, use) => {
      const found: string[] = [];
      const newContext = browser.newContext;
      // browser.newPage() opens its context through newContext() too.
      browser.newContext = async function (this: Browser, ...args: Parameters<Browser['newContext']>) {
        const context = await newContext.apply(this, args);
        await watchCsp(context, found);
        return context;
      };
      try {
        await use(found);
      } finally {
        browser.newContext = newContext;
      }
      expect(found, `Content-Security-Policy violations:\n${found.join('\n')}`).toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, cspViolations }, use) => {
    await watchCsp(context, cspViolations);
    await use(context);
  },
});

export { expect };
