/**
 * Natural order of project ids, as Python's natsort orders them:
 * "2" < "10", "L010" < "L025", "M/02/X" < "M/10/X".
 * Text runs compare by code point, digit runs by numeric value; ids that are
 * still equal (e.g. "L25" vs "L025") fall back to plain string order.
 */

const CHUNK_RE = /(\d+)|(\D+)/g;

function chunks(s: string): (string | bigint)[] {
  const out: (string | bigint)[] = [];
  if (/^\d/.test(s)) out.push('');
  for (const m of s.matchAll(CHUNK_RE)) out.push(m[1] !== undefined ? BigInt(m[1]) : m[2]!);
  return out;
}

export function naturalCompare(a: string, b: string): number {
  if (a === b) return 0;
  const ca = chunks(a);
  const cb = chunks(b);
  const len = Math.min(ca.length, cb.length);
  for (let i = 0; i < len; i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    if (typeof x === 'bigint' && typeof y === 'bigint') {
      if (x !== y) return x < y ? -1 : 1;
    } else {
      const xs = String(x);
      const ys = String(y);
      if (xs !== ys) return xs < ys ? -1 : 1;
    }
  }
  if (ca.length !== cb.length) return ca.length - cb.length;
  return a < b ? -1 : 1;
}

export function naturalSort<T extends string>(ids: Iterable<T>): T[] {
  return [...ids].sort(naturalCompare);
}
