/** @module Residents' use cases: become a verified resident with the code on one's slip. */
import { VerifyInput, verifyResidencyGuarded } from '../services/residents.ts';
import { say } from '#messages/say.ts';
import { done, rateLimited, refusal, signedInUseCase } from './use-case.ts';

export const verifyResidencyCase = signedInUseCase({
  name: 'resident.verify',
  input: VerifyInput,
  async run(caller, input) {
    const r = await verifyResidencyGuarded(caller.ctx, caller.auth.account.id, input.code, caller.address);
    if (!r.ok && r.code === 'rate_limited') return rateLimited(caller, r.waitMs);
    if (!r.ok) return refusal(r.code, r.code === 'code_unknown' ? 422 : 409, say.reasons(caller.locale, `resident.${r.code}`), { field: 'code' });
    const { id: _id, ...community } = r.community;
    return done({ community });
  },
});
