import { expect, test, signIn, unusedCode, uniqueMobile } from './helpers.ts';

test('a newcomer opens the home page and sees the current cycles in Chinese', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('社区民生微实事');
  const cards = page.getByTestId('community-card');
  // The three demo communities (test fixtures may add more).
  await expect(cards.filter({ hasText: /莲花社区|仙湖社区|笋西社区/ })).toHaveCount(3);
  await expect(cards.filter({ hasText: '莲花社区' }).getByTestId('phase')).toHaveText('项目征集');
  await expect(cards.filter({ hasText: '仙湖社区' }).getByTestId('phase')).toHaveText('居民投票');
  await expect(cards.filter({ hasText: '笋西社区' }).getByTestId('phase')).toHaveText('项目实施');
  await expect(page.getByText('示例数据')).toBeVisible();
  // The cycle leads on to its projects.
  await cards.filter({ hasText: '笋西社区' }).getByRole('link', { name: '笋西社区' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('笋西社区');
  await page.getByRole('link', { name: '老旧小区视频监控（天网补点）' }).click();
  await expect(page.getByTestId('project-state')).toHaveText('实施中');
  // Its whole history, from the proposal through the council's decision to delivery.
  const history = page.getByTestId('history');
  await expect(history.locator('li').first()).toContainText('项目登记');
  await expect(history).toContainText('议事会 2026-05-20 会议：应到 7 人，实到 6 人，赞成 6 票，通过。');
  expect(await history.locator('li').count()).toBeGreaterThanOrEqual(8);
});

test('a visitor switches the site to English and it stays English', async ({ page }) => {
  await page.goto('/projects');
  await page.getByTestId('lang-switch').click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projects');
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neighbourhood micro-projects');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const again = await page.context().newPage();
  await again.goto('/communities/xianhu');
  // The current cycle comes first; the community's finished cycles of earlier years are listed after it.
  await expect(again.getByText('Current phase').first()).toBeVisible();
  await expect(again.getByTestId('phase').first()).toHaveText('Resident vote');
  // And back to Chinese.
  await again.getByTestId('lang-switch').click();
  await expect(again.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('a resident signs up, verifies residency with a code, and signs in', async ({ page, baseURL }) => {
  const code = await unusedCode(baseURL!, 'staff_xh', 'xianhu');
  const mobile = uniqueMobile();
  await page.goto('/');
  await page.getByRole('link', { name: '注册' }).click();
  await page.getByLabel('手机号或用户名').fill(mobile);
  await page.getByLabel('称呼').fill('林阿姨');
  await page.getByLabel('密码').fill('my-secret-1');
  await page.getByRole('button', { name: '注册' }).click();

  await expect(page).toHaveURL(/\/verify/);
  await expect(page.getByTestId('who')).toContainText('林阿姨');
  // A wrong code first: a clear message tied to the field.
  await page.getByLabel('核验码').fill('ZZZZ-ZZZZ');
  await page.getByRole('button', { name: '核验' }).click();
  await expect(page.getByText('核验码不正确，请核对纸条上的 8 位码')).toBeVisible();
  await expect(page.getByLabel('核验码')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('核验码').fill(code.toLowerCase());
  await page.getByRole('button', { name: '核验' }).click();
  await expect(page.getByTestId('verify-done')).toContainText('核验成功！您现在是仙湖社区的核验居民。');
  await expect(page.getByTestId('who')).toContainText('居民 · 仙湖社区');

  await page.getByRole('button', { name: '退出' }).first().click();
  await expect(page.getByTestId('who')).toHaveCount(0);
  await signIn(page, mobile, 'my-secret-1');
  await expect(page).toHaveURL(/\/account/);
  await expect(page.getByTestId('roles')).toContainText('居民 · 仙湖社区');
  await expect(page.getByTestId('who')).toContainText('林阿姨');
});

test('a wrong password shows a clear error and creates no session', async ({ page }) => {
  await signIn(page, 'resident_lt', 'not-the-password');
  await expect(page.getByTestId('form-error')).toHaveText('手机号/用户名或密码不正确');
  await expect(page.getByLabel('手机号或用户名')).toHaveValue('resident_lt');
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'wss_session')).toBeUndefined();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByTestId('who')).toHaveCount(0);
});

test('a resident cannot open the staff pages', async ({ page }) => {
  await signIn(page, 'resident_lt');
  await expect(page.getByTestId('who')).toContainText('居民 · 莲花社区');
  await expect(page.getByRole('link', { name: '工作台' })).toHaveCount(0);
  const res = await page.goto('/staff');
  expect(res?.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toBeVisible();
  const reg = await page.goto('/staff/lianhua');
  expect(reg?.status()).toBe(403);
  await expect(page.getByTestId('register')).toHaveCount(0);
  const slips = await page.goto('/staff/lianhua/slips');
  expect(slips?.status()).toBe(403);
  await expect(page.getByTestId('slip-code')).toHaveCount(0);
  const api = await page.request.get('/api/communities/lianhua/register');
  expect(api.status()).toBe(403);
});
