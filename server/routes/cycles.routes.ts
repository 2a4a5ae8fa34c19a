/**
 * @module Cycles: read one cycle; staff open the next phase, extend the open
 * one, or ask to move the cycle backwards or skip a phase; a street or
 * district officer confirms or declines that request.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, errorResponses, fail, jsonBody, jsonContent, type AppEnv } from '../http/router.ts';
import { perform } from '../http/use-case-route.ts';
import { getCycle } from '../services/catalog.ts';
import { councilReasonMessage, councilReasonStatus } from '../cases/council-reasons.ts';
import { isOverrun } from '../domain/cycle-phases.ts';
import {
  ExtendInput,
  ForwardInput,
  PhaseDecisionInput,
  PhaseRequestInput,
  decidePhaseRequestCase,
  extendPhaseCase,
  forwardPhaseCase,
  requestPhaseChangeCase,
} from '../cases/cycles.ts';

const Id = z.object({ id: z.string().min(1).max(64).openapi({ example: 'cy-xianhu-2026' }) });
const CycleSchema = z.object({
  id: z.string(),
  year: z.number(),
  titleZh: z.string(),
  titleEn: z.string(),
  budgetFen: z.number(),
  phase: z.string().nullable(),
  /** The open phase is past its planned end (逾期). */
  overrun: z.boolean(),
  phases: z.array(z.object({ phase: z.string(), startsOn: z.string(), endsOn: z.string() })),
});
const Moved = z.object({ from: z.string().nullable(), to: z.string() });
/** No such cycle: the status and words of the one reason table. */
function noSuchCycle(c: Context<AppEnv>) {
  return fail(c, councilReasonStatus('not_found') as 404, 'not_found', councilReasonMessage('not_found', c.get('locale')));
}

export const cycleRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}',
      tags: ['cycles'],
      summary: 'One cycle with its phases and current phase',
      request: { params: Id },
      responses: { 200: jsonContent(CycleSchema, 'Cycle'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const cy = await getCycle(ctx.database, c.req.valid('param').id, ctx.now());
      if (!cy) return noSuchCycle(c);
      const { rulebookId: _r, ...rest } = cy;
      return c.json({ ...rest, overrun: isOverrun(cy, ctx.now()) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/phase',
      tags: ['cycles'],
      summary:
        'Open the next phase of the cycle (community staff); leaving the resident vote counts it. Before the current phase’s planned end this ends it early: a published reason is required (early_reason_required) and the plan is re-dated. Never past public notice while a project is on notice (projects_in_notice). A step back or a skip is a request (POST /cycles/{id}/phase/requests).',
      request: {
        params: Id,
        body: jsonBody(ForwardInput),
      },
      responses: { 200: jsonContent(Moved, 'Opened'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => perform(c, forwardPhaseCase, c.req.valid('json'), c.req.valid('param'), (r) => c.json({ from: r.from, to: r.to }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/phase/extension',
      tags: ['cycles'],
      summary: 'Extend the open phase to a later planned end, with a published reason (community staff)',
      request: { params: Id, body: jsonBody(ExtendInput) },
      responses: { 200: jsonContent(Moved, 'Extended'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => perform(c, extendPhaseCase, c.req.valid('json'), c.req.valid('param'), (r) => c.json({ from: r.from, to: r.to }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/phase/requests',
      tags: ['cycles'],
      summary: 'Ask to move the cycle backwards or to skip a phase, with a published reason (community staff); a street or district officer confirms',
      request: { params: Id, body: jsonBody(PhaseRequestInput) },
      responses: { 201: jsonContent(z.object({ id: z.string() }), 'Requested'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => perform(c, requestPhaseChangeCase, c.req.valid('json'), c.req.valid('param'), (r) => c.json({ id: r.id }, 201)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/phase-requests/{id}/decision',
      tags: ['cycles'],
      summary: 'Confirm or decline a request to move a cycle (a street or district officer over the community, not the person who asked); declining needs a published note',
      request: {
        params: z.object({ id: z.string().min(1).max(64) }),
        body: jsonBody(PhaseDecisionInput),
      },
      responses: { 200: jsonContent(Moved, 'Decided'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => perform(c, decidePhaseRequestCase, c.req.valid('json'), { requestId: c.req.valid('param').id }, (r) => c.json({ from: r.from, to: r.to }, 200)),
  );
