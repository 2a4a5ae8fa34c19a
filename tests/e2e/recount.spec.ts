/**
 * Checking a vote from outside, in the browser, on a phone-sized screen: the
 * recount of a finished vote from its published ballots, and a voter's
 * receipt among the counted ones. 长岭社区's votes are this file's own
 * (tests/e2e/fixtures/recount.ts): its 2025 vote was counted by equal
 * shares at seeding; its 2026 vote is open until the receipt journey closes it.
 */
import { request } from '@playwright/test';
import { expect, test, DEMO_PASSWORD, signIn } from './helpers.ts';
import { RECOUNT_FIXTURE as F } from './fixtures/recount.ts';

const RECEIPT = /^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/;

test.use({ viewport: { width: 360, height: 640 } });

test('a visitor recounts a finished vote in the browser and gets the published winners', async ({ page }) => {
  // The published result, as the results page gives it: equal shares funds two of the four projects.
  await page.goto(`/cycles/${F.finished.cycleId}/results`);
  await expect(page.getByTestId('rule-official').getByRole('listitem')).toHaveText([...F.finished.funded]);
  // It says exactly which rule, as the .pb does.
  await expect(page.getByTestId('rule-exact-mes-add1')).toContainText('均等份额法（Method of Equal Shares），满意度按“费用”计');
  await expect(page.getByTestId('rule-exact-mes-add1')).toContainText('method_of_equal_shares(sat_class=Cost_Sat, voter_budget_increment=1)');
  await expect(page.getByTestId('rule-exact-greedy')).toContainText('按票数的贪心法');

  // From there, to the recount in the browser, with this vote already chosen.
  await page.getByTestId('recount-link').click();
  await expect(page).toHaveURL(new RegExp(`/audit/verify\\?cycle=${F.finished.cycleId}#recount$`));
  const section = page.getByTestId('recount');
  // The button works once the page's script is running.
  await expect(section.getByTestId('recount-run')).toBeEnabled();
  await expect(section.getByLabel('哪一次投票')).toHaveValue(F.finished.cycleId);
  await section.getByTestId('recount-run').click();

  const verdict = section.getByTestId('recount-verdict');
  await expect(verdict).toHaveAttribute('data-match', 'all');
  await expect(verdict).toHaveText('一致：重新计票资助的项目与公布的结果完全相同，4 个项目逐一相符（资助 2 个）。');
  await expect(section.getByTestId('recount-result')).toContainText(`${F.finished.titleZh}：8 张选票，预算 100.000337万元，规则：均等份额法（MES，Add1 补全）。`);
  const rows = section.getByTestId('recount-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  // Project by project: published funded?, recount funded?, match.
  const cells = async () => (await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th .name, td')].map((c) => c.textContent!.trim()))));
  expect(await cells()).toEqual([
    ['长岭公园步道照明', '否', '否', '✓ 是'],
    ['长者日间照料服务', '是', '是', '✓ 是'],
    ['小区雨污分流改造', '是', '是', '✓ 是'],
    ['社区文体活动室翻新', '否', '否', '✓ 是'],
  ]);
  // On a phone the table fits the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // A vote of the demo, counted greedily, recounts to its published winners too.
  const demo = '银湖社区 2025 年度民生微实事';
  await section.getByLabel('哪一次投票').selectOption({ label: demo });
  await section.getByTestId('recount-run').click();
  await expect(section.getByTestId('recount-result')).toContainText(`${demo}：`);
  await expect(section.getByTestId('recount-result')).toContainText('规则：按票数排序（贪心法）');
  await expect(verdict).toHaveAttribute('data-match', 'all');
  await expect(section.getByTestId('recount-table').locator('tbody tr[data-match="no"]')).toHaveCount(0);

  // The same check in English.
  await page.getByTestId('lang-switch').click();
  await expect(page.getByRole('heading', { name: 'Recount a vote' })).toBeVisible();
  await expect(page.getByTestId('recount').getByTestId('recount-run')).toBeEnabled();
  await page.getByTestId('recount').getByLabel('Which vote').selectOption(F.finished.cycleId);
  await page.getByTestId('recount').getByTestId('recount-run').click();
  await expect(page.getByTestId('recount-verdict')).toHaveText('They match: the recount funds exactly the published projects; all 4 projects agree (2 funded).');
});

test('a voter finds their receipt among the counted ones after the vote closes', async ({ page, browser, baseURL }) => {
  // A resident of 长岭 votes online and keeps the receipt.
  await signIn(page, F.resident[0]);
  await page.goto(`/cycles/${F.open.cycleId}/vote`);
  await page.getByRole('checkbox', { name: '儿童阅读角' }).check();
  await page.getByRole('checkbox', { name: '垃圾分类宣传督导' }).check();
  await page.getByTestId('cast').click();
  await expect(page.getByTestId('receipt')).toContainText('投票成功！');
  const code = (await page.getByTestId('receipt-code').textContent())!.trim();
  expect(code).toMatch(RECEIPT);

  // While the vote is open nothing is published: the list is refused, and the vote is not offered for checking.
  const anon = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const pub = await anon.newPage();
  const early = await pub.request.get(`/api/cycles/${F.open.cycleId}/counted-receipts.txt`);
  expect([early.status(), (await early.json()).error.code]).toEqual([409, 'vote_not_closed']);
  await pub.goto('/audit/verify');
  await expect(pub.getByTestId('receipt-check').locator(`option[value="${F.open.cycleId}"]`)).toHaveCount(0);

  // Staff close the vote (it is counted in the same step).
  const staff = await request.newContext({ baseURL });
  expect((await staff.post('/api/auth/sign-in', { data: { login: F.staff[0][0], password: DEMO_PASSWORD } })).status()).toBe(200);
  expect((await staff.post(`/api/cycles/${F.open.cycleId}/phase`, { data: { phase: 'deliberation', reason: '（测试）提前结束投票' } })).status()).toBe(200);
  await staff.dispose();

  // From the receipt page to the check in the browser.
  await pub.goto('/receipts');
  await pub.getByTestId('receipt-verify-link').getByRole('link').click();
  await expect(pub).toHaveURL(/\/audit\/verify#receipt$/);
  const section = pub.getByTestId('receipt-check');
  await expect(section.getByTestId('receipt-inclusion-only')).toHaveText('这个核验只证明您的选票被计入，不证明它投了什么。这是有意的：名单只含指纹，与选票内容没有任何联系，回执不应让任何人能向别人证明自己是怎么投票的。');
  await expect(section.getByTestId('receipt-look-up')).toBeEnabled();
  await section.getByLabel('哪一次投票').selectOption(F.open.cycleId);
  // Typed as people type it: lower case, a space for the hyphen.
  await section.getByLabel('回执码').fill(code.toLowerCase().replace('-', ' '));
  await section.getByTestId('receipt-look-up').click();
  const verdict = section.getByTestId('receipt-verdict');
  await expect(verdict).toHaveAttribute('data-found', 'yes');
  // Three counted ballots: two on paper, this one online.
  await expect(verdict).toHaveText(`找到了：回执码 ${code} 的指纹在“${F.open.titleZh}”计入的 3 张选票的回执指纹中。这张选票已计入。`);
  // The list downloaded is the one the count wrote into the audit log.
  await expect(section.getByTestId('receipt-list-check')).toHaveAttribute('data-against', 'same');
  await expect(section.getByTestId('receipt-list-check')).toContainText('下载的名单共 3 条');
  // Nothing of the ballot's content is shown.
  await expect(section).not.toContainText('儿童阅读角');

  // A wrong code (one symbol changed) is reported as not found.
  const wrong = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
  await section.getByLabel('回执码').fill(wrong);
  await section.getByTestId('receipt-look-up').click();
  await expect(verdict).toHaveAttribute('data-found', 'no');
  await expect(verdict).toContainText(`没有找到：回执码 ${wrong} 的指纹不在“${F.open.titleZh}”计入的 3 张选票的回执指纹中。`);
  // And a code that cannot be a receipt is refused before any lookup.
  await section.getByLabel('回执码').fill('ABCDE-FGH2');
  await section.getByTestId('receipt-look-up').click();
  await expect(section.getByTestId('receipt-code-error')).toHaveText('回执码应为 10 位字母和数字（不含 0、1、I、L、O）。');
  await expect(section.getByLabel('回执码')).toHaveAttribute('aria-invalid', 'true');
  await anon.close();
});
