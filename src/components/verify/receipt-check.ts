/**
 * @module A voter's receipt among the counted ones, in the browser: the
 * receipt code's fingerprint (SHA-256 with WebCrypto), looked up in the
 * published list of counted receipt fingerprints (format and reading:
 * server/domain/receipts.ts), and the list itself checked against the
 * length and SHA-256 that the count's audit entry recorded. The code never
 * leaves the browser.
 */
import { hexOf, listHas, normalizeReceiptCode, parseFingerprintList, RECEIPT_RE } from '#domain/receipts.ts';

/**
 * Whether this page can compute SHA-256: WebCrypto exists only on pages
 * served over HTTPS (or from localhost), as the site is in production.
 */
export function canHash(): boolean {
  return typeof globalThis.crypto?.subtle?.digest === 'function';
}

/** SHA-256 in lower-case hex, with WebCrypto. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return hexOf(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes)));
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** A receipt code's fingerprint as the list holds it; null when `typed` is not a receipt code. */
export async function receiptFingerprint(typed: string): Promise<{ code: string; fingerprint: string } | null> {
  const code = normalizeReceiptCode(typed);
  if (!RECEIPT_RE.test(code)) return null;
  return { code, fingerprint: await sha256Hex(utf8(code)) };
}

/** What the count's audit entry recorded about the list. */
export type LoggedList = { seq: number; count: number; sha256: string };

export type ListCheck = { lines: number; sha256: string; against: 'same' | 'differs' | 'unlogged' };

export type Lookup = { ok: true; found: boolean; list: ListCheck } | { ok: false; problem: 'unreadable_list' };

/** Look `fingerprint` up in a downloaded list, and compare the list with what the log recorded. */
export async function lookUp(listText: string, fingerprint: string, logged: LoggedList | null): Promise<Lookup> {
  const list = parseFingerprintList(listText);
  if (!list) return { ok: false, problem: 'unreadable_list' };
  const hash = await sha256Hex(utf8(listText));
  const against = !logged ? 'unlogged' : logged.count === list.length && logged.sha256 === hash ? 'same' : 'differs';
  return { ok: true, found: listHas(list, fingerprint), list: { lines: list.length, sha256: hash, against } };
}
