import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ seed: true });
});
afterAll(() => t.close());

async function as(username: string) {
  const c = client(t.app);
  const r = await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD });
  expect(r.status).toBe(200);
  return c;
}

describe('resident register and verification', () => {
  it('staff of a community import a register CSV and see the new verification codes', async () => {
    const staff = await as('staff_lt');
    const res = await staff.post('/api/communities/lianhua/register', { csv: 'register_no,name,address,phone\nT-1,测试甲,9栋 901,13900000001\nT-2,测试乙,9栋 902,\n' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ imported: 2, skipped: 0 });
    const again = await staff.post('/api/communities/lianhua/register', { csv: 'register_no,name,address\nT-1,测试甲,9栋 901\nT-3,测试丙,9栋 903\n' });
    expect(await again.json()).toEqual({ imported: 1, skipped: 1 });
    const list = await (await staff.get('/api/communities/lianhua/register')).json();
    expect(list.items.find((x: { registerNo: string }) => x.registerNo === 'T-2')).toMatchObject({ name: '测试乙', claimed: false, verificationCode: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/) });
  });

  it('a wrong register CSV is refused naming the line and column, and nothing is imported', async () => {
    const staff = await as('staff_lt');
    const before = (await (await staff.get('/api/communities/lianhua/register')).json()).items.length;
    const res = await staff.post('/api/communities/lianhua/register', { csv: 'register_no,name,address\nW-1,好人,1栋\nW-2,,2栋\n' });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_csv');
    expect(body.error.message).toBe('第 3 行，“name”列：不能为空');
    expect(body.error.fields).toEqual({ 'csv:3:name': '第 3 行，“name”列：不能为空' });
    const after = (await (await staff.get('/api/communities/lianhua/register')).json()).items.length;
    expect(after).toBe(before);
  });

  it('staff of another community, residents and anonymous visitors cannot read or import the register', async () => {
    const other = await as('staff_xh');
    expect((await other.get('/api/communities/lianhua/register')).status).toBe(403);
    expect((await (await other.get('/api/communities/lianhua/register')).json()).error.code).toBe('not_in_community');
    const resident = await as('resident_lt');
    const r = await resident.post('/api/communities/lianhua/register', { csv: 'register_no,name,address\nX,x,x\n' });
    expect(r.status).toBe(403);
    expect((await r.json()).error.code).toBe('role_required');
    expect((await client(t.app).get('/api/communities/lianhua/register')).status).toBe(401);
    const auditor = await as('auditor');
    expect((await auditor.get('/api/communities/lianhua/register')).status).toBe(403);
  });

  it('a register’s personal fields are seen only by the staff of its community: officers above it are refused', async () => {
    for (const who of ['officer', 'street_lt']) {
      const res = await (await as(who)).get('/api/communities/sunxi/register');
      expect([who, res.status, (await res.json()).error.code]).toEqual([who, 403, 'role_required']);
    }
    // An officer may still import a register (the community's own staff then read it).
    expect((await (await as('officer')).post('/api/communities/sunxi/register', { csv: 'register_no,name,address\nOFF-1,区里导入,1栋\n' })).status).toBe(200);
  });

  it('every register download is recorded in the audit log: who, when, how many rows — never the rows', async () => {
    const staff = await as('staff_sx');
    const before = Number((await t.ctx.database.client.execute("select count(*) as n from audit_log where action = 'register.exported'")).rows[0]!.n);
    const items = (await (await staff.get('/api/communities/sunxi/register')).json()).items as { name: string; address: string; verificationCode: string }[];
    const entries = (await t.ctx.database.client.execute("select * from audit_log where action = 'register.exported' order by seq")).rows;
    expect(entries.length).toBe(before + 1);
    expect(entries.at(-1)).toMatchObject({ actor_role: 'staff', actor_name: '吴勇（示例）', subject_type: 'community', subject_id: 'c-sunxi', after: JSON.stringify({ all: true, format: 'api', rows: items.length }) });
    const published = await (await client(t.app).get('/api/audit.ndjson')).text();
    for (const row of items) for (const field of [row.name, row.address, row.verificationCode]) expect(published).not.toContain(field);
    // And in the security log, as an export of personal data.
    const logged = (await t.ctx.database.client.execute("select what, detail from security_events where kind = 'personal_data_export' and account_id = 'demo-staff_sx'")).rows;
    expect(logged.at(-1)).toMatchObject({ what: 'register.download', detail: JSON.stringify({ community: 'c-sunxi', rows: items.length, all: true }) });
  });

  it('a new account becomes a verified resident with a slip code, once', async () => {
    const staff = await as('staff_xh');
    const items = (await (await staff.get('/api/communities/xianhu/register')).json()).items as { verificationCode: string; claimed: boolean }[];
    const code = items.find((x) => !x.claimed)!.verificationCode;
    const person = client(t.app);
    await person.post('/api/auth/sign-up', { login: '13700000001', password: 'password1', displayName: '新居民' });
    const res = await person.post('/api/residency/verify', { code: code.toLowerCase().replace('-', ' ') });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ community: { slug: 'xianhu', nameZh: '仙湖社区', nameEn: 'Xianhu Community' } });
    const me = await (await person.get('/api/me')).json();
    expect(me.roles).toEqual([expect.objectContaining({ role: 'resident', scopeKind: 'community', scopeNameZh: '仙湖社区' })]);

    const someoneElse = client(t.app);
    await someoneElse.post('/api/auth/sign-up', { login: '13700000002', password: 'password1', displayName: '另一人' });
    const used = await someoneElse.post('/api/residency/verify', { code });
    expect(used.status).toBe(409);
    expect((await used.json()).error).toMatchObject({ code: 'code_used', fields: { code: '这个核验码已经被使用过了' } });
    const wrong = await someoneElse.post('/api/residency/verify', { code: 'AAAA-AAAA' });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.code).toBe('code_unknown');
    expect((await client(t.app).post('/api/residency/verify', { code })).status).toBe(401);
  });

  it('verification is written to the audit log without naming the resident', async () => {
    // 仙湖's vote is open in the demo data, so the public log lists what was just written under `pending`, without its place in the chain.
    const log = await (await client(t.app).get('/api/audit?action=resident.verified')).json();
    expect(log.pending.length).toBeGreaterThan(0);
    expect(log.pending[0]).toMatchObject({ actorRole: 'resident', actorName: '居民', subjectType: 'community' });
    expect(JSON.stringify(log)).not.toContain('新居民');
  });
});
