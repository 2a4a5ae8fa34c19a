import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ seed: true });
});
afterAll(() => t.close());

async function as(login: string | null) {
  const c = client(t.app);
  if (login) expect((await c.post('/api/auth/sign-in', { login, password: DEMO_PASSWORD })).status).toBe(200);
  return c;
}
const check = async (login: string | null, action: string, fields: Record<string, string> = {}) => {
  const res = await (await as(login)).post('/api/forms/check', { action, fields });
  return { status: res.status, body: await res.json() };
};

/** 中秋邻里节: resident_lt's own proposal, submitted, in 莲花社区 while proposals are being collected. */
const OWN = '/projects/LTJD-LHSQ-2026-01';

describe('POST /api/forms/check', () => {
  it('staff are refused the withdraw form of a resident’s proposal, and its proposer may use it', async () => {
    expect(await check('staff_lt', OWN, { event: 'withdraw' })).toEqual({ status: 200, body: { allowed: false, reason: 'not_proposer', message: '只有项目提议人本人才能这样做' } });
    expect(await check('resident_lt', OWN, { event: 'withdraw' })).toEqual({ status: 200, body: { allowed: true, reason: null, message: null } });
  });

  it('the screening decision is refused while proposals are still being collected', async () => {
    expect((await check('staff_lt', '/projects/LTJD-LHSQ-2026-02', { event: 'screen_in' })).body).toMatchObject({ allowed: false, reason: 'wrong_phase' });
    expect((await check('staff_lt', '/staff/lianhua/screening?cycle=cy-lianhua-2026', { action: 'screen', decision: 'out', project: 'nope' })).body).toMatchObject({ allowed: false, reason: 'not_found' });
  });

  it('a visitor is asked to sign in before commenting, a resident of the community may comment, a resident elsewhere may not', async () => {
    expect((await check(null, OWN, { intent: 'comment' })).body).toMatchObject({ allowed: false, reason: 'not_signed_in' });
    expect((await check('resident_lt', OWN, { intent: 'comment' })).body).toMatchObject({ allowed: true });
    expect((await check('resident_xh', OWN, { intent: 'comment' })).body).toMatchObject({ allowed: false, reason: 'not_resident_of_community' });
  });

  it('a project’s forms are refused with not_found when there is no such project', async () => {
    const nope = '/projects/LTJD-LHSQ-2026-99';
    expect((await check('staff_lt', nope, { intent: 'reply_comment' })).body).toMatchObject({ allowed: false, reason: 'not_found' });
    expect((await check('council_lt', `${nope}/council`, { action: 'opinion' })).body).toMatchObject({ allowed: false, reason: 'not_found' });
    expect((await check('resident_lt', `${nope}/edit`, { intent: 'save' })).body).toMatchObject({ allowed: false, reason: 'not_found' });
  });

  it('a district officer may publish rulebooks for their own district only', async () => {
    expect((await check('officer', '/staff/rulebooks', { action: 'create' })).body).toMatchObject({ allowed: true });
    expect((await check('officer', '/staff/rulebooks?district=d-nowhere', { action: 'create' })).body).toMatchObject({ allowed: false, reason: 'not_in_community' });
    expect((await check('staff_lt', '/staff/rulebooks', { action: 'create' })).body).toMatchObject({ allowed: false });
  });

  it('answers in English for an English reader', async () => {
    const c = await as('staff_lt');
    const res = await c.post('/api/forms/check', { action: OWN, fields: { event: 'withdraw' } }, { 'accept-language': 'en' });
    expect((await res.json()).message).toBe('Only the person who proposed this project can do this');
  });

  it('a form the site does not have answers 404 unknown_form, and bad input 400', async () => {
    const r = await check('staff_lt', '/projects/LTJD-LHSQ-2026-01', { intent: 'no_such_thing' });
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'unknown_form' });
    expect((await check('staff_lt', 'not-a-path')).status).toBe(400);
  });

  it('an action naming another host is bad input (400), and a path whose escapes are not UTF-8 is no form of the site (404), never a server error', async () => {
    for (const action of ['//evil.example/projects/X', '/\\', '/\\evil.example/staff/rulebooks']) {
      const r = await check('staff_lt', action);
      expect(r.status, action).toBe(400);
      expect(r.body.error.code, action).toBe('validation_failed');
    }
    const broken = await check('staff_lt', '/projects/%E0%A4%A/council', { action: 'opinion' });
    expect(broken.status).toBe(404);
    expect(broken.body.error).toMatchObject({ code: 'unknown_form' });
  });

  it('asking changes nothing', async () => {
    const count = async () => (await t.ctx.database.db.get<{ n: number }>(sql`select count(*) as n from audit_log`))!.n;
    const before = await count();
    await check('resident_lt', OWN, { event: 'withdraw' });
    await check('staff_lt', '/staff/lianhua/phase', {});
    expect(await count()).toBe(before);
    expect((await check('resident_lt', OWN, { event: 'withdraw' })).body.allowed).toBe(true);
  });
});

describe('verifying one’s own residency', () => {
  it('is offered to the auditor because the server accepts it from any signed-in account, and the register stays the staff’s', async () => {
    // The account page's 核验我本人的居民身份 is a person claiming their own register entry with a slip's code, not verifying others.
    expect((await check('auditor', '/verify')).body).toEqual({ allowed: true, reason: null, message: null });
    const slip = (await t.ctx.database.db.get<{ code: string }>(sql`select verification_code as code from register_entries where community_id = 'c-lianhua' and claimed_by_account_id is null limit 1`))!;
    const res = await (await as('auditor')).post('/api/residency/verify', { code: slip.code });
    expect([res.status, (await res.json()).community.slug]).toEqual([200, 'lianhua']);
    // Verifying other residents (the register, its slips and codes) stays with staff and officers: the auditor is refused it.
    expect((await check('auditor', '/staff/lianhua', {})).body).toMatchObject({ allowed: false, reason: 'role_required' });
    expect((await (await as('auditor')).get('/api/communities/lianhua/register')).status).toBe(403);
  });
});
