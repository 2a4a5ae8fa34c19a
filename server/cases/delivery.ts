/**
 * @module Delivery's use cases: the agreement (立项) and its amendment,
 * starting the work, progress reports with photos, payments, acceptance,
 * resuming after a failed acceptance, closing the satisfaction survey and
 * archiving (staff); audit findings and completing the audit (auditors,
 * officers). Money comes in as yuan typed by a person ("276000", "27.6万")
 * and goes to the services as integer fen. The project is named by its
 * public code; the API takes it from the path, the staff desk from its page.
 */
import { z } from '@hono/zod-openapi';
import {
  amendAgreement,
  archiveProject,
  closeSurvey,
  loadProject,
  recordAcceptance,
  recordAgreement,
  recordPayment,
  recordProgress,
  resumeImplementation,
  startImplementation,
  type DeliveryRefusal,
  type Who,
} from '../services/delivery.ts';
import { completeAudit, FINDING_BODY_MAX, recordFinding } from '../services/findings.ts';
import { FILE_PROBLEM_STATUS, type UploadFile } from '../services/uploads.ts';
import { FINDING_SEVERITIES, IMPLEMENTER_TYPES } from '../domain/delivery.ts';
import { formatFen, parseYuan, TYPED_YUAN } from '#messages/money.ts';
import { say } from '#messages/say.ts';
import { fileProblemsText } from './proposals.ts';
import { actingAs } from './acting.ts';
import { noSuchProject } from './projects.ts';
import { done, refusal, refusedFor, useCase, type Caller, type Locale, type Refusal, type UseCase } from './use-case.ts';
import { CALENDAR_DAY, filledText, typedInteger, typedText } from '../services/text-fields.ts';
import { docTerm } from '#http/doc-words.ts';

/** A calendar day. Any YYYY-MM-DD gets past the edge; one that is no day (2026-02-30) is refused as the step's problem (422 bad_date), so the document states the stricter form. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ pattern: CALENDAR_DAY, description: 'A calendar day, YYYY-MM-DD (422 for one that does not exist)', example: '2026-06-05' });
/** An amount as a person types it (the pattern the document states); one that is not an amount is refused with the other fields, by its field. */
const Yuan = z
  .string()
  .max(40)
  .regex(new RegExp(TYPED_YUAN), { message: 'input.yuan' })
  .openapi({ description: `Yuan as typed: "276000", "27.6${docTerm('wan')}", "1,234.50", "¥48.5${docTerm('wanYuan')}" (full-width digits too); at most 2 decimals, or 6 in ${docTerm('wan')}, and under 10,000,000,000,000 yuan; more than 0 (422 \`invalid\` otherwise)`, example: '276000' });

export const AgreementInput = z
  .strictObject({
    implementerName: filledText(200),
    implementerType: z.enum(IMPLEMENTER_TYPES),
    registrationNo: filledText(60).openapi({ description: 'Unified social credit code or other registration number' }),
    implementerRating: z.number().int().min(1).max(5).nullable().optional(),
    agreementDate: Day,
    agreedAmount: Yuan,
    plannedStart: Day,
    plannedEnd: Day,
    startImplementation: z.boolean().optional().openapi({ description: 'Start the work in the same step' }),
  })
  .openapi('AgreementInput');

export const AmendmentInput = AgreementInput.omit({ startImplementation: true }).extend({ reason: filledText(2000) }).openapi('AgreementAmendment');
export const PaymentInput = z.strictObject({ paidOn: Day, amount: Yuan, note: z.string().max(500).optional() }).openapi('PaymentInput');
export const AcceptanceInput = z
  .strictObject({ result: z.enum(['pass', 'fail']), acceptedOn: Day, inspector: filledText(200), notes: z.string().max(4000).optional() })
  .openapi('AcceptanceInput');
