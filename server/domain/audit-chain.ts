/**
 * @module The audit log's hash chain, pure so that the server, the
 * `audit:verify` command and anyone with the published log compute it the
 * same way.
 *
 * hash = hex(SHA-256(canonical(entry) + "\n" + prevHash)), where canonical()
 * is JSON with keys sorted and every public field present (null when empty).
 * The actor's private account id is deliberately outside the hash: the chain
 * covers only what is published, so a member of the public can recompute it.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainEntry = {
  seq: number;
  at: string;
  actorRole: string;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: string | null;
  after: string | null;
  reason: string | null;
};

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The exact text whose UTF-8 bytes are hashed: the entry's canonical JSON
 * (RFC 8785), a newline, the previous hash (docs/audit-chain.md). Written out
 * member by member in RFC 8785's order rather than through canonicalJson():
 * every field is a string, a number or null, so this is the same text
 * (a property test holds it to canonicalJson), at a fraction of the cost on
 * every write and every verification.
 */
export function entryBytesText(entry: ChainEntry, prevHash: string): string {
  const j = JSON.stringify;
  return (
    `{"action":${j(entry.action)},"actorName":${j(entry.actorName)},"actorRole":${j(entry.actorRole)},"after":${entry.after == null ? 'null' : j(entry.after)},` +
    `"at":${j(entry.at)},"before":${entry.before == null ? 'null' : j(entry.before)},"reason":${entry.reason == null ? 'null' : j(entry.reason)},` +
    `"seq":${j(entry.seq)},"subjectId":${j(entry.subjectId)},"subjectType":${j(entry.subjectType)}}\n${prevHash}`
  );
}

export function entryHash(entry: ChainEntry, prevHash: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(entryBytesText(entry, prevHash))));
}

export type VerifyResult =
  | { ok: true; count: number; head: string }
  | { ok: false; count: number; badSeq: number; problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' };

/**
 * The chain walked one entry at a time, carrying only the previous hash:
 * `add` is false once an entry does not match (and nothing after counts).
 * `hashHex` hashes the entry's text; the server passes Node's native SHA-256.
 */
export function chainCheck(hashHex: (text: string) => string = (t) => encodeHexLowerCase(sha256(new TextEncoder().encode(t)))) {
  let prev = GENESIS_HASH;
  let expected = 1;
  let count = 0;
  let broken: VerifyResult | null = null;
  return {
    add(e: ChainEntry & { prevHash: string; hash: string }): boolean {
      if (broken) return false;
      if (e.seq !== expected) broken = { ok: false, count, badSeq: e.seq, problem: 'sequence_gap' };
      else if (e.prevHash !== prev) broken = { ok: false, count, badSeq: e.seq, problem: 'prev_hash_mismatch' };
      else if (hashHex(entryBytesText(e, prev)) !== e.hash) broken = { ok: false, count, badSeq: e.seq, problem: 'hash_mismatch' };
      if (broken) return false;
      prev = e.hash;
      expected = e.seq + 1;
      count++;
      return true;
    },
    result: (): VerifyResult => broken ?? { ok: true, count, head: prev },
  };
}

/** Walk the entries in order; report the first one that does not match. */
export function verifyChain(entries: Iterable<ChainEntry & { prevHash: string; hash: string }>): VerifyResult {
  const check = chainCheck();
  for (const e of entries) if (!check.add(e)) break;
  return check.result();
}
