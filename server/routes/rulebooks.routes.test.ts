import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { DEFAULT_RULEBOOK_SETTINGS } from '../domain/rulebook.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ seed: true, now: () => new Date('2026-11-22T12:00:00+08:00') });
});
afterAll(() => t.close());

async function as(username: string) {
  const c = client(t.app);
  expect((await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD })).status).toBe(200);
  return c;
}
const settings = (over: Record<string, unknown> = {}) => ({ ...DEFAULT_RULEBOOK_SETTINGS, ...over });
/** The district's 2026 versions (the demo may hold other years' too). */
const versions = async () => ((await (await client(t.app).get('/api/districts/d-lh/rulebooks')).json()).items as { id: string; year: number; version: number; noticeDays: number; cycles: { id: string }[] }[]).filter((r) => r.year === 2026);

describe('rulebook versions', () => {
  it('lists the district’s versions with the cycles bound to each', async () => {
    const items = await versions();
    expect(items.map((r) => [r.year, r.version, r.cycles.map((c) => c.id)])).toEqual([[2026, 1, ['cy-lianhua-2026', 'cy-sunxi-2026', 'cy-xianhu-2026']]]);
  });

  it('a district officer publishes a new version; street officers, staff and the public cannot', async () => {
    const body = { year: 2026, settings: settings({ noticeDays: 7, vote: { method: 'none' } }) };
    expect((await client(t.app).post('/api/districts/d-lh/rulebooks', body)).status).toBe(401);
    for (const [who, code] of [['street_lt', 'not_in_community'], ['staff_lt', 'role_required']] as const) {
      const res = await (await as(who)).post('/api/districts/d-lh/rulebooks', body);
      expect([who, res.status, (await res.json()).error.code]).toEqual([who, 403, code]);
    }
    const res = await (await as('officer')).post('/api/districts/d-lh/rulebooks', body);
    expect(res.status).toBe(201);
    expect((await res.json()).version).toBe(2);
    // 仙湖's vote is open in the demo data, so the public log lists what was just written under `pending`, without its place in the chain.
    const log = await (await client(t.app).get('/api/audit?action=rulebook.version_added')).json();
    expect(log.pending[0]).toMatchObject({ actorRole: 'officer', actorName: '李建国（示例）' });
  });

  it('checks meaning with validateRulebook and names each problem', async () => {
    const officer = await as('officer');
    const bad = settings({
      categories: [{ key: 'goods', name: { zh: '货物类', en: 'Goods' }, capFen: 300_000_000 }, { key: 'goods', name: { zh: '货物类', en: 'Goods' }, capFen: 1 }],
      quorum: { num: 3, den: 2, strict: true },
    });
    const res = await officer.post('/api/districts/d-lh/rulebooks', { year: 2026, settings: bad });
    const body = await res.json();
    expect([res.status, body.error.code]).toEqual([422, 'invalid_rulebook']);
    expect(body.error.fields).toEqual({ 'categories[0].capFen': '上限超过了社区年度预算', 'categories[1].key': '重复', quorum: '比例须满足 0 ≤ 分子 < 分母' });
    const shape = await officer.post('/api/districts/d-lh/rulebooks', { year: 2026, settings: settings({ noticeDays: 'five' }) });
    expect([shape.status, Object.keys((await shape.json()).error.fields)]).toEqual([400, ['settings.noticeDays']]);
    expect((await versions()).length).toBe(2);
  });

  it('takes the screening mode and what the vote decides; an unknown value is a field error and writes nothing', async () => {
    const officer = await as('officer');
    const bad = await officer.post('/api/districts/d-lh/rulebooks', { year: 2025, settings: settings({ screening: 'weekly' }) });
    expect([bad.status, Object.keys((await bad.json()).error.fields)]).toEqual([400, ['settings.screening']]);
    const noVote = await officer.post('/api/districts/d-lh/rulebooks', { year: 2025, settings: settings({ vote: { method: 'none', effect: 'advisory' } }) });
    expect([noVote.status, (await noVote.json()).error.fields]).toEqual([422, { 'vote.effect': '超出允许范围' }]);
    const ok = await officer.post('/api/districts/d-lh/rulebooks', { year: 2025, settings: settings({ screening: 'rolling', vote: { method: 'approval', maxChoices: 3, effect: 'advisory' } }) });
    expect(ok.status).toBe(201);
    const stored = (await (await client(t.app).get('/api/districts/d-lh/rulebooks')).json()).items.filter((r: { year: number }) => r.year === 2025);
    expect(stored.map((r: { screening?: string; vote: { effect?: string } }) => [r.screening, r.vote.effect])).toEqual([['rolling', 'advisory']]);
  });
});

