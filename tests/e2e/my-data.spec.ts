/**
 * 我的信息 and the privacy notice (issue 22, items 4 and 5): a resident sees
 * and downloads everything the site holds about them, closes their account
 * while the public record and the audit chain stay as they were, and every
 * form that collects personal data links the privacy notice. Each journey
 * signs up an account of its own, so no demo account other journeys use is
 * touched.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, signIn, unusedCode, uniqueMobile } from './helpers.ts';
import { sunxiNotice } from './pages.ts';

const PASSWORD = 'my own long password';

/** Sign up through the form as a new person and verify residency in each community with a slip of its register. */
async function newResident(page: Page, baseURL: string, name: string, slips: { staff: string; slug: string }[]) {
  const mobile = uniqueMobile();
  await page.goto('/signup');
  await page.getByLabel('手机号或用户名').fill(mobile);
  await page.getByLabel('称呼').fill(name);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page).toHaveURL(/\/verify/);
  for (const s of slips) {
    await page.goto('/verify');
    await page.getByLabel('核验码').fill(await unusedCode(baseURL, s.staff, s.slug));
    await page.getByRole('button', { name: '核验' }).click();
    await expect(page.getByTestId('verify-done')).toBeVisible();
  }
  return mobile;
}

/** A name nobody else has, so that finding it anywhere means it is this person's. */
const uniqueName = (prefix: string) => `${prefix}${String(Date.now()).slice(-6)}${Math.floor(Math.random() * 90 + 10)}`;

