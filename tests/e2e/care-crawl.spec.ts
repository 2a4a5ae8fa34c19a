/**
 * Every page in the 长辈版, and every page at 200 % on a phone: crawled from
 * the home page as a visitor and as each demo role (tests/e2e/pages.ts, the
 * crawl the accessibility journeys use). In the 长辈版 the main text must be
 * at least 24 px, every control at least 60 × 60 px, and text contrast pass
 * axe's enhanced rule (WCAG AAA: 7:1, or 4.5:1 for large text, which all the
 * 长辈版's text is); at 200 % and 360 px wide no page may scroll sideways.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, signInApi, test } from './helpers.ts';
import { siteMap, ROLES, type Visit } from './pages.ts';

type Reader = { who: string; pages: Visit[] };

async function readers(): Promise<Reader[]> {
  const map = await siteMap(test.info().project.use.baseURL!);
  return [{ who: 'signed out', pages: map.visitor }, ...ROLES.map((who) => ({ who, pages: map.roles[who] }))];
}

/** A phone (360 CSS px wide, drawn at 2 device pixels per CSS pixel: a 720-pixel window at 200 % zoom), signed in as `who`, showing the 长辈版 or not, at a text size. */
async function phone(browser: Browser, who: string, care: boolean, size: 's' | 'm' | 'l'): Promise<BrowserContext> {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const url = test.info().project.use.baseURL!;
  await ctx.addCookies([
    { name: 'display_mode', value: care ? 'care' : 'standard', url },
    { name: 'text_size', value: size, url },
  ]);
  if (who !== 'signed out') await signInApi(ctx.request, who);
  return ctx;
}

/** What breaks the 长辈版's rules on the page: text under 24 px in main, controls under 60 × 60. */
async function careFindings(page: Page): Promise<{ text: string[]; controls: string[] }> {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const cs = getComputedStyle(el);
      return cs.display !== 'none' && cs.visibility !== 'hidden' && !el.closest('[hidden], .visually-hidden, svg') && (el as HTMLElement).getClientRects().length > 0;
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).filter((c) => !c.startsWith('astro-')).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 24)}"`;
    const text = new Set<string>();
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent!.trim() || !shown(el)) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 24) text.add(`${name(el)} ${px}px`);
    }
    const controls = new Set<string>();
    for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
      if (!shown(el) || el.classList.contains('skip')) continue;
      const cs = getComputedStyle(el);
      let r: { width: number; height: number } = el.getBoundingClientRect();
      const input = el as HTMLInputElement;
      if ((input.type === 'checkbox' || input.type === 'radio') && input.labels?.length) {
        const l = input.labels[0]!.getBoundingClientRect();
        r = { width: Math.max(r.width, l.width), height: Math.max(r.height, l.height) };
      }
      // A link inside a sentence is text, sized as text; every other control is a target of its own.
      const inSentence = el.tagName === 'A' && cs.display === 'inline' && (el.parentElement?.textContent ?? '').trim().length > (el.textContent ?? '').trim().length;
      if (!inSentence && (r.width < 60 || r.height < 60)) controls.add(`${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return { text: [...text], controls: [...controls] };
  });
}

test("every page in the 长辈版 has main text of at least 24 px, controls of at least 60 × 60 and passes axe's enhanced contrast rule", async ({ browser }) => {
  test.setTimeout(900_000);
  const found: string[] = [];
  for (const { who, pages } of await readers()) {
    // A− is the smallest the 长辈版 allows: what holds there holds at A and A+.
    const ctx = await phone(browser, who, true, 's');
    const page = await ctx.newPage();
    for (const { path, status } of pages) {
      const where = `${path} [${who}]`;
      const res = await page.goto(path);
      expect.soft(res!.status(), `${where}: HTTP status`).toBe(status);
      await expect.soft(page.locator('html'), `${where}: the 长辈版`).toHaveClass(/\bcare\b/);
      const f = await careFindings(page);
      found.push(...f.text.map((t) => `${where}: text under 24 px: ${t}`), ...f.controls.map((c) => `${where}: control under 60 × 60: ${c}`));
      // The enhanced rule leaves to the AA rule what already fails AA (its minimum thresholds): both run.
      const axe = await new AxeBuilder({ page }).withRules(['color-contrast', 'color-contrast-enhanced']).analyze();
      found.push(...axe.violations.flatMap((v) => v.nodes.slice(0, 5).map((n) => `${where}: ${v.id}: ${n.target.join(' ')} — ${(n.any[0]?.message ?? '').slice(0, 120)}`)));
    }
    await ctx.close();
  }
  expect(found).toEqual([]);
});

test('at 200% zoom and 360 px wide no page scrolls sideways', async ({ browser }) => {
  test.setTimeout(900_000);
  const wide: string[] = [];
  for (const { who, pages } of await readers()) {
    // The standard version at A+ with the text doubled again (a phone's own large-text setting), and the 长辈版 at A+.
    for (const care of [false, true]) {
      const ctx = await phone(browser, who, care, 'l');
      const page = await ctx.newPage();
      for (const { path } of pages) {
        await page.goto(path);
        if (!care) await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
        const r = await page.evaluate(() => {
          const width = document.documentElement.scrollWidth;
          // What sticks out: the innermost elements whose right edge passes the screen's.
          const out = [...document.querySelectorAll<HTMLElement>('body *')].filter((e) => e.getBoundingClientRect().right > 361 && ![...e.children].some((c) => c.getBoundingClientRect().right > 361));
          return { width, out: out.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${String(e.className).trim().split(/\s+/)[0] ?? ''} "${(e.textContent ?? '').trim().slice(0, 20)}"`) };
        });
        if (r.width > 360) wide.push(`${path} [${who}, ${care ? '长辈版 A+' : '200 % text'}]: ${r.width} px wide (${r.out.join(', ')})`);
      }
      await ctx.close();
    }
  }
  expect(wide).toEqual([]);
});
