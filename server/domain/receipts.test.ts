import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { fingerprintListText, hexOf, listHas, normalizeReceiptCode, parseFingerprintList, RECEIPT_RE, TYPED_RECEIPT, typedReceiptCode } from './receipts.ts';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('the published list of counted receipt fingerprints', () => {
  it('is sorted, one fingerprint per line, each line ending in a line feed; empty when nothing was counted', () => {
    const fps = ['ABCDE-FGH23', 'ZZZZZ-22222', 'MNPQR-STU45'].map(sha);
    const text = fingerprintListText(fps);
    expect(text).toBe([...fps].sort().map((f) => `${f}\n`).join(''));
    expect(fingerprintListText([])).toBe('');
    expect(parseFingerprintList(text)).toEqual([...fps].sort());
    expect(parseFingerprintList('')).toEqual([]);
  });

  it('is read back only in exactly the published form', () => {
    const [a, b] = [sha('ABCDE-FGH23'), sha('MNPQR-STU45')].sort() as [string, string];
    expect(parseFingerprintList(`${a}\n${b}`)).toBeNull(); // no final line feed
    expect(parseFingerprintList(`${b}\n${a}\n`)).toBeNull(); // not sorted
    expect(parseFingerprintList(`${a}\n${a}\n`)).toBeNull(); // repeated
    expect(parseFingerprintList(`${a.toUpperCase()}\n`)).toBeNull(); // upper-case hex
    expect(parseFingerprintList(`${a}\n\n`)).toBeNull(); // an empty line
    expect(parseFingerprintList(`ABCDE-FGH23\n`)).toBeNull(); // a code, not a fingerprint
    expect(parseFingerprintList(`${a}\r\n`)).toBeNull();
  });

  it('finds a fingerprint by binary search, and nothing else', () => {
    const list = Array.from({ length: 101 }, (_, i) => sha(`code-${i}`)).sort();
    for (const f of list) expect(listHas(list, f)).toBe(true);
    expect(listHas(list, sha('code-101'))).toBe(false);
    expect(listHas([], list[0]!)).toBe(false);
  });

  it('fingerprints a code in its printed form, however it was typed', () => {
    expect(normalizeReceiptCode(' abcde fgh23 ')).toBe('ABCDE-FGH23');
    expect(normalizeReceiptCode('ＡＢＣＤＥ－ＦＧＨ２３')).toBe('ABCDE-FGH23');
    expect(RECEIPT_RE.test('ABCDE-FGH23')).toBe(true);
    expect(RECEIPT_RE.test('ABCDE-FGH21')).toBe(false);
    expect(hexOf(new Uint8Array(createHash('sha256').update('ABCDE-FGH23').digest()))).toBe(sha('ABCDE-FGH23'));
  });

  it('a typed code is of one form, TYPED_RECEIPT (the API document\'s pattern), and every text of that form is a code', () => {
    for (const typed of ['ABCDE-FGH23', ' abcde fgh23 ', 'ＡＢＣＤＥ－ＦＧＨ２３', 'ab_cde—fgh23', 'ABCDEFGH23']) expect(typedReceiptCode(typed), typed).toBe('ABCDE-FGH23');
    // A symbol no code has (0, 1, I, L, O), a letter only NFKC would fold into one, a wrong count: not a code.
    for (const typed of ['ABCDE-FGH20', 'ABCDE-FGHI3', 'ſBCDE-FGH23', 'ABCDE-FGH2', 'ABCDE-FGH234', '']) expect(typedReceiptCode(typed), typed).toBeNull();
    fc.assert(fc.property(fc.stringMatching(new RegExp(TYPED_RECEIPT)), (typed) => RECEIPT_RE.test(typedReceiptCode(typed)!)));
  });
});

describe('receipt codes at their edges', () => {
  it('leaves a code of another length cleaned but unsplit', () => {
    expect(normalizeReceiptCode('abc-12')).toBe('ABC12');
  });
});
