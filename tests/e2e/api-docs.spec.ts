/**
 * The API's interactive reference at /api/docs (issue 23): Scalar's API
 * reference served by the site itself, reached from the footer and from
 * /open-data, in the visitor's language, under the page's own
 * Content-Security-Policy (helpers.ts fails a test on any violation), and
 * asking no other host for anything.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './helpers.ts';

type Doc = { paths: Record<string, Record<string, { summary: string; tags: string[] }>> };

/**
 * Cut the page off from every host but the site's (as a network that lets
 * nothing else through would), and note each request that tried one
 * (data: and blob: addresses stay in the page).
 */
async function onlyTheSite(page: Page, baseURL: string): Promise<string[]> {
  const site = new URL(baseURL).host;
  const elsewhere: string[] = [];
  const other = (url: URL) => url.protocol !== 'data:' && url.protocol !== 'blob:' && url.host !== site;
  page.on('request', (r) => {
    if (other(new URL(r.url()))) elsewhere.push(r.url());
  });
  await page.context().route(other, (route) => route.abort('blockedbyclient'));
  return elsewhere;
}

/**
 * Wait for Scalar to show the document: a 4.7 MB script to parse and a
 * document of 100-odd operations to render take seconds on a busy machine.
 */
async function referenceShown(page: Page, title = '微实事 Weishishi API') {
  await expect(page.locator('#reference').getByRole('heading', { level: 1 })).toHaveText(title, { timeout: 30_000 });
}

/**
 * What the reference shows for each operation, read in the page. Scalar
 * renders a tag only when it comes near the screen (until then it is an
 * empty placeholder carrying the tag's id), shows a tag's operations only
 * after its "show more", and renders an operation only when it comes near
 * the screen: so each tag is brought to the screen and opened, then each
 * operation is brought to the screen and its heading read. (Done inside the
 * page: as separate Playwright steps on a page this size, the trace kept for
 * a failure makes it minutes slower.)
 */
async function readEveryOperation(page: Page, operations: { method: string; path: string }[]) {
  return page.evaluate(async (operations) => {
    const root = document.getElementById('reference')!;
    const until = async <T>(f: () => T | null | undefined, ms = 10_000): Promise<T | null> => {
      const end = performance.now() + ms;
      for (;;) {
        const v = f();
        if (v) return v;
        if (performance.now() > end) return null;
        await new Promise((ok) => requestAnimationFrame(ok));
      }
    };
    const more = () => [...root.querySelectorAll('button')].find((b) => /^(显示更多|Show More)/i.test(b.textContent?.trim() ?? ''));
    const tagIds = [...new Set([...root.querySelectorAll('[id*="/tag/"]')].map((e) => e.id).filter((id) => /\/tag\/[^/]+$/.test(id)))];
    for (const id of tagIds) {
      document.getElementById(id)!.scrollIntoView();
      await until(() => root.querySelector(`section[id="${CSS.escape(id)}"]`));
      for (let b = more(); b; b = more()) {
        b.click();
        const clicked = b;
        await until(() => !clicked.isConnected);
      }
    }
    const found: { key: string; heading: string | null; showsPath: boolean }[] = [];
    for (const { method, path } of operations) {
      const key = `/${method}${path}`;
      const placeholder = [...root.querySelectorAll('[id]')].find((e) => e.id.endsWith(key));
      if (!placeholder) {
        found.push({ key, heading: null, showsPath: false });
        continue;
      }
      placeholder.scrollIntoView();
      const section = await until(() => [...root.querySelectorAll('section[id]')].find((e) => e.id.endsWith(key) && e.querySelector('h3')));
      found.push({ key, heading: section?.querySelector('h3')?.textContent?.trim() ?? null, showsPath: section?.textContent?.includes(path) ?? false });
    }
    return { tags: tagIds.length, tagsLeftClosed: more() ? 1 : 0, found };
  }, operations);
}

