import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { subjectLabels, verifyAuditLog } from '../services/audit.ts';
import { listProjects } from '../services/catalog.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ seed: true });
});
afterAll(() => t.close());

// One session per person: signing in again and again would trip the sign-in rate limit.
const sessions = new Map<string, ReturnType<typeof client>>();
async function as(username: string) {
  const known = sessions.get(username);
  if (known) return known;
  const c = client(t.app);
  expect((await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD })).status).toBe(200);
  sessions.set(username, c);
  return c;
}

const proposal = (over: Record<string, unknown> = {}) => ({
  title: '小区健身路径更新',
  category: 'goods',
  theme: 'culture_sports',
  description: '更换小区中心花园里老化的健身器材，共八件。',
  address: '莲花社区中心花园',
  estimatedCost: '8万',
  beneficiaries: '小区居民',
  beneficiaryCount: 600,
  ...over,
});

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (ch) => ch.charCodeAt(0));

async function upload(c: ReturnType<typeof client>, code: string, files: { name: string; bytes: Uint8Array; type?: string }[]) {
  const form = new FormData();
  for (const f of files) form.append('files', new File([f.bytes as Uint8Array<ArrayBuffer>], f.name, { type: f.type ?? 'image/jpeg' }));
  return t.app.request(`/api/proposals/${code}/attachments`, { method: 'POST', body: form, headers: c.cookie ? { cookie: c.cookie } : {} });
}

/** client() speaks GET and POST; editing a draft is a PUT. */
function put(c: ReturnType<typeof client>, path: string, body: unknown, cookie = c.cookie) {
  return t.app.request(path, { method: 'PUT', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
}

async function draft(c: ReturnType<typeof client>, over: Record<string, unknown> = {}) {
  const res = await c.post('/api/cycles/cy-lianhua-2026/proposals', proposal(over));
  expect(res.status).toBe(201);
  return (await res.json()).code as string;
}

describe('proposing a micro-project', () => {
  it('a verified resident proposes in the collection phase and gets a private draft with the next code', async () => {
    const resident = await as('resident_lt');
    const res = await resident.post('/api/cycles/cy-lianhua-2026/proposals', proposal());
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ code: expect.stringMatching(/^LTJD-LHSQ-2026-\d{2,4}$/), state: 'draft', check: { fields: {}, warnings: [], capRule: '货物类项目上限 50万元' } });
    const mine = await (await resident.get(`/api/proposals/${body.code}`)).json();
    expect(mine).toMatchObject({ code: body.code, state: 'draft', estimatedCostFen: 8_000_000, beneficiaryCount: 600, proposerType: 'resident', canEdit: true, events: ['submit', 'withdraw'] });
    // Drafts are private: not public, not for other residents.
    expect((await client(t.app).get(`/api/projects/${body.code}`)).status).toBe(404);
    expect((await (await as('council_lt')).get(`/api/proposals/${body.code}`)).status).toBe(404);
  });

  it('proposing outside the collection phase is refused with wrong_phase', async () => {
    const resident = await as('resident_xh');
    const res = await resident.post('/api/cycles/cy-xianhu-2026/proposals', proposal({ address: '仙湖社区' }));
    expect(res.status).toBe(409);
    expect((await res.json()).error).toEqual({ code: 'wrong_phase', message: '当前阶段不能进行此操作' });
  });

  it('someone who is not a verified resident of the community is refused, and so is the anonymous public', async () => {
    const newcomer = await as('newcomer');
    const r1 = await newcomer.post('/api/cycles/cy-lianhua-2026/proposals', proposal());
    expect([r1.status, (await r1.json()).error.code]).toEqual([403, 'not_resident_of_community']);
    const other = await as('resident_sx');
    const r2 = await other.post('/api/cycles/cy-lianhua-2026/proposals', proposal());
    expect([r2.status, (await r2.json()).error]).toEqual([403, { code: 'not_resident_of_community', message: '只有本社区已核验的居民才能这样做' }]);
    const anon = await client(t.app).post('/api/cycles/cy-lianhua-2026/proposals', proposal());
    expect([anon.status, (await anon.json()).error.code]).toEqual([401, 'not_signed_in']);
    expect((await (await as('resident_lt')).post('/api/cycles/cy-nowhere/proposals', proposal())).status).toBe(404);
  });

  it('over the category cap is refused with 422 on estimatedCost naming the cap, and nothing is created', async () => {
    const resident = await as('resident_lt');
    const before = (await (await resident.get('/api/proposals/mine')).json()).items.length;
    const res = await resident.post('/api/cycles/cy-lianhua-2026/proposals', proposal({ category: 'engineering', theme: 'safety', estimatedCost: '150万' }));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toEqual({
      code: 'over_cap',
      message: '估算金额 150万元 超过上限：工程类项目上限 100万元',
      fields: { estimatedCost: '估算金额 150万元 超过上限：工程类项目上限 100万元' },
    });
    const en = await resident.post('/api/cycles/cy-lianhua-2026/proposals', proposal({ category: 'engineering', estimatedCost: '1000000.01' }), { cookie: `${resident.cookie}; lang=en` });
    expect((await en.json()).error.fields.estimatedCost).toBe('¥1,000,000.01 is over the cap. Engineering projects: at most ¥1,000,000');
    expect((await (await resident.get('/api/proposals/mine')).json()).items.length).toBe(before);
  });

  it('bad input is refused field by field in the caller’s language, and nothing is created', async () => {
    const resident = await as('resident_lt');
    const res = await resident.post('/api/cycles/cy-lianhua-2026/proposals', proposal({ title: '修路', theme: 'space', estimatedCost: '三万', lat: 22.5 }));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toEqual({
      code: 'invalid_proposal',
      message: '提议内容有误，请检查标出的字段。',
      fields: { title: '至少 4 个字', theme: '本轮规则中没有这个主题', estimatedCost: '请输入金额（元），例如 35000 或 3.5万', lng: '经度和纬度须同时填写，或都不填' },
    });
    const en = await resident.post('/api/cycles/cy-lianhua-2026/proposals', proposal({ title: '修路' }), { cookie: `${resident.cookie}; lang=en` });
    expect((await en.json()).error.fields).toEqual({ title: 'At least 4 characters' });
    const shape = await resident.post('/api/cycles/cy-lianhua-2026/proposals', { title: '只有标题的提议', colour: 'red' });
    expect(shape.status).toBe(400);
    expect(Object.keys((await shape.json()).error.fields).sort()).toEqual(['address', 'category', 'colour', 'description', 'estimatedCost', 'theme']);
  });
});

