import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '#db/schema.ts';
import { client, seededTemplate, type TestApp } from '#tests/fixtures.ts';
import { newResident, projectIdOf } from '#tests/people.ts';
import { listSecurityEvents } from '#services/security-log.ts';
import { MY_DATA_SECTIONS, PERSON_COLUMNS } from '#services/my-data.ts';

/**
 * Every column of the schema that points at a person: a foreign key to an
 * account or a register entry, or a name that says so (…account_id, …_by,
 * register_entry_id), read from the drizzle schema itself.
 */
function personColumns(): string[] {
  const found: string[] = [];
  for (const table of Object.values(schema)) {
    if (!is(table, SQLiteTable)) continue;
    const config = getTableConfig(table);
    const pointsAtPerson = new Set(
      config.foreignKeys
        .map((fk) => fk.reference())
        .filter((r) => ['accounts', 'register_entries'].includes(getTableConfig(r.foreignTable).name))
        .flatMap((r) => r.columns.map((c) => c.name)),
    );
    for (const column of config.columns) {
      if (pointsAtPerson.has(column.name) || /(^|_)account_id$|_by$|register_entry_id$/.test(column.name)) found.push(`${config.name}.${column.name}`);
    }
  }
  return found.sort();
}

describe('what the export covers', () => {
  it('every column that points at a person is declared, with how the export covers it', () => {
    const columns = personColumns();
    expect(columns.length).toBeGreaterThan(30);
    const declared = Object.keys(PERSON_COLUMNS).sort();
    // A new table (or column) pointing at an account or a register entry fails here until the export covers it.
    expect({ notCovered: columns.filter((c) => !declared.includes(c)), notInSchema: declared.filter((c) => !columns.includes(c)) }).toEqual({ notCovered: [], notInSchema: [] });
    for (const [column, how] of Object.entries(PERSON_COLUMNS)) if ('section' in how) expect(MY_DATA_SECTIONS, column).toContain(how.section);
  });
});

/** A day when the demo has a vote open (仙湖), proposals collected (莲花) and a project on public notice (笋西). */
const NOW = new Date('2026-11-22T12:00:00+08:00');
let template: Awaited<ReturnType<typeof seededTemplate>>;
let t: TestApp;
beforeAll(async () => {
  template = await seededTemplate();
});
afterAll(() => template.close());
afterEach(() => t?.close());

