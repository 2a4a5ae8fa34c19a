import { createHash } from 'node:crypto';
import { expect, signIn, test } from './helpers.ts';
import { IMPORT_CYCLE } from './fixtures/imports.ts';

/** The offline vote's file: voter ids are 莲花's register numbers; project ids the fixture's project codes. */
function pb(votes: [string, string][]) {
  return ['META', 'key;value', 'budget;500000', 'vote_type;approval', 'PROJECTS', 'project_id;cost', 'LTJD-LHSQ-2024-01;200000', 'LTJD-LHSQ-2024-02;100000', 'VOTES', 'voter_id;vote', ...votes.map(([v, p]) => `${v};${p}`)].join('\n') + '\n';
}
const file = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });

test('staff import an offline vote; it counts only after a second person approves it', async ({ browser }) => {
  const uploader = await browser.newPage();
  await signIn(uploader, 'staff_lt');
  await uploader.goto('/staff/lianhua/delivery/import');
  await uploader.getByLabel('轮次').selectOption(IMPORT_CYCLE);

  // An invented voter is refused by its line, and nothing is imported.
  await uploader.getByLabel('.pb 文件（不超过 16 MB）').setInputFiles(file('bad.pb', pb([['LHSQ-0001', 'LTJD-LHSQ-2024-01'], ['x1', 'LTJD-LHSQ-2024-02']])));
  await uploader.getByRole('button', { name: '开始导入' }).click();
  await expect(uploader.getByTestId('form-error')).toHaveText(/第 12 行 x1：不在名册中/);

  const good = pb([['LHSQ-0001', 'LTJD-LHSQ-2024-01'], ['LHSQ-0002', 'LTJD-LHSQ-2024-01,LTJD-LHSQ-2024-02'], ['LHSQ-0003', 'LTJD-LHSQ-2024-02']]);
  const sha256 = createHash('sha256').update(good, 'utf8').digest('hex');
  await uploader.getByLabel('轮次').selectOption(IMPORT_CYCLE);
  await uploader.getByLabel('.pb 文件（不超过 16 MB）').setInputFiles(file('offline-2024.pb', good));
  await uploader.getByRole('button', { name: '开始导入' }).click();
  const progress = uploader.getByTestId('import-progress');
  await expect(progress).toHaveAttribute('data-status', 'pending', { timeout: 10_000 });
  await expect(uploader.getByTestId('import-sha256')).toHaveText(sha256);
  await expect(uploader.getByTestId('import-voters')).toHaveText('3');
  // The uploader cannot approve their own file: no review form, a note instead.
  await expect(uploader.getByTestId('own-upload')).toBeVisible();
  await expect(uploader.getByRole('button', { name: '核对无误，批准计入' })).toHaveCount(0);
  const importUrl = uploader.url();

  // Not counted yet: the results page says why.
  await uploader.goto(`/cycles/${IMPORT_CYCLE}/results`);
  await expect(uploader.getByTestId('results-pending')).toBeVisible();
  await expect(uploader.getByTestId('import')).toHaveAttribute('data-status', 'pending');
  await uploader.close();

  // The second person checks the summary and approves.
  const reviewer = await browser.newPage();
  await signIn(reviewer, 'staff2_lt');
  // Their desk says a file waits for them, and leads there.
  await expect(reviewer).toHaveURL(/\/staff$/);
  await expect(reviewer.getByTestId('imports-pending')).toHaveText('1 个导入等待核对');
  await reviewer.getByRole('link', { name: '线下投票的选票导入' }).click();
  await reviewer.getByRole('link', { name: 'offline-2024.pb' }).click();
  await expect(reviewer).toHaveURL(importUrl);
  await expect(reviewer.getByTestId('import-tally')).toContainText('LTJD-LHSQ-2024-01');
  await reviewer.getByRole('button', { name: '核对无误，批准计入' }).click();
  await expect(reviewer.getByTestId('done')).toHaveText('已批准：导入的选票已计入，本轮已计票。');
  await expect(reviewer.getByTestId('import-reviewer')).toContainText('孙倩');

  await reviewer.goto(`/cycles/${IMPORT_CYCLE}/results`);
  await expect(reviewer.getByTestId('results-summary')).toContainText('共 3 张有效选票');
  await expect(reviewer.getByTestId('import')).toHaveAttribute('data-status', 'done');
  await expect(reviewer.getByTestId('import')).toContainText(sha256);
  await expect(reviewer.getByTestId('import')).toContainText('上传：王芳（示例） · 核对：孙倩（示例）');
  await reviewer.close();
});
