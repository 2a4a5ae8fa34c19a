/**
 * Resident vote journeys, on a phone-sized screen. Each journey uses its own
 * cycle (tests/e2e/fixtures/voting.ts) so they can run beside each other, in
 * any order, and beside other spec files: 畔山 (approval; the approval journey
 * closes its vote), 鹏兴 (budget basket; the basket journey casts there),
 * 坳下 (budget basket; the results journey enters its ballots and closes it),
 * 仙湖 (paper ballots only; never closed, other specs rely on it).
 */
import { request, type APIRequestContext } from '@playwright/test';
import { apiContext, expect, test, signIn } from './helpers.ts';

const RECEIPT = /^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/;

// 坳下's six projects (tests/e2e/fixtures/voting.ts), for the results journey.
const SQUARE = '社区文化广场改造'; // 80万
const WALLS = '老旧楼栋外墙安全排查及修缮'; // 45万
const SHEDS = '小区非机动车棚及充电桩'; // 38万
const MEALS = '长者助餐配送服务'; // 30万
const FIRE = '楼道消防器材更新'; // 25万
const SUMMER = '青少年暑期托管班'; // 12万
const ADD1_STOPS = '（Add1 补全保持每人均分额 25万元：已没有其他有票的项目能放进预算。）';

test.use({ viewport: { width: 360, height: 640 } });

/** An API client signed in as `username` (staff actions that are not the subject of the journey). */
async function apiAs(baseURL: string, username: string): Promise<APIRequestContext> {
  return apiContext(baseURL, username);
}

