/**
 * @module Checking a ballot receipt (anyone): whether the ballot was counted
 * or replaced, never what it said. It changes nothing but the guessing
 * throttle, and the page shows the answer in place (a receipt must not land
 * in an address bar).
 */
import { z } from 'zod';
import { checkReceiptGuarded, RECEIPT_RE } from '../services/ballots.ts';
import { typedReceiptCode } from '../domain/receipts.ts';
import { done, rateLimited, refusal, useCase } from './use-case.ts';
import { say } from '#messages/say.ts';


export const checkReceiptCase = useCase({
  name: 'receipt.check',
  input: z.object({ code: z.string().max(40) }),
  async run(caller, input) {
    const code = typedReceiptCode(input.code);
    if (code === null || !RECEIPT_RE.test(code)) return refusal('receipt_malformed', 400, say.reasons(caller.locale, 'receipt.receipt_malformed'), { field: 'code' });
    const r = await checkReceiptGuarded(caller.ctx, code, caller.address);
    if ('code' in r) return rateLimited(caller, r.waitMs);
    if (r.status === 'unknown') return refusal('receipt_unknown', 404, say.reasons(caller.locale, 'receipt.receipt_unknown'), { field: 'code' });
    return done(r);
  },
});
