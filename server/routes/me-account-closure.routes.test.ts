import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { client, seededTemplate, type TestApp } from '#tests/fixtures.ts';
import { newResident, projectIdOf, type Person } from '#tests/people.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { CLOSED_ACCOUNT_NAME } from '#services/account-closure.ts';
import { verifyAuditLog } from '#services/audit.ts';
import { DATASETS } from '#services/open-data.ts';
import { uploadsDir } from '#services/uploads.ts';
import { signInNameKey } from '#services/sign-in.ts';

const NOW = new Date('2026-11-22T12:00:00+08:00');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0d, 0x0a, 0x2d, 0xb4, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

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

const sql = async (q: string, args: (string | number)[] = []) => (await t.ctx.database.client.execute({ sql: q, args })).rows;

/** Every text column of every table of the database, read from the database itself. */
async function textColumns(): Promise<{ table: string; column: string }[]> {
  const tables = (await sql("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_\\_%' escape '\\'")).map((r) => String(r.name));
  const out: { table: string; column: string }[] = [];
  for (const table of tables) for (const c of await sql(`pragma table_info("${table}")`)) if (/text|char|clob|^$/i.test(String(c.type))) out.push({ table, column: String(c.name) });
  return out;
}

/** Where in the database `needle` still appears: `table.column` for each column holding it. */
async function whereIs(needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const { table, column } of await textColumns()) {
    const n = Number((await sql(`select count(*) as n from "${table}" where instr("${column}", ?) > 0`, [needle]))[0]!.n);
    if (n > 0) found.push(`${table}.${column}`);
  }
  return found;
}

/** What the public sees: open data (every dataset, both forms), the published audit log, a finished vote's ballots, statistics. */
async function publicDownloads(): Promise<string> {
  const anon = client(t.app);
  const parts: string[] = [];
  for (const name of DATASETS) for (const f of ['csv', 'json']) parts.push(await (await anon.get(`/api/open-data/${name}.${f}`)).text());
  parts.push(await (await anon.get('/api/audit.ndjson')).text());
  parts.push(await (await anon.get('/api/cycles/cy-sunxi-2024/ballots.pb')).text());
  return parts.join('\n');
}

/** A resident of 莲花, 仙湖 and 笋西 who has done a bit of everything: a draft with a photo, a submitted proposal, a comment, a rating, an objection, a ballot. */
async function busyResident() {
  const me = await newResident(t, ['c-lianhua', 'c-xianhu', 'c-sunxi']);
  const proposal = { title: '注销测试：楼道扶手', category: 'engineering', theme: 'safety', description: '为老楼加装楼道扶手。', address: '莲花社区 7 栋', estimatedCost: '30000' };
  const draft = (await (await me.c.post('/api/cycles/cy-lianhua-2026/proposals', { ...proposal, title: '注销测试：草稿' })).json()) as { code: string };
  const form = new FormData();
  form.append('files', new Blob([PNG], { type: 'image/png' }), 'photo.png');
  expect((await t.app.request(`/api/proposals/${draft.code}/attachments`, { method: 'POST', body: form, headers: { cookie: me.c.cookie } })).status).toBe(201);
  const sent = (await (await me.c.post('/api/cycles/cy-lianhua-2026/proposals', proposal)).json()) as { code: string };
  expect((await me.c.post(`/api/proposals/${sent.code}/submit`)).status).toBe(200);
  const comment = (await (await me.c.post('/api/projects/SGJD-SXSQ-2026-02/comments', { body: '注销测试的留言' })).json()) as { id: string };
  expect((await me.c.post('/api/projects/SGJD-SXSQ-2026-02/ratings', { score: 5 })).status).toBe(201);
  const inNotice = String((await sql("select code from projects where community_id = 'c-sunxi' and state = 'in_public_notice' limit 1"))[0]!.code);
  expect((await me.c.post(`/api/projects/${inNotice}/objections`, { reason: '注销测试的异议' })).status).toBe(201);
  const ballot = await me.c.post('/api/cycles/cy-xianhu-2026/ballot', { projects: [await projectIdOf(t, 'LTJD-XHSQ-2026-01')] });
  expect(ballot.status).toBe(201);
  const { receiptCode } = (await ballot.json()) as { receiptCode: string };
  await (await as('staff_sx')).post(`/api/comments/${comment.id}/replies`, { body: '收到，谢谢。' });
  return { me, draft: draft.code, sent: sent.code, commentId: comment.id, inNotice, receiptCode };
}

