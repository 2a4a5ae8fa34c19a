/**
 * @module What the browser journeys share: `test` (Playwright's, with the
 * Content-Security-Policy guard below), signing in, and small data helpers.
 * Every spec file takes `test` from here, not from @playwright/test.
 */
import { test as base, expect, request, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_CLOCK_START } from '#db/seed.ts';

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

/** An unused verification code of a community, read by its staff through the API. */
export async function unusedCode(baseURL: string, staff: string, slug: string): Promise<string> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/auth/sign-in', { data: { login: staff, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  const body = await (await api.get(`/api/communities/${slug}/register`)).json();
  await api.dispose();
  const free = (body.items as { verificationCode: string; claimed: boolean }[]).filter((x) => !x.claimed);
  // Parallel workers each take a different slip.
  return free[Math.floor(Math.random() * free.length)].verificationCode;
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
