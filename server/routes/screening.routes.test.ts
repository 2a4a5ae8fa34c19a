import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { projects } from '#db/schema.ts';
import { COUNCIL_FIXTURE, seedFixture } from '#tests/e2e/fixtures/council.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const codes: Record<string, string> = {};
const cycleId = COUNCIL_FIXTURE.cycleId;

beforeAll(async () => {
  t = await testApp({ seed: true, now: () => new Date('2026-11-22T12:00:00+08:00') });
  await seedFixture(t.ctx);
  const rows = await t.ctx.database.db.select({ code: projects.code, title: projects.title }).from(projects).where(eq(projects.cycleId, cycleId));
  for (const [key, p] of Object.entries(COUNCIL_FIXTURE)) if (typeof p === 'object') codes[key] = rows.find((r) => r.title === p.title)!.code;
});
afterAll(() => t.close());

async function as(username: string) {
  const c = client(t.app);
  expect((await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD })).status).toBe(200);
  return c;
}

type QueueItem = { code: string; negative: { term: string }[]; duplicates: { code: string; sameAddress: boolean }[]; cap: unknown; opinions: { stance: string; body: string; authorName: string }[] };

describe('the screening queue', () => {
  it('shows council members each submitted proposal with its automatic checks', async () => {
    const res = await (await as('council_sx')).get(`/api/cycles/${cycleId}/screening`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.cycle.phase).toBe('screening');
    expect(body.screenRefusal).toBe('role_required'); // a council member does not decide
    const queue = body.queue as QueueItem[];
    expect(queue.map((q) => q.code)).toEqual([codes.toScreenOut, codes.duplicate]);
    expect(queue[0]!.negative.map((n) => n.term)).toEqual(['物业']);
    expect(queue[0]!.cap).toBeNull();
    expect(queue[1]!.duplicates[0]).toMatchObject({ code: 'SGJD-SXSQ-2026-04', sameAddress: true });
  });

  it('is open to staff and officers, not to residents, other communities or the public', async () => {
    expect((await (await as('staff_sx')).get(`/api/cycles/${cycleId}/screening`)).status).toBe(200);
    expect((await (await as('street_lt')).get(`/api/cycles/cy-lianhua-2026/screening`)).status).toBe(200);
    for (const [who, status, code] of [['resident_sx', 403, 'role_required'], ['council_lt', 403, 'not_in_community'], ['street_lt', 403, 'not_in_community']] as const) {
      const res = await (await as(who)).get(`/api/cycles/${cycleId}/screening`);
      expect([who, res.status, (await res.json()).error.code]).toEqual([who, status, code]);
    }
    expect((await client(t.app).get(`/api/cycles/${cycleId}/screening`)).status).toBe(401);
    expect((await (await as('staff_sx')).get('/api/cycles/no-such-cycle/screening')).status).toBe(404);
  });

  it('says when screening is not possible because of the phase, and refuses it', async () => {
    const staff = await as('staff_lt');
    const body = await (await staff.get('/api/cycles/cy-lianhua-2026/screening')).json();
    expect([body.cycle.phase, body.screenRefusal]).toEqual(['collection', 'wrong_phase']);
    const res = await staff.post('/api/projects/LTJD-LHSQ-2026-01/events', { event: 'screen_in' });
    expect([res.status, (await res.json()).error.code]).toEqual([409, 'wrong_phase']);
  });
});

describe('opinions and the decision', () => {
  it('a council member records an opposing opinion under their name; residents cannot', async () => {
    const code = codes.toScreenOut!;
    const res = await (await as('council_sx')).post(`/api/projects/${code}/opinions`, { stance: 'oppose', body: '楼道保洁属于物业服务企业的职责，不应使用民生微实事资金。' });
    expect(res.status).toBe(201);
    const resident = await (await as('resident_sx')).post(`/api/projects/${code}/opinions`, { stance: 'support', body: '支持' });
    expect([resident.status, (await resident.json()).error.code]).toEqual([403, 'role_required']);
    const other = await (await as('council_lt')).post(`/api/projects/${code}/opinions`, { stance: 'note', body: '备注' });
    expect([other.status, (await other.json()).error.code]).toEqual([403, 'not_in_community']);
    const bad = await (await as('council_sx')).post(`/api/projects/${code}/opinions`, { stance: 'maybe', body: '' });
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(['body', 'stance']);
    const list = await (await client(t.app).get(`/api/projects/${code}/opinions`)).json();
    expect(list.items).toMatchObject([{ stance: 'oppose', authorName: '黄秀英（示例）', body: '楼道保洁属于物业服务企业的职责，不应使用民生微实事资金。' }]);
    const p = await (await client(t.app).get(`/api/projects/${code}`)).json();
    expect(p.history.at(-1)).toMatchObject({ action: 'project.screening_opinion', actorRole: 'council_member', actorName: '黄秀英（示例）' });
  });

  it('a council member cannot screen out; staff can, only with a written reason, which is published', async () => {
    const code = codes.toScreenOut!;
    const member = await (await as('council_sx')).post(`/api/projects/${code}/events`, { event: 'screen_out', reason: '物业职责' });
    expect([member.status, (await member.json()).error.code]).toEqual([403, 'role_required']);
    const staff = await as('staff_sx');
    const bare = await staff.post(`/api/projects/${code}/events`, { event: 'screen_out' });
    expect([bare.status, (await bare.json()).error.code]).toEqual([422, 'reason_required']);
    const reason = '按负面清单，属于物业服务企业职责范围内的事项，不纳入民生微实事。';
    expect((await staff.post(`/api/projects/${code}/events`, { event: 'screen_out', reason })).status).toBe(200);
    const p = await (await client(t.app).get(`/api/projects/${code}`)).json();
    expect(p.project).toMatchObject({ state: 'screened_out', stateReason: reason });
    // Opinions are for proposals still waiting to be screened.
    const late = await (await as('council_sx')).post(`/api/projects/${code}/opinions`, { stance: 'note', body: '补充' });
    expect([late.status, (await late.json()).error.code]).toEqual([409, 'wrong_state']);
  });
});

describe('sending projects to the council', () => {
  it('without a resident vote, every screened-in project goes to deliberation', async () => {
    const staff = await as('staff_sx');
    expect((await staff.post(`/api/projects/${codes.duplicate}/events`, { event: 'screen_in' })).status).toBe(200);
    const none = await (await as('council_sx')).post(`/api/cycles/${cycleId}/deliberation`, {});
    expect([none.status, (await none.json()).error.code]).toEqual([403, 'role_required']);
    const res = await staff.post(`/api/cycles/${cycleId}/deliberation`, {});
    expect(await res.json()).toEqual({ sent: [codes.duplicate] });
    const again = await staff.post(`/api/cycles/${cycleId}/deliberation`, {});
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'nothing_to_send']);
  });

  it('with a resident vote, screened-in projects must be shortlisted by the vote first, and nothing moves', async () => {
    const staff = await as('staff_xh');
    const res = await staff.post('/api/cycles/cy-xianhu-2026/deliberation', { projects: ['LTJD-XHSQ-2026-01', 'LTJD-XHSQ-2026-02'] });
    const body = await res.json();
    expect([res.status, body.error.code, body.error.message]).toEqual([409, 'resident_vote_pending', '本轮设有居民投票，须先经居民投票入围：LTJD-XHSQ-2026-01']);
    const p = await (await client(t.app).get('/api/projects/LTJD-XHSQ-2026-01')).json();
    expect(p.project.state).toBe('screened_in');
  });
});
