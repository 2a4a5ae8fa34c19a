/**
 * @module The resident vote: casting (and re-casting) an online ballot,
 * staff entering paper ballots twice, and checking a receipt.
 *
 * A voter is a register entry of the cycle's community, not an account: the
 * entry claimed by the signed-in account votes online, and staff enter paper
 * ballots by register number. One current ballot per entry and cycle (a
 * partial unique index backs this); casting again supersedes the old ballot
 * in the same transaction. Online and paper exclude each other.
 *
 * Every check that depends on the moment (is the vote still open, which
 * projects are on the ballot, does the person already have a ballot) runs
 * inside the write transaction, so a ballot queued behind the close of the
 * vote is refused rather than counted late.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { ballots, cycles, cyclePhases, cycleResults, paperBallotEntries, projects, registerEntries, accounts } from '#db/schema.ts';
import { rawOf, type Database, type RawExec, type Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import { checkBallot, isBallotMethod, parseBallotContent, type Ballot, type BallotInput, type BallotIssue, type BallotMethod, type BallotProject } from '../domain/ballot-rules.ts';
import { currentPhase, type CyclePhase } from '../domain/cycle-phases.ts';
import { reasonCannot, reasonToShow, whoCannot, type Actor, type Locale, type Place, type ReasonCode } from '../domain/permissions.ts';
import { voteHeld, type VoteHeld, type VoteSettings } from '../domain/rulebook.ts';
import { guardGuess, type Throttled } from '../auth/throttle.ts';
import { appendAudit, appendAuditRaw, RESIDENT_PUBLIC_NAME, type AuditActor } from './audit.ts';
import { getCommunityById, getCycle, type CycleView } from './catalog.ts';
import { getRulebook } from './rulebooks.ts';
import { newId, receiptBytes } from './ids.ts';
import { normalizeReceiptCode, RECEIPT_RE } from '../domain/receipts.ts';
import { codesOf } from '../domain/reason-codes.ts';
import { inValues } from './sql-lists.ts';
import { claimedEntry } from './residents.ts';

// ---------------------------------------------------------------------------
// Codes of this module (their words: messages/…/reasons.json, `ballot.<code>`)
// ---------------------------------------------------------------------------

/** Each code with the HTTP status an API answers it with. */
export const BALLOT_STATUS = {
  not_found: 404,
  no_voter_entry: 403,
  voted_on_paper: 409,
  voted_online: 409,
  invalid_ballot: 422,
  same_staff_twice: 409,
  paper_already_counted: 409,
  paper_ballot_exists: 409,
  unknown_register_no: 422,
  vote_held_elsewhere: 409,
} as const satisfies Record<string, 403 | 404 | 409 | 422>;
export type BallotCode = keyof typeof BALLOT_STATUS;
export const BALLOT_CODES = codesOf(BALLOT_STATUS);

export type BallotRefusal =
  | { ok: false; code: ReasonCode }
  | { ok: false; code: Exclude<BallotCode, 'invalid_ballot'> }
  | { ok: false; code: 'invalid_ballot'; issues: BallotIssue[] };

// ---------------------------------------------------------------------------
// Receipt codes
// ---------------------------------------------------------------------------

/** No look-alikes (0/O, 1/I/L): people copy receipts by hand. 31 symbols, 10 of them ≈ 49 bits. */
const RECEIPT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * The symbol a random byte stands for, or null for a byte that is drawn again.
 * 248 = 8 × 31: each symbol stands for exactly 8 of the 248 kept byte values
 * and 248–255 are rejected, so uniform bytes give equally likely symbols
 * (a plain `b % 31` over all 256 would favour the first 8).
 */
export function receiptSymbol(byte: number): string | null {
  return byte < 248 ? RECEIPT_ALPHABET[byte % 31]! : null;
}

/** Ten symbols from `bytes` (the system's generator, or the demo history's seeded one: ./ids.ts; a test may pass a fixed source). */
export function newReceiptCode(bytes: (n: number) => Uint8Array = receiptBytes): string {
  const out: string[] = [];
  while (out.length < 10) {
    for (const b of bytes(16)) {
      const symbol = receiptSymbol(b);
      if (symbol !== null && out.length < 10) out.push(symbol);
    }
  }
  return `${out.slice(0, 5).join('')}-${out.slice(5).join('')}`;
}

