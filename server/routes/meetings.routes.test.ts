import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { accounts, auditLog, councilVotes, cycles } from '#db/schema.ts';
import { at, createCycle, openPhase, seedFixture, step, submitProject, type FixtureProject } from '#tests/e2e/fixtures/council.ts';
import { verifyAuditLog } from '../services/audit.ts';

const NOW = new Date('2026-11-22T12:00:00+08:00');
let t: Awaited<ReturnType<typeof testApp>>;
let nextYear = 2010;

beforeAll(async () => {
  t = await testApp({ seed: true, now: () => NOW });
  await seedFixture(t.ctx);
});
afterAll(() => t.close());

async function as(username: string) {
  const c = client(t.app);
  expect((await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD })).status).toBe(200);
  return c;
}

const project = (title: string, costWan = 5): FixtureProject => ({ title, category: 'goods', theme: 'care', description: `${title}的说明`, address: '笋西社区', costWan });

/** A fresh cycle of 笋西社区 (its own year, so its own budget) with projects under deliberation. */
async function deliberating(projects: FixtureProject[], opts: { budgetWan?: number } = {}) {
  const year = nextYear++;
  const id = `cy-test-${year}`;
  const when = new Date(`${year}-03-01T10:00:00+08:00`);
  await createCycle(at(t.ctx, when), { id, communityId: 'c-sunxi', year, titleZh: `测试 ${year}`, titleEn: `Test ${year}`, voteMethod: 'none', phase: 'collection', when, budgetWan: opts.budgetWan });
  const made = [];
  for (const p of projects) made.push(await submitProject(at(t.ctx, when), id, 'staff_sx', p));
  await openPhase(at(t.ctx, when), id, 'screening', 'staff_sx');
  for (const m of made) {
    await step(at(t.ctx, when), m.id, 'screen_in', 'officer');
    await step(at(t.ctx, when), m.id, 'send_to_deliberation', 'staff_sx');
  }
  return { cycleId: id, codes: made.map((m) => m.code) };
}

type Member = { accountId: string; name: string; role: string; present: boolean | null };
type Item = { id: string; project: { code: string; state: string }; outcome: string | null; carryOverReason: string | null; votes: { name: string; vote: string }[]; outcomeText: string | null };

async function meeting(id: string, c = client(t.app)) {
  const res = await c.get(`/api/meetings/${id}`);
  return { status: res.status, body: (await res.json()) as { status: string; members: Member[]; items: Item[]; quorum: { met: boolean; present: number; minimumPresent: number } | null; addenda: { body: string }[]; minutes: string | null } };
}

/** Schedule, publish and open a meeting (this morning: a meeting opens at its time, not before); answers its id, members and items. */
async function openedMeeting(staff: Awaited<ReturnType<typeof as>>, cycleId: string, codes: string[]) {
  const res = await staff.post(`/api/cycles/${cycleId}/meetings`, { title: '议事会会议', scheduledAt: '2026-11-22T09:30', place: '三楼会议室', agenda: codes });
  expect(res.status).toBe(201);
  const { id } = await res.json();
  expect((await staff.post(`/api/meetings/${id}/publish`)).status).toBe(200);
  expect((await staff.post(`/api/meetings/${id}/open`)).status).toBe(200);
  const m = await meeting(id, staff);
  return { id, members: m.body.members, items: m.body.items };
}

const votesOf = (members: Member[], ...vs: string[]) => vs.map((vote, i) => ({ accountId: members[i]!.accountId, vote }));