describe('checks as the resident types', () => {
  it('show the cap of the chosen category and refuse an amount over it', async () => {
    const res = await client(t.app).post('/api/cycles/cy-lianhua-2026/proposal-check', { category: 'engineering', estimatedCost: '120万' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      fields: { estimatedCost: '估算金额 120万元 超过上限：工程类项目上限 100万元' },
      capFen: 100_000_000,
      capRule: '工程类项目上限 100万元',
      costFen: 120_000_000,
      warnings: [],
      duplicates: [],
      canPropose: false,
      whyNot: 'not_signed_in',
    });
  });

  it('warn about a negative-list term naming the rule, and show likely duplicates with links', async () => {
    const resident = await as('resident_lt');
    const res = await resident.post('/api/cycles/cy-lianhua-2026/proposal-check', {
      title: '中秋邻里节活动',
      description: '原来由物业组织，今年没人办了。',
      address: '莲花社区文化广场',
    });
    const body = await res.json();
    expect(body.canPropose).toBe(true);
    expect(body.warnings).toEqual([
      { term: '物业', rule: '属于物业服务企业职责范围内的事项，不纳入民生微实事', message: '可能属于负面清单（“物业”）：属于物业服务企业职责范围内的事项，不纳入民生微实事' },
    ]);
    expect(body.duplicates).toEqual([{ code: 'LTJD-LHSQ-2026-01', title: '中秋邻里节', url: '/projects/LTJD-LHSQ-2026-01', sameAddress: true }]);
  });

  it('a negative-list term only warns: the draft is saved and submitted, the warning comes back', async () => {
    const resident = await as('resident_lt');
    const res = await resident.post('/api/cycles/cy-lianhua-2026/proposals', proposal({ title: '单元门禁维修', description: '单元门禁坏了半年，物业一直不修。' }));
    expect(res.status).toBe(201);
    const { code, check } = await res.json();
    expect(check.warnings.map((w: { term: string }) => w.term)).toEqual(['物业']);
    const submitted = await resident.post(`/api/proposals/${code}/submit`);
    expect(submitted.status).toBe(200);
    expect(await submitted.json()).toMatchObject({ from: 'draft', to: 'submitted', check: { warnings: [{ term: '物业' }] } });
  });
});

