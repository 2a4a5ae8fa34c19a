/**
 * @module Importing the ballots of a resident vote held elsewhere (offline)
 * from a pabulib `.pb` file, and the second person's review that makes them
 * count.
 *
 * An import is only for a cycle whose rulebook says its vote is held
 * elsewhere, after that vote has closed, before it is counted, and when the
 * cycle has no ballots of its own. Every voter id of the file must be a
 * register number of the community, each at most once, or the file is
 * refused naming the lines. The ballots are stored in chunks (the page shows
 * progress), then wait as `pending` until a second person (another staff
 * member of the community, or an officer of its street or district; never
 * the uploader) reviews the summary — voters, votes per project, the file's
 * SHA-256 — and approves or rejects it. Approval counts the vote at once, in
 * the same transaction; rejection removes the stored ballots. Each step is
 * an audit entry naming the file's hash and the people (officials act under
 * their names); the summary is public.
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { accounts, ballotImports, ballots, cycleResults, cyclePhases, cycles, importedBallots, projects, registerEntries } from '#db/schema.ts';
import type { Database, Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import { reasonCannot, type Actor, type Locale, type ReasonCode } from '../domain/permissions.ts';
import { CYCLE_PHASES, currentPhase, type CyclePhase } from '../domain/cycle-phases.ts';
import { serializeBallot } from '../domain/ballot-rules.ts';
import { voteHeld } from '../domain/rulebook.ts';
import { parsePb, PbParseError } from '../domain/pabulib/index.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { getCycle, getCommunityById } from './catalog.ts';
import { getRulebook } from './rulebooks.ts';
import { countResidentVote } from './results.ts';
import { newId } from './ids.ts';

export const IMPORT_CHUNK = 250;
/** The largest .pb file we import. */
export const PB_IMPORT_MAX_BYTES = 16 * 1024 * 1024;
/** How many refused lines a refusal lists (the count says how many there are in all). */
const LINES_LISTED = 50;

/** A voter line of the file that does not match the register. */
export type VoterLineProblem = { line: number; voterId: string; problem: 'not_on_register' | 'repeated' };

export type ImportRefusal =
  | { ok: false; code: ReasonCode | 'not_found' | 'no_resident_vote' | 'vote_held_here' | 'vote_not_closed' | 'vote_already_counted' | 'cycle_has_ballots' | 'import_running' | 'already_imported' }
  | { ok: false; code: 'invalid_file'; line: number; reason: string }
  | { ok: false; code: 'vote_type_mismatch'; fileVoteType: string; cycleMethod: string }
  | { ok: false; code: 'unknown_projects'; projects: string[] }
  | { ok: false; code: 'voters_not_on_register'; count: number; lines: VoterLineProblem[] };

export type ImportStarted = { ok: true; importId: string; total: number; done: Promise<void> };

export type ReviewRefusal = { ok: false; code: ReasonCode | 'not_found' | 'uploader_cannot_review' | 'import_not_pending' | 'vote_not_closed' | 'vote_already_counted' };
export type ReviewOutcome = { ok: true; status: 'done' | 'rejected' } | ReviewRefusal;

/** This module's own refusal codes and their statuses (words: reasons.json `import.<code>`). */
export const IMPORT_STATUS: Record<string, 400 | 401 | 403 | 404 | 409 | 422> = {
  not_found: 404,
  no_resident_vote: 409,
  vote_held_here: 409,
  vote_not_closed: 409,
  vote_already_counted: 409,
  cycle_has_ballots: 409,
  import_running: 409,
  already_imported: 409,
  invalid_file: 422,
  vote_type_mismatch: 422,
  unknown_projects: 422,
  voters_not_on_register: 422,
  uploader_cannot_review: 403,
  import_not_pending: 409,
};

/** Is this one of this module's own codes (as opposed to a permission reason)? */
export function isImportCode(code: string): boolean {
  return Object.hasOwn(IMPORT_STATUS, code);
}

/** The register numbers are compared as the paper-ballot desk compares them. */
function normalizeRegisterNo(s: string): string {
  return s.normalize('NFKC').trim().toUpperCase();
}

