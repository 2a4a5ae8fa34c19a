/**
 * Accessibility and phones (issue 8): every page checked with axe-core
 * (WCAG 2.0/2.1/2.2 A and AA) in Chinese and English, signed out and as each
 * role; proposing and voting with the keyboard alone, with focus always
 * visible; the ballot at 360 px; every page at 360 px with 44 px touch
 * targets and at 200 % text; reading and the core forms without JavaScript;
 * reduced motion; islands that parse as ES2019.
 *
 * Independent of the other spec files (two workers share one server and one
 * database): pages are found from the data at run time rather than assumed,
 * and the only writes are new proposals, comments, an objection and ballots
 * in 仙湖's open vote (casting again replaces a ballot), each by an account
 * no other spec file casts or objects with.
 */
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'acorn';
import { api, expect, test, signInApi as signInRequest, DEMO_PASSWORD } from './helpers.ts';
import { routePattern, sunxiNotice, siteMap, ROLES, type Role, type Visit } from './pages.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LANGS = ['zh-CN', 'en'] as const;
type Lang = (typeof LANGS)[number];
/** What the server answers to an empty ballot, in each language. */
const EMPTY_BALLOT: Record<Lang, string> = { 'zh-CN': '请至少选择 1 个项目', en: 'Choose at least one project' };

/** Something unique per run, so parallel workers and earlier runs never collide. */
const tag = () => `${Date.now().toString(36).slice(-4)}${Math.floor(Math.random() * 1296).toString(36)}`;

// ---------------------------------------------------------------------------
// Helpers.

type Options = Parameters<Browser['newContext']>[0];

/** A signed-out browser reading in `lang`. */
async function context(browser: Browser, lang: Lang, opts: Options = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ locale: 'zh-CN', ...opts });
  // The header's language switch posts a form that sets this cookie; a journey below uses the form itself.
  await ctx.addCookies([{ name: 'lang', value: lang, url: test.info().project.use.baseURL! }]);
  return ctx;
}

/** A browser signed in as `who`, reading in `lang`. */
async function contextAs(browser: Browser, lang: Lang, who: string, opts: Options = {}): Promise<BrowserContext> {
  const ctx = await context(browser, lang, opts);
  await signInApi(ctx, who);
  return ctx;
}

/** Who reads a list of pages, and how to open a browser as them. */
type Reader = { who: string; open: (browser: Browser, lang: Lang, opts?: Options) => Promise<BrowserContext> };
const visitor: Reader = { who: 'signed out', open: context };
const as = (who: Role): Reader => ({ who, open: (browser, lang, opts) => contextAs(browser, lang, who, opts) });

/** Every reader with the pages found for them (pages.ts): a visitor's, then each role's own. */
async function everyReader(): Promise<[Reader, Visit[]][]> {
  const map = await siteMap(test.info().project.use.baseURL!);
  return [[visitor, map.visitor], ...ROLES.map((who): [Reader, Visit[]] => [as(who), map.roles[who]])];
}

/** Sign a browser context in through the API (its pages share the session cookie). */
async function signInApi(ctx: BrowserContext, login: string) {
  await signInRequest(ctx.request, login);
}

