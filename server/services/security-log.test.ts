import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { listSecurityEvents, mayReadSecurityLog, pruneSecurityEvents, recordSecurityEvent, securityEventsCsv } from './security-log.ts';
import { parseEnv } from '../env.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let clock = new Date('2026-12-07T02:00:00Z');
beforeAll(async () => {
  t = await testApp({ seed: true, now: () => clock });
});
afterAll(() => t.close());

/** The newest events of a kind, once the middleware's write (not awaited by the answer) has landed. */
async function newest(kind: Parameters<typeof listSecurityEvents>[1]['kind'], n = 1) {
  for (let i = 0; i < 50; i++) {
    const { items } = await listSecurityEvents(t.ctx, { kind });
    if (items.length >= n) return items;
    await new Promise((r) => setTimeout(r, 20));
  }
  return (await listSecurityEvents(t.ctx, { kind })).items;
}

describe('security log', () => {
  it('a failed sign-in and a refused action are in the security log', async () => {
    const stranger = client(t.app);
    expect((await stranger.post('/api/auth/sign-in', { login: 'staff_lt', password: 'wrong-password' })).status).toBe(401);
    const [failed] = await newest('sign_in_failed');
    expect(failed).toMatchObject({ kind: 'sign_in_failed', accountId: 'demo-staff_lt', what: 'sign-in', outcome: 'refused', address: expect.any(String) });
    // What was typed is never kept.
    expect(JSON.stringify(failed)).not.toContain('wrong-password');

    const resident = client(t.app);
    expect((await resident.post('/api/auth/sign-in', { login: 'resident_lt', password: DEMO_PASSWORD })).status).toBe(200);
    const [signedIn] = await newest('sign_in');
    expect(signedIn).toMatchObject({ accountId: 'demo-resident_lt', outcome: 'ok' });

    // A resident tries a staff-only action: refused, and logged with the route and the reason code.
    const refused = await resident.post('/api/cycles/cy-lianhua-2026/phase', { phase: 'screening' });
    expect(refused.status).toBe(403);
    const [forbidden] = await newest('forbidden');
    expect(forbidden).toMatchObject({ kind: 'forbidden', accountId: 'demo-resident_lt', what: 'POST /api/cycles/:id/phase', outcome: 'refused' });
    expect(JSON.parse(forbidden!.detail!)).toEqual({ status: 403, code: (await refused.json()).error.code });

    expect((await resident.post('/api/auth/sign-out')).status).toBeLessThan(300);
    expect((await newest('sign_out'))[0]).toMatchObject({ accountId: 'demo-resident_lt' });
  });

  it('a register import and a verified residency are logged as register and role changes', async () => {
    const staff = client(t.app);
    await staff.post('/api/auth/sign-in', { login: 'staff_lt', password: DEMO_PASSWORD });
    const res = await staff.post('/api/communities/lianhua/register', { csv: 'register_no,name,address\nSEC-0001,测试居民,1栋 101室\n' });
    expect(res.status).toBe(200);
    const [imported] = await newest('register_changed');
    expect(imported).toMatchObject({ accountId: 'demo-staff_lt', what: 'register.import', outcome: 'ok' });
    expect(JSON.parse(imported!.detail!)).toMatchObject({ imported: 1 });
    // The name on the register is not in the security log.
    expect(JSON.stringify(await listSecurityEvents(t.ctx, {}))).not.toContain('测试居民');
  });

  it('only district officers and auditors may read it', async () => {
    const roles = (role: string, kind: 'community' | 'street' | 'district') => ({ accountId: 'x', assignments: [{ role: role as 'officer', scope: { kind, id: 'x' } }] });
    expect(mayReadSecurityLog(roles('officer', 'district'))).toBe(true);
    expect(mayReadSecurityLog(roles('auditor', 'district'))).toBe(true);
    expect(mayReadSecurityLog(roles('officer', 'street'))).toBe(false);
    expect(mayReadSecurityLog(roles('staff', 'community'))).toBe(false);
    expect(mayReadSecurityLog(null)).toBe(false);
  });

  it('keeps events at least 180 days, prunes older ones, and exports CSV without formulas', async () => {
    await recordSecurityEvent(t.ctx, { kind: 'forbidden', accountId: null, address: '=cmd|1', what: 'GET /old', outcome: 'refused' });
    const csv = await securityEventsCsv(t.ctx, { kind: 'forbidden' });
    expect(csv.split('\r\n')[0]).toBe('id,at,kind,account_id,address,what,outcome,detail,request_id');
    expect(csv).toContain(`"'=cmd|1"`);
    clock = new Date(clock.getTime() + 179 * 86_400_000);
    expect(await pruneSecurityEvents(t.ctx, 30)).toBe(0);
    clock = new Date(clock.getTime() + 2 * 86_400_000);
    expect(await pruneSecurityEvents(t.ctx, 30)).toBeGreaterThan(0);
    expect((await listSecurityEvents(t.ctx, {})).items).toEqual([]);
    expect(() => parseEnv({ SECURITY_LOG_DAYS: '90' })).toThrow(/SECURITY_LOG_DAYS: must be at least 180/);
  });
});
