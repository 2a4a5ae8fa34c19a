/** @module GET /api/audit: the public, hash-chained audit log, newest first, with its head. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses } from '../http/router.ts';
import { listAudit } from '../services/audit.ts';
import { auditDisclosure, listPending, publishedHead, withheldCounts } from '../services/audit-disclosure.ts';
import { dataTag, notModified } from '../http/conditional.ts';

const Query = z.strictObject({
  subjectType: z.string().max(40).optional(),
  subjectId: z.string().max(64).optional(),
  action: z.string().max(60).optional(),
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().openapi({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Page the published chain: entries with a smaller seq' }),
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    .optional()
    .openapi({ description: 'Page the pending entries: those written before this instant (an `at` from the previous page)', example: '2026-11-20T02:00:00.000Z' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
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

export const auditRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/audit',
    tags: ['audit'],
    summary: 'Audit log entries (public fields only) and the chain head; an open vote’s ballots as daily counts',
    description: DESCRIPTION,
    request: { query: Query },
    responses: {
      200: {
        description: 'Entries',
        content: {
          'application/json': {
            schema: z.object({
              head: z.object({ seq: z.number(), hash: z.string() }),
              items: z.array(Entry),
              pending: z.array(Pending),
              pendingSince: z.string().nullable(),
              withheld: z.array(Withheld),
              full: z.boolean(),
            }),
          },
        },
      },
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
);