/** Axe's findings on the page as readable lines (empty when it passes). */
async function axeFindings(page: Page, where: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return r.violations.map((v) => `${where}: ${v.id} (${v.impact}) ×${v.nodes.length} — ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Open each page in both languages and collect axe's findings; each page must
 * answer with its expected status and say its language (soft checks, so one
 * run names every page that fails).
 */
async function checkPages(browser: Browser, reader: Reader, pages: Visit[]): Promise<string[]> {
  const found: string[] = [];
  for (const lang of LANGS) {
    const ctx = await reader.open(browser, lang);
    const page = await ctx.newPage();
    for (const { path, status } of pages) {
      const where = `${path} [${reader.who}, ${lang}]`;
      const res = await page.goto(path);
      expect.soft(res!.status(), `${where}: HTTP status`).toBe(status);
      await expect.soft(page.locator('html'), `${where}: <html lang>`).toHaveAttribute('lang', lang);
      found.push(...(await axeFindings(page, where)));
    }
    await ctx.close();
  }
  return found;
}

/** Press Tab until `target` has focus, checking at every stop that the focus is visible. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The focused element shows a focus ring (outline of at least 2 px, or a box shadow) that is not hidden under anything. */
async function expectVisibleFocus(page: Page) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    // Focus not obscured (WCAG 2.4.11): what is drawn at the element's centre is the element, its label or inside it.
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    const label = (el as HTMLInputElement).labels?.[0];
    const covered = !!hit && hit !== el && !el.contains(hit) && !hit.contains(el) && !(label && (label === hit || label.contains(hit)));
    return { what: `${el.tagName.toLowerCase()} "${(el.textContent || (el as HTMLInputElement).name || '').trim().slice(0, 30)}"`, outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth), shadow: cs.boxShadow, covered, coveredBy: hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : '' };
  });
  // Every Tab stop is on something of the page: focus never falls back to the page itself.
  expect(ring, 'the focused element').not.toBeNull();
  expect((ring!.outline !== 'none' && ring!.width >= 2) || ring!.shadow !== 'none', `focus ring on ${ring!.what}`).toBe(true);
  expect(ring!.covered, `${ring!.what} is hidden under ${ring!.coveredBy}`).toBe(false);
}

/** Sign in with the keyboard alone: Tab to each field, type, Enter. */
async function keyboardSignIn(page: Page, login: string) {
  await page.goto('/signin');
  await tabTo(page, page.getByLabel('手机号或用户名'));
  await page.keyboard.type(login);
  await tabTo(page, page.getByLabel('密码', { exact: true }), 3);
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('who')).toBeVisible();
}

/** Choose an option of a focused <select> with the arrow keys. */
async function chooseWithArrows(page: Page, select: Locator, label: string) {
  const labels = await select.locator('option').allTextContents();
  const want = labels.indexOf(label);
  expect(want, `option ${label}`).toBeGreaterThan(-1);
  const now = await select.evaluate((el) => (el as HTMLSelectElement).selectedIndex);
  for (let i = now; i < want; i++) await page.keyboard.press('ArrowDown');
  await expect(select.locator('option:checked')).toHaveText(label);
}

// ---------------------------------------------------------------------------
// axe-core on every page.

test('every public page has no axe violations in Chinese and English', async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const pages = (await siteMap(baseURL!)).visitor;
  // The crawl reached every kind of public page, the printable ones included.
  expect(pages.map((p) => routePattern(p.path))).toEqual(
    expect.arrayContaining(['/', '/projects', '/projects/:', '/projects/:/form', '/projects/:/agreement', '/projects/:/notice', '/communities/:', '/communities/:/council', '/cycles/:/results', '/cycles/:/vote', '/cycles/:/money', '/cycles/:/propose', '/meetings/:', '/audit', '/open-data', '/tracker', '/receipts', '/signin', '/signup']),
  );
  const findings = await checkPages(browser, visitor, pages);
  expect(findings, findings.join('\n')).toEqual([]);
});

test("residents' pages, verified or not, with the ballot and the proposal form, have no axe violations in Chinese and English", async ({ browser, baseURL }) => {
  test.setTimeout(480_000);
  const { roles } = await siteMap(baseURL!);
  // Found by following her links: the proposal form, and her own draft (tests/e2e/fixtures/pages.ts) from its list.
  expect(roles.resident_lt.map((p) => p.path)).toEqual(expect.arrayContaining(['/cycles/cy-lianhua-2026/propose', expect.stringMatching(/^\/projects\/LTJD-LHSQ-2026-\d+\/edit$/)]));
  expect(roles.resident_xh.map((p) => p.path)).toContain('/cycles/cy-xianhu-2026/vote');
  const findings: string[] = [];
  for (const who of ['resident_lt', 'resident_xh', 'resident_sx', 'newcomer'] as const) findings.push(...(await checkPages(browser, as(who), roles[who])));
  expect(findings, findings.join('\n')).toEqual([]);
});

test("a council member's pages have no axe violations in Chinese and English", async ({ browser, baseURL }) => {
  test.setTimeout(360_000);
  const { roles } = await siteMap(baseURL!);
  expect(roles.council_sx.map((p) => p.path)).toContain('/staff/sunxi/screening');
  const findings = [...(await checkPages(browser, as('council_sx'), roles.council_sx)), ...(await checkPages(browser, as('council_xh'), roles.council_xh))];
  expect(findings, findings.join('\n')).toEqual([]);
});

test("staff members' desks have no axe violations in Chinese and English", async ({ browser, baseURL }) => {
  test.setTimeout(480_000);
  const { roles } = await siteMap(baseURL!);
  // A meeting's desk page and the paper ballots' desk, found by following links.
  // (The first staff member whose crawl meets a meeting keeps it: with the demo history, 莲花's meetings come first.)
  expect([...roles.staff_lt, ...roles.staff_xh, ...roles.staff_sx].map((p) => p.path)).toContainEqual(expect.stringMatching(/^\/staff\/[a-z]+\/meetings\/[a-z0-9]+$/));
  expect(roles.staff_xh.map((p) => p.path)).toContain('/staff/xianhu/paper-ballots');
  const findings: string[] = [];
  for (const who of ['staff_lt', 'staff_xh', 'staff_sx'] as const) findings.push(...(await checkPages(browser, as(who), roles[who])));
  expect(findings, findings.join('\n')).toEqual([]);
});

test("an officer's and an auditor's pages have no axe violations in Chinese and English", async ({ browser, baseURL }) => {
  test.setTimeout(360_000);
  const { roles } = await siteMap(baseURL!);
  const findings = [...(await checkPages(browser, as('officer'), roles.officer)), ...(await checkPages(browser, as('auditor'), roles.auditor))];
  expect(findings, findings.join('\n')).toEqual([]);
});

test('forms sent back with errors have no axe violations and tie each error to its field', async ({ browser }) => {
  test.setTimeout(120_000);
  const findings: string[] = [];
  for (const lang of LANGS) {
    const ctx = await context(browser, lang);
    const page = await ctx.newPage();

    await page.goto('/signin');
    await page.locator('#f-login').fill('resident_lt');
    await page.locator('#f-password').fill('not-the-password');
    await page.locator('form.stack button[type=submit]').click();
    await expect(page.locator('.error-summary, [role=alert]').first()).toBeVisible();
    findings.push(...(await axeFindings(page, `/signin with a wrong password [${lang}]`)));

    await page.goto('/receipts');
    await page.locator('#f-code').fill('0000');
    await page.locator('#f-code').press('Enter');
    await expect(page.locator('#f-code')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#f-code')).toHaveAttribute('aria-describedby', /f-code-error/);
    findings.push(...(await axeFindings(page, `/receipts with a malformed code [${lang}]`)));

    await signInApi(ctx, 'resident_lt');
    await page.goto('/cycles/cy-lianhua-2026/propose');
    await page.locator('#f-estimatedCost').fill('abc');
    await page.locator('button[name=intent][value=submit]').click();
    expect(page.url()).toContain('/cycles/cy-lianhua-2026/propose');
    for (const field of ['title', 'estimatedCost', 'description']) {
      const input = page.locator(`#f-${field}`);
      await expect(input, field).toHaveAttribute('aria-invalid', 'true');
      await expect(input, field).toHaveAttribute('aria-describedby', new RegExp(`f-${field}-error`));
      await expect(page.locator(`#f-${field}-error`), field).not.toBeEmpty();
    }
    findings.push(...(await axeFindings(page, `/cycles/cy-lianhua-2026/propose with errors [${lang}]`)));
    await ctx.close();

    // An empty ballot, as the server answers it: sent past the island (which would stop it first), as a
    // browser without JavaScript sends it.
    const voter = await context(browser, lang);
    await signInApi(voter, 'council_xianhu_4');
    const v = await voter.newPage();
    await v.goto('/cycles/cy-xianhu-2026/vote');
    for (const box of await v.getByRole('checkbox').all()) await box.uncheck();
    await Promise.all([v.waitForNavigation(), v.evaluate(() => (document.getElementById('ballot-form') as HTMLFormElement).submit())]);
    await expect(v.getByTestId('ballot-refused')).toBeVisible();
    await expect(v.getByTestId('ballot-error')).toHaveText(EMPTY_BALLOT[lang]);
    await expect(v.locator('fieldset.ballot')).toHaveAttribute('aria-describedby', /b-error/);
    await expect(v.locator('fieldset.ballot')).toHaveAttribute('aria-invalid', 'true');
    findings.push(...(await axeFindings(v, `/cycles/cy-xianhu-2026/vote refused [${lang}]`)));
    await voter.close();
  }
  expect(findings, findings.join('\n')).toEqual([]);
});

