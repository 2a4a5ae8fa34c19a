import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { auditLog, ballotImports, cycleResults, cycles, importedBallots, projects } from '#db/schema.ts';
import { DEFAULT_RULEBOOK_SETTINGS } from '../domain/rulebook.ts';
import { addRulebookVersion } from '../services/rulebooks.ts';
import { setCyclePhase } from '../services/cycles.ts';
import { loadActor } from '../services/accounts.ts';
import { castBallot } from '../services/ballots.ts';
import { SYSTEM_AUDIT_ACTOR, verifyAuditLog } from '../services/audit.ts';
import { importBallotsPb } from '../services/ballot-imports.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const XIANHU = 'cy-xianhu-2026';

beforeEach(async () => {
  t = await testApp({ seed: true, now: () => new Date('2026-12-06T10:00:00+08:00') });
});
afterEach(() => t.close());

async function as(username: string) {
  const c = client(t.app);
  expect((await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD })).status).toBe(200);
  return c;
}
const onBallot = async () => (await t.ctx.database.db.select({ id: projects.id, code: projects.code, state: projects.state }).from(projects).where(eq(projects.cycleId, XIANHU))).filter((p) => p.state === 'screened_in').sort((a, b) => a.code.localeCompare(b.code));

function pb(codes: string[], votes: [string, string[]][]) {
  return ['META', 'key;value', 'budget;1000000', 'vote_type;approval', 'PROJECTS', 'project_id;cost', ...codes.map((c) => `${c};100`), 'VOTES', 'voter_id;vote', ...votes.map(([v, ps]) => `${v};${ps.join(',')}`)].join('\n') + '\n';
}
async function upload(c: ReturnType<typeof client>, text: string, cycleId = XIANHU) {
  const f = new FormData();
  f.append('file', new File([text], 'offline-vote.pb', { type: 'text/plain' }));
  return t.app.request(`/api/cycles/${cycleId}/ballot-imports`, { method: 'POST', body: f, headers: { cookie: c.cookie } });
}
/** What an import must never change when it is refused. */
async function snapshot() {
  const db = t.ctx.database.db;
  const n = async (table: typeof auditLog | typeof ballotImports | typeof importedBallots | typeof cycleResults) => (await db.select({ n: count() }).from(table))[0]!.n;
  return { audit: await n(auditLog), imports: await n(ballotImports), imported: await n(importedBallots), results: await n(cycleResults) };
}
/** 仙湖's rulebook says its vote is held elsewhere (offline), and the vote has closed. */
async function heldElsewhere({ close = true } = {}) {
  const districtId = 'd-lh';
  const rb = await t.ctx.database.write((tx) =>
    addRulebookVersion(tx, { districtId, year: 2026, settings: { ...DEFAULT_RULEBOOK_SETTINGS, communityBudgetFen: 100 * 1_000_000, vote: { method: 'approval', maxChoices: 5, held: 'elsewhere' } }, actor: SYSTEM_AUDIT_ACTOR, at: new Date() }),
  );
  await t.ctx.database.write((tx) => tx.update(cycles).set({ rulebookId: rb.id }).where(eq(cycles.id, XIANHU)));
  if (close) {
    const staff = await loadActor(t.ctx, 'demo-staff_xh');
    const r = await setCyclePhase(t.ctx, XIANHU, 'deliberation', staff.actor, { accountId: 'demo-staff_xh', role: 'staff', name: '周敏' });
    expect(r.ok).toBe(true);
  }
}
const wait = async (c: ReturnType<typeof client>, id: string) => {
  for (let i = 0; i < 200; i++) {
    const p = await (await c.get(`/api/ballot-imports/${id}`)).json();
    if (p.status !== 'running') return p;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('import did not finish');
};

describe('importing the ballots of a vote held elsewhere', () => {
  it('an import into a cycle that holds its own vote is refused', async () => {
    // The attack as found: staff of 仙湖 upload invented voters x1..x3 while 仙湖's own online vote is open.
    const codes = (await onBallot()).map((p) => p.code);
    const staff = await as('staff_xh');
    const before = await snapshot();
    const res = await upload(staff, pb(codes, [['x1', [codes[0]!]], ['x2', [codes[0]!]], ['x3', [codes[1]!]]]));
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('vote_held_here');
    expect(await snapshot()).toEqual(before);
    // After its vote has closed, a cycle whose vote is held here still takes no file.
    const staffActor = await loadActor(t.ctx, 'demo-staff_xh');
    expect((await setCyclePhase(t.ctx, XIANHU, 'deliberation', staffActor.actor, { accountId: 'demo-staff_xh', role: 'staff', name: '周敏' })).ok).toBe(true);
    const after = await snapshot();
    const late = await upload(staff, pb(codes, [['XHSQ-0001', [codes[0]!]]]));
    expect([late.status, (await late.json()).error.code]).toEqual([409, 'vote_held_here']);
    expect(await snapshot()).toEqual(after);
  });

  it('an import while the vote held elsewhere is still open, or into a cycle that has ballots, is refused', async () => {
    await heldElsewhere({ close: false });
    const codes = (await onBallot()).map((p) => p.code);
    const staff = await as('staff_xh');
    const open = await upload(staff, pb(codes, [['XHSQ-0001', [codes[0]!]]]));
    expect([open.status, (await open.json()).error.code]).toEqual([409, 'vote_not_closed']);
    // Nobody can vote online or on paper in a cycle whose vote is held elsewhere.
    const resident = await as('resident_xh');
    const cast = await resident.post(`/api/cycles/${XIANHU}/ballot`, { projects: [(await onBallot())[0]!.id] });
    expect([cast.status, (await cast.json()).error.code]).toEqual([409, 'vote_held_elsewhere']);
    const paper = await staff.post(`/api/cycles/${XIANHU}/paper-ballots`, { paperSerial: 'XH-1', registerNo: 'XHSQ-0002', projects: [(await onBallot())[0]!.id] });
    expect([paper.status, (await paper.json()).error.code]).toEqual([409, 'vote_held_elsewhere']);
  });

  it('an imported voter who is not on the register is refused by line', async () => {
    await heldElsewhere();
    const codes = (await onBallot()).map((p) => p.code);
    const staff = await as('staff_xh');
    const before = await snapshot();
    // Lines 13–17 are the votes (four projects on lines 7–10): a good register number, one not on the register,
    // the first repeated (written differently), a good one, and one of another community's register.
    const text = pb(codes, [['XHSQ-0001', [codes[0]!]], ['x1', [codes[0]!]], [' xhsq-0001 ', [codes[1]!]], ['XHSQ-0002', [codes[1]!]], ['LHSQ-0001', [codes[1]!]]]);
    const res = await upload(staff, text);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('voters_not_on_register');
    expect(body.error.message).toBe('文件中有 3 行的 voter_id 不是本社区居民名册的登记号，或重复出现，整个文件未导入：第 14 行 x1：不在名册中；第 15 行 xhsq-0001：重复；第 17 行 LHSQ-0001：不在名册中');
    expect(await snapshot()).toEqual(before);
  });

  it('imported ballots count only after a second person approves the file', async () => {
    await heldElsewhere();
    const ps = await onBallot();
    const codes = ps.map((p) => p.code);
    const text = pb(codes, [['XHSQ-0001', [codes[0]!, codes[1]!]], ['XHSQ-0002', [codes[0]!]], ['XHSQ-0003', [codes[1]!]], ['V-0002', [codes[0]!]]]);
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    const staff = await as('staff_xh');
    const res = await upload(staff, text);
    expect(res.status).toBe(202);
    const { id } = await res.json();
    const pending = await wait(staff, id);
    expect(pending).toMatchObject({ status: 'pending', total: 4, processed: 4, sha256, uploadedBy: { name: '周敏（示例）' }, reviewedBy: { name: null } });
    expect(pending.tally).toEqual([
      { code: codes[0], title: expect.any(String), voters: 3, points: 3 },
      { code: codes[1], title: expect.any(String), voters: 2, points: 2 },
    ]);
    // Pending ballots are not counted: no result, and a second file is refused while this one waits.
    expect((await client(t.app).get(`/api/cycles/${XIANHU}/results`)).status).toBe(404);
    expect((await t.ctx.database.db.select().from(cycleResults).where(eq(cycleResults.cycleId, XIANHU))).length).toBe(0);
    const second = await upload(await as('staff2_xh'), text);
    expect([second.status, (await second.json()).error.code]).toEqual([409, 'already_imported']);

    // The uploader cannot approve their own file; nor can anyone outside 仙湖, nor a resident.
    const review = (c: ReturnType<typeof client>, body: unknown) => c.post(`/api/ballot-imports/${id}/review`, body);
    const own = await review(staff, { decision: 'approve' });
    expect([own.status, (await own.json()).error.code]).toEqual([403, 'uploader_cannot_review']);
    const outsider = await review(await as('staff_sx'), { decision: 'approve' });
    expect([outsider.status, (await outsider.json()).error.code]).toEqual([403, 'not_in_community']);
    const resident = await review(await as('resident_xh'), { decision: 'approve' });
    expect([resident.status, (await resident.json()).error.code]).toEqual([403, 'role_required']);
    const noReason = await review(await as('staff2_xh'), { decision: 'reject', note: '  ' });
    expect([noReason.status, (await noReason.json()).error.code]).toEqual([422, 'reason_required']);
    expect((await t.ctx.database.db.select().from(cycleResults).where(eq(cycleResults.cycleId, XIANHU))).length).toBe(0);

    // A street officer (the second person) approves: the ballots count and the vote is counted at once.
    const ok = await review(await as('street_lt'), { decision: 'approve' });
    expect([ok.status, await ok.json()]).toEqual([200, { status: 'done' }]);
    const results = await (await client(t.app).get(`/api/cycles/${XIANHU}/results`)).json();
    expect(results.ballotCount).toBe(4);
    expect(Object.fromEntries(results.projects.map((p: { code: string; votes: number }) => [p.code, p.votes]))).toMatchObject({ [codes[0]!]: 3, [codes[1]!]: 2 });
    const again = await review(await as('staff2_xh'), { decision: 'reject', note: '重复' });
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'import_not_pending']);
    // Imported ballots have no receipt codes: the .pb holds the four ballots, the list of counted receipts none, and the count's entry says so.
    const pbOut = await (await client(t.app).get(`/api/cycles/${XIANHU}/ballots.pb`)).text();
    expect(pbOut).toMatch(/^num_votes;4$/m);
    const receipts = await client(t.app).get(`/api/cycles/${XIANHU}/counted-receipts.txt`);
    expect([receipts.status, await receipts.text()]).toEqual([200, '']);
    const counted = (await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'cycle.vote_counted'))).filter((e) => e.subjectId === XIANHU);
    expect(JSON.parse(counted[0]!.after!).receipts).toEqual({ count: 0, sha256: createHash('sha256').update('').digest('hex') });

    // Public: the file's hash and both names, on the API and in the audit log.
    const list = await (await client(t.app).get(`/api/cycles/${XIANHU}/ballot-imports`)).json();
    expect(list.items).toEqual([expect.objectContaining({ id, status: 'done', sha256, uploadedBy: { name: '周敏（示例）' }, reviewedBy: { name: '赵磊（示例）' } })]);
    const audit = await (await client(t.app).get('/api/audit?limit=20')).json();
    const approved = audit.items.find((e: { action: string }) => e.action === 'ballots.import_approved');
    expect(approved).toMatchObject({ actorRole: 'officer', actorName: '赵磊（示例）' });
    expect(JSON.parse(approved.after)).toMatchObject({ importId: id, sha256, ballots: 4, uploadedBy: '周敏（示例）' });
    // The file itself names register numbers: its reviewers may download it, the public may not.
    expect((await client(t.app).get(`/api/ballot-imports/${id}/file`)).status).toBe(401);
    expect((await (await as('resident_xh')).get(`/api/ballot-imports/${id}/file`)).status).toBe(403);
    expect(await (await (await as('staff2_xh')).get(`/api/ballot-imports/${id}/file`)).text()).toBe(text);
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true });
  });

  it('a rejected import removes its ballots and lets a corrected file in', async () => {
    await heldElsewhere();
    const codes = (await onBallot()).map((p) => p.code);
    const who = { actor: (await loadActor(t.ctx, 'demo-staff_xh')).actor, auditActor: { accountId: 'demo-staff_xh', role: 'staff', name: '周敏（示例）' } };
    const first = await importBallotsPb(t.ctx, XIANHU, { name: 'a.pb', text: pb(codes, [['XHSQ-0001', [codes[0]!]]]) }, who);
    if (!first.ok) throw new Error(first.code);
    await first.done;
    const staff2 = await as('staff2_xh');
    const r = await staff2.post(`/api/ballot-imports/${first.importId}/review`, { decision: 'reject', note: '与线下计票记录不符：少了 11 张' });
    expect([r.status, await r.json()]).toEqual([200, { status: 'rejected' }]);
    expect(await t.ctx.database.db.select().from(importedBallots).where(eq(importedBallots.importId, first.importId))).toEqual([]);
    const listed = await (await client(t.app).get(`/api/cycles/${XIANHU}/ballot-imports`)).json();
    expect(listed.items[0]).toMatchObject({ status: 'rejected', reviewNote: '与线下计票记录不符：少了 11 张', reviewedBy: { name: '钱进（示例）' } });
    const second = await upload(await as('staff_xh'), pb(codes, [['XHSQ-0001', [codes[0]!]], ['XHSQ-0002', [codes[0]!]]]));
    expect(second.status).toBe(202);
  });

  it('ballots cast on this site keep an imported file out even after a rulebook change', async () => {
    const resident = await loadActor(t.ctx, 'demo-resident_xh');
    const cast = await castBallot(t.ctx, XIANHU, { projects: [(await onBallot())[0]!.id] }, resident.actor);
    expect(cast.ok).toBe(true);
    await heldElsewhere();
    const codes = (await onBallot()).map((p) => p.code);
    const res = await upload(await as('staff_xh'), pb(codes, [['XHSQ-0001', [codes[0]!]]]));
    expect([res.status, (await res.json()).error.code]).toEqual([409, 'cycle_has_ballots']);
  });
});
