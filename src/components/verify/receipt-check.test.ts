import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { fingerprintListText } from '#domain/receipts.ts';
import { canHash, lookUp, receiptFingerprint } from './receipt-check.ts';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('a receipt among the counted ones, in the browser', () => {
  it('fingerprints the code as printed with WebCrypto, exactly as the server does', async () => {
    expect(canHash()).toBe(true);
    expect(await receiptFingerprint(' abcde fgh23 ')).toEqual({ code: 'ABCDE-FGH23', fingerprint: sha('ABCDE-FGH23') });
    expect(await receiptFingerprint('ABCDE-FGH2')).toBeNull();
  });

  it('finds a counted code, not another, and checks the list against what the log recorded', async () => {
    const text = fingerprintListText(['ABCDE-FGH23', 'MNPQR-STU45'].map(sha));
    const logged = { seq: 42, count: 2, sha256: sha(text) };
    expect(await lookUp(text, sha('MNPQR-STU45'), logged)).toEqual({ ok: true, found: true, list: { lines: 2, sha256: sha(text), against: 'same' } });
    expect(await lookUp(text, sha('ZZZZZ-22222'), logged)).toMatchObject({ ok: true, found: false, list: { against: 'same' } });
    // A list that is not the one the log recorded is reported, and so is a vote counted before the log recorded it.
    const other = fingerprintListText(['ABCDE-FGH23'].map(sha));
    expect(await lookUp(other, sha('ABCDE-FGH23'), logged)).toMatchObject({ ok: true, found: true, list: { lines: 1, against: 'differs' } });
    expect(await lookUp(text, sha('ABCDE-FGH23'), null)).toMatchObject({ ok: true, found: true, list: { against: 'unlogged' } });
    expect(await lookUp('not a list\n', sha('ABCDE-FGH23'), logged)).toEqual({ ok: false, problem: 'unreadable_list' });
  });
});
