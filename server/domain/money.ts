/**
 * @module Money as integer fen (分). Never a float: 0.1 + 0.2 must not
 * decide whether a project fits its cap. Parsing works on the digits as text
 * and BigInt; formatting splits integers with `%` and exact division.
 */

/** The largest amount we store: beyond this a JS number stops being exact. */
export const MAX_FEN = Number.MAX_SAFE_INTEGER;

export type ParseYuanError = 'empty' | 'not_a_number' | 'too_many_decimals' | 'negative' | 'too_large';
export type ParseYuanResult = { ok: true; fen: number } | { ok: false; reason: ParseYuanError };

// Digits with optional, well-formed thousands separators, then optional decimals.
const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

// As typed on an ASCII or a full-width (Chinese) keyboard: a digit, a digit but 0, a thousands comma, a decimal point.
const D = '[0-9\\uFF10-\\uFF19]';
const NZ = '[1-9\\uFF11-\\uFF19]';
const C = '[,\\uFF0C]';
const P = '[.\\uFF0E]';
const ZEROS = '[0\\uFF10]*';
/** The most a person may type: 9,999,999,999,999.99 yuan (13 digits of yuan, 9 of 万). */
export const MAX_TYPED_FEN = 10 ** 15 - 1;

/**
 * An amount of yuan as a person may type it, as the source of a regular
 * expression (the API document's pattern for every amount it takes as text):
 * an optional ¥; digits, in groups of three with commas if you like; at most
 * two decimals; an optional 元 — or the same counted in 万 (10,000 yuan) with
 * at most six decimals, then 万 and an optional 元; spaces around the parts;
 * digits, commas, points and ¥ as typed on an ASCII or a full-width keyboard.
 * At most MAX_TYPED_FEN. Every text it matches is read by parseYuan, and
 * parseTypedYuan reads no other.
 */
export const TYPED_YUAN = [
  `^\\s*[\\u00A5\\uFFE5]?\\s*(?:`,
  `(?:${ZEROS}${D}{1,13}|${NZ}${D}{0,2}(?:${C}${D}{3}){1,3}|${NZ}(?:${C}${D}{3}){4})(?:${P}${D}{1,2})?(?:\\s*\\u5143)?`,
  `|(?:${ZEROS}${D}{1,9}|${NZ}${D}{0,2}(?:${C}${D}{3}){1,2})(?:${P}${D}{1,6})?\\s*\\u4E07\\s*\\u5143?`,
  `)\\s*$`,
].join('');
const TYPED_YUAN_RE = new RegExp(TYPED_YUAN);

/**
 * An amount typed into a form or an API field: parseYuan, but only for text
 * of the form TYPED_YUAN (so what the API document says is what is read; an
 * amount in other characters NFKC would fold, or of 10,000,000,000,000 yuan
 * and more, is refused).
 */
export function parseTypedYuan(input: string): ParseYuanResult {
  const r = parseYuan(input);
  if (TYPED_YUAN_RE.test(input)) return r;
  if (!r.ok) return r;
  return { ok: false, reason: r.fen > MAX_TYPED_FEN ? 'too_large' : 'not_a_number' };
}

/**
 * Read an amount of yuan typed by a person: '480000', '1,234.50', '¥48万',
 * '48.5万元', full-width digits. A trailing 万 multiplies by 10,000 yuan (so up
 * to 6 decimals are exact); without it at most 2 decimals (fen) are allowed.
 */
export function parseYuan(input: string): ParseYuanResult {
  // NFKC turns full-width digits, commas, points and ￥ into ASCII.
  let s = input.normalize('NFKC').trim();
  if (s === '') return { ok: false, reason: 'empty' };

  // A minus may come before or after the currency sign: '-¥5', '¥-5'.
  const lead = /^([-−]?)\s*¥?\s*([-−]?)\s*/.exec(s)!;
  const negative = lead[1] !== '' || lead[2] !== '';
  s = s.slice(lead[0].length);
  // The units a person may type after the number (as TYPED_YUAN writes them): \u5143 元 (yuan), \u4E07 万 (10,000).
  if (s.endsWith('\u5143')) s = s.slice(0, -1).trimEnd();
  let wan = false;
  if (s.endsWith('\u4E07')) {
    wan = true;
    s = s.slice(0, -1).trimEnd();
  }

  const m = AMOUNT.exec(s);
  if (m === null) return { ok: false, reason: 'not_a_number' };
  if (negative) return { ok: false, reason: 'negative' };

  const whole = m[1]!.replaceAll(',', '');
  const decimals = m[2] ?? '';
  // How many decimal places still land on a whole fen: 1 元 = 100 分,
  // 1 万元 = 1,000,000 分.
  const places = wan ? 6 : 2;
  if (decimals.length > places) return { ok: false, reason: 'too_many_decimals' };

  // Concatenating the digits is exact scaling: '48.5万' → '48' + '500000'.
  const fen = BigInt(whole + decimals.padEnd(places, '0'));
  if (fen > BigInt(MAX_FEN)) return { ok: false, reason: 'too_large' };
  return { ok: true, fen: Number(fen) };
}

