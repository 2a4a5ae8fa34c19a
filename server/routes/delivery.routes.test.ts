import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { acceptances, attachments, auditLog, progressPhotos, projects } from '#db/schema.ts';
import { SYSTEM_ACTOR } from '../domain/permissions.ts';
import { applyProjectEvent } from '../services/projects.ts';
import { SYSTEM_AUDIT_ACTOR, verifyAuditLog } from '../services/audit.ts';
import { seedDeliveryDemo } from '../services/delivery-demo.ts';

// A tiny valid PNG (1×1) and a "photo" that is really text.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
const FAKE = new TextEncoder().encode('not really a photo');

// The clock starts on 2026-11-22 (China time) and tests may move it.
let clock = new Date('2026-11-22T10:00:00+08:00');
let t: Awaited<ReturnType<typeof testApp>>;
const EBIKE = 'SGJD-SXSQ-2026-04';
const AGREEMENT = {
  implementerName: '深圳市充电桩运营有限公司（测试）',
  implementerType: 'contractor',
  registrationNo: '91440300TEST00001X',
  implementerRating: 4,
  agreementDate: '2026-11-20',
  agreedAmount: '14.8万',
  plannedStart: '2026-11-25',
  plannedEnd: '2026-12-20',
};

async function as(username: string) {
  const c = client(t.app);
  expect((await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD })).status).toBe(200);
  return c;
}
async function idOf(code: string) {
  return (await t.ctx.database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, code)))[0]!.id;
}
async function stateOf(code: string) {
  return (await t.ctx.database.db.select({ state: projects.state, reason: projects.stateReason, agreed: projects.agreedAmountFen }).from(projects).where(eq(projects.code, code)))[0]!;
}
function form(fields: Record<string, string>, photos: { name: string; bytes: Uint8Array; type: string }[] = []) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const p of photos) f.append('photos', new File([p.bytes as Uint8Array<ArrayBuffer>], p.name, { type: p.type }));
  return f;
}
async function postForm(c: ReturnType<typeof client>, path: string, body: FormData) {
  return t.app.request(path, { method: 'POST', body, headers: { cookie: c.cookie } });
}

beforeAll(async () => {
  t = await testApp({ seed: true, now: () => clock });
  await seedDeliveryDemo(t.ctx);
  // The e-bike charging points were adopted on 2026-11-18; their notice period ends and they are approved.
  const r = await applyProjectEvent(t.ctx.database, { projectId: await idOf(EBIKE), event: 'end_notice' }, SYSTEM_ACTOR, SYSTEM_AUDIT_ACTOR, clock);
  expect(r).toMatchObject({ ok: true, to: 'approved' });
});
afterAll(() => t.close());

