import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { projects } from '#db/schema.ts';
import { COUNCIL_FIXTURE, seedFixture } from '#tests/e2e/fixtures/council.ts';
import { closeDueNotices } from '../services/notices.ts';
import { verifyAuditLog } from '../services/audit.ts';

const NOW = new Date('2026-11-22T12:00:00+08:00');
const DAY = 24 * 60 * 60 * 1000;
let clock = NOW;
let t: Awaited<ReturnType<typeof testApp>>;
const codes: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp({ seed: true, now: () => clock });
  await seedFixture(t.ctx);
  const rows = await t.ctx.database.db.select({ code: projects.code, title: projects.title }).from(projects).where(eq(projects.cycleId, COUNCIL_FIXTURE.cycleId));
  for (const [key, p] of Object.entries(COUNCIL_FIXTURE)) if (typeof p === 'object') codes[key] = rows.find((r) => r.title === p.title)!.code;
});
beforeEach(() => {
  clock = NOW;
});
afterAll(() => t.close());

async function as(username: string) {
  const c = client(t.app);
  expect((await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD })).status).toBe(200);
  return c;
}
const notice = async (code: string, c = client(t.app)) => (await c.get(`/api/projects/${code}/notice`)).json();
const project = async (code: string) => (await (await client(t.app).get(`/api/projects/${code}`)).json()) as { project: { state: string; stateReason: string | null }; history: { action: string; actorRole: string; actorName: string; reason: string | null }[] };

describe('objections during public notice', () => {
  it('a resident of the community lodges an objection, published as 居民; others cannot', async () => {
    const code = codes.toObject!;
    expect((await client(t.app).post(`/api/projects/${code}/objections`, { reason: '健身器材应由物业维修' })).status).toBe(401);
    for (const [who, reason] of [['resident_lt', 'not_resident_of_community'], ['staff_sx', 'not_resident_of_community']] as const) {
      const res = await (await as(who)).post(`/api/projects/${code}/objections`, { reason: '理由' });
      expect([who, res.status, (await res.json()).error.code]).toEqual([who, 403, reason]);
    }
    const resident = await as('resident_sx');
    const res = await resident.post(`/api/projects/${code}/objections`, { reason: '广场健身器材去年刚由街道更换过，属于重复建设。' });
    expect(res.status).toBe(201);
    const again = await resident.post(`/api/projects/${code}/objections`, { reason: '再说一次' });
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'already_objected']);
    const n = await notice(code, resident);
    expect(n).toMatchObject({ state: 'running', objections: [{ reason: '广场健身器材去年刚由街道更换过，属于重复建设。', status: 'open', mine: true }] });
    expect((await notice(code)).objections[0].mine).toBe(false);
    const p = await project(code);
    expect(p.history.at(-1)).toMatchObject({ action: 'project.objection_lodged', actorRole: 'resident', actorName: '居民', reason: '广场健身器材去年刚由街道更换过，属于重复建设。' });
  });

  it('an upheld objection returns the project to deliberation with the answer as its published reason', async () => {
    const code = codes.toObject!;
    const n = await notice(code);
    const id = n.objections[0].id;
    const other = await (await as('staff_lt')).post(`/api/objections/${id}/answer`, { decision: 'uphold', answer: 'x' });
    expect([other.status, (await other.json()).error.code]).toEqual([403, 'not_in_community']);
    const blank = await (await as('staff_sx')).post(`/api/objections/${id}/answer`, { decision: 'uphold', answer: '  ' });
    expect(blank.status).toBe(400);
    const staff = await as('staff_sx');
    const res = await staff.post(`/api/objections/${id}/answer`, { decision: 'uphold', answer: '经核实，街道已于 2025 年更换器材，异议成立，退回议事会重新评议。' });
    expect(await res.json()).toEqual({ status: 'upheld', projectState: 'under_deliberation' });
    const p = await project(code);
    expect(p.project).toEqual(expect.objectContaining({ state: 'under_deliberation', stateReason: '经核实，街道已于 2025 年更换器材，异议成立，退回议事会重新评议。' }));
    expect(p.history.at(-1)).toMatchObject({ action: 'project.uphold_objection', actorRole: 'staff', actorName: '吴勇（示例）' });
    expect(await notice(code)).toMatchObject({ state: 'returned', outcome: 'returned', objections: [{ status: 'upheld', answeredByName: '吴勇（示例）' }] });
    const twice = await staff.post(`/api/objections/${id}/answer`, { decision: 'dismiss', answer: '改主意' });
    expect([twice.status, (await twice.json()).error.code]).toEqual([409, 'notice_closed']);
    // No more objections to a notice that has ended.
    const late = await (await as('council_sx')).post(`/api/projects/${code}/objections`, { reason: '迟到的异议' });
    expect([late.status, (await late.json()).error.code]).toEqual([409, 'wrong_state']);
  });
});

