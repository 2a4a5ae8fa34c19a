/**
 * @module The resident vote's use cases on paper: staff type in a paper
 * ballot, each one twice by two different staff accounts (a mismatch is
 * flagged for a third check). The refusals of the ballot services, as every
 * edge gives them: a broken rule names its fields.
 */
import { z } from '@hono/zod-openapi';
import { BALLOT_MESSAGES, BALLOT_STATUS, enterPaperBallot, type BallotRefusal } from '../services/ballots.ts';
import { issueFields } from '../domain/ballot-rules.ts';
import type { ReasonCode } from '../domain/permissions.ts';
import { actingAs } from './acting.ts';
import { done, refusal, refusedFor, useCase, type Caller, type Refusal } from './use-case.ts';

export const ProjectIds = z.array(z.string().min(1).max(64)).max(100);
export const Points = z
  .record(z.string().min(1).max(64), z.number())
  .refine((r) => Object.keys(r).length <= 100, { message: '最多 100 个项目|At most 100 projects' });

export const PaperInput = z
  .strictObject({
    paperSerial: z.string().trim().min(1).max(40).openapi({ description: 'The serial number printed on the paper ballot', example: 'XH-0001' }),
    registerNo: z.string().trim().min(1).max(40).openapi({ description: 'The resident’s number in the community register', example: 'XHSQ-0003' }),
    projects: ProjectIds.optional(),
    points: Points.optional(),
  })
  .openapi('PaperBallotInput');

/** A refusal of the ballot services: a broken rule names its fields; an unknown register number its field. */
export function ballotRefusal(caller: Pick<Caller, 'locale'>, r: BallotRefusal): Refusal {
  const { locale } = caller;
  if (r.code === 'invalid_ballot') {
    const first = r.issues[0]!;
    return refusal(first.code, first.code === 'no_vote' ? 409 : 422, first.message[locale], { fields: issueFields(r.issues, locale) });
  }
  if (r.code in BALLOT_STATUS) {
    const code = r.code as keyof typeof BALLOT_STATUS;
    const message = BALLOT_MESSAGES[code][locale];
    return refusal(code, BALLOT_STATUS[code], message, code === 'unknown_register_no' ? { fields: { registerNo: message } } : {});
  }
  return refusedFor(caller, r.code as ReasonCode);
}

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
