/**
 * @module The satisfaction survey (满意度测评): once a project is accepted,
 * each resident of its community rates it 1–5, once, with an optional
 * comment. The rater is a register entry (the person), not an account, so
 * one person rates once however many accounts they have; a unique index
 * backs that up. Results are public: count, mean, share satisfied (4–5).
 */
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { ratings, registerEntries } from '#db/schema.ts';
import type { AppContext } from '../context.ts';
import { reasonCannot, reasonToShow, REASON_STATUS, type Actor, type Locale, type Place, type ReasonCode } from '../domain/permissions.ts';
import type { ProjectState } from '../domain/project-states.ts';
import { cleanText } from '../domain/proposal-checks.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { newId } from './ids.ts';
import { claimedEntry } from './residents.ts';
import { canSee, loadProjectWithPlace } from './proposals.ts';
import { say } from '#messages/say.ts';
import type { SatisfactionSummary } from '../domain/delivery.ts';

export const RATING_COMMENT_MAX = 500;

/** Projects that show their survey results: accepted and every state after it. */
export const SURVEY_STATES: readonly ProjectState[] = ['accepted', 'evaluated', 'audited', 'archived'];

/** What is wrong with a rating (words: reasons.json `rating.<code>`, with `rating.not_found`). */
export const RATING_PROBLEMS = ['bad_score', 'comment_too_long', 'already_rated', 'no_register_entry'] as const;
export type RatingProblem = (typeof RATING_PROBLEMS)[number];

export type RatingOutcome =
  | { ok: true; id: string }
  | { ok: false; code: 'not_found' | ReasonCode | 'already_rated' | 'no_register_entry' }
  | { ok: false; code: 'bad_score' | 'comment_too_long'; field: 'score' | 'comment' };

export function whyCannotRate(project: { state: ProjectState; place: Place }, actor: Actor): ReasonCode | null {
  // Worded for the page (the state first); rateProject refuses with reasonCannot, who first.
  return reasonToShow('rate', { area: project.place, projectState: project.state }, actor);
}

export async function rateProject(
  ctx: AppContext,
  projectId: string,
  input: { score: number; comment?: string | null },
  actor: Actor,
  auditActor: AuditActor,
): Promise<RatingOutcome> {
  const loaded = await loadProjectWithPlace(ctx.database.db, { id: projectId });
  if (!loaded || !canSee(loaded.p, loaded.place, actor)) return { ok: false, code: 'not_found' };
  const why = reasonCannot('rate', { area: loaded.place, projectState: loaded.p.state }, actor);
  if (why) return { ok: false, code: why };
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) return { ok: false, code: 'bad_score', field: 'score' };
  const comment = cleanText(input.comment) || null;
  if (comment && Array.from(comment).length > RATING_COMMENT_MAX) return { ok: false, code: 'comment_too_long', field: 'comment' };

  const at = ctx.now();
  const id = newId();
  try {
    return await ctx.database.write(async (tx): Promise<RatingOutcome> => {
      const entry = await claimedEntry(tx, loaded.p.communityId, actor!.accountId);
      if (!entry) return { ok: false, code: 'no_register_entry' };
      const before = await tx
        .select({ id: ratings.id })
        .from(ratings)
        .where(and(eq(ratings.projectId, projectId), eq(ratings.registerEntryId, entry.id)))
        .limit(1);
      if (before.length) return { ok: false, code: 'already_rated' };
      await tx.insert(ratings).values({ id, projectId, registerEntryId: entry.id, score: input.score, comment, createdAt: at });
      await appendAudit(tx, {
        actor: auditActor,
        action: 'rating.added',
        subjectType: 'project_rating',
        subjectId: projectId,
        after: { ratingId: id, score: input.score, hasComment: comment !== null },
        at,
      });
      return { ok: true, id };
    });
  } catch (err) {
    // The unique index is the last word if two requests from one person race past the check.
    if (isRatingsUniqueViolation(err)) return { ok: false, code: 'already_rated' };
    throw err;
  }
}

/** drizzle wraps the driver's error; the constraint is named in a cause further down. */
function isRatingsUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 5 && e; i++) {
    if (/UNIQUE constraint failed: ratings\./.test(String((e as { message?: unknown }).message ?? ''))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The satisfaction survey's figures (mean exact, sum / count: round only for display; distribution: how many gave 1, 2, 3, 4, 5), with the comments given. */
export type RatingSummary = SatisfactionSummary & { comments: { score: number; comment: string; createdAt: Date }[] };

export async function ratingSummary(ctx: AppContext, projectId: string): Promise<RatingSummary> {
  const rows = await ctx.database.db
    .select({ score: ratings.score, n: sql<number>`count(*)` })
    .from(ratings)
    .where(eq(ratings.projectId, projectId))
    .groupBy(ratings.score);
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const r of rows) if (r.score >= 1 && r.score <= 5) distribution[r.score - 1] = r.n;
  const count = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  const satisfied = distribution[3] + distribution[4];
  const comments = await ctx.database.db
    .select({ score: ratings.score, comment: ratings.comment, createdAt: ratings.createdAt })
    .from(ratings)
    .where(and(eq(ratings.projectId, projectId), isNotNull(ratings.comment)))
    .orderBy(asc(ratings.createdAt), asc(ratings.id));
  return {
    count,
    mean: count ? sum / count : null,
    satisfied,
    satisfiedShare: count ? satisfied / count : null,
    distribution,
    comments: comments.map((c) => ({ score: c.score, comment: c.comment!, createdAt: c.createdAt })),
  };
}

/** The score this account's person gave, if any (to show "您已评价 4 分" instead of the form). */
export async function myRating(ctx: AppContext, projectId: string, accountId: string): Promise<number | null> {
  const r = await ctx.database.db
    .select({ score: ratings.score })
    .from(ratings)
    .innerJoin(registerEntries, eq(registerEntries.id, ratings.registerEntryId))
    .where(and(eq(ratings.projectId, projectId), eq(registerEntries.claimedByAccountId, accountId)))
    .limit(1);
  return r[0]?.score ?? null;
}
