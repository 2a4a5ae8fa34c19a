/**
 * @module Proposing through the API: the live check, drafts (resident and
 * paper), editing, submitting, withdrawing, attachments. Money comes in as
 * yuan typed by a person ("35000", "3.5万") and goes out as integer fen.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, errorResponses, fail, jsonBody, jsonContent, refuse, type AppEnv } from '../http/router.ts';
import { perform, refused } from '../http/use-case-route.ts';
import { getAttachmentForDownload, getProposal, listMyProposals, proposalCheck, proposeNotice, type ProposalRefusal } from '../services/proposals.ts';
import { contentDisposition, isAttachmentMime } from '../services/uploads.ts';
import type { ProposalCheck } from '../domain/proposal-checks.ts';
import { capRuleText, fieldMessages, inLocale, warningText } from '#messages/proposal-words.ts';
import { say } from '#messages/say.ts';
import {
  AttachmentsForm,
  PaperBody,
  ProposalBody,
  ProposalDraftBody,
  WithdrawBody,
  attachCase,
  proposalRefusal,
  editDraftCase,
  paperProposalCase,
  proposeCase,
  removeAttachmentCase,
  submitDraftCase,
  withdrawProposalCase,
} from '../cases/proposals.ts';
import { docExample, docTerm } from '#http/doc-words.ts';

const CycleId = z.object({ id: z.string().min(1).max(64).openapi({ example: 'cy-lianhua-2026' }) });
const CODE_RE = /^[A-Z]{2,8}-[A-Z]{2,8}-\d{4}-\d{2,4}$/;
const Code = z.object({ code: z.string().regex(CODE_RE).openapi({ example: 'LTJD-LHSQ-2026-05' }) });

const CheckSchema = z
  .object({
    fields: z.record(z.string(), z.string()).openapi({ description: 'Blocking problems by field (over the cap names the cap)' }),
    capFen: z.number().int().nullable(),
    capRule: z.string().nullable().openapi({ example: docExample('capRule') }),
    costFen: z.number().int().nullable(),
    warnings: z.array(z.object({ term: z.string(), rule: z.string(), message: z.string() })),
    duplicates: z.array(z.object({ code: z.string(), title: z.string(), url: z.string(), sameAddress: z.boolean() })),
  })
  .openapi('ProposalCheck');

const AttachmentSchema = z.object({ id: z.string(), kind: z.string(), name: z.string(), mime: z.string(), sizeBytes: z.number().int(), url: z.string() });

const DraftSchema = z
  .object({
    code: z.string(),
    state: z.string(),
    title: z.string(),
    category: z.string(),
    theme: z.string(),
    description: z.string(),
    address: z.string(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    estimatedCostFen: z.number().int(),
    beneficiaries: z.string(),
    beneficiaryCount: z.number().int().nullable(),
    proposerType: z.string(),
    cycleId: z.string(),
    attachments: z.array(AttachmentSchema),
    check: CheckSchema,
    canEdit: z.boolean(),
    events: z.array(z.string()),
  })
  .openapi('Proposal');

function localCheck(check: ProposalCheck, locale: 'zh-CN' | 'en') {
  const words = say.participation.table(locale);
  return {
    fields: fieldMessages(check.fields, words, locale),
    capFen: check.capFen,
    capRule: check.capCategory ? capRuleText(check.capCategory, words, locale) : null,
    costFen: check.costFen,
    warnings: check.warnings.map((w) => ({ term: w.term, rule: inLocale(w.rule, locale), message: warningText(w, words, locale) })),
    duplicates: check.duplicates.map((d) => ({ code: d.code, title: d.title, url: `/projects/${d.code}`, sameAddress: d.sameAddress })),
  };
}

/** A refused proposal as an HTTP answer (the use cases' own words; an upload of the wrong type answers 415). */
const answerRefusal = (c: Context<AppEnv>, r: ProposalRefusal) => refused(c, proposalRefusal({ locale: c.get('locale') }, r));

