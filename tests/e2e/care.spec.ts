/**
 * The 长辈版 (large-text version), the text size and read-aloud: a stylesheet
 * and layout choice on every page, remembered in a cookie, and reachable as a
 * link (`?mode=care`).
 */
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './helpers.ts';

const PROJECT = '/projects/LTJD-XHSQ-2026-01';

/** The computed font size of the main text (the first paragraph in main) and the size of the first big control. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const p = document.querySelector('main p')!;
    const button = document.querySelector<HTMLElement>('[data-testid="care-switch"]')!.getBoundingClientRect();
    const style = getComputedStyle(p);
    return { text: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize), switchHeight: button.height, switchWidth: button.width };
  });
}

test('the 长辈版 switch enlarges text and controls on every page and is remembered', async ({ page }) => {
  await page.goto('/');
  const before = await measure(page);
  expect(before.text).toBeLessThan(20);
  await page.getByTestId('care-switch').click();
  await expect(page.locator('html')).toHaveClass(/\bcare\b/);
  await expect(page.getByTestId('care-switch')).toHaveText('标准版');
  // The home page: a few big entries, no dense list.
  const entries = page.getByTestId('care-entries');
  await expect(entries.getByRole('link', { name: '看看社区的项目' })).toHaveAttribute('href', '/projects');
  await expect(entries.getByRole('link', { name: '去投票' })).toBeVisible();
  await expect(entries.getByRole('link', { name: '登录' })).toBeVisible();
  await expect(entries.getByRole('link')).toHaveCount(3);
  await expect(page.getByTestId('communities')).toHaveCount(0);
  // Remembered on every page: main text of at least 24 px, line height 1.5, the controls at least 60 × 60, no secondary navigation.
  for (const path of ['/', '/projects', PROJECT, '/signin', '/communities/xianhu', '/receipts']) {
    await page.goto(path);
    await expect(page.locator('html'), path).toHaveClass(/\bcare\b/);
    const m = await measure(page);
    expect(m.text, `${path}: main text`).toBeGreaterThanOrEqual(24);
    expect(m.lineHeight, `${path}: line height`).toBeGreaterThanOrEqual(1.5);
    expect([m.switchHeight >= 60, m.switchWidth >= 60], `${path}: the switch`).toEqual([true, true]);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main button, main .btn, main input:not([type=hidden]), main select')]
        .filter((e) => e.offsetParent !== null)
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 60 || r.width < 60)
        .map(({ e, r }) => `${e.tagName} ${e.textContent?.trim().slice(0, 20)} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    expect(small, `${path}: controls under 60 × 60`).toEqual([]);
    await expect(page.locator('header nav').getByRole('link', { name: '审计日志' }), path).toHaveCount(0);
  }
  // Back to the standard version, also remembered.
  await page.getByTestId('care-switch').click();
  await expect(page.locator('html')).not.toHaveClass(/\bcare\b/);
  await page.goto('/projects');
  await expect(page.locator('html')).not.toHaveClass(/\bcare\b/);
  expect((await measure(page)).text).toBeLessThan(20);
});

test('the 长辈版 is a link anyone can be sent, and a resident sees their own entries', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'zh-CN' });
  const page = await ctx.newPage();
  await signIn(page, 'resident_xh');
  await page.goto('/?mode=care');
  await expect(page.locator('html')).toHaveClass(/\bcare\b/);
  const entries = page.getByTestId('care-entries');
  await expect(entries.getByRole('link', { name: '看看社区的项目' })).toHaveAttribute('href', '/communities/xianhu');
  await expect(entries.getByRole('link', { name: '我的' })).toHaveAttribute('href', '/account');
  // The switch's way back does not carry ?mode=care along.
  await expect(page.locator('form.display-switch input[name=back]')).toHaveValue('/');
  await page.goto('/projects');
  await expect(page.locator('html')).toHaveClass(/\bcare\b/);
  await ctx.close();
});

test('A− / A / A+ change the text size on every page and are remembered, in both versions', async ({ page }) => {
  await page.goto('/projects');
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(await size()).toBe(16);
  await page.getByTestId('text-size-l').click();
  await expect(page.getByTestId('text-size-l')).toHaveAttribute('aria-pressed', 'true');
  expect(await size()).toBe(20);
  await page.goto(PROJECT);
  expect(await size()).toBe(20);
  await page.getByTestId('text-size-s').click();
  expect(await size()).toBe(14);
  await page.getByTestId('care-switch').click();
  // A− in the 长辈版 never goes below 24 px.
  expect(await size()).toBe(24);
  await page.getByTestId('text-size-l').click();
  expect(await size()).toBe(30);
});

/** A stand-in for the browser's speech synthesis (headless Chromium has no voices): it records what would be spoken. */
async function fakeSpeech(page: Page, voices: { lang: string; name: string }[]) {
  await page.addInitScript((list) => {
    const w = window as unknown as Record<string, unknown>;
    const spoken: string[] = [];
    w.__spoken = spoken;
    let paused = false;
    class Utterance extends EventTarget {
      text: string;
      lang = '';
      voice: unknown = null;
      constructor(text: string) {
        super();
        this.text = text;
      }
    }
    w.SpeechSynthesisUtterance = Utterance;
    const synth = Object.assign(new EventTarget(), {
      getVoices: () => list,
      speak: (u: Utterance) => spoken.push(`${u.lang}|${u.text}`),
      cancel: () => spoken.push('<cancel>'),
      pause: () => { paused = true; spoken.push('<pause>'); },
      resume: () => { paused = false; spoken.push('<resume>'); },
    });
    Object.defineProperty(synth, 'paused', { get: () => paused });
    Object.defineProperty(window, 'speechSynthesis', { value: synth });
  }, voices);
}

test("a page's main text can be read aloud in Chinese", async ({ page }) => {
  await fakeSpeech(page, [{ lang: 'en-US', name: 'English' }, { lang: 'zh-CN', name: '中文' }]);
  await page.goto('/cycles/cy-xianhu-2026/results');
  const title = (await page.locator('main h1').textContent())!.trim();
  // Before reading, only the read button shows.
  await expect(page.getByRole('button', { name: '暂停' })).toBeHidden();
  await expect(page.getByRole('button', { name: '停止' })).toBeHidden();
  await page.getByRole('button', { name: '朗读本页正文' }).click();
  await expect(page.locator('[data-read-status]')).toHaveText('正在朗读……');
  const spoken = await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
  // In Chinese, the page's heading among the first pieces, and never the controls' own words.
  expect(spoken.length).toBeGreaterThan(2);
  expect(spoken.every((s) => s.startsWith('<') || s.startsWith('zh-CN|'))).toBe(true);
  expect(spoken.slice(0, 4)).toContain(`zh-CN|${title}`);
  expect(spoken.join('\n')).not.toContain('暂停');
  await page.getByRole('button', { name: '暂停' }).click();
  await expect(page.locator('[data-read-status]')).toHaveText('已暂停');
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('button', { name: '停止' }).click();
  expect(await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.slice(-3))).toEqual(['<pause>', '<resume>', '<cancel>']);
  await expect(page.getByRole('button', { name: '朗读本页正文' })).toBeVisible();
});

test('where the browser has no Chinese voice, the read-aloud control says so', async ({ page }) => {
  await fakeSpeech(page, [{ lang: 'en-US', name: 'English' }]);
  await page.goto(PROJECT);
  await page.getByRole('button', { name: '朗读本页正文' }).click();
  await expect(page.locator('[data-read-status]')).toHaveText(/没有中文语音/);
  expect(await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)).toEqual([]);
});