test('a resident downloads everything the site holds about them', async ({ page, baseURL }) => {
  const name = uniqueName('下载测');
  const mobile = await newResident(page, baseURL!, name, [{ staff: 'staff_lt', slug: 'lianhua' }]);
  // Something of each kind: a draft, and a comment on a published project.
  const draftTitle = `我的草稿：楼道扶手${name}`;
  const draft = await page.request.post('/api/cycles/cy-lianhua-2026/proposals', { data: { title: draftTitle, category: 'engineering', theme: 'safety', description: '为老楼加装楼道扶手。', address: '莲花社区 7 栋', estimatedCost: '30000' } });
  expect(draft.status()).toBe(201);
  const commentText = `支持，希望尽快实施（${name}）`;
  expect((await page.request.post('/api/projects/LTJD-LHSQ-2026-01/comments', { data: { body: commentText } })).status()).toBe(201);
  // Signing in again leaves a line in the sign-in history.
  await page.getByRole('button', { name: '退出' }).first().click();
  await signIn(page, mobile, PASSWORD);

  await page.goto('/account');
  await page.getByTestId('account-my-data').click();
  await expect(page).toHaveURL(/\/account\/data$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的信息');
  await expect(page.getByTestId('my-mobile')).toHaveText(mobile);
  await expect(page.getByTestId('my-display-name')).toHaveText(name);
  await expect(page.getByTestId('my-register')).toContainText('莲花社区');
  await expect(page.getByTestId('my-register-name')).not.toBeEmpty();
  await expect(page.getByTestId('my-proposals')).toContainText(draftTitle);
  await expect(page.getByTestId('my-comments')).toContainText(commentText);
  await expect(page.getByTestId('my-security-event').filter({ hasText: '登录' }).first()).toBeVisible();
  await expect(page.getByTestId('my-sessions')).toContainText('当前这台设备');
  // Printable: on paper the page is the record, without the forms.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('my-close')).toBeHidden();
  await expect(page.getByTestId('my-proposals')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The download: all of it, as JSON.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('my-data-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(data.format).toBe('weishishi-my-data/1');
  expect(data.account).toMatchObject({ mobile, displayName: name, username: null });
  expect(data.register).toEqual([expect.objectContaining({ community: expect.objectContaining({ slug: 'lianhua' }), name: await page.getByTestId('my-register-name').innerText() })]);
  expect(data.proposals).toEqual([expect.objectContaining({ title: draftTitle, state: 'draft' })]);
  expect(data.comments).toEqual([expect.objectContaining({ projectCode: 'LTJD-LHSQ-2026-01', body: commentText })]);
  expect(data.securityLog.filter((e: { kind: string }) => e.kind === 'sign_in')).toHaveLength(1);
  // The page view and the download are each in the security log: who and when.
  expect(data.securityLog.filter((e: { kind: string }) => e.kind === 'personal_data_export').map((e: { what: string }) => e.what)).toContain('my_data.page');
  const again = await (await page.request.get('/api/me/data')).json();
  expect(again.securityLog.filter((e: { kind: string }) => e.kind === 'personal_data_export').map((e: { what: string }) => e.what)).toEqual(expect.arrayContaining(['my_data.json', 'my_data.page']));

  // Correcting the name: a clear error first, then saved.
  await page.getByLabel('手机号', { exact: true }).fill('12345');
  await page.getByRole('button', { name: '保存更正' }).first().click();
  await expect(page.getByText('请输入 11 位手机号（以 1 开头），或留空')).toBeVisible();
  await expect(page.getByLabel('手机号', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('手机号', { exact: true }).fill(mobile);
  await page.getByLabel('称呼').fill(`${name}改`);
  await page.getByRole('button', { name: '保存更正' }).first().click();
  await expect(page.getByTestId('my-data-saved')).toHaveText('已保存：称呼。');
  await expect(page.getByTestId('my-display-name')).toHaveText(`${name}改`);
});

test('a resident closes their account and the audit log still verifies', async ({ page, browser, baseURL }) => {
  const name = uniqueName('注销测');
  const mobile = await newResident(page, baseURL!, name, [{ staff: 'staff_lt', slug: 'lianhua' }]);
  const commentText = `注销前的留言，请保留（${name.slice(-8)}）`;
  expect((await page.request.post('/api/projects/LTJD-LHSQ-2026-02/comments', { data: { body: commentText } })).status()).toBe(201);
  const draftTitle = `注销前的草稿${name.slice(-8)}`;
  const made = await page.request.post('/api/cycles/cy-lianhua-2026/proposals', { data: { title: draftTitle, category: 'services', theme: 'care', description: '给楼里的老人办一次读书会。', address: '莲花社区', estimatedCost: '5000' } });
  expect(made.status()).toBe(201);
  const draft = await made.json();
  // A second browser signed in as the same person: closing ends its session too.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await signIn(elsewhere, mobile, PASSWORD);
  await expect(elsewhere.getByTestId('who')).toContainText(name);

  await page.goto('/account/data');
  const close = page.getByTestId('my-close-form');
  // The password, and the tick: each refused with its reason, and nothing happens.
  await close.getByLabel('请输入密码确认').fill('not my password');
  await close.getByLabel('我了解注销后无法恢复').check();
  await close.getByRole('button', { name: '注销我的账号' }).click();
  await expect(page.getByText('密码不正确')).toBeVisible();
  await page.getByTestId('my-close-form').getByLabel('请输入密码确认').fill(PASSWORD);
  await page.getByTestId('my-close-form').getByRole('button', { name: '注销我的账号' }).click();
  await expect(page.getByText('请勾选，确认您了解注销后无法恢复')).toBeVisible();
  await page.getByTestId('my-close-form').getByLabel('请输入密码确认').fill(PASSWORD);
  await page.getByTestId('my-close-form').getByLabel('我了解注销后无法恢复').check();
  await page.getByTestId('my-close-form').getByRole('button', { name: '注销我的账号' }).click();
  await expect(page).toHaveURL(/\/account\/closed$/);
  await expect(page.getByTestId('account-closed')).toContainText('您的账号已注销');
  await expect(page.getByTestId('who')).toHaveCount(0);

  // Signed out everywhere, and never in again.
  await elsewhere.reload();
  await expect(elsewhere.getByTestId('who')).toHaveCount(0);
  await other.close();
  await signIn(page, mobile, PASSWORD);
  await expect(page.getByTestId('form-error')).toHaveText('手机号/用户名或密码不正确');

  // The public record stays: the comment is there, by 居民, and the person's name is nowhere on it.
  await page.goto('/projects/LTJD-LHSQ-2026-02');
  const kept = page.getByTestId('comment').filter({ hasText: commentText });
  await expect(kept).toBeVisible();
  await expect(kept).toContainText('居民');
  await expect(page.locator('body')).not.toContainText(name);
  expect((await page.request.get(`/api/proposals/${draft.code}`)).status()).toBe(404);
  // Nothing anyone can download holds the name or the number.
  for (const path of ['/api/open-data/projects.json', '/api/open-data/ratings.csv', '/api/open-data/decisions.csv', '/api/audit.ndjson']) {
    const text = await (await page.request.get(path)).text();
    expect(text, path).not.toContain(name);
    expect(text, path).not.toContain(mobile);
    expect(text, path).not.toContain(draftTitle);
  }

  // The audit log still verifies, in the browser, as anyone checks it…
  await page.goto('/audit/verify');
  await page.getByRole('button', { name: '开始核验' }).click();
  await expect(page.getByTestId('chain-result')).toHaveAttribute('data-outcome', 'intact', { timeout: 60_000 });
  // …and whole, from the database, as `npm run audit:verify` does (entries of an open vote's days included).
  const out = execFileSync(process.execPath, ['scripts/audit-verify.ts'], { env: { ...process.env, DATABASE_URL: `file:${resolve(process.env.E2E_DB || 'test-results/e2e.db')}` }, encoding: 'utf8' });
  expect(out).toMatch(/^audit log intact: \d+ entries, head [0-9a-f]{64}/);
});

test('the privacy notice is linked from every form that collects personal data', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  /** Every form on the page that posts and has something to fill in: each carries the link, inside the form. */
  async function formsLinkTheNotice(where: string, atLeast = 1) {
    const forms = page.locator('main form[method="post"]').filter({ has: page.locator('input:not([type="hidden"]), textarea, select') });
    const n = await forms.count();
    expect(n, `forms on ${where}`).toBeGreaterThanOrEqual(atLeast);
    for (let i = 0; i < n; i++) await expect(forms.nth(i).locator('a[href="/privacy"]'), `form ${i + 1} on ${where}`).toHaveCount(1);
    // And the footer of every page.
    await expect(page.getByTestId('footer-privacy')).toHaveAttribute('href', '/privacy');
  }
  const checked: string[] = [];
  const visit = async (path: string, atLeast = 1) => {
    await page.goto(path);
    await formsLinkTheNotice(path, atLeast);
    checked.push(path);
  };

  // A visitor: signing up and signing in.
  await visit('/signup');
  await visit('/signin');

  // A new resident of 莲花 (proposing), 笋西 (rating, objecting) and 仙湖 (voting): every form they fill in.
  const name = uniqueName('隐私测');
  await newResident(page, baseURL!, name, [{ staff: 'staff_lt', slug: 'lianhua' }, { staff: 'staff_sx', slug: 'sunxi' }, { staff: 'staff_xh', slug: 'xianhu' }]);
  await visit('/verify');
  await visit('/account');
  await visit('/account/data', 5);
  await visit('/cycles/cy-lianhua-2026/propose');
  const made = await page.request.post('/api/cycles/cy-lianhua-2026/proposals', { data: { title: `隐私测试草稿${name.slice(-6)}`, category: 'services', theme: 'care', description: '给楼里的老人办一次读书会。', address: '莲花社区', estimatedCost: '5000' } });
  expect(made.status()).toBe(201);
  const draft = await made.json();
  await visit(`/projects/${draft.code}/edit`);
  // A comment, a satisfaction rating, an objection during public notice.
  await visit('/projects/LTJD-LHSQ-2026-03');
  await expect(page.getByTestId('comment-form').locator('a[href="/privacy"]')).toHaveCount(1);
  await visit('/projects/SGJD-SXSQ-2026-02', 2);
  await expect(page.getByTestId('rating-form').locator('a[href="/privacy"]')).toHaveCount(1);
  await visit(await sunxiNotice(page.request), 2);
  await expect(page.locator('#object form a[href="/privacy"]')).toHaveCount(1);
  await visit('/cycles/cy-xianhu-2026/vote');
  await expect(page.getByTestId('cast')).toBeVisible();

  // Staff: the register import, paper proposals and ballots, the council's members.
  const staff = await browser.newContext();
  const desk = await staff.newPage();
  await signIn(desk, 'staff_lt');
  for (const path of ['/staff/lianhua', '/staff/lianhua/paper-proposal', '/staff/lianhua/council']) {
    await desk.goto(path);
    const forms = desk.locator('main form[method="post"]').filter({ has: desk.locator('input[type="file"], textarea, input[name="login"], input[name="title"]') });
    expect(await forms.count(), path).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < (await forms.count()); i++) await expect(forms.nth(i).locator('a[href="/privacy"]'), `${path} form ${i + 1}`).toHaveCount(1);
  }
  // The register import also says who sees a register and that every export is audited.
  await desk.goto('/staff/lianhua');
  await expect(desk.getByTestId('privacy-note')).toContainText('只有本社区的工作人员能看到');
  await staff.close();
  const xh = await browser.newContext();
  const paper = await xh.newPage();
  await signIn(paper, 'staff_xh');
  await paper.goto('/staff/xianhu/paper-ballots');
  await expect(paper.locator('main form.paper-form a[href="/privacy"]')).toHaveCount(1);
  await xh.close();

  // The notice itself, in plain words, in Chinese and in English: what, why, who sees it, how long, and the person's rights.
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('隐私政策');
  for (const h of ['我们收集什么', '为什么收集', '谁能看到', '保存多久', '您可以怎样查看、下载、更正或删除']) await expect(page.getByRole('heading', { level: 2, name: h })).toBeVisible();
  await expect(page.getByTestId('privacy-notice')).toContainText('安全日志：保存 180 天');
  await expect(page.getByTestId('privacy-notice')).toContainText('只有本社区的工作人员');
  await expect(page.getByTestId('privacy-my-data')).toHaveAttribute('href', '/account/data');
  await page.getByTestId('lang-switch').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice');
  for (const h of ['What we collect', 'Why', 'Who sees it', 'How long it is kept', 'How to see, download, correct or erase it']) await expect(page.getByRole('heading', { level: 2, name: h })).toBeVisible();
  await expect(page.getByTestId('privacy-notice')).toContainText('The security log: 180 days');
  await page.getByTestId('lang-switch').click();
  expect(checked).toHaveLength(11);
});
