/**
 * @module Open data through the API: the datasets as CSV or JSON, a closed
 * vote's anonymised ballots with the official result as a pabulib `.pb`
 * file and its counted receipt fingerprints (imports of ballots are in
 * ballot-imports.routes.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, errorResponses, fail, jsonContent, type AppEnv } from '../http/router.ts';
import type { AppContext } from '../context.ts';
import { dataTag, notModified } from '../http/conditional.ts';

/** Downloads carry an entity tag; a mirror that sends it back gets 304 while nothing changed. */
const NOT_MODIFIED = { 304: { description: 'Not modified: the `If-None-Match` tag is still current (nothing changed since)' } } as const;
const TAGGED = { headers: z.object({ etag: z.string().openapi({ description: 'Entity tag: send it back in `If-None-Match`' }) }) };
import { datasetStream, DATASETS, exportBallotsPb, exportCountedReceipts, type DatasetName } from '../services/open-data.ts';
import { say } from '#messages/say.ts';

const FILE_RE = new RegExp(`^(${DATASETS.join('|')})\\.(csv|json)$`);
const FileParam = z.object({ file: z.string().regex(FILE_RE).openapi({ example: 'payments.csv' }) });
const Filter = z.strictObject({ community: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(), cycle: z.string().min(1).max(64).optional() });
const CycleId = z.object({ id: z.string().min(1).max(64).openapi({ example: 'cy-xianhu-2026' }) });
type ClosedVoteExport = (database: AppContext['database'], cycleId: string, now: Date) => Promise<{ ok: true; text: string; fileName: string } | { ok: false; code: string }>;

/**
 * A file a closed vote publishes (its ballots, its counted receipts): tagged
 * for conditional GETs; 404 for no such cycle, 409 for a cycle without a
 * resident vote or whose vote is not yet counted (`notYet` says when it comes).
 */
async function closedVoteFile(c: Context<AppEnv>, load: ClosedVoteExport, notYet: 'openData.ballots_not_yet' | 'openData.receipts_not_yet') {
  const ctx = c.get('ctx');
  const tag = await dataTag(c);
  const same = notModified(c, tag);
  if (same) return same as never;
  const r = await load(ctx.database, c.req.param('id')!, ctx.now());
  const locale = c.get('locale');
  if (!r.ok) {
    if (r.code === 'not_found') return fail(c, 404, 'not_found', say.reasons(locale, 'openData.not_found')) as never;
    if (r.code === 'no_resident_vote') return fail(c, 409, r.code, say.reasons(locale, 'openData.no_resident_vote')) as never;
    return fail(c, 409, r.code, say.reasons(locale, notYet)) as never;
  }
  return c.body(r.text, 200, {
    'content-type': 'text/plain; charset=utf-8',
    'content-disposition': `attachment; filename="${r.fileName}"`,
    'cache-control': 'no-cache',
    etag: tag,
  }) as never;
}

export const openDataRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/open-data',
      tags: ['open data'],
      summary: 'The open datasets and where to download them',
      responses: { 200: jsonContent(z.object({ items: z.array(z.object({ name: z.string(), csv: z.string(), json: z.string() })) }), 'Datasets') },
    }),
    (c) => c.json({ items: DATASETS.map((name) => ({ name, csv: `/api/open-data/${name}.csv`, json: `/api/open-data/${name}.json` })) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/open-data/{file}',
      tags: ['open data'],
      summary: 'A dataset (projects, decisions, meetings, payments, progress, ratings) as CSV (UTF-8 with BOM) or JSON; no personal data',
      request: { params: FileParam, query: Filter },
      responses: {
        ...NOT_MODIFIED,
        200: {
          ...TAGGED,
          description: 'The dataset',
          content: {
            'application/json': { schema: z.object({ dataset: z.string(), columns: z.array(z.string()), items: z.array(z.record(z.string(), z.unknown())) }) },
            'text/csv': { schema: z.string() },
          },
        },
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const m = FILE_RE.exec(c.req.valid('param').file)!;
      const q = c.req.valid('query');
      const ctx = c.get('ctx');
      const tag = await dataTag(c);
      const same = notModified(c, tag);
      if (same) return same as never;
      // Streamed a page of rows at a time: a whole city's dataset never sits in memory.
      const name = m[1] as DatasetName;
      const format = m[2] as 'csv' | 'json';
      const body = datasetStream(ctx.database, name, { communitySlug: q.community, cycleId: q.cycle }, ctx.now(), format);
      if (format === 'json') return c.body(body, 200, { 'content-type': 'application/json', etag: tag, 'cache-control': 'no-cache' }) as never;
      return c.body(body, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.csv"`,
        'cache-control': 'no-cache',
        etag: tag,
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}/ballots.pb',
      tags: ['open data'],
      summary: 'After the vote closes: the anonymised ballots (shuffled, voter ids 1..n, no receipt codes) with the official result, as pabulib; money in yuan',
      request: { params: CycleId },
      responses: {
        ...NOT_MODIFIED,
        200: { ...TAGGED, description: 'The .pb file', content: { 'text/plain': { schema: z.string() } } },
        ...errorResponses(400, 404, 409),
      },
    }),
    (c) => closedVoteFile(c, exportBallotsPb, 'openData.ballots_not_yet'),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}/counted-receipts.txt',
      tags: ['open data'],
      summary: 'After the vote closes: the fingerprints of the counted ballots’ receipt codes, so a voter can check their ballot was counted',
      description: [
        'One line per counted ballot that has a receipt code: the SHA-256, in lower-case hex, of the code as printed (`ABCDE-FGH23`: upper case, with the hyphen), sorted, each line ending in a line feed; nothing else.',
        'Every ballot cast on this site has a receipt: online ballots, and paper ballots once two staff entries agree (staff hand the code to the voter). A ballot replaced by a later one was not counted and is not listed.',
        'So the number of lines equals the number of ballots in `ballots.pb`, less ballots imported from a vote held elsewhere (those have no receipt code).',
        'The list says nothing about what any ballot chose. The audit entry `cycle.vote_counted` written when the vote was counted carries `receipts: {count, sha256}`, the number of lines and the SHA-256 of this exact text.',
      ].join('\n\n'),
      request: { params: CycleId },
      responses: {
        ...NOT_MODIFIED,
        200: { ...TAGGED, description: 'The list', content: { 'text/plain': { schema: z.string() } } },
        ...errorResponses(400, 404, 409),
      },
    }),
    (c) => closedVoteFile(c, exportCountedReceipts, 'openData.receipts_not_yet'),
  );