// How people type a code, and its printed form: shared with the browser's receipt check.
export { normalizeReceiptCode, RECEIPT_RE } from '../domain/receipts.ts';

// ---------------------------------------------------------------------------
// Loading a cycle's vote
// ---------------------------------------------------------------------------

export type BallotPaperProject = BallotProject & { code: string; title: string; category: string };

export type VoteSetup = {
  cycle: CycleView;
  communityId: string;
  place: Place;
  community: { slug: string; nameZh: string; nameEn: string };
  vote: VoteSettings;
  resultRule: string;
  projects: BallotPaperProject[];
};

async function ballotProjects(db: Database['db'] | Tx, cycleId: string): Promise<BallotPaperProject[]> {
  const rows = await db
    .select({ id: projects.id, code: projects.code, title: projects.title, category: projects.category, costFen: projects.estimatedCostFen })
    .from(projects)
    .where(and(eq(projects.cycleId, cycleId), eq(projects.state, 'screened_in')))
    .orderBy(asc(projects.code));
  return rows;
}

/** The cycle, its community, its vote settings and the projects on its ballot. Null if there is no such cycle. */
export async function loadVoteSetup(database: Database, cycleId: string, now: Date): Promise<VoteSetup | null> {
  const cycle = await getCycle(database, cycleId, now);
  if (!cycle) return null;
  const row = (await database.db.select({ communityId: cycles.communityId }).from(cycles).where(eq(cycles.id, cycleId)))[0]!;
  const community = await getCommunityById(database, row.communityId);
  const rulebook = await getRulebook(database.db, cycle.rulebookId);
  if (!community || !rulebook) return null;
  return {
    cycle,
    communityId: row.communityId,
    place: community.place,
    community: { slug: community.slug, nameZh: community.nameZh, nameEn: community.nameEn },
    vote: rulebook.vote,
    resultRule: rulebook.resultRule,
    projects: await ballotProjects(database.db, cycleId),
  };
}

/** The phase as of now, read inside a transaction (staff may have just closed the vote). */
async function phaseIn(tx: Tx, cycleId: string, now: Date): Promise<CyclePhase | null> {
  const c = (await tx.select({ openPhase: cycles.openPhase }).from(cycles).where(eq(cycles.id, cycleId)))[0];
  if (!c) return null;
  if (c.openPhase) return c.openPhase;
  const phases = await tx.select({ phase: cyclePhases.phase, startsOn: cyclePhases.startsOn, endsOn: cyclePhases.endsOn }).from(cyclePhases).where(eq(cyclePhases.cycleId, cycleId));
  return currentPhase({ phases, openPhase: null }, now);
}

async function currentBallotOf(db: Database['db'] | Tx, cycleId: string, registerEntryId: string) {
  const r = await db
    .select()
    .from(ballots)
    .where(and(eq(ballots.cycleId, cycleId), eq(ballots.registerEntryId, registerEntryId), isNull(ballots.supersededAt)))
    .limit(1);
  return r[0] ?? null;
}

/**
 * Why this person cannot vote online in this cycle right now, or null: who
 * they are first (401, 403), then the cycle (no resident vote, not its
 * voting phase, a vote held elsewhere); whether they are on the register
 * comes after. `show` words it for a page instead, the cycle first: after the
 * vote a visitor is sent to the results, not to sign in. Null in the same
 * cases either way.
 */
function voteReason(v: { place: Place; phase: CyclePhase | null; method: VoteSettings['method']; held: VoteHeld }, actor: Actor, show = false): ReasonCode | 'vote_held_elsewhere' | null {
  const subject = { area: v.place, phase: v.phase };
  const noVote = v.method === 'none' ? ('no_resident_vote' as const) : null;
  const elsewhere = v.held === 'elsewhere' ? ('vote_held_elsewhere' as const) : null;
  if (show) return noVote ?? elsewhere ?? reasonToShow('vote', subject, actor);
  return whoCannot('vote', v.place, actor) ?? noVote ?? reasonCannot('vote', subject, actor) ?? elsewhere;
}