function pastTheVote(phase: CyclePhase | null): boolean {
  return phase !== null && CYCLE_PHASES.indexOf(phase) > CYCLE_PHASES.indexOf('resident_vote');
}

/**
 * Check a .pb file against the cycle and the register, record the import as
 * running, and store the ballots in chunks in the background (each chunk one
 * transaction that advances `processed`). It then waits for review as
 * `pending`. `done` settles when the storing ends (tests await it; the API
 * does not). A failed import removes what it stored.
 */
export async function importBallotsPb(
  ctx: AppContext,
  cycleId: string,
  file: { name: string; text: string },
  who: { actor: Actor; auditActor: AuditActor },
  opts: { chunkSize?: number } = {},
): Promise<ImportStarted | ImportRefusal> {
  const at = ctx.now();
  const cycle = await getCycle(ctx.database, cycleId, at);
  if (!cycle) return { ok: false, code: 'not_found' };
  const communityId = (await ctx.database.db.select({ c: cycles.communityId }).from(cycles).where(eq(cycles.id, cycleId)))[0]!.c;
  const community = (await getCommunityById(ctx.database, communityId))!;
  // Who, before anything about the cycle's state.
  const why = reasonCannot('enter_paper', { area: community.place }, who.actor);
  if (why) return { ok: false, code: why };
  const rulebook = await getRulebook(ctx.database.db, cycle.rulebookId);
  if (!rulebook || rulebook.vote.method === 'none') return { ok: false, code: 'no_resident_vote' };
  if (voteHeld(rulebook.vote) === 'here') return { ok: false, code: 'vote_held_here' };
  if (!pastTheVote(cycle.phase)) return { ok: false, code: 'vote_not_closed' };
  const counted = await ctx.database.db.select({ id: cycleResults.id }).from(cycleResults).where(eq(cycleResults.cycleId, cycleId)).limit(1);
  if (counted.length) return { ok: false, code: 'vote_already_counted' };

  let pb;
  try {
    pb = parsePb(file.text, { voteFields: false });
  } catch (e) {
    if (e instanceof PbParseError) return { ok: false, code: 'invalid_file', line: e.line, reason: e.reason };
    throw e;
  }
  const vt = pb.meta['vote_type'] ?? '';
  const fileCumulative = vt === 'cumulative' || vt === 'scoring';
  const fileApproval = vt === 'approval' || vt === 'choose-1';
  const cyclePoints = rulebook.vote.method === 'points';
  if (!(fileApproval && !cyclePoints) && !(fileCumulative && cyclePoints)) return { ok: false, code: 'vote_type_mismatch', fileVoteType: vt, cycleMethod: rulebook.vote.method };
  const ours = await ctx.database.db.select({ id: projects.id, code: projects.code }).from(projects).where(and(eq(projects.cycleId, cycleId), sql`${projects.state} <> 'draft'`));
  const idOf = new Map(ours.map((p) => [p.code, p.id]));
  const unknown = pb.projects.map((p) => p.id).filter((c) => !idOf.has(c));
  if (unknown.length) return { ok: false, code: 'unknown_projects', projects: unknown };

  // Every voter is one register entry of this community, at most once. A community's register is
  // small (a few thousand), so it is read whole rather than asked line by line.
  const register = new Set(
    (await ctx.database.db.select({ no: registerEntries.registerNo }).from(registerEntries).where(eq(registerEntries.communityId, communityId))).map((r) => normalizeRegisterNo(r.no)),
  );
  const seen = new Set<string>();
  const problems: VoterLineProblem[] = [];
  let problemCount = 0;
  for (const v of pb.votes) {
    const no = normalizeRegisterNo(v.voterId);
    const problem = !register.has(no) ? 'not_on_register' : seen.has(no) ? 'repeated' : null;
    seen.add(no);
    if (!problem) continue;
    problemCount++;
    if (problems.length < LINES_LISTED) problems.push({ line: v.line ?? 0, voterId: v.voterId.slice(0, 40), problem });
  }
  if (problemCount) return { ok: false, code: 'voters_not_on_register', count: problemCount, lines: problems };

  const rows = pb.votes.map((v) => ({
    voterRef: normalizeRegisterNo(v.voterId),
    content: cyclePoints
      ? serializeBallot({ method: 'points', points: Object.fromEntries(v.vote.map((c, i) => [idOf.get(c)!, v.points?.[i] ?? 0])) })
      : serializeBallot({ method: 'approval', projects: v.vote.map((c) => idOf.get(c)!) }),
  }));
  const sha256 = createHash('sha256').update(file.text, 'utf8').digest('hex');
  const importId = newId();
  const fileName = file.name.replace(/[\u0000-\u001F\u007F]/g, '').slice(-120) || 'ballots.pb';

  const started = await ctx.database.write(async (tx) => {
    // Checked again inside the write: another request may have changed them since.
    const other = await tx
      .select({ status: ballotImports.status })
      .from(ballotImports)
      .where(and(eq(ballotImports.cycleId, cycleId), inArray(ballotImports.status, ['running', 'pending', 'done'])))
      .limit(1);
    if (other[0]) return { ok: false as const, code: other[0].status === 'running' ? ('import_running' as const) : ('already_imported' as const) };
    const own = await tx.select({ id: ballots.id }).from(ballots).where(eq(ballots.cycleId, cycleId)).limit(1);
    if (own.length) return { ok: false as const, code: 'cycle_has_ballots' as const };
    if ((await tx.select({ id: cycleResults.id }).from(cycleResults).where(eq(cycleResults.cycleId, cycleId)).limit(1)).length) return { ok: false as const, code: 'vote_already_counted' as const };
    await tx.insert(ballotImports).values({ id: importId, cycleId, fileName, status: 'running', total: rows.length, processed: 0, createdAt: at, createdBy: who.auditActor.accountId, sha256, fileText: file.text });
    await appendAudit(tx, { actor: who.auditActor, action: 'ballots.import_started', subjectType: 'cycle', subjectId: cycleId, after: { importId, fileName, ballots: rows.length, sha256 }, at });
    return { ok: true as const };
  });
  if (!started.ok) return started;

  const size = Math.max(1, opts.chunkSize ?? IMPORT_CHUNK);
  const done = (async () => {
    try {
      for (let i = 0; i < rows.length; i += size) {
        const chunk = rows.slice(i, i + size);
        await ctx.database.write(async (tx) => {
          await tx.insert(importedBallots).values(chunk.map((r) => ({ id: newId(), importId, cycleId, voterRef: r.voterRef, content: r.content })));
          await tx.update(ballotImports).set({ processed: i + chunk.length }).where(eq(ballotImports.id, importId));
        });
        // Let requests (the progress page among them) run between chunks.
        await new Promise((r) => setImmediate(r));
      }
      await ctx.database.write(async (tx) => {
        const end = ctx.now();
        await tx.update(ballotImports).set({ status: 'pending', finishedAt: end }).where(eq(ballotImports.id, importId));
        await appendAudit(tx, { actor: who.auditActor, action: 'ballots.import_pending', subjectType: 'cycle', subjectId: cycleId, after: { importId, ballots: rows.length, sha256 }, at: end });
      });
    } catch (err) {
      const message = String((err as Error)?.message ?? err).slice(0, 500);
      await ctx.database.write(async (tx) => {
        await tx.delete(importedBallots).where(eq(importedBallots.importId, importId));
        await tx.update(ballotImports).set({ status: 'failed', error: message, processed: 0, finishedAt: ctx.now() }).where(eq(ballotImports.id, importId));
        await appendAudit(tx, { actor: who.auditActor, action: 'ballots.import_failed', subjectType: 'cycle', subjectId: cycleId, after: { importId }, reason: message, at: ctx.now() });
      });
    }
  })();
  return { ok: true, importId, total: rows.length, done };
}