describe('draft, submit, withdraw', () => {
  it('a draft is edited, submitted and withdrawn, each step in the history with the resident as 居民', async () => {
    const resident = await as('resident_lt');
    const code = await draft(resident, { title: '楼道声控灯更换' });
    const edit = await put(resident, `/api/proposals/${code}`, proposal({ title: '楼道声控灯更换（3栋）', estimatedCost: '1.2万' }));
    expect(edit.status).toBe(200);
    expect((await edit.json()).changed).toEqual(['title', 'estimatedCostFen']);

    const submit = await resident.post(`/api/proposals/${code}/submit`);
    expect(await submit.json()).toMatchObject({ from: 'draft', to: 'submitted' });
    const pub = await (await client(t.app).get(`/api/projects/${code}`)).json();
    expect(pub.project).toMatchObject({ title: '楼道声控灯更换（3栋）', state: 'submitted', estimatedCostFen: 1_200_000, proposerType: 'resident' });
    expect(pub.history.map((h: { action: string }) => h.action)).toEqual(['project.created', 'proposal.draft_edited', 'project.submit']);

    const again = await put(resident, `/api/proposals/${code}`, proposal());
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'wrong_state']);

    const withdraw = await resident.post(`/api/proposals/${code}/withdraw`, { reason: '与邻居商量后决定自己解决' });
    expect(await withdraw.json()).toEqual({ from: 'submitted', to: 'withdrawn' });
    const after = await (await client(t.app).get(`/api/projects/${code}`)).json();
    expect(after.project.state).toBe('withdrawn');
    expect(after.history.at(-1)).toMatchObject({ action: 'project.withdraw', actorRole: 'resident', actorName: '居民', reason: '与邻居商量后决定自己解决' });
    // 仙湖's vote is open in the demo data, so the public log lists what was just written under `pending`, without its place in the chain.
    const edits = await (await client(t.app).get('/api/audit?action=proposal.draft_edited')).json();
    expect(edits.pending[0]).toMatchObject({ actorName: '居民', subjectType: 'project_draft', before: null, after: '{"changed":["title","estimatedCostFen"]}' });
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true });
  });

  it('the public audit log says a draft was started and edited, but none of what it says until it is submitted', async () => {
    const resident = await as('resident_lt');
    const code = await draft(resident, { title: '草稿里的私人想法', address: '莲花社区 5 栋 302', estimatedCost: '3.3万' });
    expect((await put(resident, `/api/proposals/${code}`, proposal({ title: '草稿里改过的想法', address: '莲花社区 5 栋 302', estimatedCost: '3.3万' }))).status).toBe(200);
    // Everything the public log shows, both the published chain and what is pending while 仙湖's vote is open.
    const publicLog = async () => {
      const log = await (await client(t.app).get('/api/audit?limit=200')).json();
      return JSON.stringify([...log.pending, ...log.items]);
    };
    const before = await publicLog();
    for (const secret of ['草稿里的私人想法', '草稿里改过的想法', '5 栋 302', '3300000']) expect(before).not.toContain(secret);
    // Nor on the draft's own page for anyone else, nor as the label the audit page gives the entry.
    expect((await client(t.app).get(`/api/projects/${code}`)).status).toBe(404);
    const created = JSON.parse(before).find((e: { action: string; after: string }) => e.action === 'project.created' && e.after.includes(code));
    const edited = JSON.parse(before).find((e: { action: string; subjectId: string }) => e.action === 'proposal.draft_edited' && e.subjectId === created.subjectId);
    expect(edited).toMatchObject({ subjectType: 'project_draft' });
    expect((await subjectLabels(t.ctx.database, [created, edited])).size).toBe(0);

    expect((await resident.post(`/api/proposals/${code}/submit`)).status).toBe(200);
    const submitted = (await (await client(t.app).get(`/api/audit?action=project.submit`)).json()).pending[0];
    expect(submitted).toMatchObject({ actorName: '居民', before: '{"state":"draft"}', after: '{"estimatedCostFen":3300000,"state":"submitted","title":"草稿里改过的想法"}' });
    expect([...(await subjectLabels(t.ctx.database, [created])).values()]).toEqual([{ code, title: '草稿里改过的想法' }]);
    // Once it is public, the draft's edits name the project too (on /audit they link to it).
    expect([...(await subjectLabels(t.ctx.database, [edited])).values()]).toEqual([{ code, title: '草稿里改过的想法' }]);
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true });
  });

  it('a draft cannot be submitted once the collection phase has closed, and is kept', async () => {
    const resident = await as('resident_lt');
    const code = await draft(resident, { title: '截止后才提交的提议' });
    const staff = await as('staff_lt');
    expect((await staff.post('/api/cycles/cy-lianhua-2026/phase', { phase: 'screening', reason: '（测试）提前开启下一阶段' })).status).toBe(200);
    try {
      const res = await resident.post(`/api/proposals/${code}/submit`);
      expect([res.status, (await res.json()).error.code]).toEqual([409, 'wrong_phase']);
      expect(await (await resident.get(`/api/proposals/${code}`)).json()).toMatchObject({ state: 'draft', canEdit: false, events: ['withdraw'] });
    } finally {
      // Back to collection: staff ask with a published reason, the street officer confirms.
      const asked = await staff.post('/api/cycles/cy-lianhua-2026/phase/requests', { to: 'collection', reason: '重新开放征集（测试）' });
      expect(asked.status).toBe(201);
      const street = await as('street_lt');
      expect((await street.post(`/api/phase-requests/${(await asked.json()).id}/decision`, { decision: 'confirm' })).status).toBe(200);
    }
  });

  it('another resident cannot see, edit, submit or withdraw someone else’s draft', async () => {
    const code = await draft(await as('resident_lt'), { title: '儿童游乐设施维修' });
    const other = await as('council_lt');
    for (const res of [await other.get(`/api/proposals/${code}`), await put(other, `/api/proposals/${code}`, proposal()), await other.post(`/api/proposals/${code}/submit`), await other.post(`/api/proposals/${code}/withdraw`, {})]) {
      expect([res.status, (await res.json()).error.code]).toEqual([404, 'not_found']);
    }
    // Staff cannot submit a resident's own draft either: it is not a paper form.
    const staff = await as('staff_lt');
    expect((await staff.post(`/api/proposals/${code}/submit`)).status).toBe(404);
  });

  it('someone else trying to change a published proposal is told it is not theirs, whatever its state', async () => {
    const resident = await as('resident_lt');
    const code = await draft(resident, { title: '单元门禁更换' });
    expect((await resident.post(`/api/proposals/${code}/submit`)).status).toBe(200);
    const attempts = async (c: ReturnType<typeof client>) => [
      await put(c, `/api/proposals/${code}`, proposal()),
      await upload(c, code, [{ name: 'a.jpg', bytes: JPEG }]),
      await c.post(`/api/proposals/${code}/submit`),
      await c.post(`/api/proposals/${code}/withdraw`, {}),
    ];
    for (const state of ['submitted', 'withdrawn']) {
      // Staff of another community, another resident, and the community's own staff (it is a resident's own proposal, not a paper form).
      for (const who of ['staff_xh', 'council_lt', 'staff_lt']) {
        for (const res of await attempts(await as(who))) expect([state, who, res.status, (await res.json()).error.code]).toEqual([state, who, 403, 'not_proposer']);
      }
      if (state === 'submitted') expect((await resident.post(`/api/proposals/${code}/withdraw`, {})).status).toBe(200);
    }
    // Its proposer is told why not now.
    const [edit, , submit, withdraw] = await attempts(resident);
    expect([edit!.status, (await edit!.json()).error.code]).toEqual([409, 'wrong_state']);
    expect([submit!.status, (await submit!.json()).error.code]).toEqual([409, 'terminal_state']);
    expect([withdraw!.status, (await withdraw!.json()).error.code]).toEqual([409, 'terminal_state']);
  });

  it('staff enter a paper needs form and submit it directly; the record says it came on paper', async () => {
    const staff = await as('staff_lt');
    const res = await staff.post('/api/cycles/cy-lianhua-2026/paper-proposals', { ...proposal({ title: '长者活动室空调更换' }), submit: true });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ state: 'submitted', proposerType: 'paper' });
    const pub = await (await client(t.app).get(`/api/projects/${body.code}`)).json();
    expect(pub.project.proposerType).toBe('paper');
    expect(pub.history.map((h: { action: string; actorRole: string; actorName: string }) => [h.action, h.actorRole, h.actorName])).toEqual([
      ['project.created', 'staff', '王芳（示例）'],
      ['project.submit', 'staff', '王芳（示例）'],
    ]);
    const resident = await as('resident_lt');
    const r1 = await resident.post('/api/cycles/cy-lianhua-2026/paper-proposals', proposal());
    expect([r1.status, (await r1.json()).error.code]).toEqual([403, 'role_required']);
    const other = await as('staff_xh');
    const r2 = await other.post('/api/cycles/cy-lianhua-2026/paper-proposals', proposal());
    expect([r2.status, (await r2.json()).error.code]).toEqual([403, 'not_in_community']);
  });

  it('a paper draft is kept for the community’s staff to finish, and only they see it', async () => {
    const staff = await as('staff_lt');
    const res = await staff.post('/api/cycles/cy-lianhua-2026/paper-proposals', proposal({ title: '社区图书角添置新书' }));
    const { code, state } = await res.json();
    expect(state).toBe('draft');
    expect((await (await as('staff2_lt')).get(`/api/proposals/${code}`)).status).toBe(200);
    expect((await (await as('staff_xh')).get(`/api/proposals/${code}`)).status).toBe(404);
    expect((await (await as('resident_lt')).get(`/api/proposals/${code}`)).status).toBe(404);
    expect(await (await staff.post(`/api/proposals/${code}/submit`)).json()).toMatchObject({ to: 'submitted' });
  });
});

