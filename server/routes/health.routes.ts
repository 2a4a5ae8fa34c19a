/** @module GET /api/health: is the process up and the database answering? */
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { createRouter } from '../http/router.ts';

const HealthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok'), time: z.string() }).openapi('Health');

export const healthRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['system'],
    summary: 'Liveness and database check',
    responses: { 200: { description: 'Up', content: { 'application/json': { schema: HealthSchema } } } },
  }),
  async (c) => {
    await c.get('ctx').database.db.run(sql`select 1`);
    return c.json({ status: 'ok' as const, database: 'ok' as const, time: c.get('ctx').now().toISOString() }, 200);
  },
);
