/**
 * @module Council membership: the public list of a community's council with
 * terms and roles, and staff adding and ending terms (the council_member role
 * follows the terms in the same transaction).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../http/router.ts';
import { perform } from '../http/use-case-route.ts';
import { chinaDay } from '../domain/cycle-phases.ts';
import { communityBySlug, listTerms } from '../services/council.ts';
import { addTermCase, EndTermInput, endTermCase, TermInput } from '../cases/council.ts';
import { reasonAnswer, Slug } from './council-http.ts';

const TermSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(['chair', 'member']), startsOn: z.string(), endsOn: z.string().nullable(), current: z.boolean() }).openapi('CouncilTerm');

export const councilRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/communities/{slug}/council',
      tags: ['council'],
      summary: 'The community’s residents’ council: every term, current members first, under their names',
      request: { params: Slug },
      responses: { 200: jsonContent(z.object({ members: z.array(TermSchema) }), 'Council'), ...errorResponses(404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const community = await communityBySlug(ctx.database.db, c.req.valid('param').slug);
      if (!community) return reasonAnswer(c, 'not_found');
      const terms = await listTerms(ctx.database.db, community.id, chinaDay(ctx.now()));
      return c.json({ members: terms.map(({ accountId: _a, ...t }) => t) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/communities/{slug}/council/terms',
      tags: ['council'],
      summary: 'Staff add a council term (chair or member) for a verified resident of the community',
      request: { params: Slug, body: jsonBody(TermInput) },
      responses: { 201: jsonContent(z.object({ id: z.string() }), 'Added'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => perform(c, addTermCase, c.req.valid('json'), { slug: c.req.valid('param').slug }, (v) => c.json({ id: v.id }, 201)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/council-terms/{id}/end',
      tags: ['council'],
      summary: 'Staff end a council term on a date; the role is revoked once no term covers today',
      request: { params: z.object({ id: z.string().min(1).max(64) }), body: jsonBody(EndTermInput) },
      responses: { 200: jsonContent(z.object({ ok: z.literal(true) }), 'Ended'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => perform(c, endTermCase, c.req.valid('json'), { termId: c.req.valid('param').id }, () => c.json({ ok: true as const }, 200)),
  );
