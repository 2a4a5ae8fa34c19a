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

/** The one screen of a step-by-step form that shows, its step counter and heading, and that it is the only one. */
async function screen(page: Page, count: string, heading: string) {
  await expect(page.locator('[data-testid="care-step"]:visible')).toHaveCount(1);
  const step = page.locator('[data-testid="care-step"]:visible');
  await expect(step.getByTestId('step-count')).toHaveText(count);
  await expect(step.getByRole('heading', { level: 2 })).toHaveText(heading);
  return step;
}

/** Every visible control of a screen is at least 60 × 60 CSS px. */
async function expectBigControls(page: Page, where: string) {
  const small = await page.locator('[data-testid="care-step"]:visible').evaluate((step) =>
    [...step.querySelectorAll<HTMLElement>('a, button, input:not([type=hidden]), select, textarea, label.care-choice')]
      .filter((e) => e.offsetParent !== null && !e.closest('.visually-hidden') && !e.classList.contains('visually-hidden'))
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 60 || r.width < 60)
      .map(({ e, r }) => `${e.tagName} ${(e.textContent ?? '').trim().slice(0, 20)} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
  expect(small, `${where}: controls under 60 × 60`).toEqual([]);
}

test('in the 长辈版 a resident votes one question per screen with large buttons', async ({ browser }) => {
  test.setTimeout(120_000);
  // On a phone, and without JavaScript: the screens are anchors in one form, shown by CSS alone.
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
  const page = await ctx.newPage();
  await signIn(page, 'resident_xl');
  await page.goto('/cycles/cy-xiling-2026/vote?mode=care');
  await expect(page.locator('html')).toHaveClass(/\bcare\b/);

  let step = await screen(page, '第 1 步，共 6 步', '怎么投票');
  await expect(step).toContainText('勾选您支持的项目，最多选择 5 个项目。');
  await expectBigControls(page, 'the opening screen');
  await step.getByRole('link', { name: '开始' }).click();

  step = await screen(page, '第 2 步，共 6 步', '楼道扶手安装');
  await expect(step).toContainText('费用：30万元');
  await expectBigControls(page, 'a project screen');
  await step.getByRole('checkbox', { name: '支持这个项目' }).check();
  await step.getByRole('link', { name: '下一步' }).click();

  step = await screen(page, '第 3 步，共 6 步', '社区长者饭堂桌椅更换');
  await expect(step.getByRole('checkbox', { name: '支持这个项目' })).not.toBeChecked();
  await step.getByRole('link', { name: '下一步' }).click();

  step = await screen(page, '第 4 步，共 6 步', '小区路灯补装');
  await step.getByRole('checkbox', { name: '支持这个项目' }).check();
  // Back two screens and forward again: every choice is where it was left.
  await step.getByRole('link', { name: '上一步' }).click();
  step = await screen(page, '第 3 步，共 6 步', '社区长者饭堂桌椅更换');
  await step.getByRole('link', { name: '上一步' }).click();
  step = await screen(page, '第 2 步，共 6 步', '楼道扶手安装');
  await expect(step.getByRole('checkbox', { name: '支持这个项目' })).toBeChecked();
  // The browser's own back button works the same way.
  await page.goBack();
  step = await screen(page, '第 3 步，共 6 步', '社区长者饭堂桌椅更换');
  await step.getByRole('link', { name: '下一步' }).click();
  step = await screen(page, '第 4 步，共 6 步', '小区路灯补装');
  await expect(step.getByRole('checkbox', { name: '支持这个项目' })).toBeChecked();
  await step.getByRole('link', { name: '下一步' }).click();

  step = await screen(page, '第 5 步，共 6 步', '长者智能手机课堂');
  await step.getByRole('checkbox', { name: '支持这个项目' }).check();
  await step.getByRole('link', { name: '下一步' }).click();

  step = await screen(page, '第 6 步，共 6 步', '检查后投票');
  await expectBigControls(page, 'the last screen');
  await expect(step.getByRole('link', { name: '下一步' })).toHaveCount(0);
  await step.getByRole('button', { name: '投票' }).click();

  await expect(page.getByTestId('receipt')).toContainText('投票成功！');
  await expect(page.getByTestId('current-ballot').getByRole('listitem')).toHaveText(['楼道扶手安装', '小区路灯补装', '长者智能手机课堂']);
  // Changing it starts again from the first screen, with the ballot as cast.
  step = await screen(page, '第 1 步，共 6 步', '怎么投票');
  await step.getByRole('link', { name: '开始' }).click();
  step = await screen(page, '第 2 步，共 6 步', '楼道扶手安装');
  await expect(step.getByRole('checkbox', { name: '支持这个项目' })).toBeChecked();
  await ctx.close();
});

test('in the 长辈版 a resident makes a proposal step by step and loses nothing going back', async ({ browser }) => {
  test.setTimeout(120_000);
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 640 } });
  const page = await ctx.newPage();
  const title = `长者休息座椅 ${Date.now().toString(36).slice(-5)}`;
  await signIn(page, 'resident_lt');
  await page.goto('/cycles/cy-lianhua-2026/propose?mode=care');

  let step = await screen(page, '第 1 步，共 10 步', '提一个建议');
  await expectBigControls(page, 'the opening screen');
  await step.getByRole('link', { name: '开始' }).click();
  step = await screen(page, '第 2 步，共 10 步', '项目名称');
  await expectBigControls(page, 'the title screen');
  await step.getByRole('textbox', { name: '项目名称' }).fill(title);
  await step.getByRole('link', { name: '下一步' }).click();
  step = await screen(page, '第 3 步，共 10 步', '类别');
  await step.getByRole('combobox', { name: '类别' }).selectOption({ label: '货物类（上限 50万元）' });
  await step.getByRole('link', { name: '下一步' }).click();
  step = await screen(page, '第 4 步，共 10 步', '主题');
  await step.getByRole('combobox', { name: '主题' }).selectOption({ label: '居民生活关爱' });
  await step.getByRole('link', { name: '下一步' }).click();
  step = await screen(page, '第 5 步，共 10 步', '估算金额（元）');
  await step.getByRole('textbox', { name: '估算金额（元）' }).fill('2万');

  // All the way back to the title, and forward again: nothing typed or chosen is lost.
  for (const [count, heading] of [['第 4 步，共 10 步', '主题'], ['第 3 步，共 10 步', '类别'], ['第 2 步，共 10 步', '项目名称']]) {
    await page.locator('[data-testid="care-step"]:visible').getByRole('link', { name: '上一步' }).click();
    await screen(page, count!, heading!);
  }
  await expect(page.getByRole('textbox', { name: '项目名称' })).toHaveValue(title);
  for (const heading of ['类别', '主题', '估算金额（元）']) {
    await page.locator('[data-testid="care-step"]:visible').getByRole('link', { name: '下一步' }).click();
    await expect(page.locator('[data-testid="care-step"]:visible').getByRole('heading', { level: 2 })).toHaveText(heading);
  }
  await expect(page.locator('#f-category')).toHaveValue('goods');
  await expect(page.getByRole('textbox', { name: '估算金额（元）' })).toHaveValue('2万');

  // Skip the description, go on to the end and submit: refused, the form opens on the screen with the problem,
  // with everything else as it was typed.
  await page.locator('[data-testid="care-step"]:visible').getByRole('link', { name: '下一步' }).click();
  step = await screen(page, '第 6 步，共 10 步', '具体内容');
  await step.getByRole('link', { name: '下一步' }).click();
  step = await screen(page, '第 7 步，共 10 步', '地点');
  await step.getByRole('textbox', { name: '地点', exact: true }).fill('莲花社区 3 栋楼下');
  await step.getByRole('link', { name: '下一步' }).click();
  step = await screen(page, '第 8 步，共 10 步', '受益人群');
  await step.getByRole('textbox', { name: '受益人群' }).fill('3 栋的长者');
  await step.getByRole('link', { name: '下一步' }).click();
  step = await screen(page, '第 9 步，共 10 步', '照片或 PDF');
  await step.getByRole('link', { name: '下一步' }).click();
  step = await screen(page, '第 10 步，共 10 步', '检查后提交');
  await expectBigControls(page, 'the last screen');
  await step.getByRole('button', { name: '提交初审' }).click();

  await expect(page.getByTestId('form-error')).toBeVisible();
  step = await screen(page, '第 6 步，共 10 步', '具体内容');
  await expect(step.locator('.error')).toBeVisible();
  await expect(page.locator('#f-title')).toHaveValue(title);
  await expect(page.locator('#f-category')).toHaveValue('goods');
  await expect(page.locator('#f-estimatedCost')).toHaveValue('2万');
  await expect(page.locator('#f-address')).toHaveValue('莲花社区 3 栋楼下');
  await step.getByRole('textbox', { name: '具体内容' }).fill('小区 3 栋楼下没有座椅，长者买菜回来没地方歇脚，希望添置 6 张带靠背的休息座椅。');
  for (let i = 0; i < 4; i++) await page.locator('[data-testid="care-step"]:visible').getByRole('link', { name: '下一步' }).click();
  step = await screen(page, '第 10 步，共 10 步', '检查后提交');
  await step.getByRole('button', { name: '提交初审' }).click();

  await expect(page).toHaveURL(/\/projects\/LTJD-LHSQ-2026-\d+\?done=submit$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('project-state')).toHaveText('已提交');
  await ctx.close();
});
