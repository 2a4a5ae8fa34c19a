/**
 * What the public is shown of the audit log while resident votes are open
 * (server/services/audit-disclosure.ts), pinned on exact entries: which
 * cycles count as voting, where the published chain ends, the pending
 * entries and their paging, the withheld ballots' daily counts, and that
 * the line between published and pending stays put while the same votes
 * are open. (audit.routes.test.ts walks the same rules through the API.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '#tests/fixtures.ts';
import { GENESIS_HASH } from '../domain/audit-chain.ts';
import type { Person } from '../domain/permissions.ts';
import { appendAudit, auditHead, type AuditInput } from './audit.ts';
import { auditDisclosure, chainPlace, cyclesWithOpenVote, listPending, publishedHead, withheldCounts, type AuditDisclosure } from './audit-disclosure.ts';

type T = Awaited<ReturnType<typeof testApp>>;
const NOW = new Date('2026-11-20T10:00:00+08:00');
const china = (day: string, time = '10:00') => new Date(`2026-11-${day}T${time}:00+08:00`);
const resident = { accountId: null, role: 'resident', name: '居民' };
const staff = { accountId: null, role: 'staff', name: '王芳' };
const auditor: Person = { accountId: 'x', assignments: [{ role: 'auditor', scope: { kind: 'district', id: 'd-lh' } }] };

async function append(t: T, input: Omit<AuditInput, 'subjectType' | 'subjectId'> & Partial<AuditInput>) {
  return t.ctx.database.write((tx) => appendAudit(tx, { subjectType: 'test', subjectId: 'x', ...input }));
}
const sql = (t: T, q: string) => t.ctx.database.client.execute(q);

/**
 * The demo's 仙湖 vote is held open by staff (planned from 11-15). 莲花 is made
 * to vote by its plan alone (from 11-18), and 笋西's plan puts a vote over
 * today but also its implementation, a later phase, so it is not voting.
 */
async function twoOpenVotes(t: T) {
  await sql(t, "update cycles set open_phase = null where id in ('cy-lianhua-2026', 'cy-sunxi-2026')");
  await sql(t, "insert into cycle_phases (id, cycle_id, phase, starts_on, ends_on) values ('ph-test-lh-vote', 'cy-lianhua-2026', 'resident_vote', '2026-11-18', '2026-11-25')");
  await sql(t, "update cycle_phases set starts_on = '2026-11-01', ends_on = '2026-11-30' where cycle_id = 'cy-sunxi-2026' and phase = 'resident_vote'");
}

