/**
 * @module Open data through the API: the datasets as CSV or JSON, a closed
 * vote's anonymised ballots with the official result as a pabulib `.pb`
 * file, and the staff import of a `.pb` file as a cycle's ballots with its
 * progress.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, errorResponses, fail, refuse, type AppEnv } from '../http/router.ts';
import { actingRole, auditActorOf } from '../services/accounts.ts';
import { reasonCannot } from '../domain/permissions.ts';
import { cycleCommunity, dataset, datasetCsv, DATASETS, exportBallotsPb, getImport, importBallotsPb, importRefusalMessage, PB_IMPORT_MAX_BYTES, type DatasetName, type ImportRefusal } from '../services/open-data.ts';

export { PB_IMPORT_MAX_BYTES };

const FILE_RE = new RegExp(`^(${DATASETS.join('|')})\\.(csv|json)$`);
const FileParam = z.object({ file: z.string().regex(FILE_RE).openapi({ example: 'payments.csv' }) });
const Filter = z.strictObject({ community: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(), cycle: z.string().min(1).max(64).optional() });
const CycleId = z.object({ id: z.string().min(1).max(64).openapi({ example: 'cy-xianhu-2026' }) });
const FileField = z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File).openapi({ type: 'string', format: 'binary' });

const ImportSchema = z
  .object({ id: z.string(), cycleId: z.string(), fileName: z.string(), status: z.enum(['running', 'done', 'failed']), total: z.number().int(), processed: z.number().int(), error: z.string().nullable() })
  .openapi('BallotImport');

function answerImport(c: Context<AppEnv>, r: ImportRefusal) {
  if (r.code !== 'not_found' && !['no_resident_vote', 'vote_already_counted', 'import_running', 'invalid_file', 'vote_type_mismatch', 'unknown_projects', 'already_imported'].includes(r.code)) {
    return refuse(c, r.code as Parameters<typeof refuse>[1]);
  }
  const a = importRefusalMessage(r, c.get('locale'));
  return fail(c, a.status, a.code, a.message);
}

export const openDataRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/open-data',
      tags: ['open data'],
      summary: 'The open datasets and where to download them',
      responses: { 200: { description: 'Datasets', content: { 'application/json': { schema: z.object({ items: z.array(z.object({ name: z.string(), csv: z.string(), json: z.string() })) }) } } } },
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
        200: {
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
      const d = await dataset(ctx.database, m[1] as DatasetName, { communitySlug: q.community, cycleId: q.cycle }, ctx.now());
      if (m[2] === 'json') return c.json({ dataset: d.name, columns: d.columns, items: d.rows }, 200);
      return c.body(datasetCsv(d), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${d.name}.csv"`,
        'cache-control': 'no-store',
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
        200: { description: 'The .pb file', content: { 'text/plain': { schema: z.string() } } },
        ...errorResponses(400, 404, 409),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const r = await exportBallotsPb(ctx.database, c.req.valid('param').id, ctx.now());
      const en = c.get('locale') === 'en';
      if (!r.ok) {
        if (r.code === 'not_found') return fail(c, 404, 'not_found', en ? 'No such cycle' : '没有这个轮次');
        if (r.code === 'no_resident_vote') return fail(c, 409, r.code, en ? 'This cycle has no resident vote.' : '本轮不设居民投票。');
        return fail(c, 409, r.code, en ? 'The ballots are published after the vote closes and is counted.' : '居民投票结束并计票后才公布选票。');
      }
      return c.body(r.text, 200, {
        'content-type': 'text/plain; charset=utf-8',
        'content-disposition': `attachment; filename="${r.fileName}"`,
        'cache-control': 'no-store',
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/ballot-imports',
      tags: ['open data'],
      summary: 'Staff: import a pabulib .pb file as the cycle’s ballots (project ids are project codes); runs in chunks, poll its progress',
      request: { params: CycleId, body: { content: { 'multipart/form-data': { schema: z.object({ file: FileField }) } }, required: true } },
      responses: {
        202: { description: 'Started', content: { 'application/json': { schema: z.object({ id: z.string(), total: z.number().int(), progress: z.string() }) } } },
        ...errorResponses(400, 401, 403, 404, 409, 413, 422),
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      if (!auth) return refuse(c, 'not_signed_in');
      const f = c.req.valid('form').file;
      if (f.size > PB_IMPORT_MAX_BYTES) return fail(c, 413, 'payload_too_large');
      const text = new TextDecoder('utf-8').decode(await f.arrayBuffer());
      const r = await importBallotsPb(c.get('ctx'), c.req.valid('param').id, { name: f.name, text }, { actor: auth.actor, auditActor: auditActorOf(auth, actingRole(auth, ['staff'])) });
      if (!r.ok) return answerImport(c, r);
      // The import goes on after the answer; its outcome is recorded on the import itself.
      r.done.catch((err) => console.error('[import] unexpected', err));
      return c.json({ id: r.importId, total: r.total, progress: `/api/ballot-imports/${r.importId}` }, 202);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/ballot-imports/{id}',
      tags: ['open data'],
      summary: 'Staff: the progress of a ballot import (processed of total)',
      request: { params: z.object({ id: z.string().min(1).max(64) }) },
      responses: { 200: { description: 'Progress', content: { 'application/json': { schema: ImportSchema } } }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const auth = c.get('auth');
      if (!auth) return refuse(c, 'not_signed_in');
      const db = c.get('ctx').database;
      const imp = await getImport(db, c.req.valid('param').id);
      if (!imp) return fail(c, 404, 'not_found');
      const community = await cycleCommunity(db, imp.cycleId);
      const why = reasonCannot('enter_paper', { area: community!.place }, auth.actor);
      if (why) return refuse(c, why);
      return c.json({ id: imp.id, cycleId: imp.cycleId, fileName: imp.fileName, status: imp.status, total: imp.total, processed: imp.processed, error: imp.error }, 200);
    },
  );
