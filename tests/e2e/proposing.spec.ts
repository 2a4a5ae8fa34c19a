import type { Page } from '@playwright/test';
import { expect, test, signIn, unusedCode, uniqueMobile } from './helpers.ts';

// Residents propose and rate on their phones: every journey here runs at 360 px.
test.use({ viewport: { width: 360, height: 640 } });

/** A real 1×1 PNG: the server checks the content, not the name. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Something unique per run, so parallel workers and earlier runs never collide. */
const tag = () => `${Date.now().toString(36).slice(-4)}${Math.floor(Math.random() * 1296).toString(36)}`;

async function fillProposal(page: Page, p: { title: string; category: string; theme: string; cost: string }) {
  await page.getByLabel('项目名称').fill(p.title);
  await page.getByLabel('类别').selectOption({ label: p.category });
  await page.getByLabel('主题').selectOption({ label: p.theme });
  await page.getByLabel('估算金额（元）').fill(p.cost);
  await page.getByLabel('具体内容').fill('单元楼道的声控灯坏了一半，老人晚上上下楼很不安全，希望全部换成感应灯。');
  await page.getByLabel('地点', { exact: true }).fill('莲花社区 7 栋 2 单元');
  await page.getByLabel('受益人群').fill('7 栋住户');
  await page.getByLabel('受益人数（约）').fill('90');
}