describe('the end of the notice period (injected clock)', () => {
  it('the demo project in notice has its period from the adoption, and a resident objects within it', async () => {
    const code = 'SGJD-SXSQ-2026-04'; // 电动自行车集中充电点, adopted 2026-11-18 by the demo seed, which records its notice
    expect(await notice(code)).toMatchObject({ startsAt: '2026-11-18T02:00:00.000Z', endsAt: '2026-11-23T02:00:00.000Z', state: 'running' });
    const res = await (await as('resident_sx')).post(`/api/projects/${code}/objections`, { reason: '充电点离住宅太近' });
    expect(res.status).toBe(201);
    const p = await project(code);
    expect(p.history.slice(-1).map((h) => h.action)).toEqual(['project.objection_lodged']);
    expect((await notice(code)).objections.length).toBe(1);
    expect((await verifyAuditLog(t.ctx.database)).ok).toBe(true);
  });

  it('a notice period that ended without objections approves the project, by the system', async () => {
    const code = codes.approvedByClock!;
    expect((await project(code)).project.state).toBe('in_public_notice');
    expect((await notice(code)).state).toBe('due');
    const approved = await closeDueNotices(t.ctx, NOW);
    expect(approved.length).toBe(1);
    const p = await project(code);
    expect(p.project.state).toBe('approved');
    expect(p.history.at(-1)).toMatchObject({ action: 'project.end_notice', actorRole: 'system', actorName: '系统' });
    expect(await notice(code)).toMatchObject({ state: 'approved', outcome: 'approved' });
    expect(await closeDueNotices(t.ctx, NOW)).toEqual([]);
  });

  it('a dismissed objection does not block approval; an open one holds it until answered', async () => {
    const code = codes.toPrint!;
    const resident = await as('council_sx');
    const first = await (await resident.post(`/api/projects/${code}/objections`, { reason: '宣传活动经费偏高' })).json();
    const staff = await as('staff_sx');
    expect(await (await staff.post(`/api/objections/${first.id}/answer`, { decision: 'dismiss', answer: '经费含物料与场地，已按市场价核算，异议不成立。' })).json()).toEqual({ status: 'dismissed', projectState: 'in_public_notice' });
    const second = await (await resident.post(`/api/projects/${code}/objections`, { reason: '活动时间与学校考试冲突' })).json();
    // Four days later the period is over, but the second objection is still open.
    clock = new Date(NOW.getTime() + 4 * DAY);
    const late = await (await as('resident_sx')).post(`/api/projects/${code}/objections`, { reason: '太晚了' });
    expect([late.status, (await late.json()).error.code]).toEqual([409, 'notice_period_over']);
    expect(await closeDueNotices(t.ctx, clock)).toEqual([]);
    expect((await notice(code)).state).toBe('awaiting_answers');
    // Dismissing the last open objection after the period approves the project at once.
    const res = await staff.post(`/api/objections/${second.id}/answer`, { decision: 'dismiss', answer: '活动安排在周末，与考试不冲突。' });
    expect(await res.json()).toEqual({ status: 'dismissed', projectState: 'approved' });
    const p = await project(code);
    expect(p.history.slice(-2).map((h) => [h.action, h.actorRole])).toEqual([['project.objection_dismissed', 'staff'], ['project.end_notice', 'system']]);
  });

  it('answers 404 for a project that never had a notice', async () => {
    const res = await client(t.app).get('/api/projects/LTJD-LHSQ-2026-01/notice');
    expect([res.status, (await res.json()).error.code]).toEqual([404, 'no_notice']);
  });
});