describe('approval (立项) and starting the work', () => {
  it('starting the work is refused until the agreement is recorded', async () => {
    const staff = await as('staff_sx');
    const res = await staff.post(`/api/projects/${EBIKE}/start`);
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: 'no_agreement', message: '请先登记协议（实施方、金额、工期）。' });
  });

  it('an agreement with an end before its start is refused field by field', async () => {
    const staff = await as('staff_sx');
    const res = await staff.post(`/api/projects/${EBIKE}/agreement`, { ...AGREEMENT, plannedEnd: '2026-11-01', implementerRating: 9 });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fields)).toEqual(['implementerRating']);
    const res2 = await staff.post(`/api/projects/${EBIKE}/agreement`, { ...AGREEMENT, plannedEnd: '2026-11-01' });
    expect(res2.status).toBe(422);
    expect((await res2.json()).error).toMatchObject({ code: 'invalid', fields: { plannedEnd: '计划完工日期不能早于计划开工日期' } });
  });

  it('staff of another community cannot record it', async () => {
    const other = await as('staff_lt');
    const res = await other.post(`/api/projects/${EBIKE}/agreement`, AGREEMENT);
    expect([res.status, (await res.json()).error.code]).toEqual([403, 'not_in_community']);
  });

  it('staff record the agreement, the project carries its amount, and the work starts', async () => {
    const staff = await as('staff_sx');
    const res = await staff.post(`/api/projects/${EBIKE}/agreement`, AGREEMENT);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ state: 'approved' });
    expect((await stateOf(EBIKE)).agreed).toBe(14_800_000);
    const again = await staff.post(`/api/projects/${EBIKE}/agreement`, AGREEMENT);
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'agreement_exists']);
    const start = await staff.post(`/api/projects/${EBIKE}/start`);
    expect(await start.json()).toEqual({ from: 'approved', to: 'in_progress' });
    // 仙湖's vote is open in the demo data, so the public log lists what was just written under `pending`, without its place in the chain.
    // (A page of pending entries ends on a whole instant, and the clock stands still here: read them all, newest first.)
    const log = await (await client(t.app).get(`/api/audit?subjectId=${await idOf(EBIKE)}`)).json();
    expect(log.pending.slice(0, 2).map((e: { action: string }) => e.action)).toEqual(['project.start_implementation', 'delivery.agreement_recorded']);
    expect(JSON.parse(log.pending[1].after)).toMatchObject({ implementerName: AGREEMENT.implementerName, agreedAmountFen: 14_800_000, plannedEnd: '2026-12-20' });
    expect(log.pending[1]).toMatchObject({ actorRole: 'staff', actorName: '吴勇（示例）' });
  });
});

describe('payments in batches', () => {
  it('a payment over the agreed amount is refused, naming the amounts', async () => {
    const staff = await as('staff_sx');
    const first = await staff.post(`/api/projects/${EBIKE}/payments`, { paidOn: '2026-11-21', amount: '44400', note: '预付款（30%）' });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ batchNo: 1, paidFen: 4_440_000, agreedFen: 14_800_000 });
    const over = await staff.post(`/api/projects/${EBIKE}/payments`, { paidOn: '2026-11-22', amount: '103600.01' });
    expect(over.status).toBe(422);
    expect((await over.json()).error).toEqual({
      code: 'over_agreed_amount',
      message: '本次付款 10.360001万元 将超出协议金额 14.8万元：已支付 4.44万元，最多还可支付 10.36万元。',
      fields: { amount: '最多 10.36万元' },
    });
    const en = await staff.post(`/api/projects/${EBIKE}/payments`, { paidOn: '2026-11-22', amount: '200000' }, { cookie: `${staff.cookie}; lang=en` });
    expect((await en.json()).error.message).toBe('This payment of ¥200,000 would exceed the agreed amount of ¥148,000: ¥44,400 is already paid, so at most ¥103,600 can still be paid.');
    // Exactly what is left is fine.
    const rest = await staff.post(`/api/projects/${EBIKE}/payments`, { paidOn: '2026-11-22', amount: '103600' });
    expect(await rest.json()).toEqual({ batchNo: 2, paidFen: 14_800_000, agreedFen: 14_800_000 });
  });

  it('once the agreed amount is paid in full, a further payment is refused and the desk offers none, saying why', async () => {
    const staff = await as('staff_sx');
    const more = await staff.post(`/api/projects/${EBIKE}/payments`, { paidOn: '2026-11-22', amount: '1' });
    expect([more.status, (await more.json()).error]).toEqual([409, { code: 'fully_paid', message: '协议金额 14.8万元 已全部付清，不能再登记付款。' }]);
    const check = await staff.post('/api/forms/check', { action: `/staff/sunxi/delivery/${EBIKE}`, fields: { intent: 'payment' } });
    expect(await check.json()).toEqual({ allowed: false, reason: 'fully_paid', message: '协议金额已全部付清，不能再登记付款' });
    const log = await (await client(t.app).get(`/api/audit?subjectId=${await idOf(EBIKE)}`)).json();
    expect(log.pending.filter((e: { action: string }) => e.action === 'delivery.payment_recorded')).toHaveLength(2);
  });

  it('an auditor cannot record payments', async () => {
    const auditor = await as('auditor');
    const res = await auditor.post('/api/projects/SGJD-SXSQ-2026-01/payments', { paidOn: '2026-11-22', amount: '100' });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toEqual({ code: 'role_required', message: '您没有执行此操作的权限' });
  });

  it('nobody records a payment without signing in, or one dated in the future', async () => {
    expect((await client(t.app).post('/api/projects/SGJD-SXSQ-2026-01/payments', { paidOn: '2026-11-22', amount: '100' })).status).toBe(401);
    const staff = await as('staff_sx');
    const res = await staff.post('/api/projects/SGJD-SXSQ-2026-01/payments', { paidOn: '2026-11-23', amount: '100' });
    expect([res.status, (await res.json()).error.fields]).toEqual([422, { paidOn: '日期不能晚于今天' }]);
    const bad = await staff.post('/api/projects/SGJD-SXSQ-2026-01/payments', { paidOn: '2026-11-22', amount: 'a lot' });
    expect([bad.status, (await bad.json()).error.fields]).toEqual([400, { amount: '请输入金额（元），如 276000 或 27.6万' }]);
  });
});