describe('scheduling and publishing a meeting', () => {
  it('staff schedule a meeting whose agenda the public sees only once it is published', async () => {
    const { cycleId, codes } = await deliberating([project('路灯更换')]);
    const staff = await as('staff_sx');
    const res = await staff.post(`/api/cycles/${cycleId}/meetings`, { title: '议事会第五次会议', scheduledAt: '2026-11-25T19:30', place: '社区党群服务中心', agenda: codes });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    expect((await meeting(id)).status).toBe(404);
    expect((await meeting(id, staff)).body.status).toBe('scheduled');
    // Seven members in office on the meeting day are expected, the chair first.
    expect((await meeting(id, staff)).body.members.map((m) => [m.name, m.role, m.present])[0]).toEqual(['黄秀英（示例）', 'chair', null]);
    expect((await staff.post(`/api/meetings/${id}/open`)).status).toBe(409);
    expect((await (await staff.post(`/api/meetings/${id}/open`)).json()).error.code).toBe('agenda_not_published');
    expect((await staff.post(`/api/meetings/${id}/publish`)).status).toBe(200);
    const pub = await meeting(id);
    expect(pub.status).toBe(200);
    expect(pub.body.items.map((i) => i.project.code)).toEqual(codes);
    const again = await staff.post(`/api/meetings/${id}/agenda`, { projects: codes });
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'agenda_published']);
  });

  it('lists a community’s published meetings with their items, for the public', async () => {
    const res = await client(t.app).get('/api/communities/sunxi/meetings');
    const items = (await res.json()).items as { title: string; status: string; items: number; decided: number; agendaPublished: boolean }[];
    // The two meetings of the fixture (tests/e2e/fixtures/council.ts), newest first; unpublished ones are not listed.
    expect(items.filter((m) => m.title.includes('（测试）')).map((m) => [m.title, m.status, m.items, m.decided])).toEqual([
      ['议事会 2025 年度第二次会议（测试）', 'closed', 2, 2],
      ['议事会 2025 年度第一次会议（测试）', 'closed', 1, 1],
    ]);
    // A meeting whose agenda is not yet published is listed for staff only.
    const { cycleId, codes } = await deliberating([project('信报箱更换')]);
    const staff = await as('staff_sx');
    expect((await staff.post(`/api/cycles/${cycleId}/meetings`, { title: '未公布议程的会议', scheduledAt: '2026-12-01T19:30', place: '会议室', agenda: codes })).status).toBe(201);
    const titles = async (c: ReturnType<typeof client>) => ((await (await c.get('/api/communities/sunxi/meetings')).json()).items as { title: string }[]).map((m) => m.title);
    expect(await titles(client(t.app))).not.toContain('未公布议程的会议');
    expect(await titles(staff)).toContain('未公布议程的会议');
    expect(items.every((m) => m.agendaPublished)).toBe(true);
  });

  it('refuses an agenda with a project not under deliberation, from another cycle, or already on another open agenda', async () => {
    const { cycleId, codes } = await deliberating([project('围墙修补')]);
    const staff = await as('staff_sx');
    const inNotice = await staff.post(`/api/cycles/${cycleId}/meetings`, { title: '会', scheduledAt: '2026-11-25T19:30', place: '会议室', agenda: ['SGJD-SXSQ-2026-04'] });
    expect([inNotice.status, (await inNotice.json()).error.code]).toEqual([422, 'wrong_cycle']);
    const first = await staff.post(`/api/cycles/${cycleId}/meetings`, { title: '会', scheduledAt: '2026-11-25T19:30', place: '会议室', agenda: codes });
    expect(first.status).toBe(201);
    const second = await staff.post(`/api/cycles/${cycleId}/meetings`, { title: '会', scheduledAt: '2026-11-26T19:30', place: '会议室', agenda: codes });
    const body = await second.json();
    expect([second.status, body.error.code]).toEqual([409, 'already_on_agenda']);
    expect(body.error.message).toContain(codes[0]);
  });

  it('only staff of the community schedule meetings', async () => {
    const { cycleId, codes } = await deliberating([project('花坛补种')]);
    for (const [who, status, code] of [['staff_lt', 403, 'not_in_community'], ['council_sx', 403, 'role_required'], ['officer', 403, 'role_required']] as const) {
      const res = await (await as(who)).post(`/api/cycles/${cycleId}/meetings`, { title: '会', scheduledAt: '2026-11-25T19:30', place: '会议室', agenda: codes });
      expect([who, res.status, (await res.json()).error.code]).toEqual([who, status, code]);
    }
    const anon = await client(t.app).post(`/api/cycles/${cycleId}/meetings`, { title: '会', scheduledAt: '2026-11-25T19:30', place: '会议室', agenda: codes });
    expect(anon.status).toBe(401);
  });
});