export const ResumeInput = z.strictObject({ reason: typedText(2000).optional() });
export const AuditInput = z.strictObject({ summary: typedText(4000).optional() });
export const FindingInput = z.strictObject({ severity: z.enum(FINDING_SEVERITIES), body: filledText(FINDING_BODY_MAX) }).openapi('FindingInput');
/** The steps that take nothing but the project. */
const NoInput = z.strictObject({});

const FileField = z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File).openapi({ type: 'string', format: 'binary' });
/** A progress report, as a multipart form: its photos are files. */
export const ProgressInput = z.object({
  reportedOn: Day,
  // A form field is text: "40" is read as 40.
  percent: typedInteger(0, 100),
  body: filledText(4000),
  photos: z.union([FileField, z.array(FileField)]).optional(),
});

/** The project a step is on: its public code. */
export type OnProject = { code: string };

/** "协议金额 14.8万元 已全部付清，不能再登记付款。" */
export function fullyPaidMessage(agreedFen: number, locale: Locale): string {
  return say.reasons(locale, 'delivery.fully_paid', { agreed: formatFen(agreedFen, locale) });
}

/** A delivery refusal: its status, code, words and fields, in one place. */
export function deliveryRefusal(caller: Pick<Caller, 'locale'>, r: DeliveryRefusal): Refusal {
  const { locale } = caller;
  const words = (key: Parameters<typeof say.reasons>[1], vars?: Record<string, string>) => say.reasons(locale, key, vars);
  switch (r.code) {
    case 'not_found':
      return refusal('not_found', 404, words('delivery.not_found'));
    case 'invalid':
      // A problem is named by the input's field: the services count the amount in fen, the input types it in yuan.
      return refusal('invalid', 422, words('delivery.invalid'), { fields: Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [INPUT_FIELD[k] ?? k, words(`deliveryField.${v!}`)])) });
    case 'no_agreement':
    case 'agreement_exists':
      return refusal(r.code, 409, words(`delivery.${r.code}`));
    case 'not_photo':
      return refusal('unsupported_type', 415, words('delivery.not_photo'));
    case 'over_agreed_amount': {
      const f = (n: number) => formatFen(n, locale);
      return refusal('over_agreed_amount', 422, words('delivery.over_agreed_amount', { amount: f(r.amountFen), agreed: f(r.agreedFen), paid: f(r.paidFen), left: f(r.leftFen) }), {
        fields: { amount: words('delivery.over_agreed_amount.field', { left: f(r.leftFen) }) },
      });
    }
    case 'fully_paid':
      return refusal('fully_paid', 409, fullyPaidMessage(r.agreedFen, locale));
    case 'file_problems': {
      const first = r.problems[0]!;
      return refusal(first.code, FILE_PROBLEM_STATUS[first.code], fileProblemsText(r.problems, locale));
    }
    default:
      return refusedFor(caller, r.code);
  }
}

/** The input field each of the services' own field names stands for. */
const INPUT_FIELD: Record<string, string> = { agreedAmountFen: 'agreedAmount' };

/** An amount typed in yuan, in fen (the input's schema has checked it is one). */
function fen(typed: string): number {
  const m = parseYuan(typed);
  if (!m.ok) throw new Error(`not an amount: ${typed}`);
  return m.fen;
}

/** Who acts (in the first of `roles` they hold) on which project: not signed in (401) before no such project (404). */
async function actingOn(caller: Caller, roles: readonly string[], code: string): Promise<{ who: Who; id: string } | Refusal> {
  const { auth, ctx } = caller;
  if (!auth) return deliveryRefusal(caller, { ok: false, code: 'not_signed_in' });
  const loaded = await loadProject(ctx.database.db, { code }, ctx.now());
  if (!loaded) return noSuchProject(caller);
  return { who: { actor: auth.actor, auditActor: actingAs(caller, roles) }, id: loaded.project.id };
}

const STAFF = ['staff'] as const;
const AUDITORS = ['auditor', 'officer'] as const;

