import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { notifications, projects } from '#db/schema.ts';

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

type Item = { id: string; projectCode: string; from: string; to: string; message: string; readAt: string | null };

describe('notifications', () => {
  it('the proposer is notified when staff move their project on, with a message in their language', async () => {
    const resident = await as('resident_sx');
    const before = await (await resident.get('/api/notifications')).json();
    const staff = await as('staff_sx');
    // Acceptance is recorded with its facts on the delivery desk (a bare 'pass_acceptance' step is refused).
    const accepted = await staff.post('/api/projects/SGJD-SXSQ-2026-01/acceptance', { result: 'pass', acceptedOn: '2026-11-20', inspector: '区住建局 张工' });
    expect(accepted.status).toBe(201);
    const after = await (await resident.get('/api/notifications')).json();
    expect(after.unread).toBe(before.unread + 1);
    expect(after.items[0]).toMatchObject({
      projectCode: 'SGJD-SXSQ-2026-01',
      title: '老旧小区视频监控（天网补点）',
      from: 'in_progress',
      to: 'accepted',
      message: '您提议的「老旧小区视频监控（天网补点）」：实施中 → 已验收',
      readAt: null,
    });
    const en = await (await resident.get('/api/notifications', { cookie: `${resident.cookie}; lang=en` })).json();
    expect(en.items[0].message).toBe('Your proposal “老旧小区视频监控（天网补点）”: In progress → Accepted');
  });

  it('nobody is notified of their own step, and a paper proposal has nobody to notify', async () => {
    const resident = await as('resident_lt');
    const { code } = await (await resident.post('/api/cycles/cy-lianhua-2026/proposals', {
      title: '楼下信报箱更换', category: 'goods', theme: 'convenience', description: '信报箱锈坏，需要整体更换。', address: '莲花社区 2 栋', estimatedCost: '6000',
    })).json();
    expect((await resident.post(`/api/proposals/${code}/submit`)).status).toBe(200);
    const mine = (await (await resident.get('/api/notifications')).json()).items as Item[];
    expect(mine.filter((n) => n.projectCode === code)).toEqual([]);

    const staff = await as('staff_lt');
    const paper = await (await staff.post('/api/cycles/cy-lianhua-2026/paper-proposals', {
      title: '纸质问需表：路灯维修', category: 'engineering', theme: 'safety', description: '巷子里两盏路灯不亮，晚上很黑。', address: '莲花社区 5 巷', estimatedCost: '3000', submit: true,
    })).json();
    const p = (await t.ctx.database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, paper.code)))[0]!;
    expect(await t.ctx.database.db.select().from(notifications).where(eq(notifications.projectId, p.id))).toEqual([]);
  });

  it('reading one notification or all of them brings the unread count down', async () => {
    const resident = await as('resident_sx');
    const list = await (await resident.get('/api/notifications')).json();
    expect(list.unread).toBeGreaterThan(1);
    const one = await (await resident.post('/api/notifications/read', { ids: [list.items[0].id] })).json();
    expect(one).toEqual({ marked: 1, unread: list.unread - 1 });
    const again = await (await resident.post('/api/notifications/read', { ids: [list.items[0].id] })).json();
    expect(again.marked).toBe(0);
    const all = await (await resident.post('/api/notifications/read', {})).json();
    expect(all).toEqual({ marked: list.unread - 1, unread: 0 });
  });

  it('notifications are private: the public is refused and nobody can mark someone else’s', async () => {
    expect((await client(t.app).get('/api/notifications')).status).toBe(401);
    const resident = await as('resident_xh');
    const { items } = await (await resident.get('/api/notifications')).json();
    expect(items.length).toBeGreaterThan(0);
    const other = await as('resident_lt');
    expect(await (await other.post('/api/notifications/read', { ids: [items[0].id] })).json()).toMatchObject({ marked: 0 });
    expect((await (await resident.get('/api/notifications')).json()).items[0].readAt).toBeNull();
  });
});
