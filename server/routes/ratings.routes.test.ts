import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { roleAssignments } from '#db/schema.ts';

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

const ACCEPTED = 'SGJD-SXSQ-2026-02'; // 社区公共信息公告栏, accepted, 笋西社区

describe('the satisfaction survey', () => {
  it('before anyone rates, the survey shows no mean and no share', async () => {
    expect(await (await client(t.app).get(`/api/projects/${ACCEPTED}/ratings`)).json()).toEqual({
      count: 0, mean: null, satisfied: 0, satisfiedShare: null, distribution: [0, 0, 0, 0, 0], comments: [],
    });
  });

  it('a resident of the community rates an accepted project once; a second rating is refused with 409', async () => {
    const resident = await as('resident_sx');
    const res = await resident.post(`/api/projects/${ACCEPTED}/ratings`, { score: 5, comment: '公告栏很实用，通知一目了然。' });
    expect(res.status).toBe(201);
    const again = await resident.post(`/api/projects/${ACCEPTED}/ratings`, { score: 1 });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toEqual({ code: 'already_rated', message: '您已经评价过这个项目，每位居民只能评价一次' });
    const log = await (await client(t.app).get('/api/audit?action=rating.added')).json();
    expect(log.items[0]).toMatchObject({ actorRole: 'resident', actorName: '居民', subjectType: 'project_rating' });
  });

  it('the project shows the count, the mean and the share satisfied (4–5)', async () => {
    expect((await (await as('council_sx')).post(`/api/projects/${ACCEPTED}/ratings`, { score: 2 })).status).toBe(201);
    expect((await (await as('council_sx')).post(`/api/projects/${ACCEPTED}/ratings`, { score: 2 })).status).toBe(409);
    const m = client(t.app);
    expect((await m.post('/api/auth/sign-in', { login: 'council_sunxi_1', password: DEMO_PASSWORD })).status).toBe(200);
    expect((await m.post(`/api/projects/${ACCEPTED}/ratings`, { score: 4 })).status).toBe(201);
    const s = await (await client(t.app).get(`/api/projects/${ACCEPTED}/ratings`)).json();
    expect(s).toEqual({
      count: 3,
      mean: 11 / 3,
      satisfied: 2,
      satisfiedShare: 2 / 3,
      distribution: [0, 1, 0, 1, 1],
      comments: [{ score: 5, comment: '公告栏很实用，通知一目了然。', createdAt: expect.any(String) }],
    });
  });

  it('a project that is not yet accepted cannot be rated', async () => {
    const res = await (await as('resident_sx')).post('/api/projects/SGJD-SXSQ-2026-01/ratings', { score: 4 });
    expect([res.status, (await res.json()).error.code]).toEqual([409, 'wrong_state']);
  });

  it('the public, unverified accounts and residents of another community cannot rate', async () => {
    const anon = await client(t.app).post(`/api/projects/${ACCEPTED}/ratings`, { score: 4 });
    expect([anon.status, (await anon.json()).error.code]).toEqual([401, 'not_signed_in']);
    const other = await (await as('resident_lt')).post(`/api/projects/${ACCEPTED}/ratings`, { score: 4 });
    expect([other.status, (await other.json()).error.code]).toEqual([403, 'not_resident_of_community']);
    const newcomer = await (await as('newcomer')).post(`/api/projects/${ACCEPTED}/ratings`, { score: 4 });
    expect([newcomer.status, (await newcomer.json()).error.code]).toEqual([403, 'not_resident_of_community']);
  });

  it('a score outside 1–5, or not whole, is refused on its field', async () => {
    const resident = await as('resident_sx');
    for (const score of [0, 6, 3.5]) {
      const res = await resident.post(`/api/projects/${ACCEPTED}/ratings`, { score });
      expect(res.status).toBe(400);
      expect(Object.keys((await res.json()).error.fields)).toEqual(['score']);
    }
  });

  it('a resident role without a register entry cannot rate: a voter is a register entry', async () => {
    await t.ctx.database.write(async (tx) => {
      await tx.insert(roleAssignments).values({ id: 'test-newcomer-sx', accountId: 'demo-newcomer', role: 'resident', scopeKind: 'community', scopeId: 'c-sunxi', grantedAt: new Date(), grantedBy: 'test' });
    });
    const c = client(t.app);
    expect((await c.post('/api/auth/sign-in', { login: 'newcomer', password: DEMO_PASSWORD })).status).toBe(200);
    const res = await c.post(`/api/projects/${ACCEPTED}/ratings`, { score: 4 });
    expect([res.status, (await res.json()).error.code]).toEqual([403, 'no_register_entry']);
  });

  it('two ratings sent at once by one resident leave exactly one', async () => {
    const m = client(t.app);
    expect((await m.post('/api/auth/sign-in', { login: 'council_sunxi_2', password: DEMO_PASSWORD })).status).toBe(200);
    const before = (await (await client(t.app).get(`/api/projects/${ACCEPTED}/ratings`)).json()).count;
    const [a, b] = await Promise.all([m.post(`/api/projects/${ACCEPTED}/ratings`, { score: 5 }), m.post(`/api/projects/${ACCEPTED}/ratings`, { score: 1 })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((await (await client(t.app).get(`/api/projects/${ACCEPTED}/ratings`)).json()).count).toBe(before + 1);
  });
});