describe('progress reports with photos', () => {
  it('staff report progress with a photo, checked by its content', async () => {
    const staff = await as('staff_sx');
    const res = await postForm(staff, `/api/projects/${EBIKE}/progress`, form({ reportedOn: '2026-11-22', percent: '35', body: '两处充电棚基础浇筑完成。' }, [{ name: 'IMG_0001.png', bytes: PNG, type: 'image/png' }]));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ photos: 1 });
    const d = await (await client(t.app).get(`/api/projects/${EBIKE}/delivery`)).json();
    expect(d.percent).toBe(35);
    expect(d.reports[0]).toMatchObject({ reportedOn: '2026-11-22', percent: 35, body: '两处充电棚基础浇筑完成。' });
    const photo = await client(t.app).get(d.reports[0].photos[0].url);
    expect([photo.status, photo.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(new Uint8Array(await photo.arrayBuffer())).toEqual(PNG);
    // The camera's file name is not kept.
    const rows = await t.ctx.database.db.select({ name: attachments.originalName }).from(attachments).innerJoin(progressPhotos, eq(progressPhotos.attachmentId, attachments.id));
    expect(rows.map((r) => r.name)).not.toContain('IMG_0001.png');
  });

  it('a file that is not a photo is refused and nothing is recorded', async () => {
    const staff = await as('staff_sx');
    const before = (await (await client(t.app).get(`/api/projects/${EBIKE}/delivery`)).json()).reports.length;
    const res = await postForm(staff, `/api/projects/${EBIKE}/progress`, form({ reportedOn: '2026-11-22', percent: '40', body: '…' }, [{ name: 'photo.jpg', bytes: FAKE, type: 'image/jpeg' }]));
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('unsupported_type');
    expect((await (await client(t.app).get(`/api/projects/${EBIKE}/delivery`)).json()).reports.length).toBe(before);
  });

  it('a percent above 100 is refused', async () => {
    const staff = await as('staff_sx');
    const res = await postForm(staff, `/api/projects/${EBIKE}/progress`, form({ reportedOn: '2026-11-22', percent: '101', body: 'x' }));
    expect([res.status, Object.keys((await res.json()).error.fields)]).toEqual([400, ['percent']]);
  });
});

