/** @module GET /api/audit: the public, hash-chained audit log, newest first, with its head. */
import { createRoute, z } from '@hono/zod-openapi';
import { typedInteger } from '../services/text-fields.ts';
import { createRouter, errorResponses, jsonContent } from '../http/router.ts';
import { listAudit, streamAuditNdjson } from '../services/audit.ts';
import { listCheckpoints, publishedKeys } from '../services/audit-checkpoints.ts';
import { auditDisclosure, listPending, publishedHead, withheldCounts } from '../services/audit-disclosure.ts';
import { dataTag, notModified } from '../http/conditional.ts';

const Query = z.strictObject({
  subjectType: z.string().max(40).optional(),
  subjectId: z.string().max(64).optional(),
  action: z.string().max(60).optional(),
  before: typedInteger(1, Number.MAX_SAFE_INTEGER).optional().openapi({ description: 'Page the published chain: entries with a smaller seq' }),
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    .optional()
    .openapi({ description: 'Page the pending entries: those written before this instant (an `at` from the previous page)', example: '2026-11-20T02:00:00.000Z' }),
  limit: typedInteger(1, 500)
    .optional()
    .openapi({ description: 'Most entries in each list (default 100). A page of pending entries ends on a whole instant: entries sharing its last entry’s time come with it, so paging by `until` skips none' }),
});

const Entry = z
  .object({
    seq: z.number(), at: z.string(), actorRole: z.string(), actorName: z.string(), action: z.string(), subjectType: z.string(), subjectId: z.string(),
    before: z.string().nullable(), after: z.string().nullable(), reason: z.string().nullable(), prevHash: z.string(), hash: z.string(),
  })
  .openapi('AuditEntry');

const Pending = z
  .object({
    at: z.string(), actorRole: z.string(), actorName: z.string(), action: z.string(), subjectType: z.string(), subjectId: z.string(),
    before: z.string().nullable(), after: z.string().nullable(), reason: z.string().nullable(),
  })
  .openapi('PendingAuditEntry');

const Withheld = z
  .object({ cycleId: z.string(), day: z.string().openapi({ description: 'China day, YYYY-MM-DD' }), action: z.string(), count: z.number() })
  .openapi('WithheldBallotCount');

const DESCRIPTION = `Newest first. \`items\` are entries of the published chain, with every hashed field: from them anyone can recompute each hash (SHA-256 of the canonical JSON of the public fields, a newline and the previous hash) up to \`head\`.

While a resident vote is open, that cycle's ballot entries (\`ballot.cast\`, \`paper_ballot.entered\`) are not listed one by one: \`withheld\` counts them per China day, for the days that have ended. So that the entries around them do not give away how many were left out and when, entries written since the start of the day the vote opened (\`pendingSince\`) are listed in \`pending\`, with what happened, who and when, but without seq or hashes, and \`head\` is the last entry before that day. When the vote closes, every entry appears in \`items\` in full and the whole chain verifies.

\`before\` pages \`items\` (and then \`pending\` is empty); \`until\` pages \`pending\` (and then \`items\` is empty). A signed-in auditor reads every entry in full (\`full\`: true).`;

const AuditPage = z.object({
  head: z.object({ seq: z.number(), hash: z.string() }),
  items: z.array(Entry),
  pending: z.array(Pending),
  pendingSince: z.string().nullable(),
  withheld: z.array(Withheld),
  full: z.boolean(),
});

const AuditKey = z
  .object({
    algorithm: z.literal('Ed25519'),
    publicKey: z.string().openapi({ description: 'The current key: raw Ed25519 public key, 64 lower-case hex' }),
    keys: z.array(z.string()).openapi({ description: 'Every key that has signed a checkpoint here, the current one first' }),
  })
  .openapi('AuditKey');

const CheckpointPage = z.object({
  items: z.array(
    z
      .object({
        id: z.number(), seq: z.number(), hash: z.string(), at: z.string(),
        reason: z.string().openapi({ description: 'daily, phase, vote_closed or manual' }),
        publicKey: z.string(), signature: z.string().openapi({ description: 'Ed25519, 128 lower-case hex' }),
      })
      .openapi('AuditCheckpoint'),
  ),
  next: z.number().nullable().openapi({ description: 'Pass as `after` for the next page; null on the last' }),
});

