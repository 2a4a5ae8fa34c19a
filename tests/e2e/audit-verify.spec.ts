/**
 * Anyone can check the audit log from the outside (issue 19): a visitor
 * verifies the whole log in the browser against the site's signed
 * checkpoints and one copied from a printed notice; a printed notice carries
 * the latest checkpoint as text and as a QR code that opens the check; and a
 * log cut short after a notice was printed fails against it.
 */
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { test, expect } from './helpers.ts';
import type { Page } from '@playwright/test';

/** A project of the demo whose public notice the site prints (笋西, in notice since 18 November). */
const NOTICED = 'SGJD-SXSQ-2026-04';

/** The checkpoint a printed sheet carries, as "SEQ:HASH". */
async function printedCheckpoint(page: Page): Promise<{ seq: number; hash: string; text: string }> {
  const box = page.getByTestId('audit-checkpoint');
  await expect(box).toBeVisible();
  const text = (await box.getAttribute('data-checkpoint'))!;
  expect(text).toMatch(/^\d+:[0-9a-f]{64}$/);
  const [seq, hash] = text.split(':') as [string, string];
  // The printed text is the same checkpoint, in four groups of sixteen to copy by hand.
  await expect(page.getByTestId('audit-checkpoint-text')).toHaveText(`${seq}:${hash.match(/.{16}/g)!.join(' ')}`);
  return { seq: Number(seq), hash, text };
}

test('a visitor verifies the whole audit log in the browser against the latest checkpoint', async ({ page, request }) => {
  await page.goto('/audit');
  const latest = await page.getByTestId('audit-latest-checkpoint').innerText();
  const typed = latest.split('·')[0]!.trim();
  expect(typed).toMatch(/^\d+:[0-9a-f]{64}$/);
  await expect(page.getByTestId('audit-key')).toHaveText((await (await request.get('/api/audit/key')).json()).publicKey);
  await page.getByRole('link', { name: '在浏览器中核验整个日志' }).click();
  await expect(page).toHaveURL(/\/audit\/verify$/);
  await page.getByLabel('公示上印的检查点（可不填）').fill(`${typed}\n`);
  await page.getByRole('button', { name: '开始核验' }).click();
  const result = page.getByTestId('chain-result');
  await expect(result).toHaveAttribute('data-outcome', 'intact', { timeout: 60_000 });
  const signed = (await (await request.get('/api/audit/checkpoints')).json()).items.length;
  // Every checkpoint the site signed, and the one typed in, match; the count is the download's.
  await expect(result).toContainText(new RegExp(`审计日志完好：共 \\d+ 条记录，链头 [0-9a-f]{64}。检查点 (\\d+)/\\1 全部吻合。`));
  const [, k] = /检查点 (\d+)\//.exec(await result.innerText())!;
  expect(Number(k)).toBeGreaterThanOrEqual(signed + 1);
  const seq = Number(typed.split(':')[0]);
  const [, n] = /共 (\d+) 条记录/.exec(await result.innerText())!;
  expect(Number(n)).toBeGreaterThanOrEqual(seq);

  // A checkpoint the log does not have is named as a rewrite, in words.
  const hash = typed.split(':')[1]!;
  await page.getByLabel('公示上印的检查点（可不填）').fill(`${seq - 1}:${hash}`);
  await page.getByRole('button', { name: '开始核验' }).click();
  await expect(result).toHaveAttribute('data-outcome', 'failed', { timeout: 60_000 });
  await expect(result).toContainText(`第 ${seq - 1} 条的哈希与你填写的检查点不符（检查点为 ${hash}）：日志被改写过。`);

  // Something that is not a checkpoint is refused before anything is downloaded.
  await page.getByLabel('公示上印的检查点（可不填）').fill('第五条');
  await page.getByRole('button', { name: '开始核验' }).click();
  await expect(result).toHaveText('第 1 行不是检查点：应为“序号:哈希”，哈希为 64 位十六进制。');
  await expect(page.getByLabel('公示上印的检查点（可不填）')).toHaveAttribute('aria-invalid', 'true');
});

test('a printed notice carries the latest audit checkpoint as text and a QR code', async ({ page, request, baseURL }) => {
  await page.goto(`/projects/${NOTICED}/notice`);
  await expect(page.getByTestId('notice-sheet')).toBeVisible();
  const cp = await printedCheckpoint(page);
  // It is a checkpoint the site signed, and the newest one when the page was made.
  const { items } = await (await request.get('/api/audit/checkpoints')).json();
  const signed = items.find((c: { seq: number; hash: string }) => c.seq === cp.seq && c.hash === cp.hash);
  expect(signed).toBeTruthy();
  expect(items.at(-1).seq).toBeGreaterThanOrEqual(cp.seq);
  // The QR code, read from the sheet as a phone would, opens the check with the checkpoint filled in.
  const shot = PNG.sync.read(await page.getByTestId('audit-checkpoint-qr').screenshot());
  const read = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
  expect(read?.data).toBe(`${baseURL}/audit/verify?checkpoint=${cp.text}`);
  await page.goto(read!.data);
  await expect(page.getByLabel('公示上印的检查点（可不填）')).toHaveValue(cp.text);
  await expect(page.getByTestId('chain-result')).toHaveAttribute('data-outcome', 'intact', { timeout: 60_000 });

  // The results notice and the annual report carry it too.
  for (const path of ['/cycles/cy-sunxi-2024/results', '/districts/lh/report']) {
    await page.goto(path);
    await printedCheckpoint(page);
  }
});

test('a truncated log fails verification against a printed checkpoint', async ({ page }) => {
  await page.goto(`/projects/${NOTICED}/notice`);
  const cp = await printedCheckpoint(page);
  // The site is then made to serve a log cut three entries before the printed checkpoint, with its own
  // signed checkpoints gone too: what a server would show after someone deleted its newest entries.
  const keep = cp.seq - 3;
  await page.context().route('**/api/audit.ndjson*', async (route) => {
    const res = await route.fetch();
    const lines = (await res.text()).split('\n').filter((l) => l && JSON.parse(l).seq <= keep);
    await route.fulfill({ response: res, body: lines.map((l) => `${l}\n`).join(''), headers: { ...res.headers(), 'content-encoding': 'identity', 'x-audit-head-seq': String(keep) } });
  });
  await page.context().route('**/api/audit/checkpoints*', (route) => route.fulfill({ json: { items: [], next: null } }));
  await page.goto('/audit/verify');
  await page.getByLabel('公示上印的检查点（可不填）').fill(cp.text);
  await page.getByRole('button', { name: '开始核验' }).click();
  const result = page.getByTestId('chain-result');
  await expect(result).toHaveAttribute('data-outcome', 'failed', { timeout: 60_000 });
  await expect(result).toContainText('核验未通过：');
  await expect(result).toContainText(`日志只到第 ${keep} 条，但你填写的检查点覆盖到第 ${cp.seq} 条：最新的记录被截掉了。`);
  // Without the printed checkpoint the shortened log would have passed: the notice is what caught it.
  await page.getByLabel('公示上印的检查点（可不填）').fill('');
  await page.getByRole('button', { name: '开始核验' }).click();
  await expect(result).toHaveAttribute('data-outcome', 'intact', { timeout: 60_000 });
  await expect(result).toContainText(`共 ${keep} 条记录`);
});