describe('overdue', () => {
  it('a project is flagged overdue on the tracker the day after its planned end, first in the list', async () => {
    const before = await (await client(t.app).get('/api/tracker')).json();
    expect(before.today).toBe('2026-11-22');
    expect(before.items.find((i: { code: string }) => i.code === EBIKE)).toMatchObject({ overdue: false, daysLate: null, plannedEnd: '2026-12-20' });
    // The demo's CCTV project was due on 2026-10-31.
    expect(before.items[0]).toMatchObject({ code: 'SGJD-SXSQ-2026-01', overdue: true, daysLate: 22 });
    clock = new Date('2026-12-21T09:00:00+08:00');
    const after = await (await client(t.app).get('/api/tracker?community=sunxi')).json();
    expect(after.today).toBe('2026-12-21');
    expect(after.items.slice(0, 2).map((i: { code: string; daysLate: number }) => [i.code, i.daysLate])).toEqual([['SGJD-SXSQ-2026-01', 51], [EBIKE, 1]]);
    const d = await (await client(t.app).get(`/api/projects/${EBIKE}/delivery`)).json();
    expect([d.overdue, d.daysLate]).toEqual([true, 1]);
  });
});

describe('the tracker, a page at a time', () => {
  it('answers fifty to a page with the counts of every match; a page past the last gives the last, page 0 is refused', async () => {
    const first = await (await client(t.app).get('/api/tracker')).json();
    expect(first).toMatchObject({ page: 1, pages: Math.max(1, Math.ceil(first.total / 50)) });
    expect(first.items.length).toBe(Math.min(50, first.total));
    expect(first.late).toBe(first.items.filter((i: { overdue: boolean }) => i.overdue).length);
    const past = await (await client(t.app).get('/api/tracker?page=999')).json();
    expect(past).toMatchObject({ page: first.pages, pages: first.pages, total: first.total });
    expect(past.items).toEqual(first.pages === 1 ? first.items : past.items);
    const refused = await client(t.app).get('/api/tracker?page=0');
    expect(refused.status).toBe(400);
  });
});

describe('acceptance (验收)', () => {
  it('a failed acceptance needs its reason, publishes it, and the work goes back into implementation', async () => {
    const staff = await as('staff_sx');
    const noReason = await staff.post(`/api/projects/${EBIKE}/acceptance`, { result: 'fail', acceptedOn: '2026-12-21', inspector: '笋西社区工作站' });
    expect(noReason.status).toBe(422);
    expect((await noReason.json()).error.fields).toEqual({ notes: '验收不通过时须写明原因，原因将公开' });
    const fail = await staff.post(`/api/projects/${EBIKE}/acceptance`, { result: 'fail', acceptedOn: '2026-12-21', inspector: '笋西社区工作站', notes: '充电棚未接地，不符合电气安全要求。' });
    expect([fail.status, await fail.json()]).toEqual([201, { from: 'in_progress', to: 'acceptance_failed' }]);
    expect(await stateOf(EBIKE)).toMatchObject({ state: 'acceptance_failed', reason: '充电棚未接地，不符合电气安全要求。' });
    const back = await staff.post(`/api/projects/${EBIKE}/resume`, { reason: '已完成接地整改' });
    expect(await back.json()).toEqual({ from: 'acceptance_failed', to: 'in_progress' });
    const pass = await staff.post(`/api/projects/${EBIKE}/acceptance`, { result: 'pass', acceptedOn: '2026-12-21', inspector: '笋岗街道、居民代表', notes: '' });
    expect(await pass.json()).toEqual({ from: 'in_progress', to: 'accepted' });
    // The failure's reason is no longer shown as the current decision.
    expect(await stateOf(EBIKE)).toMatchObject({ state: 'accepted', reason: null });
    const rows = await t.ctx.database.db.select({ result: acceptances.result }).from(acceptances).where(eq(acceptances.projectId, await idOf(EBIKE)));
    expect(rows.map((r) => r.result)).toEqual(['fail', 'pass']);
    const fails = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, await idOf(EBIKE)), eq(auditLog.action, 'project.fail_acceptance')));
    expect(JSON.parse(fails[0]!.after!)).toEqual({ state: 'acceptance_failed', acceptance: { result: 'fail', acceptedOn: '2026-12-21', inspector: '笋西社区工作站', notes: '充电棚未接地，不符合电气安全要求。' } });
  });

  it('an accepted project is no longer overdue', async () => {
    const d = await (await client(t.app).get(`/api/projects/${EBIKE}/delivery`)).json();
    expect([d.overdue, d.acceptances.length]).toEqual([false, 2]);
  });
});

