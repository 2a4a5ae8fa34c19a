/**
 * @module Cycles: read one cycle; staff open the next phase, extend the open
 * one, or ask to move the cycle backwards or skip a phase; a street or
 * district officer confirms or declines that request.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, errorResponses, fail, type AppEnv } from '../http/router.ts';
import { getCycle } from '../services/catalog.ts';
import { decidePhaseRequest, extendPhase, PHASE_REASON_MAX, phaseRefusalMessage, requestPhaseChange, setCyclePhase, type PhaseRefusal } from '../services/cycles.ts';
import { actingRole, auditActorOf } from '../services/accounts.ts';
import { councilReasonMessage, councilReasonStatus } from '../services/council-reasons.ts';
import { CYCLE_PHASES, isOverrun } from '../domain/cycle-phases.ts';
import type { AuditActor } from '../services/audit.ts';

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
const Reason = z.string().trim().min(1).max(PHASE_REASON_MAX).openapi({ description: 'Published with the step', example: '纸质选票录入需要更多时间' });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ example: '2026-12-20' });

const anonymous: AuditActor = { accountId: null, role: 'anonymous', name: '-' };

/** A refusal from the phase services: its status and words from the one reason table (with the notices' count and last end, when they hold the cycle). */
function refused(c: Context<AppEnv>, code: string, fields?: Record<string, string>, r?: Omit<PhaseRefusal, 'ok'>) {
  const locale = c.get('locale');
  const message = (r && phaseRefusalMessage(r, locale)) ?? councilReasonMessage(code, locale);
  const named = fields ? Object.fromEntries(Object.entries(fields).map(([f, why]) => [f, councilReasonMessage(why, locale)])) : undefined;
  return fail(c, councilReasonStatus(code) as 400 | 401 | 403 | 404 | 409 | 422, code, message, named);
}

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
      if (!cy) return refused(c, 'not_found');
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
        body: { content: { 'application/json': { schema: z.strictObject({ phase: z.enum(CYCLE_PHASES), reason: Reason.optional().openapi({ description: 'Required when the current phase ends before its planned end; published' }) }) } }, required: true },
      },
      responses: { 200: { description: 'Opened', content: { 'application/json': { schema: Moved } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const auth = c.get('auth');
      const body = c.req.valid('json');
      const r = await setCyclePhase(ctx, c.req.valid('param').id, body.phase, auth?.actor ?? null, auth ? auditActorOf(auth, actingRole(auth, ['staff'])) : anonymous, { reason: body.reason });
      if (r.ok) return c.json({ from: r.from, to: r.to }, 200);
      return refused(c, r.code, r.fields ?? (r.code === 'unknown_phase' || r.code === 'same_phase' || r.code === 'needs_confirmation' ? { phase: r.code } : undefined), r);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/phase/extension',
      tags: ['cycles'],
      summary: 'Extend the open phase to a later planned end, with a published reason (community staff)',
      request: { params: Id, body: { content: { 'application/json': { schema: z.strictObject({ endsOn: Day, reason: Reason }) } }, required: true } },
      responses: { 200: { description: 'Extended', content: { 'application/json': { schema: Moved } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const auth = c.get('auth');
      const r = await extendPhase(ctx, c.req.valid('param').id, c.req.valid('json'), auth?.actor ?? null, auth ? auditActorOf(auth, actingRole(auth, ['staff'])) : anonymous);
      if (r.ok) return c.json({ from: r.from, to: r.to }, 200);
      return refused(c, r.code, r.fields);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/phase/requests',
      tags: ['cycles'],
      summary: 'Ask to move the cycle backwards or to skip a phase, with a published reason (community staff); a street or district officer confirms',
      request: { params: Id, body: { content: { 'application/json': { schema: z.strictObject({ to: z.enum(CYCLE_PHASES), reason: Reason, endsOn: Day.optional().openapi({ description: 'The new planned end of the phase moved to; required when its planned end has passed' }) }) } }, required: true } },
      responses: { 201: { description: 'Requested', content: { 'application/json': { schema: z.object({ id: z.string() }) } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const auth = c.get('auth');
      const r = await requestPhaseChange(ctx, c.req.valid('param').id, c.req.valid('json'), auth?.actor ?? null, auth ? auditActorOf(auth, actingRole(auth, ['staff'])) : anonymous);
      if (r.ok) return c.json({ id: r.id }, 201);
      return refused(c, r.code, r.fields, r);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/phase-requests/{id}/decision',
      tags: ['cycles'],
      summary: 'Confirm or decline a request to move a cycle (a street or district officer over the community, not the person who asked); declining needs a published note',
      request: {
        params: z.object({ id: z.string().min(1).max(64) }),
        body: { content: { 'application/json': { schema: z.strictObject({ decision: z.enum(['confirm', 'decline']), note: z.string().trim().max(PHASE_REASON_MAX).optional() }) } }, required: true },
      },
      responses: { 200: { description: 'Decided', content: { 'application/json': { schema: Moved } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const auth = c.get('auth');
      const r = await decidePhaseRequest(ctx, c.req.valid('param').id, c.req.valid('json'), auth?.actor ?? null, auth ? auditActorOf(auth, actingRole(auth, ['officer'])) : anonymous);
      if (r.ok) return c.json({ from: r.from, to: r.to }, 200);
      return refused(c, r.code, r.fields, r);
    },
  );