test('the API reference page lists every operation', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const elsewhere = await onlyTheSite(page, baseURL!);

  // Reached from every page's footer, and from the open-data page.
  await page.goto('/open-data');
  await expect(page.getByTestId('open-data-api-docs')).toHaveAttribute('href', '/api/docs');
  await page.getByTestId('footer-api-docs').click();
  await expect(page).toHaveURL(/\/api\/docs$/);
  await expect(page.getByTestId('docs-title')).toHaveText('API 参考');
  // The page's one h1 is the document's title, which Scalar writes.
  await referenceShown(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  // Scalar's own words are in Chinese too, and so is the document it shows.
  await expect(page.locator('#reference').getByRole('button', { name: /打开搜索/ })).toBeVisible();
  await expect(page.locator('#reference')).toContainText('民生微实事：居民提议和投票');

  const doc = (await (await page.request.get('/api/openapi.json')).json()) as Doc;
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, summary: op.summary })));
  expect(operations.length).toBeGreaterThan(100);
  const tags = new Set(Object.values(doc.paths).flatMap((ops) => Object.values(ops).flatMap((op) => op.tags)));

  const shown = await readEveryOperation(page, operations);
  expect({ tags: shown.tags, tagsLeftClosed: shown.tagsLeftClosed }).toEqual({ tags: tags.size, tagsLeftClosed: 0 });
  const missing = operations.flatMap((op, i) => {
    const f = shown.found[i]!;
    return f.heading === op.summary && f.showsPath ? [] : [`${op.method} ${op.path}: ${f.heading === null ? 'not shown' : `shown as 「${f.heading}」${f.showsPath ? '' : ' without its path'}, not 「${op.summary}」`}`];
  });
  expect(missing, missing.join('\n')).toEqual([]);

  // Nothing came from anywhere else: no web fonts, scripts, telemetry or proxy.
  expect(elsewhere).toEqual([]);
});

/** Sign-in's heading in the reference, brought near the screen first (Scalar renders an operation only there, and the one before it may fill the screen). */
async function signInHeading(page: Page) {
  await page.locator('#reference [id$="/POST/api/auth/sign-in"]').first().scrollIntoViewIfNeeded();
  return page.locator('#reference section[id$="/POST/api/auth/sign-in"] h3');
}

test('the API reference follows the language switch', async ({ page, baseURL }) => {
  // Scalar renders the whole reference three times here, each up to referenceShown's 30 s on a busy machine.
  test.setTimeout(120_000);
  const elsewhere = await onlyTheSite(page, baseURL!);
  await page.goto('/api/docs');
  await referenceShown(page);
  await expect(page.locator('#reference').getByRole('heading', { name: '账户与登录' })).toBeVisible();
  await page.getByTestId('lang-switch').click();
  await expect(page).toHaveURL(/\/api\/docs$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await referenceShown(page);
  await expect(page.getByTestId('docs-title')).toHaveText('API reference');
  await expect(page.locator('#reference').getByRole('heading', { name: 'Accounts and sign-in' })).toBeVisible();
  await expect(await signInHeading(page)).toHaveText('Sign in with mobile number or username and password');
  await expect(page.locator('#reference').getByRole('button', { name: /Open search/i })).toBeVisible();
  // And back.
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await referenceShown(page);
  await expect(await signInHeading(page)).toHaveText('用手机号或用户名和密码登录');
  expect(elsewhere).toEqual([]);
});

test("the reference's try-it asks this site, and no button sends the visitor to Scalar's client", async ({ page, baseURL }) => {
  const elsewhere = await onlyTheSite(page, baseURL!);
  await page.goto('/api/docs');
  await referenceShown(page);
  const signIn = page.locator('#reference section[id$="/POST/api/auth/sign-in"]');
  await signIn.getByRole('button', { name: /测试请求/ }).click();
  const sent = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/sign-in');
  await page.getByRole('button', { name: /^发送/ }).first().click();
  // The empty form is refused by the site itself, field by field.
  expect((await sent).status()).toBe(400);
  await expect(page.getByText('"validation_failed"')).toBeVisible();
  // The hosted client's button (a link to client.scalar.com with this document's address) is not offered;
  // the one link to Scalar's site is its credit ("powered by"), which loads nothing.
  await expect(page.locator('a[href*="client.scalar.com"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /打开 API 客户端/ })).toHaveCount(0);
  expect(elsewhere).toEqual([]);
});