describe('survey, audit and archive', () => {
  it('staff close the survey, the auditor records a finding and the audit, staff archive', async () => {
    const staff = await as('staff_sx');
    const auditor = await as('auditor');
    // Not audited before the survey is closed.
    const early = await auditor.post(`/api/projects/${EBIKE}/audit`, {});
    expect([early.status, (await early.json()).error.code]).toEqual([409, 'transition_not_allowed']);
    const closed = await staff.post(`/api/projects/${EBIKE}/survey/close`);
    expect(await closed.json()).toEqual({ from: 'accepted', to: 'evaluated', responses: 0, satisfied: 0 });
    const finding = await auditor.post(`/api/projects/${EBIKE}/findings`, { severity: 'issue', body: '首次验收未通过：接地缺失。整改未增加费用。' });
    expect(finding.status).toBe(201);
    // Staff may not record findings or complete the audit; auditors may not archive.
    const staffFinding = await staff.post(`/api/projects/${EBIKE}/findings`, { severity: 'info', body: 'x' });
    expect([staffFinding.status, (await staffFinding.json()).error.code]).toEqual([403, 'role_required']);
    const staffAudit = await staff.post(`/api/projects/${EBIKE}/audit`, {});
    expect([staffAudit.status, (await staffAudit.json()).error.code]).toEqual([403, 'role_required']);
    const audited = await auditor.post(`/api/projects/${EBIKE}/audit`, { summary: '资金使用与协议一致。' });
    expect(await audited.json()).toEqual({ from: 'evaluated', to: 'audited' });
    const auditorArchive = await auditor.post(`/api/projects/${EBIKE}/archive`);
    expect([auditorArchive.status, (await auditorArchive.json()).error.code]).toEqual([403, 'role_required']);
    const archived = await staff.post(`/api/projects/${EBIKE}/archive`);
    expect(await archived.json()).toEqual({ from: 'audited', to: 'archived' });
    const d = await (await client(t.app).get(`/api/projects/${EBIKE}/delivery`)).json();
    expect(d.findings).toEqual([{ severity: 'issue', body: '首次验收未通过：接地缺失。整改未增加费用。', recordedAt: expect.any(String) }]);
    const audit = await t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, await idOf(EBIKE)), eq(auditLog.action, 'project.record_audit')));
    expect(audit[0]).toMatchObject({ actorRole: 'auditor', actorName: '陈静（示例）', reason: '资金使用与协议一致。', after: '{"findings":1,"state":"audited"}' });
  });

  it('a cycle-wide finding is public', async () => {
    const auditor = await as('auditor');
    expect((await auditor.post('/api/cycles/cy-sunxi-2026/findings', { severity: 'info', body: '本轮资金拨付进度偏慢。' })).status).toBe(201);
    const list = await (await client(t.app).get('/api/cycles/cy-sunxi-2026/findings')).json();
    expect(list.items.map((i: { body: string; projectCode: string | null }) => [i.body, i.projectCode])).toEqual([
      ['首次验收未通过：接地缺失。整改未增加费用。', EBIKE],
      ['本轮资金拨付进度偏慢。', null],
    ]);
  });
});

