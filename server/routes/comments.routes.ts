/** @module Comments on a project: read (anyone), write (verified residents of its community), hide with a published reason (its staff), answer as the office (官方回复: its staff and council members). */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, errorResponses, fail, refuse, type AppEnv } from '../http/router.ts';
import { actingRole, auditActorOf } from '../services/accounts.ts';
import { addComment, addReply, COMMENT_MAX, describeCommentRefusal, HIDE_REASON_MAX, hideComment, listComments, type CommentOutcome } from '../services/comments.ts';
import { canSee, loadProjectWithPlace } from '../services/proposals.ts';

const Code = z.object({ code: z.string().regex(/^[A-Z]{2,8}-[A-Z]{2,8}-\d{4}-\d{2,4}$/).openapi({ example: 'SGJD-SXSQ-2026-01' }) });

const ReplySchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    body: z.string().openapi({ description: 'Plain text (never HTML)' }),
    official: z.literal(true),
    name: z.string().openapi({ description: 'The replier’s public name', example: '王芳（示例）' }),
    role: z.enum(['staff', 'council_member']),
  })
  .openapi('OfficialReply');

const CommentSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    body: z.string().nullable().openapi({ description: 'Plain text (never HTML); null when hidden' }),
    hidden: z.object({ at: z.string(), reason: z.string() }).nullable(),
    replies: z.array(ReplySchema).openapi({ description: 'Official replies (官方回复), oldest first' }),
  })
  .openapi('Comment');

function answer(c: Context<AppEnv>, r: Exclude<CommentOutcome, { ok: true }>) {
  const a = describeCommentRefusal(r, c.get('locale'));
  if (a.retryAfterMs !== undefined) c.header('Retry-After', String(Math.ceil(a.retryAfterMs / 1000)));
  return fail(c, a.status, a.code, a.message, a.field && a.status === 422 ? { [a.field]: a.message } : undefined);
}

async function visibleProject(c: Context<AppEnv>, code: string) {
  const loaded = await loadProjectWithPlace(c.get('ctx').database.db, { code });
  return loaded && canSee(loaded.p, loaded.place, c.get('auth')?.actor ?? null) && loaded.p.state !== 'draft' ? loaded : null;
}

export const commentRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects/{code}/comments',
      tags: ['comments'],
      summary: 'A project’s comments, oldest first; authors are never named; hidden ones show the published reason',
      request: { params: Code },
      responses: { 200: { description: 'Comments', content: { 'application/json': { schema: z.object({ items: z.array(CommentSchema) }) } } }, ...errorResponses(400, 404) },
    }),
    async (c) => {
      const loaded = await visibleProject(c, c.req.valid('param').code);
      if (!loaded) return answer(c, { ok: false, code: 'not_found' });
      const items = await listComments(c.get('ctx'), loaded.p.id);
      return c.json(
        {
          items: items.map((x) => ({
            id: x.id,
            createdAt: x.createdAt.toISOString(),
            body: x.body,
            hidden: x.hidden ? { at: x.hidden.at.toISOString(), reason: x.hidden.reason } : null,
            replies: x.replies.map((r) => ({ id: r.id, createdAt: r.createdAt.toISOString(), body: r.body, official: true as const, name: r.authorName, role: r.authorRole })),
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/comments',
      tags: ['comments'],
      summary: `Comment on a project (verified residents of its community): plain text, at most ${COMMENT_MAX} characters, rate-limited`,
      request: { params: Code, body: { content: { 'application/json': { schema: z.strictObject({ body: z.string().max(20_000) }) } }, required: true } },
      responses: {
        201: { description: 'Posted', content: { 'application/json': { schema: z.object({ id: z.string() }) } } },
        ...errorResponses(400, 401, 403, 404, 409, 422, 429),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const auth = c.get('auth');
      const loaded = await visibleProject(c, c.req.valid('param').code);
      if (!loaded) return answer(c, { ok: false, code: 'not_found' });
      if (!auth) return refuse(c, 'not_signed_in');
      const r = await addComment(ctx, loaded.p.id, c.req.valid('json').body, auth.actor, auditActorOf(auth, actingRole(auth, ['resident'])));
      if (!r.ok) return answer(c, r);
      return c.json({ id: r.id }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/comments/{id}/hide',
      tags: ['comments'],
      summary: `Hide a comment (staff of the project’s community); the reason (at most ${HIDE_REASON_MAX} characters) is published in its place and in the audit log`,
      request: {
        params: z.object({ id: z.string().min(1).max(64) }),
        body: { content: { 'application/json': { schema: z.strictObject({ reason: z.string().max(2000) }) } }, required: true },
      },
      responses: {
        200: { description: 'Hidden', content: { 'application/json': { schema: z.object({ id: z.string(), hidden: z.literal(true) }) } } },
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      if (!auth) return refuse(c, 'not_signed_in');
      const r = await hideComment(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').reason, auth.actor, auditActorOf(auth, actingRole(auth, ['staff'])));
      if (!r.ok) return answer(c, r);
      return c.json({ id: r.id, hidden: true as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/comments/{id}/replies',
      tags: ['comments'],
      summary: `Answer a comment as the office (官方回复; staff of the project’s community or members of its council): shown under the comment with the replier’s name and role, recorded in the project’s history, and announced to the commenter. Plain text, at most ${COMMENT_MAX} characters, rate-limited with comments`,
      request: {
        params: z.object({ id: z.string().min(1).max(64) }),
        body: { content: { 'application/json': { schema: z.strictObject({ body: z.string().max(20_000) }) } }, required: true },
      },
      responses: {
        201: { description: 'Replied', content: { 'application/json': { schema: z.object({ id: z.string() }) } } },
        ...errorResponses(400, 401, 403, 404, 409, 422, 429),
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      if (!auth) return refuse(c, 'not_signed_in');
      const r = await addReply(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').body, auth.actor, (role) => auditActorOf(auth, role));
      if (!r.ok) return answer(c, r);
      return c.json({ id: r.id }, 201);
    },
  );
