/** @module Cycles: read one cycle; staff open a phase. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, fail, refuse } from '../http/router.ts';
import { getCycle } from '../services/catalog.ts';
import { setCyclePhase } from '../services/cycles.ts';
import { actingRole, auditActorOf } from '../services/accounts.ts';
import { CYCLE_PHASES } from '../domain/cycle-phases.ts';

const Id = z.object({ id: z.string().min(1).max(64).openapi({ example: 'cy-xianhu-2026' }) });
const CycleSchema = z.object({ id: z.string(), year: z.number(), titleZh: z.string(), titleEn: z.string(), budgetFen: z.number(), phase: z.string().nullable(), phases: z.array(z.object({ phase: z.string(), startsOn: z.string(), endsOn: z.string() })) });

const PHASE_ERRORS = {
  not_found: { status: 404 as const, zh: '没有这个轮次', en: 'No such cycle' },
  unknown_phase: { status: 422 as const, zh: '本轮没有这个阶段', en: 'This cycle has no such phase' },
  same_phase: { status: 409 as const, zh: '本轮已经处于这个阶段', en: 'The cycle is already in this phase' },
};

export const cycleRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}',
      tags: ['cycles'],
      summary: 'One cycle with its phases and current phase',
      request: { params: Id },
      responses: { 200: { description: 'Cycle', content: { 'application/json': { schema: CycleSchema } } }, ...errorResponses(400, 404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const cy = await getCycle(ctx.database, c.req.valid('param').id, ctx.now());
      if (!cy) return fail(c, 404, 'not_found', PHASE_ERRORS.not_found[c.get('locale') === 'en' ? 'en' : 'zh']);
      const { rulebookId: _r, ...rest } = cy;
      return c.json(rest, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/phase',
      tags: ['cycles'],
      summary: 'Open a phase of the cycle (community staff); leaving the resident vote counts it',
      request: { params: Id, body: { content: { 'application/json': { schema: z.strictObject({ phase: z.enum(CYCLE_PHASES) }) } }, required: true } },
      responses: { 200: { description: 'Opened', content: { 'application/json': { schema: z.object({ from: z.string().nullable(), to: z.string() }) } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const auth = c.get('auth');
      const r = await setCyclePhase(ctx, c.req.valid('param').id, c.req.valid('json').phase, auth?.actor ?? null, auth ? auditActorOf(auth, actingRole(auth, ['staff'])) : { accountId: null, role: 'anonymous', name: '-' });
      if (r.ok) return c.json({ from: r.from, to: r.to }, 200);
      if (r.code in PHASE_ERRORS) {
        const e = PHASE_ERRORS[r.code as keyof typeof PHASE_ERRORS];
        return fail(c, e.status, r.code, c.get('locale') === 'en' ? e.en : e.zh, { phase: c.get('locale') === 'en' ? e.en : e.zh });
      }
      return refuse(c, r.code as Parameters<typeof refuse>[1]);
    },
  );