describe('GET /api/me/data', () => {
  it('a resident downloads their account, register entries, proposals and drafts, comments, ratings, objections, ballots, notifications, sign-ins and sessions', async () => {
    t = await template.fresh({ now: () => NOW });
    const me = await newResident(t, ['c-lianhua', 'c-xianhu', 'c-sunxi']);
    // Sign in again from a second browser: a sign-in event and a second session.
    const second = client(t.app);
    expect((await second.post('/api/auth/sign-in', { login: me.mobile, password: me.password })).status).toBe(200);
    const proposal = { title: '我的测试提议：楼道扶手', category: 'engineering', theme: 'safety', description: '为老楼加装楼道扶手，方便老人上下楼。', address: '莲花社区 7 栋', estimatedCost: '30000' };
    const draft = await (await me.c.post('/api/cycles/cy-lianhua-2026/proposals', { ...proposal, title: '我的测试草稿：健身角' })).json();
    const sent = await (await me.c.post('/api/cycles/cy-lianhua-2026/proposals', proposal)).json();
    expect((await me.c.post(`/api/proposals/${sent.code}/submit`)).status).toBe(200);
    const comment = await me.c.post('/api/projects/SGJD-SXSQ-2026-02/comments', { body: '我的测试留言：公告栏很好' });
    expect(comment.status).toBe(201);
    const { id: commentId } = await comment.json();
    expect((await me.c.post('/api/projects/SGJD-SXSQ-2026-02/ratings', { score: 4, comment: '我的测试评价' })).status).toBe(201);
    const inNotice = String((await t.ctx.database.client.execute("select code from projects where community_id = 'c-sunxi' and state = 'in_public_notice' limit 1")).rows[0]!.code);
    expect((await me.c.post(`/api/projects/${inNotice}/objections`, { reason: '我的测试异议：离住宅太近' })).status).toBe(201);
    const ballot = await me.c.post('/api/cycles/cy-xianhu-2026/ballot', { projects: [await projectIdOf(t, 'LTJD-XHSQ-2026-01')] });
    expect(ballot.status).toBe(201);
    const { receiptCode } = await ballot.json();
    // The community's staff answer the comment: its author is told.
    const staff = client(t.app);
    await staff.post('/api/auth/sign-in', { login: 'staff_sx', password: 'demo12345' });
    expect((await staff.post(`/api/comments/${commentId}/replies`, { body: '谢谢您的意见。' })).status).toBe(201);

    const res = await me.c.get('/api/me/data?download=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const data = JSON.parse(text);
    expect(data.account).toMatchObject({ id: me.accountId, mobile: me.mobile, displayName: me.displayName, username: null, closedAt: null });
    expect(data.roles.filter((r: { role: string; revokedAt: string | null }) => r.role === 'resident' && r.revokedAt === null).map((r: { scope: { id: string } }) => r.scope.id).sort()).toEqual(['c-lianhua', 'c-sunxi', 'c-xianhu']);
    expect(data.register.map((e: { name: string }) => e.name).sort()).toEqual([...me.registerNames].sort());
    // The fields the register holds about them; not the slip's code.
    expect(Object.keys(data.register[0]).sort()).toEqual(['address', 'awaitingVerification', 'community', 'importedAt', 'name', 'phone', 'registerNo', 'verifiedAt']);
    expect(data.register[0]).toMatchObject({ community: { slug: 'lianhua', nameZh: '莲花社区' }, registerNo: expect.any(String), verifiedAt: NOW.toISOString(), awaitingVerification: false });
    expect(data.proposals.map((p: { code: string; state: string }) => [p.code, p.state]).sort()).toEqual([[draft.code, 'draft'], [sent.code, 'submitted']].sort());
    expect(data.comments).toEqual([expect.objectContaining({ projectCode: 'SGJD-SXSQ-2026-02', body: '我的测试留言：公告栏很好', hidden: null, officialReplies: 1 })]);
    expect(data.ratings).toEqual([expect.objectContaining({ projectCode: 'SGJD-SXSQ-2026-02', score: 4, comment: '我的测试评价' })]);
    expect(data.objections).toEqual([expect.objectContaining({ projectCode: inNotice, reason: '我的测试异议：离住宅太近', status: 'open' })]);
    expect(data.notifications).toEqual([expect.objectContaining({ kind: 'official_reply', messageZh: expect.stringContaining('官方回复'), readAt: null })]);
    expect(data.ballots).toEqual([{ cycle: { id: 'cy-xianhu-2026', titleZh: expect.any(String), titleEn: expect.any(String) }, channel: 'online', castAt: expect.any(String), replacedAt: null, status: 'vote_open' }]);
    // Never what the ballot said, nor its receipt.
    expect(text).not.toContain(receiptCode);
    expect(text).not.toContain(await projectIdOf(t, 'LTJD-XHSQ-2026-01'));
    expect(data.securityLog.filter((e: { kind: string }) => e.kind === 'sign_in')).toHaveLength(1);
    expect(data.sessions).toHaveLength(2);
    expect(data.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(data.trustedDevices).toHaveLength(1);
    expect(data.auditEntries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['resident.verified', 'project.created', 'project.submit', 'comment.added', 'rating.added', 'ballot.cast']));
    expect(data.officialActs).toEqual([]);
    // Every section is there, and nothing else.
    expect(Object.keys(data).sort()).toEqual(['exportedAt', 'format', ...MY_DATA_SECTIONS].sort());
  });

  it('each export is recorded in the security log — who and when, never what', async () => {
    t = await template.fresh({ now: () => NOW });
    const me = await newResident(t, ['c-lianhua']);
    expect((await me.c.get('/api/me/data')).status).toBe(200);
    const { items } = await listSecurityEvents(t.ctx, { kind: 'personal_data_export', accountId: me.accountId });
    expect(items).toEqual([expect.objectContaining({ what: 'my_data.json', outcome: 'ok', detail: JSON.stringify({ format: 'json' }) })]);
    expect(JSON.stringify(items)).not.toContain(me.mobile);
    expect(JSON.stringify(items)).not.toContain(me.registerNames[0]);
  });

  it('answers 401 to a visitor, in their language', async () => {
    t = await template.fresh({ now: () => NOW });
    const res = await client(t.app).get('/api/me/data', { cookie: 'lang=en' });
    expect([res.status, await res.json()]).toEqual([401, { error: { code: 'not_signed_in', message: 'Please sign in first' } }]);
  });

  it('an official’s export counts their official acts, which are public under their name', async () => {
    t = await template.fresh({ now: () => NOW });
    const staff = client(t.app);
    await staff.post('/api/auth/sign-in', { login: 'staff_lt', password: 'demo12345' });
    const data = await (await staff.get('/api/me/data')).json();
    expect(data.officialActs).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'register_entries', column: 'imported_by', count: expect.any(Number) })]));
    expect(data.roles).toEqual([expect.objectContaining({ role: 'staff', scope: expect.objectContaining({ id: 'c-lianhua', nameZh: '莲花社区' }) })]);
  });
});