export type MoneyLocale = 'zh-CN' | 'en';

const FEN_PER_YUAN = 100;
const FEN_PER_WAN = 1_000_000; // 10,000 yuan

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`money: ${fen} is not a whole number of fen`);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** '1,234' or '1,234.50': whole yuan drop the '.00'. */
function yuanText(absFen: number): string {
  const yuan = Math.floor(absFen / FEN_PER_YUAN);
  const cents = absFen % FEN_PER_YUAN;
  const text = groupThousands(String(yuan));
  return cents === 0 ? text : `${text}.${String(cents).padStart(2, '0')}`;
}

/** Whole units and a remainder as '12,345.67' with trailing zeros (and a bare point) dropped. */
function decimalText(whole: number, part: number, places: number): string {
  // With no places the part is 0, which drops to ''.
  const decimals = String(part).padStart(places, '0').replace(/0+$/u, '');
  return decimals === '' ? groupThousands(String(whole)) : `${groupThousands(String(whole))}.${decimals}`;
}

/**
 * The number of 万元 in an amount, for a table whose header names the unit
 * ('（万元）') and for sentences that write '万元' themselves: '48.5',
 * '2,000', '0.35'. Exact by default (six places reach a single fen);
 * `places` rounds half up to fewer, as statistics tables do (two places: to
 * the nearest 100 yuan). Trailing zeros are dropped.
 */
export function formatWan(fen: number, places = 6): string {
  assertFen(fen);
  if (!Number.isInteger(places) || places < 0 || places > 6) throw new RangeError(`money: ${places} decimal places of ten thousand yuan`);
  const sign = fen < 0 ? '-' : '';
  // Integer steps only (`%` and exact division), so rounding is exact up to MAX_FEN; no BigInt, which some
  // of the phones the ballot meter runs on lack. `step`: fen per last digit shown; rounded half up.
  const abs = Math.abs(fen);
  const step = 10 ** (6 - places);
  const rest = abs % step;
  const units = (abs - rest) / step + (rest * 2 >= step ? 1 : 0);
  const scale = 10 ** places;
  const part = units % scale;
  const text = decimalText((units - part) / scale, part, places);
  return text === '0' ? '0' : `${sign}${text}`;
}

/** The number of yuan as the English format writes it after '¥': '35,000', '1,234.50'. */
export function formatYuan(fen: number): string {
  assertFen(fen);
  return `${fen < 0 ? '-' : ''}${yuanText(Math.abs(fen))}`;
}

/** The number of yuan with trailing zeros dropped: '1,234.5', '800', '0.01' (the Chinese format writes 元 after it, messages/money.ts). */
export function yuanDecimalText(absFen: number): string {
  assertFen(absFen);
  return decimalText(Math.floor(absFen / FEN_PER_YUAN), absFen % FEN_PER_YUAN, 2);
}

/**
 * Plain yuan for a form field ('1234.50', '480000'), which `parseYuan` reads
 * back to the same fen.
 */
export function fenToYuanInput(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = abs % FEN_PER_YUAN;
  const yuan = String(Math.floor(abs / FEN_PER_YUAN));
  return cents === 0 ? `${sign}${yuan}` : `${sign}${yuan}.${String(cents).padStart(2, '0')}`;
}

/** Whole yuan to fen, refusing anything that is not exact. */
export function yuanToFen(yuan: number): number {
  if (!Number.isSafeInteger(yuan)) throw new RangeError(`money: ${yuan} is not a whole number of yuan`);
  const fen = yuan * FEN_PER_YUAN;
  assertFen(fen);
  return fen;
}

/** Whole 万元 to fen: caps and budgets in real rules are written in 万元. */
export function wanToFen(wan: number): number {
  if (!Number.isSafeInteger(wan)) throw new RangeError(`money: ${wan} is not a whole number of ten thousand yuan`);
  const fen = wan * FEN_PER_WAN;
  assertFen(fen);
  return fen;
}
