import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp } from '#tests/fixtures.ts';
import { projects } from '#db/schema.ts';
import { COUNCIL_FIXTURE as F, chinaMinute, person, seedFixture } from '#tests/e2e/fixtures/council.ts';
import { addTerm } from './council.ts';
import { councilRecord } from './council-record.ts';
import { getMeeting, openMeeting, publishAgenda, recordAttendance, recordVotes, scheduleMeeting } from './meetings.ts';

const NOW = new Date('2026-11-22T12:00:00+08:00');
let t: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  t = await testApp({ seed: true, now: () => NOW });
  // Two closed meetings of 笋西's council (six days ago, one item; yesterday, two items): all seven present, the chair against, the rest for.
  await seedFixture(t.ctx);
  const staff = await person(t.ctx, 'staff_sx');
  // A third meeting today: the last member is absent, the first member present abstains.
  const code = (await t.ctx.database.db.select({ code: projects.code }).from(projects).where(and(eq(projects.cycleId, F.cycleId), eq(projects.title, F.toAdopt.title))))[0]!.code;
  const s = await scheduleMeeting(t.ctx, F.cycleId, { title: '议事会 2025 年度第三次会议（测试）', scheduledAt: chinaMinute(NOW), place: '社区党群服务中心', agenda: [code] }, staff.actor, staff.audit);
  if (!s.ok) throw new Error(s.code);
  expect((await publishAgenda(t.ctx, s.id, staff.actor, staff.audit)).ok).toBe(true);
  expect((await openMeeting(t.ctx, s.id, staff.actor, staff.audit)).ok).toBe(true);
  const view = (await getMeeting(t.ctx, s.id))!;
  const present = view.members.slice(0, -1);
  expect((await recordAttendance(t.ctx, s.id, present.map((m) => m.accountId), staff.actor, staff.audit)).ok).toBe(true);
  const votes = present.map((m, i) => ({ accountId: m.accountId, vote: i === 0 ? ('abstain' as const) : ('for' as const) }));
  expect((await recordVotes(t.ctx, s.id, view.items[0]!.id, votes, staff.actor, staff.audit)).ok).toBe(true);
  // A meeting scheduled but not published counts for nobody.
  await scheduleMeeting(t.ctx, F.cycleId, { title: '未公布议程的会议（测试）', scheduledAt: chinaMinute(NOW), place: '社区党群服务中心', agenda: [] }, staff.actor, staff.audit);
  // An earlier term of a resident who is no longer on the council.
  expect((await addTerm(t.ctx, 'c-sunxi', { login: 'resident_sx', role: 'member', startsOn: '2024-01-01', endsOn: '2024-12-31' }, staff.actor, staff.audit)).ok).toBe(true);
});
afterAll(() => t.close());

describe('the council record', () => {
  it("counts each current member's attendance and votes at published meetings of their term, in SQL", async () => {
    const r = await councilRecord(t.ctx.database.db, 'c-sunxi', '2026-11-22');
    expect(r.current.map((m) => [m.role, m.startsOn, m.endsOn, m.meetingsHeld, m.attended, m.votes])).toEqual([
      ['chair', '2025-01-01', '2027-12-31', 3, 3, { for: 0, against: 3, abstain: 1 }],
      ...Array.from({ length: 5 }, () => ['member', '2025-01-01', '2027-12-31', 3, 3, { for: 4, against: 0, abstain: 0 }]),
      ['member', '2025-01-01', '2027-12-31', 3, 2, { for: 3, against: 0, abstain: 0 }],
    ]);
    const chair = r.current[0]!;
    expect(chair.voteList.map((v) => [v.meetingTitle, v.projectTitle, v.vote])).toEqual([
      ['议事会 2025 年度第一次会议（测试）', F.approvedByClock.title, 'against'],
      ['议事会 2025 年度第二次会议（测试）', F.toObject.title, 'against'],
      ['议事会 2025 年度第二次会议（测试）', F.toPrint.title, 'against'],
      ['议事会 2025 年度第三次会议（测试）', F.toAdopt.title, 'abstain'],
    ]);
    expect(new Set(chair.voteList.map((v) => v.meetingId)).size).toBe(3);
  });

  it('lists earlier terms with their dates, and nobody for a community without a council', async () => {
    const r = await councilRecord(t.ctx.database.db, 'c-sunxi', '2026-11-22');
    expect(r.others.map((x) => [x.name, x.role, x.startsOn, x.endsOn, x.current])).toEqual([['笋西居民（示例）', 'member', '2024-01-01', '2024-12-31', false]]);
    expect(await councilRecord(t.ctx.database.db, 'c-no-such', '2026-11-22')).toEqual({ current: [], others: [] });
  });
});
