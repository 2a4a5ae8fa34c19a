/**
 * @module The forms of the three proposal pages — a resident's propose page,
 * staff's paper needs form (问需表) and a draft's edit page — over the
 * proposal use cases (server/cases/proposals.ts) the API runs too. The
 * proposal's fields are read the same way on all three (`proposalInput`):
 * text as typed, the map point and the number of people as numbers; the
 * files sent with the form and the button pressed (save, or save and
 * submit) go to the use case with it.
 */
import type { PageForm } from '#http/form-edge.ts';
import type { Caller, Refusal } from '#cases/use-case.ts';
import { notSignedIn, refusedFor } from '#cases/use-case.ts';
import { editDraftCase, paperProposalCase, proposalRefusal, proposeCase, removeAttachmentCase, withdrawProposalCase, type Created } from '#cases/proposals.ts';
import { readNumber } from '#domain/proposal-checks.ts';
import { proposalValues } from '../lib/proposal-form.ts';
import { normalizeProjectCode } from '#domain/project-code.ts';
import { filesFromForm, MAX_UPLOAD_REQUEST_BYTES } from '#services/uploads.ts';
import { getCommunity } from '#services/catalog.ts';

type Path = Record<string, string | undefined>;
type Values = Record<string, string>;

/** The form's fields as the use cases' input: numbers where the API takes numbers (left as typed when they are not numbers, to be refused by field). */
export function proposalInput(values: Values) {
  const v = proposalValues(values);
  const num = (f: 'lat' | 'lng' | 'beneficiaryCount') => {
    const n = readNumber(v[f]);
    return n === 'bad' ? v[f] : n;
  };
  return {
    title: v.title,
    category: v.category,
    theme: v.theme,
    description: v.description,
    address: v.address,
    lat: num('lat'),
    lng: num('lng'),
    estimatedCost: v.estimatedCost,
    beneficiaries: v.beneficiaries,
    beneficiaryCount: num('beneficiaryCount'),
  };
}

/** Signed in, the use case's parameters with the form's files; signed out, nothing is read. */
function withFiles<P>(params: (path: Path, caller: Caller, values: Values) => Promise<P | Refusal> | P | Refusal) {
  return async (path: Path, caller: Caller, values: Values, form: FormData) => {
    if (!caller.auth) return notSignedIn(caller);
    const p = await params(path, caller, values);
    if ((p as Refusal).ok === false) return p;
    return { ...p, files: await filesFromForm(form) };
  };
}

/** A new draft: to the project if it was submitted, else to the draft (which says why a submission was refused). */
const created = (v: Created, _path: Path, values: Values) =>
  v.state !== 'draft' ? `/projects/${v.code}?done=submit` : values.intent === 'submit' || v.notSubmitted ? `/projects/${v.code}/edit` : `/projects/${v.code}/edit?created=1`;

const codeOf = (path: Path) => normalizeProjectCode(path.code ?? '') ?? path.code ?? '';

const PROPOSE = '/cycles/[id]/propose';
const PAPER = '/staff/[slug]/paper-proposal';
const EDIT = '/projects/[code]/edit';

export const PROPOSAL_FORMS: PageForm[] = [
  ...(['save', 'submit'] as const).map(
    (intent): PageForm => ({
      page: PROPOSE,
      pick: { field: 'intent', value: intent },
      useCase: proposeCase,
      read: proposalInput,
      params: withFiles((path) => ({ cycleId: path.id ?? '', submit: intent === 'submit' })),
      maxBytes: MAX_UPLOAD_REQUEST_BYTES,
      next: created,
    }),
  ),
  {
    // One form, two buttons: save, or save and submit (the paper form is complete).
    page: PAPER,
    useCase: paperProposalCase,
    read: (values) => ({ ...proposalInput(values), submit: values.intent === 'submit' }),
    params: withFiles(async (path, caller) => {
      const community = await getCommunity(caller.ctx.database, path.slug ?? '', caller.ctx.now());
      if (!community) return proposalRefusal(caller, { ok: false, code: 'not_found' });
      // The community's current cycle, as the page shows it.
      const current = community.cycles[0];
      return current ? { cycleId: current.id } : refusedFor(caller, 'wrong_phase');
    }),
    maxBytes: MAX_UPLOAD_REQUEST_BYTES,
    next: created,
  },
  ...(['save', 'submit'] as const).map(
    (intent): PageForm => ({
      page: EDIT,
      pick: { field: 'intent', value: intent },
      useCase: editDraftCase,
      read: proposalInput,
      params: withFiles((path) => ({ code: codeOf(path), submit: intent === 'submit' })),
      maxBytes: MAX_UPLOAD_REQUEST_BYTES,
      next: (v: { code: string; uploaded: number; submitted: boolean }) =>
        v.submitted ? `/projects/${v.code}?done=submit` : `/projects/${v.code}/edit?saved=1${v.uploaded ? `&uploaded=${v.uploaded}` : ''}`,
    }),
  ),
  {
    page: EDIT,
    pick: { field: 'intent', value: 'remove' },
    useCase: removeAttachmentCase,
    read: () => ({}),
    params: (path, _caller, values) => ({ code: codeOf(path), attachmentId: (values.attachmentId ?? '').slice(0, 64) }),
    next: (_v, path) => `/projects/${codeOf(path)}/edit?removed=1`,
  },
  {
    page: EDIT,
    pick: { field: 'intent', value: 'withdraw' },
    useCase: withdrawProposalCase,
    read: (values) => ({ reason: (values.reason ?? '').slice(0, 2000) }),
    params: (path) => ({ code: codeOf(path) }),
    next: (_v, path) => `/projects/${codeOf(path)}?done=withdraw`,
  },
];
