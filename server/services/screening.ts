/**
 * @module Screening (初审): the queue of submitted proposals of a cycle with
 * the automatic checks (per-category cap, negative list, likely duplicates),
 * council members' opinions, and sending screened projects on to the council.
 *
 * The checks only flag; the decision (screen_in / screen_out, a published
 * reason for "out") is a state-machine step taken by an officer or staff
 * through `applyProjectEvent`, bound to the cycle's screening phase.
 */
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { accounts, cycles, projects, screeningOpinions } from '#db/schema.ts';
import type { Db, Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import { reasonCannot, roleReason, type Actor, type Place, type ReasonCode } from '../domain/permissions.ts';
import type { CyclePhase } from '../domain/cycle-phases.ts';
import { checkCap, checkNegativeList, likelyDuplicates, type CapProblem, type NegativeListEntry, type Rulebook } from '../domain/rulebook.ts';
import { cycleRules, transition, whoCannotStep, type TransitionReason } from '../domain/project-states.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { getCycle } from './catalog.ts';
import { getRulebook } from './rulebooks.ts';
import { loadProjectForStep, placeOfCommunity, Refusal, stepProject } from './council.ts';
import { newId } from './ids.ts';
import { inValues } from './sql-lists.ts';

export type Stance = 'support' | 'oppose' | 'note';
export const STANCES = ['support', 'oppose', 'note'] as const;

export type OpinionView = { id: string; stance: Stance; body: string; authorName: string; createdAt: Date };

/** Opinions on a project, oldest first, under their authors' names (council members act in public). */
export async function listOpinions(db: Db | Tx, projectId: string): Promise<OpinionView[]> {
  return db
    .select({ id: screeningOpinions.id, stance: screeningOpinions.stance, body: screeningOpinions.body, authorName: accounts.displayName, createdAt: screeningOpinions.createdAt })
    .from(screeningOpinions)
    .innerJoin(accounts, eq(accounts.id, screeningOpinions.authorAccountId))
    .where(eq(screeningOpinions.projectId, projectId))
    .orderBy(asc(screeningOpinions.createdAt), asc(screeningOpinions.id));
}

export type QueueItem = {
  id: string;
  code: string;
  title: string;
  category: string;
  address: string;
  estimatedCostFen: number;
  cap: CapProblem | null;
  negative: NegativeListEntry[];
  duplicates: { code: string; title: string; state: string; score: number; sameAddress: boolean }[];
  opinions: OpinionView[];
};

/** Who may open the queue: officers, staff and council members of the community. */
export function queueReason(actor: Actor, place: Place): ReasonCode | null {
  if (actor === null) return 'not_signed_in';
  return roleReason(actor, ['officer', 'staff', 'council_member'], place);
}

export async function screeningQueue(ctx: AppContext, cycleId: string, actor: Actor) {
  const now = ctx.now();
  const cycle = await getCycle(ctx.database, cycleId, now);
  if (!cycle) return { ok: false as const, code: 'not_found' as const };
  const communityId = (await ctx.database.db.select({ c: cycles.communityId }).from(cycles).where(eq(cycles.id, cycleId)))[0]!.c;
  const place = (await placeOfCommunity(ctx.database.db, communityId))!;
  const why = queueReason(actor, place);
  if (why) return { ok: false as const, code: why };
  const rulebook = (await getRulebook(ctx.database.db, cycle.rulebookId))!;

  const inCycle = await ctx.database.db.select().from(projects).where(and(eq(projects.cycleId, cycleId), ne(projects.state, 'draft'))).orderBy(asc(projects.code));
  // Duplicates are looked for in the whole community, every year: "same as one already funded" counts too.
  const others = await ctx.database.db
    .select({ id: projects.id, code: projects.code, title: projects.title, address: projects.address, state: projects.state })
    .from(projects)
    .where(and(eq(projects.communityId, communityId), ne(projects.state, 'draft'), ne(projects.state, 'withdrawn')));
  const byId = new Map(others.map((o) => [o.id, o]));
  const submitted = inCycle.filter((p) => p.state === 'submitted');
  const opinions = submitted.length
    ? await ctx.database.db
        .select({ projectId: screeningOpinions.projectId, id: screeningOpinions.id, stance: screeningOpinions.stance, body: screeningOpinions.body, authorName: accounts.displayName, createdAt: screeningOpinions.createdAt })
        .from(screeningOpinions)
        .innerJoin(accounts, eq(accounts.id, screeningOpinions.authorAccountId))
        // The cycle's submitted projects by a sub-select, not a list of their ids (it grows with the cycle; issue 18).
        .where(inArray(screeningOpinions.projectId, ctx.database.db.select({ id: projects.id }).from(projects).where(and(eq(projects.cycleId, cycleId), eq(projects.state, 'submitted')))))
        .orderBy(asc(screeningOpinions.createdAt), asc(screeningOpinions.id))
    : [];
  const queue: QueueItem[] = submitted.map((p) => ({
    id: p.id,
    code: p.code,
    title: p.title,
    category: p.category,
    address: p.address,
    estimatedCostFen: p.estimatedCostFen,
    cap: checkCap(rulebook, p.category, p.estimatedCostFen),
    negative: checkNegativeList(rulebook, `${p.title} ${p.description}`),
    duplicates: likelyDuplicates(p, others.filter((o) => o.id !== p.id)).map((d) => {
      const o = byId.get(d.id)!;
      return { code: o.code, title: o.title, state: o.state, score: d.score, sameAddress: d.sameAddress };
    }),
    opinions: opinions.filter((o) => o.projectId === p.id).map(({ projectId: _p, ...o }) => o),
  }));
  const hasVote = rulebook.vote.method !== 'none';
  // What the council gets next: with a resident vote, the tally's shortlist; without one, everything screened in.
  const ready = inCycle.filter((p) => p.state === (hasVote ? 'shortlisted' : 'screened_in'));
  const decided = inCycle.filter((p) => p.state !== 'submitted');
  // Would a screening step be allowed now? Checked once for the page, with the real phase.
  const screenWhy = submitted[0] ? whyNotScreen(submitted[0], place, actor, cycle.phase, rulebook) : null;
  return { ok: true as const, cycle, place, rulebook, queue, ready, decided, hasVote, screenWhy };
}

function whyNotScreen(p: typeof projects.$inferSelect, place: Place, actor: Actor, phase: CyclePhase | null, rulebook: Rulebook) {
  const r = transition({ state: p.state, proposerAccountId: p.proposerAccountId, proposerType: p.proposerType, ...place }, 'screen_in', actor, { ...cycleRules(rulebook), phase });
  return r.ok ? null : r.reason;
}

export type OpinionOutcome = { ok: true; id: string } | { ok: false; code: ReasonCode | 'not_found' };

/** A council member records an opinion on a submitted proposal (support, oppose, or a note), in public, under their name. */
export async function addOpinion(
  ctx: AppContext,
  projectId: string,
  input: { stance: Stance; body: string },
  actor: Actor,
  auditActor: AuditActor,
): Promise<OpinionOutcome> {
  const now = ctx.now();
  return ctx.database.write(async (tx) => {
    const loaded = await loadProjectForStep(tx, projectId, now);
    if (!loaded || loaded.project.state === 'draft') return { ok: false as const, code: 'not_found' as const };
    const why = reasonCannot('record_screening_opinion', { area: loaded.place, projectState: loaded.project.state, phase: loaded.phase }, actor);
    if (why) return { ok: false as const, code: why };
    const id = newId();
    const body = input.body.trim();
    await tx.insert(screeningOpinions).values({ id, projectId, authorAccountId: actor!.accountId, stance: input.stance, body, createdAt: now });
    await appendAudit(tx, { actor: auditActor, action: 'project.screening_opinion', subjectType: 'project', subjectId: projectId, after: { stance: input.stance }, reason: body, at: now });
    return { ok: true as const, id };
  });
}

export type SendOutcome =
  | { ok: true; sent: string[] }
  | { ok: false; code: ReasonCode | TransitionReason | 'not_found' | 'nothing_to_send'; project?: string };

/**
 * Send projects of a cycle to the council (send_to_deliberation), all in one
 * transaction: the named ones, or every project that is ready (the
 * shortlist with a resident vote; everything screened in without one).
 * One refusal refuses the lot, naming the project.
 */
export async function sendToDeliberation(
  ctx: AppContext,
  cycleId: string,
  codes: string[] | 'ready',
  actor: Actor,
  auditActor: AuditActor,
): Promise<SendOutcome> {
  const now = ctx.now();
  const cy = (await ctx.database.db.select().from(cycles).where(eq(cycles.id, cycleId)).limit(1))[0];
  if (!cy) return { ok: false, code: 'not_found' };
  // Who before what: someone who may not send this community's projects learns nothing of what is ready.
  const why = whoCannotStep((await placeOfCommunity(ctx.database.db, cy.communityId))!, 'send_to_deliberation', actor);
  if (why) return { ok: false, code: why };
  const rulebook = (await getRulebook(ctx.database.db, cy.rulebookId))!;
  const readyState = rulebook.vote.method !== 'none' ? 'shortlisted' : 'screened_in';
  try {
    return await ctx.database.write(async (tx) => {
      const chosen =
        codes === 'ready'
          ? await tx.select({ id: projects.id, code: projects.code }).from(projects).where(and(eq(projects.cycleId, cycleId), eq(projects.state, readyState))).orderBy(asc(projects.code))
          : codes.length
            ? await tx.select({ id: projects.id, code: projects.code }).from(projects).where(and(eq(projects.cycleId, cycleId), inValues(projects.code, codes))).orderBy(asc(projects.code))
            : [];
      if (codes !== 'ready' && chosen.length !== new Set(codes).size) return { ok: false as const, code: 'not_found' as const };
      if (chosen.length === 0) return { ok: false as const, code: 'nothing_to_send' as const };
      for (const p of chosen) {
        const r = await stepProject(tx, { projectId: p.id, event: 'send_to_deliberation', actor, auditActor, at: now });
        // Throwing rolls back the ones already moved: half a batch would surprise everyone.
        if (!r.ok) throw new Refusal({ ok: false, code: r.code, project: p.code });
      }
      return { ok: true as const, sent: chosen.map((p) => p.code) };
    });
  } catch (err) {
    if (err instanceof Refusal) return err.outcome as SendOutcome;
    throw err;
  }
}

/** Recently decided projects of the cycle, newest change first (for the queue page's "done" list). */
export async function recentlyScreened(db: Db, cycleId: string, limit = 20) {
  return db
    .select({ code: projects.code, title: projects.title, state: projects.state, stateReason: projects.stateReason, updatedAt: projects.updatedAt })
    .from(projects)
    .where(and(eq(projects.cycleId, cycleId), inArray(projects.state, ['screened_in', 'screened_out'])))
    .orderBy(desc(projects.updatedAt))
    .limit(limit);
}
