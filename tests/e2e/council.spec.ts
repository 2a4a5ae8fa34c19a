/**
 * The council's journeys (issue 5), in a real browser as council members,
 * staff and residents would take them. Each journey works on its own
 * project of the test-only 2025 cycle of 笋西社区 (tests/e2e/fixtures/council.ts),
 * so they are independent of each other and of other spec files.
 */
import type { Browser, Page } from '@playwright/test';
import QRCode from 'qrcode';
import { expect, test, signIn } from './helpers.ts';
import { COUNCIL_FIXTURE as F } from './fixtures/council.ts';

async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await signIn(page, username);
  await expect(page.getByTestId('who')).toBeVisible();
  return page;
}

async function openProject(page: Page, title: string) {
  await page.goto(`/projects?q=${encodeURIComponent(title)}`);
  await page.getByRole('link', { name: title, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

/** Staff schedule a meeting of the 2025 test cycle with these projects, publish the agenda and open it; answers the staff page's URL. */
async function openMeetingWith(staff: Page, title: string, ...projects: string[]) {
  await staff.goto(`/staff/sunxi/meetings?cycle=${F.cycleId}`);
  await expect(staff.getByTestId('phase').first()).toHaveText('筛选初审');
  await staff.getByLabel('会议名称').fill(title);
  await staff.getByLabel('时间（北京时间）').fill('2026-11-23T19:30');
  await staff.getByLabel('地点').fill('笋西社区党群服务中心三楼');
  for (const project of projects) await staff.getByLabel(project).check();
  await staff.getByRole('button', { name: '保存会议安排' }).click();
  await expect(staff.getByTestId('done')).toHaveText('会议已安排。请核对议程后公布。');
  await staff.getByRole('button', { name: '公布议程' }).click();
  await expect(staff.getByTestId('done')).toHaveText('议程已公布。');
  await staff.getByRole('button', { name: '开始会议' }).click();
  await expect(staff.getByTestId('meeting-status')).toHaveText('进行中');
  return staff.url().split('?')[0]!;
}

test('a council member screens a proposal out and the reason is published', async ({ browser }) => {
  const member = await as(browser, 'council_sx');
  await member.goto('/communities/sunxi');
  await member.getByTestId('council-link').click();
  await member.getByRole('link', { name: '初审队列' }).click();
  await expect(member.getByTestId('phase').first()).toHaveText('筛选初审');
  const item = member.getByTestId('queue-item').filter({ hasText: F.toScreenOut.title });
  // The automatic check flags the negative list; a person decides.
  await expect(item.getByTestId('checks')).toContainText('命中负面清单“物业”');
  // A council member gives an opinion, but cannot decide: the page says why.
  await expect(member.getByTestId('screen-refusal')).toContainText('您没有执行此操作的权限');
  await item.getByLabel('意见', { exact: true }).selectOption('oppose');
  await item.getByLabel('意见内容（将以您的姓名公开）').fill('楼道保洁属于物业服务企业的职责，建议初审不通过。');
  await item.getByRole('button', { name: '提交意见' }).click();
  await expect(member.getByTestId('done')).toHaveText('意见已记录并公开。');
  await expect(member.getByTestId('queue-item').filter({ hasText: F.toScreenOut.title }).getByTestId('opinions')).toContainText('反对 黄秀英（示例）');

  // Staff read the council member's opinion and decide, with the reason that will be published.
  const staff = await as(browser, 'staff_sx');
  await staff.goto(`/staff/sunxi/screening?cycle=${F.cycleId}`);
  const queued = staff.getByTestId('queue-item').filter({ hasText: F.toScreenOut.title });
  await expect(queued.getByTestId('opinions')).toContainText('楼道保洁属于物业服务企业的职责');
  const reason = '按负面清单，楼道日常保洁属于物业服务企业职责范围内的事项，不纳入民生微实事（议事会成员黄秀英亦持反对意见）。';
  await queued.getByLabel('不通过的理由（必填，将公开）').fill(reason);
  await queued.getByRole('button', { name: '初审不通过' }).click();
  await expect(staff.getByTestId('done')).toHaveText('初审决定已记录并公开。');
  await expect(staff.getByTestId('queue-item').filter({ hasText: F.toScreenOut.title })).toHaveCount(0);

  // Anyone sees the decision, its reason, the opinion and who did what.
  const visitor = await browser.newPage({ locale: 'zh-CN' });
  await openProject(visitor, F.toScreenOut.title);
  await expect(visitor.getByTestId('project-state')).toHaveText('初审未通过');
  await expect(visitor.getByTestId('state-reason')).toHaveText(reason);
  await expect(visitor.getByTestId('opinions')).toContainText('黄秀英（示例）');
  const history = visitor.getByTestId('history');
  await expect(history.locator('li').filter({ hasText: '议事会成员发表初审意见' })).toContainText('议事会成员 · 黄秀英（示例）');
  await expect(history.locator('li').filter({ has: visitor.locator('strong', { hasText: /^初审不通过$/ }) })).toContainText('社区工作人员 · 吴勇（示例）');
  await expect(history.locator('li').last()).toContainText(reason);
});

test('a meeting without quorum cannot record votes', async ({ browser }) => {
  const staff = await as(browser, 'staff_sx');
  const url = await openMeetingWith(staff, '议事会临时会议（出席不足）', F.noQuorum.title);
  // Four of seven present: not more than two thirds.
  const expected = staff.getByRole('group', { name: /应到成员/ }).getByRole('checkbox');
  await expect(expected).toHaveCount(7);
  for (let i = 0; i < 4; i++) await expected.nth(i).check();
  await staff.getByRole('button', { name: '登记出席' }).click();
  await expect(staff.getByTestId('quorum')).toHaveText('应到 7 人，实到 4 人，未达到法定人数（须超过三分之二，即至少 5 人）。');
  const item = staff.getByTestId('agenda-item').filter({ hasText: F.noQuorum.title });
  await expect(item.getByTestId('no-vote-reason')).toContainText('不能登记表决：出席人数未达到法定人数，不能表决');
  await expect(item.getByRole('radio')).toHaveCount(0);
  await expect(item.getByRole('button', { name: '计票并作出决议' })).toHaveCount(0);

  // Nor through the API: the same rule answers.
  const meetingId = url.split('/').at(-1)!;
  const itemId = (await item.getAttribute('id'))!.replace('item-', '');
  const meeting = await (await staff.request.get(`/api/meetings/${meetingId}`)).json();
  const present = meeting.members.filter((m: { present: boolean }) => m.present);
  const res = await staff.request.post(`/api/meetings/${meetingId}/items/${itemId}/votes`, { data: { votes: [{ accountId: present[0].accountId, vote: 'for' }] } });
  expect(res.status()).toBe(409);
  expect((await res.json()).error.code).toBe('no_quorum');

  // The chair, present, sees the reason on the public page instead of vote buttons.
  const chair = await as(browser, 'council_sx');
  await chair.goto(`/meetings/${meetingId}`);
  await expect(chair.getByTestId('my-vote-reason')).toContainText('出席人数未达到法定人数，不能表决');
  await expect(chair.getByRole('button', { name: '赞成' })).toHaveCount(0);

  // The meeting closes without a vote, the item carried over; the public record says so.
  await staff.getByLabel('会议纪要').fill('出席 4 人，未达到法定人数，本次会议不作表决，项目留待下次会议。');
  await staff.getByLabel(`结转下次会议：${F.noQuorum.title}`).check();
  await staff.getByLabel(`结转理由（将公开）：${F.noQuorum.title}`).fill('出席人数未达到法定人数，不能表决。');
  await staff.getByRole('button', { name: '闭会并公布纪要' }).click();
  await expect(staff.getByTestId('meeting-status')).toHaveText('已闭会');
  const visitor = await browser.newPage({ locale: 'zh-CN' });
  await visitor.goto(`/meetings/${meetingId}`);
  await expect(visitor.getByTestId('quorum')).toContainText('未达到法定人数');
  await expect(visitor.getByTestId('present')).toContainText('黄秀英（示例）');
  await expect(visitor.getByTestId('minutes')).toHaveText('出席 4 人，未达到法定人数，本次会议不作表决，项目留待下次会议。');
  await expect(visitor.getByTestId('record-item').getByTestId('outcome')).toHaveText('结转下次会议：出席人数未达到法定人数，不能表决。');
  await expect(visitor.getByTestId('votes')).toHaveCount(0);
  await openProject(visitor, F.noQuorum.title);
  await expect(visitor.getByTestId('project-state')).toHaveText('议事会评议中');
});

test('closing a meeting with undecided items is refused and names them', async ({ browser }) => {
  const staff = await as(browser, 'staff_sx');
  const url = await openMeetingWith(staff, '议事会第四次会议（结转）', F.toCarryOver.title, F.toCarryOverToo.title);
  const meetingId = url.split('/').at(-1)!;
  const expected = staff.getByRole('group', { name: /应到成员/ }).getByRole('checkbox');
  for (let i = 0; i < 7; i++) await expected.nth(i).check();
  await staff.getByRole('button', { name: '登记出席' }).click();
  await expect(staff.getByTestId('quorum')).toContainText('达到法定人数');
  const codeOf = async (title: string) => (await staff.getByTestId('agenda-item').filter({ hasText: title }).locator('.mono').textContent())!.trim();
  const [code1, code2] = [await codeOf(F.toCarryOver.title), await codeOf(F.toCarryOverToo.title)];

  // Neither item was voted on: closing is refused, and the error names both.
  await staff.getByLabel('会议纪要').fill('两个议题的报价尚未核实，本次会议不作表决。');
  await staff.getByRole('button', { name: '闭会并公布纪要' }).click();
  await expect(staff.getByTestId('error')).toHaveText(
    `还有议题未作出决议，不能闭会；请先表决，或将其逐项结转下次会议并写明理由：${code1} ${F.toCarryOver.title}、${code2} ${F.toCarryOverToo.title}`,
  );
  await expect(staff.getByTestId('meeting-status')).toHaveText('进行中');
  // What was typed is still there.
  await expect(staff.getByLabel('会议纪要')).toHaveValue('两个议题的报价尚未核实，本次会议不作表决。');

  // Carrying over only one is still refused, naming the other.
  const reason1 = '音响报价只有一家，须补充比价后再议。';
  await staff.getByLabel(`结转下次会议：${F.toCarryOver.title}`).check();
  await staff.getByLabel(`结转理由（将公开）：${F.toCarryOver.title}`).fill(reason1);
  await staff.getByRole('button', { name: '闭会并公布纪要' }).click();
  await expect(staff.getByTestId('error')).toHaveText(`还有议题未作出决议，不能闭会；请先表决，或将其逐项结转下次会议并写明理由：${code2} ${F.toCarryOverToo.title}`);

  // Both carried over, each with its reason: the meeting closes.
  const reason2 = '须先征求消防部门对标线方案的意见。';
  await expect(staff.getByLabel(`结转下次会议：${F.toCarryOver.title}`)).toBeChecked();
  await staff.getByLabel(`结转下次会议：${F.toCarryOverToo.title}`).check();
  await staff.getByLabel(`结转理由（将公开）：${F.toCarryOverToo.title}`).fill(reason2);
  await staff.getByRole('button', { name: '闭会并公布纪要' }).click();
  await expect(staff.getByTestId('done')).toHaveText('已闭会，纪要已公布。');
  await expect(staff.getByTestId('meeting-status')).toHaveText('已闭会');

  // In public: each item carried over, with its reason; the projects are still under deliberation.
  const visitor = await browser.newPage({ locale: 'zh-CN' });
  await visitor.goto(`/meetings/${meetingId}`);
  await expect(visitor.getByTestId('minutes')).toHaveText('两个议题的报价尚未核实，本次会议不作表决。');
  await expect(visitor.getByTestId('record-item').filter({ hasText: F.toCarryOver.title }).getByTestId('outcome')).toHaveText(`结转下次会议：${reason1}`);
  await expect(visitor.getByTestId('record-item').filter({ hasText: F.toCarryOverToo.title }).getByTestId('outcome')).toHaveText(`结转下次会议：${reason2}`);
  await expect(visitor.getByTestId('record-item').filter({ hasText: F.toCarryOver.title })).toContainText('议事会评议中');
  await visitor.goto(`/audit?subject=${meetingId}`);
  await expect(visitor.getByText(reason1)).toBeVisible();

  // The carried-over projects can go on the next meeting's agenda.
  await staff.goto(`/staff/sunxi/meetings?cycle=${F.cycleId}`);
  await expect(staff.getByLabel(F.toCarryOver.title)).toBeEnabled();
  await expect(staff.getByLabel(F.toCarryOverToo.title)).toBeEnabled();
});

test('the council adopts a project and it enters public notice', async ({ browser }) => {
  const staff = await as(browser, 'staff_sx');
  const url = await openMeetingWith(staff, '议事会第三次会议（长者活动室）', F.toAdopt.title);
  const meetingId = url.split('/').at(-1)!;
  const expected = staff.getByRole('group', { name: /应到成员/ }).getByRole('checkbox');
  for (let i = 0; i < 7; i++) await expected.nth(i).check();
  await staff.getByRole('button', { name: '登记出席' }).click();
  await expect(staff.getByTestId('quorum')).toHaveText('应到 7 人，实到 7 人，达到法定人数（须超过三分之二，即至少 5 人）。');

  // The chair casts her own vote on the public meeting page.
  const chair = await as(browser, 'council_sx');
  await chair.goto(`/meetings/${meetingId}`);
  await chair.getByTestId('my-vote').getByRole('button', { name: '赞成' }).click();
  await expect(chair.getByTestId('done')).toHaveText('您的表决已登记。');
  await expect(chair.getByTestId('my-vote')).toContainText('您目前的表决：赞成');

  // Staff record the presentation, the discussion and the other six votes from the show of hands.
  await staff.reload();
  const item = staff.getByTestId('agenda-item').filter({ hasText: F.toAdopt.title });
  await item.getByLabel('提议方介绍').fill('居委会介绍：三台空调已使用十二年，夏季经常停机。');
  await item.getByLabel('讨论摘要').fill('成员建议选用一级能效产品，并由社区负责日常维护。');
  await item.getByRole('button', { name: '保存介绍与讨论' }).click();
  await expect(staff.getByTestId('done')).toHaveText('介绍与讨论已保存。');
  const votes: [string, string][] = [['彭建军（示例）', '赞成'], ['曾凤英（示例）', '赞成'], ['蒋涛（示例）', '赞成'], ['蔡美玲（示例）', '赞成'], ['余国平（示例）', '反对'], ['杜小燕（示例）', '弃权']];
  for (const [name, vote] of votes) await item.getByRole('group', { name }).getByLabel(vote).check();
  await expect(item.getByRole('group', { name: '黄秀英（示例）' }).getByLabel('赞成')).toBeChecked();
  await item.getByRole('button', { name: '登记表决' }).click();
  await expect(staff.getByTestId('done')).toHaveText('表决已登记。');
  const recorded = staff.getByTestId('agenda-item').filter({ hasText: F.toAdopt.title });
  await expect(recorded.getByTestId('tally')).toContainText('目前：赞成 5 票，反对 1 票，弃权 1 票，未表决 0 人');
  await recorded.getByRole('button', { name: '计票并作出决议' }).click();
  await expect(staff.getByTestId('done')).toHaveText('已作出决议。');
  const outcome = '应到 7 人，实到 7 人；赞成 5 票，反对 1 票，弃权 1 票；过半数（至少须 4 票赞成），通过。';
  await expect(staff.getByTestId('agenda-item').getByTestId('outcome')).toHaveText(`通过：${outcome}`);
  await staff.getByRole('button', { name: '闭会并公布纪要' }).click();
  await expect(staff.getByTestId('meeting-status')).toHaveText('已闭会');

  // In public: each member's vote by name, the computed outcome, the minutes.
  const visitor = await browser.newPage({ locale: 'zh-CN' });
  await visitor.goto(`/meetings/${meetingId}`);
  const table = visitor.getByTestId('votes');
  await expect(table.getByRole('row', { name: '黄秀英（示例） 赞成' })).toBeVisible();
  await expect(table.getByRole('row', { name: '余国平（示例） 反对' })).toBeVisible();
  await expect(table.getByRole('row', { name: '杜小燕（示例） 弃权' })).toBeVisible();
  await expect(visitor.getByTestId('record-item').getByTestId('outcome')).toHaveText(`通过：${outcome}`);
  await expect(visitor.getByTestId('minutes')).toContainText('议题1：长者活动室空调更换');
  // The project is in public notice for the rulebook's five days.
  await visitor.getByTestId('record-item').getByRole('link', { name: F.toAdopt.title }).click();
  await expect(visitor.getByTestId('project-state')).toHaveText('公示中');
  await expect(visitor.getByTestId('notice-state')).toHaveText('公示中');
  await expect(visitor.getByTestId('notice')).toContainText('还剩 5 天');
  await expect(visitor.getByTestId('state-reason')).toHaveText(`议事会会议「议事会第三次会议（长者活动室）」（2026-11-23）：${outcome}`);
  await expect(visitor.getByTestId('history').locator('li').last()).toContainText('记录决议：通过');
  await expect(visitor.getByTestId('history').locator('li').last()).toContainText('社区工作人员 · 吴勇（示例）');
  await expect(visitor.getByTestId('project-meetings')).toContainText('议事会第三次会议（长者活动室）');
});

test('an upheld objection returns the project to deliberation', async ({ browser }) => {
  const resident = await as(browser, 'resident_sx');
  await openProject(resident, F.toObject.title);
  await expect(resident.getByTestId('notice-state')).toHaveText('公示中');
  await resident.getByLabel('异议理由').fill('广场健身器材去年已由街道统一更换，本项目属于重复建设。');
  await resident.getByRole('button', { name: '提交异议' }).click();
  await expect(resident.getByTestId('council-done')).toHaveText('异议已提交，工作人员答复后会公开。');
  await expect(resident.getByTestId('objections')).toContainText('居民（您提出的）');
  await expect(resident.getByTestId('objections')).toContainText('待答复');

  const staff = await as(browser, 'staff_sx');
  await openProject(staff, F.toObject.title);
  const objection = staff.getByTestId('objections').locator('li').filter({ hasText: '本项目属于重复建设' });
  const answer = '经核实，街道已于 2025 年统一更换该处健身器材，异议成立，退回议事会重新评议。';
  await objection.getByLabel('答复内容（将公开）').fill(answer);
  await objection.getByRole('button', { name: '异议成立，退回评议' }).click();
  await expect(staff.getByTestId('council-done')).toHaveText('已答复：异议成立，项目退回议事会评议。');
  await expect(staff.getByTestId('project-state')).toHaveText('议事会评议中');
  await expect(staff.getByTestId('state-reason')).toHaveText(answer);
  await expect(staff.getByTestId('notice-state')).toHaveText('异议成立，已退回议事会评议');

  // The public sees the objection (from 居民, never the person), the answer by name, and the history.
  const visitor = await browser.newPage({ locale: 'zh-CN' });
  await openProject(visitor, F.toObject.title);
  await expect(visitor.getByTestId('objections')).toContainText('居民 ·');
  await expect(visitor.getByTestId('objections')).not.toContainText('您提出的');
  await expect(visitor.getByTestId('objections')).toContainText(`答复（吴勇（示例）`);
  const history = visitor.getByTestId('history');
  await expect(history.locator('li').filter({ hasText: '居民提出异议' })).toContainText('居民');
  await expect(history.locator('li').last()).toContainText('异议成立，退回评议');
  await expect(history.locator('li').last()).toContainText(answer);
  // It can go on the next meeting's agenda.
  await staff.goto(`/staff/sunxi/meetings?cycle=${F.cycleId}`);
  await expect(staff.getByLabel(F.toObject.title)).toBeVisible();
});

test('a notice period without objections approves the project', async ({ page }) => {
  // Adopted six days ago; its five-day notice ended yesterday with no objection. The server's clock approved it.
  await openProject(page, F.approvedByClock.title);
  await expect(page.getByTestId('project-state')).toHaveText('已立项');
  await expect(page.getByTestId('notice-state')).toHaveText('公示期满，已立项');
  await expect(page.getByTestId('no-objections')).toHaveText('没有异议。');
  await expect(page.getByRole('heading', { name: '提出异议' })).toHaveCount(0);
  const last = page.getByTestId('history').locator('li').last();
  await expect(last).toContainText('公示期满，立项');
  await expect(last).toContainText('公示中 → 已立项');
  await expect(last).toContainText('系统');
  // The adopting meeting is linked, with its outcome.
  await page.getByTestId('project-meetings').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('议事会 2025 年度第一次会议（测试）');
  await expect(page.getByTestId('record-item').getByTestId('outcome')).toContainText('通过');
});

test('a notice prints on one A4 page with a QR code', async ({ page, baseURL }) => {
  await openProject(page, F.toPrint.title);
  const code = (await page.locator('dl.facts dd.mono').first().textContent())!.trim();
  await page.getByRole('link', { name: '打印公示（A4）' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${code}/notice$`));
  const sheet = page.getByTestId('notice-sheet');
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('民生微实事项目公示');
  await expect(page.getByTestId('notice-code')).toHaveText(code);
  await expect(page.getByTestId('notice-title')).toHaveText(F.toPrint.title);
  await expect(page.getByTestId('notice-cost')).toHaveText('2.5万元');
  await expect(page.getByTestId('notice-decision')).toContainText('赞成 6 票');
  await expect(page.getByTestId('notice-period')).toContainText('（5 天）');
  await expect(sheet).toContainText('如何提出异议');
  // The QR code encodes the project's absolute address: the same SVG as encoding that URL ourselves.
  const url = `${baseURL}/projects/${code}`;
  await expect(page.getByTestId('notice-url')).toHaveText(url);
  const modules = (svg: string) => [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);
  const expected = modules(await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }));
  expect(expected.length).toBe(2);
  expect(modules(await page.getByTestId('notice-qr').innerHTML())).toEqual(expected);
  await expect(page.getByTestId('notice-qr').locator('svg')).toBeVisible();
  // The print button opens the print dialog (its handler is a bundled script: the policy refuses onclick="…").
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByRole('button', { name: '打印' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  // Printed: the site's header is gone and it fits one A4 page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
});

test("the council's members are listed with their attendance", async ({ page }) => {
  // A visitor, not signed in, follows 议事会 from the community page.
  await page.goto('/communities/sunxi');
  await page.getByTestId('council-members-link').click();
  await expect(page).toHaveURL(/\/communities\/sunxi\/council$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('笋西社区议事会成员');
  await expect(page.getByTestId('term-dates')).toHaveText('本届任期：2025年1月1日 至 2027年12月31日');
  const members = page.getByTestId('council-member');
  await expect(members).toHaveCount(7);
  // The chair first, under her name, with her term, attendance and votes (she voted against at the fixture's meetings).
  const chair = members.first();
  await expect(chair.getByTestId('member-name')).toHaveText('黄秀英（示例）');
  await expect(chair.getByRole('heading', { level: 3 })).toContainText('召集人');
  await expect(chair).toContainText('任期 2025年1月1日 至 2027年12月31日');
  const attendance = (await chair.getByTestId('member-attendance').textContent())!;
  const [, attended, held] = attendance.match(/^出席已召开的会议 (\d+) \/ (\d+) 次$/)!;
  // The fixture's two meetings had everyone present; other journeys may hold more meetings meanwhile.
  expect(Number(held)).toBeGreaterThanOrEqual(2);
  expect(Number(attended)).toBeGreaterThanOrEqual(2);
  expect(Number(attended)).toBeLessThanOrEqual(Number(held));
  const against = Number((await chair.getByTestId('member-votes').textContent())!.match(/反对 (\d+)/)![1]);
  expect(against).toBeGreaterThanOrEqual(3);
  await expect(members.nth(1)).toContainText('成员');

  // Each vote is listed per meeting and item, linked to the meeting's public record.
  await chair.locator('summary').click();
  const first = chair.getByTestId('member-vote-list').locator('li').filter({ hasText: F.approvedByClock.title });
  await expect(first).toContainText('反对');
  await first.getByRole('link', { name: '议事会 2025 年度第一次会议（测试）' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('议事会 2025 年度第一次会议（测试）');
  await expect(page.getByTestId('present')).toContainText('黄秀英（示例）');
  // And the meeting page links back to the members.
  await page.getByTestId('council-members-link').click();
  await expect(page).toHaveURL(/\/communities\/sunxi\/council$/);

  // In English too; an unknown community is not found.
  await page.context().addCookies([{ name: 'lang', value: 'en', url: page.url() }]);
  await page.goto('/communities/sunxi/council');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Council members of Sunxi Community');
  await expect(page.getByTestId('council-member').first().getByTestId('member-attendance')).toHaveText(/^Attended \d+ of \d+ meetings held$/);
  const res = await page.request.get('/communities/no-such-place/council');
  expect(res.status()).toBe(404);
});
