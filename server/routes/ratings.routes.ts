/** @module The satisfaction survey of an accepted project: results (anyone) and one rating per resident of its community. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../http/router.ts';
import { perform, refused } from '../http/use-case-route.ts';
import { ratingSummary } from '../services/ratings.ts';
import { loadProjectWithPlace } from '../services/proposals.ts';
import { RatingInput, rateCase } from '../cases/ratings.ts';
import { noSuchProject } from '../cases/projects.ts';

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


export const ratingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects/{code}/ratings',
      tags: ['ratings'],
      summary: 'Satisfaction survey results of a project: count, mean, share satisfied (4–5)',
      request: { params: Code },
      responses: { 200: jsonContent(SummarySchema, 'Results'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const loaded = await loadProjectWithPlace(ctx.database.db, { code: c.req.valid('param').code });
      if (!loaded || loaded.p.state === 'draft') return refused(c, noSuchProject({ locale: c.get('locale') }));
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
        body: jsonBody(RatingInput),
      },
      responses: {
        201: jsonContent(z.object({ id: z.string() }), 'Rated'),
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => perform(c, rateCase, c.req.valid('json'), c.req.valid('param'), (v) => c.json({ id: v.id }, 201)),
  );