describe('one version', () => {
  it('reads one rulebook version by its id, with its settings; an unknown id is 404', async () => {
    const first = (await versions()).find((r) => r.version === 1);
    const res = await client(t.app).get(`/api/rulebooks/${first!.id}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: first!.id, districtId: 'd-lh', year: 2026, version: 1, noticeDays: first!.noticeDays, communityBudgetFen: DEFAULT_RULEBOOK_SETTINGS.communityBudgetFen });
    expect(body.categories.map((c: { key: string }) => c.key)).toEqual(DEFAULT_RULEBOOK_SETTINGS.categories.map((c) => c.key));
    const missing = await client(t.app).get('/api/rulebooks/no-such-rulebook');
    expect([missing.status, (await missing.json()).error.code]).toEqual([404, 'not_found']);
  });
});

describe('binding a cycle to a version', () => {
  it('a cycle still collecting proposals moves to the new version, which sets its budget; it is logged', async () => {
    const v2 = (await versions()).find((v) => v.version === 2)!;
    const officer = await as('officer');
    expect((await (await as('staff_lt')).post('/api/cycles/cy-lianhua-2026/rulebook', { rulebookId: v2.id })).status).toBe(403);
    const res = await officer.post('/api/cycles/cy-lianhua-2026/rulebook', { rulebookId: v2.id });
    expect(res.status).toBe(200);
    expect((await versions()).find((v) => v.version === 2)!.cycles.map((c) => c.id)).toEqual(['cy-lianhua-2026']);
    const same = await officer.post('/api/cycles/cy-lianhua-2026/rulebook', { rulebookId: v2.id });
    expect([same.status, (await same.json()).error.code]).toEqual([409, 'same_rulebook']);
    const log = await (await client(t.app).get('/api/audit?action=cycle.rulebook_bound')).json();
    expect(log.pending[0]).toMatchObject({ subjectId: 'cy-lianhua-2026', before: '{"budgetFen":200000000,"rulebook":"2026 v1"}', after: '{"budgetFen":200000000,"rulebook":"2026 v2"}' });
  });

  it('a cycle whose vote has opened keeps its version: the rules do not change under voters', async () => {
    const v2 = (await versions()).find((v) => v.version === 2)!;
    const res = await (await as('officer')).post('/api/cycles/cy-xianhu-2026/rulebook', { rulebookId: v2.id });
    expect([res.status, (await res.json()).error.code]).toEqual([409, 'wrong_phase']);
  });

  it('only the district’s version for the cycle’s year, with every category its projects use', async () => {
    const officer = await as('officer');
    const other = await (await officer.post('/api/districts/d-lh/rulebooks', { year: 2027, settings: settings() })).json();
    const wrongYear = await officer.post('/api/cycles/cy-lianhua-2026/rulebook', { rulebookId: other.id });
    expect([wrongYear.status, (await wrongYear.json()).error.code]).toEqual([422, 'rulebook_mismatch']);
    const noServices = await (await officer.post('/api/districts/d-lh/rulebooks', { year: 2026, settings: settings({ categories: DEFAULT_RULEBOOK_SETTINGS.categories.filter((c) => c.key !== 'services') }) })).json();
    const res = await officer.post('/api/cycles/cy-lianhua-2026/rulebook', { rulebookId: noServices.id });
    const body = await res.json();
    expect([res.status, body.error.code, body.error.message]).toEqual([409, 'category_in_use', '新版本缺少本轮项目正在使用的类别：services']);
  });
});