// ---------------------------------------------------------------------------
// Keyboard only.

test('a resident proposes and votes using only the keyboard', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `楼道扶手加装 ${tag()}`;
  const ctx = await browser.newContext({ locale: 'zh-CN' });
  const page = await ctx.newPage();
  await keyboardSignIn(page, 'resident_lt');

  // The first Tab reaches the skip link, which takes focus past the header.
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);

  // The header's "propose" link, then the form, field by field.
  await page.goto('/');
  await tabTo(page, page.getByTestId('nav-propose'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('提议项目');
  await tabTo(page, page.getByLabel('项目名称'));
  await page.keyboard.type(title);
  await tabTo(page, page.getByLabel('类别'), 3);
  await chooseWithArrows(page, page.getByLabel('类别'), '工程类（上限 100万元）');
  await tabTo(page, page.getByLabel('主题'), 3);
  await chooseWithArrows(page, page.getByLabel('主题'), '公共设施');
  await tabTo(page, page.getByLabel('估算金额（元）'), 3);
  await page.keyboard.type('3.5万');
  await expect(page.getByTestId('cost-check')).toHaveText('本类别：工程类项目上限 100万元');
  await tabTo(page, page.getByLabel('具体内容'), 3);
  await page.keyboard.type('老楼没有电梯，楼梯一侧没有扶手，老人上下楼只能扶墙，希望每层加装不锈钢扶手。');
  await tabTo(page, page.getByLabel('地点', { exact: true }), 3);
  await page.keyboard.type('莲花社区 3 栋');
  await tabTo(page, page.getByLabel('受益人群'), 6);
  await page.keyboard.type('3 栋住户');
  await tabTo(page, page.getByRole('button', { name: '提交初审' }), 8);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/projects\/LTJD-LHSQ-2026-\d+\?done=submit$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('project-state')).toHaveText('已提交');
  await ctx.close();

  // Voting in 仙湖: from the community page to a receipt, with Tab, Space and Enter.
  const vctx = await browser.newContext({ locale: 'zh-CN' });
  const v = await vctx.newPage();
  await keyboardSignIn(v, 'resident_xh');
  await v.goto('/communities/xianhu');
  await tabTo(v, v.getByTestId('vote-button'));
  await v.keyboard.press('Enter');
  await expect(v).toHaveURL(/\/cycles\/cy-xianhu-2026\/vote$/);
  const boxes = v.getByRole('checkbox');
  const n = await boxes.count();
  expect(n).toBeGreaterThanOrEqual(2);
  // No ballot yet (no other journey votes as resident_xh): tick the first two projects with the space bar.
  for (let i = 0; i < n; i++) await expect(boxes.nth(i)).not.toBeChecked();
  for (let i = 0; i < 2; i++) {
    await tabTo(v, boxes.nth(i));
    await v.keyboard.press('Space');
    await expect(boxes.nth(i)).toBeChecked();
  }
  await expect(v.getByTestId('ballot-meter')).toContainText('已选 2/5');
  await tabTo(v, v.getByTestId('cast'));
  await v.keyboard.press('Enter');
  await expect(v.getByTestId('receipt')).toBeVisible();
  await expect(v.getByTestId('receipt-code')).toHaveText(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
  await vctx.close();
});

