/**
 * The to-do desk and the next-step panel, on the community of
 * tests/e2e/fixtures/desks.ts (its own staff member and cycle, planned
 * around the day the server started), so the counts and dates are exact.
 */
import { test, expect, signIn, demoNow } from './helpers.ts';
import { chinaDay } from '#domain/cycle-phases.ts';
import { DESKS, desksPlan } from './fixtures/desks.ts';

/** A planned day as the pages write it ("2026年12月16日"). */
const zhDay = (d: string) => new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(new Date(`${d}T00:00:00+08:00`));
const enDay = (d: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(new Date(`${d}T00:00:00+08:00`));
const planned = (phase: string) => desksPlan(chinaDay(demoNow())).find(([p]) => p === phase)!;

test('the staff desk lists what awaits them and links to each task', async ({ page }) => {
  await signIn(page, DESKS.staff);
  await expect(page).toHaveURL(/\/staff$/);
  const desk = page.getByTestId('todo-desk');
  await expect(desk.getByRole('heading', { level: 2, name: '待办' })).toBeVisible();
  await expect(desk.getByTestId('todo-total')).toHaveText('共 4 项待办');
  // Three kinds, nothing else: two proposals to screen, one project to put on an agenda, one agreement to sign.
  await expect(desk.locator('section[data-testid^="todo-"]')).toHaveCount(3);
  const screening = desk.getByTestId('todo-screening');
  await expect(screening.getByRole('heading')).toHaveText('待初审的提案（2）');
  await expect(screening.getByTestId('todo-item')).toHaveCount(2);
  await expect(screening.getByTestId('todo-item').first()).toContainText(`截止 ${zhDay(planned('screening')[2])}`);
  await expect(desk.getByTestId('todo-meetings_to_schedule').getByRole('heading')).toHaveText('待安排上会的项目（1）');
  const agreements = desk.getByTestId('todo-agreements_to_sign');
  await expect(agreements.getByRole('heading')).toHaveText('待签订实施协议的项目（1）');
  await expect(agreements.getByTestId('todo-item')).toContainText(`截止 ${zhDay(planned('implementation')[1])}`);

  // A proposal to screen opens the screening queue of its cycle, where its decision buttons are.
  await screening.getByRole('link', { name: DESKS.waiting[0].title }).click();
  await expect(page).toHaveURL(/\/staff\/desks\/screening\?cycle=cy-desks-2026$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`初审队列 · ${DESKS.communityZh}`);
  const item = page.getByTestId('queue-item').filter({ hasText: DESKS.waiting[0].title });
  await expect(item.getByRole('button', { name: '初审通过' })).toBeVisible();

  // The project waiting for a meeting is offered on the meeting form's agenda.
  await page.goto('/staff');
  await desk.getByTestId('todo-meetings_to_schedule').getByRole('link', { name: DESKS.deliberating.title }).click();
  await expect(page).toHaveURL(/\/staff\/desks\/meetings\?cycle=cy-desks-2026$/);
  await expect(page.getByRole('checkbox', { name: DESKS.deliberating.title })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存会议安排' })).toBeVisible();

  // The approved project opens its delivery page, with the agreement form.
  await page.goto('/staff');
  await agreements.getByRole('link', { name: DESKS.approved.title }).click();
  await expect(page).toHaveURL(/\/staff\/desks\/delivery\/QSJD-DBCS-2026-04$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`办理 · ${DESKS.approved.title}`);
  await expect(page.getByLabel('实施方', { exact: true })).toBeVisible();
  await expect(page.getByLabel('协议金额（元）')).toBeVisible();
});

test('a project page says what happens next, who acts and by when', async ({ page }) => {
  // Approved after its notice: the community's staff sign the agreement before implementation begins.
  await page.goto('/projects/QSJD-DBCS-2026-04');
  const panel = page.getByTestId('next-step');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('下一步');
  await expect(panel.getByTestId('next-now')).toContainText('已立项');
  await expect(panel.getByTestId('next-step-what')).toHaveText('签订实施协议');
  await expect(panel.getByTestId('next-step-who')).toHaveText(`社区工作人员：${DESKS.staffName}`);
  await expect(panel.getByTestId('next-step-by')).toHaveText(`${zhDay(planned('implementation')[1])} 前`);
  await expect(panel.getByTestId('next-step-overdue')).toHaveCount(0);
  // The road: what was done, where it is, what is ahead with its planned dates.
  const steps = panel.getByTestId('next-steps').getByRole('listitem');
  await expect(steps.nth(0)).toContainText('已提交');
  await expect(panel.locator('[aria-current="step"]')).toContainText('已立项');
  await expect(panel.getByTestId('next-steps')).toContainText(`实施中 计划 ${zhDay(planned('implementation')[1])} 至 ${zhDay(planned('implementation')[2])}`);

  // Under deliberation: the council decides, in the deliberation phase; the council's members are one click away.
  await page.goto('/projects/QSJD-DBCS-2026-03');
  await expect(panel.getByTestId('next-step-what')).toHaveText('议事会表决');
  const [, opens, by] = planned('deliberation');
  await expect(panel.getByTestId('next-step-by')).toHaveText(`${zhDay(opens)} 开始，${zhDay(by)} 前完成`);
  await panel.getByRole('link', { name: '社区居民议事会' }).click();
  await expect(page).toHaveURL(/\/communities\/desks\/council$/);

  // The same in English.
  await page.goto('/projects/QSJD-DBCS-2026-01');
  await page.getByTestId('lang-switch').click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('What happens next');
  await expect(panel.getByTestId('next-step-what')).toHaveText('Screening');
  await expect(panel.getByTestId('next-step-who')).toContainText(`The community’s staff or the street office: ${DESKS.staffName}`);
  await expect(panel.getByTestId('next-step-by')).toHaveText(`by ${enDay(planned('screening')[2])}`);
});
