/**
 * @module Rulebook administration: read a district's versions, publish a new
 * version (district officers; shapes checked by zod, meaning by
 * validateRulebook), and bind a cycle to a version before its vote or
 * deliberation opens. Versions are never edited.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, fail } from '../http/router.ts';
import { RESULT_RULES, VOTE_HELD, VOTE_EFFECTS, SCREENING_MODES, VOTE_METHODS } from '../domain/rulebook.ts';
import { getRulebook } from '../services/rulebooks.ts';
import { bindCycleRulebook, createRulebookVersion, issueFields, listDistricts, listRulebooks } from '../services/rulebook-admin.ts';
import { actorOf, CycleId, JsonObject, reasonAnswer } from './council-http.ts';

const Bilingual = z.strictObject({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(300) });
const Fen = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Fraction = z.strictObject({ num: z.number().int().min(0).max(1000), den: z.number().int().min(1).max(1000) });
export const RulebookSettingsInput = z
  .strictObject({
    categories: z.array(z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), name: Bilingual, capFen: Fen })).min(1).max(20),
    themes: z.array(z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), name: Bilingual })).max(40),
    communityBudgetFen: Fen,
    quorum: Fraction.extend({ strict: z.literal(true) }),
    passThreshold: Fraction,
    noticeDays: z.number().int().min(1).max(90),
    negativeList: z.array(z.strictObject({ term: z.string().trim().min(1).max(40), rule: Bilingual })).max(60),
    vote: z.strictObject({
      method: z.enum(VOTE_METHODS),
      maxChoices: z.number().int().positive().max(100).optional(),
      minShare: Fraction.optional(),
      points: z.number().int().positive().max(1000).optional(),
      maxPerProject: z.number().int().positive().max(1000).optional(),
      effect: z.enum(VOTE_EFFECTS).optional().openapi({ description: 'What the vote decides: `binding` (only the projects it funds go to the council; the default) or `advisory` (held and published, the shortlist follows it, but the council may also take up projects it did not choose). Not with method `none`.' }),
      held: z.enum(VOTE_HELD).optional().openapi({ description: 'Where the resident vote is held: `here` (online and paper ballots on this site; the default) or `elsewhere` (an offline vote whose ballots are imported afterwards as a .pb file and count once a second person approves the import).' }),
    }),
    resultRule: z.enum(RESULT_RULES),
    screening: z.enum(SCREENING_MODES).optional().openapi({ description: 'When proposals are screened: `after_collection` (in the screening phase; the default) or `rolling` (as they come in, during collection too).' }),
  })
  .openapi('RulebookSettings');

const District = z.object({ id: z.string().min(1).max(64).openapi({ example: 'd-lh' }) });

export const rulebookRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/districts/{id}/rulebooks',
      tags: ['rulebooks'],
      summary: 'Every version of a district’s rulebook, newest first, with the cycles bound to each',
      request: { params: District },
      responses: { 200: { description: 'Versions', content: { 'application/json': { schema: z.object({ items: z.array(JsonObject) }) } } }, ...errorResponses(404) },
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
      responses: { 200: { description: 'Rulebook', content: { 'application/json': { schema: JsonObject } } }, ...errorResponses(404) },
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
      request: { params: District, body: { content: { 'application/json': { schema: z.strictObject({ year: z.number().int().min(2000).max(2100), settings: RulebookSettingsInput }) } }, required: true } },
      responses: { 201: { description: 'Published', content: { 'application/json': { schema: z.object({ id: z.string(), version: z.number() }) } } }, ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const r = await createRulebookVersion(c.get('ctx'), { districtId: c.req.valid('param').id, year: body.year, settings: body.settings }, c.get('auth')?.actor ?? null, actorOf(c, ['officer']));
      if (!r.ok) return reasonAnswer(c, r.code, { fields: 'issues' in r ? issueFields(r.issues, c.get('locale')) : undefined });
      return c.json({ id: r.id, version: r.version }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/rulebook',
      tags: ['rulebooks'],
      summary: 'A district officer binds a cycle to another version of the district’s rulebook for its year — only before its vote (or deliberation) opens; the version’s community budget becomes the cycle’s budget',
      request: { params: CycleId, body: { content: { 'application/json': { schema: z.strictObject({ rulebookId: z.string().min(1).max(64) }) } }, required: true } },
      responses: { 200: { description: 'Bound', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const r = await bindCycleRulebook(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').rulebookId, c.get('auth')?.actor ?? null, actorOf(c, ['officer']));
      if (!r.ok) return reasonAnswer(c, r.code, { project: r.category });
      return c.json({ ok: true as const }, 200);
    },
  );