/**
 * The second person's decision on a pending import: approve (its ballots
 * count, and the vote is counted now) or reject (with a published reason;
 * its ballots are removed). Never by the person who uploaded it.
 */
export async function reviewBallotImport(
  ctx: AppContext,
  importId: string,
  input: { decision: 'approve' | 'reject'; note?: string | undefined },
  who: { actor: Actor; auditActor: AuditActor },
): Promise<ReviewOutcome> {
  const imp = (await ctx.database.db.select().from(ballotImports).where(eq(ballotImports.id, importId)).limit(1))[0];
  if (!imp) return { ok: false, code: 'not_found' };
  const community = await importCommunity(ctx.database, imp.cycleId);
  if (!community) return { ok: false, code: 'not_found' };
  const why = reasonCannot('review_ballot_import', { area: community.place }, who.actor);
  if (why) return { ok: false, code: why };
  if (who.actor && imp.createdBy !== null && who.actor.accountId === imp.createdBy) return { ok: false, code: 'uploader_cannot_review' };
  const note = (input.note ?? '').trim();
  if (input.decision === 'reject' && note === '') return { ok: false, code: 'reason_required' };
  return ctx.database.write(async (tx): Promise<ReviewOutcome> => {
    const at = ctx.now();
    const now = (await tx.select().from(ballotImports).where(eq(ballotImports.id, importId)).limit(1))[0]!;
    if (now.status !== 'pending') return { ok: false, code: 'import_not_pending' };
    const uploader = now.createdBy ? (await tx.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, now.createdBy)).limit(1))[0]?.name ?? null : null;
    const facts = { importId, fileName: now.fileName, ballots: now.total, sha256: now.sha256, uploadedBy: uploader };
    if (input.decision === 'reject') {
      await tx.delete(importedBallots).where(eq(importedBallots.importId, importId));
      await tx.update(ballotImports).set({ status: 'rejected', reviewedBy: who.auditActor.accountId, reviewedAt: at, reviewNote: note }).where(eq(ballotImports.id, importId));
      await appendAudit(tx, { actor: who.auditActor, action: 'ballots.import_rejected', subjectType: 'cycle', subjectId: now.cycleId, after: facts, reason: note, at });
      return { ok: true, status: 'rejected' };
    }
    if (!pastTheVote(await phaseInTx(tx, now.cycleId, at))) return { ok: false, code: 'vote_not_closed' };
    if ((await tx.select({ id: cycleResults.id }).from(cycleResults).where(eq(cycleResults.cycleId, now.cycleId)).limit(1)).length) return { ok: false, code: 'vote_already_counted' };
    await tx.update(ballotImports).set({ status: 'done', reviewedBy: who.auditActor.accountId, reviewedAt: at, reviewNote: note || null }).where(eq(ballotImports.id, importId));
    await appendAudit(tx, { actor: who.auditActor, action: 'ballots.import_approved', subjectType: 'cycle', subjectId: now.cycleId, after: facts, ...(note ? { reason: note } : {}), at });
    await countResidentVote(tx, { cycleId: now.cycleId, at, actor: who.auditActor });
    return { ok: true, status: 'done' };
  });
}

