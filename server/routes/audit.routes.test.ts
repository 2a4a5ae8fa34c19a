/**
 * The public audit log while a resident vote is open, and after it closes
 * (server/domain/audit-disclosure.ts): ballots only as counts per finished
 * day, no place in the chain for anything written since the vote opened,
 * and, once it has closed, every entry in full and a chain anyone can
 * verify from GET /api/audit alone. Auditors read everything throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { auditLog, projects } from '#db/schema.ts';
import { verifyChain, type ChainEntry } from '../domain/audit-chain.ts';
import { SYSTEM_ACTOR } from '../domain/permissions.ts';
import { appendAudit, SYSTEM_AUDIT_ACTOR, verifyAuditLog } from '../services/audit.ts';
import { applyProjectEvent } from '../services/projects.ts';

const CYCLE = 'cy-xianhu-2026';
const COMMENTED = 'LTJD-LHSQ-2026-01';
const NOTICED = 'SGJD-SXSQ-2026-04'; // in public notice since 18 Nov
const BALLOT_ACTIONS = ['ballot.cast', 'paper_ballot.entered'];
type T = Awaited<ReturnType<typeof testApp>>;
type Entry = ChainEntry & { prevHash: string; hash: string };

// The demo's 仙湖 vote is held open (planned 2026-11-15 to 11-30). Voting happens on 11-20, China time; the clock moves on later.
let clock = new Date('2026-11-20T10:00:00+08:00');
let t: T;
/** Each step a minute later, so every entry of the day has its own time. */
const tick = () => (clock = new Date(clock.getTime() + 60_000));

async function as(username: string) {
  const c = client(t.app);
  expect((await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD })).status).toBe(200);
  return c;
}

async function publicLog(query = 'limit=500') {
  const res = await client(t.app).get(`/api/audit?${query}`);
  expect(res.status).toBe(200);
  return res.json();
}

/** The whole published chain, oldest first, read page by page from the API as anyone could. */
async function publishedChain(c = client(t.app)) {
  const all: Entry[] = [];
  let before = '';
  for (;;) {
    const page = await (await c.get(`/api/audit?limit=500${before}`)).json();
    all.push(...page.items);
    if (page.items.length < 500) return { head: page.head, entries: all.reverse() };
    before = `&before=${page.items.at(-1).seq}`;
  }
}

async function ballotEntries() {
  return t.ctx.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, CYCLE), inArray(auditLog.action, BALLOT_ACTIONS)));
}

let legacyHash = '';

beforeAll(async () => {
  t = await testApp({ seed: true, now: () => clock });
  const [f, w] = (await t.ctx.database.db.select({ id: projects.id }).from(projects).where(inArray(projects.code, ['LTJD-XHSQ-2026-01', 'LTJD-XHSQ-2026-03']))).map((r) => r.id);
  expect((await (await as('resident_lt')).post(`/api/projects/${COMMENTED}/comments`, { body: '支持，去年的邻里节很热闹。' })).status).toBe(201);
  tick();
  // A ballot entry as the previous version wrote it, replaced flag and all (a database upgraded in the middle of a vote).
  legacyHash = (
    await t.ctx.database.write((tx) =>
      appendAudit(tx, { actor: { accountId: null, role: 'resident', name: '居民' }, action: 'ballot.cast', subjectType: 'cycle', subjectId: CYCLE, after: { channel: 'online', replaced: true }, at: clock }),
    )
  ).hash;
  // Two residents vote online, one of them twice; a paper ballot is typed in twice by two staff members.
  tick();
  expect((await (await as('resident_xh')).post(`/api/cycles/${CYCLE}/ballot`, { projects: [f] })).status).toBe(201);
  const changer = await as('council_xh');
  tick();
  expect((await changer.post(`/api/cycles/${CYCLE}/ballot`, { projects: [f] })).status).toBe(201);
  tick();
  const second = await changer.post(`/api/cycles/${CYCLE}/ballot`, { projects: [w] });
  // The voter is still told that the new ballot replaced the old one.
  expect(await second.json()).toMatchObject({ replaced: true });
  // A decision too: 笋西's e-bike charging points come out of their public notice, approved.
  tick();
  const [ebike] = await t.ctx.database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, NOTICED));
  expect(await applyProjectEvent(t.ctx.database, { projectId: ebike!.id, event: 'end_notice' }, SYSTEM_ACTOR, SYSTEM_AUDIT_ACTOR, clock)).toMatchObject({ ok: true, to: 'approved' });
  for (const staff of ['staff_xh', 'staff2_xh']) {
    tick();
    expect((await (await as(staff)).post(`/api/cycles/${CYCLE}/paper-ballots`, { paperSerial: 'P-1', registerNo: 'XHSQ-0001', projects: [w] })).status).toBe(201);
  }
  // Other things happen the same day, between the ballots: residents comment on a 莲花 proposal.
  tick();
  expect((await (await as('council_lt')).post(`/api/projects/${COMMENTED}/comments`, { body: '建议把活动放在周末。' })).status).toBe(201);
});
afterAll(() => t.close());