test('the language switch in the header works with the keyboard', async ({ page }) => {
  await page.goto('/projects');
  await tabTo(page, page.getByTestId('lang-switch'));
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projects');
  // The button names the other language in that language, and says so.
  await expect(page.getByTestId('lang-switch')).toHaveAttribute('lang', 'zh-CN');
});

// ---------------------------------------------------------------------------
// Phones.

test('the header is at most 120 px tall on a 360 px phone, and its menu opens by keyboard to every link', async ({ browser }) => {
  for (const lang of LANGS) {
    const ctx = await contextAs(browser, lang, 'resident_lt', { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    await page.goto('/projects');
    const header = page.locator('header.site-header');
    expect((await header.boundingBox())!.height, `header height [${lang}]`).toBeLessThanOrEqual(120);
    const nav = page.getByRole('navigation', { name: lang === 'en' ? 'Main navigation' : '主导航' });
    await expect(nav).toBeHidden();
    await expect(page.getByTestId('lang-switch')).toBeVisible();
    // Tab to the menu button (past the skip link, the site's name and the language switch), open it with Enter.
    const menu = page.getByTestId('menu-button');
    await tabTo(page, menu, 5);
    await expect(menu).toHaveText(lang === 'en' ? '☰ Menu' : '☰ 菜单');
    await page.keyboard.press('Enter');
    await expect(nav).toBeVisible();
    for (const id of ['nav-propose', 'nav-stats', 'nav-notifications', 'who']) await expect(page.getByTestId(id), id).toBeVisible();
    // Every link of the open menu is reached with Tab, in order, and the header still takes no more room on the page.
    await tabTo(page, page.getByTestId('nav-notifications'), 12);
    expect((await header.boundingBox())!.height, `header height with the menu open [${lang}]`).toBeLessThanOrEqual(120);
    // Space closes it again.
    await menu.focus();
    await page.keyboard.press('Space');
    await expect(nav).toBeHidden();
    await ctx.close();
  }
  // A wide screen shows the navigation as before, with no menu button.
  const wide = await contextAs(browser, 'zh-CN', 'resident_lt', { viewport: { width: 1280, height: 800 } });
  const page = await wide.newPage();
  await page.goto('/projects');
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByTestId('menu-button')).toBeHidden();
  for (const id of ['nav-propose', 'nav-stats', 'nav-notifications', 'who', 'lang-switch']) await expect(page.getByTestId(id), id).toBeVisible();
  await wide.close();
});

test('the ballot works on a 360 px wide screen', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  await signInApi(ctx, 'council_xianhu_2');
  const page = await ctx.newPage();
  await page.goto('/cycles/cy-xianhu-2026/vote');
  await expect(page.getByTestId('vote-rule')).toHaveText('勾选您支持的项目，最多选择 5 个项目。');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Every choice is a big target: the whole row's label ticks the box.
  const boxes = page.getByRole('checkbox');
  const n = await boxes.count();
  for (let i = 0; i < n; i++) {
    const label = page.locator('.choice > label').nth(i);
    const box = (await label.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    // No ballot yet: council_xianhu_2 votes in this journey only.
    await expect(boxes.nth(i)).not.toBeChecked();
  }
  // Casting nothing: the problem shows in a padded box, its text clear of the box's edge and focus ring.
  await page.getByTestId('cast').tap();
  const live = page.getByTestId('ballot-live');
  await expect(live).toContainText('请至少选择 1 个项目');
  const outer = (await live.boundingBox())!;
  const inner = (await live.locator('p').first().boundingBox())!;
  expect(inner.x - outer.x).toBeGreaterThanOrEqual(8);
  // Tap two rows (on the title, not the little box): the meter counts them; the cast button stays in view.
  await page.locator('.choice > label').nth(0).locator('.title').tap();
  await page.locator('.choice > label').nth(n - 1).locator('.title').tap();
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(n - 1)).toBeChecked();
  await expect(page.getByTestId('ballot-meter')).toContainText('已选 2/5');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');
  await expect(page.getByTestId('cast')).toBeInViewport();
  const cast = (await page.getByTestId('cast').boundingBox())!;
  expect(cast.height).toBeGreaterThanOrEqual(44);
  expect(cast.width).toBeGreaterThanOrEqual(300);
  // The sticky footer never hides the choice being ticked.
  await page.locator('.choice > label').nth(n - 1).scrollIntoViewIfNeeded();
  const last = (await page.locator('.choice > label').nth(n - 1).boundingBox())!;
  const footer = (await page.locator('.ballot-footer').boundingBox())!;
  expect(last.y + last.height).toBeLessThanOrEqual(footer.y + 1);

  await page.getByTestId('cast').tap();
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByTestId('receipt-code')).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await ctx.close();
});