const voteOf = (setup: VoteSetup) => ({ place: setup.place, phase: setup.cycle.phase, method: setup.vote.method, held: voteHeld(setup.vote) });

export type VoterView = {
  setup: VoteSetup;
  /** Why the person cannot cast (or re-cast) a ballot now; null if they can. */
  why: ReasonCode | Exclude<BallotCode, 'invalid_ballot'> | null;
  /** The person's current ballot in this cycle, if any (never the receipt: it is shown once). */
  current: { channel: 'online' | 'paper'; castAt: Date; ballot: Ballot } | null;
};

/** What the vote page and GET /ballot show a (possibly anonymous) person. */
export async function voterView(ctx: AppContext, cycleId: string, actor: Actor): Promise<VoterView | null> {
  const setup = await loadVoteSetup(ctx.database, cycleId, ctx.now());
  if (!setup) return null;
  let why: VoterView['why'] = voteReason(voteOf(setup), actor, true);
  let current: VoterView['current'] = null;
  if (actor && !actor.system) {
    const entry = await claimedEntry(ctx.database.db, setup.communityId, actor.accountId);
    if (entry) {
      const b = await currentBallotOf(ctx.database.db, cycleId, entry.id);
      if (b && isBallotMethod(b.method)) current = { channel: b.channel, castAt: b.castAt, ballot: parseBallotContent(b.method, b.content) };
      if (!why && b?.channel === 'paper') why = 'voted_on_paper';
    } else if (!why) {
      why = 'no_voter_entry';
    }
  }
  return { setup, why, current };
}

// ---------------------------------------------------------------------------
// Casting online
// ---------------------------------------------------------------------------

export type CastOutcome = { ok: true; receiptCode: string; castAt: Date; replaced: boolean; ballot: Ballot } | BallotRefusal;

/**
 * Cast (or replace) the signed-in resident's ballot. One write transaction:
 * check the phase and the rules, supersede the current ballot, insert the new
 * one with a fresh receipt, and log "a resident cast a ballot" — never what
 * was chosen, nor the receipt, nor whether it replaced an earlier ballot.
 * While the vote is open the public log shows these entries only as daily
 * counts (server/domain/audit-disclosure.ts).
 *
 * This is the hottest write of the site (bench/votes.ts), so a signed-in
 * caller's checks read everything in one statement inside the transaction
 * (the cycle, its rulebook's vote settings, its place, the phase, the
 * caller's register entry and current ballot, the projects on the ballot)
 * instead of a dozen query-builder reads before and again inside it; the
 * checks, their order and their answers are those of `voteReason` then the
 * in-transaction checks. Anonymous callers are answered from a read outside
 * the write queue, so they never take a place in it.
 */
export async function castBallot(ctx: AppContext, cycleId: string, input: BallotInput, actor: Actor): Promise<CastOutcome> {
  const now = ctx.now();
  if (!actor) {
    const setup = await loadVoteSetup(ctx.database, cycleId, now);
    if (!setup) return { ok: false, code: 'not_found' };
    return { ok: false, code: voteReason(voteOf(setup), actor) ?? 'not_signed_in' };
  }
  const job: CastJob = { cycleId, input, actor, at: now.getTime() };
  // On the production server this transaction runs on the writer thread (db/writer-thread.ts); elsewhere here.
  const cast = await ctx.database.writeTask<CastOutcome>('castBallot', job, (tx) => castInTx(rawOf(tx), job));
  if (cast.ok) ctx.metrics.ballotCast('online');
  return cast;
}

/** What casting needs, as plain data (it may cross to the writer thread). */
export type CastJob = { cycleId: string; input: BallotInput; actor: Exclude<Actor, null>; at: number };