describe('quorum and votes', () => {
  it('seven members: four present is no quorum, and then no vote can be recorded', async () => {
    const { cycleId, codes } = await deliberating([project('楼道扶手加装')]);
    const staff = await as('staff_sx');
    const m = await openedMeeting(staff, cycleId, codes);
    const att = await staff.post(`/api/meetings/${m.id}/attendance`, { present: m.members.slice(0, 4).map((x) => x.accountId) });
    expect(await att.json()).toEqual({ quorum: { membersTotal: 7, present: 4, minimumPresent: 5, met: false } });
    const vote = await staff.post(`/api/meetings/${m.id}/items/${m.items[0]!.id}/votes`, { votes: votesOf(m.members, 'for') });
    const body = await vote.json();
    expect([vote.status, body.error.code, body.error.message]).toEqual([409, 'no_quorum', '出席人数未达到法定人数，不能表决']);
    // Even a present council member casting their own vote is refused.
    const chair = await as('council_sx');
    const own = await chair.post(`/api/meetings/${m.id}/items/${m.items[0]!.id}/votes`, { votes: votesOf(m.members, 'for') });
    expect([own.status, (await own.json()).error.code]).toEqual([409, 'no_quorum']);
    const decide = await staff.post(`/api/meetings/${m.id}/items/${m.items[0]!.id}/decide`);
    expect([decide.status, (await decide.json()).error.code]).toEqual([409, 'no_quorum']);
    expect((await meeting(m.id)).body.items[0]!.votes).toEqual([]);
  });

  it('five of seven present is a quorum (5/7 is more than two thirds)', async () => {
    const { cycleId, codes } = await deliberating([project('小区门禁维修')]);
    const staff = await as('staff_sx');
    const m = await openedMeeting(staff, cycleId, codes);
    const att = await staff.post(`/api/meetings/${m.id}/attendance`, { present: m.members.slice(0, 5).map((x) => x.accountId) });
    expect((await att.json()).quorum).toEqual({ membersTotal: 7, present: 5, minimumPresent: 5, met: true });
  });

  it('an absent member cannot vote, and a council member casts only their own vote', async () => {
    const { cycleId, codes } = await deliberating([project('社区菜园')]);
    const staff = await as('staff_sx');
    const m = await openedMeeting(staff, cycleId, codes);
    // The chair (黄秀英, council_sx) is present; the last member is absent.
    await staff.post(`/api/meetings/${m.id}/attendance`, { present: m.members.slice(0, 6).map((x) => x.accountId) });
    const item = m.items[0]!.id;
    const absent = await staff.post(`/api/meetings/${m.id}/items/${item}/votes`, { votes: [{ accountId: m.members[6]!.accountId, vote: 'for' }] });
    expect([absent.status, (await absent.json()).error.code]).toEqual([422, 'not_present']);
    const stranger = await staff.post(`/api/meetings/${m.id}/items/${item}/votes`, { votes: [{ accountId: 'demo-resident_sx', vote: 'for' }] });
    expect([stranger.status, (await stranger.json()).error.code]).toEqual([422, 'not_a_member']);
    const chair = await as('council_sx');
    const forOther = await chair.post(`/api/meetings/${m.id}/items/${item}/votes`, { votes: [{ accountId: m.members[1]!.accountId, vote: 'for' }] });
    expect([forOther.status, (await forOther.json()).error.code]).toEqual([403, 'role_required']);
    const own = await chair.post(`/api/meetings/${m.id}/items/${item}/votes`, { votes: [{ accountId: m.members[0]!.accountId, vote: 'against' }] });
    expect(own.status).toBe(200);
    // Attendance is fixed once a vote is recorded.
    const retake = await staff.post(`/api/meetings/${m.id}/attendance`, { present: m.members.map((x) => x.accountId) });
    expect([retake.status, (await retake.json()).error.code]).toEqual([409, 'attendance_locked']);
    const view = await meeting(m.id);
    expect(view.body.items[0]!.votes).toEqual([{ accountId: m.members[0]!.accountId, name: '黄秀英（示例）', vote: 'against' }]);
    // 仙湖's vote is open in the demo data, so the public log lists what was just written under `pending`, without its place in the chain.
    const log = await (await client(t.app).get(`/api/audit?subjectId=${m.id}&action=meeting.votes_recorded`)).json();
    expect(log.pending[0]).toMatchObject({ actorRole: 'council_member', actorName: '黄秀英（示例）', after: `{"project":"${codes[0]}","votes":{"黄秀英（示例）":"against"}}` });
  });
});