describe('amending the agreement (补充协议)', () => {
  const CCTV = 'SGJD-SXSQ-2026-01';
  /** The agreement as recorded, in the amendment's shape. */
  async function current() {
    const a = (await (await client(t.app).get(`/api/projects/${CCTV}/delivery`)).json()).agreement;
    return { implementerName: a.implementerName, implementerType: a.implementerType, registrationNo: a.registrationNo, implementerRating: a.implementerRating, agreementDate: a.agreementDate, agreedAmount: String(a.agreedAmountFen / 100), plannedStart: a.plannedStart, plannedEnd: a.plannedEnd };
  }

  it('staff amend it with a published reason: only what changed is logged, and the amount may not drop below what was paid', async () => {
    const before = await current();
    const staff = await as('staff_sx');
    const path = `/api/projects/${CCTV}/agreement/amendments`;
    const amended = { ...before, registrationNo: '91440300TEST00099X', implementerRating: 5, reason: '实施方重新登记，签订补充协议' };
    expect((await client(t.app).post(path, amended)).status).toBe(401);
    const auditor = await (await as('auditor')).post(path, amended);
    expect([auditor.status, (await auditor.json()).error.code]).toEqual([403, 'role_required']);
    // The CCTV work has had 16.56万 paid: an amount below it is refused, by its field.
    const below = await staff.post(path, { ...amended, agreedAmount: '10万' });
    expect(below.status).toBe(422);
    expect((await below.json()).error).toEqual({ code: 'invalid', message: '提交的内容有误，请检查标出的字段。', fields: { agreedAmount: '协议金额不能低于已支付金额' } });
    // A reason of nothing but spaces is no reason (the document's pattern says so too).
    const blank = await staff.post(path, { ...amended, reason: '   ' });
    expect([blank.status, await blank.json()]).toEqual([400, { error: { code: 'validation_failed', message: '提交的内容有误，请检查标出的字段。', fields: { reason: '不能为空' } } }]);
    const ok = await staff.post(path, amended);
    expect([ok.status, await ok.json()]).toEqual([200, { amended: true }]);
    expect(await current()).toEqual({ ...before, registrationNo: '91440300TEST00099X', implementerRating: 5 });
    const log = await (await client(t.app).get(`/api/audit?action=delivery.agreement_amended&subjectId=${await idOf(CCTV)}`)).json();
    const entry = [...log.items, ...log.pending][0];
    expect(entry).toMatchObject({ actorRole: 'staff', reason: '实施方重新登记，签订补充协议' });
    expect(JSON.parse(entry.after)).toEqual({ registrationNo: '91440300TEST00099X', implementerRating: 5 });
  });
});

describe('the money of a cycle', () => {
  it('adds up budget, adopted, contracted, paid and remaining from the records', async () => {
    const m = await (await client(t.app).get('/api/cycles/cy-sunxi-2026/money')).json();
    // Adopted: CCTV 28万 + notice boards 4.2万 + e-bike 15万. Signed: 27.6万 + 4.15万 + 14.8万.
    // Paid: CCTV 2 × 8.28万, boards 2万 + 2.15万, e-bike 14.8万. Remaining: 200万 − signed.
    expect(m).toMatchObject({ budgetFen: 200_000_000, adoptedFen: 47_200_000, contractedFen: 46_550_000, paidFen: 35_510_000, remainingFen: 153_450_000, unpaidFen: 11_040_000 });
    expect(m.projects.map((p: { code: string; paidFen: number }) => [p.code, p.paidFen])).toEqual([
      ['SGJD-SXSQ-2026-01', 16_560_000],
      ['SGJD-SXSQ-2026-02', 4_150_000],
      [EBIKE, 14_800_000],
    ]);
    expect((await client(t.app).get('/api/cycles/no-such-cycle/money')).status).toBe(404);
  });

  it('every step above is in the audit log, and the chain holds', async () => {
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true });
    const actions = (await t.ctx.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, await idOf(EBIKE)))).map((a) => a.action);
    expect(actions.slice(-12)).toEqual([
      'delivery.agreement_recorded',
      'project.start_implementation',
      'delivery.payment_recorded',
      'delivery.payment_recorded',
      'delivery.progress_reported',
      'project.fail_acceptance',
      'project.resume',
      'project.pass_acceptance',
      'project.close_survey',
      'audit.finding_recorded',
      'project.record_audit',
      'project.archive',
    ]);
  });
});
