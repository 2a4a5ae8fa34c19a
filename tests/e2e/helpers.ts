import { expect, request, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo12345';

/** Sign in through the form, as a person would. */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel('手机号或用户名').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** An unused verification code of a community, read by its staff through the API. */
export async function unusedCode(baseURL: string, staff: string, slug: string): Promise<string> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/auth/sign-in', { data: { login: staff, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  const body = await (await api.get(`/api/communities/${slug}/register`)).json();
  await api.dispose();
  const free = (body.items as { verificationCode: string; claimed: boolean }[]).filter((x) => !x.claimed);
  // Parallel workers each take a different slip.
  return free[Math.floor(Math.random() * free.length)].verificationCode;
}

export function uniqueMobile(): string {
  return `139${String(Date.now() % 1e8).padStart(8, '0')}`;
}