/** The casting transaction itself, on any raw executor: check, supersede, insert, audit. */
export async function castInTx(raw: RawExec, { cycleId, input, actor, at }: CastJob): Promise<CastOutcome> {
  const now = new Date(at);
  const accountId = actor.accountId;
  const s = await castingState(raw, cycleId, accountId, now);
  if (!s) return { ok: false, code: 'not_found' };
  const why = voteReason({ place: s.place, phase: s.phase, method: s.vote.method, held: voteHeld(s.vote) }, actor);
  if (why) return { ok: false, code: why };
  if (!s.entryId) return { ok: false, code: 'no_voter_entry' };
  const checked = checkBallot(s.vote, s.onBallot, s.budgetFen, input);
  if (!checked.ok) return { ok: false, code: 'invalid_ballot', issues: checked.issues };
  if (s.current?.channel === 'paper') return { ok: false, code: 'voted_on_paper' };
  if (s.current) await raw.run(SUPERSEDE, [at, s.current.id]);
  const receiptCode = await insertOnlineBallot(raw, { cycleId, registerEntryId: s.entryId, accountId, method: checked.ballot.method, content: checked.content, castAt: at });
  await appendAuditRaw(raw, {
    actor: { accountId, role: 'resident', name: RESIDENT_PUBLIC_NAME },
    action: 'ballot.cast',
    subjectType: 'cycle',
    subjectId: cycleId,
    // Only the channel: whether this replaced an earlier ballot is the ballots table's to know
    // (a public flag would tell first ballots from changed minds, person by person).
    after: { channel: 'online' },
    at: now,
  });
  return { ok: true, receiptCode, castAt: now, replaced: s.current !== null, ballot: checked.ballot };
}

type CastingState = {
  place: Place;
  vote: VoteSettings;
  budgetFen: number;
  phase: CyclePhase | null;
  entryId: string | null;
  current: { id: string; channel: 'online' | 'paper' } | null;
  onBallot: BallotProject[];
};

/** Everything casting checks, in one read inside the write transaction (phases only when no phase is held open). */
const CASTING_STATE = `
    select c.community_id, cm.street_id, st.district_id, c.budget_fen, c.open_phase, r.vote_method, r.vote_params,
      e.id as entry_id,
      (select json_array(b.id, b.channel) from ballots b
        where b.cycle_id = c.id and b.register_entry_id = e.id and b.superseded_at is null limit 1) as current,
      (select json_group_array(json_array(p.id, p.estimated_cost_fen)) from projects p
        where p.cycle_id = c.id and p.state = 'screened_in') as on_ballot
    from cycles c
    join rulebooks r on r.id = c.rulebook_id
    join communities cm on cm.id = c.community_id
    join streets st on st.id = cm.street_id
    left join (select id, community_id from register_entries where claimed_by_account_id = ?) e on e.community_id = c.community_id
    where c.id = ?
    limit 1`;
const CYCLE_PHASES = 'select phase, starts_on as startsOn, ends_on as endsOn from cycle_phases where cycle_id = ?';
const SUPERSEDE = 'update ballots set superseded_at = ? where id = ?';
const INSERT_ONLINE = `insert into ballots (id, cycle_id, register_entry_id, account_id, channel, method, content, receipt_code, cast_at)
        values (?, ?, ?, ?, 'online', ?, ?, ?, ?)`;

async function castingState(raw: RawExec, cycleId: string, accountId: string, now: Date): Promise<CastingState | null> {
  // Casting is the hottest write: fixed SQL, run without rebuilding it (db/client.ts, rawOf).
  const rows = await raw.all<{
    community_id: string;
    street_id: string;
    district_id: string;
    budget_fen: number;
    open_phase: CyclePhase | null;
    vote_method: string;
    vote_params: string;
    entry_id: string | null;
    current: string | null;
    on_ballot: string;
  }>(CASTING_STATE, [accountId, cycleId]);
  const r = rows[0];
  if (!r) return null;
  let phase = r.open_phase;
  if (!phase) {
    const phases = await raw.all<{ phase: CyclePhase; startsOn: string; endsOn: string }>(CYCLE_PHASES, [cycleId]);
    phase = currentPhase({ phases, openPhase: null }, now);
  }
  const current = r.current ? (JSON.parse(r.current) as [string, 'online' | 'paper']) : null;
  return {
    place: { communityId: r.community_id, streetId: r.street_id, districtId: r.district_id },
    vote: { method: r.vote_method, ...(JSON.parse(r.vote_params) as object) } as VoteSettings,
    budgetFen: Number(r.budget_fen),
    phase,
    entryId: r.entry_id,
    current: current ? { id: current[0], channel: current[1] } : null,
    onBallot: (JSON.parse(r.on_ballot) as [string, number][]).map(([id, costFen]) => ({ id, costFen })),
  };
}