describe('the audit log while two votes are open', () => {
  let t: T;
  const seq: Record<string, number> = {};
  beforeAll(async () => {
    t = await testApp({ seed: true, now: () => NOW });
    await twoOpenVotes(t);
    seq.before = (await append(t, { actor: staff, action: 'test.before', at: china('14') })).seq;
    seq.lhBallot = (await append(t, { actor: resident, action: 'ballot.cast', subjectType: 'cycle', subjectId: 'cy-lianhua-2026', at: china('16') })).seq;
    seq.between = (await append(t, { actor: staff, action: 'test.between', at: china('16', '11:00') })).seq;
    // Entered later, but stamped earlier: a 仙湖 ballot of the 12th, and a paper ballot of the 19th.
    seq.xhBallot = (await append(t, { actor: resident, action: 'ballot.cast', subjectType: 'cycle', subjectId: 'cy-xianhu-2026', at: china('12') })).seq;
    seq.xhPaper = (await append(t, { actor: staff, action: 'paper_ballot.entered', subjectType: 'cycle', subjectId: 'cy-xianhu-2026', at: china('19') })).seq;
    seq.sunxiBallot = (await append(t, { actor: resident, action: 'ballot.cast', subjectType: 'cycle', subjectId: 'cy-sunxi-2026', at: china('19', '11:00') })).seq;
    seq.sameA = (await append(t, { actor: staff, action: 'test.same', subjectId: 'a', at: china('19', '12:00') })).seq;
    seq.sameB = (await append(t, { actor: staff, action: 'test.same', subjectId: 'b', at: china('19', '12:00') })).seq;
    seq.today = (await append(t, { actor: resident, action: 'ballot.cast', subjectType: 'cycle', subjectId: 'cy-xianhu-2026', at: china('20', '09:00') })).seq;
  });
  afterAll(() => t.close());

  it('finds the votes open today, by what staff hold open or by plan where no later phase is planned over today, in id order', async () => {
    expect(await cyclesWithOpenVote(t.ctx.database, NOW)).toEqual([
      { id: 'cy-lianhua-2026', titleZh: expect.any(String), titleEn: expect.any(String), plannedStart: '2026-11-18' },
      { id: 'cy-xianhu-2026', titleZh: expect.any(String), titleEn: expect.any(String), plannedStart: '2026-11-15' },
    ]);
    expect(await cyclesWithOpenVote(t.ctx.database, china('26'))).toEqual([expect.objectContaining({ id: 'cy-xianhu-2026' })]);
  });

  it('ends the published chain before the day the first open vote began: its plan, or its first ballot on record', async () => {
    const d = await auditDisclosure(t.ctx.database, NOW);
    expect(d).toEqual({
      full: false,
      openVotes: [
        { id: 'cy-lianhua-2026', titleZh: expect.any(String), titleEn: expect.any(String) },
        { id: 'cy-xianhu-2026', titleZh: expect.any(String), titleEn: expect.any(String) },
      ],
      // 仙湖's plan began on the 15th; the earliest ballot on record (莲花's, the first written) is of the 16th.
      pendingSince: '2026-11-15',
      pendingFrom: seq.before! + 1,
      today: '2026-11-20',
    });
    expect(await auditDisclosure(t.ctx.database, NOW, auditor)).toEqual({ full: true, openVotes: [], pendingFrom: null, pendingSince: null, today: '2026-11-20' });
    const head = await publishedHead(t.ctx.database, d);
    expect(head.seq).toBe(seq.before);
    expect(await publishedHead(t.ctx.database, { ...d, pendingFrom: 1 })).toEqual({ seq: 0, hash: GENESIS_HASH });
    expect(await publishedHead(t.ctx.database, { ...d, pendingFrom: null })).toEqual(await auditHead(t.ctx.database));
  });

  it('shows pending entries newest first without their place in the chain, and no open vote’s ballots', async () => {
    const d = await auditDisclosure(t.ctx.database, NOW);
    const pending = await listPending(t.ctx.database, d, {});
    expect(pending.map((e) => `${e.action} ${e.subjectId}`)).toEqual(['test.same b', 'test.same a', 'ballot.cast cy-sunxi-2026', 'test.between x']);
    expect(pending[0]).toEqual({ at: china('19', '12:00').toISOString(), actorRole: 'staff', actorName: '王芳', action: 'test.same', subjectType: 'test', subjectId: 'b', before: null, after: null, reason: null });
    expect((await listPending(t.ctx.database, d, { subjectType: 'cycle' })).map((e) => e.subjectId)).toEqual(['cy-sunxi-2026']);
    expect((await listPending(t.ctx.database, d, { action: 'test.between' })).map((e) => e.action)).toEqual(['test.between']);
    expect((await listPending(t.ctx.database, d, { subjectId: 'a' })).map((e) => e.subjectId)).toEqual(['a']);
    expect(await listPending(t.ctx.database, { ...d, pendingFrom: null }, {})).toEqual([]);
  });

  it('pages pending entries by time, never ending a page between two entries of the same instant', async () => {
    const d = await auditDisclosure(t.ctx.database, NOW);
    const first = await listPending(t.ctx.database, d, { limit: 1 });
    expect(first.map((e) => e.subjectId)).toEqual(['b', 'a']);
    const next = await listPending(t.ctx.database, d, { limit: 1, until: first.at(-1)!.at });
    expect(next.map((e) => e.subjectId)).toEqual(['cy-sunxi-2026']);
    const rest = await listPending(t.ctx.database, d, { limit: 5, until: next.at(-1)!.at });
    expect(rest.map((e) => e.action)).toEqual(['test.between']);
  });

  it('counts an open vote’s withheld ballots per cycle, finished day and action, newest day first, under the same filters', async () => {
    const d = await auditDisclosure(t.ctx.database, NOW);
    const all = [
      { cycleId: 'cy-xianhu-2026', day: '2026-11-19', action: 'paper_ballot.entered', count: 1 },
      { cycleId: 'cy-lianhua-2026', day: '2026-11-16', action: 'ballot.cast', count: 1 },
      { cycleId: 'cy-xianhu-2026', day: '2026-11-12', action: 'ballot.cast', count: 1 },
    ];
    expect(await withheldCounts(t.ctx.database, d)).toEqual(all);
    expect(await withheldCounts(t.ctx.database, d, { subjectType: 'cycle' })).toEqual(all);
    expect(await withheldCounts(t.ctx.database, d, { subjectType: 'project' })).toEqual([]);
    expect(await withheldCounts(t.ctx.database, d, { subjectId: 'cy-xianhu-2026' })).toEqual([all[0], all[2]]);
    expect(await withheldCounts(t.ctx.database, d, { action: 'ballot.cast' })).toEqual([all[1], all[2]]);
    expect(await withheldCounts(t.ctx.database, d, { subjectType: 'cycle', subjectId: 'cy-lianhua-2026', action: 'ballot.cast' })).toEqual([all[1]]);
    // Another set of open votes on the same day is counted on its own.
    expect(await withheldCounts(t.ctx.database, { ...d, openVotes: d.openVotes.filter((c) => c.id === 'cy-lianhua-2026') })).toEqual([all[1]]);
    expect(await withheldCounts(t.ctx.database, { ...d, openVotes: [] })).toEqual([]);
  });

  it('gives an entry beside the log its seq and hash only if it lies in the published chain', async () => {
    const d = await auditDisclosure(t.ctx.database, NOW);
    const e = (s: number) => ({ seq: s, hash: `h${s}`, action: 'a' });
    expect(chainPlace(d, e(seq.before!))).toEqual(e(seq.before!));
    expect(chainPlace(d, e(seq.before! + 1))).toEqual({ seq: null, hash: null, action: 'a' });
    expect(chainPlace({ ...d, pendingFrom: null }, e(seq.today!))).toEqual(e(seq.today!));
  });
});

