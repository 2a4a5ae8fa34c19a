/**
 * The phase rules a click-through walk found missing (issue 16): ending a
 * phase early needs a published reason and re-dates the plan; a cycle does
 * not pass public notice while a project is on notice, neither by staff nor
 * by the server's clock, and the desks say until when; the vote page's
 * sticky bar never hides a candidate on a phone. The fixtures
 * (tests/e2e/fixtures/phase-gaps.ts) give each journey a community of its own.
 */
import { test, expect, signIn, demoNow } from './helpers.ts';
import { PHASE_GAPS_FIXTURE as F } from './fixtures/phase-gaps.ts';

/** A day in Chinese words, China time: "2026年12月7日". */
const zhDay = (d: Date) => new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(d);

test('staff end a phase early only with a published reason, and the plan is re-dated', async ({ page }) => {
  const today = zhDay(demoNow());
  await signIn(page, F.early.staff);
  await page.goto(`/staff/${F.early.slug}/screening`);
  const control = page.getByTestId('phase-control');
  await expect(control.getByTestId('phase')).toHaveText('筛选初审');
  const early = control.getByTestId('phase-forward-early');
  await expect(early).toContainText('“筛选初审”原计划至 2027年1月31日 结束，现在开启下一阶段是提前结束，须公开理由。');

  // A reason of spaces is no reason: the server refuses it as a field error and nothing moves.
  await early.getByLabel('提前结束的理由（将公开）').fill('   ');
  await early.getByRole('button', { name: '开启下一阶段：居民投票' }).click();
  await expect(page.getByTestId('phase-error')).toHaveText('当前阶段尚未到计划结束日期，提前结束须填写公开理由');
  const field = page.getByTestId('phase-forward-early').getByLabel('提前结束的理由（将公开）');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('phase-control').getByTestId('phase')).toHaveText('筛选初审');

  const reason = '（测试）提议已全部初审完毕，居民议事会同意提前开始投票。';
  await field.fill(reason);
  await page.getByTestId('phase-forward-early').getByRole('button', { name: '开启下一阶段：居民投票' }).click();
  await expect(page.getByText('已开启阶段：居民投票')).toBeVisible();
  const after = page.getByTestId('phase-control');
  await expect(after.getByTestId('phase')).toHaveText('居民投票');
  // Screening ends today; the vote starts today and keeps its planned end; the deliberation keeps its dates.
  await expect(after.getByTestId('plan-screening')).toContainText(`2026年11月16日 – ${today}`);
  await expect(after.getByTestId('plan-resident_vote')).toContainText(`${today} – 2027年2月15日`);
  await expect(after.getByTestId('plan-deliberation')).toContainText('2027年2月16日 – 2027年3月15日');
  await expect(after.getByTestId('overrun')).toHaveCount(0);

  // The public sees the early end, its reason and both sets of dates in the phase history.
  const pub = await (await page.context().browser()!.newContext({ locale: 'zh-CN' })).newPage();
  await pub.goto(`/communities/${F.early.slug}`);
  const entry = pub.getByTestId('phase-history').locator('li[data-action="cycle.phase_opened"]').first();
  await expect(entry).toContainText('筛选初审 → 居民投票（提前）');
  await expect(entry).toContainText(reason);
  await expect(entry.getByTestId('redated')).toHaveText([`筛选初审：2026年11月16日 – 2027年1月31日 改为 2026年11月16日 – ${today}`, `居民投票：2027年2月1日 – 2027年2月15日 改为 ${today} – 2027年2月15日`]);
});

test('a cycle waits in public notice while a project is on notice, and the desks say until when', async ({ page, browser, baseURL }) => {
  // The project was adopted yesterday and is on notice for five days: four more.
  const lastDay = zhDay(new Date(demoNow().getTime() + 4 * 24 * 3600_000));
  const hold = new RegExp(`还有 1 个项目在公示中，最后一个公示期至 ${lastDay} \\d{2}:\\d{2} 结束；公示结束、项目立项后，才能进入“项目实施”。`);

  // The public page: the notice phase ran past its planned end (2026-12-01) and the server's clock left it open: overrun, and why.
  const pub = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await pub.goto(`/communities/${F.notice.slug}`);
  await expect(pub.getByTestId('phase').first()).toHaveText('公示');
  await expect(pub.getByTestId('overrun')).toBeVisible();
  await expect(pub.getByTestId('phase-hold')).toHaveText(hold);

  // Staff see the step forward switched off, with the same reason; no form offers it.
  await signIn(page, F.notice.staff);
  await page.goto(`/staff/${F.notice.slug}/screening`);
  const control = page.getByTestId('phase-control');
  await expect(control.getByTestId('phase-hold')).toHaveText(hold);
  await expect(control.getByRole('button', { name: '开启下一阶段：项目实施' })).toBeDisabled();
  await expect(control.locator('form').filter({ has: page.getByRole('button', { name: '开启下一阶段：项目实施' }) })).toHaveCount(0);
  // A form sent anyway is refused by the server, which answers with the reason.
  const sent = await page.request.post(`/staff/${F.notice.slug}/phase`, {
    form: { move: 'forward', cycle: F.notice.cycleId, phase: 'implementation', back: `/staff/${F.notice.slug}/screening`, reason: '（测试）' },
    headers: { origin: baseURL! },
  });
  expect(new URL(sent.url()).searchParams.get('phase_error')).toBe('projects_in_notice');
  await page.reload();
  await expect(page.getByTestId('phase-control').getByTestId('phase')).toHaveText('公示');

  // The delivery desk says the adopted project waits for its notice to end before implementation can start.
  await page.goto(`/staff/${F.notice.slug}/delivery`);
  const waiting = page.getByTestId('desk-in-notice').getByTestId('waiting-project');
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText(F.notice.project.title);
  await expect(waiting.getByTestId('notice-wait')).toHaveText(new RegExp(`^公示至 ${lastDay} \\d{2}:\\d{2} 结束；公示结束后才能开始实施。$`));
});

test('the vote page’s sticky bar never hides a candidate at phone width', async ({ browser }) => {
  const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 640 } })).newPage();
  await signIn(page, 'resident_px');
  await page.goto('/cycles/cy-pengxing-2026/vote');
  const choices = page.locator('.ballot-form li input:not([type="hidden"])');
  const n = await choices.count();
  expect(n).toBeGreaterThanOrEqual(5);
  for (let i = 0; i < n; i++) {
    await choices.nth(i).focus();
    const [bottom, barTop] = await choices.nth(i).evaluate((el) => [el.closest('li')!.getBoundingClientRect().bottom, document.querySelector('.ballot-footer')!.getBoundingClientRect().top]);
    expect(bottom, `candidate ${i + 1} ends above the bar`).toBeLessThanOrEqual(barTop + 0.5);
  }
});