/** Insert an online ballot under a fresh receipt code; a clash with an existing code (≈2⁻⁴⁹) draws again. */
async function insertOnlineBallot(raw: RawExec, b: { cycleId: string; registerEntryId: string; accountId: string; method: string; content: string; castAt: number }): Promise<string> {
  for (;;) {
    const receiptCode = newReceiptCode();
    try {
      await raw.run(INSERT_ONLINE, [newId(), b.cycleId, b.registerEntryId, b.accountId, b.method, b.content, receiptCode, b.castAt]);
      return receiptCode;
    } catch (err) {
      // A failed INSERT undoes only itself; the transaction goes on.
      if (/UNIQUE constraint failed: ballots\.receipt_code/.test(errorText(err))) continue;
      throw err;
    }
  }
}

function errorText(err: unknown): string {
  let out = '';
  for (let e: unknown = err, i = 0; e && i < 4; e = (e as { cause?: unknown }).cause, i++) out += ` ${String((e as { message?: unknown }).message ?? '')}`;
  return out;
}

async function freshReceipt(tx: Tx): Promise<string> {
  for (;;) {
    const code = newReceiptCode();
    const clash = await tx.select({ id: ballots.id }).from(ballots).where(eq(ballots.receiptCode, code)).limit(1);
    if (clash.length === 0) return code;
  }
}

// ---------------------------------------------------------------------------
// Paper ballots: double entry by two different staff members
// ---------------------------------------------------------------------------

export type PaperInput = BallotInput & { paperSerial: string; registerNo: string };

export type PaperStatus = 'pending' | 'matched' | 'mismatch' | 'resolved';
export type PaperOutcome = { ok: true; status: PaperStatus; entries: number; receiptCode?: string } | BallotRefusal;

/** Serial numbers are printed; compare them without case or spaces. */
export function normalizeSerial(s: string): string {
  return s.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');
}

/**
 * Staff type in one paper ballot. The first entry waits; the second, by
 * another staff account, either matches (the ballot is written and counts)
 * or does not (both are flagged for a third check); a later entry by yet
 * another person that matches one of the flagged ones settles it.
 */
