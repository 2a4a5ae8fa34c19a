/**
 * @module Audit findings through the API: the auditor (or an officer)
 * records findings on a project or a cycle and completes a project's audit
 * (evaluated → audited). Reading them is public (GET /projects/{code}/delivery
 * and GET /cycles/{id}/findings).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, fail, jsonBody, jsonContent } from '../http/router.ts';
import { perform } from '../http/use-case-route.ts';
import { cycleFindings } from '../services/findings.ts';
import { AuditInput, FindingInput, completeAuditCase, findingCase } from '../cases/delivery.ts';
import { eq } from 'drizzle-orm';
import { cycles } from '#db/schema.ts';

const Code = z.object({ code: z.string().regex(/^[A-Z]{2,8}-[A-Z]{2,8}-\d{4}-\d{2,4}$/).openapi({ example: 'SGJD-SXSQ-2026-02' }) });
const CycleId = z.object({ id: z.string().min(1).max(64).openapi({ example: 'cy-sunxi-2026' }) });

export const findingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/findings',
      tags: ['audit'],
      summary: 'Record an audit finding on a project (auditor, officer); published',
      request: { params: Code, body: jsonBody(FindingInput) },
      responses: { 201: jsonContent(z.object({ id: z.string() }), 'Recorded'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => perform(c, findingCase, c.req.valid('json'), c.req.valid('param'), (r) => c.json({ id: r.findingId }, 201)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/findings',
      tags: ['audit'],
      summary: 'Record an audit finding on a cycle as a whole (auditor, officer); published',
      request: { params: CycleId, body: jsonBody(FindingInput) },
      responses: { 201: jsonContent(z.object({ id: z.string() }), 'Recorded'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => perform(c, findingCase, c.req.valid('json'), { cycleId: c.req.valid('param').id }, (r) => c.json({ id: r.findingId }, 201)),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}/findings',
      tags: ['audit'],
      summary: 'Every audit finding of a cycle (on the cycle and on its projects)',
      request: { params: CycleId },
      responses: {
        200: jsonContent(z.object({ items: z.array(z.object({ severity: z.string(), body: z.string(), recordedAt: z.string(), projectCode: z.string().nullable() })) }), 'Findings'),
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
      request: { params: Code, body: jsonBody(AuditInput, { required: false }) },
      responses: { 200: jsonContent(z.object({ from: z.string(), to: z.string() }), 'Audited'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => perform(c, completeAuditCase, c.req.valid('json') ?? {}, c.req.valid('param'), (r) => c.json({ from: r.from, to: r.to }, 200)),
  );
