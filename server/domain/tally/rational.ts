/**
 * Minimal exact rationals over BigInt. Denominators are always positive.
 * Values are not reduced automatically (reduction costs a gcd); call `reduce`
 * where growth matters. Comparison is by cross-multiplication.
 */

export interface Rat {
  readonly n: bigint;
  readonly d: bigint;
}

export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export function rat(n: bigint, d: bigint = 1n): Rat {
  if (d === 0n) throw new RangeError('zero denominator');
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

export function reduce(r: Rat): Rat {
  if (r.d === 1n) return r;
  const g = gcd(r.n, r.d);
  return g === 1n ? r : { n: r.n / g, d: r.d / g };
}

export function cmp(a: Rat, b: Rat): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function add(a: Rat, b: Rat): Rat {
  if (a.d === b.d) return { n: a.n + b.n, d: a.d };
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

export function sub(a: Rat, b: Rat): Rat {
  if (a.d === b.d) return { n: a.n - b.n, d: a.d };
  return { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
}

export function mulInt(a: Rat, k: bigint): Rat {
  return { n: a.n * k, d: a.d };
}

export function divInt(a: Rat, k: bigint): Rat {
  return rat(a.n, a.d * k);
}

const LIMIT = 1n << 1000n;

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(16).length * 4;
}

/** Float approximation (display and filtering only, never decisions); relative error below 2^-51. */
export function toFloat(a: Rat): number {
  let { n, d } = a;
  const neg = n < 0n;
  if (neg) n = -n;
  if (n < LIMIT && d < LIMIT) return (neg ? -1 : 1) * (Number(n) / Number(d));
  // keep the leading 64+ bits of each part and scale by the powers of two dropped
  const sn = Math.max(0, bitLength(n) - 68);
  const sd = Math.max(0, bitLength(d) - 68);
  const v = (Number(n >> BigInt(sn)) / Number(d >> BigInt(sd))) * 2 ** (sn - sd);
  return neg ? -v : v;
}

/** Float approximation of n/d for bigint n, d (d > 0). */
export function ratioToFloat(n: bigint, d: bigint): number {
  return toFloat({ n, d });
}

/** Rounds r (in units of 10^-scaleDigits) to a decimal string with `places` decimals, half away from zero. */
export function formatRat(r: Rat, scaleDigits: number, places = 2): string {
  // value in currency = r / 10^scaleDigits
  let num = r.n * 10n ** BigInt(places);
  let den = r.d * 10n ** BigInt(scaleDigits);
  const neg = num < 0n;
  if (neg) num = -num;
  let q = num / den;
  const rem = num % den;
  if (rem * 2n >= den) q += 1n;
  const s = q.toString().padStart(places + 1, '0');
  const ip = places > 0 ? s.slice(0, s.length - places) : s;
  const fp = places > 0 ? s.slice(s.length - places) : '';
  return (neg && q !== 0n ? '-' : '') + ip + (fp ? '.' + fp : '');
}
