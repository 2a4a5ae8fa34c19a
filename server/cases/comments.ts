/**
 * @module Comments on a project: a resident comments, staff hide a comment
 * with a published reason, staff or council members answer as the office
 * (官方回复). The API (server/routes/comments.routes.ts) and the comment
 * forms of a project's page run these.
 */
import { z } from '@hono/zod-openapi';
import { actingRole, auditActorOf } from '../services/accounts.ts';
import { addComment, addReply, COMMENT_MAX, HIDE_REASON_MAX, hideComment, type CommentOutcome } from '../services/comments.ts';
import { say } from '#messages/say.ts';
import { canSee, loadProjectWithPlace } from '../services/proposals.ts';
import { done, notSignedIn, refusal, refusedFor, signedInUseCase, useCase, type Caller, type Refusal } from './use-case.ts';

// The text is cleaned before it is counted (line ends made one, control characters dropped, ends trimmed), so its limits are in words.
export const CommentInput = z.strictObject({
  body: z.string().max(20_000).openapi({ description: `Plain text: not blank, and at most ${COMMENT_MAX} characters once control characters are dropped and the ends trimmed (422 \`comment_empty\`, \`comment_too_long\` otherwise)` }),
});
export const HideInput = z.strictObject({
  reason: z.string().max(2000).openapi({ description: `Published in the comment’s place: not blank, and at most ${HIDE_REASON_MAX} characters once cleaned as a comment is and runs of whitespace folded (422 \`reason_required\`, \`hide_reason_too_long\` otherwise)` }),
});

/** A refused comment, hide or reply; a field is named only for what the text itself got wrong (422). */
export function commentRefusal(caller: Pick<Caller, 'locale'>, r: Exclude<CommentOutcome, { ok: true }>): Refusal {
  const { locale } = caller;
  switch (r.code) {
    case 'not_found':
      return refusal(r.code, 404, say.reasons(locale, 'comment.not_found'));
    case 'rate_limited':
      return refusal(r.code, 429, say.reasons(locale, 'comment.rate_limited'), { retryAfterSeconds: Math.ceil(r.retryAfterMs / 1000) });
    case 'comment_empty':
    case 'comment_too_long':
    case 'hide_reason_too_long':
      return refusal(r.code, 422, say.reasons(locale, `comment.${r.code}`, { max: r.code === 'hide_reason_too_long' ? HIDE_REASON_MAX : COMMENT_MAX }), { field: r.field });
    case 'already_hidden':
    case 'comment_hidden':
      return refusal(r.code, 409, say.reasons(locale, `comment.${r.code}`));
    case 'reason_required':
      return refusedFor(caller, r.code, 'reason');
    default:
      return refusedFor(caller, r.code);
  }
}

export const commentCase = useCase({
  name: 'comment.add',
  input: CommentInput,
  async run(caller, { body }, { code }: { code: string }) {
    const { ctx, auth } = caller;
    const loaded = await loadProjectWithPlace(ctx.database.db, { code });
    if (!loaded || !canSee(loaded.p, loaded.place, auth?.actor ?? null) || loaded.p.state === 'draft') return commentRefusal(caller, { ok: false, code: 'not_found' });
    if (!auth) return notSignedIn(caller);
    const r = await addComment(ctx, loaded.p.id, body, auth.actor, auditActorOf(auth, actingRole(auth, ['resident'])));
    return r.ok ? done({ id: r.id }) : commentRefusal(caller, r);
  },
});

export const hideCommentCase = signedInUseCase({
  name: 'comment.hide',
  input: HideInput,
  async run(caller, { reason }, { commentId }: { commentId: string }) {
    const { ctx, auth } = caller;
    const r = await hideComment(ctx, commentId, reason, auth.actor, auditActorOf(auth, actingRole(auth, ['staff'])));
    return r.ok ? done({ id: r.id }) : commentRefusal(caller, r);
  },
});

export const replyCase = signedInUseCase({
  name: 'comment.reply',
  input: CommentInput,
  async run(caller, { body }, { commentId }: { commentId: string }) {
    const { ctx, auth } = caller;
    // The service settles the role (staff, else council member) and names the replier in it.
    const r = await addReply(ctx, commentId, body, auth.actor, (role) => auditActorOf(auth, role));
    return r.ok ? done({ id: r.id }) : commentRefusal(caller, r);
  },
});
