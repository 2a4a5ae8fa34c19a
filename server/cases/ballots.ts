/**
 * @module The resident vote's use cases: casting (or replacing) one's
 * ballot; staff typing in a paper ballot, each one twice by two different
 * staff accounts (a mismatch is flagged for a third check); and how every
 * ballot refusal is worded.
 * Casting runs its transaction on the writer thread on the production server
 * (server/services/ballots.ts); nothing is answered before it commits.
 */
import { z } from '@hono/zod-openapi';
import { ballotIssueText, issueFields } from '#messages/ballot-words.ts';
import type { ReasonCode } from '../domain/permissions.ts';
import { BALLOT_STATUS, castBallot, enterPaperBallot, type BallotCode, type BallotRefusal } from '../services/ballots.ts';
import { say } from '#messages/say.ts';
import { actingAs } from './acting.ts';
import { filledText } from '../services/text-fields.ts';
import { done, rateLimited, refusal, refusedFor, useCase, type Caller, type Locale, type Refusal } from './use-case.ts';


export const ProjectIds = z.array(z.string().min(1).max(64)).max(100);
export const Points = z
  // Any number gets past the edge; a ballot whose points are not whole numbers of 0 or more is refused with the others (422 points_not_integer), so no other is ever counted.
  .record(z.string().min(1).max(64), z.number().openapi({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }))
  .refine((r) => Object.keys(r).length <= 100, { message: 'input.at_most_100_projects' })
  // `propertyNames` is OpenAPI 3.1's (JSON Schema's); the metadata's type knows only 3.0's words.
  .openapi({ maxProperties: 100, ...({ propertyNames: { minLength: 1, maxLength: 64 } } as object) });

export const BallotBody = z
  .strictObject({
    projects: ProjectIds.optional().openapi({ description: 'approval / basket: ids of the chosen projects' }),
    points: Points.optional().openapi({ description: 'points: points per project id (whole numbers ≥ 0)' }),
  })
  .openapi('BallotInput');

export const PaperInput = z
  .strictObject({
    paperSerial: filledText(40).openapi({ description: 'The serial number printed on the paper ballot', example: 'XH-0001' }),
    registerNo: filledText(40).openapi({ description: 'The resident’s number in the community register', example: 'XHSQ-0003' }),
    projects: ProjectIds.optional(),
    points: Points.optional(),
  })
  .openapi('PaperBallotInput');

/** Why a ballot is refused or cannot be cast, in words: the ballot's own codes, else the permission's. */
export function ballotReasonText(locale: Locale, code: BallotCode | ReasonCode): string {
  return Object.hasOwn(BALLOT_STATUS, code) ? say.reasons(locale, `ballot.${code as BallotCode}`) : say.reasons(locale, `permission.${code as ReasonCode}`);
}

/** A refusal from the ballot services: a ballot that breaks a rule names its fields (the first broken rule is the code). */
export function ballotRefusal(caller: Pick<Caller, 'locale'>, r: BallotRefusal): Refusal {
  const { locale } = caller;
  if (r.code === 'invalid_ballot') {
    const first = r.issues[0]!;
    const words = say.voting.table(locale);
    return refusal(first.code, first.code === 'no_vote' ? 409 : 422, ballotIssueText(first, words, locale), { fields: issueFields(r.issues, words, locale) });
  }
  if (r.code in BALLOT_STATUS) {
    const code = r.code as keyof typeof BALLOT_STATUS;
    return refusal(code, BALLOT_STATUS[code], ballotReasonText(locale, code), code === 'unknown_register_no' ? { field: 'registerNo' } : {});
  }
  return refusedFor(caller, r.code as ReasonCode);
}

/** A verified resident casts their ballot while the vote is open; casting again replaces it (a burst, then one every few seconds, per person). */
export const castBallotCase = useCase({
  name: 'ballot.cast',
  input: BallotBody,
  async run(caller, input, params: { cycleId: string }) {
    const { ctx, auth } = caller;
    if (auth) {
      const wait = ctx.limits.vote.consume(auth.account.id, 1, Date.now());
      if (wait > 0) return rateLimited(caller, wait);
    }
    const r = await castBallot(ctx, params.cycleId, input, auth?.actor ?? null);
    if (!r.ok) return ballotRefusal(caller, r);
    return done({ receiptCode: r.receiptCode, castAt: r.castAt, replaced: r.replaced, ballot: r.ballot });
  },
});

/** Staff of the community type in a paper ballot of its open vote. */
export const enterPaperBallotCase = useCase({
  name: 'ballot.enterPaper',
  input: PaperInput,
  async run(caller, input, on: { cycleId: string }) {
    const r = await enterPaperBallot(caller.ctx, on.cycleId, input, caller.auth?.actor ?? null, actingAs(caller, ['staff']));
    if (!r.ok) return ballotRefusal(caller, r);
    const { ok: _ok, ...entered } = r;
    return done(entered);
  },
});