describe('who a council vote may name', () => {
  const accountId = async (username: string) => (await t.ctx.database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username)))[0]!.id;
  const count = async () => ({
    votes: (await t.ctx.database.db.select({ n: sql<number>`count(*)` }).from(councilVotes))[0]!.n,
    audit: (await t.ctx.database.db.select({ n: sql<number>`count(*)` }).from(auditLog))[0]!.n,
  });

  it('a council vote naming a non-member or an absent member is refused', async () => {
    // Someone who sat on this council in an earlier term: a verified resident of 笋西 whose term ended in 2020.
    const former = client(t.app);
    expect((await former.post('/api/auth/sign-up', { login: 'former_sx', password: 'a long password', displayName: '前任成员' }, { 'x-real-ip': '10.9.9.9' })).status).toBe(201);
    const slip = await t.ctx.database.client.execute("select verification_code from register_entries where community_id = 'c-sunxi' and claimed_by_account_id is null limit 1");
    expect((await former.post('/api/residency/verify', { code: String(slip.rows[0]!.verification_code) })).status).toBe(200);
    const staff = await as('staff_sx');
    expect((await staff.post('/api/communities/sunxi/council/terms', { login: 'former_sx', role: 'member', startsOn: '2020-01-01', endsOn: '2020-12-31' })).status).toBe(201);

    const { cycleId, codes } = await deliberating([project('健身器材更新')]);
    const m = await openedMeeting(staff, cycleId, codes);
    // Seven members in office on the meeting day; the last (杜小燕, council_sunxi_6) is absent.
    expect((await staff.post(`/api/meetings/${m.id}/attendance`, { present: m.members.slice(0, 6).map((x) => x.accountId) })).status).toBe(200);
    const absent = (await meeting(m.id)).body.members[6]!;
    expect(absent).toMatchObject({ name: '杜小燕（示例）', present: false });
    const votes = `/api/meetings/${m.id}/items/${m.items[0]!.id}/votes`;
    const before = await count();

    // Staff recording the show of hands may name only members of this council's current term who are present.
    const named: [string, string, number, string][] = [
      ['a member of another community’s council', await accountId('council_lt'), 422, 'not_a_member'],
      ['a member of an earlier term', await accountId('former_sx'), 422, 'not_a_member'],
      ['a resident who was never on the council', await accountId('resident_sx'), 422, 'not_a_member'],
      ['the community’s own staff', await accountId('staff_sx'), 422, 'not_a_member'],
      ['an account that does not exist', 'no-such-account', 422, 'not_a_member'],
      ['a member recorded absent', absent.accountId, 422, 'not_present'],
    ];
    for (const [who, id, status, code] of named) {
      const res = await staff.post(votes, { votes: [{ accountId: id, vote: 'for' }] });
      expect([who, res.status, (await res.json()).error.code]).toEqual([who, status, code]);
      // One bad name refuses the whole show of hands: the present members' votes beside it are not recorded either.
      const mixed = await staff.post(votes, { votes: [{ accountId: m.members[0]!.accountId, vote: 'for' }, { accountId: id, vote: 'against' }] });
      expect([who, mixed.status, (await mixed.json()).error.code]).toEqual([who, status, code]);
    }

    // A person casting their own vote: another council's member, a former member, an absent member.
    const own: [string, ReturnType<typeof client>, number, string][] = [
      ['council_lt', await as('council_lt'), 403, 'not_in_community'],
      ['former_sx', former, 403, 'role_required'],
      ['council_sunxi_6', await as('council_sunxi_6'), 422, 'not_present'],
    ];
    for (const [username, c, status, code] of own) {
      const res = await c.post(votes, { votes: [{ accountId: await accountId(username), vote: 'for' }] });
      expect([username, res.status, (await res.json()).error.code]).toEqual([username, status, code]);
    }

    // Nothing was written: no vote, no audit entry.
    expect(await count()).toEqual(before);
    expect((await meeting(m.id)).body.items[0]!.votes).toEqual([]);
    // The same request naming present members is recorded.
    expect((await staff.post(votes, { votes: votesOf(m.members, 'for', 'for') })).status).toBe(200);
    expect((await count()).votes).toBe(before.votes + 2);
  });
});