describe('the line between published and pending', () => {
  let t: T;
  beforeAll(async () => {
    t = await testApp({ seed: true, now: () => NOW });
  });
  afterAll(() => t.close());

  it('is worked out once for a set of open votes and stays put while they stay open, and each set has its own', async () => {
    const d1 = await auditDisclosure(t.ctx.database, NOW);
    expect(d1.openVotes.map((c) => c.id)).toEqual(['cy-xianhu-2026']);
    const line = d1.pendingFrom!;
    // An entry stamped before the vote began, written now: the line must not move past entries already shown as pending.
    await append(t, { actor: staff, action: 'test.late', at: china('10') });
    expect((await auditDisclosure(t.ctx.database, NOW)).pendingFrom).toBe(line);
    // Once a second vote opens (by plan, from the 18th), the set differs: its line is worked out afresh.
    await twoOpenVotes(t);
    const d2 = await auditDisclosure(t.ctx.database, NOW);
    expect(d2.openVotes.map((c) => c.id)).toEqual(['cy-lianhua-2026', 'cy-xianhu-2026']);
    expect(d2.pendingFrom).toBe((await auditHead(t.ctx.database)).seq + 1);
    // A first ballot stamped before the known line pulls the line back to it.
    const early = await append(t, { actor: resident, action: 'ballot.cast', subjectType: 'cycle', subjectId: 'cy-xianhu-2026', at: china('01') });
    expect(early.seq).toBeGreaterThan(line);
    const d3: AuditDisclosure = await auditDisclosure(t.ctx.database, NOW);
    expect(d3.pendingSince).toBe('2026-11-01');
    expect(d3.pendingFrom).toBeLessThanOrEqual(early.seq);
  });
});
