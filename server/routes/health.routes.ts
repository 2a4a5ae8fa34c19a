/** @module GET /api/health: is the process up and the database answering? */
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { createRouter, jsonContent } from '../http/router.ts';

const BackupSchema = z
  .object({
    everySeconds: z.number().int(),
    lastSuccessAt: z.string().nullable().openapi({ description: 'When the last scheduled backup was written and checked (integrity and audit chain)' }),
    lastBytes: z.number().int().nullable(),
    lastFailureAt: z.string().nullable(),
    failures: z.number().int(),
  })
  .openapi('BackupStatus');

const HealthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.literal('ok'),
    time: z.string(),
    backup: BackupSchema.nullable().openapi({ description: 'The server’s own backup schedule (BACKUP_DIR); null when it takes none' }),
  })
  .openapi('Health');

export const healthRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['system'],
    summary: 'Liveness and database check',
    responses: { 200: jsonContent(HealthSchema, 'Up') },
  }),
  async (c) => {
    const ctx = c.get('ctx');
    await ctx.database.db.run(sql`select 1`);
    const b = ctx.backup;
    const backup = b.scheduled
      ? { everySeconds: b.everySeconds!, lastSuccessAt: b.lastSuccess?.at.toISOString() ?? null, lastBytes: b.lastSuccess?.bytes ?? null, lastFailureAt: b.lastFailure?.at.toISOString() ?? null, failures: b.failures }
      : null;
    return c.json({ status: 'ok' as const, database: 'ok' as const, time: ctx.now().toISOString(), backup }, 200);
  },
);