export async function enterPaperBallot(ctx: AppContext, cycleId: string, input: PaperInput, actor: Actor, auditActor: AuditActor): Promise<PaperOutcome> {
  const now = ctx.now();
  const setup = await loadVoteSetup(ctx.database, cycleId, now);
  if (!setup) return { ok: false, code: 'not_found' };
  const why = reasonCannot('enter_paper', { area: setup.place }, actor);
  if (why) return { ok: false, code: why };
  if (setup.vote.method === 'none') return { ok: false, code: 'no_resident_vote' };
  if (voteHeld(setup.vote) === 'elsewhere') return { ok: false, code: 'vote_held_elsewhere' };
  const staffId = actor!.accountId;
  const serial = normalizeSerial(input.paperSerial);
  const registerNo = input.registerNo.normalize('NFKC').trim().toUpperCase();
  const entered = await ctx.database.write(async (tx): Promise<PaperOutcome> => {
    // Paper ballots are collected while the vote is open and typed in before it closes: the count happens at the close.
    if ((await phaseIn(tx, cycleId, now)) !== 'resident_vote') return { ok: false, code: 'wrong_phase' };
    const person = (
      await tx
        .select({ id: registerEntries.id })
        .from(registerEntries)
        .where(and(eq(registerEntries.communityId, setup.communityId), eq(registerEntries.registerNo, registerNo)))
        .limit(1)
    )[0];
    if (!person) return { ok: false, code: 'unknown_register_no' };
    const onBallot = await ballotProjects(tx, cycleId);
    const checked = checkBallot(setup.vote, onBallot, setup.cycle.budgetFen, input);
    if (!checked.ok) return { ok: false, code: 'invalid_ballot', issues: checked.issues };

    const earlier = await tx
      .select()
      .from(paperBallotEntries)
      .where(and(eq(paperBallotEntries.cycleId, cycleId), eq(paperBallotEntries.paperSerial, serial)))
      .orderBy(asc(paperBallotEntries.createdAt));
    if (earlier.some((e) => e.enteredBy === staffId)) return { ok: false, code: 'same_staff_twice' };
    if (earlier.some((e) => e.ballotId !== null)) return { ok: false, code: 'paper_already_counted' };
    const conflict = await personConflict(tx, cycleId, person.id);
    if (conflict) return { ok: false, code: conflict };

    const id = newId();
    const entry = { id, cycleId, paperSerial: serial, registerEntryId: person.id, content: checked.content, enteredBy: staffId, createdAt: now };
    let status: PaperStatus;
    let receiptCode: string | undefined;
    const agreeing = earlier.find((e) => e.registerEntryId === person.id && e.content === checked.content);
    if (earlier.length === 0) {
      status = 'pending';
      await tx.insert(paperBallotEntries).values({ ...entry, status });
    } else if (!agreeing) {
      status = 'mismatch';
      await tx.insert(paperBallotEntries).values({ ...entry, status });
      await tx.update(paperBallotEntries).set({ status: 'mismatch' }).where(inArray(paperBallotEntries.id, earlier.map((e) => e.id)));
    } else {
      // Two independent entries agree: this is the paper ballot.
      status = earlier.length === 1 ? 'matched' : 'resolved';
      receiptCode = await freshReceipt(tx);
      const ballotId = newId();
      await tx.insert(ballots).values({
        id: ballotId,
        cycleId,
        registerEntryId: person.id,
        accountId: null,
        channel: 'paper',
        method: checked.ballot.method,
        content: checked.content,
        receiptCode,
        castAt: now,
      });
      await tx.insert(paperBallotEntries).values({ ...entry, status, ballotId });
      await tx.update(paperBallotEntries).set({ status, ballotId }).where(eq(paperBallotEntries.id, agreeing.id));
      const others = earlier.filter((e) => e.id !== agreeing.id).map((e) => e.id);
      if (others.length) await tx.update(paperBallotEntries).set({ status }).where(inArray(paperBallotEntries.id, others));
    }
    await appendAudit(tx, {
      actor: auditActor,
      action: 'paper_ballot.entered',
      subjectType: 'cycle',
      subjectId: cycleId,
      // The serial is printed on the paper; who voted and how is not logged.
      after: { paperSerial: serial, entry: earlier.length + 1, status },
      at: now,
    });
    return receiptCode ? { ok: true, status, entries: earlier.length + 1, receiptCode } : { ok: true, status, entries: earlier.length + 1 };
  });
  if (entered.ok && entered.receiptCode) ctx.metrics.ballotCast('paper');
  return entered;
}

/** A person with a current ballot cannot get (another) paper ballot. */
async function personConflict(tx: Tx, cycleId: string, registerEntryId: string): Promise<'voted_online' | 'paper_ballot_exists' | null> {
  const b = await currentBallotOf(tx, cycleId, registerEntryId);
  if (!b) return null;
  return b.channel === 'online' ? 'voted_online' : 'paper_ballot_exists';
}

export type PaperQueueItem = {
  paperSerial: string;
  status: 'pending' | 'mismatch';
  entries: { enteredBy: string; at: Date }[];
  /** For mismatches: what differs (never the values: the next person must type blind). */
  differs: ('registerNo' | 'choices')[];
};

