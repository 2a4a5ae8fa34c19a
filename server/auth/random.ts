/**
 * @module Cryptographically random bytes for ids, session secrets and
 * receipt codes, drawn from a pool that `crypto.getRandomValues` refills 4 KB
 * at a time. Each call to the system's generator costs the same whether it
 * fills 16 bytes or 4,096, and every ballot needs three small draws (profiled
 * with bench/votes.ts). Every byte is handed out once and wiped from the
 * pool as it goes.
 */
const POOL = new Uint8Array(4096);
let at = POOL.length;

export function randomBytes(n: number): Uint8Array {
  if (n > POOL.length / 4) {
    const own = new Uint8Array(n);
    crypto.getRandomValues(own);
    return own;
  }
  if (at + n > POOL.length) {
    crypto.getRandomValues(POOL);
    at = 0;
  }
  const out = POOL.slice(at, at + n);
  POOL.fill(0, at, at + n);
  at += n;
  return out;
}

/**
 * `n` symbols of `alphabet` (at most 256 of them), each equally likely: a byte
 * maps to `alphabet[byte % size]` only below the largest multiple of the
 * size, and bytes at or above it are drawn again (no modulo bias).
 */
export function randomSymbols(alphabet: string, n: number, bytes: (n: number) => Uint8Array = randomBytes): string {
  const size = alphabet.length;
  if (size < 1 || size > 256) throw new RangeError('alphabet must have 1 to 256 symbols');
  const limit = 256 - (256 % size);
  let out = '';
  while (out.length < n) {
    for (const b of bytes(Math.max(16, n))) {
      if (b < limit && out.length < n) out += alphabet[b % size];
    }
  }
  return out;
}
