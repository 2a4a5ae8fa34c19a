/**
 * Phases move on their planned dates, and a step back needs a second person
 * (issue 16, items 4–5). The fixtures (tests/e2e/fixtures/phases.ts) give each
 * journey a community of its own.
 */
import { test, expect, signIn } from './helpers.ts';
import { PHASES_FIXTURE as F } from './fixtures/phases.ts';

test('a vote closes by itself at its planned end and the results appear', async ({ page }) => {
  // Nobody presses anything: the server's phase clock (at start-up, then every 30 s) closes the vote that was planned to end on 2026-11-30.
  test.setTimeout(90_000);
  const results = `/cycles/${F.vote.cycleId}/results`;
  await expect(async () => {
    await page.goto(results);
    await expect(page.getByTestId('results-summary')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 65_000, intervals: [500, 1000, 2000] });
  await expect(page.getByTestId('results-summary')).toContainText('共 3 张有效选票 · 预算 50万元');
  // Greedy by votes, 50万: 长者食堂 (2 votes, 30万) and 楼道灯 (2 votes, 10万) are funded; 篮球场 (1 vote, 25万) no longer fits.
  await expect(page.getByTestId('rule-official').getByRole('listitem')).toHaveText([F.vote.projects.canteen.title, F.vote.projects.lights.title]);
  await expect(page.getByTestId('rule-official')).toContainText('资助 2 个项目，合计 40万元');
  const outcome = (title: string) => page.getByTestId('outcome').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(outcome(F.vote.projects.court.title).getByTestId('why-official')).toContainText('未获资助');

  // The community page says the cycle moved on by itself, as the system, and is no longer in the vote.
  await page.goto(`/communities/${F.vote.slug}`);
  await expect(page.getByTestId('phase').first()).toHaveText('议事会评议与决议');
  await expect(page.getByTestId('overrun')).toHaveCount(0);
  const closed = page.getByTestId('phase-history').locator('li[data-action="cycle.phase_closed_on_time"]');
  await expect(closed).toContainText('居民投票 → 议事会评议与决议');
  await expect(closed).toContainText('系统（按计划日期）');
  await expect(page.getByTestId('how-vote')).toContainText('居民投票有约束力');
});

test('moving a cycle backwards needs a second officer and a published reason', async ({ browser }) => {
  const reason = '（测试）两项提议漏查了负面清单，退回征集阶段补充材料后重新初审。';
  const staff = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await signIn(staff, F.back.staff);
  await staff.goto(`/staff/${F.back.slug}/screening`);
  const control = staff.getByTestId('phase-control');
  await expect(control.getByTestId('phase')).toHaveText('筛选初审');
  await expect(control.getByTestId('plan-collection')).toContainText('已结束');
  await expect(control.getByTestId('plan-resident_vote')).toContainText('下一阶段');
  // Staff alone may only go forward one step; going back is a request with a published reason.
  await control.getByText('退回或跳过阶段', { exact: true }).click();
  await control.getByLabel('调整到').selectOption({ label: '项目征集' });
  // Collection's planned end has passed: the request says until when it reopens.
  await control.getByLabel('调整后该阶段的结束日期').fill('2027-01-15');
  await control.getByLabel('理由（将公开）').last().fill(reason);
  await control.getByRole('button', { name: '提交申请' }).click();
  await expect(staff.getByText('申请已提交，等待街道或区级负责人确认。')).toBeVisible();
  await expect(staff.getByTestId('phase-control').getByTestId('phase')).toHaveText('筛选初审');
  await expect(staff.getByTestId('pending-request')).toContainText(reason);
  // The staff member who asked finds nothing to confirm on their desk.
  await staff.goto('/staff');
  await expect(staff.getByTestId('phase-requests')).toHaveCount(0);

  // The public sees the request waiting, and the cycle still in screening.
  const pub = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await pub.goto(`/communities/${F.back.slug}`);
  await expect(pub.getByTestId('phase').first()).toHaveText('筛选初审');
  await expect(pub.getByTestId('pending-request')).toContainText(reason);

  // The street officer confirms it from the staff desk.
  const officer = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await signIn(officer, 'street_lt');
  await officer.goto('/staff');
  const request = officer.getByTestId('phase-request').filter({ hasText: '大望社区' });
  await expect(request).toContainText('从“筛选初审”调整到“项目征集”');
  await expect(request).toContainText(reason);
  await request.getByRole('button', { name: '确认调整' }).click();
  await expect(officer.getByText('已确认，本轮阶段已调整。')).toBeVisible();
  await expect(officer.getByTestId('phase-request').filter({ hasText: '大望社区' })).toHaveCount(0);

  // Both the reason and the confirmation are public, on the cycle's page and in the audit log.
  await pub.reload();
  await expect(pub.getByTestId('phase').first()).toHaveText('项目征集');
  await expect(pub.getByTestId('pending-request')).toHaveCount(0);
  await expect(pub.getByTestId('overrun')).toHaveCount(0);
  const confirmed = pub.getByTestId('phase-history').locator('li[data-action="cycle.phase_change_confirmed"]');
  await expect(confirmed).toContainText('筛选初审 → 项目征集');
  await expect(confirmed).toContainText('确认人：赵磊（示例）');
  await expect(confirmed).toContainText('申请人：刘洋（测试）');
  await expect(confirmed).toContainText(reason);
  await pub.goto(`/audit?subject=${F.back.cycleId}`);
  await expect(pub.locator('body')).toContainText('确认阶段调整');
  await expect(pub.locator('body')).toContainText(reason);
});

test('staff see why screening is not open yet and the date it opens', async ({ page }) => {
  await signIn(page, F.screening.staff);
  await page.goto(`/communities/${F.screening.slug}`);
  await page.getByRole('link', { name: F.screening.project.title }).click();
  // The screening steps are there, switched off, with the reason and the day screening opens.
  const later = page.getByTestId('later-steps');
  await expect(later.getByRole('button', { name: '初审通过' })).toBeDisabled();
  await expect(later.getByRole('button', { name: '初审不通过' })).toBeDisabled();
  await expect(later.getByTestId('opens-on').first()).toHaveText('初审将于 2027年1月11日 开始');
  await expect(page.locator('form').filter({ has: page.getByRole('button', { name: '初审通过' }) })).toHaveCount(0);

  // The screening page says the same, and shows the plan with the phase control.
  await page.goto(`/staff/${F.screening.slug}/screening`);
  await expect(page.getByTestId('screen-refusal')).toContainText('初审将于 2027年1月11日 开始');
  await expect(page.getByRole('button', { name: '初审通过' })).toHaveCount(0);
  await expect(page.getByTestId('plan-screening')).toContainText('2027年1月11日');
});
