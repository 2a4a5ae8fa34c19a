/**
 * @module Public notice (公示): a project's notice with its objections,
 * residents lodging objections, and staff answering them (dismissed, or
 * upheld — which returns the project to deliberation). Approval at the end
 * of the period is the clock's job (services/notices.ts closeDueNotices).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../http/router.ts';
import { getProject } from '../services/catalog.ts';
import { getNotice } from '../services/notices.ts';
import { perform } from '../http/use-case-route.ts';
import { AnswerInput, ObjectionInput, answerObjectionCase, objectCase } from '../cases/notices.ts';
import { JsonObject, ProjectCode, reasonAnswer } from './council-http.ts';
import { docTerm } from '#http/doc-words.ts';

export const noticeRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects/{code}/notice',
      tags: ['council'],
      summary: `The project’s latest public notice: period, state (running, awaiting_answers, due, approved, returned) and objections with their answers (objectors appear as ${docTerm('resident')})`,
      request: { params: ProjectCode },
      responses: { 200: jsonContent(JsonObject, 'Notice'), ...errorResponses(404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const found = await getProject(ctx.database, c.req.valid('param').code, ctx.now());
      if (!found) return reasonAnswer(c, 'not_found');
      const n = await getNotice(ctx.database.db, found.project.id, ctx.now(), c.get('auth')?.account.id);
      if (!n) return reasonAnswer(c, 'no_notice');
      return c.json(
        {
          startsAt: n.startsAt.toISOString(),
          endsAt: n.endsAt.toISOString(),
          closedAt: n.closedAt?.toISOString() ?? null,
          outcome: n.outcome,
          state: n.state,
          objections: n.objections.map((o) => ({ ...o, answeredAt: o.answeredAt?.toISOString() ?? null, createdAt: o.createdAt.toISOString() })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/objections',
      tags: ['council'],
      summary: 'A verified resident of the community lodges an objection with a reason while the notice period runs',
      request: { params: ProjectCode, body: jsonBody(ObjectionInput) },
      responses: { 201: jsonContent(z.object({ id: z.string() }), 'Lodged'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => perform(c, objectCase, c.req.valid('json'), c.req.valid('param'), (v) => c.json({ id: v.id }, 201)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/objections/{id}/answer',
      tags: ['council'],
      summary: 'Staff answer an objection: dismiss (the answer is published; the notice runs on) or uphold (the project returns to deliberation with the answer as its reason)',
      request: {
        params: z.object({ id: z.string().min(1).max(64) }),
        body: jsonBody(AnswerInput),
      },
      responses: { 200: jsonContent(z.object({ status: z.enum(['dismissed', 'upheld']), projectState: z.string() }), 'Answered'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => perform(c, answerObjectionCase, c.req.valid('json'), { objectionId: c.req.valid('param').id }, (v) => c.json({ status: v.status, projectState: v.projectState }, 200)),
  );
