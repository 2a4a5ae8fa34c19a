/**
 * @module Programme statistics through the API: the city, a district, a
 * street or a community, for one year (`?year=`) or all years, as JSON or as
 * one of its tables in CSV (`?format=csv&table=`). Public: these are the
 * figures the programme answers for.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { typedInteger } from '../services/text-fields.ts';
import { createRouter, errorResponses, fail, type AppEnv } from '../http/router.ts';
import { FIGURE_KEYS } from '../domain/stats.ts';
import { placeStatsFor, type PlaceLevel } from '../services/stats.ts';
import { statsBody, statsCsv, STATS_TABLES } from '../services/stats-export.ts';
import { councilHealthFor } from '../services/council-health.ts';
import { HEALTH_FLAGS } from '../domain/council-health.ts';
import { say } from '#messages/say.ts';

const Query = z.strictObject({
  year: typedInteger(2000, 2100).optional().openapi({ description: 'One year; absent for all years together', example: 2025 }),
  format: z.enum(['json', 'csv']).optional().openapi({ description: 'json (default) or csv' }),
  table: z.enum(STATS_TABLES).optional().openapi({ description: 'For csv: places (the place and each child place, the default), years, categories or themes' }),
});
const Slug = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/).openapi({ example: 'lh' }) });

const Int = z.number().int();
const FigureFields = Object.fromEntries(FIGURE_KEYS.map((k) => [k, Int])) as Record<(typeof FIGURE_KEYS)[number], typeof Int>;
const RatioSchema = z.object({ num: Int, den: Int, value: z.number().nullable() }).openapi('Ratio');
const Ratios = z.object({ turnout: RatioSchema, paid_share: RatioSchema, proposals_per_1000_residents: z.number().nullable(), mean_satisfaction: z.number().nullable() });
const PlaceSchema = z.object({ level: z.enum(['city', 'district', 'street', 'community']), slug: z.string(), name: z.string(), name_zh: z.string(), name_en: z.string() });
const StatsSchema = z
  .object({
    place: PlaceSchema,
    parents: z.array(PlaceSchema),
    year: Int.nullable(),
    years: z.array(Int),
    ...FigureFields,
    ratios: Ratios,
    measures: z.object({ breadth: RatioSchema, participation: RatioSchema.extend({ previous: z.union([RatioSchema, z.null()]) }), grassroots: RatioSchema }),
    by_category: z.array(z.object({ category: z.string(), projects_adopted: Int, money_agreed_fen: Int, money_contracted_fen: Int, money_paid_fen: Int })),
    by_theme: z.array(z.object({ theme: z.string(), projects_adopted: Int, money_agreed_fen: Int })),
    by_year: z.array(z.object({ year: Int, ...FigureFields })),
    children: z.array(PlaceSchema.extend({ ...FigureFields, ratios: Ratios })),
    council_flags: z
      .array(z.object({ slug: z.string(), name_zh: z.string(), name_en: z.string(), flags: z.array(z.object({ code: z.enum(HEALTH_FLAGS), year: Int, cycle_id: z.string(), evidence: z.string() }).passthrough()) }))
      .openapi({ description: 'Communities whose councils look inactive in the period (not on a community\'s own statistics): README, "Council health"' }),
  })
  .openapi('PlaceStats', {
    description:
      'Figures of a place (integers; money in fen). projects_total counts the place\'s rows of /api/open-data/projects.json, money_paid_fen sums its rows of payments.json, and each integer field equals the sum of the children\'s. Definitions: README, "Programme statistics".',
  });

async function answer(c: Context<AppEnv>, level: PlaceLevel, slug: string, q: z.infer<typeof Query>) {
  const ctx = c.get('ctx');
  const locale = c.get('locale');
  const s = await placeStatsFor(ctx, level, slug, q.year ?? null);
  if (!s) return fail(c, 404, 'not_found', say.reasons(locale, 'stats.not_found'));
  if (q.format === 'csv') {
    const { fileName, text } = statsCsv(s, q.table ?? 'places', locale);
    return c.body(text, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'no-store' });
  }
  const flagged = level === 'community' ? [] : ((await councilHealthFor(ctx, level, slug, s.year)) ?? []);
  const council_flags = flagged.map((f) => ({ slug: f.slug, name_zh: f.nameZh, name_en: f.nameEn, flags: f.flags.map(({ communityId: _c, cycleId, ...rest }) => ({ ...rest, cycle_id: cycleId })) }));
  return c.json({ ...statsBody(s, locale), council_flags }, 200);
}

const ok = { description: 'Statistics', content: { 'application/json': { schema: StatsSchema }, 'text/csv': { schema: z.string() } } };

export const statsRoutes = createRouter()
  .openapi(
    createRoute({ method: 'get', path: '/stats/city', tags: ['statistics'], summary: 'Statistics of every place this site serves, with its districts', request: { query: Query }, responses: { 200: ok, ...errorResponses(400, 404) } }),
    (c) => answer(c, 'city', 'city', c.req.valid('query')) as never,
  )
  .openapi(
    createRoute({ method: 'get', path: '/stats/districts/{slug}', tags: ['statistics'], summary: "A district's statistics, with its streets (slug: the district's code in lower case)", request: { params: Slug, query: Query }, responses: { 200: ok, ...errorResponses(400, 404) } }),
    (c) => answer(c, 'district', c.req.valid('param').slug, c.req.valid('query')) as never,
  )
  .openapi(
    createRoute({ method: 'get', path: '/stats/streets/{slug}', tags: ['statistics'], summary: "A street's statistics, with its communities (slug: the street's code in lower case)", request: { params: Slug, query: Query }, responses: { 200: ok, ...errorResponses(400, 404) } }),
    (c) => answer(c, 'street', c.req.valid('param').slug, c.req.valid('query')) as never,
  )
  .openapi(
    createRoute({ method: 'get', path: '/stats/communities/{slug}', tags: ['statistics'], summary: "A community's statistics", request: { params: Slug, query: Query }, responses: { 200: ok, ...errorResponses(400, 404) } }),
    (c) => answer(c, 'community', c.req.valid('param').slug, c.req.valid('query')) as never,
  );
