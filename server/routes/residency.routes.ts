/** @module POST /api/residency/verify: an account claims its register entry with the slip's code. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, fail } from '../http/router.ts';
import { clientKey } from '../http/middleware.ts';
import { VERIFY_MESSAGES, VerifyInput, verifyResidencyGuarded } from '../services/residents.ts';

export const residencyRoutes = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/residency/verify',
    tags: ['residents'],
    summary: 'Become a verified resident by entering the code printed on your slip',
    request: { body: { content: { 'application/json': { schema: VerifyInput } }, required: true } },
    responses: {
      200: { description: 'Verified', content: { 'application/json': { schema: z.object({ community: z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() }) }) } } },
      ...errorResponses(400, 401, 403, 409, 422, 429),
    },
  }),
  async (c) => {
    const ctx = c.get('ctx');
    const auth = c.get('auth');
    if (!auth) return fail(c, 401, 'not_signed_in', c.get('locale') === 'en' ? 'Please sign in first' : '请先登录');
    const r = await verifyResidencyGuarded(ctx, auth.account.id, c.req.valid('json').code, clientKey(c));
    if (!r.ok && r.code === 'rate_limited') {
      c.header('Retry-After', String(Math.ceil(r.waitMs / 1000)));
      return fail(c, 429, 'rate_limited');
    }
    if (!r.ok) {
      const msg = VERIFY_MESSAGES[r.code][c.get('locale')];
      return fail(c, r.code === 'code_unknown' ? 422 : 409, r.code, msg, { code: msg });
    }
    const { id: _id, ...community } = r.community;
    return c.json({ community }, 200);
  },
);
