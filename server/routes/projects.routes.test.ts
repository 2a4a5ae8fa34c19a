import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { client, seededTemplate, type TestApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { verifyAuditLog } from '../services/audit.ts';

// Every test gets its own copy of the seeded demo data, so each passes alone and in any order.
let template: Awaited<ReturnType<typeof seededTemplate>>;
let t: TestApp;
beforeAll(async () => {
  template = await seededTemplate();
});
afterAll(() => template.close());
beforeEach(async () => {
  t = await template.fresh();
});
afterEach(() => t.close());

async function as(username: string) {
  const c = client(t.app);
  expect((await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD })).status).toBe(200);
  return c;
}

/** Staff of 莲花 open its screening phase (the demo data leaves it collecting proposals). */
async function openLianhuaScreening() {
  const res = await (await as('staff_lt')).post('/api/cycles/cy-lianhua-2026/phase', { phase: 'screening', reason: '（测试）提前开启下一阶段' });
  expect(await res.json()).toEqual({ from: 'collection', to: 'screening' });
}

describe('communities and projects, read side', () => {
  it('lists three demo communities with their current cycle phase', async () => {
    const body = await (await client(t.app).get('/api/communities')).json();
    expect(body.items.map((c: { slug: string; currentCycle: { phase: string } }) => [c.slug, c.currentCycle.phase])).toEqual([
      ['lianhua', 'collection'],
      ['xianhu', 'resident_vote'],
      ['sunxi', 'implementation'],
    ]);
  });

  it('filters projects by community, state and category, and never lists drafts', async () => {
    const all = await (await client(t.app).get('/api/projects?limit=200')).json();
    // 13 projects of the 2026 cycles and 4 of 笋西's finished 2024 cycle.
    expect(all.total).toBe(17);
    expect(all.items.every((p: { state: string }) => p.state !== 'draft')).toBe(true);
    const sunxi = await (await client(t.app).get('/api/projects?community=sunxi&state=in_progress')).json();
    expect(sunxi.items.map((p: { title: string }) => p.title)).toEqual(['老旧小区视频监控（天网补点）']);
    const goods = await (await client(t.app).get('/api/projects?category=goods')).json();
    expect(goods.total).toBe(4);
  });

  it('refuses unknown filters and bad values with field messages', async () => {
    const res = await client(t.app).get('/api/projects?state=flying&colour=red');
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fields).sort()).toEqual(['colour', 'state']);
  });

  it('shows a project at its code with its history and without the proposer', async () => {
    const res = await client(t.app).get('/api/projects/SGJD-SXSQ-2026-03');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.project).toMatchObject({ title: '楼顶防水补漏', state: 'rejected', stateReason: expect.stringContaining('未过半数') });
    expect(body.project).not.toHaveProperty('proposerAccountId');
    expect(body.history.map((h: { action: string }) => h.action)).toEqual([
      'project.created', 'project.submit', 'project.screen_in', 'project.shortlist', 'project.send_to_deliberation', 'project.reject',
    ]);
    expect(body.history[1]).toMatchObject({ actorRole: 'resident', actorName: '居民' });
  });

  it('answers 404 for an unknown project and 400 for a malformed code', async () => {
    expect((await client(t.app).get('/api/projects/SGJD-SXSQ-2026-99')).status).toBe(404);
    expect((await client(t.app).get('/api/projects/not-a-code')).status).toBe(400);
    expect((await client(t.app).get('/api/communities/nowhere')).status).toBe(404);
  });
});

describe('cycle phases', () => {
  it('staff of the community open the next phase; others cannot; the change is audited', async () => {
    const other = await as('staff_xh');
    const r1 = await other.post('/api/cycles/cy-lianhua-2026/phase', { phase: 'screening' });
    expect([r1.status, (await r1.json()).error.code]).toEqual([403, 'not_in_community']);
    const staff = await as('staff_lt');
    const r2 = await staff.post('/api/cycles/cy-lianhua-2026/phase', { phase: 'screening', reason: '（测试）提前开启下一阶段' });
    expect(await r2.json()).toEqual({ from: 'collection', to: 'screening' });
    const again = await staff.post('/api/cycles/cy-lianhua-2026/phase', { phase: 'screening' });
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'same_phase']);
    const cy = await (await client(t.app).get('/api/cycles/cy-lianhua-2026')).json();
    expect(cy.phase).toBe('screening');
    // 仙湖's vote is open in the demo data, so the public log lists what was just written under `pending`, without its place in the chain.
    const log = await (await client(t.app).get('/api/audit?action=cycle.phase_opened')).json();
    // Opened before collection's planned end: the entry carries the published reason and the plan's old and new dates.
    expect(log.pending[0]).toMatchObject({
      subjectId: 'cy-lianhua-2026',
      actorName: '王芳（示例）',
      reason: '（测试）提前开启下一阶段',
      before: expect.stringMatching(/"phase":"collection"}$/),
      after: expect.stringMatching(/"early":true,"phase":"screening"}$/),
    });
  });
});

