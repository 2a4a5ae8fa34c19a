/**
 * @module Checking a ballot receipt (anyone): whether the ballot was counted
 * or replaced, never what it said. It changes nothing but the guessing
 * throttle, and the page shows the answer in place (a receipt must not land
 * in an address bar).
 */
import { z } from 'zod';
import { checkReceiptGuarded, RECEIPT_RE } from '../services/ballots.ts';
import { typedReceiptCode } from '../domain/receipts.ts';
import { done, rateLimited, refusal, useCase, type LocalText } from './use-case.ts';

const BAD_CODE: LocalText = { 'zh-CN': '回执码应为 10 位字母和数字（不含 0、1、I、L、O）。', en: 'A receipt code has 10 letters and digits (no 0, 1, I, L or O).' };
const UNKNOWN: LocalText = { 'zh-CN': '没有这个回执码对应的选票，请逐个字符核对。', en: 'No ballot has this receipt code; check it character by character.' };

export const checkReceiptCase = useCase({
  name: 'receipt.check',
  input: z.object({ code: z.string().max(40) }),
  async run(caller, input) {
    const code = typedReceiptCode(input.code);
    if (code === null || !RECEIPT_RE.test(code)) return refusal('receipt_malformed', 400, BAD_CODE[caller.locale], { field: 'code' });
    const r = await checkReceiptGuarded(caller.ctx, code, caller.address);
    if ('code' in r) return rateLimited(caller, r.waitMs);
    if (r.status === 'unknown') return refusal('receipt_unknown', 404, UNKNOWN[caller.locale], { field: 'code' });
    return done(r);
  },
});