test('forms bring up the right on-screen keyboard and fill in from the phone', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  const attrs = (sel: string) =>
    page.locator(sel).evaluate((el) => ({
      type: el.getAttribute('type'),
      inputmode: el.getAttribute('inputmode'),
      autocomplete: el.getAttribute('autocomplete'),
      autocapitalize: el.getAttribute('autocapitalize'),
      // 16 px or more, or iOS zooms the page when the field takes focus.
      fontSize: parseFloat(getComputedStyle(el).fontSize),
    }));
  await page.goto('/signin');
  expect(await attrs('#f-login')).toMatchObject({ autocomplete: 'username' });
  expect((await attrs('#f-login')).fontSize).toBeGreaterThanOrEqual(16);
  expect(await attrs('#f-password')).toMatchObject({ type: 'password', autocomplete: 'current-password' });
  await page.goto('/signup');
  expect(await attrs('#f-password')).toMatchObject({ type: 'password', autocomplete: 'new-password' });
  await page.goto('/receipts');
  expect(await attrs('#f-code')).toMatchObject({ autocomplete: 'off', autocapitalize: 'characters' });

  await signInApi(ctx, 'newcomer');
  await page.goto('/verify');
  expect(await attrs('#f-code')).toMatchObject({ autocomplete: 'one-time-code', autocapitalize: 'characters' });

  const resident = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  await signInApi(resident, 'resident_lt');
  const form = await resident.newPage();
  await form.goto('/cycles/cy-lianhua-2026/propose');
  const mode = (sel: string) => form.locator(sel).getAttribute('inputmode');
  expect(await mode('#f-estimatedCost')).toBe('decimal');
  expect(await mode('#f-beneficiaryCount')).toBe('numeric');
  expect(await mode('#f-lat')).toBe('decimal');
  const small = await form.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea')]
      .filter((el) => parseFloat(getComputedStyle(el).fontSize) < 16)
      .map((el) => el.id),
  );
  expect(small).toEqual([]);
  await resident.close();
  await ctx.close();
});