test('a resident proposes a micro-project and it enters screening', async ({ page }) => {
  const title = `楼道感应灯更换 ${tag()}`;
  await signIn(page, 'resident_lt');
  await page.goto('/communities/lianhua');
  await page.getByTestId('propose-button').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('提议项目');

  await fillProposal(page, { title, category: '货物类（上限 50万元）', theme: '消除安全隐患', cost: '1.2万' });
  // Checked as she types: the cap of the chosen category.
  await expect(page.getByTestId('cost-check')).toHaveText('本类别：货物类项目上限 50万元');
  await page.getByLabel('照片或 PDF').setInputFiles({ name: '楼道.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: '保存草稿' }).click();

  // A private draft with its code and the photo.
  await expect(page).toHaveURL(/\/projects\/LTJD-LHSQ-2026-\d+\/edit\?created=1/);
  const code = /projects\/([^/]+)\/edit/.exec(page.url())![1]!;
  await expect(page.getByTestId('draft-badge')).toHaveText(`草稿 · ${code}`);
  await expect(page.getByTestId('attachments').getByRole('img', { name: '照片：楼道.png' })).toBeVisible();
  await expect(page.getByLabel('估算金额（元）')).toHaveValue('12000');

  await page.getByRole('button', { name: '保存并提交初审' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${code}\\?done=submit$`));
  await expect(page.getByTestId('action-done')).toHaveText('已提交初审。提议现在向所有人公开（不显示您的姓名）；社区工作人员初审后，结果会出现在“通知”里。');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('project-state')).toHaveText('已提交');
  await expect(page.getByText('居民提议', { exact: true })).toBeVisible();
  // Recorded, the photo added, submitted.
  await expect(page.getByTestId('history').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('history')).toContainText('添加附件');
  await expect(page.getByTestId('history')).toContainText('草稿 → 已提交');

  // It now waits for screening, in public, without her name.
  await page.goto(`/projects?community=lianhua&state=submitted&q=${encodeURIComponent(title)}`);
  await expect(page.getByTestId('project-list').getByRole('link', { name: title })).toBeVisible();
  const anonymous = await page.context().browser()!.newPage();
  await anonymous.goto(page.url().replace(/\/projects\?.*/, `/projects/${code}`));
  await expect(anonymous.getByTestId('project-state')).toHaveText('已提交');
  await expect(anonymous.getByText('莲花居民')).toHaveCount(0);
  await anonymous.close();
});

test('a proposal over the category cap is refused with the cap shown', async ({ page, browser, baseURL }) => {
  const title = `小区道路翻新 ${tag()}`;
  await signIn(page, 'resident_lt');
  await page.goto('/cycles/cy-lianhua-2026/propose');
  await fillProposal(page, { title, category: '工程类（上限 100万元）', theme: '社区环境整治', cost: '150万' });
  // As she types, the island refuses the amount and names the rule.
  await expect(page.getByTestId('cost-check')).toHaveText('估算金额 150万元 超过上限：工程类项目上限 100万元');
  await expect(page.getByLabel('估算金额（元）')).toHaveAttribute('aria-invalid', 'true');

  // Sent anyway, the server refuses it the same way and keeps what she typed.
  await page.getByRole('button', { name: '提交初审' }).click();
  await expect(page.getByTestId('form-error')).toContainText('估算金额 150万元 超过上限：工程类项目上限 100万元');
  // The summary names the field, and takes her to it.
  await expect(page.getByTestId('form-error').getByRole('link')).toHaveText(['估算金额（元）：估算金额 150万元 超过上限：工程类项目上限 100万元']);
  await expect(page.getByTestId('cost-error')).toHaveText('估算金额 150万元 超过上限：工程类项目上限 100万元');
  await expect(page.getByLabel('估算金额（元）')).toHaveValue('150万');
  await expect(page.getByLabel('项目名称')).toHaveValue(title);
  await expect(page.getByTestId('my-proposals').getByText(title)).toHaveCount(0);

  // Without JavaScript the form still posts and the server still names the cap.
  const plain = await browser.newContext({ javaScriptEnabled: false, baseURL, viewport: { width: 360, height: 640 }, locale: 'zh-CN' });
  const p2 = await plain.newPage();
  await signIn(p2, 'resident_lt');
  await p2.goto('/cycles/cy-lianhua-2026/propose');
  await fillProposal(p2, { title, category: '服务类（上限 50万元）', theme: '居民生活关爱', cost: '500000.01' });
  await p2.getByRole('button', { name: '保存草稿' }).click();
  await expect(p2.getByTestId('cost-error')).toHaveText('估算金额 50.000001万元 超过上限：服务类项目上限 50万元');
  // On a 360 px phone the summary is on screen when the page comes back, not below the fold.
  await expect(p2.getByTestId('form-error')).toBeInViewport({ ratio: 0.9 });
  // Several problems are listed in the form's order, top to bottom; a link brings the field into view with its label.
  await p2.getByLabel('地点', { exact: true }).fill('');
  await p2.getByLabel('项目名称').fill('');
  await p2.getByRole('button', { name: '保存草稿' }).click();
  const links = p2.getByTestId('form-error').getByRole('link');
  await expect(links).toHaveText([/^项目名称：/, /^估算金额（元）：/, /^地点：/]);
  await links.nth(1).click();
  await expect(p2.getByText('估算金额（元）', { exact: true })).toBeInViewport();
  await plain.close();

  // Fixed to the cap itself, it is accepted (上限 is inclusive).
  await page.getByLabel('估算金额（元）').fill('100万');
  await expect(page.getByTestId('cost-check')).toHaveText('本类别：工程类项目上限 100万元');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/edit\?created=1$/);
});

test('outside the collection phase the propose page says so plainly, and shows no form', async ({ page }) => {
  await signIn(page, 'resident_xh');
  await page.goto('/cycles/cy-xianhu-2026/propose');
  await expect(page.getByTestId('cannot-propose')).toHaveText('只有在项目征集阶段才能提议，本轮现在不在这个阶段。');
  await expect(page.getByRole('button', { name: '保存草稿' })).toHaveCount(0);
});

test('a resident rates an accepted project once', async ({ page, baseURL }) => {
  // A new resident of 笋西社区: signs up and verifies with a slip, so this journey shares no rater with any other.
  const code = await unusedCode(baseURL!, 'staff_sx', 'sunxi');
  await page.goto('/signup');
  await page.getByLabel('手机号或用户名').fill(uniqueMobile());
  await page.getByLabel('称呼').fill('笋西新居民');
  await page.getByLabel('密码').fill('my-secret-1');
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page).toHaveURL(/\/verify/);
  await page.getByLabel('核验码').fill(code);
  await page.getByRole('button', { name: '核验' }).click();
  await expect(page.getByTestId('verify-done')).toContainText('笋西社区');

  await page.goto('/projects/SGJD-SXSQ-2026-02');
  await expect(page.getByTestId('project-state')).toHaveText('已验收');
  const countOf = async (p: Page) => {
    const text = (await p.getByTestId('rating-summary').textContent()) ?? '';
    return Number(/^(\d+) 位居民参与评价/.exec(text)?.[1] ?? 0);
  };
  const before = await countOf(page);
  // A second tab with the form still open, to try rating twice.
  const stale = await page.context().newPage();
  await stale.goto('/projects/SGJD-SXSQ-2026-02#rating');

  await page.getByLabel('5 分').check();
  await page.getByLabel('意见（可选，将匿名公开）').fill('公告栏很醒目，通知再也不会错过。');
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByText('感谢评价！')).toBeVisible();
  await expect(page.getByTestId('rating-mine')).toHaveText('您已评价：5 分。每位居民只能评价一次。');
  await expect(page.getByTestId('rating-form')).toHaveCount(0);
  expect(await countOf(page)).toBe(before + 1);
  await expect(page.getByTestId('rating-summary')).toContainText('满意率');

  await stale.getByLabel('1 分').check();
  await stale.getByRole('button', { name: '提交评价' }).click();
  await expect(stale.getByText('您已经评价过这个项目，每位居民只能评价一次')).toBeVisible();
  expect(await countOf(stale)).toBe(before + 1);
  await stale.close();
});

test('a comment is shown as plain text with links, and staff hide it with a published reason', async ({ page, browser, baseURL }) => {
  const marker = tag();
  await signIn(page, 'resident_lt');
  await page.goto('/projects/LTJD-LHSQ-2026-02');
  await page.getByLabel('发表评论').fill(`<b>赞成</b><img src=x onerror=alert(1)> ${marker} 详见 https://example.com/rules。`);
  await page.getByRole('button', { name: '发表' }).click();
  const mine = page.getByTestId('comment').filter({ hasText: marker });
  await expect(mine.getByTestId('comment-body')).toHaveText(`<b>赞成</b><img src=x onerror=alert(1)> ${marker} 详见 https://example.com/rules。`);
  await expect(mine.locator('img, b')).toHaveCount(0);
  await expect(mine.getByRole('link', { name: 'https://example.com/rules' })).toHaveAttribute('rel', 'nofollow ugc noopener');

  const staffContext = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, locale: 'zh-CN' });
  const staff = await staffContext.newPage();
  await signIn(staff, 'staff_lt');
  await staff.goto('/projects/LTJD-LHSQ-2026-02');
  const theirs = staff.getByTestId('comment').filter({ hasText: marker });
  await theirs.locator('summary').filter({ hasText: '隐藏' }).click();
  await theirs.getByLabel('隐藏理由（将公开）').fill(`含有网页代码 ${marker}`);
  await theirs.getByRole('button', { name: '隐藏' }).click();
  await expect(staff.getByText('评论已隐藏，理由已公开。')).toBeVisible();
  await staffContext.close();

  await page.reload();
  await expect(page.getByTestId('comment-hidden').filter({ hasText: marker })).toHaveText(`已由工作人员隐藏：含有网页代码 ${marker}`);
  await page.goto('/audit?action=comment.hidden');
  await expect(page.getByText(`含有网页代码 ${marker}`)).toBeVisible();
});

test("staff reply officially to a resident's comment", async ({ page, browser, baseURL }) => {
  const marker = tag();
  const project = '/projects/LTJD-LHSQ-2026-02';
  // A resident comments.
  await signIn(page, 'resident_lt');
  await page.goto(project);
  await page.getByLabel('发表评论').fill(`楼下的灯什么时候能修好？${marker}`);
  await page.getByRole('button', { name: '发表' }).click();
  await expect(page.getByText('评论已发表。')).toBeVisible();

  // Staff of the community answer it as the office.
  const staffContext = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, locale: 'zh-CN' });
  const staff = await staffContext.newPage();
  await signIn(staff, 'staff_lt');
  await staff.goto(project);
  const theirs = staff.getByTestId('comment').filter({ hasText: marker });
  await theirs.getByTestId('reply-form').locator('summary').click();
  await theirs.getByLabel('以社区工作人员身份回复').fill(`已报修，本周五前修好。${marker}`);
  await theirs.getByRole('button', { name: '发布回复' }).click();
  await expect(staff.getByText('官方回复已发布，评论人会收到通知。')).toBeVisible();
  await staffContext.close();

  // The page shows the reply under the comment, marked 官方回复, with the staff member's name and role; the history records it.
  await page.goto(project);
  const reply = page.getByTestId('comment').filter({ hasText: marker }).getByTestId('official-reply');
  await expect(reply).toContainText('官方回复');
  await expect(reply.getByTestId('reply-by')).toHaveText('王芳（示例） · 社区工作人员');
  await expect(reply).toContainText(`已报修，本周五前修好。${marker}`);
  await expect(page.getByTestId('history').locator('li').filter({ hasText: '官方回复' }).last()).toContainText('社区工作人员 · 王芳（示例）');
  await expect(page.getByTestId('reply-form')).toHaveCount(0);

  // A newly verified resident of the same community reads the reply, may comment, and is shown no reply form: only the office answers.
  const code = await unusedCode(baseURL!, 'staff_lt', 'lianhua');
  const neighbourContext = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, locale: 'zh-CN' });
  const neighbour = await neighbourContext.newPage();
  await neighbour.goto('/signup');
  await neighbour.getByLabel('手机号或用户名').fill(uniqueMobile());
  await neighbour.getByLabel('称呼').fill('莲花新居民');
  await neighbour.getByLabel('密码').fill('my-secret-1');
  await neighbour.getByRole('button', { name: '注册' }).click();
  await neighbour.getByLabel('核验码').fill(code);
  await neighbour.getByRole('button', { name: '核验' }).click();
  await expect(neighbour.getByTestId('verify-done')).toContainText('莲花社区');
  await neighbour.goto(project);
  await expect(neighbour.getByTestId('comment').filter({ hasText: marker }).getByTestId('official-reply')).toContainText(`已报修，本周五前修好。${marker}`);
  await expect(neighbour.getByTestId('comment-form')).toBeVisible();
  await expect(neighbour.getByTestId('reply-form')).toHaveCount(0);
  await neighbourContext.close();

  // The resident is told, through the header's menu (a 360 px phone), and the notice leads back to the comment.
  await page.getByTestId('menu-button').click();
  await page.getByTestId('nav-notifications').click();
  const notice = page.getByTestId('notification').filter({ hasText: '官方回复' }).first();
  await expect(notice).toContainText('您对「议事会议事规则培训」的评论收到了官方回复（王芳（示例），社区工作人员）');
  await notice.getByRole('link').click();
  await expect(page).toHaveURL(/\/projects\/LTJD-LHSQ-2026-02#comment-/);
});
