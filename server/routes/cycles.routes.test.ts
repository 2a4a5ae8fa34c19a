import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { eq } from 'drizzle-orm';
import { phaseChangeRequests } from '#db/schema.ts';

let clock = new Date('2026-12-07T10:00:00+08:00');
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ seed: true, now: () => clock });
});
afterAll(() => t.close());

async function as(username: string) {
  const c = client(t.app);
  expect((await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD })).status).toBe(200);
  return c;
}
const cycle = async (id: string) => (await client(t.app).get(`/api/cycles/${id}`)).json();

describe('the phase API', () => {
  it('bad input is a field error and changes nothing', async () => {
    const staff = await as('staff_lt');
    for (const [body, field] of [[{ endsOn: '2026/12/31', reason: '原因' }, 'endsOn'], [{ endsOn: '2026-12-31', reason: '   ' }, 'reason']] as const) {
      const res = await staff.post('/api/cycles/cy-lianhua-2026/phase/extension', body);
      expect([res.status, Object.keys((await res.json()).error.fields)]).toEqual([400, [field]]);
    }
    const early = await staff.post('/api/cycles/cy-lianhua-2026/phase/extension', { endsOn: '2026-12-10', reason: '原因' });
    expect([early.status, (await early.json()).error.fields]).toEqual([422, { endsOn: '新的结束日期须晚于原计划结束日期' }]);
    expect((await cycle('cy-lianhua-2026')).phases[0]).toMatchObject({ phase: 'collection', endsOn: '2026-12-15' });
  });

  it('staff open only the next phase; a skip is refused with what to do instead', async () => {
    const res = await (await as('staff_lt')).post('/api/cycles/cy-lianhua-2026/phase', { phase: 'deliberation' });
    const body = await res.json();
    expect([res.status, body.error.code]).toEqual([409, 'needs_confirmation']);
    expect(body.error.message).toContain('街道或区级负责人确认');
    expect((await cycle('cy-lianhua-2026')).phase).toBe('collection');
  });

  it('a request waits for an officer who is not the asker; staff cannot decide it', async () => {
    // The demo's: 仙湖's staff asked to go back to screening until 12-31; a second request waits behind it.
    const again = await (await as('staff_xh')).post('/api/cycles/cy-xianhu-2026/phase/requests', { to: 'collection', reason: '另一个申请（测试）', endsOn: '2026-12-31' });
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'request_pending']);
    const id = (await t.ctx.database.db.select().from(phaseChangeRequests).where(eq(phaseChangeRequests.cycleId, 'cy-xianhu-2026')))[0]!.id;
    const staffTry = await (await as('staff_xh')).post(`/api/phase-requests/${id}/decision`, { decision: 'confirm' });
    expect([staffTry.status, (await staffTry.json()).error.code]).toEqual([403, 'role_required']);
    const noNote = await (await as('officer')).post(`/api/phase-requests/${id}/decision`, { decision: 'decline' });
    expect([noNote.status, (await noNote.json()).error.code]).toEqual([422, 'reason_required']);
    // While it waits, the vote past its (extended) end is flagged as overrun, and the clock leaves it open.
    clock = new Date('2026-12-21T08:00:00+08:00');
    expect(await cycle('cy-xianhu-2026')).toMatchObject({ phase: 'resident_vote', overrun: true });
    const ok = await (await as('street_lt')).post(`/api/phase-requests/${id}/decision`, { decision: 'confirm' });
    expect([ok.status, await ok.json()]).toEqual([200, { from: 'resident_vote', to: 'screening' }]);
    expect(await cycle('cy-xianhu-2026')).toMatchObject({ phase: 'screening', overrun: false });
    clock = new Date('2026-12-07T10:00:00+08:00');
  });
});

describe('the phase API refuses early ends without a reason, and moves past public notice while projects are on notice', () => {
  it('ending collection early without a reason is a 422 field error; with one the cycle moves and the plan is re-dated', async () => {
    const staff = await as('staff_lt');
    const bare = await staff.post('/api/cycles/cy-lianhua-2026/phase', { phase: 'screening' });
    expect([bare.status, (await bare.json()).error]).toEqual([
      422,
      { code: 'early_reason_required', message: '当前阶段尚未到计划结束日期，提前结束须填写公开理由', fields: { reason: '当前阶段尚未到计划结束日期，提前结束须填写公开理由' } },
    ]);
    expect((await cycle('cy-lianhua-2026')).phase).toBe('collection');
    const ok = await staff.post('/api/cycles/cy-lianhua-2026/phase', { phase: 'screening', reason: '提议已收齐，提前开始初审（测试）' });
    expect([ok.status, await ok.json()]).toEqual([200, { from: 'collection', to: 'screening' }]);
    expect((await cycle('cy-lianhua-2026')).phases).toEqual([
      { phase: 'collection', startsOn: '2026-11-01', endsOn: '2026-12-07' },
      { phase: 'screening', startsOn: '2026-12-07', endsOn: '2026-12-31' },
    ]);
  });

  it('笋西 cannot leave implementation while its charging-point project is on notice: 409, saying when the last notice ends', async () => {
    const res = await (await as('staff_sx')).post('/api/cycles/cy-sunxi-2026/phase', { phase: 'acceptance', reason: '完工（测试）' });
    expect([res.status, await res.json()]).toEqual([
      409,
      { error: { code: 'projects_in_notice', message: '本轮还有项目在公示中，公示结束前不能进入公示之后的阶段（1 个项目公示中，最后一个公示期至 2026年11月23日 10:00 结束）。' } },
    ]);
    expect((await cycle('cy-sunxi-2026')).phase).toBe('implementation');
  });
});