/** The cycle's phase read inside the write (staff may have just reopened the vote). */
async function phaseInTx(tx: Tx, cycleId: string, at: Date): Promise<CyclePhase | null> {
  const c = (await tx.select({ openPhase: cycles.openPhase }).from(cycles).where(eq(cycles.id, cycleId)))[0];
  if (!c) return null;
  const phases = await tx.select({ phase: cyclePhases.phase, startsOn: cyclePhases.startsOn, endsOn: cyclePhases.endsOn }).from(cyclePhases).where(eq(cyclePhases.cycleId, cycleId));
  return currentPhase({ phases, openPhase: c.openPhase }, at);
}

/** The place (for permission checks) of a cycle, and its community's slug. */
export async function importCommunity(database: Database, cycleId: string) {
  const r = (await database.db.select({ c: cycles.communityId }).from(cycles).where(eq(cycles.id, cycleId)).limit(1))[0];
  return r ? getCommunityById(database, r.c) : null;
}

/** What anyone may know of an import: no file text, names of the officials who uploaded and reviewed it. */
export type ImportSummary = {
  id: string;
  cycleId: string;
  fileName: string;
  status: 'running' | 'pending' | 'done' | 'rejected' | 'failed';
  total: number;
  processed: number;
  error: string | null;
  sha256: string | null;
  createdAt: Date;
  uploadedBy: { accountId: string | null; name: string | null };
  reviewedBy: { accountId: string | null; name: string | null };
  reviewedAt: Date | null;
  reviewNote: string | null;
  finishedAt: Date | null;
};

