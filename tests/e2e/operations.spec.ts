/**
 * The operator's side, seen in a browser: a district officer reads the
 * security log from their account page, filters it and downloads it; a
 * resident is refused. Every answer names its request id.
 */
import { readFileSync } from 'node:fs';
import { test, expect, signIn } from './helpers.ts';

test('a district officer reads the security log, filters it and downloads it', async ({ page, browser, baseURL }) => {
  // Someone guesses a staff member's password from another browser.
  const other = await browser.newContext({ baseURL });
  const guess = await other.newPage();
  await guess.goto('/signin');
  await guess.getByLabel('手机号或用户名').fill('staff_sx');
  await guess.getByLabel('密码', { exact: true }).fill('not-the-password');
  await guess.getByRole('button', { name: '登录' }).click();
  await expect(guess.getByRole('alert')).toBeVisible();
  await other.close();

  await signIn(page, 'officer');
  await page.goto('/account');
  await page.getByTestId('security-link').click();
  await expect(page).toHaveURL(/\/staff\/security$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('安全日志');
  await page.getByLabel('类别').selectOption('sign_in_failed');
  await page.getByLabel('账户编号').fill('demo-staff_sx');
  await page.getByRole('button', { name: '筛选' }).click();
  const rows = page.getByTestId('security-events').locator('tbody tr');
  await expect(rows.first()).toContainText('登录失败');
  await expect(rows.first()).toContainText('demo-staff_sx');
  await expect(rows.first()).toContainText('sign-in');
  // The password typed is nowhere on the page.
  await expect(page.locator('main')).not.toContainText('not-the-password');

  const download = page.waitForEvent('download');
  await page.getByTestId('security-csv').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('id,at,kind,account_id,address,what,outcome,detail,request_id');
  const lines = csv.trim().split('\r\n').slice(1);
  expect(lines.length).toBeGreaterThan(0);
  for (const l of lines) expect(l).toMatch(/,sign_in_failed,demo-staff_sx,/);

  // A range that ends before it starts is said back, not quietly ignored.
  const bad = await page.goto('/staff/security?from=2026-12-07&to=2026-12-01');
  expect(bad!.status()).toBe(400);
  await expect(page.getByTestId('security-to-error')).toHaveText('截止日期不能早于起始日期。');
  await expect(page.getByTestId('security-bad-dates')).toBeVisible();
  expect((await page.request.get('/staff/security.csv?from=not-a-day')).status()).toBe(400);
});

test('a resident may not read the security log', async ({ page }) => {
  await signIn(page, 'resident_lt');
  const res = await page.goto('/staff/security');
  expect(res!.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toHaveText('只有区级工作人员和审计人员可以查看安全日志。');
  await page.goto('/account');
  await expect(page.getByTestId('security-link')).toHaveCount(0);
  const csv = await page.request.get('/staff/security.csv');
  expect(csv.status()).toBe(403);
});

test('every answer carries its request id', async ({ page }) => {
  const res = await page.goto('/');
  expect(res!.headers()['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
  const api = await page.request.get('/api/health');
  expect(api.headers()['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
});
