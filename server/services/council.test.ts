import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { testApp } from '#tests/fixtures.ts';
import { roleAssignments } from '#db/schema.ts';
import { person } from '#tests/e2e/fixtures/council.ts';
import { addTerm, listTerms, membersInOffice, syncCouncilRoles } from './council.ts';
import { startCouncilClock } from './notices.ts';
import { listAudit } from './audit.ts';

let clock = new Date('2026-11-22T12:00:00+08:00');
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ seed: true, now: () => clock });
});
afterAll(() => t.close());

const councilRoles = (accountId: string) =>
  t.ctx.database.db.select().from(roleAssignments).where(and(eq(roleAssignments.accountId, accountId), eq(roleAssignments.role, 'council_member'), isNull(roleAssignments.revokedAt)));

describe('council terms and roles over time', () => {
  it('a term that starts tomorrow grants nothing today; the clock grants the role on its first day and revokes it after its last', async () => {
    const staff = await person(t.ctx, 'staff_xh');
    const r = await addTerm(t.ctx, 'c-xianhu', { login: 'resident_xh', role: 'member', startsOn: '2026-11-23', endsOn: '2026-11-30' }, staff.actor, staff.audit);
    expect(r.ok).toBe(true);
    expect(await councilRoles('demo-resident_xh')).toEqual([]);
    expect((await listTerms(t.ctx.database.db, 'c-xianhu', '2026-11-22')).find((x) => x.name === '仙湖居民（示例）')).toMatchObject({ current: false });
    expect(await syncCouncilRoles(t.ctx, clock)).toBe(0);

    clock = new Date('2026-11-23T00:05:00+08:00');
    expect(await syncCouncilRoles(t.ctx, clock)).toBe(1);
    expect((await councilRoles('demo-resident_xh')).length).toBe(1);
    expect((await membersInOffice(t.ctx.database.db, 'c-xianhu', '2026-11-23')).length).toBe(8);

    clock = new Date('2026-12-01T00:05:00+08:00');
    const stop = await startCouncilClock(t.ctx, 3_600_000);
    stop();
    expect(await councilRoles('demo-resident_xh')).toEqual([]);
    const log = await listAudit(t.ctx.database, { subjectId: 'c-xianhu' });
    expect(log.slice(0, 3).map((e) => [e.action, e.actorRole, e.reason])).toEqual([
      ['council.role_revoked', 'system', '任期结束'],
      ['council.role_granted', 'system', '任期开始'],
      ['council.term_added', 'staff', null],
    ]);
  });
});
