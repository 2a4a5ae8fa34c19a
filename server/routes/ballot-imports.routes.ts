/**
 * @module Ballots of a vote held elsewhere: staff upload the .pb file, a
 * second person reviews its summary and approves or rejects it, and anyone
 * can read what was imported, its SHA-256 and who uploaded and approved it.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, errorResponses, fail, jsonBody, jsonContent, refuse, type AppEnv } from '../http/router.ts';
import { perform } from '../http/use-case-route.ts';
import { reasonCannot } from '../domain/permissions.ts';
import { getImport, importCommunity, importFileText, importTally, publicImports, PB_IMPORT_MAX_BYTES, type ImportSummary } from '../services/ballot-imports.ts';
import { BallotFileInput, ReviewInput, reviewBallotsCase, uploadBallotsCase } from '../cases/ballot-imports.ts';

export { PB_IMPORT_MAX_BYTES };

const CycleId = z.object({ id: z.string().min(1).max(64).openapi({ example: 'cy-xianhu-2026' }) });
const ImportId = z.object({ id: z.string().min(1).max(64) });
const Person = z.object({ name: z.string().nullable() });

const ImportSchema = z
  .object({
    id: z.string(),
    cycleId: z.string(),
    fileName: z.string(),
    status: z.enum(['running', 'pending', 'done', 'rejected', 'failed']).openapi({ description: 'running: storing; pending: stored, waiting for a second person; done: approved and counted; rejected; failed' }),
    total: z.number().int().openapi({ description: 'Voters (ballots) in the file' }),
    processed: z.number().int(),
    error: z.string().nullable(),
    sha256: z.string().nullable().openapi({ description: 'SHA-256 (hex) of the file as uploaded' }),
    createdAt: z.string(),
    uploadedBy: Person,
    reviewedBy: Person,
    reviewedAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
    tally: z.array(z.object({ code: z.string(), title: z.string(), voters: z.number().int(), points: z.number().int() })).openapi({ description: 'Ballots per project in the file (points for a points vote)' }),
  })
  .openapi('BallotImport');

async function view(c: Context<AppEnv>, s: ImportSummary) {
  return {
    id: s.id,
    cycleId: s.cycleId,
    fileName: s.fileName,
    status: s.status,
    total: s.total,
    processed: s.processed,
    error: s.error,
    sha256: s.sha256,
    createdAt: s.createdAt.toISOString(),
    uploadedBy: { name: s.uploadedBy.name },
    reviewedBy: { name: s.reviewedBy.name },
    reviewedAt: s.reviewedAt?.toISOString() ?? null,
    reviewNote: s.reviewNote,
    tally: s.status === 'pending' || s.status === 'done' ? await importTally(c.get('ctx').database, s.id) : [],
  };
}

export const ballotImportRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/ballot-imports',
      tags: ['voting'],
      summary: 'Staff: import the ballots of a vote held elsewhere (a pabulib .pb file; project ids are project codes, voter ids are register numbers of the community)',
      description:
        'Only for a cycle whose rulebook says its vote is held elsewhere, after that vote has closed and before it is counted, and when the cycle has no ballots of its own. Every voter id must be a register number of the community, each at most once, or the whole file is refused naming the lines. The ballots are stored in chunks (poll the progress) and then wait for a second person to approve them; only then do they count.',
      request: { params: CycleId, body: { content: { 'multipart/form-data': { schema: BallotFileInput } }, required: true } },
      responses: {
        202: jsonContent(z.object({ id: z.string(), total: z.number().int(), progress: z.string() }), 'Started'),
        ...errorResponses(400, 401, 403, 404, 409, 413, 422),
      },
    }),
    async (c) => perform(c, uploadBallotsCase, c.req.valid('form'), { cycleId: c.req.valid('param').id }, (r) => c.json({ id: r.importId, total: r.total, progress: `/api/ballot-imports/${r.importId}` }, 202)),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}/ballot-imports',
      tags: ['voting'],
      summary: 'A cycle’s imported ballot files: waiting for review, approved or rejected, with their SHA-256 and who uploaded and reviewed them (public)',
      request: { params: CycleId },
      responses: { 200: jsonContent(z.object({ items: z.array(ImportSchema) }), 'Imports, oldest first'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const db = c.get('ctx').database;
      const id = c.req.valid('param').id;
      if (!(await importCommunity(db, id))) return fail(c, 404, 'not_found');
      const items = await Promise.all((await publicImports(db, id)).map((s) => view(c, s)));
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/ballot-imports/{id}',
      tags: ['voting'],
      summary: 'One ballot import: its progress, status, SHA-256, ballots per project and who uploaded and reviewed it (public)',
      request: { params: ImportId },
      responses: { 200: jsonContent(ImportSchema, 'The import'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const imp = await getImport(c.get('ctx').database, c.req.valid('param').id);
      if (!imp) return fail(c, 404, 'not_found');
      return c.json(await view(c, imp), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/ballot-imports/{id}/file',
      tags: ['voting'],
      summary: 'The file as uploaded, for the people who review it and for auditors (it names register numbers, so it is not public; its SHA-256 is)',
      request: { params: ImportId },
      responses: { 200: { description: 'The .pb file', content: { 'text/plain': { schema: z.string() } } }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const auth = c.get('auth');
      if (!auth) return refuse(c, 'not_signed_in');
      const db = c.get('ctx').database;
      const imp = await getImport(db, c.req.valid('param').id);
      if (!imp) return fail(c, 404, 'not_found');
      const community = await importCommunity(db, imp.cycleId);
      const why = reasonCannot('review_ballot_import', { area: community!.place }, auth.actor) && reasonCannot('read_private_notes', { area: community!.place }, auth.actor);
      if (why) return refuse(c, why);
      const text = (await importFileText(db, imp.id)) ?? '';
      return c.body(text, 200, { 'content-type': 'text/plain; charset=utf-8', 'content-disposition': `attachment; filename="${imp.id}.pb"`, 'cache-control': 'no-store' }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/ballot-imports/{id}/review',
      tags: ['voting'],
      summary: 'The second person: approve a pending import (its ballots count and the vote is counted at once) or reject it with a published reason',
      description: 'Another staff member of the community or an officer of its street or district; never the person who uploaded the file.',
      request: { params: ImportId, body: jsonBody(ReviewInput) },
      responses: {
        200: jsonContent(z.object({ status: z.enum(['done', 'rejected']) }), 'Reviewed'),
        ...errorResponses(400, 401, 403, 404, 409, 413, 422),
      },
    }),
    async (c) => perform(c, reviewBallotsCase, c.req.valid('json'), { importId: c.req.valid('param').id }, (r) => c.json({ status: r.status }, 200)),
  );
