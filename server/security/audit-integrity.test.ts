/**
 * Nobody can break the public audit chain by what they type. SQLite keeps a
 * string with a NUL character but reads it back cut at the NUL, and libSQL
 * stores a lone UTF-16 surrogate as U+FFFD: an entry hashed over the text as
 * sent, but read back different, made `audit:verify` report the whole log
 * as broken from that entry on — and a resident's objection reason was
 * enough (found by the XSS corpus, payload 33). The audit log now records,
 * and hashes, text exactly as it will read back.
 *
 * Every text below is accepted (a refusal would never reach the chain): each
 * case says its exact status, then reads the stored entry back and checks
 * that it holds the text as the database gives it back, and that its hash is
 * the hash of exactly that.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog, objections, projects, screeningOpinions } from '#db/schema.ts';
import { entryHash } from '../domain/audit-chain.ts';
import { appendAudit, verifyAuditLog } from '../services/audit.ts';
import { COUNCIL_FIXTURE } from '#tests/e2e/fixtures/council.ts';
import { buildTemplate, openWorld, type Template, type World } from '#tests/security/world.ts';

let template: Template;
let w: World;
beforeAll(async () => {
  template = await buildTemplate();
}, 120_000);
afterAll(() => template?.close());
// Each test on its own copy of the world: none depends on what another wrote.
beforeEach(async () => {
  w = await openWorld(template);
});
afterEach(() => w?.close());

/** Each text as typed, and as the database gives it back: a NUL and a lone surrogate each become U+FFFD, nothing is cut. */
const NASTY: readonly (readonly [sent: string, stored: string])[] = [
  ['理由\u0000之后的内容', '理由\uFFFD之后的内容'],
  ['半个字\ud800符', '半个字\uFFFD符'],
  ['\udfff开头', '\uFFFD开头'],
  ['结尾\ud83d', '结尾\uFFFD'],
  ['NUL\u0000\u0000两个', 'NUL\uFFFD\uFFFD两个'],
  ['正常的𠮷字与表情👍', '正常的𠮷字与表情👍'],
];

/** Six residents of 笋西 with a claimed register entry: one objection each, so none is refused as already_objected. */
const OBJECTORS = ['resident_sx', 'council_sx', 'council_sunxi_1', 'council_sunxi_2', 'council_sunxi_3', 'council_sunxi_4'] as const;

async function projectByTitle(title: string) {
  const row = (await w.ctx.database.db.select({ id: projects.id, code: projects.code, state: projects.state }).from(projects).where(eq(projects.title, title)))[0];
  if (!row) throw new Error(`no project titled ${title}`);
  return row;
}

async function projectByCode(code: string) {
  return (await w.ctx.database.db.select({ id: projects.id, state: projects.state, stateReason: projects.stateReason }).from(projects).where(eq(projects.code, code)))[0]!;
}

/** The audit entries of one action on one subject, oldest first. */
async function entries(action: string, subjectId: string) {
  return w.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId))).orderBy(asc(auditLog.seq));
}

/** The entry's stored hash is the hash of the stored fields: what is read back is what was hashed. */
function expectHashedAsStored(e: typeof auditLog.$inferSelect) {
  expect(e.hash, `entry ${e.seq}`).toBe(entryHash(e, e.prevHash));
}