describe('the state machine through the API', () => {
  it('screening is refused while proposals are still being collected', async () => {
    // In the demo data 莲花's cycle is still collecting proposals.
    const res = await (await as('staff_lt')).post('/api/projects/LTJD-LHSQ-2026-01/events', { event: 'screen_in' });
    expect([res.status, (await res.json()).error.code]).toEqual([409, 'wrong_phase']);
  });

  it('staff screen a submitted project in, and the step is in the hash-chained log', async () => {
    await openLianhuaScreening();
    const staff = await as('staff_lt');
    const res = await staff.post('/api/projects/LTJD-LHSQ-2026-01/events', { event: 'screen_in' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ from: 'submitted', to: 'screened_in' });
    const p = await (await client(t.app).get('/api/projects/LTJD-LHSQ-2026-01')).json();
    expect(p.history.at(-1)).toMatchObject({ action: 'project.screen_in', actorRole: 'staff', actorName: '王芳（示例）' });
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true });
  });

  it('screening out without a reason is refused with reason_required and changes nothing', async () => {
    await openLianhuaScreening();
    const staff = await as('staff_lt');
    const res = await staff.post('/api/projects/LTJD-LHSQ-2026-02/events', { event: 'screen_out', reason: '   ' });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('reason_required');
    const p = await (await client(t.app).get('/api/projects/LTJD-LHSQ-2026-02')).json();
    expect(p.project.state).toBe('submitted');
  });

  it('an unlisted step is refused with transition_not_allowed', async () => {
    const staff = await as('staff_sx');
    const res = await staff.post('/api/projects/SGJD-SXSQ-2026-01/events', { event: 'send_to_deliberation' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('transition_not_allowed');
  });

  it('steps that follow from recorded facts cannot be typed in as a bare step', async () => {
    const staff = await as('staff_sx');
    for (const event of ['adopt', 'reject', 'uphold_objection', 'end_notice', 'shortlist', 'pass_acceptance', 'record_audit']) {
      const res = await staff.post('/api/projects/SGJD-SXSQ-2026-04/events', { event, reason: '手工' });
      expect([event, res.status, (await res.json()).error.code]).toEqual([event, 409, 'decided_elsewhere']);
    }
    const p = await (await client(t.app).get('/api/projects/SGJD-SXSQ-2026-04')).json();
    expect(p.project.state).toBe('in_public_notice');
  });

  it('a resident, staff of another community and an auditor cannot screen', async () => {
    await openLianhuaScreening();
    const resident = await as('resident_lt');
    const r1 = await resident.post('/api/projects/LTJD-LHSQ-2026-03/events', { event: 'screen_in' });
    expect([r1.status, (await r1.json()).error.code]).toEqual([403, 'role_required']);
    const other = await as('staff_sx');
    const r2 = await other.post('/api/projects/LTJD-LHSQ-2026-03/events', { event: 'screen_in' });
    expect([r2.status, (await r2.json()).error.code]).toEqual([403, 'not_in_community']);
    const auditor = await as('auditor');
    const r3 = await auditor.post('/api/projects/LTJD-LHSQ-2026-03/events', { event: 'screen_in' });
    expect(r3.status).toBe(403);
    const anon = await client(t.app).post('/api/projects/LTJD-LHSQ-2026-03/events', { event: 'screen_in' });
    expect([anon.status, (await anon.json()).error.code]).toEqual([401, 'not_signed_in']);
  });

  it('two concurrent screenings of one project: exactly one wins, one audit entry', async () => {
    await openLianhuaScreening();
    const a = await as('staff_lt');
    const b = await as('officer');
    const [r1, r2] = await Promise.all([
      a.post('/api/projects/LTJD-LHSQ-2026-04/events', { event: 'screen_in' }),
      b.post('/api/projects/LTJD-LHSQ-2026-04/events', { event: 'screen_out', reason: '重复' }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const p = await (await client(t.app).get('/api/projects/LTJD-LHSQ-2026-04')).json();
    expect(p.history.filter((h: { action: string }) => h.action.startsWith('project.screen')).length).toBe(1);
  });
});

describe('the API surface', () => {
  it('GET /api/health answers ok', async () => {
    const res = await client(t.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = await (await client(t.app).get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/sign-in', '/api/projects/{code}', '/api/residency/verify']));
    expect(doc.paths['/api/auth/sign-up'].post.requestBody.content['application/json'].schema).toMatchObject({ type: 'object', required: expect.arrayContaining(['login', 'password', 'displayName']) });
  });

  it('unknown API paths answer a JSON 404', async () => {
    const res = await client(t.app).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
