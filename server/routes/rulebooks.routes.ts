/**
 * @module Rulebook administration: read a district's versions, publish a new
 * version (district officers; shapes checked by zod, meaning by
 * validateRulebook), and bind a cycle to a version before its vote or
 * deliberation opens. Versions are never edited.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, fail, jsonBody, jsonContent } from '../http/router.ts';
import { perform } from '../http/use-case-route.ts';
import { getRulebook } from '../services/rulebooks.ts';
import { listDistricts, listRulebooks } from '../services/rulebook-admin.ts';
import { BindRulebookInput, bindRulebookCase, createRulebookCase, NewRulebookInput } from '../cases/rulebooks.ts';
import { CycleId, JsonObject, reasonAnswer } from './council-http.ts';

const District = z.object({ id: z.string().min(1).max(64).openapi({ example: 'd-lh' }) });

export const rulebookRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/districts/{id}/rulebooks',
      tags: ['rulebooks'],
      summary: 'Every version of a district’s rulebook, newest first, with the cycles bound to each',
      request: { params: District },
      responses: { 200: jsonContent(z.object({ items: z.array(JsonObject) }), 'Versions'), ...errorResponses(404) },
    }),
    async (c) => {
      const db = c.get('ctx').database.db;
      const id = c.req.valid('param').id;
      if (!(await listDistricts(db)).some((d) => d.id === id)) return fail(c, 404, 'not_found');
      const items = await listRulebooks(db, id);
      return c.json({ items: items.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/rulebooks/{id}',
      tags: ['rulebooks'],
      summary: 'One rulebook version',
      request: { params: z.object({ id: z.string().min(1).max(64) }) },
      responses: { 200: jsonContent(JsonObject, 'Rulebook'), ...errorResponses(404) },
    }),
    async (c) => {
      const r = await getRulebook(c.get('ctx').database.db, c.req.valid('param').id);
      if (!r) return reasonAnswer(c, 'not_found');
      return c.json(r, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/districts/{id}/rulebooks',
      tags: ['rulebooks'],
      summary: 'A district officer publishes a new rulebook version for a year (the next version number); meaning is checked by validateRulebook and problems come back per field',
      request: { params: District, body: jsonBody(NewRulebookInput) },
      responses: { 201: jsonContent(z.object({ id: z.string(), version: z.number() }), 'Published'), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => perform(c, createRulebookCase, c.req.valid('json'), { districtId: c.req.valid('param').id }, (v) => c.json({ id: v.id, version: v.version }, 201)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/rulebook',
      tags: ['rulebooks'],
      summary: 'A district officer binds a cycle to another version of the district’s rulebook for its year — only before its vote (or deliberation) opens; the version’s community budget becomes the cycle’s budget',
      request: { params: CycleId, body: jsonBody(BindRulebookInput) },
      responses: { 200: jsonContent(z.object({ ok: z.literal(true) }), 'Bound'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => perform(c, bindRulebookCase, c.req.valid('json'), { cycleId: c.req.valid('param').id }, () => c.json({ ok: true as const }, 200)),
  );