describe('attachments', () => {
  it('a photo is checked by content, attached to the draft and served back with its type and a safe file name', async () => {
    const resident = await as('resident_lt');
    const code = await draft(resident, { title: '花坛围栏修补' });
    const res = await upload(resident, code, [{ name: '照片 "1".jpg', bytes: JPEG }, { name: 'map.bin', bytes: PNG, type: 'application/octet-stream' }]);
    expect(res.status).toBe(201);
    const { ids } = await res.json();
    const mine = await (await resident.get(`/api/proposals/${code}`)).json();
    expect(mine.attachments.map((a: { name: string; mime: string; kind: string }) => [a.name, a.mime, a.kind])).toEqual([
      ['照片 "1".jpg', 'image/jpeg', 'photo'],
      ['map.bin', 'image/png', 'photo'],
    ]);
    const file = await t.app.request(`/api/attachments/${ids[0]}`, { headers: { cookie: resident.cookie } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('content-disposition')).toBe(`inline; filename="1_.jpg"; filename*=UTF-8''%E7%85%A7%E7%89%87%20%221%22.jpg`);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(JPEG);
    const png = await t.app.request(`/api/attachments/${ids[1]}`, { headers: { cookie: resident.cookie } });
    expect(png.headers.get('content-disposition')).toBe(`inline; filename="map.png"; filename*=UTF-8''map.png`);
    // A draft's files are as private as the draft; once submitted they are public.
    expect((await client(t.app).get(`/api/attachments/${ids[0]}`)).status).toBe(404);
    await resident.post(`/api/proposals/${code}/submit`);
    expect((await client(t.app).get(`/api/attachments/${ids[0]}`)).status).toBe(200);
  });

  it('a .jpg that is really text is refused with 415 and nothing is stored', async () => {
    const resident = await as('resident_lt');
    const code = await draft(resident, { title: '宣传栏更新一' });
    const res = await upload(resident, code, [{ name: 'photo.jpg', bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>') }]);
    expect(res.status).toBe(415);
    expect((await res.json()).error).toEqual({
      code: 'unsupported_type',
      message: 'photo.jpg：文件内容不是 JPEG、PNG、WebP 照片或 PDF',
      fields: { files: 'photo.jpg：文件内容不是 JPEG、PNG、WebP 照片或 PDF' },
    });
    expect((await (await resident.get(`/api/proposals/${code}`)).json()).attachments).toEqual([]);
  });

  it('an oversized file is refused with 413 and nothing is stored', async () => {
    const resident = await as('resident_lt');
    const code = await draft(resident, { title: '宣传栏更新二' });
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(JPEG);
    const res = await upload(resident, code, [{ name: 'big.jpg', bytes: big }]);
    expect(res.status).toBe(413);
    expect((await (await resident.get(`/api/proposals/${code}`)).json()).attachments).toEqual([]);
  });

  it('at most six files per proposal: a seventh is refused and the six stay', async () => {
    const resident = await as('resident_lt');
    const code = await draft(resident, { title: '宣传栏更新三' });
    expect((await upload(resident, code, Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, bytes: PNG })))).status).toBe(201);
    const res = await upload(resident, code, [{ name: '7.png', bytes: PNG }]);
    expect([res.status, (await res.json()).error.code]).toEqual([422, 'too_many_files']);
    expect((await (await resident.get(`/api/proposals/${code}`)).json()).attachments).toHaveLength(6);
  });

  it('an attachment is removed from a draft by its proposer only', async () => {
    const resident = await as('resident_lt');
    const code = await draft(resident, { title: '宣传栏更新四' });
    const { ids } = await (await upload(resident, code, [{ name: 'a.png', bytes: PNG }])).json();
    const other = await as('council_lt');
    const refused = await t.app.request(`/api/proposals/${code}/attachments/${ids[0]}`, { method: 'DELETE', headers: { cookie: other.cookie } });
    expect(refused.status).toBe(404);
    const res = await t.app.request(`/api/proposals/${code}/attachments/${ids[0]}`, { method: 'DELETE', headers: { cookie: resident.cookie } });
    expect(res.status).toBe(200);
    expect((await (await resident.get(`/api/proposals/${code}`)).json()).attachments).toEqual([]);
    expect((await t.app.request(`/api/attachments/${ids[0]}`, { headers: { cookie: resident.cookie } })).status).toBe(404);
  });
});

describe('browsing', () => {
  it('search finds projects by Chinese words in the title or the description', async () => {
    const byTitle = await (await client(t.app).get(`/api/projects?q=${encodeURIComponent('公告栏')}`)).json();
    expect(byTitle.items.map((p: { code: string }) => p.code)).toEqual(['SGJD-SXSQ-2026-02']);
    const byDescription = await (await client(t.app).get(`/api/projects?q=${encodeURIComponent('透水砖')}`)).json();
    expect(byDescription.items.map((p: { title: string }) => p.title)).toEqual(['连廊改造及透水铺装（工期40天）']);
    const none = await (await client(t.app).get(`/api/projects?q=${encodeURIComponent('%邻里_')}`)).json();
    expect(none.total).toBe(0);
  });

  it('projects can be filtered by the rulebook theme', async () => {
    const care = await listProjects(t.ctx.database, { theme: 'care', limit: 200 });
    expect(care.items.length).toBeGreaterThan(0);
    expect(care.items.every((p) => p.theme === 'care')).toBe(true);
    expect(care.items.map((p) => p.title)).toEqual(expect.arrayContaining(['长者助餐服务（每日约20份）', '城中村儿童“一米书桌”学习角']));
  });

  it('the proposal, comment and rating operations are in the OpenAPI document', async () => {
    const doc = await (await client(t.app).get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/cycles/{id}/proposal-check',
        '/api/cycles/{id}/proposals',
        '/api/cycles/{id}/paper-proposals',
        '/api/proposals/{code}',
        '/api/proposals/{code}/submit',
        '/api/proposals/{code}/withdraw',
        '/api/proposals/{code}/attachments',
        '/api/attachments/{id}',
        '/api/projects/{code}/comments',
        '/api/comments/{id}/hide',
        '/api/projects/{code}/ratings',
        '/api/notifications',
      ]),
    );
    expect(doc.paths['/api/cycles/{id}/proposals'].post.requestBody.content['application/json'].schema).toMatchObject({ $ref: '#/components/schemas/ProposalInput' });
  });
});
