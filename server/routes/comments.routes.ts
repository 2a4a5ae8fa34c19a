/** @module Comments on a project: read (anyone), write (verified residents of its community), hide with a published reason (its staff), answer as the office (官方回复: its staff and council members). */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, errorResponses, jsonBody, jsonContent, type AppEnv } from '../http/router.ts';
import { perform, refused } from '../http/use-case-route.ts';
import { COMMENT_MAX, HIDE_REASON_MAX, listComments, type CommentOutcome } from '../services/comments.ts';
import { canSee, loadProjectWithPlace } from '../services/proposals.ts';
import { CommentInput, HideInput, commentCase, commentRefusal, hideCommentCase, replyCase } from '../cases/comments.ts';
import { docExample, docTerm } from '#http/doc-words.ts';

const Code = z.object({ code: z.string().regex(/^[A-Z]{2,8}-[A-Z]{2,8}-\d{4}-\d{2,4}$/).openapi({ example: 'SGJD-SXSQ-2026-01' }) });

const ReplySchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    body: z.string().openapi({ description: 'Plain text (never HTML)' }),
    official: z.literal(true),
    name: z.string().openapi({ description: 'The replier’s public name', example: docExample('replierName') }),
    role: z.enum(['staff', 'council_member']),
  })
  .openapi('OfficialReply');

const CommentSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    body: z.string().nullable().openapi({ description: 'Plain text (never HTML); null when hidden' }),
    hidden: z.object({ at: z.string(), reason: z.string() }).nullable(),
    replies: z.array(ReplySchema).openapi({ description: `Official replies (${docTerm('officialReply')}), oldest first` }),
  })
  .openapi('Comment');

const answer = (c: Context<AppEnv>, r: Exclude<CommentOutcome, { ok: true }>) => refused(c, commentRefusal({ locale: c.get('locale') }, r));

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
      responses: { 200: jsonContent(z.object({ items: z.array(CommentSchema) }), 'Comments'), ...errorResponses(400, 404) },
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
      request: { params: Code, body: jsonBody(CommentInput) },
      responses: {
        201: jsonContent(z.object({ id: z.string() }), 'Posted'),
        ...errorResponses(400, 401, 403, 404, 409, 422, 429),
      },
    }),
    async (c) => perform(c, commentCase, c.req.valid('json'), c.req.valid('param'), (v) => c.json({ id: v.id }, 201)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/comments/{id}/hide',
      tags: ['comments'],
      summary: `Hide a comment (staff of the project’s community); the reason (at most ${HIDE_REASON_MAX} characters) is published in its place and in the audit log`,
      request: {
        params: z.object({ id: z.string().min(1).max(64) }),
        body: jsonBody(HideInput),
      },
      responses: {
        200: jsonContent(z.object({ id: z.string(), hidden: z.literal(true) }), 'Hidden'),
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => perform(c, hideCommentCase, c.req.valid('json'), { commentId: c.req.valid('param').id }, (v) => c.json({ id: v.id, hidden: true as const }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/comments/{id}/replies',
      tags: ['comments'],
      summary: `Answer a comment as the office (${docTerm('officialReply')}; staff of the project’s community or members of its council): shown under the comment with the replier’s name and role, recorded in the project’s history, and announced to the commenter. Plain text, at most ${COMMENT_MAX} characters, rate-limited with comments`,
      request: {
        params: z.object({ id: z.string().min(1).max(64) }),
        body: jsonBody(CommentInput),
      },
      responses: {
        201: jsonContent(z.object({ id: z.string() }), 'Replied'),
        ...errorResponses(400, 401, 403, 404, 409, 422, 429),
      },
    }),
    async (c) => perform(c, replyCase, c.req.valid('json'), { commentId: c.req.valid('param').id }, (v) => c.json({ id: v.id }, 201)),
  );
