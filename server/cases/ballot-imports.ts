/**
 * @module The ballots of a vote held elsewhere: staff upload the .pb file
 * (its ballots are stored in chunks after the answer), and a second person
 * approves or rejects it.
 */
import { z } from '@hono/zod-openapi';
import { IMPORT_STATUS, importBallotsPb, isImportCode, reviewBallotImport, PB_IMPORT_MAX_BYTES, type ImportRefusal, type ReviewRefusal } from '../services/ballot-imports.ts';
import type { ReasonCode } from '../domain/permissions.ts';
import { actingAs } from './acting.ts';
import { done, refusal, refusedFor, signedInUseCase, type Caller, type Refusal } from './use-case.ts';
import { typedText } from '../services/text-fields.ts';
import { say, type ReasonKey } from '#messages/say.ts';
import type { Vars } from '#messages/format.ts';

const FileField = z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File).openapi({ type: 'string', format: 'binary' });

/** The upload, as a multipart form. */
export const BallotFileInput = z.object({ file: FileField });

export const ReviewInput = z
  .strictObject({
    decision: z.enum(['approve', 'reject']),
    note: typedText(1000).optional().openapi({ description: 'Required to reject (published); optional to approve' }),
  })
  .openapi('BallotImportReview');


/** A refusal to import or review: this module's codes in its own words, a permission's in the permission's. */
function importRefusal(caller: Caller, r: ImportRefusal | ReviewRefusal): Refusal {
  if (!isImportCode(r.code)) return refusedFor(caller, r.code as ReasonCode);
  const { locale } = caller;
  const words = (key: ReasonKey, vars?: Vars) => say.reasons(locale, key, vars);
  const status = IMPORT_STATUS[r.code] ?? 403;
  switch (r.code) {
    case 'invalid_file':
      return refusal(r.code, status, words('import.invalid_file', { line: r.line, reason: r.reason }));
    case 'vote_type_mismatch':
      return refusal(r.code, status, words('import.vote_type_mismatch', { fileVoteType: r.fileVoteType, cycleMethod: r.cycleMethod }));
    case 'unknown_projects':
      return refusal(r.code, status, words('import.unknown_projects', { projects: r.projects.slice(0, 10).join(words('join.list')) }));
    case 'voters_not_on_register': {
      const lines = r.lines.map((l) =>
        words('import.voters_not_on_register.line', { line: l.line, voterId: l.voterId || words('import.voters_not_on_register.empty'), problem: words(`import.voters_not_on_register.${l.problem}`) }),
      );
      const more = r.count > r.lines.length ? words('import.voters_not_on_register.more') : '';
      return refusal(r.code, status, words('import.voters_not_on_register', { count: r.count, lines: lines.join(words('join.problems')), more }));
    }
    default:
      return refusal(r.code, status, words(`import.${r.code as Exclude<typeof r.code, ReasonCode>}`));
  }
}

export const uploadBallotsCase = signedInUseCase({
  name: 'ballotImport.upload',
  input: BallotFileInput,
  async run(caller, { file }, on: { cycleId: string }) {
    const { ctx, auth } = caller;
    if (file.size > PB_IMPORT_MAX_BYTES) return refusal('payload_too_large', 413, say.reasons(caller.locale, 'http.payload_too_large'));
    const text = new TextDecoder('utf-8').decode(await file.arrayBuffer());
    const r = await importBallotsPb(ctx, on.cycleId, { name: file.name, text }, { actor: auth.actor, auditActor: actingAs(caller, ['staff']) });
    if (!r.ok) return importRefusal(caller, r);
    // The storing goes on after the answer; its outcome is recorded on the import itself.
    r.done.catch((err) => ctx.log.error({ msg: 'ballot import failed unexpectedly', err }));
    return done({ importId: r.importId, total: r.total });
  },
});

export const reviewBallotsCase = signedInUseCase({
  name: 'ballotImport.review',
  input: ReviewInput,
  async run(caller, input, on: { importId: string }) {
    const { auth } = caller;
    const r = await reviewBallotImport(caller.ctx, on.importId, input, { actor: auth.actor, auditActor: actingAs(caller, ['staff', 'officer']) });
    return r.ok ? done({ status: r.status }) : importRefusal(caller, r);
  },
});
