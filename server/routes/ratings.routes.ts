/** @module The satisfaction survey of an accepted project: results (anyone) and one rating per resident of its community. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, fail, refuse } from '../http/router.ts';
import { auditActorOf } from '../services/accounts.ts';
import { describeRatingRefusal, rateProject, ratingSummary } from '../services/ratings.ts';
import { canSee, loadProjectWithPlace } from '../services/proposals.ts';

const Code = z.object({ code: z.string().regex(/^[A-Z]{2,8}-[A-Z]{2,8}-\d{4}-\d{2,4}$/).openapi({ example: 'SGJD-SXSQ-2026-02' }) });

const SummarySchema = z
  .object({
    count: z.number().int(),
    mean: z.number().nullable().openapi({ description: 'Exact mean score (1–5); null with no ratings' }),
    satisfied: z.number().int().openapi({ description: 'Ratings of 4 or 5' }),
    satisfiedShare: z.number().nullable().openapi({ description: 'satisfied / count, 0–1' }),
    distribution: z.array(z.number().int()).openapi({ description: 'How many gave 1, 2, 3, 4, 5' }),
    comments: z.array(z.object({ score: z.number().int(), comment: z.string(), createdAt: z.string() })),
  })
  .openapi('RatingSummary');

const noSuchProject = (locale: 'zh-CN' | 'en') => (locale === 'en' ? 'No such project' : '没有这个项目');

export const ratingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects/{code}/ratings',
      tags: ['ratings'],
      summary: 'Satisfaction survey results of a project: count, mean, share satisfied (4–5)',
      request: { params: Code },
      responses: { 200: { description: 'Results', content: { 'application/json': { schema: SummarySchema } } }, ...errorResponses(400, 404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const loaded = await loadProjectWithPlace(ctx.database.db, { code: c.req.valid('param').code });
      if (!loaded || loaded.p.state === 'draft') return fail(c, 404, 'not_found', noSuchProject(c.get('locale')));
      const s = await ratingSummary(ctx, loaded.p.id);
      return c.json({ ...s, comments: s.comments.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/ratings',
      tags: ['ratings'],
      summary: 'Rate an accepted project 1–5 (residents of its community, once each; a second rating is refused with 409)',
      request: {
        params: Code,
        body: { content: { 'application/json': { schema: z.strictObject({ score: z.number().int().min(1).max(5), comment: z.string().max(5000).optional() }) } }, required: true },
      },
      responses: {
        201: { description: 'Rated', content: { 'application/json': { schema: z.object({ id: z.string() }) } } },
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const auth = c.get('auth');
      const locale = c.get('locale');
      const loaded = await loadProjectWithPlace(ctx.database.db, { code: c.req.valid('param').code });
      if (!loaded || !canSee(loaded.p, loaded.place, auth?.actor ?? null)) return fail(c, 404, 'not_found', noSuchProject(locale));
      if (!auth) return refuse(c, 'not_signed_in');
      const r = await rateProject(ctx, loaded.p.id, c.req.valid('json'), auth.actor, auditActorOf(auth, 'resident'));
      if (r.ok) return c.json({ id: r.id }, 201);
      const a = describeRatingRefusal(r, locale);
      return fail(c, a.status, a.code, a.message, a.field && a.status === 422 ? { [a.field]: a.message } : undefined);
    },
  );

