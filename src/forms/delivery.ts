/**
 * @module The forms of a project's delivery desk (/staff/<slug>/delivery/<code>):
 * the agreement and its amendment, start, progress with photos, payments,
 * acceptance, resume, closing the survey, archiving, audit findings and
 * completing the audit; and of the offline vote's import page
 * (/staff/<slug>/delivery/import): the upload and the second person's review.
 * Each picks its use case by its hidden `intent` (or `action`) field.
 */
import type { PageForm } from '#http/form-edge.ts';
import type { Caller, Refusal } from '#cases/use-case.ts';
import { refusal } from '#cases/use-case.ts';
import {
  acceptanceCase,
  amendAgreementCase,
  archiveCase,
  closeSurveyCase,
  completeAuditCase,
  findingCase,
  paymentCase,
  progressCase,
  recordAgreementCase,
  resumeCase,
  startCase,
  type OnProject,
} from '#cases/delivery.ts';
import { noSuchProject } from '#cases/projects.ts';
import { reviewBallotsCase, uploadBallotsCase } from '#cases/ballot-imports.ts';
import { getCommunity } from '#services/catalog.ts';
import { loadProject } from '#services/delivery.ts';
import { MAX_UPLOAD_REQUEST_BYTES } from '#services/uploads.ts';
import { PB_IMPORT_MAX_BYTES } from '#services/ballot-imports.ts';
import { normalizeProjectCode } from '#domain/project-code.ts';
import { td } from '../i18n/delivery.ts';

type Values = Record<string, string>;
type Path = Record<string, string | undefined>;

/** The named fields as typed, leaving out those left blank: a blank required field is then "required", not "too short". */
export function filled(values: Values, ...names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) if ((values[n] ?? '').trim() !== '') out[n] = values[n]!;
  return out;
}

/** The project of the desk's path, if it belongs to the community of the path. */
async function deskProject(path: Path, caller: Caller): Promise<OnProject | Refusal> {
  const { ctx } = caller;
  const code = normalizeProjectCode(path.code ?? '');
  const community = await getCommunity(ctx.database, path.slug ?? '', ctx.now());
  const loaded = code && community ? await loadProject(ctx.database.db, { code }, ctx.now()) : null;
  if (!community || !loaded || loaded.project.communityId !== community.id) return noSuchProject(caller);
  return { code: loaded.project.code };
}

const DESK = '/staff/[slug]/delivery/[code]';

/** One form of the desk: done, back to the desk saying so, at the form's own section. */
function desk(intent: string, useCase: PageForm['useCase'], more: Pick<PageForm, 'read' | 'fieldsOnForm' | 'maxBytes'> = { read: () => ({}) }): PageForm {
  return {
    page: DESK,
    pick: { field: 'intent', value: intent },
    useCase,
    params: deskProject,
    next: (_v, path) => `/staff/${path.slug}/delivery/${normalizeProjectCode(path.code ?? '')}?done=${intent}#${intent}`,
    ...more,
  };
}

const AGREEMENT_FIELDS = ['implementerName', 'implementerType', 'registrationNo', 'agreementDate', 'agreedAmount', 'plannedStart', 'plannedEnd'];
/** The rating is a choice of 1–5 or none. */
const rating = (values: Values) => (values.implementerRating ? Number(values.implementerRating) : null);

const IMPORT = '/staff/[slug]/delivery/import';

/** The cycle to import into: one of the community's. */
async function importCycle(path: Path, caller: Caller, values: Values): Promise<{ cycleId: string } | Refusal> {
  const community = await getCommunity(caller.ctx.database, path.slug ?? '', caller.ctx.now());
  if (!community) return refusal('not_found', 404, td(caller.locale, 'import.none'));
  if (!community.cycles.some((c) => c.id === values.cycle)) return refusal('no_import_cycle', 409, td(caller.locale, 'import.none'));
  return { cycleId: values.cycle! };
}

export const DELIVERY_FORMS: PageForm[] = [
  desk('agreement', recordAgreementCase, {
    read: (values) => ({ ...filled(values, ...AGREEMENT_FIELDS), implementerRating: rating(values), startImplementation: values.startNow === 'on' }),
    fieldsOnForm: { startImplementation: 'startNow' },
  }),
  desk('amend', amendAgreementCase, {
    read: (values) => ({ ...filled(values, ...AGREEMENT_FIELDS, 'reason'), implementerRating: rating(values) }),
  }),
  desk('start', startCase),
  desk('progress', progressCase, {
    // Up to six photos of 5 MB.
    maxBytes: MAX_UPLOAD_REQUEST_BYTES,
    read: (values, form) => ({
      ...filled(values, 'reportedOn', 'percent', 'body'),
      photos: form.getAll('photos').filter((x): x is File => typeof x !== 'string'),
    }),
  }),
  desk('payment', paymentCase, { read: (values) => filled(values, 'paidOn', 'amount', 'note') }),
  desk('acceptance', acceptanceCase, { read: (values) => filled(values, 'result', 'acceptedOn', 'inspector', 'notes') }),
  desk('resume', resumeCase, { read: (values) => filled(values, 'reason') }),
  desk('close_survey', closeSurveyCase),
  desk('archive', archiveCase),
  // The finding's text is `findingBody` on the desk, beside the other forms' `body`.
  desk('finding', findingCase, { read: (values) => ({ ...filled(values, 'severity'), ...(values.findingBody?.trim() ? { body: values.findingBody } : {}) }), fieldsOnForm: { body: 'findingBody' } }),
  desk('audit', completeAuditCase, { read: (values) => filled(values, 'summary') }),

  {
    page: IMPORT,
    pick: { field: 'action', value: 'upload' },
    useCase: uploadBallotsCase,
    maxBytes: PB_IMPORT_MAX_BYTES + 64 * 1024,
    params: importCycle,
    // A file input left empty posts a nameless, empty file: no file.
    read: (_values, form) => {
      const file = form.get('file');
      return file && typeof file !== 'string' && (file.size > 0 || file.name !== '') ? { file } : {};
    },
    next: (v, path) => `/staff/${path.slug}/delivery/import?import=${encodeURIComponent(v.importId)}`,
  },
  {
    page: IMPORT,
    pick: { field: 'action', value: 'review' },
    useCase: reviewBallotsCase,
    params: (_path, _caller, values) => ({ importId: (values.import ?? '').slice(0, 64) }),
    read: (values) => ({ decision: values.decision === 'reject' ? 'reject' : 'approve', ...filled(values, 'note') }),
    next: (v, path, values) => `/staff/${path.slug}/delivery/import?import=${encodeURIComponent((values.import ?? '').slice(0, 64))}&done=${v.status}`,
  },
];
