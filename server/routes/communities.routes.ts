/** @module Communities, their cycles, and the staff-only resident register. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, fail, jsonBody, jsonContent, refuse } from '../http/router.ts';
import { getCommunity, listCommunities } from '../services/catalog.ts';
import { ImportInput, exportRegister } from '../services/residents.ts';
import { perform } from '../http/use-case-route.ts';
import { importRegisterCase } from '../cases/register.ts';
import { clientKey } from '../http/middleware.ts';
import { auditActorOf } from '../services/accounts.ts';
import { say } from '#messages/say.ts';

const Slug = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/).openapi({ example: 'tongxin' }) });

const CycleSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    titleZh: z.string(),
    titleEn: z.string(),
    budgetFen: z.number().int(),
    phase: z.string().nullable(),
    phases: z.array(z.object({ phase: z.string(), startsOn: z.string(), endsOn: z.string() })),
  })
  .openapi('Cycle');

const CommunitySchema = z
  .object({
    slug: z.string(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    street: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    district: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  })
  .openapi('Community');

const notFound = (c: Parameters<typeof fail>[0]) => fail(c, 404, 'not_found', say.reasons(c.get('locale'), 'community.not_found'));

const RegisterSchema = z.object({
  items: z.array(z.object({ registerNo: z.string(), name: z.string(), address: z.string(), verificationCode: z.string(), claimed: z.boolean() })),
});

export const communityRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/communities',
      tags: ['places'],
      summary: 'Every community with its current cycle and phase',
      responses: {
        200: jsonContent(z.object({ items: z.array(CommunitySchema.extend({ currentCycle: CycleSchema.nullable(), projectCount: z.number() })) }), 'Communities'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const items = await listCommunities(ctx.database, ctx.now());
      return c.json({ items: items.map(({ place: _p, id: _id, ...rest }) => rest) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/communities/{slug}',
      tags: ['places'],
      summary: 'One community with all its cycles',
      request: { params: Slug },
      responses: {
        200: jsonContent(CommunitySchema.extend({ cycles: z.array(CycleSchema) }), 'Community'),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const found = await getCommunity(ctx.database, c.req.valid('param').slug, ctx.now());
      if (!found) return notFound(c);
      const { place: _p, id: _id, ...rest } = found;
      return c.json(rest, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/communities/{slug}/register',
      tags: ['residents'],
      summary: 'The resident register with verification codes (staff of the community only); each download is recorded in the audit log (who, when, how many rows)',
      request: { params: Slug },
      responses: {
        200: jsonContent(RegisterSchema, 'Register'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const found = await getCommunity(ctx.database, c.req.valid('param').slug, ctx.now());
      if (!found) return notFound(c);
      const auth = c.get('auth');
      if (!auth) return refuse(c, 'not_signed_in');
      const r = await exportRegister(ctx, found.place, auth.actor, auditActorOf(auth, 'staff'), { format: 'api', address: clientKey(c) });
      if (!r.ok) return refuse(c, r.code);
      return c.json({ items: r.rows.map(({ claimedAt, ...x }) => ({ ...x, claimed: claimedAt !== null })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/communities/{slug}/register',
      tags: ['residents'],
      summary: 'Import resident register rows from CSV (register_no,name,address[,phone]); existing numbers are skipped',
      request: { params: Slug, body: jsonBody(ImportInput) },
      responses: {
        200: jsonContent(z.object({ imported: z.number(), skipped: z.number() }), 'Imported'),
        ...errorResponses(400, 401, 403, 404, 413, 422),
      },
    }),
    async (c) => perform(c, importRegisterCase, c.req.valid('json'), c.req.valid('param'), (r) => c.json({ imported: r.imported, skipped: r.skipped }, 200)),
  );
