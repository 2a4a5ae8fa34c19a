/**
 * @module Receipt codes as people type them, and the published list of
 * counted receipt fingerprints (pure: the server hashes with node:crypto,
 * the browser with WebCrypto, and both read and write the list here).
 *
 * A fingerprint is the SHA-256, in lower-case hex, of a receipt code's
 * UTF-8 bytes in its printed form: ten symbols in two groups of five joined
 * by a hyphen, upper case (`ABCDE-FGH23`). The list holds one fingerprint
 * per counted ballot that has a receipt, sorted, one per line, each line
 * ending in a line feed (an empty list is an empty file). It says nothing
 * about what any ballot chose.
 */

/** A receipt code as printed. */
export const RECEIPT_RE = /^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/;

// A receipt's symbol and a separator as typed: ASCII or full-width (a Chinese keyboard), either case.
const SYMBOL = '[A-HJKMNP-Za-hjkmnp-z2-9\\uFF21-\\uFF28\\uFF2A\\uFF2B\\uFF2D\\uFF2E\\uFF30-\\uFF3A\\uFF41-\\uFF48\\uFF4A\\uFF4B\\uFF4D\\uFF4E\\uFF50-\\uFF5A\\uFF12-\\uFF19]';
const SEPARATOR = '[\\s\\-_\\u2013\\u2014\\uFF0D\\uFF3F]';

/**
 * A receipt code as a person may type it, as the source of a regular
 * expression (the API document's pattern): its ten symbols in either case,
 * ASCII or full-width, with spaces, hyphens, underscores or dashes anywhere.
 * normalizeReceiptCode turns every text it matches into the printed form.
 */
export const TYPED_RECEIPT = `^${SEPARATOR}*(?:${SYMBOL}${SEPARATOR}*){10}$`;
const TYPED_RECEIPT_RE = new RegExp(TYPED_RECEIPT);

/** A receipt code as typed, in its printed form; null when it is not one (TYPED_RECEIPT). */
export function typedReceiptCode(input: string): string | null {
  return TYPED_RECEIPT_RE.test(input) ? normalizeReceiptCode(input) : null;
}

/** One fingerprint: SHA-256 in lower-case hex. */
export const FINGERPRINT_RE = /^[0-9a-f]{64}$/;

/** 'abcde fghjk', 'ABCDE-FGHJK', 'abcdefghjk' → 'ABCDE-FGHJK'; anything else is returned cleaned but unchanged in shape. */
export function normalizeReceiptCode(input: string): string {
  const c = input.normalize('NFKC').toUpperCase().replace(/[\s\-_–—]/g, '');
  return c.length === 10 ? `${c.slice(0, 5)}-${c.slice(5)}` : c;
}

/** The published text of a list of fingerprints: sorted, one per line, each line ending in "\n". */
export function fingerprintListText(fingerprints: readonly string[]): string {
  const sorted = [...fingerprints].sort();
  return sorted.map((f) => `${f}\n`).join('');
}

/**
 * Read a published list back. Null when any line is not a fingerprint, the
 * lines are not strictly ascending, or the last line lacks its line feed: a
 * list that is not exactly in the published form is not trusted.
 */
export function parseFingerprintList(text: string): string[] | null {
  if (text === '') return [];
  if (!text.endsWith('\n')) return null;
  const lines = text.slice(0, -1).split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!FINGERPRINT_RE.test(lines[i]!)) return null;
    if (i > 0 && !(lines[i - 1]! < lines[i]!)) return null;
  }
  return lines;
}

/** Lower-case hex of bytes (a digest). */
export function hexOf(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Whether `fingerprint` is in a parsed list (sorted: binary search). */
export function listHas(list: readonly string[], fingerprint: string): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === fingerprint) return true;
    if (v < fingerprint) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
