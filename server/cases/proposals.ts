/**
 * @module Proposing: a resident proposes, staff type in a paper needs form
 * (问需表), a draft is edited, submitted to screening or withdrawn, and its
 * photos and PDFs are attached or removed. The API
 * (server/routes/proposals.routes.ts) and the three proposal pages (propose,
 * paper-proposal, a draft's edit page) run these. A page's form may also
 * carry files and ask to submit straight away (`files`, `submit` in the
 * parameters): the draft is written first, the files checked before
 * anything, and a submission refused after a new draft was written comes
 * back as `notSubmitted`, so that the person is sent to that draft.
 */
import { z } from '@hono/zod-openapi';
import type { SignedIn } from '../services/accounts.ts';
import { actingRole, auditActorOf } from '../services/accounts.ts';
import type { AuditActor } from '../services/audit.ts';
import {
  addAttachments,
  auditActorForProposal,
  canSee,
  createProposal,
  loadProjectWithPlace,
  removeAttachment,
  submitProposal,
  updateDraft,
  withdrawProposal,
  type ProposalRefusal,
} from '../services/proposals.ts';
import { checkFiles, countAttachments, FILE_PROBLEM_STATUS, UPLOAD_LIMITS, type FileProblem, type UploadFile } from '../services/uploads.ts';
import { isOverCap, type ProposalCheck } from '../domain/proposal-checks.ts';
import { fieldMessages } from '#messages/proposal-words.ts';
import { say } from '#messages/say.ts';
import { done, notSignedIn, refusal, refusedFor, useCase, type Caller, type Locale, type Outcome, type Refusal } from './use-case.ts';
import { TYPED_YUAN } from '../domain/money.ts';
import { docTerm } from '#http/doc-words.ts';

/** The fields as typed: shapes only (400 when broken). */
const TYPED = {
  title: z.string().max(400),
  category: z.string().max(40),
  theme: z.string().max(40),
  description: z.string().max(20_000),
  address: z.string().max(400),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  estimatedCost: z.string().max(40),
  beneficiaries: z.string().max(2000).optional(),
  // (zod's whole numbers end at MAX_SAFE_INTEGER: said here, so the document says it too.)
  beneficiaryCount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
};

/** A proposal as it is typed, any field missing: the live check (proposal-check) takes it as it is and says what is wrong. */
export const ProposalDraftBody = z.strictObject(TYPED).partial();

/**
 * A proposal to save. The same shapes; what the domain checks as it saves
 * (422 `invalid`, each problem by its field) is written down for a client:
 * in the schema where a schema can say it exactly (the amount), in words
 * where the text is counted after cleaning (lengths).
 */
export const ProposalBody = z
  .strictObject({
    ...TYPED,
    title: TYPED.title.openapi({ description: 'The project’s name: 4–60 characters once runs of whitespace are folded to one space and the ends trimmed (422 `invalid` otherwise)' }),
    category: TYPED.category.openapi({ description: 'A category key of the cycle’s rulebook', example: 'goods' }),
    theme: TYPED.theme.openapi({ description: 'A theme key of the cycle’s rulebook', example: 'culture_sports' }),
    description: TYPED.description.openapi({ description: '10–3,000 characters once trimmed (422 `invalid` otherwise)' }),
    address: TYPED.address.openapi({ description: '2–120 characters, folded and trimmed as the title is (422 `invalid` otherwise)' }),
    lat: z.number().min(-90).max(90).nullable().optional().openapi({ description: 'Where, on a map (WGS 84): lat and lng both, or neither (422 `invalid` otherwise)' }),
    lng: z.number().min(-180).max(180).nullable().optional().openapi({ description: 'Where, on a map (WGS 84): lat and lng both, or neither (422 `invalid` otherwise)' }),
    estimatedCost: TYPED.estimatedCost.openapi({
      pattern: TYPED_YUAN,
      description: `Yuan as typed: "35000", "3.5${docTerm('wan')}", "1,234.50", "¥48.5${docTerm('wanYuan')}" (full-width digits too); more than 0, and within the category’s cap (422 \`invalid\` otherwise)`,
      example: '35000',
    }),
    beneficiaries: TYPED.beneficiaries.openapi({ description: 'Who benefits: at most 200 characters, folded and trimmed as the title is (422 `invalid` otherwise)' }),
    beneficiaryCount: z.number().int().min(0).openapi({ maximum: 10_000_000 }).nullable().optional().openapi({ description: 'How many people benefit: at most 10,000,000 (422 `invalid` otherwise)' }),
  })
  .openapi('ProposalInput');