export const auditRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/audit',
    tags: ['audit'],
    summary: 'Audit log entries (public fields only) and the chain head; an open vote’s ballots as daily counts',
    description: DESCRIPTION,
    request: { query: Query },
    responses: {
      200: jsonContent(AuditPage, 'Entries'),
      304: { description: 'Not modified: the `If-None-Match` tag is still current (no entry written since, same day, same reader)' },
      ...errorResponses(400),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const ctx = c.get('ctx');
    const db = ctx.database;
    const d = await auditDisclosure(db, ctx.now(), c.get('auth')?.actor ?? null);
    // What the answer depends on besides the data and the day: who reads it (all of it, or the public part).
    const tag = await dataTag(c, d.full ? 'full' : 'public');
    const same = notModified(c, tag);
    if (same) return same as never;
    const filter = { subjectType: q.subjectType, subjectId: q.subjectId, action: q.action };
    const [head, items, pending, withheld] = await Promise.all([
      publishedHead(db, d),
      q.until ? [] : listAudit(db, { ...filter, beforeSeq: q.before, belowSeq: d.pendingFrom, limit: q.limit }),
      q.before ? [] : listPending(db, d, { ...filter, until: q.until, limit: q.limit }),
      withheldCounts(db, d, filter),
    ]);
    return c.json({ head, items, pending, pendingSince: d.pendingSince, withheld, full: d.full }, 200, { etag: tag, 'cache-control': 'no-cache', vary: 'Cookie' });
  },
)
  .openapi(
    createRoute({
      method: 'get',
      path: '/audit.ndjson',
      tags: ['audit'],
      summary: 'The whole published audit log as a download: one entry per line, oldest first (gzip when accepted)',
      description: `Every entry of the published chain in order, one JSON object per line (\`application/x-ndjson\`) with \`seq\`, the public fields, \`prevHash\` and \`hash\`, exactly as hashed (docs/audit-chain.md, also at /audit/spec). \`after\` gives only entries with a larger seq, so a mirror keeps up by asking for what follows the last entry it has. Compressed with gzip when the request accepts it. While a resident vote is open the published chain ends before the day it opened (see GET /api/audit); \`X-Audit-Head-Seq\` names the last entry this download will hold.`,
      request: {
        query: z.strictObject({
          after: typedInteger(0, Number.MAX_SAFE_INTEGER).optional().openapi({ description: 'Only entries with a larger seq (0, the default: all)' }),
        }),
      },
      responses: {
        200: {
          description: 'The entries, one JSON object per line',
          headers: { 'X-Audit-Head-Seq': { schema: { type: 'integer' }, description: 'The seq of the last published entry' } },
          content: { 'application/x-ndjson': { schema: z.string().openapi({ description: 'Lines of AuditEntry JSON' }) } },
        },
        304: { description: 'Not modified: the `If-None-Match` tag is still current' },
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const after = c.req.valid('query').after ?? 0;
      const d = await auditDisclosure(ctx.database, ctx.now(), c.get('auth')?.actor ?? null);
      const gzip = /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '');
      const tag = await dataTag(c, d.full ? 'full' : 'public', `after=${after}`, gzip ? 'gz' : 'id');
      const same = notModified(c, tag);
      if (same) return same as never;
      const head = await publishedHead(ctx.database, d);
      const body = streamAuditNdjson(ctx.database, { after, below: d.pendingFrom });
      const headers: Record<string, string> = {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'content-disposition': 'inline; filename="audit.ndjson"',
        'x-audit-head-seq': String(head.seq),
        'cache-control': 'no-cache',
        vary: 'Accept-Encoding, Cookie',
        etag: tag,
      };
      if (!gzip) return c.body(body, 200, headers) as never;
      return c.body(body.pipeThrough(new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>), 200, { ...headers, 'content-encoding': 'gzip' }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/audit/key',
      tags: ['audit'],
      summary: 'The public key that signs the audit log’s checkpoints (Ed25519)',
      responses: {
        200: jsonContent(AuditKey, 'The key'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json({ algorithm: 'Ed25519' as const, publicKey: ctx.auditKey.publicKey, keys: await publishedKeys(ctx) }, 200, { 'cache-control': 'no-cache' });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/audit/checkpoints',
      tags: ['audit'],
      summary: 'Signed checkpoints of the audit log, oldest first',
      description:
        'Each says: the published entry `seq` has hash `hash`, signed at `at` with the Ed25519 key `publicKey` over the UTF-8 bytes of "weishishi audit checkpoint\\n" followed by the canonical JSON of {at, hash, seq} (docs/audit-chain.md). Made daily, at every phase change, when a vote is counted, and on demand. Paged: pass `next` back as `after`.',
      request: {
        query: z.strictObject({
          after: typedInteger(0, Number.MAX_SAFE_INTEGER).optional().openapi({ description: 'The `next` of the previous page' }),
          limit: typedInteger(1, 1000).optional().openapi({ description: 'At most this many (default and most 1,000)' }),
        }),
      },
      responses: {
        200: jsonContent(CheckpointPage, 'Checkpoints'),
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listCheckpoints(c.get('ctx').database, { after: q.after, limit: q.limit }), 200, { 'cache-control': 'no-cache' });
    },
  );