/** The public record as anyone reads it: the counts, and the public fields of what the person did. */
async function publicRecord(x: Awaited<ReturnType<typeof busyResident>>) {
  const anon = client(t.app);
  const counts = (await sql(`select (select count(*) from projects where state <> 'draft') as projects, (select count(*) from comments) as comments, (select count(*) from ballots) as ballots,
    (select count(*) from ratings) as ratings, (select count(*) from objections) as objections, (select count(*) from register_entries) as register`))[0];
  return {
    counts: { ...counts },
    proposal: await (await anon.get(`/api/projects/${x.sent}`)).json(),
    comments: await (await anon.get('/api/projects/SGJD-SXSQ-2026-02/comments')).json(),
    ratings: await (await anon.get('/api/projects/SGJD-SXSQ-2026-02/ratings')).json(),
    notice: await (await anon.get(`/api/projects/${x.inNotice}/notice`)).json(),
    receipt: await (await anon.get(`/api/receipts/${x.receiptCode}`)).json(),
    stats: await Promise.all(['lianhua', 'xianhu', 'sunxi'].map(async (s) => (await anon.get(`/api/stats/communities/${s}?year=2026`)).json())),
  };
}

describe('closing an account', () => {
  it('needs the password and the confirmation: a wrong password is refused with 422, a missing tick with 400, and nothing changes', async () => {
    t = await template.fresh({ now: () => NOW });
    const me = await newResident(t, ['c-lianhua']);
    const wrong = await me.c.post('/api/me/close', { password: 'not my password', confirm: true });
    expect([wrong.status, await wrong.json()]).toEqual([422, { error: { code: 'wrong_password', message: '密码不正确', fields: { password: '密码不正确' } } }]);
    const unticked = await me.c.post('/api/me/close', { password: me.password, confirm: false });
    expect([unticked.status, (await unticked.json()).error.fields]).toEqual([400, { confirm: '请确认您了解注销后无法恢复' }]);
    expect((await me.c.get('/api/me')).status).toBe(200);
    expect((await sql('select closed_at from accounts where id = ?', [me.accountId]))[0]!.closed_at).toBeNull();
    expect((await client(t.app).post('/api/me/close', { password: 'x', confirm: true })).status).toBe(401);
  });

  it('is refused while an office is held: the office ends the role first (409 holds_office)', async () => {
    t = await template.fresh({ now: () => NOW });
    for (const who of ['staff_lt', 'council_lt', 'officer', 'auditor']) {
      const res = await (await as(who)).post('/api/me/close', { password: DEMO_PASSWORD, confirm: true });
      expect([who, res.status, (await res.json()).error.code]).toEqual([who, 409, 'holds_office']);
    }
  });

  it('erases the person from every table, ends every session and sign-in, and leaves the public record, the figures and the audit chain as they were', async () => {
    t = await template.fresh({ now: () => NOW });
    const x = await busyResident();
    const { me } = x;
    const elsewhere = client(t.app);
    // A mistyped password first: a guessing counter under the sign-in name.
    expect((await client(t.app).post('/api/auth/sign-in', { login: me.mobile, password: 'mistyped' })).status).toBe(401);
    expect((await sql('select count(*) as n from auth_throttle where key = ?', [signInNameKey(me.mobile)]))[0]!.n).toBe(1);
    expect((await elsewhere.post('/api/auth/sign-in', { login: me.mobile, password: me.password })).status).toBe(200);
    const draftFile = String((await sql('select a.stored_path as p from attachments a join projects p on p.id = a.project_id where p.code = ?', [x.draft]))[0]!.p);
    expect(existsSync(join(uploadsDir(t.ctx.database), draftFile))).toBe(true);
    const entryBefore = (await sql("select * from register_entries where claimed_by_account_id = ? and community_id = 'c-lianhua'", [me.accountId]))[0]!;
    const before = await publicRecord(x);
    const auditBefore = await sql('select seq, hash from audit_log order by seq');
    expect(await publicDownloads()).not.toContain(me.mobile);

    const res = await me.c.post('/api/me/close', { password: me.password, confirm: true });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/wss_session=;/);
    // The counters kept under its sign-in names go with the account.
    expect((await sql('select count(*) as n from auth_throttle where key = ?', [signInNameKey(me.mobile)]))[0]!.n).toBe(0);

    // Every session ended, and the account cannot sign in again.
    expect((await me.c.get('/api/me')).status).toBe(401);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    expect((await client(t.app).post('/api/auth/sign-in', { login: me.mobile, password: me.password })).status).toBe(401);
    for (const table of ['sessions', 'trusted_devices', 'notifications']) expect([table, (await sql(`select count(*) as n from ${table} where account_id = ?`, [me.accountId]))[0]!.n]).toEqual([table, 0]);
    // The guessing counters keep no sign-in name in clear, so the failed try after closing leaves none behind either.
    expect((await sql('select count(*) as n from auth_throttle where key like ?', [`%${me.mobile}%`]))[0]!.n).toBe(0);
    // A tombstone: nothing in it identifies anyone.
    expect((await sql('select username, mobile, display_name, password_hash, closed_at from accounts where id = ?', [me.accountId]))[0]).toEqual(
      expect.objectContaining({ username: null, mobile: null, display_name: CLOSED_ACCOUNT_NAME, password_hash: '!closed', closed_at: NOW.getTime() }),
    );
    // The name, the mobile number and the sign-in name are in no column of any table.
    expect(await whereIs(me.mobile)).toEqual([]);
    expect(await whereIs(me.displayName)).toEqual([]);
    // The draft and its photo are gone; the submitted proposal stays.
    expect(await sql('select id from projects where code = ?', [x.draft])).toEqual([]);
    expect(existsSync(join(uploadsDir(t.ctx.database), draftFile))).toBe(false);
    // Every role ended; the register entry stays the community's, released with a new code.
    expect((await sql('select count(*) as n from role_assignments where account_id = ? and revoked_at is null', [me.accountId]))[0]!.n).toBe(0);
    const entryAfter = (await sql('select * from register_entries where id = ?', [String(entryBefore.id)]))[0]!;
    expect(entryAfter).toMatchObject({ name: entryBefore.name, address: entryBefore.address, register_no: entryBefore.register_no, claimed_at: null });
    expect(entryAfter.verification_code).not.toBe(entryBefore.verification_code);

    // The public record, the figures counted from it and every earlier audit entry are unchanged.
    expect(await publicRecord(x)).toEqual(before);
    expect((await sql('select seq, hash from audit_log order by seq')).slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true, count: auditBefore.length + 2 });
    const closing = await sql('select actor_role, actor_name, action, subject_type, subject_id, after from audit_log where seq > ? order by seq', [auditBefore.length]);
    expect(closing).toEqual([
      expect.objectContaining({ actor_role: 'resident', actor_name: '居民', action: 'proposal.draft_deleted', subject_type: 'project_draft' }),
      expect.objectContaining({ actor_role: 'resident', actor_name: '居民', action: 'account.closed', subject_type: 'site', subject_id: 'accounts', after: JSON.stringify({ draftsDeleted: 1 }) }),
    ]);
    // Nothing the public can download holds the person's name, number or id.
    const downloads = await publicDownloads();
    for (const personal of [me.mobile, me.displayName, me.accountId]) expect(downloads).not.toContain(personal);

    // No one is told anything any more: an answer to their old comment writes no notification.
    expect((await (await as('staff_sx')).post(`/api/comments/${x.commentId}/replies`, { body: '再补充一句。' })).status).toBe(201);
    expect((await sql('select count(*) as n from notifications where account_id = ?', [me.accountId]))[0]!.n).toBe(0);
    // The security log keeps its events (an account id and addresses, never a name) until its retention ends.
    expect((await sql("select count(*) as n from security_events where account_id = ? and kind = 'account_closed'", [me.accountId]))[0]!.n).toBe(1);
  });

  it('the released register entry can be claimed again with its new slip, by a new account', async () => {
    t = await template.fresh({ now: () => NOW });
    const me: Person = await newResident(t, ['c-lianhua']);
    const entry = String((await sql('select id from register_entries where claimed_by_account_id = ?', [me.accountId]))[0]!.id);
    expect((await me.c.post('/api/me/close', { password: me.password, confirm: true })).status).toBe(204);
    const slip = String((await sql('select verification_code as c from register_entries where id = ?', [entry]))[0]!.c);
    const again = await newResident(t);
    expect((await again.c.post('/api/residency/verify', { code: slip })).status).toBe(200);
    expect((await sql('select claimed_by_account_id as a from register_entries where id = ?', [entry]))[0]!.a).toBe(again.accountId);
  });
});