// One flat object, not an extension of ProposalInput: the document would say `allOf` of two objects that
// each forbid the other's properties, which no body can satisfy.
export const PaperBody = z
  .strictObject({
    ...ProposalBody.shape,
    submit: z.boolean().optional().openapi({ description: 'Submit to screening straight away (the paper form is complete)' }),
  })
  .openapi('PaperProposalInput');

export const WithdrawBody = z.strictObject({ reason: z.string().max(2000).optional() });

const FileField = z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File).openapi({ type: 'string', format: 'binary' });
export const AttachmentsForm = z.object({ files: z.union([FileField, z.array(FileField)]) });

/** Nothing to send: the path says it all. */
const NoBody = z.object({});

/** Uploaded files' problems, one after another: "照片.heic：文件内容不是 JPEG、PNG、WebP 照片或 PDF；…". */
export function fileProblemsText(problems: readonly FileProblem[], locale: Locale): string {
  const one = (p: FileProblem) => say.reasons(locale, `upload.${p.code}`, { name: p.name || say.reasons(locale, 'upload.unnamed'), max: UPLOAD_LIMITS.maxFiles });
  return problems.map(one).join(say.reasons(locale, 'join.problems'));
}

/**
 * A refused proposal, with its status, words and one message per field. Over
 * the cap is `over_cap` and its message names the cap.
 */
export function proposalRefusal(caller: Pick<Caller, 'locale'>, r: ProposalRefusal): Refusal {
  const { locale } = caller;
  switch (r.code) {
    case 'not_found':
      return refusal(r.code, 404, say.reasons(locale, 'proposal.not_found'));
    case 'conflict':
      return refusal(r.code, 409, say.reasons(locale, 'proposal.conflict'));
    case 'rate_limited':
      return refusal(r.code, 429, say.reasons(locale, 'proposal.rate_limited'), { retryAfterSeconds: Math.ceil(r.retryAfterMs / 1000) });
    case 'invalid': {
      const fields = fieldMessages(r.fields, say.participation.table(locale), locale);
      if (isOverCap(r.check)) return refusal('over_cap', 422, fields.estimatedCost!, { fields });
      return refusal('invalid_proposal', 422, say.reasons(locale, 'proposal.invalid_proposal'), { fields });
    }
    case 'invalid_files': {
      const message = fileProblemsText(r.problems, locale);
      return refusal(r.problems[0]!.code, FILE_PROBLEM_STATUS[r.problems[0]!.code], message, { fields: { files: message } });
    }
    default:
      return refusedFor(caller, r.code);
  }
}

const signedIn = (caller: Caller): caller is Caller & { auth: SignedIn } => caller.auth !== null;

/** What a page's form adds to a use case: files sent with it, and whether to submit straight away. */
export type FormExtras = { files?: UploadFile[]; submit?: boolean };

export type Created = { code: string; state: string; check: ProposalCheck; notSubmitted: Refusal | null };

/** Create a draft (with the form's files), then submit it if asked; a refused submission leaves the draft, and says why. */
async function create(caller: Caller & { auth: SignedIn }, fields: z.infer<typeof ProposalBody>, o: { cycleId: string; paper: boolean; files?: UploadFile[]; submit?: boolean }) {
  const { ctx, auth } = caller;
  const as = o.paper ? auditActorOf(auth, 'staff') : auditActorOf(auth, actingRole(auth, ['resident']));
  const r = await createProposal(ctx, { cycleId: o.cycleId, fields, files: o.files, ...(o.paper ? { paper: true } : {}) }, auth.actor, as);
  if (!r.ok) return proposalRefusal(caller, r);
  if (!o.submit) return done<Created>({ code: r.code, state: 'draft', check: r.check, notSubmitted: null });
  const s = await submitProposal(ctx, r.code, auth.actor, as);
  return done<Created>(s.ok ? { code: r.code, state: s.to, check: r.check, notSubmitted: null } : { code: r.code, state: 'draft', check: r.check, notSubmitted: proposalRefusal(caller, s) });
}

