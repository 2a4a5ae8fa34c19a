/**
 * @module Comments on published projects by verified residents of the
 * project's community. Plain text only: stored as typed, shown as text with
 * http(s) links recognised (server/domain/proposal-checks.ts linkify), never
 * as HTML. Staff of the community can hide a comment with a reason that is
 * published in its place and in the audit log.
 *
 * The audit entry of a comment holds the SHA-256 of its text, not the text:
 * the log is public and append-only, so a comment hidden for abuse must not
 * live on there, yet the hash still proves what was said.
 *
 * Commenting is rate-limited per account by the token bucket in
 * AppContext.limits, shared by the API and the pages.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { commentReplies, comments, REPLY_ROLES } from '#db/schema.ts';
import type { AppContext } from '../context.ts';
import type { SharedTokenBucket } from '../auth/rate-limit.ts';
import { hasRole, reasonCannot, reasonToShow, REASON_STATUS, roleReason, type Actor, type Locale, type Place, type ReasonCode } from '../domain/permissions.ts';
import type { ProjectState } from '../domain/project-states.ts';
import { cleanText } from '../domain/proposal-checks.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { newId } from './ids.ts';
import { notifyCommenter } from './notifications.ts';
import { loadProjectWithPlace, canSee } from './proposals.ts';
import { say } from '#messages/say.ts';

export const COMMENT_MAX = 1000;
export const HIDE_REASON_MAX = 200;

/** Five comments at once, then one more a minute, per account (must match createRateLimiters). */
export const COMMENT_BURST = 5;

/** The comment limiter lives in the AppContext (server/auth/rate-limit.ts): 5 at once, then one a minute, per account. */
export function commentLimiter(ctx: AppContext): SharedTokenBucket {
  return ctx.limits.comment;
}

/** What is wrong with a comment, a hide or a reply (words: reasons.json `comment.<code>`, with `comment.not_found`). */
export const COMMENT_PROBLEMS = ['comment_empty', 'comment_too_long', 'hide_reason_too_long', 'already_hidden', 'comment_hidden', 'rate_limited'] as const;
export type CommentProblem = (typeof COMMENT_PROBLEMS)[number];

/** The role an official reply is given in: staff of the community, or a member of its council. */
export type ReplyRole = (typeof REPLY_ROLES)[number];

/** An official reply: the office speaking, under the replier's public name and role. */
export type ReplyView = { id: string; createdAt: Date; body: string; authorName: string; authorRole: ReplyRole };

export type CommentView = {
  id: string;
  createdAt: Date;
  /** null when hidden: the text is withheld, the reason shown instead. */
  body: string | null;
  hidden: { at: Date; reason: string } | null;
  mine: boolean;
  /** Official replies, oldest first. */
  replies: ReplyView[];
};

/** A project's comments, oldest first, each with its official replies. Authors of comments are residents and are never named. */
export async function listComments(ctx: AppContext, projectId: string, viewerAccountId?: string | null): Promise<CommentView[]> {
  const db = ctx.database.db;
  const rows = await db.select().from(comments).where(eq(comments.projectId, projectId)).orderBy(asc(comments.createdAt), asc(comments.id));
  const replies = await db
    .select({ id: commentReplies.id, commentId: commentReplies.commentId, createdAt: commentReplies.createdAt, body: commentReplies.body, authorName: commentReplies.authorName, authorRole: commentReplies.authorRole })
    .from(commentReplies)
    .where(eq(commentReplies.projectId, projectId))
    .orderBy(asc(commentReplies.createdAt), asc(commentReplies.id));
  const byComment = Map.groupBy(replies, (r) => r.commentId);
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    body: r.hiddenAt ? null : r.body,
    hidden: r.hiddenAt ? { at: r.hiddenAt, reason: r.hiddenReason ?? '' } : null,
    mine: viewerAccountId != null && r.authorAccountId === viewerAccountId,
    replies: (byComment.get(r.id) ?? []).map(({ commentId: _, ...x }) => x),
  }));
}

export type CommentOutcome =
  | { ok: true; id: string }
  | { ok: false; code: 'not_found' | ReasonCode }
  | { ok: false; code: Exclude<CommentProblem, 'rate_limited' | 'comment_hidden'>; field: 'body' | 'reason' }
  | { ok: false; code: 'comment_hidden' }
  | { ok: false; code: 'rate_limited'; retryAfterMs: number };

/** Why the actor cannot comment on this project (null: they can). For pages, to show or hide the form. */
export function whyCannotComment(project: { state: ProjectState; place: Place }, actor: Actor): ReasonCode | null {
  // Worded for the page (the state first); addComment refuses with reasonCannot, who first.
  return reasonToShow('comment', { area: project.place, projectState: project.state }, actor);
}

export async function addComment(ctx: AppContext, projectId: string, rawBody: string, actor: Actor, auditActor: AuditActor): Promise<CommentOutcome> {
  const loaded = await loadProjectWithPlace(ctx.database.db, { id: projectId });
  if (!loaded || !canSee(loaded.p, loaded.place, actor)) return { ok: false, code: 'not_found' };
  const why = reasonCannot('comment', { area: loaded.place, projectState: loaded.p.state }, actor);
  if (why) return { ok: false, code: why };
  const body = cleanText(rawBody);
  if (body === '') return { ok: false, code: 'comment_empty', field: 'body' };
  if (Array.from(body).length > COMMENT_MAX) return { ok: false, code: 'comment_too_long', field: 'body' };
  const wait = await commentLimiter(ctx).consume(ctx.database, actor!.accountId, 1, ctx.now());
  if (wait > 0) return { ok: false, code: 'rate_limited', retryAfterMs: wait };

  const at = ctx.now();
  const id = newId();
  await ctx.database.write(async (tx) => {
    await tx.insert(comments).values({ id, projectId, authorAccountId: actor!.accountId, body, createdAt: at });
    await appendAudit(tx, {
      actor: auditActor,
      action: 'comment.added',
      subjectType: 'project_comment',
      subjectId: projectId,
      after: { commentId: id, chars: Array.from(body).length, sha256: createHash('sha256').update(body).digest('hex') },
      at,
    });
  });
  return { ok: true, id };
}

