/**
 * @module Screening (初审): the queue of a cycle with its automatic checks,
 * council members' opinions, and sending projects on to the council. The
 * screen-in / screen-out decision itself is a project step
 * (POST /api/projects/{code}/events), bound to the screening phase.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../http/router.ts';
import { perform } from '../http/use-case-route.ts';
import { getProject } from '../services/catalog.ts';
import { listOpinions, screeningQueue, STANCES } from '../services/screening.ts';
import { OpinionInput, SendInput, opinionCase, sendToCouncilCase } from '../cases/screening.ts';
import { CycleId, JsonObject, ProjectCode, reasonAnswer } from './council-http.ts';

const OpinionSchema = z.object({ id: z.string(), stance: z.enum(STANCES), body: z.string(), authorName: z.string(), createdAt: z.string() });

export const screeningRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}/screening',
      tags: ['council'],
      summary: 'The screening queue of a cycle (officers, staff and council members of the community): each submitted proposal with its cap, negative-list and duplicate checks and the council’s opinions; the projects ready for the council; and whether screening is possible now',
      request: { params: CycleId },
      responses: { 200: jsonContent(JsonObject, 'Queue'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const r = await screeningQueue(ctx, c.req.valid('param').id, c.get('auth')?.actor ?? null);
      if (!r.ok) return reasonAnswer(c, r.code);
      return c.json(
        {
          cycle: { id: r.cycle.id, titleZh: r.cycle.titleZh, titleEn: r.cycle.titleEn, phase: r.cycle.phase },
          hasResidentVote: r.hasVote,
          screenRefusal: r.screenWhy,
          queue: r.queue.map(({ id: _id, ...q }) => ({ ...q, opinions: q.opinions.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })) })),
          ready: r.ready.map((p) => ({ code: p.code, title: p.title, state: p.state, estimatedCostFen: p.estimatedCostFen })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects/{code}/opinions',
      tags: ['council'],
      summary: 'Council members’ screening opinions on a project, under their names',
      request: { params: ProjectCode },
      responses: { 200: jsonContent(z.object({ items: z.array(OpinionSchema) }), 'Opinions'), ...errorResponses(404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const found = await getProject(ctx.database, c.req.valid('param').code, ctx.now());
      if (!found) return reasonAnswer(c, 'not_found');
      const items = await listOpinions(ctx.database.db, found.project.id);
      return c.json({ items: items.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/opinions',
      tags: ['council'],
      summary: 'A council member records a screening opinion (support, oppose or note) on a submitted proposal',
      request: { params: ProjectCode, body: jsonBody(OpinionInput) },
      responses: { 201: jsonContent(z.object({ id: z.string() }), 'Recorded'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => perform(c, opinionCase, c.req.valid('json'), c.req.valid('param'), (r) => c.json({ id: r.id }, 201)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/deliberation',
      tags: ['council'],
      summary: 'Staff send projects to the council (send_to_deliberation): the named ones, or every ready one — the shortlist when the cycle has a resident vote, every screened-in project when it has none. All or nothing.',
      request: { params: CycleId, body: jsonBody(SendInput, { required: false }) },
      responses: { 200: jsonContent(z.object({ sent: z.array(z.string()) }), 'Sent'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => perform(c, sendToCouncilCase, c.req.valid('json'), { cycleId: c.req.valid('param').id }, (r) => c.json({ sent: r.sent }, 200)),
  );