/** Staff: paper ballots that still need an entry (first entry done) or a third check (mismatch), and how many are counted. */
export async function paperQueue(ctx: AppContext, cycleId: string, actor: Actor): Promise<{ ok: true; items: PaperQueueItem[]; counted: number } | BallotRefusal> {
  const setup = await loadVoteSetup(ctx.database, cycleId, ctx.now());
  if (!setup) return { ok: false, code: 'not_found' };
  const why = reasonCannot('enter_paper', { area: setup.place }, actor);
  if (why) return { ok: false, code: why };
  const rows = await ctx.database.db
    .select({ e: paperBallotEntries, name: accounts.displayName })
    .from(paperBallotEntries)
    .innerJoin(accounts, eq(accounts.id, paperBallotEntries.enteredBy))
    .where(eq(paperBallotEntries.cycleId, cycleId))
    .orderBy(asc(paperBallotEntries.paperSerial), asc(paperBallotEntries.createdAt));
  const bySerial = new Map<string, typeof rows>();
  for (const r of rows) bySerial.set(r.e.paperSerial, [...(bySerial.get(r.e.paperSerial) ?? []), r]);
  const items: PaperQueueItem[] = [];
  let counted = 0;
  for (const [paperSerial, es] of bySerial) {
    if (es.some((x) => x.e.ballotId !== null)) {
      counted++;
      continue;
    }
    const differs: PaperQueueItem['differs'] = [];
    if (es.length > 1) {
      if (new Set(es.map((x) => x.e.registerEntryId)).size > 1) differs.push('registerNo');
      if (new Set(es.map((x) => x.e.content)).size > 1) differs.push('choices');
    }
    items.push({ paperSerial, status: es.length > 1 ? 'mismatch' : 'pending', entries: es.map((x) => ({ enteredBy: x.name, at: x.e.createdAt })), differs });
  }
  // Mismatches first: they need a person to look at the paper.
  items.sort((a, b) => (a.status === b.status ? a.paperSerial.localeCompare(b.paperSerial) : a.status === 'mismatch' ? -1 : 1));
  return { ok: true, items, counted };
}

// ---------------------------------------------------------------------------
// Receipts
// ---------------------------------------------------------------------------

export type ReceiptView =
  | { status: 'unknown' }
  | { status: 'vote_open'; cycle: { id: string; titleZh: string; titleEn: string } }
  | { status: 'superseded'; cycle: { id: string; titleZh: string; titleEn: string } }
  | { status: 'counted'; cycle: { id: string; titleZh: string; titleEn: string }; channel: 'online' | 'paper' };

/**
 * Check a receipt under the guessing throttle: codes that match no ballot
 * count against the address (shared by every app instance), so nobody can
 * walk the code space looking for other people's ballots.
 */
export async function checkReceiptGuarded(ctx: AppContext, rawCode: string, address: string): Promise<ReceiptView | Throttled> {
  return guardGuess(ctx.database, [{ key: `receipt:addr:${address}`, rule: ctx.throttle.receipt }], ctx.now(), () => checkReceipt(ctx.database, rawCode), (r) => r.status === 'unknown');
}

/**
 * What anyone may learn from a receipt code: before the count, only that the
 * vote is still open; after it, whether the ballot was counted or replaced —
 * never what it said, nor who cast it. A receipt proves inclusion, not
 * content, on purpose: whoever is shown a receipt (someone buying or forcing
 * votes) must not be able to learn from it how the voter voted. The voter
 * saw their ballot when they cast it; the count is checked from the
 * published anonymised ballots (the .pb and its recount) and the list of
 * counted receipt fingerprints.
 */
export async function checkReceipt(database: Database, rawCode: string): Promise<ReceiptView> {
  const code = normalizeReceiptCode(rawCode);
  if (!RECEIPT_RE.test(code)) return { status: 'unknown' };
  const b = (
    await database.db
      .select({ cycleId: ballots.cycleId, channel: ballots.channel, supersededAt: ballots.supersededAt, titleZh: cycles.titleZh, titleEn: cycles.titleEn })
      .from(ballots)
      .innerJoin(cycles, eq(cycles.id, ballots.cycleId))
      .where(eq(ballots.receiptCode, code))
      .limit(1)
  )[0];
  if (!b) return { status: 'unknown' };
  const cycle = { id: b.cycleId, titleZh: b.titleZh, titleEn: b.titleEn };
  const result = (await database.db.select({ cycleId: cycleResults.cycleId }).from(cycleResults).where(and(eq(cycleResults.cycleId, b.cycleId), eq(cycleResults.official, true))).limit(1))[0];
  if (!result) return { status: 'vote_open', cycle };
  if (b.supersededAt) return { status: 'superseded', cycle };
  return { status: 'counted', cycle, channel: b.channel };
}