test('a resident casts an approval ballot, changes it, and verifies the receipt after the vote closes', async ({ page, browser, baseURL }) => {
  await signIn(page, 'resident_ps');
  await page.goto('/communities/panshan');
  await page.getByTestId('vote-button').click();
  await expect(page).toHaveURL(/\/cycles\/cy-panshan-2026\/vote$/);
  await expect(page.getByTestId('vote-rule')).toHaveText('勾选您支持的项目，最多选择 5 个项目。');

  const meter = page.getByTestId('ballot-meter');
  await expect(meter).toContainText('已选 0/5');
  await page.getByRole('checkbox', { name: '垃圾分类投放点升级改造' }).check();
  await page.getByRole('checkbox', { name: '健身路径器材更新' }).check();
  // The keyboard works too: a real checkbox, toggled with the space bar.
  await page.getByRole('checkbox', { name: '社区共建微花园' }).focus();
  await page.keyboard.press('Space');
  await expect(meter).toContainText('已选 3/5');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3');
  await page.getByTestId('cast').click();

  await expect(page.getByTestId('receipt')).toContainText('投票成功！');
  const first = (await page.getByTestId('receipt-code').textContent())!.trim();
  expect(first).toMatch(RECEIPT);
  await expect(page.getByTestId('current-ballot').getByRole('listitem')).toHaveText(['垃圾分类投放点升级改造', '社区共建微花园', '健身路径器材更新']);
  // The receipt is shown once.
  await page.reload();
  await expect(page.getByTestId('receipt')).toHaveCount(0);

  // Change the ballot: the new one replaces the old, with a new receipt.
  await expect(page.getByRole('checkbox', { name: '垃圾分类投放点升级改造' })).toBeChecked();
  await page.getByRole('checkbox', { name: '垃圾分类投放点升级改造' }).uncheck();
  await page.getByRole('checkbox', { name: '“四点半课堂”课后托管' }).check();
  await expect(meter).toContainText('已选 3/5');
  await page.getByTestId('cast').click();
  await expect(page.getByTestId('receipt')).toContainText('选票已修改');
  const second = (await page.getByTestId('receipt-code').textContent())!.trim();
  expect(second).toMatch(RECEIPT);
  expect(second).not.toBe(first);

  // Anyone can look a receipt up, without signing in; before the close it only says to wait.
  const anon = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const pub = await anon.newPage();
  await pub.goto('/receipts');
  await pub.getByLabel('回执码').fill(second.toLowerCase().replace('-', ' '));
  await pub.getByRole('button', { name: '核验' }).click();
  await expect(pub.getByTestId('receipt-result')).toHaveAttribute('data-status', 'vote_open');
  await expect(pub.getByTestId('receipt-result')).toContainText('投票尚未结束');

  // Staff close the vote (and it is counted in the same step).
  const staff = await apiAs(baseURL!, 'staff_ps');
  // Before its planned end, so with a published reason.
  expect((await staff.post('/api/cycles/cy-panshan-2026/phase', { data: { phase: 'deliberation', reason: '（测试）投票提前结束' } })).status()).toBe(200);
  await staff.dispose();
  await page.reload();
  await expect(page.getByTestId('cannot-vote')).toContainText('当前阶段不能进行此操作');
  await expect(page.getByTestId('cast')).toHaveCount(0);

  // After the close: counted — and neither what it said nor who cast it (a receipt proves inclusion, not content).
  await pub.goto('/receipts');
  await pub.getByLabel('回执码').fill(second);
  await pub.getByRole('button', { name: '核验' }).click();
  const result = pub.getByTestId('receipt-result');
  await expect(result).toHaveAttribute('data-status', 'counted');
  await expect(result).toContainText('这张选票已计入。');
  await expect(result).toContainText('回执只证明选票已计入，不显示选了什么');
  for (const title of ['社区共建微花园', '健身路径器材更新', '“四点半课堂”课后托管']) await expect(result).not.toContainText(title);
  await expect(pub.locator('main')).not.toContainText('畔山居民');
  await expect(pub.locator('main')).not.toContainText('示例居民');
  // The replaced ballot's receipt says it was not counted.
  await pub.getByLabel('回执码').fill(first);
  await pub.getByRole('button', { name: '核验' }).click();
  await expect(pub.getByTestId('receipt-result')).toHaveAttribute('data-status', 'superseded');
  await expect(pub.getByTestId('receipt-result')).toContainText('这张选票已被同一位居民后来投的选票替换，没有计入。');

  // Counted at the close by greedy (the demo rulebook): by votes, then the cheaper first. The one ballot's
  // three projects (15万 + 18万 + 26万 = 59万 of 100万), then the projects without a vote that still fit:
  // 22万 (81万), not 35万 (116万) nor 42万. The first ballot's choice, dropped by the second, has no vote.
  await pub.goto('/cycles/cy-panshan-2026/results');
  await expect(pub.getByTestId('rule-official').getByRole('listitem')).toHaveText(['社区共建微花园', '健身路径器材更新', '“四点半课堂”课后托管', '独居长者助浴服务']);
  const dropped = pub.getByTestId('outcome').filter({ has: pub.getByRole('heading', { name: '垃圾分类投放点升级改造' }) });
  await expect(dropped.getByTestId('votes')).toHaveText('0 票');
  await expect(dropped.getByTestId('why-official').locator('.explanation')).toHaveText('未获资助：以 0 票排名第 6，其费用 42万元 超出了剩余预算 19万元。');
  const bath = pub.getByTestId('outcome').filter({ has: pub.getByRole('heading', { name: '独居长者助浴服务' }) });
  await expect(bath.getByTestId('why-official').locator('.explanation')).toHaveText('获得资助：以 0 票排名第 4，其费用 22万元 在剩余预算 41万元 之内。');
  await anon.close();
});