/**
 * Every clickable thing at least 44 × 44 CSS px. A link inside a sentence is
 * exempt (WCAG 2.5.8's inline exception) but must still be as tall as its line.
 * A checkbox or radio button counts with its label, a file input as a whole.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])')) {
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none' || el.closest('[hidden]') || el.classList.contains('skip')) continue;
      let r: { width: number; height: number } = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const input = el as HTMLInputElement;
      if ((input.type === 'checkbox' || input.type === 'radio') && input.labels?.length) {
        const l = input.labels[0]!.getBoundingClientRect();
        r = { width: Math.max(r.width, l.width), height: Math.max(r.height, l.height) };
      }
      const inSentence = el.tagName === 'A' && cs.display === 'inline' && (el.parentElement?.textContent ?? '').trim().length > (el.textContent ?? '').trim().length;
      if (inSentence ? r.height < 16 : r.width < 44 || r.height < 44) {
        out.push(`${el.tagName.toLowerCase()}${input.type ? `[${input.type}]` : ''} "${(el.textContent || el.getAttribute('aria-label') || input.name || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  });
}

test('every page fits a 360 px screen with touch targets of at least 44 px', async ({ browser }) => {
  test.setTimeout(300_000);
  const readers = await everyReader();
  // The demo data has no comments in 莲花: one on a project staff_lt opens below, so the staff's "hide" control is measured too.
  const commenter = await browser.newContext();
  await signInApi(commenter, 'council_lianhua_2');
  const posted = await api(commenter.request).POST('/api/projects/{code}/comments', { params: { path: { code: 'LTJD-LHSQ-2026-01' } }, body: { body: `路灯坏了很久，支持尽快维修。${tag()}` } });
  expect(posted.response.status, 'a comment for staff to see').toBe(201);
  await commenter.close();
  readers.push([as('staff_lt'), [{ path: '/projects/LTJD-LHSQ-2026-01', status: 200 }]]);
  const phone = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };
  for (const lang of LANGS) {
    for (const [reader, pages] of readers) {
      const ctx = await reader.open(browser, lang, phone);
      const page = await ctx.newPage();
      for (const { path } of pages) {
        await page.goto(path);
        const where = `${path} [${reader.who}, ${lang}]`;
        expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), `${where}: page width`).toBeLessThanOrEqual(360);
        expect.soft(await smallTargets(page), `${where}: targets under 44 px`).toEqual([]);
      }
      await ctx.close();
    }
  }
});

/** Open `path` with text at 200 %: the page must not scroll sideways and no text may be cut off (soft checks). */
async function at200(page: Page, path: string, width: number, who: string) {
  await page.goto(path);
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  const r = await page.evaluate(() => {
    const clipped: string[] = [];
    // Not form fields: a one-line field holding a longer value (a company's full name) scrolls it under the
    // caret at any text size, as fields always do; nothing in it is lost. Labels, hints and errors are checked.
    for (const el of document.querySelectorAll<HTMLElement>('main *:not(input, select, textarea), header *:not(input, select, textarea)')) {
      const cs = getComputedStyle(el);
      if (!/(hidden|clip)/.test(cs.overflowX + cs.overflowY) || el.clientWidth <= 1 || el.clientHeight <= 1) continue;
      if (el.scrollWidth > el.clientWidth + 1 && cs.overflowX !== 'auto' && cs.overflowX !== 'scroll') clipped.push(`${el.tagName.toLowerCase()}.${el.className} (width)`);
      if (el.scrollHeight > el.clientHeight + 1 && cs.overflowY !== 'auto' && cs.overflowY !== 'scroll') clipped.push(`${el.tagName.toLowerCase()}.${el.className} (height)`);
    }
    return { width: document.documentElement.scrollWidth, clipped };
  });
  const where = `${path} at ${width} px, 200 % text [${who}]`;
  expect.soft(r.width, `${where}: page width`).toBeLessThanOrEqual(width);
  expect.soft(r.clipped, `${where}: text cut off`).toEqual([]);
}