export const proposeCase = useCase({
  name: 'proposal.propose',
  input: ProposalBody,
  async run(caller, fields, p: { cycleId: string } & FormExtras) {
    if (!signedIn(caller)) return notSignedIn(caller);
    return create(caller, fields, { ...p, paper: false });
  },
});

export const paperProposalCase = useCase({
  name: 'proposal.enterPaper',
  input: PaperBody,
  async run(caller, { submit, ...fields }, p: { cycleId: string; files?: UploadFile[] }) {
    if (!signedIn(caller)) return notSignedIn(caller);
    return create(caller, fields, { ...p, submit, paper: true });
  },
});

/** Signed in, and a proposal they may see (drafts are private): `then` runs with who they act as on it (its proposer as a resident, staff by name). */
async function onProposal<V>(caller: Caller, code: string, then: (caller: Caller & { auth: SignedIn }, as: AuditActor, project: { id: string }) => Promise<Outcome<V>>): Promise<Outcome<V>> {
  if (!signedIn(caller)) return notSignedIn(caller);
  const loaded = await loadProjectWithPlace(caller.ctx.database.db, { code });
  if (!loaded || !canSee(loaded.p, loaded.place, caller.auth.actor)) return proposalRefusal(caller, { ok: false, code: 'not_found' });
  return then(caller, auditActorForProposal(caller.auth, loaded.p), loaded.p);
}

export const editDraftCase = useCase({
  name: 'proposal.edit',
  input: ProposalBody,
  run: (caller, fields, { code, files = [], submit = false }: { code: string } & FormExtras) =>
    onProposal(caller, code, async ({ ctx, auth }, as, project) => {
      // Files are checked before anything is saved, so a bad photo changes nothing.
      if (files.length) {
        const checked = checkFiles(files, await countAttachments(ctx.database.db, project.id));
        if (!checked.ok) return proposalRefusal(caller, { ok: false, code: 'invalid_files', problems: checked.problems });
      }
      const saved = await updateDraft(ctx, code, fields, auth.actor, as);
      if (!saved.ok) return proposalRefusal(caller, saved);
      if (files.length) {
        const attached = await addAttachments(ctx, code, files, auth.actor, as);
        if (!attached.ok) return proposalRefusal(caller, attached);
      }
      if (submit) {
        const s = await submitProposal(ctx, code, auth.actor, as);
        if (!s.ok) return proposalRefusal(caller, s);
      }
      return done({ code, changed: saved.changed, check: saved.check, uploaded: files.length, submitted: submit });
    }),
});

export const submitDraftCase = useCase({
  name: 'proposal.submit',
  input: NoBody,
  run: (caller, _input, { code }: { code: string }) =>
    onProposal(caller, code, async ({ ctx, auth }, as) => {
      const r = await submitProposal(ctx, code, auth.actor, as);
      return r.ok ? done({ from: r.from, to: r.to, check: r.check }) : proposalRefusal(caller, r);
    }),
});

export const withdrawProposalCase = useCase({
  name: 'proposal.withdraw',
  input: WithdrawBody,
  run: (caller, { reason }, { code }: { code: string }) =>
    onProposal(caller, code, async ({ ctx, auth }, as) => {
      const r = await withdrawProposal(ctx, code, reason ?? null, auth.actor, as);
      return r.ok ? done({ from: r.from, to: r.to }) : proposalRefusal(caller, r);
    }),
});

export const attachCase = useCase({
  name: 'proposal.attach',
  input: AttachmentsForm,
  run: (caller, { files }, { code }: { code: string }) =>
    onProposal(caller, code, async ({ ctx, auth }, as) => {
      const list = Array.isArray(files) ? files : [files];
      const uploads: UploadFile[] = await Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const r = await addAttachments(ctx, code, uploads, auth.actor, as);
      return r.ok ? done({ ids: r.ids }) : proposalRefusal(caller, r);
    }),
});

export const removeAttachmentCase = useCase({
  name: 'proposal.removeAttachment',
  input: NoBody,
  run: (caller, _input, { code, attachmentId }: { code: string; attachmentId: string }) =>
    onProposal(caller, code, async ({ ctx, auth }, as) => {
      const r = await removeAttachment(ctx, code, attachmentId, auth.actor, as);
      return r.ok ? done({ removed: true as const }) : proposalRefusal(caller, r);
    }),
});
