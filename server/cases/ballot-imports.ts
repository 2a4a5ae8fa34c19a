/**
 * @module The ballots of a vote held elsewhere: staff upload the .pb file
 * (its ballots are stored in chunks after the answer), and a second person
 * approves or rejects it.
 */
import { z } from '@hono/zod-openapi';
import { importBallotsPb, importRefusalMessage, isImportCode, reviewBallotImport, PB_IMPORT_MAX_BYTES, type ImportRefusal, type ReviewRefusal } from '../services/ballot-imports.ts';
import type { ReasonCode } from '../domain/permissions.ts';
import { actingAs } from './acting.ts';
import { done, notSignedIn, refusal, refusedFor, useCase, type Caller, type Refusal } from './use-case.ts';
import { say } from '#messages/say.ts';

const FileField = z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File).openapi({ type: 'string', format: 'binary' });

/** The upload, as a multipart form. */
export const BallotFileInput = z.object({ file: FileField });

export const ReviewInput = z
  .strictObject({
    decision: z.enum(['approve', 'reject']),
    note: z.string().trim().max(1000).optional().openapi({ description: 'Required to reject (published); optional to approve' }),
  })
  .openapi('BallotImportReview');


function importRefusal(caller: Caller, r: ImportRefusal | ReviewRefusal): Refusal {
  if (!isImportCode(r.code)) return refusedFor(caller, r.code as ReasonCode);
  const a = importRefusalMessage(r, caller.locale);
  return refusal(a.code, a.status, a.message);
}

export const uploadBallotsCase = useCase({
  name: 'ballotImport.upload',
  input: BallotFileInput,
  async run(caller, { file }, on: { cycleId: string }) {
    const { ctx, auth } = caller;
    if (!auth) return notSignedIn(caller);
    if (file.size > PB_IMPORT_MAX_BYTES) return refusal('payload_too_large', 413, say.reasons(caller.locale, 'http.payload_too_large'));
    const text = new TextDecoder('utf-8').decode(await file.arrayBuffer());
    const r = await importBallotsPb(ctx, on.cycleId, { name: file.name, text }, { actor: auth.actor, auditActor: actingAs(caller, ['staff']) });
    if (!r.ok) return importRefusal(caller, r);
    // The storing goes on after the answer; its outcome is recorded on the import itself.
    r.done.catch((err) => ctx.log.error({ msg: 'ballot import failed unexpectedly', err }));
    return done({ importId: r.importId, total: r.total });
  },
});

export const reviewBallotsCase = useCase({
  name: 'ballotImport.review',
  input: ReviewInput,
  async run(caller, input, on: { importId: string }) {
    const { auth } = caller;
    if (!auth) return notSignedIn(caller);
    const r = await reviewBallotImport(caller.ctx, on.importId, input, { actor: auth.actor, auditActor: actingAs(caller, ['staff', 'officer']) });
    return r.ok ? done({ status: r.status }) : importRefusal(caller, r);
  },
});
