import { request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { api, apiContext, expect, test, signIn, demoNow } from './helpers.ts';
import { DELIVERY_FIXTURE } from './fixtures/delivery.ts';
import { formatFen } from '#messages/money.ts';
import { chinaDay } from '#domain/cycle-phases.ts';
import { daysBetween } from '#domain/delivery.ts';
import { parsePb, pbToElection } from '#domain/pabulib/index.ts';
import { tally, isRuleName } from '#domain/tally/tally.ts';

const ROAD = 'SGJD-SXSQ-2024-03';
const PAST = 'cy-sunxi-2024';

async function codeOf(baseURL: string, title: string): Promise<string> {
  const ctx = await apiContext(baseURL, null);
  const { data } = await api(ctx).GET('/api/projects', { params: { query: { q: title } } });
  await ctx.dispose();
  return data!.items.find((p) => p.title === title)!.code;
}

/** What the cycle and one of its projects have been paid so far, in fen. */
async function paid(baseURL: string, cycleId: string, code: string): Promise<{ cycle: number; project: number }> {
  const ctx = await apiContext(baseURL, null);
  const { data: m } = await api(ctx).GET('/api/cycles/{id}/money', { params: { path: { id: cycleId } } });
  await ctx.dispose();
  return { cycle: m!.paidFen, project: m!.projects.find((p) => p.code === code)!.paidFen };
}

test("staff record a payment and the cycle's money view updates", async ({ page, baseURL }) => {
  const f = DELIVERY_FIXTURE;
  const code = await codeOf(baseURL!, f.toPay.title);
  const before = await paid(baseURL!, f.cycleId, code);
  await page.goto(`/cycles/${f.cycleId}/money`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('资金 · 莲花社区 2025 年度民生微实事（测试）');
  await expect(page.getByTestId('money-paid')).toHaveText(formatFen(before.cycle, 'zh-CN'));

  await signIn(page, 'staff_lt');
  await page.goto(`/projects/${code}`);
  await page.getByTestId('desk-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`办理 · ${f.toPay.title}`);
  const payment = page.locator('#payment');
  await payment.getByLabel('金额（元）').fill('1,234.50');
  await payment.getByLabel('说明').fill('第一批图书款（测试）');
  await payment.getByRole('button', { name: '登记付款' }).click();
  await expect(page.getByTestId('done')).toHaveText('已保存 ✓');
  await expect(page.getByTestId('payments')).toContainText('第一批图书款（测试）');

  // Too much is refused, naming the amounts.
  await payment.getByLabel('金额（元）').fill('100万');
  await payment.getByRole('button', { name: '登记付款' }).click();
  await expect(page.getByTestId('form-error')).toContainText('将超出协议金额 5万元');

  // The public money view, signed in or not, shows the new figures in the table and in the chart's description.
  await page.goto(`/cycles/${f.cycleId}/money`);
  const after = formatFen(before.cycle + 123_450, 'zh-CN');
  await expect(page.getByTestId('money-paid')).toHaveText(after);
  await expect(page.locator(`[data-code="${code}"] [data-testid="project-paid"]`)).toHaveText(formatFen(before.project + 123_450, 'zh-CN'));
  await expect(page.locator('[data-testid="money-chart"] svg desc')).toContainText(`已支付 ${after}`);
  await expect(page.locator('[data-testid="money-chart"] svg')).toHaveAttribute('role', 'img');
});

test('an overdue project is flagged on the public tracker', async ({ page, baseURL }) => {
  const f = DELIVERY_FIXTURE;
  const code = await codeOf(baseURL!, f.overdue.title);
  const late = daysBetween(f.overdue.plannedEnd, chinaDay(demoNow()));
  await page.goto('/tracker');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('实施进度');
  const item = page.locator(`[data-testid="tracker-item"][data-code="${code}"]`);
  await expect(item.getByTestId('overdue')).toHaveText(`已逾期 ${late} 天`);
  // Overdue first: no project that is on time comes before one that is late.
  const flags = await page.getByTestId('tracker-item').evaluateAll((els) => els.map((e) => e.querySelector('[data-testid="overdue"]') !== null));
  expect(flags.indexOf(false) === -1 || flags.slice(flags.indexOf(false)).every((x) => !x)).toBe(true);
  expect(flags[0]).toBe(true);

  // Filtered to its community, it leads the list; its page says the same.
  await page.getByLabel('社区').selectOption({ label: '莲花社区' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByTestId('tracker-item').first()).toHaveAttribute('data-code', code);
  await page.getByTestId('tracker-item').first().getByRole('link', { name: f.overdue.title }).click();
  await expect(page.getByTestId('overdue')).toHaveText(`计划 ${f.overdue.plannedEnd} 完工，已逾期 ${late} 天，尚未验收。`);
});

test("the public reads a project's full history without signing in", async ({ page }) => {
  await page.goto(`/projects/${ROAD}`);
  await expect(page.getByTestId('who')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('田心小区破损道路修复');
  await expect(page.getByTestId('project-state')).toHaveText('已归档');
  const history = page.getByTestId('history');
  for (const step of ['项目登记', '初审通过', '列入入围名单', '记录决议：通过', '公示期满，立项', '登记实施协议', '开始实施', '付款', '进度报告', '验收不通过', '整改后继续实施', '验收通过', '结束满意度测评', '审计发现', '记录审计完成', '归档']) {
    await expect(history.getByText(step, { exact: true }).first()).toBeVisible();
  }
  await expect(history).toContainText('3 栋门前新铺路面仍有约 5 平方米积水，排水坡度不足，需整改。');
  await expect(history).toContainText('第 1 批，2024-06-25 支付 10.2万元（累计 10.2万元 / 协议 34万元）：预付款（30%）');
  // The delivery record: agreement, payments, both inspections, the finding; and the residents' ratings.
  await expect(page.getByTestId('agreement')).toContainText('深圳市笋岗市政工程有限公司（示例）');
  await expect(page.getByTestId('payments').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('acceptances').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('findings')).toContainText('首次验收未通过');
  await expect(page.getByTestId('rating-summary')).toContainText('4 位居民参与评价');

  // Both documents print from the record.
  await page.getByRole('link', { name: '打印协议书摘要' }).click();
  await expect(page.getByTestId('amount-words')).toHaveText('人民币叁拾肆万元整');
  await expect(page.getByTestId('agreement-summary')).toContainText('2024-06-10 至 2024-08-31');
  await page.goBack();
  await page.getByRole('link', { name: '打印申报书' }).click();
  await expect(page.getByTestId('proposal-form')).toContainText('民生微实事项目申报书');
  await expect(page.getByTestId('proposal-form')).toContainText('社区工作站');
});

test('the audit page shows the head hash and entries with reasons', async ({ page, baseURL }) => {
  await page.goto('/audit');
  const head = (await page.getByTestId('audit-head').textContent())!.trim();
  expect(head).toMatch(/^[0-9a-f]{64}$/);
  // The head shown is an entry of the chain (other journeys may have appended since).
  const api = await request.newContext({ baseURL });
  const log = await (await api.get('/api/audit?limit=500')).json();
  await api.dispose();
  expect((log.items as { hash: string }[]).map((e) => e.hash)).toContain(head);
  // The entry count is labelled in words, and the subject field's example is a hint that stays, not a placeholder that a phone cuts off.
  await expect(page.getByRole('term').filter({ hasText: '条目' })).toHaveCount(1);
  await expect(page.getByLabel('对象', { exact: true })).toHaveAccessibleDescription('项目编号，如 SGJD-SXSQ-2026-01');
  await expect(page.getByLabel('对象', { exact: true })).not.toHaveAttribute('placeholder');

  // Filter by project code and action: the failed inspection, with its published reason.
  await page.getByLabel('对象', { exact: true }).fill(ROAD);
  await page.getByLabel('操作', { exact: true }).fill('project.fail_acceptance');
  await page.getByRole('button', { name: '筛选' }).click();
  const entries = page.locator('.audit-list > li');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('验收不通过');
  await expect(entries.first().getByTestId('audit-reason')).toHaveText('理由：3 栋门前新铺路面仍有约 5 平方米积水，排水坡度不足，需整改。');
  await expect(entries.first()).toContainText('实施中 → 验收未通过');

  // Filter by kind of subject: the counted votes of cycles.
  await page.getByLabel('对象', { exact: true }).fill('');
  await page.getByLabel('对象类型').selectOption({ label: '年度轮次' });
  await page.getByLabel('操作', { exact: true }).fill('cycle.vote_counted');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(entries.filter({ hasText: PAST })).toHaveCount(1);
  await expect(entries.filter({ hasText: PAST })).toContainText('居民投票计票');

  // Every kind of subject is named in words, none by its internal name (rulebook, project_draft, …).
  const kinds = await page.getByLabel('对象类型').locator('option').allTextContents();
  expect(kinds).toContain('规则版本');
  expect(kinds.filter((k) => /^[a-z_]+$/.test(k.trim()))).toEqual([]);
});

test('after the vote closes the anonymised ballots download as a pabulib file', async ({ page, baseURL }) => {
  // While a vote is open its ballots are not published.
  const api = await request.newContext({ baseURL });
  const open = await api.get('/api/cycles/cy-xianhu-2026/ballots.pb');
  expect(open.status()).toBe(409);
  expect((await open.json()).error.code).toBe('vote_not_closed');
  await api.dispose();

  await page.goto('/open-data');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('开放数据');
  const card = page.locator(`[data-testid="ballot-files"] [data-cycle="${PAST}"]`);
  await expect(card).toContainText('8 张选票');
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('pb-download').click()]);
  expect(download.suggestedFilename()).toBe('sunxi-2024-ballots.pb');
  const text = readFileSync((await download.path())!, 'utf8');
  const pb = parsePb(text);
  expect(pb.meta).toMatchObject({ vote_type: 'approval', budget: '600000', currency: 'CNY', num_votes: '8' });
  expect(pb.votes.map((v) => v.voterId)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  expect(text).not.toMatch(/demo-|receipt/i);
  const rule = pb.meta['rule']!;
  expect(isRuleName(rule)).toBe(true);
  const recount = tally(pbToElection(pb), rule as 'greedy').selected.sort();

  // The recount matches the published result, project by project.
  await page.goto(`/cycles/${PAST}/results`);
  const funded = await page.getByTestId('outcome').evaluateAll((els) => els.filter((e) => e.querySelector('[data-testid="why-official"] .state-good')).map((e) => e.getAttribute('data-code')!));
  expect(funded.sort()).toEqual(recount);
  expect(recount).toEqual(['SGJD-SXSQ-2024-01', 'SGJD-SXSQ-2024-03', 'SGJD-SXSQ-2024-04']);
});