test('text at 200 % loses nothing: no page scrolls sideways and no text is cut off', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const { visitor: pages, roles } = await siteMap(baseURL!);
  // A phone with large text (as many older residents set it), and a desktop browser's text zoom; in both
  // languages, since English words are long and only break between them. Every public page and
  // resident_xh's own (her ballot among them), with her name in the header.
  for (const [lang, viewport] of LANGS.flatMap((l) => [[l, { width: 360, height: 640 }], [l, { width: 1280, height: 800 }]] as const)) {
    const ctx = await contextAs(browser, lang, 'resident_xh', { viewport });
    const page = await ctx.newPage();
    for (const { path } of [...pages, ...roles.resident_xh]) await at200(page, path, viewport.width, `resident_xh, ${lang}`);
    // The header names whoever is signed in: a name may be 40 letters with no space (the most sign-up allows).
    await page.goto('/');
    const name = page.getByTestId('who').locator('span:not(.badge)').first();
    await name.evaluate((el) => {
      el.textContent = el.textContent!.replace(/[^：:\s]+$/, 'Wolfeschlegelsteinhausenbergerdorffvoral');
    });
    await expect(name).toHaveText(/(：| )Wolfeschlegelsteinhausenbergerdorffvoral$/);
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), `/ with a 40-letter name at ${viewport.width} px, 200 % text [${lang}]`).toBeLessThanOrEqual(viewport.width);
    await ctx.close();
  }
  // Staff and officers on their phones too: their desks hold the date pickers and the rulebook's number pairs.
  for (const lang of LANGS) {
    for (const who of ['staff_lt', 'staff_sx', 'officer'] as const) {
      const ctx = await contextAs(browser, lang, who, { viewport: { width: 360, height: 640 } });
      const page = await ctx.newPage();
      for (const { path } of roles[who]) await at200(page, path, 360, `${who}, ${lang}`);
      await ctx.close();
    }
  }
});

// ---------------------------------------------------------------------------
// Without JavaScript.

test('the project list and project pages work with JavaScript disabled', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false, viewport: { width: 360, height: 640 } });
  const page = await ctx.newPage();
  await page.goto('/projects');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('项目');
  await expect(page.getByTestId('project-list').getByRole('listitem').first()).toBeVisible();
  // Filtering is a plain GET form.
  await page.getByLabel('社区', { exact: true }).selectOption({ label: '笋西社区' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/community=sunxi/);
  const cards = page.getByTestId('project-list').getByRole('listitem');
  expect(await cards.count()).toBeGreaterThan(0);
  for (const text of await cards.allTextContents()) expect(text).toContain('笋西社区');
  // Paging is a link.
  await page.goto('/projects?sort=cost_asc');
  const next = page.getByRole('navigation', { name: /pages|分页/ }).getByRole('link').last();
  await expect(next).toHaveAttribute('href', /page=2/);
  await next.click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId('project-list').getByRole('listitem').first()).toBeVisible();
  // A project, with everything a resident reads: state, money, history, the comments.
  await page.goto('/projects?community=sunxi');
  await page.getByTestId('project-list').getByRole('link', { name: '社区公共信息公告栏' }).click();
  await expect(page).toHaveURL(/\/projects\/SGJD-SXSQ-2026-02$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('社区公共信息公告栏');
  await expect(page.getByTestId('project-state')).toBeVisible();
  await expect(page.getByTestId('history').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('comments')).toBeVisible();
  // The language switch is a form too.
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/\/projects\/SGJD-SXSQ-2026-02$/);
  await ctx.close();
});

test('signing in, proposing, voting, commenting and objecting work with JavaScript disabled', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const notice = await sunxiNotice(request);
  const off = { locale: 'zh-CN', javaScriptEnabled: false, viewport: { width: 360, height: 640 } } as const;

  // Sign in through the form, then propose.
  const a = await browser.newContext(off);
  const page = await a.newPage();
  await page.goto('/signin');
  await page.getByLabel('手机号或用户名').fill('council_lianhua_1');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  // On a phone who is signed in sits behind the header's menu, a disclosure that opens without JavaScript.
  await page.getByTestId('menu-button').click();
  await expect(page.getByTestId('who')).toBeVisible();
  const title = `小区路灯维修 ${tag()}`;
  await page.goto('/cycles/cy-lianhua-2026/propose');
  await page.getByLabel('项目名称').fill(title);
  await page.getByLabel('类别').selectOption({ label: '服务类（上限 50万元）' });
  await page.getByLabel('主题').selectOption({ label: '便民利民' });
  await page.getByLabel('估算金额（元）').fill('9000');
  await page.getByLabel('具体内容').fill('小区内三盏路灯损坏已久，夜间出行不便，希望请专业人员统一检修。');
  await page.getByLabel('地点', { exact: true }).fill('莲花社区 9 栋旁');
  await page.getByRole('button', { name: '提交初审' }).click();
  await expect(page).toHaveURL(/\/projects\/LTJD-LHSQ-2026-\d+\?done=submit$/);
  await expect(page.getByTestId('project-state')).toHaveText('已提交');
  await a.close();

  // A ballot, and a comment.
  const b = await browser.newContext(off);
  await signInApi(b, 'council_xianhu_3');
  const voter = await b.newPage();
  await voter.goto('/cycles/cy-xianhu-2026/vote');
  const boxes = voter.getByRole('checkbox');
  for (const [i, box] of (await boxes.all()).entries()) await box.setChecked(i === 0);
  await voter.getByTestId('cast').click();
  // council_xianhu_3 votes in this journey only: a first ballot.
  await expect(voter.getByTestId('receipt')).toContainText('投票成功！');
  await voter.goto('/projects/LTJD-XHSQ-2026-01');
  const words = `希望施工时注意噪音，周末不要开工。${tag()}`;
  await voter.getByLabel('发表评论').fill(words);
  await voter.getByRole('button', { name: '发表', exact: true }).click();
  await expect(voter.getByText('评论已发表。')).toBeVisible();
  await expect(voter.getByTestId('comment-body').filter({ hasText: words })).toBeVisible();
  await b.close();

  // An objection to a project in public notice, by a resident of its community.
  const c = await browser.newContext(off);
  await signInApi(c, 'council_sunxi_5');
  const objector = await c.newPage();
  await objector.goto(notice);
  await objector.getByLabel('异议理由').fill(`项目地点离学校太近，施工期间影响学生上下学安全。${tag()}`);
  await objector.getByRole('button', { name: '提交异议' }).click();
  await expect(objector.getByTestId('council-done')).toHaveText('异议已提交，工作人员答复后会公开。');
  await expect(objector.getByTestId('objections')).toContainText('居民（您提出的）');
  await c.close();
});

