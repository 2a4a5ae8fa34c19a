/**
 * Exact decimal money: values are held as BigInt integers in a common
 * smallest unit (10^-digits of the currency unit). No floating point value
 * ever takes part in a decision.
 */

export type Money = string | number | bigint;

export class TallyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TallyInputError';
  }
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:[.,](\d*))?$/;

/** A parsed non-negative or negative decimal: value = int / 10^digits. */
export interface Decimal {
  readonly int: bigint;
  readonly digits: number;
}

/** Parses "1019940.37", "1,5", "42", 42, 42n. Throws TallyInputError on anything else. */
export function parseDecimal(value: Money, what = 'amount'): Decimal {
  if (typeof value === 'bigint') return { int: value, digits: 0 };
  let s: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TallyInputError(`${what} is not a finite number: ${value}`);
    if (Number.isInteger(value)) {
      if (!Number.isSafeInteger(value)) throw new TallyInputError(`${what} is too large to be exact as a number; pass a string or bigint: ${value}`);
      return { int: BigInt(value), digits: 0 };
    }
    s = String(value);
    if (/e/i.test(s)) throw new TallyInputError(`${what} cannot be represented exactly: ${value}; pass a decimal string`);
  } else {
    s = value.trim();
  }
  const m = DECIMAL_RE.exec(s);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
    throw new TallyInputError(`${what} is not a decimal number: "${value}"`);
  }
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const int = BigInt((m[2] || '0') + frac);
  return { int: m[1] === '-' ? -int : int, digits: frac.length };
}

export function pow10(digits: number): bigint {
  return 10n ** BigInt(digits);
}

/** Rescales a decimal to `digits` fractional digits (digits >= d.digits). */
export function toScaled(d: Decimal, digits: number): bigint {
  if (digits < d.digits) throw new Error('cannot scale down a decimal exactly');
  return d.int * pow10(digits - d.digits);
}

/** Formats an integer amount in units of 10^-digits as a minimal decimal string ("1018100", "0.5"). */
export function formatScaled(v: bigint, digits: number): string {
  const neg = v < 0n;
  let a = neg ? -v : v;
  if (digits === 0) return (neg ? '-' : '') + a.toString();
  const unit = pow10(digits);
  const ip = a / unit;
  let fp = (a % unit).toString().padStart(digits, '0').replace(/0+$/, '');
  return (neg ? '-' : '') + ip.toString() + (fp ? '.' + fp : '');
}

/** Integer fen (1/100 yuan) to an exact yuan decimal string: 12345 -> "123.45". */
export function yuanFromFen(fen: number | bigint): string {
  const v = typeof fen === 'bigint' ? fen : BigInt(fen);
  return formatScaled(v, 2);
}

/** Exact yuan decimal (string/number) to integer fen; throws if it has more than 2 decimals. */
export function fenFromYuan(yuan: Money): bigint {
  const d = parseDecimal(yuan, 'amount in yuan');
  if (d.digits > 2) throw new TallyInputError(`amount in yuan has more than 2 decimals: ${String(yuan)}`);
  return toScaled(d, 2);
}
