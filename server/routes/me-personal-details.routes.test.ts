import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { client, seededTemplate, type TestApp } from '#tests/fixtures.ts';
import { newResident } from '#tests/people.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { verifyAuditLog } from '#services/audit.ts';

const NOW = new Date('2026-11-22T12:00:00+08:00');
let template: Awaited<ReturnType<typeof seededTemplate>>;
let t: TestApp;
beforeAll(async () => {
  template = await seededTemplate();
});
afterAll(() => template.close());
afterEach(() => t?.close());

async function as(username: string) {
  const c = client(t.app);
  expect((await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD })).status).toBe(200);
  return c;
}

/** The whole public log as published, one text. */
async function publishedLog() {
  return (await client(t.app).get('/api/audit.ndjson')).text();
}

async function entryOf(c: string) {
  return (await t.ctx.database.client.execute({ sql: "select * from register_entries where community_id = 'c-lianhua' and name = ?", args: [c] })).rows[0]!;
}

describe('correcting one’s name and mobile number', () => {
  it('a resident corrects their name and mobile number: one audit entry names the fields, never the values', async () => {
    t = await template.fresh({ now: () => NOW });
    const me = await newResident(t, ['c-lianhua']);
    const res = await me.c.post('/api/me/details', { displayName: '  甄新名  ', mobile: '13812345678' });
    expect([res.status, await res.json()]).toEqual([200, { changed: ['displayName', 'mobile'] }]);
    expect((await (await me.c.get('/api/me')).json()).account).toMatchObject({ displayName: '甄新名', mobile: '13812345678' });
    // The new number signs in; the old one no longer does.
    expect((await client(t.app).post('/api/auth/sign-in', { login: '13812345678', password: me.password })).status).toBe(200);
    expect((await client(t.app).post('/api/auth/sign-in', { login: me.mobile, password: me.password })).status).toBe(401);
    const entries = (await t.ctx.database.client.execute("select actor_role, actor_name, subject_type, subject_id, after from audit_log where action = 'account.details_corrected'")).rows;
    expect(entries).toEqual([expect.objectContaining({ actor_role: 'resident', actor_name: '居民', subject_type: 'site', subject_id: 'accounts', after: JSON.stringify({ fields: ['displayName', 'mobile'] }) })]);
    const log = await publishedLog();
    for (const personal of ['甄新名', '13812345678', me.mobile, me.displayName, me.accountId]) expect(log).not.toContain(personal);
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true });
    // The same values again: nothing changes, nothing is written.
    expect(await (await me.c.post('/api/me/details', { displayName: '甄新名', mobile: '13812345678' })).json()).toEqual({ changed: [] });
    expect((await t.ctx.database.client.execute("select count(*) as n from audit_log where action = 'account.details_corrected'")).rows[0]!.n).toBe(1);
  });

  it('wrong details are refused field by field, in the person’s language, and nothing is changed', async () => {
    t = await template.fresh({ now: () => NOW });
    const me = await newResident(t);
    const zh = await me.c.post('/api/me/details', { displayName: '   ', mobile: '12345' });
    expect([zh.status, await zh.json()]).toEqual([400, { error: { code: 'validation_failed', message: '提交的内容有误，请检查标出的字段。', fields: { displayName: '不能为空', mobile: '请输入 11 位手机号（以 1 开头），或留空' } } }]);
    const en = await me.c.post('/api/me/details', { displayName: 'x'.repeat(41), mobile: '23456789012' }, { cookie: `${me.c.cookie}; lang=en` });
    expect([en.status, (await en.json()).error.fields]).toEqual([400, { displayName: 'Must be at most 40 characters', mobile: 'Enter an 11-digit mobile number starting with 1, or leave it empty' }]);
    expect((await (await me.c.get('/api/me')).json()).account).toMatchObject({ displayName: me.displayName, mobile: me.mobile });
  });

  it('a number another account signs in with is refused (409); an account without a username keeps its mobile number (422)', async () => {
    t = await template.fresh({ now: () => NOW });
    const me = await newResident(t);
    const other = await newResident(t);
    const taken = await me.c.post('/api/me/details', { displayName: me.displayName, mobile: other.mobile });
    expect([taken.status, await taken.json()]).toEqual([409, { error: { code: 'login_taken', message: '这个手机号已经被另一个账号使用', fields: { mobile: '这个手机号已经被另一个账号使用' } } }]);
    const none = await me.c.post('/api/me/details', { displayName: me.displayName, mobile: '' });
    expect([none.status, (await none.json()).error.code]).toEqual([422, 'login_required']);
    // A demo account signs in with its username, so it may go without a mobile number.
    const resident = await as('resident_lt');
    expect((await (await resident.post('/api/me/details', { displayName: '莲花居民', mobile: '' })).json()).changed).toEqual(['displayName']);
  });
});

