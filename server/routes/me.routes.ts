/**
 * @module 我的信息 over the API: everything the site holds about the signed-in
 * person as JSON, correcting their name and contact details and their own
 * register entry, and closing the account. The page /account/data's forms run
 * the same use cases (server/cases/my-data.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, jsonBody, jsonContent, refuse } from '../http/router.ts';
import { clientKey } from '../http/middleware.ts';
import { perform } from '../http/use-case-route.ts';
import { collectMyData, recordMyDataExport } from '../services/my-data.ts';
import { DetailsInput, RegisterCorrectionInput } from '../services/personal-details.ts';
import { CloseInput } from '../services/account-closure.ts';
import { correctDetailsCase, correctResidencyCase, closeAccountCase } from '../cases/my-data.ts';

const When = z.string().openapi({ description: 'ISO 8601, UTC' });
const Name = z.object({ nameZh: z.string(), nameEn: z.string() });
const Project = { projectCode: z.string(), projectTitle: z.string() };

const MyDataSchema = z
  .object({
    format: z.literal('weishishi-my-data/1'),
    exportedAt: When,
    account: z.object({ id: z.string(), username: z.string().nullable(), mobile: z.string().nullable(), displayName: z.string(), locale: z.string(), createdAt: When, passwordChangedAt: When.nullable(), closedAt: When.nullable() }),
    roles: z.array(z.object({ role: z.string(), scope: Name.extend({ kind: z.string(), id: z.string() }), grantedAt: When, revokedAt: When.nullable() })),
    councilTerms: z.array(z.object({ community: Name.extend({ slug: z.string() }), role: z.string(), startsOn: z.string(), endsOn: z.string().nullable() })),
    register: z.array(
      z.object({
        community: Name.extend({ slug: z.string() }),
        registerNo: z.string(),
        name: z.string(),
        address: z.string(),
        phone: z.string().nullable(),
        importedAt: When,
        verifiedAt: When.nullable(),
        awaitingVerification: z.boolean().openapi({ description: 'After a correction of name or address: waiting for the new slip' }),
      }),
    ),
    proposals: z.array(
      z.object({
        code: z.string(),
        state: z.string(),
        cycle: z.object({ titleZh: z.string(), titleEn: z.string() }),
        title: z.string(),
        category: z.string(),
        theme: z.string(),
        description: z.string(),
        address: z.string(),
        estimatedCostFen: z.number().int(),
        beneficiaries: z.string(),
        beneficiaryCount: z.number().int().nullable(),
        createdAt: When,
        updatedAt: When,
      }),
    ),
    attachments: z.array(z.object({ projectCode: z.string(), name: z.string(), mime: z.string(), sizeBytes: z.number().int(), sha256: z.string(), createdAt: When })),
    comments: z.array(z.object({ ...Project, body: z.string(), createdAt: When, hidden: z.object({ at: When, reason: z.string() }).nullable(), officialReplies: z.number().int() })),
    officialReplies: z.array(z.object({ ...Project, role: z.string(), name: z.string(), body: z.string(), createdAt: When })),
    ratings: z.array(z.object({ ...Project, score: z.number().int(), comment: z.string().nullable(), createdAt: When })),
    objections: z.array(z.object({ ...Project, reason: z.string(), status: z.string(), answer: z.string().nullable(), createdAt: When, answeredAt: When.nullable() })),
    notifications: z.array(z.object({ kind: z.string(), messageZh: z.string(), messageEn: z.string(), createdAt: When, readAt: When.nullable() })),
    ballots: z
      .array(
        z.object({
          cycle: z.object({ id: z.string(), titleZh: z.string(), titleEn: z.string() }),
          channel: z.enum(['online', 'paper']),
          castAt: When,
          replacedAt: When.nullable(),
          status: z.enum(['vote_open', 'counted', 'replaced']),
        }),
      )
      .openapi({ description: 'Which vote, how and when, and whether it counted — never what the ballot said, nor its receipt code' }),
    paperBallots: z.array(z.object({ cycle: z.object({ id: z.string(), titleZh: z.string(), titleEn: z.string() }), status: z.string(), enteredAt: When })),
    screeningOpinions: z.array(z.object({ ...Project, stance: z.string(), body: z.string(), createdAt: When })),
    councilVotes: z.array(z.object({ meetingId: z.string(), ...Project, vote: z.string(), recordedAt: When })),
    meetingAttendance: z.array(z.object({ meetingId: z.string(), present: z.boolean(), recordedAt: When })),
    securityLog: z.array(z.object({ at: When, kind: z.string(), what: z.string(), outcome: z.string(), address: z.string().nullable() })),
    sessions: z.array(z.object({ createdAt: When, expiresAt: When, current: z.boolean() })),
    trustedDevices: z.array(z.object({ createdAt: When, lastUsedAt: When })),
    auditEntries: z.array(z.object({ seq: z.number().int(), at: z.string(), action: z.string(), subjectType: z.string(), subjectId: z.string() })),
    officialActs: z.array(z.object({ table: z.string(), column: z.string(), nameZh: z.string(), nameEn: z.string(), count: z.number().int() })).openapi({ description: 'How many records of each kind an official made in office (public under their name)' }),
  })
  .openapi('MyData');

const Slug = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/).openapi({ example: 'lianhua' }) });

export const meRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/me/data',
      tags: ['my data'],
      summary: 'Everything the site holds about me, as JSON (recorded in the security log: who and when, never what)',
      request: { query: z.strictObject({ download: z.enum(['1']).optional().openapi({ description: '`1`: as a file to save (Content-Disposition: attachment)' }) }) },
      responses: {
        200: jsonContent(MyDataSchema, 'My data'),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const auth = c.get('auth');
      if (!auth) return refuse(c, 'not_signed_in');
      const data = await collectMyData(ctx, auth.account.id, auth.sessionId);
      if (!data) return refuse(c, 'not_signed_in');
      await recordMyDataExport(ctx, { accountId: auth.account.id, format: 'json', address: clientKey(c) });
      c.header('cache-control', 'no-store');
      if (c.req.valid('query').download === '1') c.header('content-disposition', `attachment; filename="my-data-${ctx.now().toISOString().slice(0, 10)}.json"`);
      return c.json(JSON.parse(JSON.stringify(data)) as z.infer<typeof MyDataSchema>, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/details',
      tags: ['my data'],
      summary: 'Correct my name and mobile number (an empty mobile removes it, if the account has a username)',
      request: { body: jsonBody(DetailsInput) },
      responses: {
        200: jsonContent(z.object({ changed: z.array(z.enum(['displayName', 'mobile'])) }), 'Corrected (the fields that changed; none if nothing did)'),
        ...errorResponses(400, 401, 409, 422),
      },
    }),
    async (c) => perform(c, correctDetailsCase, c.req.valid('json'), undefined, (v) => c.json(v, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/residencies/{slug}',
      tags: ['my data'],
      summary: 'Correct my entry on the register of a community where I verified residency; a new name or address pauses residency until a new slip is entered',
      request: { params: Slug, body: jsonBody(RegisterCorrectionInput) },
      responses: {
        200: jsonContent(
          z.object({ changed: z.array(z.enum(['name', 'address', 'phone'])), reverify: z.boolean().openapi({ description: 'Residency here is paused until the code of a new slip is entered' }) }),
          'Corrected',
        ),
        ...errorResponses(400, 401, 403, 409),
      },
    }),
    async (c) => perform(c, correctResidencyCase, c.req.valid('json'), { slug: c.req.valid('param').slug }, (v) => c.json(v, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/close',
      tags: ['my data'],
      summary: 'Close my account: personal data erased, every session ended, the public record kept (see README, “My data”)',
      request: { body: jsonBody(CloseInput) },
      responses: { 204: { description: 'Closed and signed out everywhere' }, ...errorResponses(400, 401, 409, 422) },
    }),
    async (c) => perform(c, closeAccountCase, c.req.valid('json'), undefined, () => c.body(null, 204)),
  );