test('staff enter a paper ballot twice and a mismatch is flagged', async ({ page, browser }) => {
  const serial = `XH-E2E-${Date.now().toString(36).toUpperCase()}`;
  await signIn(page, 'staff_xh');
  await page.goto('/communities/xianhu');
  await page.getByRole('link', { name: '纸质选票录入' }).click();
  await expect(page.getByRole('heading', { name: '纸质选票录入' })).toBeVisible();
  await page.getByLabel('选票编号').fill(serial);
  await page.getByLabel('居民登记号').fill('XHSQ-0012');
  await page.getByRole('checkbox', { name: '消防安全体验馆及微型消防站器材' }).check();
  await page.getByRole('checkbox', { name: '无主地块人行道、围墙及栏杆修缮' }).check();
  await page.getByTestId('paper-submit').click();
  await expect(page.getByTestId('paper-done')).toHaveAttribute('data-status', 'pending');
  await expect(page.getByTestId('paper-done')).toContainText('第一遍已录入，等待另一位工作人员录入第二遍');
  const row = page.locator(`[data-serial="${serial}"]`);
  await expect(row).toContainText('待第二遍录入');

  // The same person cannot enter it a second time.
  await page.getByLabel('选票编号').fill(serial);
  await page.getByLabel('居民登记号').fill('XHSQ-0012');
  await page.getByRole('checkbox', { name: '消防安全体验馆及微型消防站器材' }).check();
  await page.getByTestId('paper-submit').click();
  await expect(page.getByTestId('paper-refused')).toHaveText('您已录入过这张纸质选票；第二遍须由另一位工作人员录入');
  await expect(page.getByLabel('选票编号')).toHaveAttribute('aria-invalid', 'true');

  // A second staff member types the same paper ballot, but reads one choice differently.
  const other = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const second = await other.newPage();
  await signIn(second, 'staff2_xh');
  await second.goto('/staff/xianhu/paper-ballots');
  await expect(second.locator(`[data-serial="${serial}"]`)).toContainText('周敏（示例）');
  await second.getByLabel('选票编号').fill(serial);
  await second.getByLabel('居民登记号').fill('XHSQ-0012');
  await second.getByRole('checkbox', { name: '消防安全体验馆及微型消防站器材' }).check();
  await second.getByRole('checkbox', { name: '连廊改造及透水铺装（工期40天）' }).check();
  await second.getByTestId('paper-submit').click();
  await expect(second.getByTestId('paper-done')).toHaveAttribute('data-status', 'mismatch');
  await expect(second.getByTestId('paper-done')).toContainText('与之前的录入不一致');

  // Flagged for a third check, with who entered it and what differs — but not what was typed.
  const flagged = second.locator(`[data-serial="${serial}"]`);
  await expect(flagged).toHaveAttribute('data-status', 'mismatch');
  await expect(flagged).toContainText('不一致，待第三人核对');
  await expect(flagged).toContainText('周敏（示例）');
  await expect(flagged).toContainText('钱进（示例）');
  await expect(flagged).toContainText('选择不同');
  await expect(flagged).not.toContainText('消防');
  await expect(second.getByTestId('paper-queue').locator('[data-status="mismatch"]').first()).toHaveAttribute('data-serial', /.+/);
  await other.close();
});

test('a resident fills a budget basket and cannot exceed the budget', async ({ page, browser }) => {
  // Without JavaScript the ballot is a plain form, and the server refuses an over-budget basket whole.
  const plain = await browser.newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
  const q = await plain.newPage();
  await signIn(q, 'resident_px');
  await q.goto('/cycles/cy-pengxing-2026/vote');
  for (const name of ['儿童游乐场地翻新及防滑地垫', '小区无障碍坡道及扶手改造', '篮球场夜间照明改造', '独居长者智能手环及紧急呼叫服务', '楼道声控灯更换']) {
    await q.getByRole('checkbox', { name }).check();
  }
  await q.getByTestId('cast').click();
  await expect(q.getByTestId('ballot-refused')).toContainText('所选项目合计 218万元，超过预算 200万元');
  await expect(q.getByTestId('ballot-error')).toHaveText('所选项目合计 218万元，超过预算 200万元');
  await expect(q.getByRole('group', { name: '候选项目' })).toHaveAttribute('aria-invalid', 'true');
  await expect(q.getByTestId('receipt')).toHaveCount(0);
  await expect(q.getByTestId('current-ballot')).toHaveCount(0);
  await plain.close();

  // With JavaScript the meter follows every tick.
  await signIn(page, 'resident_px');
  await page.goto('/communities/pengxing');
  await page.getByTestId('vote-button').click();
  await expect(page.getByTestId('vote-rule')).toContainText('所选项目合计不能超过预算 200万元，且不少于预算的 1/4（50万元）');
  const meter = page.getByTestId('ballot-meter');
  const bar = page.getByRole('progressbar');
  await expect(meter).toContainText('至少需选满 50万元');
  await page.getByRole('checkbox', { name: '儿童游乐场地翻新及防滑地垫' }).check();
  await expect(meter).toContainText('已选 80万元 / 预算 200万元');
  await expect(meter).toContainText('还可选 120万元');
  for (const name of ['小区无障碍坡道及扶手改造', '篮球场夜间照明改造', '独居长者智能手环及紧急呼叫服务']) await page.getByRole('checkbox', { name }).check();
  await expect(meter).toContainText('已选 193万元 / 预算 200万元');
  await expect(meter).toContainText('还可选 7万元');
  await expect(bar).toHaveAttribute('aria-valuenow', '193000000');

  // One more project would break the budget: the meter says by how much, and the ballot is not sent.
  await page.getByRole('checkbox', { name: '楼道声控灯更换' }).check();
  await expect(meter).toContainText('超出预算 18万元');
  await expect(bar).toHaveAttribute('aria-valuetext', /超出预算 18万元/);
  await page.getByTestId('cast').click();
  await expect(page.getByTestId('ballot-live')).toContainText('所选项目合计 218万元，超过预算 200万元');
  await expect(page.getByTestId('ballot-live')).toBeFocused();
  await expect(page.getByTestId('receipt')).toHaveCount(0);

  await page.getByRole('checkbox', { name: '楼道声控灯更换' }).uncheck();
  await expect(page.getByTestId('ballot-live')).toBeEmpty();
  await page.getByTestId('cast').click();
  await expect(page.getByTestId('receipt')).toContainText('投票成功！');
  await expect(page.getByTestId('receipt-code')).toHaveText(RECEIPT);
  await expect(page.getByTestId('current-ballot').getByRole('listitem')).toHaveText(['儿童游乐场地翻新及防滑地垫', '小区无障碍坡道及扶手改造', '篮球场夜间照明改造', '独居长者智能手环及紧急呼叫服务']);
});