test('every page can be read with JavaScript disabled', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { visitor: pages } = await siteMap(baseURL!);
  const ctx = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
  const page = await ctx.newPage();
  for (const { path, status } of pages) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBe(status);
    await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
    await expect(page.locator('main'), path).not.toBeEmpty();
  }
  await ctx.close();
});

// ---------------------------------------------------------------------------
// Motion, charts, old browsers.

test('reduced motion turns transitions off and the money chart has a text alternative', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'zh-CN', reducedMotion: 'reduce' });
  await signInApi(ctx, 'council_xianhu_2');
  const page = await ctx.newPage();
  await page.goto('/cycles/cy-xianhu-2026/vote');
  await expect(page.getByRole('progressbar')).toBeVisible();
  const durations = await page.evaluate(() => [...document.querySelectorAll('*')].map((el) => getComputedStyle(el).transitionDuration).filter((d) => d.split(',').some((x) => parseFloat(x) > 0)));
  expect(durations).toEqual([]);

  await page.goto('/cycles/cy-sunxi-2026/money');
  const chart = page.getByTestId('money-chart').getByRole('img');
  // Named by its title and its description: every figure, in words.
  await expect(chart).toHaveAccessibleName(/笋西社区.*年度预算.*已支付/s);
  // The same figures as a table.
  await expect(page.getByTestId('money-table').getByRole('rowheader').first()).toBeVisible();
  await ctx.close();
});

test("the islands' JavaScript parses as ES2019 for older in-app browsers", async ({ browser, request }) => {
  const ctx = await browser.newContext();
  await signInApi(ctx, 'resident_lt');
  const scripts = new Set<string>();
  const inline: string[] = [];
  for (const path of ['/cycles/cy-lianhua-2026/propose', '/cycles/cy-xianhu-2026/vote']) {
    const page = await ctx.newPage();
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.add(r.url());
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    inline.push(...(await page.locator('script:not([src])').allTextContents()));
    await page.close();
  }
  await ctx.close();
  expect([...scripts].some((u) => u.includes('ProposalChecks'))).toBe(true);
  const failures: string[] = [];
  for (const url of scripts) {
    const code = await (await request.get(url)).text();
    try {
      parse(code, { ecmaVersion: 2019, sourceType: 'module' });
    } catch (e) {
      failures.push(`${new URL(url).pathname}: ${(e as Error).message}`);
    }
  }
  // Astro's island loader loads each island with import(): formally ES2020, but every browser with
  // ES modules has it (Chrome 63, Safari 11.1), and islands are ES modules. Everything else must be ES2019.
  for (const code of inline.filter((s) => s.trim() && !/^\s*[[{]/.test(s))) {
    try {
      parse(code.replace(/\bimport\(/g, '__import('), { ecmaVersion: 2019, sourceType: 'script' });
    } catch (e) {
      failures.push(`inline script: ${(e as Error).message}: ${code.slice(0, 80)}`);
    }
  }
  expect(failures, failures.join('\n')).toEqual([]);
});
