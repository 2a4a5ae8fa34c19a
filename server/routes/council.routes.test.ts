import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';

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
const council = async (slug: string) => (await (await client(t.app).get(`/api/communities/${slug}/council`)).json()).members as { id: string; name: string; role: string; startsOn: string; endsOn: string | null; current: boolean }[];

describe('council membership', () => {
  it('lists a community’s council in public, the chair first, under their names', async () => {
    const members = await council('sunxi');
    expect(members.length).toBe(7);
    expect(members[0]).toMatchObject({ name: '黄秀英（示例）', role: 'chair', startsOn: '2025-01-01', endsOn: '2027-12-31', current: true });
    expect(members[0]).not.toHaveProperty('accountId');
    expect((await client(t.app).get('/api/communities/nowhere/council')).status).toBe(404);
  });

  it('staff add a verified resident for a term, and the council role follows at once', async () => {
    const resident = await as('resident_lt');
    const before = await resident.post('/api/projects/LTJD-LHSQ-2026-01/opinions', { stance: 'support', body: '支持' });
    expect([before.status, (await before.json()).error.code]).toEqual([403, 'role_required']);
    const staff = await as('staff_lt');
    const res = await staff.post('/api/communities/lianhua/council/terms', { login: 'resident_lt', role: 'member', startsOn: '2026-11-01', endsOn: '2028-10-31' });
    expect(res.status).toBe(201);
    // The same session now acts as a council member.
    expect((await resident.post('/api/projects/LTJD-LHSQ-2026-01/opinions', { stance: 'support', body: '支持举办邻里节' })).status).toBe(201);
    // 仙湖's vote is open in the demo data, so the public log lists what was just written under `pending`, without its place in the chain.
    const log = await (await client(t.app).get('/api/audit?action=council.term_added')).json();
    expect(log.pending[0]).toMatchObject({ actorRole: 'staff', actorName: '王芳（示例）', subjectId: 'c-lianhua' });
    expect(JSON.parse(log.pending[0].after)).toMatchObject({ name: '莲花居民（示例）', role: 'member', startsOn: '2026-11-01', endsOn: '2028-10-31', councilRole: 'granted' });
    expect((await council('lianhua')).filter((m) => m.current).length).toBe(8);
  });

  it('refuses people who are not verified residents, unknown logins, overlapping terms, a second chair and backwards dates', async () => {
    const staff = await as('staff_lt');
    const cases = [
      [{ login: 'newcomer', role: 'member', startsOn: '2026-11-22' }, 422, 'not_a_resident'],
      [{ login: 'resident_xh', role: 'member', startsOn: '2026-11-22' }, 422, 'not_a_resident'],
      [{ login: 'nobody_here', role: 'member', startsOn: '2026-11-22' }, 422, 'no_such_account'],
      [{ login: 'resident_lt', role: 'member', startsOn: '2027-01-01' }, 409, 'term_overlaps'],
      // council_lianhua_1's member term ends 2027-12-31; from 2028 they chair, open-ended.
      [{ login: 'council_lianhua_1', role: 'chair', startsOn: '2028-01-01' }, 201, undefined],
      [{ login: 'resident_lt', role: 'chair', startsOn: '2029-01-01' }, 409, 'chair_taken'],
      [{ login: 'council_lianhua_1', role: 'member', startsOn: '2028-01-01', endsOn: '2027-01-01' }, 422, 'bad_dates'],
    ] as const;
    for (const [body, status, code] of cases) {
      const res = await staff.post('/api/communities/lianhua/council/terms', body);
      expect([body.login, res.status, (await res.json()).error?.code]).toEqual([body.login, status, code]);
    }
    const bad = await staff.post('/api/communities/lianhua/council/terms', { login: 'x', role: 'boss', startsOn: '22/11/2026' });
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(['role', 'startsOn']);
    const other = await (await as('staff_sx')).post('/api/communities/lianhua/council/terms', { login: 'resident_lt', role: 'member', startsOn: '2030-01-01' });
    expect([other.status, (await other.json()).error.code]).toEqual([403, 'not_in_community']);
  });

  it('ending a term revokes the council role once no term covers today', async () => {
    const staff = await as('staff_lt');
    const term = (await council('lianhua')).find((m) => m.name === '莲花居民（示例）')!;
    const wrong = await staff.post(`/api/council-terms/${term.id}/end`, { endsOn: '2026-10-31' });
    expect([wrong.status, (await wrong.json()).error.code]).toEqual([422, 'bad_dates']);
    expect((await staff.post(`/api/council-terms/${term.id}/end`, { endsOn: '2026-11-22' })).status).toBe(200);
    // Still in office today (the end date is inclusive).
    const resident = await as('resident_lt');
    expect((await resident.post('/api/projects/LTJD-LHSQ-2026-02/opinions', { stance: 'note', body: '今天仍在任' })).status).toBe(201);
    const later = await staff.post(`/api/council-terms/${term.id}/end`, { endsOn: '2026-12-31' });
    expect([later.status, (await later.json()).error.code]).toEqual([409, 'term_already_ended']);
    expect((await staff.post(`/api/council-terms/${term.id}/end`, { endsOn: '2026-11-21' })).status).toBe(200);
    const after = await resident.post('/api/projects/LTJD-LHSQ-2026-02/opinions', { stance: 'note', body: '已卸任' });
    expect([after.status, (await after.json()).error.code]).toEqual([403, 'role_required']);
    const log = await (await client(t.app).get('/api/audit?action=council.term_ended')).json();
    expect(JSON.parse(log.pending[0].after)).toMatchObject({ endsOn: '2026-11-21', councilRole: 'revoked' });
    expect((await council('lianhua')).find((m) => m.id === term.id)).toMatchObject({ current: false, endsOn: '2026-11-21' });
  });
});