describe('correcting one’s own register entry', () => {
  it('a new address sends residency back through verification: the role ends, the old slip is void, the new slip restores it', async () => {
    t = await template.fresh({ now: () => NOW });
    const me = await newResident(t, ['c-lianhua']);
    const before = await entryOf(me.registerNames[0]!);
    const res = await me.c.post('/api/me/residencies/lianhua', { name: String(before.name), address: '莲花社区 9 栋 902 室', phone: '' });
    expect([res.status, await res.json()]).toEqual([200, { changed: ['address'], reverify: true }]);
    const after = await entryOf(me.registerNames[0]!);
    expect(after).toMatchObject({ address: '莲花社区 9 栋 902 室', claimed_by_account_id: me.accountId, claimed_at: null });
    expect(after.verification_code).not.toBe(before.verification_code);
    // No longer a resident until verified again: proposing is refused, and the page says it waits for a slip.
    expect((await (await me.c.get('/api/me')).json()).roles).toEqual([]);
    const propose = await me.c.post('/api/cycles/cy-lianhua-2026/proposals', { title: '试试', category: 'services', theme: 'care', description: '重新核验之前不能提议。', address: '莲花社区', estimatedCost: '5000' });
    expect([propose.status, (await propose.json()).error.code]).toEqual([403, 'not_resident_of_community']);
    expect((await (await me.c.get('/api/me/data')).json()).register[0]).toMatchObject({ address: '莲花社区 9 栋 902 室', awaitingVerification: true, verifiedAt: null });
    // The old slip no longer claims anything; the staff's register lists the entry as not verified, with the new code.
    expect((await me.c.post('/api/residency/verify', { code: String(before.verification_code) })).status).toBe(422);
    const staffList = (await (await (await as('staff_lt')).get('/api/communities/lianhua/register')).json()).items as { registerNo: string; verificationCode: string; claimed: boolean }[];
    expect(staffList.find((x) => x.registerNo === after.register_no)).toEqual({ registerNo: after.register_no, name: after.name, address: '莲花社区 9 栋 902 室', verificationCode: after.verification_code, claimed: false });
    expect((await me.c.post('/api/residency/verify', { code: String(after.verification_code) })).status).toBe(200);
    expect((await (await me.c.get('/api/me')).json()).roles).toEqual([expect.objectContaining({ role: 'resident', scopeId: 'c-lianhua' })]);
    // The log names the fields and that residency is to be checked again: not the address, not the person.
    const entry = (await t.ctx.database.client.execute("select actor_name, subject_type, subject_id, after from audit_log where action = 'resident.register_corrected'")).rows[0]!;
    expect(entry).toMatchObject({ actor_name: '居民', subject_type: 'community', subject_id: 'c-lianhua', after: JSON.stringify({ fields: ['address'], reverify: true }) });
    expect(await publishedLog()).not.toContain('9 栋 902');
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true });
  });

  it('a new phone number only is a contact detail: residency stays', async () => {
    t = await template.fresh({ now: () => NOW });
    const me = await newResident(t, ['c-lianhua']);
    const e = await entryOf(me.registerNames[0]!);
    const res = await me.c.post('/api/me/residencies/lianhua', { name: String(e.name), address: String(e.address), phone: '0755-1234 5678' });
    expect([res.status, await res.json()]).toEqual([200, { changed: ['phone'], reverify: false }]);
    expect(await entryOf(me.registerNames[0]!)).toMatchObject({ phone: '0755-1234 5678', claimed_at: e.claimed_at, verification_code: e.verification_code });
    expect((await (await me.c.get('/api/me')).json()).roles).toEqual([expect.objectContaining({ role: 'resident', scopeId: 'c-lianhua' })]);
    const bad = await me.c.post('/api/me/residencies/lianhua', { name: String(e.name), address: String(e.address), phone: 'call me' });
    expect([bad.status, (await bad.json()).error.fields]).toEqual([400, { phone: '电话号码格式不对（7–20 位数字，可含 - 和空格），或留空' }]);
  });

  it('nobody corrects an entry they have not claimed (403), and a council member asks staff to correct their residency (409)', async () => {
    t = await template.fresh({ now: () => NOW });
    const me = await newResident(t, ['c-lianhua']);
    const notMine = await me.c.post('/api/me/residencies/xianhu', { name: '某人', address: '某处', phone: '' });
    expect([notMine.status, await notMine.json()]).toEqual([403, { error: { code: 'not_resident_of_community', message: '只有本社区已核验的居民才能这样做' } }]);
    const council = await as('council_lt');
    const e = (await (await council.get('/api/me/data')).json()).register[0];
    const moved = await council.post('/api/me/residencies/lianhua', { name: e.name, address: '别处', phone: '' });
    expect([moved.status, (await moved.json()).error.code]).toEqual([409, 'holds_office']);
    expect((await client(t.app).post('/api/me/residencies/lianhua', { name: 'x', address: 'y', phone: '' })).status).toBe(401);
  });
});