/** One delivery step: who acts on which project, then the service; its refusal as the table says. */
function deliveryStep<I, V extends { ok: true }>(
  name: string,
  input: z.ZodType<I>,
  roles: readonly string[],
  step: (caller: Caller, id: string, input: I, who: Who) => Promise<V | DeliveryRefusal>,
): UseCase<I, OnProject, V> {
  return useCase({
    name,
    input,
    async run(caller, body, on) {
      const acting = await actingOn(caller, roles, on.code);
      if ('ok' in acting) return acting;
      const r = await step(caller, acting.id, body, acting.who);
      return r.ok ? done(r) : deliveryRefusal(caller, r);
    },
  });
}

export const recordAgreementCase = deliveryStep('delivery.agreement', AgreementInput, STAFF, (caller, id, b, who) =>
  recordAgreement(caller.ctx, id, { ...b, implementerRating: b.implementerRating ?? null, agreedAmountFen: fen(b.agreedAmount) }, who),
);

export const amendAgreementCase = deliveryStep('delivery.amend', AmendmentInput, STAFF, (caller, id, b, who) =>
  amendAgreement(caller.ctx, id, { ...b, implementerRating: b.implementerRating ?? null, agreedAmountFen: fen(b.agreedAmount) }, who),
);

export const startCase = deliveryStep('delivery.start', NoInput, STAFF, (caller, id, _b, who) => startImplementation(caller.ctx, id, who));

export const progressCase = deliveryStep('delivery.progress', ProgressInput, STAFF, async (caller, id, f, who) => {
  const list = f.photos === undefined ? [] : Array.isArray(f.photos) ? f.photos : [f.photos];
  // A file field left empty still posts a nameless, empty file.
  const files: UploadFile[] = await Promise.all(list.filter((x) => x.size > 0 || x.name !== '').map(async (x) => ({ name: x.name, bytes: new Uint8Array(await x.arrayBuffer()) })));
  return recordProgress(caller.ctx, id, { reportedOn: f.reportedOn, percent: f.percent, body: f.body }, files, who);
});

export const paymentCase = deliveryStep('delivery.payment', PaymentInput, STAFF, (caller, id, b, who) =>
  recordPayment(caller.ctx, id, { paidOn: b.paidOn, amountFen: fen(b.amount), note: b.note ?? '' }, who),
);

export const acceptanceCase = deliveryStep('delivery.acceptance', AcceptanceInput, STAFF, (caller, id, b, who) => recordAcceptance(caller.ctx, id, { ...b, notes: b.notes ?? '' }, who));

export const resumeCase = deliveryStep('delivery.resume', ResumeInput, STAFF, (caller, id, b, who) => resumeImplementation(caller.ctx, id, { reason: b.reason ?? null }, who));

export const closeSurveyCase = deliveryStep('delivery.closeSurvey', NoInput, STAFF, (caller, id, _b, who) => closeSurvey(caller.ctx, id, who));

export const archiveCase = deliveryStep('delivery.archive', NoInput, ['staff', 'officer'], (caller, id, _b, who) => archiveProject(caller.ctx, id, who));

export const completeAuditCase = deliveryStep('audit.complete', AuditInput, AUDITORS, (caller, id, b, who) => completeAudit(caller.ctx, id, { summary: b.summary ?? null }, who));

/** An audit finding, on a project (by its code) or on a cycle as a whole. */
export const findingCase = useCase({
  name: 'audit.finding',
  input: FindingInput,
  async run(caller, input, on: OnProject | { cycleId: string }) {
    if ('cycleId' in on) {
      const { auth } = caller;
      if (!auth) return deliveryRefusal(caller, { ok: false, code: 'not_signed_in' });
      const r = await recordFinding(caller.ctx, { cycleId: on.cycleId }, input, { actor: auth.actor, auditActor: actingAs(caller, AUDITORS) });
      return r.ok ? done(r) : deliveryRefusal(caller, r);
    }
    const acting = await actingOn(caller, AUDITORS, on.code);
    if ('ok' in acting) return acting;
    const r = await recordFinding(caller.ctx, { projectId: acting.id }, input, acting.who);
    return r.ok ? done(r) : deliveryRefusal(caller, r);
  },
});