const SUMMARY_COLUMNS = {
  id: ballotImports.id,
  cycleId: ballotImports.cycleId,
  fileName: ballotImports.fileName,
  status: ballotImports.status,
  total: ballotImports.total,
  processed: ballotImports.processed,
  error: ballotImports.error,
  sha256: ballotImports.sha256,
  createdAt: ballotImports.createdAt,
  createdBy: ballotImports.createdBy,
  reviewedById: ballotImports.reviewedBy,
  reviewedAt: ballotImports.reviewedAt,
  reviewNote: ballotImports.reviewNote,
  finishedAt: ballotImports.finishedAt,
  uploaderName: sql<string | null>`(select display_name from accounts where id = ${ballotImports.createdBy})`,
  reviewerName: sql<string | null>`(select display_name from accounts where id = ${ballotImports.reviewedBy})`,
};

const selectSummaries = (database: Database) => database.db.select(SUMMARY_COLUMNS).from(ballotImports);
type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

function toSummary(x: SummaryRow): ImportSummary {
  return {
    id: x.id,
    cycleId: x.cycleId,
    fileName: x.fileName,
    status: x.status,
    total: x.total,
    processed: x.processed,
    error: x.error,
    sha256: x.sha256,
    createdAt: x.createdAt,
    uploadedBy: { accountId: x.createdBy, name: x.uploaderName },
    reviewedBy: { accountId: x.reviewedById, name: x.reviewerName },
    reviewedAt: x.reviewedAt,
    reviewNote: x.reviewNote,
    finishedAt: x.finishedAt,
  };
}

export async function getImport(database: Database, importId: string): Promise<ImportSummary | null> {
  const r = (await selectSummaries(database).where(eq(ballotImports.id, importId)).limit(1))[0];
  return r ? toSummary(r) : null;
}

/** A cycle's imports, newest first. */
export async function listImports(database: Database, cycleId: string): Promise<ImportSummary[]> {
  const rows = await selectSummaries(database).where(eq(ballotImports.cycleId, cycleId)).orderBy(desc(ballotImports.createdAt));
  return rows.map(toSummary);
}

/** A cycle's imports that a resident should know about: waiting for review, approved or rejected. */
export async function publicImports(database: Database, cycleId: string): Promise<ImportSummary[]> {
  const rows = await selectSummaries(database)
    .where(and(eq(ballotImports.cycleId, cycleId), ne(ballotImports.status, 'failed'), ne(ballotImports.status, 'running')))
    .orderBy(asc(ballotImports.createdAt));
  return rows.map(toSummary);
}

/** Ballots per project of one import (what the reviewer checks against the paper tally sheets), in SQL. */
export async function importTally(database: Database, importId: string): Promise<{ code: string; title: string; voters: number; points: number }[]> {
  const rows = await database.db.all<{ code: string; title: string; voters: number; points: number }>(sql`
    select p.code as code, p.title as title, count(*) as voters,
      sum(case when json_type(ib.content) = 'object' then j.value else 1 end) as points
    from imported_ballots ib, json_each(ib.content) j
    join projects p on p.id = (case when json_type(ib.content) = 'object' then j.key else j.value end)
    where ib.import_id = ${importId}
    group by p.id
    order by p.code`);
  return rows.map((r) => ({ code: r.code, title: r.title, voters: Number(r.voters), points: Number(r.points) }));
}

/** The file as uploaded, for the people who may review it (it names register numbers, so it is not public). */
export async function importFileText(database: Database, importId: string): Promise<string | null> {
  const r = (await database.db.select({ t: ballotImports.fileText }).from(ballotImports).where(eq(ballotImports.id, importId)).limit(1))[0];
  return r?.t ?? null;
}

/** How many imports wait for a second person, per community (for the staff desk), in SQL. */
export async function pendingImportsByCommunity(database: Database): Promise<Map<string, number>> {
  const rows = await database.db
    .select({ communityId: cycles.communityId, n: sql<number>`count(*)` })
    .from(ballotImports)
    .innerJoin(cycles, eq(cycles.id, ballotImports.cycleId))
    .where(eq(ballotImports.status, 'pending'))
    .groupBy(cycles.communityId);
  return new Map(rows.map((r) => [r.communityId, Number(r.n)]));
}