describe('the public audit log during a resident vote', () => {
  it('during an open vote the public log shows ballots only as daily counts', async () => {
    const hidden = await ballotEntries();
    expect(hidden).toHaveLength(6); // the old-style entry, three online ballots, two paper entries
    const firstHidden = Math.min(...hidden.map((e) => e.seq));
    // The published chain ends with the last entry written before the vote opened (15 Nov); nothing after it has a published place.
    const beforeOpen = await t.ctx.database.db.select({ seq: auditLog.seq }).from(auditLog).where(lt(auditLog.at, new Date('2026-11-15T00:00:00+08:00').toISOString()));
    const pendingFrom = Math.max(...beforeOpen.map((e) => e.seq)) + 1;
    expect(pendingFrom).toBeLessThan(firstHidden);
    const unplaced = await t.ctx.database.db.select().from(auditLog).where(gte(auditLog.seq, pendingFrom));

    const check = async (body: Record<string, unknown>) => {
      const text = JSON.stringify(body);
      // Not one ballot entry: not its time, number or hash; and nothing that says a ballot replaced another.
      for (const e of hidden) {
        expect(text).not.toContain(e.hash);
        expect(text).not.toContain(e.at);
      }
      expect(text).not.toContain('replaced');
      // No entry written since the vote opened gives away its place: not its hash, nor as a previous hash.
      for (const e of unplaced) expect(text).not.toContain(e.hash);
      const items = body.items as Entry[];
      expect(items.every((e) => e.seq < pendingFrom)).toBe(true);
      expect(body.head).toEqual({ seq: pendingFrom - 1, hash: items[0]!.hash });
      expect(body.pendingSince).toBe('2026-11-15');
      expect(body.full).toBe(false);
    };

    // On the day itself: the comment is listed, without number or hashes; the ballots are not, and today's count waits for the day to end.
    let body = await publicLog();
    await check(body);
    expect(body.withheld).toEqual([]);
    const comments = body.pending.filter((e: { action: string }) => e.action === 'comment.added');
    expect(comments).toHaveLength(2);
    const comment = comments[0];
    expect(comment).toMatchObject({ at: clock.toISOString(), subjectType: 'project_comment' });
    expect(Object.keys(comment).sort()).toEqual(['action', 'actorName', 'actorRole', 'after', 'at', 'before', 'reason', 'subjectId', 'subjectType']);
    expect(body.pending.some((e: { action: string }) => BALLOT_ACTIONS.includes(e.action))).toBe(false);

    // The next day: 20 Nov's ballots as counts, still not one by one, whatever the filter.
    clock = new Date('2026-11-21T09:00:00+08:00');
    body = await publicLog();
    await check(body);
    expect(body.withheld).toEqual([
      { cycleId: CYCLE, day: '2026-11-20', action: 'ballot.cast', count: 4 },
      { cycleId: CYCLE, day: '2026-11-20', action: 'paper_ballot.entered', count: 2 },
    ]);
    for (const q of [`action=ballot.cast&limit=500`, `subjectId=${CYCLE}&limit=500`, `subjectType=cycle&action=paper_ballot.entered&limit=500`]) {
      const filtered = await publicLog(q);
      expect(filtered.items.filter((e: Entry) => e.subjectId === CYCLE && BALLOT_ACTIONS.includes(e.action))).toEqual([]);
      expect(filtered.pending).toEqual([]);
      expect(filtered.withheld.length).toBeGreaterThan(0);
      expect(JSON.stringify(filtered)).not.toContain('replaced');
    }
    expect((await publicLog('action=comment.added&limit=500')).withheld).toEqual([]);

    // A project's history and the decisions dataset give no entry's place either.
    const project = await (await client(t.app).get(`/api/projects/${COMMENTED}`)).json();
    expect(project.history.at(-1)).toMatchObject({ action: 'comment.added', seq: null });
    expect(project.history.every((h: { seq: number | null }) => h.seq === null || h.seq < pendingFrom)).toBe(true);
    expect((await (await client(t.app).get(`/api/projects/${NOTICED}`)).json()).history.at(-1)).toMatchObject({ action: 'project.end_notice', seq: null });
    const decisions = await (await client(t.app).get('/api/open-data/decisions.json')).json();
    expect(decisions.items.find((r: { project_code: string; event: string }) => r.project_code === NOTICED && r.event === 'end_notice')).toMatchObject({ audit_seq: null, audit_hash: null, to_state: 'approved' });
    expect(decisions.items.every((r: { audit_seq: number | null }) => r.audit_seq === null || r.audit_seq < pendingFrom)).toBe(true);
    const decisionsText = JSON.stringify(decisions);
    for (const e of unplaced) expect(decisionsText).not.toContain(e.hash);
  });

  it('pending entries page by time, and the published chain by number, each without the other', async () => {
    const first = await publicLog('limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.pending).toHaveLength(1);
    const older = await publicLog(`limit=500&until=${encodeURIComponent(first.pending[0].at)}`);
    expect(older.items).toEqual([]);
    expect(older.pending.every((e: { at: string }) => e.at < first.pending[0].at)).toBe(true);
    // Paging one at a time meets every pending entry once, in the order of the whole list.
    const seen: unknown[] = [];
    for (let page = await publicLog('limit=1'); page.pending.length > 0; page = await publicLog(`limit=1&until=${encodeURIComponent(page.pending.at(-1).at)}`)) seen.push(...page.pending);
    expect(seen).toEqual((await publicLog()).pending);
    const chain = await publicLog(`limit=2&before=${first.items[0].seq}`);
    expect(chain.pending).toEqual([]);
    expect(chain.items.map((e: Entry) => e.seq)).toEqual([first.items[0].seq - 1, first.items[0].seq - 2]);
  });

  it('a signed-in auditor reads every entry in full during the vote, ballots included', async () => {
    const auditor = await as('auditor');
    const body = await (await auditor.get(`/api/audit?subjectId=${CYCLE}&limit=500`)).json();
    expect(body).toMatchObject({ full: true, pending: [], withheld: [], pendingSince: null });
    const hidden = await ballotEntries();
    expect(body.items.filter((e: Entry) => BALLOT_ACTIONS.includes(e.action)).map((e: Entry) => e.hash).sort()).toEqual(hidden.map((e) => e.hash).sort());
    const { head, entries } = await publishedChain(auditor);
    expect(verifyChain(entries)).toEqual({ ok: true, count: head.seq, head: head.hash });
  });

  it('a new ballot entry carries no replaced flag: a first ballot and a changed one read the same', async () => {
    const online = (await ballotEntries()).filter((e) => e.action === 'ballot.cast' && e.hash !== legacyHash);
    expect(online).toHaveLength(3);
    for (const e of online) expect(e.after).toBe('{"channel":"online"}');
  });
});

describe('the public audit log after the vote closes', () => {
  it('after the vote closes every entry appears in full and the chain verifies from the public API alone', async () => {
    expect((await (await as('staff_xh')).post(`/api/cycles/${CYCLE}/phase`, { phase: 'deliberation', reason: '（测试）提前开启下一阶段' })).status).toBe(200);
    const body = await publicLog();
    expect(body).toMatchObject({ pending: [], withheld: [], pendingSince: null, full: false });

    const { head, entries } = await publishedChain();
    const stored = await t.ctx.database.db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog);
    expect(head.seq).toBe(stored.length);
    // Recomputed from what the API published, nothing else.
    expect(verifyChain(entries)).toEqual({ ok: true, count: stored.length, head: head.hash });
    // The ballots are there one by one, with their times and hashes, the old-style entry exactly as it was written.
    const ballots = entries.filter((e) => e.subjectId === CYCLE && BALLOT_ACTIONS.includes(e.action));
    expect(ballots.map((e) => e.hash).sort()).toEqual((await ballotEntries()).map((e) => e.hash).sort());
    expect(ballots.find((e) => e.hash === legacyHash)!.after).toBe('{"channel":"online","replaced":true}');
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true, count: stored.length });

    const project = await (await client(t.app).get(`/api/projects/${COMMENTED}`)).json();
    expect(project.history.every((h: { seq: number | null }) => typeof h.seq === 'number')).toBe(true);
  });
});
