/** @module GET /api/audit: the public, hash-chained audit log, newest first, with its head. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses } from '../http/router.ts';
import { auditHead, listAudit } from '../services/audit.ts';

const Query = z.strictObject({
  subjectType: z.string().max(40).optional(),
  subjectId: z.string().max(64).optional(),
  action: z.string().max(60).optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

const Entry = z
  .object({
    seq: z.number(), at: z.string(), actorRole: z.string(), actorName: z.string(), action: z.string(), subjectType: z.string(), subjectId: z.string(),
    before: z.string().nullable(), after: z.string().nullable(), reason: z.string().nullable(), prevHash: z.string(), hash: z.string(),
  })
  .openapi('AuditEntry');

export const auditRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/audit',
    tags: ['audit'],
    summary: 'Audit log entries (public fields only) and the chain head',
    request: { query: Query },
    responses: {
      200: { description: 'Entries', content: { 'application/json': { schema: z.object({ head: z.object({ seq: z.number(), hash: z.string() }), items: z.array(Entry) }) } } },
      ...errorResponses(400),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const db = c.get('ctx').database;
    const [head, items] = await Promise.all([
      auditHead(db),
      listAudit(db, { subjectType: q.subjectType, subjectId: q.subjectId, action: q.action, beforeSeq: q.before, limit: q.limit }),
    ]);
    return c.json({ head, items }, 200);
  },
);
