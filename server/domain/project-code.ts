/**
 * @module Project codes STREET-COMMUNITY-YEAR-SEQ (e.g. SGJD-TXSQ-2026-07).
 *
 * The code is the project's stable public name: it is printed on notices and
 * is the URL `/projects/<code>`. So there is exactly one spelling of each
 * code (upper case, sequence padded to two digits); `parseProjectCode` accepts
 * only that spelling, and `normalizeProjectCode` turns what a person typed
 * into it, so a route can redirect to the canonical URL.
 */

export type ProjectCodeParts = {
  streetCode: string;
  communityCode: string;
  year: number;
  seq: number;
};

/** Street and community codes: pinyin initials, upper-case ASCII letters. */
const PLACE_CODE = /^[A-Z]{1,10}$/;
const CODE = /^([A-Z]{1,10})-([A-Z]{1,10})-([1-9]\d{3})-(\d{2,})$/;

export function isPlaceCode(code: string): boolean {
  return PLACE_CODE.test(code);
}

/** Format a code. Invalid parts are a programming error (they come from the database), so this throws. */
export function formatProjectCode(streetCode: string, communityCode: string, year: number, seq: number): string {
  if (!isPlaceCode(streetCode)) throw new RangeError(`bad street code: ${JSON.stringify(streetCode)}`);
  if (!isPlaceCode(communityCode)) throw new RangeError(`bad community code: ${JSON.stringify(communityCode)}`);
  if (!Number.isSafeInteger(year) || year < 1000 || year > 9999) throw new RangeError(`bad year: ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`bad sequence number: ${seq}`);
  return `${streetCode}-${communityCode}-${year}-${String(seq).padStart(2, '0')}`;
}

/** The parts of a canonical code, or null for anything else (including non-canonical spellings). */
export function parseProjectCode(code: string): ProjectCodeParts | null {
  const m = CODE.exec(code);
  if (m === null) return null;
  const seqText = m[4]!;
  // '007' is not canonical ('07' is); '00' is no sequence number at all.
  if (seqText.length > 2 && seqText.startsWith('0')) return null;
  const seq = Number(seqText);
  if (seq < 1 || !Number.isSafeInteger(seq)) return null;
  return { streetCode: m[1]!, communityCode: m[2]!, year: Number(m[3]), seq };
}

/**
 * The canonical spelling of a code someone typed or linked
 * (' sgjd-txsq-2026-7 ' → 'SGJD-TXSQ-2026-07'), or null if it cannot be one.
 */
export function normalizeProjectCode(input: string): string | null {
  const m = /^([A-Z]{1,10})-([A-Z]{1,10})-([1-9]\d{3})-(\d{1,15})$/.exec(input.normalize('NFKC').trim().toUpperCase());
  if (m === null) return null;
  const seq = Number(m[4]);
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  return formatProjectCode(m[1]!, m[2]!, Number(m[3]), seq);
}