describe('outcomes are computed from the votes', () => {
  it('an item is decided only once every present member has voted, and a tie fails: the project closes with the computed reason', async () => {
    const { cycleId, codes } = await deliberating([project('屋顶花园')]);
    const staff = await as('staff_sx');
    const m = await openedMeeting(staff, cycleId, codes);
    await staff.post(`/api/meetings/${m.id}/attendance`, { present: m.members.slice(0, 6).map((x) => x.accountId) });
    const item = m.items[0]!.id;
    await staff.post(`/api/meetings/${m.id}/items/${item}/votes`, { votes: votesOf(m.members, 'for', 'for', 'for', 'against', 'against') });
    const early = await staff.post(`/api/meetings/${m.id}/items/${item}/decide`);
    expect([early.status, (await early.json()).error.code]).toEqual([409, 'votes_incomplete']);
    await staff.post(`/api/meetings/${m.id}/items/${item}/votes`, { votes: votesOf(m.members, 'for', 'for', 'for', 'against', 'against', 'against') });
    const decided = await staff.post(`/api/meetings/${m.id}/items/${item}/decide`);
    const body = await decided.json();
    expect(body).toMatchObject({ outcome: 'not_adopted', projectState: 'rejected', tally: { present: 6, for: 3, against: 3, abstain: 0, minimumFor: 4, passes: false } });
    const reason = '议事会会议「议事会会议」（2026-11-22）：应到 7 人，实到 6 人；赞成 3 票，反对 3 票，弃权 0 票；未过半数（至少须 4 票赞成），未通过。';
    expect(body.reason).toBe(reason);
    const p = await (await client(t.app).get(`/api/projects/${codes[0]}`)).json();
    expect(p.project).toMatchObject({ state: 'rejected', stateReason: reason });
    expect(p.history.at(-1)).toMatchObject({ action: 'project.reject', actorRole: 'staff', actorName: '吴勇（示例）', reason });
    const again = await staff.post(`/api/meetings/${m.id}/items/${item}/decide`);
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'item_decided']);
    const change = await staff.post(`/api/meetings/${m.id}/items/${item}/votes`, { votes: votesOf(m.members, 'for') });
    expect([change.status, (await change.json()).error.code]).toEqual([409, 'item_decided']);
  });

  it('a majority adopts: the project enters public notice for the rulebook’s five days', async () => {
    const { cycleId, codes } = await deliberating([project('长椅更换')]);
    const staff = await as('staff_sx');
    const m = await openedMeeting(staff, cycleId, codes);
    await staff.post(`/api/meetings/${m.id}/attendance`, { present: m.members.slice(0, 6).map((x) => x.accountId) });
    const item = m.items[0]!.id;
    await staff.post(`/api/meetings/${m.id}/items/${item}/notes`, { presentationNote: '居民代表介绍了长椅损坏情况。', discussionSummary: '成员认为应选用防腐木。' });
    await staff.post(`/api/meetings/${m.id}/items/${item}/votes`, { votes: votesOf(m.members, 'for', 'for', 'for', 'for', 'against', 'abstain') });
    const body = await (await staff.post(`/api/meetings/${m.id}/items/${item}/decide`)).json();
    expect(body).toMatchObject({ outcome: 'adopted', projectState: 'in_public_notice' });
    const notice = await (await client(t.app).get(`/api/projects/${codes[0]}/notice`)).json();
    expect(notice).toMatchObject({ startsAt: NOW.toISOString(), endsAt: '2026-11-27T04:00:00.000Z', state: 'running', objections: [] });
    const view = (await meeting(m.id)).body;
    expect(view.items[0]).toMatchObject({ outcome: 'adopted', outcomeText: '应到 7 人，实到 6 人；赞成 4 票，反对 1 票，弃权 1 票；过半数（至少须 4 票赞成），通过。' });
    expect(view.items[0]!.votes.map((v) => v.vote)).toEqual(['for', 'for', 'for', 'for', 'against', 'abstain']);
  });

  it('adopting more than the cycle’s remaining budget is refused, naming the shortfall', async () => {
    const { cycleId, codes } = await deliberating([project('凉亭', 8), project('步道', 12)], { budgetWan: 18 });
    const staff = await as('staff_sx');
    const m = await openedMeeting(staff, cycleId, codes);
    await staff.post(`/api/meetings/${m.id}/attendance`, { present: m.members.map((x) => x.accountId) });
    for (const item of m.items) await staff.post(`/api/meetings/${m.id}/items/${item.id}/votes`, { votes: votesOf(m.members, 'for', 'for', 'for', 'for', 'for', 'for', 'for') });
    expect((await (await staff.post(`/api/meetings/${m.id}/items/${m.items[0]!.id}/decide`)).json()).projectState).toBe('in_public_notice');
    const over = await staff.post(`/api/meetings/${m.id}/items/${m.items[1]!.id}/decide`);
    const body = await over.json();
    expect([over.status, body.error.code]).toEqual([409, 'over_budget']);
    expect(body.error.message).toBe('超出本轮剩余预算：剩余 10万元，本项目 12万元，缺口 2万元。');
    const p = await (await client(t.app).get(`/api/projects/${codes[1]}`)).json();
    expect(p.project.state).toBe('under_deliberation');
    // With more budget (a new rulebook or a correction), the same votes adopt it.
    await t.ctx.database.write((tx) => tx.update(cycles).set({ budgetFen: 20_000_000 }).where(eq(cycles.id, cycleId)));
    expect((await (await staff.post(`/api/meetings/${m.id}/items/${m.items[1]!.id}/decide`)).json()).projectState).toBe('in_public_notice');
  });
});

