/** @module POST /api/residency/verify: an account claims its register entry with the slip's code. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../http/router.ts';
import { perform } from '../http/use-case-route.ts';
import { VerifyInput } from '../services/residents.ts';
import { verifyResidencyCase } from '../cases/residents.ts';

export const residencyRoutes = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/residency/verify',
    tags: ['residents'],
    summary: 'Become a verified resident by entering the code printed on your slip',
    request: { body: jsonBody(VerifyInput) },
    responses: {
      200: jsonContent(z.object({ community: z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() }) }), 'Verified'),
      ...errorResponses(400, 401, 403, 409, 422, 429),
    },
  }),
  async (c) => perform(c, verifyResidencyCase, c.req.valid('json'), undefined, (v) => c.json(v, 200)),
);