const signInFirst = (c: Context<AppEnv>) => refuse(c, 'not_signed_in');

export const proposalRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/proposal-check',
      tags: ['proposals'],
      summary: 'Check a proposal as it is typed: the category cap, negative-list terms, likely duplicates in the community',
      request: { params: CycleId, body: jsonBody(ProposalDraftBody, { required: false }) },
      responses: {
        200: jsonContent(CheckSchema.extend({ canPropose: z.boolean(), whyNot: z.string().nullable() }), 'The check, and whether the caller could propose here now'),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const r = await proposalCheck(ctx, c.req.valid('param').id, c.req.valid('json'));
      if (!r.ok) return answerRefusal(c, r);
      const why = proposeNotice(r.bundle, c.get('auth')?.actor ?? null);
      return c.json({ ...localCheck(r.check, c.get('locale')), canPropose: why === null, whyNot: why }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/proposals',
      tags: ['proposals'],
      summary: 'Propose a micro-project (verified residents of the community, collection phase): creates a draft',
      request: { params: CycleId, body: jsonBody(ProposalBody) },
      responses: {
        201: jsonContent(z.object({ code: z.string(), state: z.string(), check: CheckSchema }), 'Draft created; warnings do not block'),
        ...errorResponses(400, 401, 403, 404, 409, 422, 429),
      },
    }),
    async (c) => perform(c, proposeCase, c.req.valid('json'), { cycleId: c.req.valid('param').id }, (v) => c.json({ code: v.code, state: v.state, check: localCheck(v.check, c.get('locale')) }, 201)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/paper-proposals',
      tags: ['proposals'],
      summary: `Staff of the community enter a paper needs form (${docTerm('needsForm')}) on a resident’s behalf; the record says it came on paper`,
      request: { params: CycleId, body: jsonBody(PaperBody) },
      responses: {
        201: jsonContent(z.object({ code: z.string(), state: z.string(), proposerType: z.literal('paper'), check: CheckSchema }), 'Recorded (and submitted, if asked)'),
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) =>
      perform(c, paperProposalCase, c.req.valid('json'), { cycleId: c.req.valid('param').id }, (v) =>
        // Recorded but not submitted: the API answers with the submission's refusal (the draft stays).
        v.notSubmitted ? refused(c, v.notSubmitted) : c.json({ code: v.code, state: v.state, proposerType: 'paper' as const, check: localCheck(v.check, c.get('locale')) }, 201),
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/proposals/mine',
      tags: ['proposals'],
      summary: 'My own proposals, drafts first',
      responses: {
        200: jsonContent(z.object({ items: z.array(z.object({ code: z.string(), title: z.string(), state: z.string(), cycleId: z.string(), estimatedCostFen: z.number().int() })) }), 'Proposals'),
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      if (!auth) return signInFirst(c);
      const items = await listMyProposals(c.get('ctx'), auth.account.id);
      return c.json({ items: items.map(({ updatedAt: _u, ...rest }) => rest) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/proposals/{code}',
      tags: ['proposals'],
      summary: 'A proposal as its proposer sees it (drafts included; paper drafts for staff), with attachments and checks',
      request: { params: Code },
      responses: { 200: jsonContent(DraftSchema, 'Proposal'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const v = await getProposal(ctx, c.req.valid('param').code, c.get('auth')?.actor ?? null);
      if (!v) return answerRefusal(c, { ok: false, code: 'not_found' });
      const p = v.project;
      return c.json(
        {
          code: p.code, state: p.state, title: p.title, category: p.category, theme: p.theme, description: p.description, address: p.address,
          lat: p.lat, lng: p.lng, estimatedCostFen: p.estimatedCostFen, beneficiaries: p.beneficiaries, beneficiaryCount: p.beneficiaryCount,
          proposerType: p.proposerType, cycleId: p.cycleId,
          attachments: v.attachments.map((a) => ({ id: a.id, kind: a.kind, name: a.originalName, mime: a.mime, sizeBytes: a.sizeBytes, url: `/api/attachments/${a.id}` })),
          check: localCheck(v.check, c.get('locale')),
          canEdit: v.editWhy === null,
          events: v.events,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/proposals/{code}',
      tags: ['proposals'],
      summary: 'Edit a draft (its proposer; staff for a paper draft), in the collection phase',
      request: { params: Code, body: jsonBody(ProposalBody) },
      responses: {
        200: jsonContent(z.object({ code: z.string(), changed: z.array(z.string()), check: CheckSchema }), 'Saved'),
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => perform(c, editDraftCase, c.req.valid('json'), { code: c.req.valid('param').code }, (v) => c.json({ code: v.code, changed: v.changed, check: localCheck(v.check, c.get('locale')) }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/proposals/{code}/submit',
      tags: ['proposals'],
      summary: 'Submit a draft to screening; over the category cap is refused (422 over_cap), negative-list terms only warn',
      request: { params: Code },
      responses: {
        200: jsonContent(z.object({ from: z.string(), to: z.string(), check: CheckSchema }), 'Submitted'),
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => perform(c, submitDraftCase, {}, { code: c.req.valid('param').code }, (v) => c.json({ from: v.from, to: v.to, check: localCheck(v.check, c.get('locale')) }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/proposals/{code}/withdraw',
      tags: ['proposals'],
      summary: 'Withdraw a proposal (its proposer; staff for a paper proposal) while the state machine allows',
      request: { params: Code, body: jsonBody(WithdrawBody, { required: false }) },
      responses: {
        200: jsonContent(z.object({ from: z.string(), to: z.string() }), 'Withdrawn'),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => perform(c, withdrawProposalCase, c.req.valid('json') ?? {}, { code: c.req.valid('param').code }, (v) => c.json({ from: v.from, to: v.to }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/proposals/{code}/attachments',
      tags: ['proposals'],
      summary: `Attach photos (JPEG, PNG, WebP) or PDFs to a draft: judged by content, at most 5 MB each and 6 per proposal`,
      request: {
        params: Code,
        body: { content: { 'multipart/form-data': { schema: AttachmentsForm } }, required: true },
      },
      responses: {
        201: jsonContent(z.object({ ids: z.array(z.string()) }), 'Attached'),
        ...errorResponses(400, 401, 403, 404, 409, 413, 422, 429),
        415: jsonContent(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Not a JPEG, PNG, WebP or PDF (by content)'),
      },
    }),
    async (c) => perform(c, attachCase, c.req.valid('form'), { code: c.req.valid('param').code }, (v) => c.json({ ids: v.ids }, 201)),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/proposals/{code}/attachments/{attachmentId}',
      tags: ['proposals'],
      summary: 'Remove an attachment from a draft',
      request: { params: Code.extend({ attachmentId: z.string().min(1).max(64) }) },
      responses: { 200: jsonContent(z.object({ removed: z.literal(true) }), 'Removed'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => perform(c, removeAttachmentCase, {}, c.req.valid('param'), (v) => c.json({ removed: v.removed }, 200)),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/attachments/{id}',
      tags: ['proposals'],
      summary: 'An attachment’s file, with its real content type; drafts’ attachments only for their proposer',
      request: { params: z.object({ id: z.string().min(1).max(64) }) },
      responses: {
        200: { description: 'The file', content: { 'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) }, 'image/png': { schema: z.string().openapi({ format: 'binary' }) }, 'image/webp': { schema: z.string().openapi({ format: 'binary' }) }, 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const r = await getAttachmentForDownload(ctx, c.req.valid('param').id, c.get('auth')?.actor ?? null);
      if (!r || !isAttachmentMime(r.row.mime)) return fail(c, 404, 'not_found');
      return c.body(r.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': r.row.mime,
        'content-length': String(r.bytes.length),
        'content-disposition': contentDisposition(r.row.originalName, r.row.mime),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        'cache-control': r.isPublic ? 'public, max-age=86400' : 'private, no-store',
      }) as never;
    },
  );