describe('closing a meeting', () => {
  it('publishes the minutes; a closed meeting cannot be edited, only corrected by an addendum, which is logged', async () => {
    const { cycleId, codes } = await deliberating([project('宣传栏')]);
    const staff = await as('staff_sx');
    const m = await openedMeeting(staff, cycleId, codes);
    await staff.post(`/api/meetings/${m.id}/attendance`, { present: m.members.slice(0, 4).map((x) => x.accountId) });
    const early = await staff.post(`/api/meetings/${m.id}/addenda`, { body: '更正' });
    expect([early.status, (await early.json()).error.code]).toEqual([409, 'not_closed']);
    const carryOver = [{ project: codes[0], reason: '未达到法定人数，留待下次会议表决。' }];
    expect((await staff.post(`/api/meetings/${m.id}/close`, { minutes: '出席 4 人，未达法定人数，本次会议不作表决，项目留待下次会议。', carryOver })).status).toBe(200);
    for (const [path, body] of [
      [`/api/meetings/${m.id}/attendance`, { present: [] }],
      [`/api/meetings/${m.id}/items/${m.items[0]!.id}/notes`, { presentationNote: 'x', discussionSummary: 'y' }],
      [`/api/meetings/${m.id}/items/${m.items[0]!.id}/votes`, { votes: [] }],
      [`/api/meetings/${m.id}/items/${m.items[0]!.id}/decide`, undefined],
      [`/api/meetings/${m.id}/close`, { minutes: '改写' }],
      [`/api/meetings/${m.id}/agenda`, { projects: codes }],
    ] as const) {
      const res = await staff.post(path, body);
      expect([path, res.status, (await res.json()).error.code]).toEqual([path, 409, 'meeting_closed']);
    }
    const add = await staff.post(`/api/meetings/${m.id}/addenda`, { body: '更正：出席名单中“曾凤英”应为请假。' });
    expect(add.status).toBe(200);
    const view = (await meeting(m.id)).body;
    expect(view).toMatchObject({ status: 'closed', minutes: '出席 4 人，未达法定人数，本次会议不作表决，项目留待下次会议。', addenda: [{ body: '更正：出席名单中“曾凤英”应为请假。' }] });
    // 仙湖's vote is open in the demo data, so the public log lists what was just written under `pending`, without its place in the chain.
    const log = await (await client(t.app).get(`/api/audit?subjectId=${m.id}`)).json();
    expect(log.pending.map((e: { action: string }) => e.action)).toEqual([
      'meeting.addendum_added', 'meeting.closed', 'meeting.item_carried_over', 'meeting.attendance_recorded', 'meeting.opened', 'meeting.agenda_published', 'meeting.scheduled',
    ]);
    expect(log.pending[0]).toMatchObject({ actorRole: 'staff', actorName: '吴勇（示例）', reason: '更正：出席名单中“曾凤英”应为请假。' });
    // The undecided project can go on the next meeting's agenda.
    const next = await staff.post(`/api/cycles/${cycleId}/meetings`, { title: '下次会议', scheduledAt: '2026-11-29T19:30', place: '会议室', agenda: codes });
    expect(next.status).toBe(201);
    expect((await verifyAuditLog(t.ctx.database)).ok).toBe(true);
  });

  const rows = async (meetingId: string) => ({
    audit: (await t.ctx.database.db.select({ n: sql<number>`count(*)` }).from(auditLog))[0]!.n,
    meeting: (await t.ctx.database.client.execute({ sql: 'select status, minutes, closed_at from meetings where id = ?', args: [meetingId] })).rows[0],
    items: (await t.ctx.database.client.execute({ sql: 'select outcome from agenda_items where meeting_id = ? order by position', args: [meetingId] })).rows.map((r) => r.outcome),
  });

  it('refuses to close while an item is undecided, naming each undecided item, and writes nothing', async () => {
    const { cycleId, codes } = await deliberating([project('楼道照明'), project('儿童游乐设施维修'), project('长者饭堂餐具')]);
    const staff = await as('staff_sx');
    const m = await openedMeeting(staff, cycleId, codes);
    await staff.post(`/api/meetings/${m.id}/attendance`, { present: m.members.map((x) => x.accountId) });
    // The first item is decided; the other two are not.
    await staff.post(`/api/meetings/${m.id}/items/${m.items[0]!.id}/votes`, { votes: votesOf(m.members, 'for', 'for', 'for', 'for', 'for', 'for', 'for') });
    expect((await staff.post(`/api/meetings/${m.id}/items/${m.items[0]!.id}/decide`)).status).toBe(200);
    const before = await rows(m.id);

    const res = await staff.post(`/api/meetings/${m.id}/close`, { minutes: '纪要' });
    const body = await res.json();
    expect([res.status, body.error.code]).toEqual([409, 'undecided_items']);
    expect(body.error.message).toBe(`还有议题未作出决议，不能闭会；请先表决，或将其逐项结转下次会议并写明理由：${codes[1]} 儿童游乐设施维修、${codes[2]} 长者饭堂餐具`);
    expect(body.error.fields).toEqual({ [`carryOver.${codes[1]}`]: '儿童游乐设施维修', [`carryOver.${codes[2]}`]: '长者饭堂餐具' });
    expect(await rows(m.id)).toEqual(before);

    // Carrying over only one of them is still refused, naming the other.
    const one = await staff.post(`/api/meetings/${m.id}/close`, { minutes: '纪要', carryOver: [{ project: codes[1], reason: '需补充报价。' }] }, { 'accept-language': 'en' });
    const oneBody = await one.json();
    expect([one.status, oneBody.error.code, oneBody.error.message]).toEqual([
      409,
      'undecided_items',
      `Some agenda items are undecided, so the meeting cannot close; decide them, or carry each over to a later meeting with a reason: ${codes[2]} 长者饭堂餐具`,
    ]);
    // A decided item, or a project not on this agenda, cannot be carried over.
    for (const code of [codes[0]!, 'SGJD-SXSQ-2026-04']) {
      const bad = await staff.post(`/api/meetings/${m.id}/close`, { minutes: '纪要', carryOver: [{ project: code, reason: '理由' }, { project: codes[1], reason: '理由' }, { project: codes[2], reason: '理由' }] });
      expect([code, bad.status, (await bad.json()).error.code]).toEqual([code, 422, 'not_undecided']);
    }
    // A carry-over without a reason is bad input.
    const blank = await staff.post(`/api/meetings/${m.id}/close`, { minutes: '纪要', carryOver: [{ project: codes[1], reason: '  ' }, { project: codes[2], reason: '理由' }] });
    expect(blank.status).toBe(400);
    // Staff of another community are told who they are, not what state the meeting is in.
    const outsider = await (await as('staff_lt')).post(`/api/meetings/${m.id}/close`, { minutes: '纪要' });
    expect([outsider.status, (await outsider.json()).error.code]).toEqual([403, 'not_in_community']);
    expect(await rows(m.id)).toEqual(before);
    expect((await meeting(m.id)).body.status).toBe('open');
  });

  it('carrying each undecided item over with a reason closes the meeting; the reason is published and the project can go on the next agenda', async () => {
    const { cycleId, codes } = await deliberating([project('社区书屋'), project('楼顶防水')]);
    const staff = await as('staff_sx');
    const m = await openedMeeting(staff, cycleId, codes);
    await staff.post(`/api/meetings/${m.id}/attendance`, { present: m.members.map((x) => x.accountId) });
    await staff.post(`/api/meetings/${m.id}/items/${m.items[0]!.id}/votes`, { votes: votesOf(m.members, 'for', 'for', 'for', 'for', 'for', 'for', 'for') });
    expect((await staff.post(`/api/meetings/${m.id}/items/${m.items[0]!.id}/decide`)).status).toBe(200);
    const reason = '施工方案尚缺房屋安全鉴定，待补齐后再议。';
    const res = await staff.post(`/api/meetings/${m.id}/close`, { minutes: '第一项通过；第二项结转。', carryOver: [{ project: codes[1], reason: `  ${reason}  ` }] });
    expect([res.status, await res.json()]).toEqual([200, { ok: true }]);

    const view = (await meeting(m.id)).body;
    expect(view.status).toBe('closed');
    expect(view.items.map((i) => [i.project.code, i.outcome, i.carryOverReason])).toEqual([
      [codes[0], 'adopted', null],
      [codes[1], 'carried_over', reason],
    ]);
    expect(view.items[1]!.project.state).toBe('under_deliberation');
    // Carried over is not decided: the meeting list counts one decision.
    const listed = ((await (await client(t.app).get('/api/communities/sunxi/meetings')).json()).items as { id: string; items: number; decided: number }[]).find((x) => x.id === m.id);
    expect(listed).toMatchObject({ items: 2, decided: 1 });
    // The audit log has the carry-over with its reason, then the close naming it.
    const log = await (await client(t.app).get(`/api/audit?subjectId=${m.id}`)).json();
    const entries = log.pending as { action: string; after: string | null; reason: string | null }[];
    expect(entries.slice(0, 2).map((e) => [e.action, JSON.parse(e.after ?? 'null'), e.reason])).toEqual([
      ['meeting.closed', { status: 'closed', minutes: '第一项通过；第二项结转。', carriedOver: [codes[1]] }, null],
      ['meeting.item_carried_over', { project: codes[1], title: '楼顶防水', outcome: 'carried_over' }, reason],
    ]);
    // The carried-over project goes on the next meeting's agenda, and is offered there.
    const next = await staff.post(`/api/cycles/${cycleId}/meetings`, { title: '下次会议', scheduledAt: '2026-11-29T19:30', place: '会议室', agenda: [codes[1]] });
    expect(next.status).toBe(201);
    expect((await verifyAuditLog(t.ctx.database)).ok).toBe(true);
  });
});

