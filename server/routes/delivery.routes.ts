/**
 * @module Delivery through the API: a project's delivery record (public);
 * the agreement (立项), start, progress reports with photos, payments,
 * acceptance (验收), resume after a failed acceptance, closing the
 * satisfaction survey and archiving (staff); a cycle's money and the
 * delivery tracker (public). Money comes in as yuan typed by a person
 * ("276000", "27.6万") and goes out as integer fen.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, fail, jsonBody, jsonContent } from '../http/router.ts';
import { perform, refused } from '../http/use-case-route.ts';
import { getDelivery, loadProject } from '../services/delivery.ts';
import { cycleMoney } from '../services/disclosure.ts';
import { trackerPage, TRACKER_PAGE_SIZE } from '../services/tracker.ts';
import { typedInteger } from '../services/text-fields.ts';
import { TRACKED_STATES } from '../domain/delivery.ts';
import {
  AcceptanceInput,
  AgreementInput,
  AmendmentInput,
  PaymentInput,
  ProgressInput,
  ResumeInput,
  acceptanceCase,
  amendAgreementCase,
  archiveCase,
  closeSurveyCase,
  paymentCase,
  progressCase,
  recordAgreementCase,
  resumeCase,
  startCase,
} from '../cases/delivery.ts';
import { noSuchProject } from '../cases/projects.ts';
import { docTerm } from '#http/doc-words.ts';

const CODE_RE = /^[A-Z]{2,8}-[A-Z]{2,8}-\d{4}-\d{2,4}$/;
const Code = z.object({ code: z.string().regex(CODE_RE).openapi({ example: 'SGJD-SXSQ-2026-01' }) });
const CycleId = z.object({ id: z.string().min(1).max(64).openapi({ example: 'cy-sunxi-2026' }) });

const Step = z.object({ from: z.string(), to: z.string() });

const DeliverySchema = z
  .object({
    code: z.string(),
    state: z.string(),
    agreement: z
      .object({
        implementerName: z.string(),
        implementerType: z.string(),
        registrationNo: z.string(),
        implementerRating: z.number().int().nullable(),
        agreementDate: z.string(),
        agreedAmountFen: z.number().int(),
        plannedStart: z.string(),
        plannedEnd: z.string(),
      })
      .nullable(),
    reports: z.array(z.object({ reportedOn: z.string(), percent: z.number().int(), body: z.string(), photos: z.array(z.object({ url: z.string(), sha256: z.string() })) })),
    payments: z.array(z.object({ batchNo: z.number().int(), paidOn: z.string(), amountFen: z.number().int(), note: z.string() })),
    acceptances: z.array(z.object({ result: z.string(), acceptedOn: z.string(), inspector: z.string(), notes: z.string() })),
    findings: z.array(z.object({ severity: z.string(), body: z.string(), recordedAt: z.string() })),
    paidFen: z.number().int(),
    leftFen: z.number().int().nullable(),
    percent: z.number().int().nullable(),
    overdue: z.boolean(),
    daysLate: z.number().int().nullable(),
  })
  .openapi('Delivery');

const MoneySchema = z
  .object({
    cycleId: z.string(),
    budgetFen: z.number().int(),
    adoptedFen: z.number().int(),
    contractedFen: z.number().int(),
    paidFen: z.number().int(),
    remainingFen: z.number().int(),
    unpaidFen: z.number().int(),
    projects: z.array(z.object({ code: z.string(), title: z.string(), state: z.string(), estimatedCostFen: z.number().int(), agreedFen: z.number().int().nullable(), paidFen: z.number().int() })),
  })
  .openapi('CycleMoney');

const TrackerSchema = z.object({
  today: z.string(),
  total: z.number().int().openapi({ description: 'Tracked projects that match, on every page' }),
  late: z.number().int().openapi({ description: 'Of them, overdue' }),
  page: z.number().int().openapi({ description: 'This page (from 1)' }),
  pages: z.number().int().openapi({ description: 'How many pages (at least 1)' }),
  items: z.array(z.object({ code: z.string(), title: z.string(), state: z.string(), communitySlug: z.string(), plannedEnd: z.string().nullable(), percent: z.number().int().nullable(), agreedFen: z.number().int().nullable(), paidFen: z.number().int(), overdue: z.boolean(), daysLate: z.number().int().nullable() })),
});

export const deliveryRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/projects/{code}/delivery',
      tags: ['delivery'],
      summary: 'A project’s delivery record: agreement, progress reports with photos, payments, acceptance, audit findings, overdue',
      request: { params: Code },
      responses: { 200: jsonContent(DeliverySchema, 'Delivery'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const loaded = await loadProject(ctx.database.db, { code: c.req.valid('param').code }, ctx.now());
      if (!loaded) return refused(c, noSuchProject({ locale: c.get('locale') }));
      const d = await getDelivery(ctx.database.db, loaded.project, ctx.now());
      const a = d.agreement;
      return c.json(
        {
          code: loaded.project.code,
          state: loaded.project.state,
          agreement: a
            ? { implementerName: a.implementerName, implementerType: a.implementerType, registrationNo: a.registrationNo, implementerRating: a.implementerRating, agreementDate: a.agreementDate, agreedAmountFen: a.agreedAmountFen, plannedStart: a.plannedStart, plannedEnd: a.plannedEnd }
            : null,
          reports: d.reports.map((r) => ({ reportedOn: r.reportedOn, percent: r.percent, body: r.body, photos: r.photos.map((p) => ({ url: `/api/attachments/${p.id}`, sha256: p.sha256 })) })),
          payments: d.payments.map((p) => ({ batchNo: p.batchNo, paidOn: p.paidOn, amountFen: p.amountFen, note: p.note })),
          acceptances: d.acceptances.map((x) => ({ result: x.result, acceptedOn: x.acceptedOn, inspector: x.inspector, notes: x.notes })),
          findings: d.findings.map((f) => ({ severity: f.severity, body: f.body, recordedAt: f.createdAt.toISOString() })),
          paidFen: d.paidFen,
          leftFen: d.leftFen,
          percent: d.percent,
          overdue: d.overdue.overdue,
          daysLate: d.overdue.overdue ? d.overdue.daysLate : null,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/agreement',
      tags: ['delivery'],
      summary: `Record the agreement of an approved project (${docTerm('agreement')}): implementer, amount, planned dates; optionally start the work`,
      request: { params: Code, body: jsonBody(AgreementInput) },
      responses: { 201: jsonContent(z.object({ state: z.string() }), 'Recorded'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => perform(c, recordAgreementCase, c.req.valid('json'), c.req.valid('param'), (r) => c.json({ state: r.state }, 201)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/agreement/amendments',
      tags: ['delivery'],
      summary: `Amend the agreement (${docTerm('amendment')}) with a published reason; the amount may not drop below what was paid`,
      request: { params: Code, body: jsonBody(AmendmentInput) },
      responses: { 200: jsonContent(z.object({ amended: z.literal(true) }), 'Amended'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => perform(c, amendAgreementCase, c.req.valid('json'), c.req.valid('param'), () => c.json({ amended: true as const }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/start',
      tags: ['delivery'],
      summary: 'Start the work of an approved project whose agreement is recorded',
      request: { params: Code },
      responses: { 200: jsonContent(Step, 'Started'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => perform(c, startCase, {}, c.req.valid('param'), (r) => c.json({ from: r.from, to: r.to }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/progress',
      tags: ['delivery'],
      summary: 'A progress report (date, percent, text) with up to 6 photos (JPEG, PNG, WebP by content, 5 MB each)',
      request: { params: Code, body: { content: { 'multipart/form-data': { schema: ProgressInput } }, required: true } },
      responses: {
        201: jsonContent(z.object({ photos: z.number().int() }), 'Reported'),
        ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
      },
    }),
    async (c) => perform(c, progressCase, c.req.valid('form'), c.req.valid('param'), (r) => c.json({ photos: r.photoIds.length }, 201)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/payments',
      tags: ['delivery'],
      summary: 'A payment batch; refused (422 over_agreed_amount, naming the amounts) when the batches would exceed the agreed amount',
      request: { params: Code, body: jsonBody(PaymentInput) },
      responses: {
        201: jsonContent(z.object({ batchNo: z.number().int(), paidFen: z.number().int(), agreedFen: z.number().int() }), 'Recorded'),
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => perform(c, paymentCase, c.req.valid('json'), c.req.valid('param'), (r) => c.json({ batchNo: r.batchNo, paidFen: r.paidFen, agreedFen: r.agreedFen }, 201)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/acceptance',
      tags: ['delivery'],
      summary: 'Record an acceptance inspection: pass → accepted; fail (notes required, published) → acceptance_failed',
      request: { params: Code, body: jsonBody(AcceptanceInput) },
      responses: { 201: jsonContent(Step, 'Recorded'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => perform(c, acceptanceCase, c.req.valid('json'), c.req.valid('param'), (r) => c.json({ from: r.from, to: r.to }, 201)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/resume',
      tags: ['delivery'],
      summary: 'After a failed acceptance, return the rectified work to implementation',
      request: { params: Code, body: jsonBody(ResumeInput, { required: false }) },
      responses: { 200: jsonContent(Step, 'Resumed'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => perform(c, resumeCase, c.req.valid('json') ?? {}, c.req.valid('param'), (r) => c.json({ from: r.from, to: r.to }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/survey/close',
      tags: ['delivery'],
      summary: 'Close the satisfaction survey of an accepted project (→ evaluated); its figures go into the audit log',
      request: { params: Code },
      responses: {
        200: jsonContent(Step.extend({ responses: z.number().int(), satisfied: z.number().int() }), 'Closed'),
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => perform(c, closeSurveyCase, {}, c.req.valid('param'), (r) => c.json({ from: r.from, to: r.to, responses: r.satisfaction.count, satisfied: r.satisfaction.satisfied }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/projects/{code}/archive',
      tags: ['delivery'],
      summary: 'Archive an audited project (staff or officer)',
      request: { params: Code },
      responses: { 200: jsonContent(Step, 'Archived'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => perform(c, archiveCase, {}, c.req.valid('param'), (r) => c.json({ from: r.from, to: r.to }, 200)),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}/money',
      tags: ['delivery'],
      summary: 'A cycle’s money: budget, adopted, contracted, paid, remaining (budget − adopted projects at their agreed amount once signed), per project',
      request: { params: CycleId },
      responses: { 200: jsonContent(MoneySchema, 'Money'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const m = await cycleMoney(ctx.database, c.req.valid('param').id, ctx.now());
      if (!m) return fail(c, 404, 'not_found');
      return c.json(
        {
          cycleId: m.cycle.id,
          budgetFen: m.budgetFen,
          adoptedFen: m.adoptedFen,
          contractedFen: m.contractedFen,
          paidFen: m.paidFen,
          remainingFen: m.remainingFen,
          unpaidFen: m.unpaidFen,
          projects: m.projects.map((p) => ({ code: p.code, title: p.title, state: p.state, estimatedCostFen: p.estimatedCostFen, agreedFen: p.agreedFen, paidFen: p.paidFen })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tracker',
      tags: ['delivery'],
      summary: 'The delivery tracker: projects from approval on, overdue first, fifty to a page',
      description:
        'Projects from approval on, overdue first (the earliest planned end first), then by state along the pipeline, then by code, ' +
        `${TRACKER_PAGE_SIZE} to a page (a city tracks tens of thousands): \`total\` and \`late\` count every match, \`pages\` says how many pages there are, and a \`page\` past the last gives the last.`,
      request: {
        query: z.strictObject({
          community: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
          state: z.enum(TRACKED_STATES as unknown as [string, ...string[]]).optional(),
          page: typedInteger(1, 100_000).optional().openapi({ description: `Which page of ${TRACKER_PAGE_SIZE} (from 1; default 1)` }),
        }),
      },
      responses: {
        200: jsonContent(TrackerSchema, 'Tracker'),
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const q = c.req.valid('query');
      const t = await trackerPage(ctx.database, ctx.now(), { communitySlug: q.community, state: q.state as never, page: q.page });
      return c.json(
        {
          today: t.today,
          total: t.total,
          late: t.late,
          page: t.page,
          pages: t.pages,
          items: t.items.map((i) => ({ code: i.code, title: i.title, state: i.state, communitySlug: i.communitySlug, plannedEnd: i.plannedEnd, percent: i.percent, agreedFen: i.agreedFen, paidFen: i.paidFen, overdue: i.overdue.overdue, daysLate: i.overdue.overdue ? i.overdue.daysLate : null })),
        },
        200,
      );
    },
  );