/** Staff of the project's community hide a comment; the reason is published in its place. */
export async function hideComment(ctx: AppContext, commentId: string, rawReason: string, actor: Actor, auditActor: AuditActor): Promise<CommentOutcome> {
  const row = (await ctx.database.db.select().from(comments).where(eq(comments.id, commentId)).limit(1))[0];
  if (!row) return { ok: false, code: 'not_found' };
  const loaded = await loadProjectWithPlace(ctx.database.db, { id: row.projectId });
  if (!loaded) return { ok: false, code: 'not_found' };
  if (!actor) return { ok: false, code: 'not_signed_in' };
  if (actor.system) return { ok: false, code: 'role_required' };
  const why = roleReason(actor, ['staff'], loaded.place);
  if (why) return { ok: false, code: why };
  const reason = cleanText(rawReason).replace(/\s+/gu, ' ');
  if (reason === '') return { ok: false, code: 'reason_required' };
  if (Array.from(reason).length > HIDE_REASON_MAX) return { ok: false, code: 'hide_reason_too_long', field: 'reason' };

  const at = ctx.now();
  return ctx.database.write(async (tx): Promise<CommentOutcome> => {
    // Only a visible comment is hidden, so two staff hiding at once leave one reason and one audit entry.
    const changed = await tx
      .update(comments)
      .set({ hiddenAt: at, hiddenBy: actor.accountId, hiddenReason: reason })
      .where(and(eq(comments.id, commentId), isNull(comments.hiddenAt)))
      .returning({ id: comments.id });
    if (changed.length === 0) return { ok: false, code: 'already_hidden', field: 'reason' };
    await appendAudit(tx, {
      actor: auditActor,
      action: 'comment.hidden',
      subjectType: 'project_comment',
      subjectId: row.projectId,
      before: { commentId, hidden: false },
      after: { commentId, hidden: true },
      reason,
      at,
    });
    return { ok: true, id: commentId };
  });
}

/**
 * Why the actor cannot answer comments on this project as the office (null:
 * they can). Pages render the reply form only when this is null: the same
 * rule `addReply` refuses with.
 */
export function whyCannotReply(project: { state: ProjectState; place: Place }, actor: Actor): ReasonCode | null {
  return reasonCannot('reply_officially', { area: project.place, projectState: project.state }, actor);
}

/** The role someone answers in here: staff of the community if they are, otherwise its council member. */
export function replyRoleOf(actor: Actor, place: Place): ReplyRole {
  return hasRole(actor, 'staff', place) ? 'staff' : 'council_member';
}

/**
 * Staff of the project's community, or a member of its council, answer a
 * comment as the office (官方回复). Refusals, in order: no such comment or a
 * project the actor cannot see (not_found); who (reasonCannot: not signed
 * in, no role here); the project's state; the comment hidden; the text;
 * the rate limit (shared with commenting). The reply, its audit entry (the
 * text's hash, like a comment's) and the commenter's notification are
 * written in one transaction. `auditAs` names the replier in the role the
 * service settles on.
 */
export async function addReply(ctx: AppContext, commentId: string, rawBody: string, actor: Actor, auditAs: (role: ReplyRole) => AuditActor): Promise<CommentOutcome> {
  const row = (await ctx.database.db.select().from(comments).where(eq(comments.id, commentId)).limit(1))[0];
  if (!row) return { ok: false, code: 'not_found' };
  const loaded = await loadProjectWithPlace(ctx.database.db, { id: row.projectId });
  if (!loaded || loaded.p.state === 'draft' || !canSee(loaded.p, loaded.place, actor)) return { ok: false, code: 'not_found' };
  const why = whyCannotReply({ state: loaded.p.state, place: loaded.place }, actor);
  if (why) return { ok: false, code: why };
  if (row.hiddenAt) return { ok: false, code: 'comment_hidden' };
  const body = cleanText(rawBody);
  if (body === '') return { ok: false, code: 'comment_empty', field: 'body' };
  if (Array.from(body).length > COMMENT_MAX) return { ok: false, code: 'comment_too_long', field: 'body' };
  const wait = await commentLimiter(ctx).consume(ctx.database, actor!.accountId, 1, ctx.now());
  if (wait > 0) return { ok: false, code: 'rate_limited', retryAfterMs: wait };

  const role = replyRoleOf(actor, loaded.place);
  const who = auditAs(role);
  const at = ctx.now();
  const id = newId();
  await ctx.database.write(async (tx) => {
    await tx.insert(commentReplies).values({ id, commentId, projectId: row.projectId, authorAccountId: actor!.accountId, authorRole: role, authorName: who.name, body, createdAt: at });
    await appendAudit(tx, {
      actor: { ...who, role },
      action: 'comment.replied',
      subjectType: 'project_comment',
      subjectId: row.projectId,
      after: { commentId, replyId: id, official: true, chars: Array.from(body).length, sha256: createHash('sha256').update(body).digest('hex') },
      at,
    });
    await notifyCommenter(tx, { id: loaded.p.id, code: loaded.p.code, title: loaded.p.title }, { commentId, authorAccountId: row.authorAccountId }, { name: who.name, role }, at, actor!.accountId);
  });
  return { ok: true, id };
}