describe('a meeting opens at its scheduled time, not before', () => {
  it('opening before the scheduled time is refused with when it may open, and closing before it opened too; nothing is written', async () => {
    // (A year of its own, clear of the years the tests above and the demo use.)
    nextYear = 2090;
    const { cycleId, codes } = await deliberating([project('健身器材更换')]);
    const staff = await as('staff_sx');
    // Today (2026-11-22) at noon; the meeting is this evening.
    const res = await staff.post(`/api/cycles/${cycleId}/meetings`, { title: '议事会晚间会议', scheduledAt: '2026-11-22T19:30', place: '三楼会议室', agenda: codes });
    const { id } = await res.json();
    expect((await staff.post(`/api/meetings/${id}/publish`)).status).toBe(200);
    const early = await staff.post(`/api/meetings/${id}/open`);
    const body = await early.json();
    expect([early.status, body.error.code]).toEqual([409, 'meeting_not_yet']);
    expect(body.error.message).toBe('还没到会议预定的开始时间，不能提前宣布开会：会议定于 2026-11-22 19:30（北京时间）开始，届时才能宣布开会。');
    const close = await staff.post(`/api/meetings/${id}/close`, { minutes: '纪要' });
    expect([close.status, (await close.json()).error.code]).toEqual([409, 'meeting_not_open']);
    expect((await meeting(id, staff)).body.status).toBe('scheduled');
    const log = await (await client(t.app).get(`/api/audit?subjectId=${id}`)).json();
    expect((log.pending as { action: string }[]).map((e) => e.action)).not.toContain('meeting.opened');
    // The page's form check refuses the open button the same way.
    const check = await staff.post('/api/forms/check', { action: `/staff/sunxi/meetings/${id}`, fields: { action: 'open' } });
    expect(await check.json()).toMatchObject({ allowed: false, reason: 'meeting_not_yet' });
  });
});