describe('the audit chain survives any text', () => {
  it('residents objecting with NULs and lone surrogates in the reason leave the chain intact', async () => {
    // A project of 笋西 adopted yesterday: its notice runs for four more days, and every resident of 笋西 may object.
    const p = await projectByTitle(COUNCIL_FIXTURE.toObject.title);
    expect(p.state).toBe('in_public_notice');
    const before = await verifyAuditLog(w.ctx.database);
    expect(before).toMatchObject({ ok: true });
    const ids: string[] = [];
    for (const [i, [sent]] of NASTY.entries()) {
      const res = await w.request('POST', `/api/projects/${p.code}/objections`, OBJECTORS[i]!, { reason: sent });
      const body = await res.json();
      expect([res.status, body], `${JSON.stringify(sent)} by ${OBJECTORS[i]}`).toEqual([201, { id: expect.any(String) }]);
      ids.push(body.id);
    }
    // Six accepted objections: six stored reasons and six entries in the chain, each holding the text as stored.
    const stored = await w.ctx.database.db.select({ id: objections.id, reason: objections.reason }).from(objections).where(eq(objections.projectId, p.id));
    expect(ids.map((id) => stored.find((o) => o.id === id)?.reason)).toEqual(NASTY.map(([, s]) => s));
    const lodged = await entries('project.objection_lodged', p.id);
    expect(lodged.map((e) => [JSON.parse(e.after!).objection, e.reason])).toEqual(ids.map((id, i) => [id, NASTY[i]![1]]));
    for (const e of lodged) expectHashedAsStored(e);
    expect(await verifyAuditLog(w.ctx.database)).toEqual({ ok: true, count: (before as { count: number }).count + NASTY.length, head: lodged.at(-1)!.hash });
  });

  it('council opinions, staff screening-out reasons and withdrawals with such text leave it intact too', async () => {
    // Two proposals of 笋西 waiting for screening, during its screening phase.
    const [a, b] = [await projectByCode('SGJD-SXSQ-2025-01'), await projectByCode('SGJD-SXSQ-2025-02')];
    expect([a.state, b.state]).toEqual(['submitted', 'submitted']);
    const opinion = await w.request('POST', '/api/projects/SGJD-SXSQ-2025-01/opinions', 'council_sx', { stance: 'note', body: NASTY[0]![0] });
    expect([opinion.status, await opinion.json()]).toEqual([201, { id: expect.any(String) }]);
    const screened = await w.request('POST', '/api/projects/SGJD-SXSQ-2025-02/events', 'officer', { event: 'screen_out', reason: NASTY[1]![0] });
    expect([screened.status, await screened.json()]).toEqual([200, { from: 'submitted', to: 'screened_out' }]);
    // Staff withdraw the other on behalf of whoever handed it in on paper.
    const withdrawn = await w.request('POST', '/api/projects/SGJD-SXSQ-2025-01/events', 'staff_sx', { event: 'withdraw', reason: NASTY[3]![0] });
    expect([withdrawn.status, await withdrawn.json()]).toEqual([200, { from: 'submitted', to: 'withdrawn' }]);

    const opinions = await w.ctx.database.db.select({ body: screeningOpinions.body }).from(screeningOpinions).where(eq(screeningOpinions.projectId, a.id));
    expect(opinions.map((o) => o.body)).toEqual([NASTY[0]![1]]);
    expect([(await projectByCode('SGJD-SXSQ-2025-02')).stateReason, (await projectByCode('SGJD-SXSQ-2025-01')).stateReason]).toEqual([NASTY[1]![1], NASTY[3]![1]]);
    const written = [...(await entries('project.screening_opinion', a.id)), ...(await entries('project.screen_out', b.id)), ...(await entries('project.withdraw', a.id))];
    expect(written.map((e) => e.reason)).toEqual([NASTY[0]![1], NASTY[1]![1], NASTY[3]![1]]);
    for (const e of written) expectHashedAsStored(e);
    expect(await verifyAuditLog(w.ctx.database)).toMatchObject({ ok: true });
  });

  it('appendAudit itself stores what it hashes, whatever the actor name and reason', async () => {
    for (const [sent] of NASTY) {
      await w.ctx.database.write((tx) => appendAudit(tx, { actor: { accountId: null, role: 'staff', name: sent }, action: 'test.text', subjectType: 'test', subjectId: sent, before: { s: sent }, after: [sent], reason: sent, at: new Date() }));
    }
    const written = await w.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'test.text')).orderBy(asc(auditLog.seq));
    expect(written.map((e) => [e.actorName, e.subjectId, e.reason])).toEqual(NASTY.map(([, s]) => [s, s, s]));
    for (const e of written) expectHashedAsStored(e);
    expect(await verifyAuditLog(w.ctx.database)).toMatchObject({ ok: true });
  });
});
