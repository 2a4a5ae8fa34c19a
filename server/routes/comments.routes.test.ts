import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { verifyAuditLog } from '../services/audit.ts';
import { COMMENT_BURST } from '../services/comments.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ seed: true });
});
afterAll(() => t.close());

const sessions = new Map<string, ReturnType<typeof client>>();
async function as(username: string) {
  const known = sessions.get(username);
  if (known) return known;
  const c = client(t.app);
  expect((await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD })).status).toBe(200);
  sessions.set(username, c);
  return c;
}

const PROJECT = 'LTJD-LHSQ-2026-01'; // 中秋邻里节, submitted, 莲花社区

describe('comments', () => {
  it('a verified resident comments; the text comes back exactly as typed, as plain text, the author unnamed', async () => {
    const resident = await as('resident_lt');
    const body = '<script>alert("x")</script> 详见 https://example.com/plan?a=1&b=2';
    const res = await resident.post(`/api/projects/${PROJECT}/comments`, { body });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const list = await client(t.app).get(`/api/projects/${PROJECT}/comments`);
    expect(list.headers.get('content-type')).toMatch(/^application\/json/);
    const item = (await list.json()).items.find((x: { id: string }) => x.id === id);
    expect(item).toEqual({ id, createdAt: expect.any(String), body, hidden: null, replies: [] });
    // The public log proves what was said (its hash) without keeping the text.
    // 仙湖's vote is open in the demo data, so the public log lists what was just written under `pending`, without its place in the chain.
    const log = await (await client(t.app).get('/api/audit?action=comment.added')).json();
    expect(log.pending[0]).toMatchObject({ actorRole: 'resident', actorName: '居民', subjectType: 'project_comment' });
    expect(log.pending[0].after).not.toContain('script');
    expect(JSON.parse(log.pending[0].after)).toMatchObject({ commentId: id, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('a comment comes with its official replies (none yet)', async () => {
    const { id } = await (await (await as('resident_lt')).post(`/api/projects/${PROJECT}/comments`, { body: '什么时候报名？' })).json();
    const item = (await (await client(t.app).get(`/api/projects/${PROJECT}/comments`)).json()).items.find((x: { id: string }) => x.id === id);
    expect(item.replies).toEqual([]);
  });

  it('a council member comments as a resident (council members are residents of their community)', async () => {
    const res = await (await as('council_lt')).post(`/api/projects/${PROJECT}/comments`, { body: '支持，去年的邻里节很热闹。' });
    expect(res.status).toBe(201);
  });

  it('the public, an unverified account and residents of another community cannot comment', async () => {
    const anon = await client(t.app).post(`/api/projects/${PROJECT}/comments`, { body: '你好' });
    expect([anon.status, (await anon.json()).error.code]).toEqual([401, 'not_signed_in']);
    const newcomer = await (await as('newcomer')).post(`/api/projects/${PROJECT}/comments`, { body: '你好' });
    expect([newcomer.status, (await newcomer.json()).error.code]).toEqual([403, 'not_resident_of_community']);
    const other = await (await as('resident_sx')).post(`/api/projects/${PROJECT}/comments`, { body: '你好' });
    expect([other.status, (await other.json()).error.code]).toEqual([403, 'not_resident_of_community']);
  });

  it('an empty or too long comment is refused on its field, and nothing is posted', async () => {
    const resident = await as('resident_lt');
    const before = (await (await client(t.app).get(`/api/projects/${PROJECT}/comments`)).json()).items.length;
    const empty = await resident.post(`/api/projects/${PROJECT}/comments`, { body: ' \n\t ' });
    expect([empty.status, (await empty.json()).error]).toEqual([422, { code: 'comment_empty', message: '请写下评论内容', fields: { body: '请写下评论内容' } }]);
    const long = await resident.post(`/api/projects/${PROJECT}/comments`, { body: '长'.repeat(1001) });
    expect([long.status, (await long.json()).error.code]).toEqual([422, 'comment_too_long']);
    expect((await (await client(t.app).get(`/api/projects/${PROJECT}/comments`)).json()).items.length).toBe(before);
  });

  it('a draft has no comments to read or write', async () => {
    const resident = await as('resident_lt');
    const d = await resident.post('/api/cycles/cy-lianhua-2026/proposals', {
      title: '草稿里的评论测试', category: 'services', theme: 'care', description: '这是一份还没有提交的草稿。', address: '莲花社区', estimatedCost: '5000',
    });
    const { code } = await d.json();
    expect((await client(t.app).get(`/api/projects/${code}/comments`)).status).toBe(404);
    expect((await resident.post(`/api/projects/${code}/comments`, { body: '自己评论自己' })).status).toBe(404);
  });

  it('staff of the community hide a comment with a reason that is published in its place and in the audit log', async () => {
    const { id } = await (await (await as('resident_lt')).post(`/api/projects/${PROJECT}/comments`, { body: '加我微信买便宜月饼' })).json();
    const resident = await (await as('resident_lt')).post(`/api/comments/${id}/hide`, { reason: '广告' });
    expect([resident.status, (await resident.json()).error.code]).toEqual([403, 'role_required']);
    const otherStaff = await (await as('staff_xh')).post(`/api/comments/${id}/hide`, { reason: '广告' });
    expect([otherStaff.status, (await otherStaff.json()).error.code]).toEqual([403, 'not_in_community']);
    const staff = await as('staff_lt');
    const noReason = await staff.post(`/api/comments/${id}/hide`, { reason: '  ' });
    expect([noReason.status, (await noReason.json()).error]).toEqual([422, { code: 'reason_required', message: '请填写理由，理由将被公开', fields: { reason: '请填写理由，理由将被公开' } }]);

    const res = await staff.post(`/api/comments/${id}/hide`, { reason: '商业广告，与项目无关' });
    expect(await res.json()).toEqual({ id, hidden: true });
    const item = (await (await client(t.app).get(`/api/projects/${PROJECT}/comments`)).json()).items.find((x: { id: string }) => x.id === id);
    expect(item).toMatchObject({ body: null, hidden: { reason: '商业广告，与项目无关' } });
    const log = await (await client(t.app).get('/api/audit?action=comment.hidden')).json();
    expect(log.pending[0]).toMatchObject({ actorRole: 'staff', actorName: '王芳（示例）', reason: '商业广告，与项目无关', after: `{"commentId":"${id}","hidden":true}` });
    const again = await staff.post(`/api/comments/${id}/hide`, { reason: '重复' });
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'already_hidden']);
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true });
  });

  it(`commenting is rate-limited: after ${COMMENT_BURST} quick comments the next is refused with 429 and Retry-After`, async () => {
    const member = client(t.app);
    expect((await member.post('/api/auth/sign-in', { login: 'council_lianhua_1', password: DEMO_PASSWORD })).status).toBe(200);
    for (let i = 0; i < COMMENT_BURST; i++) expect((await member.post(`/api/projects/${PROJECT}/comments`, { body: `第 ${i + 1} 条` })).status).toBe(201);
    const res = await member.post(`/api/projects/${PROJECT}/comments`, { body: '再来一条' });
    expect(res.status).toBe(429);
    expect((await res.json()).error.code).toBe('rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

/** Rows that a refused reply must leave as they were: replies, notifications and the audit log. */
async function counts() {
  const one = async (table: string) => Number((await t.ctx.database.db.all<{ n: number }>(sql.raw(`select count(*) as n from ${table}`)))[0]!.n);
  return { replies: await one('comment_replies'), notifications: await one('notifications'), audit: await one('audit_log') };
}

describe('official replies (官方回复)', () => {
  // Each commenter has a bucket of five comments at once: the tests below spread their comments over residents.
  async function residentComment(body = '广场晚上太暗，灯谜会几点结束？', who = 'resident_lt') {
    const res = await (await as(who)).post(`/api/projects/${PROJECT}/comments`, { body });
    expect(res.status).toBe(201);
    return (await res.json()).id as string;
  }
  const repliesOf = async (id: string) => (await (await client(t.app).get(`/api/projects/${PROJECT}/comments`)).json()).items.find((x: { id: string }) => x.id === id).replies;

  it('staff of the community reply as the office: shown under the comment with name and role, in the project’s history, and the commenter is told', async () => {
    const id = await residentComment();
    const before = (await (await (await as('resident_lt')).get('/api/notifications')).json()).unread;
    const res = await (await as('staff_lt')).post(`/api/comments/${id}/replies`, { body: '活动 21:00 结束，届时会加装临时照明。' });
    expect(res.status).toBe(201);
    const { id: replyId } = await res.json();
    expect(await repliesOf(id)).toEqual([{ id: replyId, createdAt: expect.any(String), body: '活动 21:00 结束，届时会加装临时照明。', official: true, name: '王芳（示例）', role: 'staff' }]);

    // The project's history is the audit log filed under the project: the reply is there, under the replier's name.
    const log = await (await client(t.app).get('/api/audit?action=comment.replied')).json();
    expect(log.pending[0]).toMatchObject({ actorRole: 'staff', actorName: '王芳（示例）', action: 'comment.replied', subjectType: 'project_comment' });
    expect(JSON.parse(log.pending[0].after)).toMatchObject({ commentId: id, replyId, official: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const mine = await (await (await as('resident_lt')).get('/api/notifications')).json();
    expect(mine.unread).toBe(before + 1);
    expect(mine.items[0]).toMatchObject({
      kind: 'official_reply',
      projectCode: PROJECT,
      commentId: id,
      from: null,
      to: null,
      href: `/projects/${PROJECT}#comment-${id}`,
      message: '您对「中秋邻里节」的评论收到了官方回复（王芳（示例），社区工作人员）',
    });
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true });
  });

  it('a council member of the community replies as a council member', async () => {
    const id = await residentComment('能不能加一个儿童手工摊位？', 'council_lianhua_3');
    const res = await (await as('council_lt')).post(`/api/comments/${id}/replies`, { body: '已转议事会讨论。' });
    expect(res.status).toBe(201);
    expect(await repliesOf(id)).toMatchObject([{ name: '孙丽华（示例）', role: 'council_member' }]);
  });

  it('everyone else is refused with the reason, and nothing is written', async () => {
    const id = await residentComment('报名截止是哪天？', 'council_lianhua_4');
    const before = await counts();
    const refusals: [string | null, number, string][] = [
      [null, 401, 'not_signed_in'],
      ['resident_lt', 403, 'role_required'], // a resident of the community, even the commenter
      ['newcomer', 403, 'role_required'],
      ['resident_xh', 403, 'role_required'],
      ['staff_xh', 403, 'not_in_community'], // staff of another community
      ['council_xh', 403, 'not_in_community'], // a council member of another community
      ['street_lt', 403, 'role_required'], // officers are not the community's office
      ['auditor', 403, 'role_required'],
    ];
    const got: [string | null, number, string][] = [];
    for (const [who, ,] of refusals) {
      const c = who ? await as(who) : client(t.app);
      const res = await c.post(`/api/comments/${id}/replies`, { body: '我来代表社区回复' });
      got.push([who, res.status, (await res.json()).error.code]);
    }
    expect(got).toEqual(refusals);
    expect(await counts()).toEqual(before);
    expect(await repliesOf(id)).toEqual([]);
  });

  it('a hidden comment, an empty or too long reply and an unknown comment are refused, and nothing is written', async () => {
    const id = await residentComment('加微信领月饼券', 'council_lianhua_5');
    const staff = await as('staff_lt');
    expect((await staff.post(`/api/comments/${id}/hide`, { reason: '广告' })).status).toBe(200);
    const visible = await residentComment('灯谜有奖品吗？', 'council_lianhua_5');
    const before = await counts();
    const hidden = await staff.post(`/api/comments/${id}/replies`, { body: '请勿发布广告' });
    expect([hidden.status, (await hidden.json()).error.code]).toEqual([409, 'comment_hidden']);
    const empty = await staff.post(`/api/comments/${visible}/replies`, { body: ' \n ' });
    expect([empty.status, (await empty.json()).error]).toEqual([422, { code: 'comment_empty', message: '请写下评论内容', fields: { body: '请写下评论内容' } }]);
    const long = await staff.post(`/api/comments/${visible}/replies`, { body: '长'.repeat(1001) });
    expect([long.status, (await long.json()).error.code]).toEqual([422, 'comment_too_long']);
    const unknown = await staff.post('/api/comments/no-such-comment/replies', { body: '你好' });
    expect([unknown.status, (await unknown.json()).error.code]).toEqual([404, 'not_found']);
    expect(await counts()).toEqual(before);
  });
});