test('the results page explains why each project was or was not funded', async ({ page, baseURL }) => {
  // 坳下 (tests/e2e/fixtures/voting.ts) is this journey's alone: its basket vote is open, with no ballots,
  // a budget of 200万 and six projects; its rulebook counts by equal shares (MES, Add1), greedy beside it.
  const cycle = 'cy-aoxia-2026';
  const a = await apiAs(baseURL!, 'staff_ax');
  const b = await apiAs(baseURL!, 'staff2_ax');
  const ballot = await (await a.get(`/api/cycles/${cycle}/ballot`)).json();
  expect(ballot.cycle.phase).toBe('resident_vote');
  const id = (title: string) => ballot.projects.find((p: { title: string }) => p.title === title).id;
  const big = [SQUARE, WALLS, SHEDS].map(id); // 80万 + 45万 + 38万 = 163万
  const small = [MEALS, FIRE, SUMMER].map(id); // 30万 + 25万 + 12万 = 67万
  // Paper ballots from eight residents, each entered twice: five want the three big projects, three the three small ones.
  for (let i = 1; i <= 8; i++) {
    const data = { paperSerial: `AX-${i}`, registerNo: `AXSQ-${String(i).padStart(4, '0')}`, projects: i <= 5 ? big : small };
    expect((await a.post(`/api/cycles/${cycle}/paper-ballots`, { data })).status()).toBe(201);
    const second = await b.post(`/api/cycles/${cycle}/paper-ballots`, { data });
    expect((await second.json()).status).toBe('matched');
  }
  expect((await a.post(`/api/cycles/${cycle}/phase`, { data: { phase: 'deliberation', reason: '（测试）纸质选票已录入完毕，投票提前结束' } })).status()).toBe(200);
  await a.dispose();
  await b.dispose();

  // Anyone, not signed in.
  await page.goto('/communities/aoxia');
  await page.getByTestId('results-link').click();
  await expect(page).toHaveURL(new RegExp(`/cycles/${cycle}/results$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('居民投票结果');
  await expect(page.getByTestId('results-summary')).toContainText('共 8 张有效选票 · 预算 200万元');
  await expect(page.getByTestId('rule-official')).toContainText('正式结果');
  await expect(page.getByTestId('rule-official')).toContainText('均等份额法（MES，Add1 补全）');
  await expect(page.getByTestId('rule-comparison')).toContainText('按票数排序（贪心法）');

  // Worked out by hand. Equal shares: 25万 per voter. The big projects' five voters (125万) have the cheapest
  // price per vote (each pays cost/5), the small ones' three (75万) pay cost/3; ties go to the lower cost.
  // 38万 (7.6万 each, 17.4万 left), 45万 (9万 each, 8.4万 left); then 80万 needs 16万 each and they have
  // 42万 between them: not funded. The three pay 4万, 8.33万 and 10万 each for 12万, 25万 and 30万.
  // 150万 spent, and the 50万 left cannot buy the 80万 square, so Add1 stops at once (exhaustive).
  // Greedy: five votes first, cheaper first on a tie: 38万, 45万, 80万 (37万 left), then 12万 (25万 left),
  // 25万 (nothing left), and 30万 no longer fits.
  // Each rule lists what it funds in the ballot's order.
  await expect(page.getByTestId('rule-official').getByRole('listitem')).toHaveText([WALLS, SHEDS, MEALS, FIRE, SUMMER]);
  await expect(page.getByTestId('rule-official')).toContainText('资助 5 个项目，合计 150万元');
  await expect(page.getByTestId('rule-comparison').getByRole('listitem')).toHaveText([SQUARE, WALLS, SHEDS, FIRE, SUMMER]);
  await expect(page.getByTestId('rule-comparison')).toContainText('资助 5 个项目，合计 200万元');

  const outcomes = page.getByTestId('outcome');
  await expect(outcomes).toHaveCount(6);
  const outcome = (title: string) => outcomes.filter({ has: page.getByRole('heading', { name: title }) });
  const FUNDED = '获得资助';
  const NOT = '未获资助';
  const table: [title: string, votes: string, official: string, comparison: string][] = [
    [SQUARE, '5 票', NOT, FUNDED],
    [WALLS, '5 票', FUNDED, FUNDED],
    [SHEDS, '5 票', FUNDED, FUNDED],
    [MEALS, '3 票', FUNDED, NOT],
    [FIRE, '3 票', FUNDED, FUNDED],
    [SUMMER, '3 票', FUNDED, FUNDED],
  ];
  for (const [title, votes, official, comparison] of table) {
    const o = outcome(title);
    await expect(o.getByTestId('votes'), title).toHaveText(votes);
    await expect(o.getByTestId('why-official').locator('.badge'), title).toHaveText(official);
    await expect(o.getByTestId('why-official').locator('.explanation'), title).toHaveText(new RegExp(`^${official}`));
    await expect(o.getByTestId('why-comparison').locator('.badge'), title).toHaveText(comparison);
    await expect(o.getByTestId('why-comparison').locator('.explanation'), title).toHaveText(new RegExp(`^${comparison}`));
  }
  // Each side explains its refusal, with the figures worked out above.
  await expect(outcome(SQUARE).getByTestId('why-official').locator('.explanation')).toHaveText(
    `未获资助：按均等份额法，在已资助 2 个项目之后，其支持者剩余资金合计只有 42万元，不足以支付其费用 80万元（其有效票数已降至 5.00）。${ADD1_STOPS}`,
  );
  await expect(outcome(MEALS).getByTestId('why-comparison').locator('.explanation')).toHaveText('未获资助：以 3 票排名第 6，其费用 30万元 超出了剩余预算 0元。');
  // And each win, in the order worked out above.
  await expect(outcome(SHEDS).getByTestId('why-official').locator('.explanation')).toHaveText(
    `获得资助（均等份额法第 1 轮）：其支持者每人最多支付 7.6万元 即可凑齐费用 38万元（有效票数 5.00），是当时性价比最高的项目。${ADD1_STOPS}`,
  );
  await expect(outcome(SUMMER).getByTestId('why-official').locator('.explanation')).toHaveText(/^获得资助（均等份额法第 3 轮）：其支持者每人最多支付 4万元/);
  await expect(outcome(MEALS).getByTestId('why-official').locator('.explanation')).toHaveText(/^获得资助（均等份额法第 5 轮）：其支持者每人最多支付 10万元/);
  await expect(outcome(SQUARE).getByTestId('why-comparison').locator('.explanation')).toHaveText('获得资助：以 5 票排名第 3，其费用 80万元 在剩余预算 117万元 之内。');
  await expect(outcome(FIRE).getByTestId('why-comparison').locator('.explanation')).toHaveText('获得资助：以 3 票排名第 5，其费用 25万元 在剩余预算 25万元 之内。');
  await expect(page.getByTestId('rule-notes')).toContainText('把预算平均分给每位投票的居民');
  await expect(page.getByTestId('rule-notes')).toContainText('按得票（或得分）从高到低排序');

  // The same page in English.
  await page.getByTestId('lang-switch').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Resident vote results');
  await expect(outcome(SQUARE).getByTestId('why-official').locator('.explanation')).toHaveText(/^Not funded/);
  await expect(outcome(SHEDS).getByTestId('why-official').locator('.explanation')).toHaveText(/^Funded/);
});

test('on a project page a resident of another community is told whose vote it is, not offered a vote that would be refused', async ({ page, browser, baseURL }) => {
  await signIn(page, 'resident_lt');
  await page.goto('/projects/LTJD-XHSQ-2026-01');
  await expect(page.getByTestId('vote-elsewhere')).toHaveText('仙湖社区的居民正在投票；只有本社区的居民可以投票。');
  await expect(page.getByTestId('vote-button')).toHaveCount(0);
  // A resident of 仙湖 gets the button, on the same page.
  const other = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const xh = await other.newPage();
  await signIn(xh, 'resident_xh');
  await xh.goto('/projects/LTJD-XHSQ-2026-01');
  await expect(xh.getByTestId('vote-button')).toBeVisible();
  await expect(xh.getByTestId('vote-elsewhere')).toHaveCount(0);
  await other.close();
});

test('while a vote is open the audit page shows its ballots only as daily counts, other new entries without number or hash; an auditor sees every ballot', async ({ page, browser, baseURL }) => {
  // A 仙湖 resident votes online (仙湖's vote stays open through the whole run).
  const voter = await apiAs(baseURL!, 'council_xianhu_6');
  const ballot = await (await voter.get('/api/cycles/cy-xianhu-2026/ballot')).json();
  expect((await voter.post('/api/cycles/cy-xianhu-2026/ballot', { data: { projects: [ballot.projects[0].id] } })).status()).toBe(201);
  await voter.dispose();

  await page.goto('/audit?subject=cy-xianhu-2026&action=ballot.cast');
  const notice = page.getByTestId('audit-vote-open');
  await expect(notice.getByRole('heading', { name: '居民投票进行中：选票只按天计数' })).toBeVisible();
  await expect(notice).toContainText('仙湖社区 2026 年度民生微实事');
  await expect(notice).toContainText('当天的张数在当天结束后公布。');
  // Not one of 仙湖's ballots is listed, nor its paper-ballot entries.
  await expect(page.getByRole('status')).toHaveText('没有符合条件的记录。');
  await page.goto('/audit?subject=cy-xianhu-2026&action=paper_ballot.entered');
  await expect(page.locator('.audit-list > li')).toHaveCount(0);

  // The newest entries (written since the vote opened) come first, without their number and hash; the head is the published chain's.
  await page.goto('/audit');
  const first = page.locator('.audit-list > li').first();
  await expect(first.getByTestId('audit-pending-note')).toHaveText('编号和哈希值在投票结束后公开');
  await expect(first.locator('.meta').first()).not.toContainText('#');
  const api = await request.newContext({ baseURL });
  const log = await (await api.get('/api/audit?limit=1')).json();
  await api.dispose();
  expect(log.pending.length).toBeGreaterThan(0);
  await expect(page.getByTestId('audit-head')).toHaveText(log.head.hash);

  // An auditor reads every entry in full, 仙湖's ballots included.
  const ctx = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const auditor = await ctx.newPage();
  await signIn(auditor, 'auditor');
  await auditor.goto('/audit?subject=cy-xianhu-2026&action=ballot.cast');
  await expect(auditor.getByTestId('audit-full')).toBeVisible();
  await expect(auditor.getByTestId('audit-vote-open')).toHaveCount(0);
  const seen = auditor.locator('.audit-list > li');
  await expect(seen.first()).toContainText('居民投票');
  await expect(seen.first().locator('.hash')).toHaveText(/^[0-9a-f]{64}$/);
  await ctx.close();
});
