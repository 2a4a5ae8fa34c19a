/**
 * @module Audit findings through the API: the auditor (or an officer)
 * records findings on a project or a cycle and completes a project's audit
 * (evaluated → audited). Reading them is public (GET /projects/{code}/delivery
 * and GET /cycles/{id}/findings).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, errorResponses, fail, type AppEnv } from '../http/router.ts';
import { errorBody } from '../http/errors.ts';
import { actingRole, auditActorOf } from '../services/accounts.ts';
import { describeDeliveryRefusal, loadProject, type DeliveryRefusal, type Who } from '../services/delivery.ts';
import { completeAudit, cycleFindings, FINDING_BODY_MAX, recordFinding } from '../services/findings.ts';
import { FINDING_SEVERITIES } from '../domain/delivery.ts';
import { eq } from 'drizzle-orm';
import { cycles } from '#db/schema.ts';

const Code = z.object({ code: z.string().regex(/^[A-Z]{2,8}-[A-Z]{2,8}-\d{4}-\d{2,4}$/).openapi({ example: 'SGJD-SXSQ-2026-02' }) });
const CycleId = z.object({ id: z.string().min(1).max(64).openapi({ example: 'cy-sunxi-2026' }) });
const FindingBody = z.strictObject({ severity: z.enum(FINDING_SEVERITIES), body: z.string().trim().min(1).max(FINDING_BODY_MAX) }).openapi('FindingInput');

function answer(c: Context<AppEnv>, r: DeliveryRefusal) {
  const a = describeDeliveryRefusal(r, c.get('locale'));
  return c.json(errorBody(a.code, a.message, a.fields), a.status);
}

function who(c: Context<AppEnv>): Who | null {
  const auth = c.get('auth');
  return auth ? { actor: auth.actor, auditActor: auditActorOf(auth, actingRole(auth, ['auditor', 'officer'])) } : null;
}

export const findingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/findings',
      tags: ['audit'],
      summary: 'Record an audit finding on a project (auditor, officer); published',
      request: { params: Code, body: { content: { 'application/json': { schema: FindingBody } }, required: true } },
      responses: { 201: { description: 'Recorded', content: { 'application/json': { schema: z.object({ id: z.string() }) } } }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const w = who(c);
      if (!w) return answer(c, { ok: false, code: 'not_signed_in' });
      const ctx = c.get('ctx');
      const loaded = await loadProject(ctx.database.db, { code: c.req.valid('param').code }, ctx.now());
      if (!loaded) return answer(c, { ok: false, code: 'not_found' });
      const r = await recordFinding(ctx, { projectId: loaded.project.id }, c.req.valid('json'), w);
      if (!r.ok) return answer(c, r);
      return c.json({ id: r.findingId }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/findings',
      tags: ['audit'],
      summary: 'Record an audit finding on a cycle as a whole (auditor, officer); published',
      request: { params: CycleId, body: { content: { 'application/json': { schema: FindingBody } }, required: true } },
      responses: { 201: { description: 'Recorded', content: { 'application/json': { schema: z.object({ id: z.string() }) } } }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const w = who(c);
      if (!w) return answer(c, { ok: false, code: 'not_signed_in' });
      const r = await recordFinding(c.get('ctx'), { cycleId: c.req.valid('param').id }, c.req.valid('json'), w);
      if (!r.ok) return answer(c, r);
      return c.json({ id: r.findingId }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}/findings',
      tags: ['audit'],
      summary: 'Every audit finding of a cycle (on the cycle and on its projects)',
      request: { params: CycleId },
      responses: {
        200: { description: 'Findings', content: { 'application/json': { schema: z.object({ items: z.array(z.object({ severity: z.string(), body: z.string(), recordedAt: z.string(), projectCode: z.string().nullable() })) }) } } },
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const db = c.get('ctx').database.db;
      const id = c.req.valid('param').id;
      if ((await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, id)).limit(1)).length === 0) return fail(c, 404, 'not_found');
      const rows = await cycleFindings(db, id);
      return c.json({ items: rows.map((r) => ({ severity: r.severity, body: r.body, recordedAt: r.createdAt.toISOString(), projectCode: r.projectCode ?? null })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/audit',
      tags: ['audit'],
      summary: 'Complete a project’s audit (auditor, officer): evaluated → audited, with an optional published summary',
      request: { params: Code, body: { content: { 'application/json': { schema: z.strictObject({ summary: z.string().trim().max(4000).optional() }) } }, required: false } },
      responses: { 200: { description: 'Audited', content: { 'application/json': { schema: z.object({ from: z.string(), to: z.string() }) } } }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const w = who(c);
      if (!w) return answer(c, { ok: false, code: 'not_signed_in' });
      const ctx = c.get('ctx');
      const loaded = await loadProject(ctx.database.db, { code: c.req.valid('param').code }, ctx.now());
      if (!loaded) return fail(c, 404, 'not_found');
      const body = (c.req.valid('json') ?? {}) as { summary?: string };
      const r = await completeAudit(ctx, loaded.project.id, { summary: body.summary ?? null }, w);
      if (!r.ok) return answer(c, r);
      return c.json({ from: r.from, to: r.to }, 200);
    },
  );
