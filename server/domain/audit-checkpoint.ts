/**
 * @module Signed checkpoints of the audit log, and checking a downloaded log
 * against them. Pure (no Node, no browser API): the hash and the signature
 * check are passed in, so the server, `npm run audit:verify -- --url` and the
 * browser's verifier (WebCrypto) run this same code.
 *
 * A checkpoint says "the published log's entry number `seq` has hash
 * `hash`", at time `at`, signed with the deployment's Ed25519 key. Once a
 * checkpoint is out of the server's hands (printed on a notice, kept by a
 * mirror), no rewrite or cut of the log up to `seq` can go unnoticed: the
 * hash of entry `seq` covers every entry before it.
 *
 * The specification is docs/audit-chain.md (served at /audit/spec).
 */
import { canonicalJson, entryBytesText, GENESIS_HASH, type ChainEntry } from './audit-chain.ts';

export type Checkpoint = { seq: number; hash: string; at: string };
export type SignedCheckpoint = Checkpoint & { reason: string; signature: string; publicKey: string };

/** What is signed: this line, then the canonical JSON of {at, hash, seq}, as UTF-8. */
export const CHECKPOINT_PREFIX = 'weishishi audit checkpoint\n';

export function checkpointMessage(c: Checkpoint): string {
  return CHECKPOINT_PREFIX + canonicalJson({ at: c.at, hash: c.hash, seq: c.seq });
}

/** The text a printed notice carries and a visitor types back in: "SEQ:HASH". */
export function checkpointText(c: { seq: number; hash: string }): string {
  return `${c.seq}:${c.hash}`;
}

/** Reads "SEQ:HASH" as typed from a notice (spaces, a "#" and capitals forgiven); null when it is not one. */
export function parseCheckpointText(text: string): { seq: number; hash: string } | null {
  const m = /^#?\s*(\d{1,15})\s*[:\uFF1A]\s*([0-9a-fA-F\s]{64,80})$/.exec(text.trim());
  if (!m) return null;
  const hash = m[2].replace(/\s+/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const seq = Number(m[1]);
  return seq >= 1 && Number.isSafeInteger(seq) ? { seq, hash } : null;
}

export type Sha256Hex = (text: string) => string | Promise<string>;
export type VerifySignature = (publicKeyHex: string, message: string, signatureHex: string) => boolean | Promise<boolean>;

export type LineProblem =
  | { kind: 'unreadable'; line: number }
  | { kind: 'sequence_gap'; seq: number; expected: number }
  | { kind: 'prev_hash_mismatch'; seq: number }
  | { kind: 'hash_mismatch'; seq: number };

/**
 * Walks a downloaded log line by line, in order, from the genesis (or from a
 * trusted `start`, for a mirror that keeps up). Remembers the hash at every
 * seq in `watch` (the checkpoints' seqs) so that they can be checked after.
 */
export class ChainWalker {
  count = 0;
  head: string;
  lastSeq: number;
  problem: LineProblem | null = null;
  readonly seen = new Map<number, string>();
  private line = 0;
  private readonly sha256Hex: Sha256Hex;
  private readonly watch: Set<number>;

  constructor(sha256Hex: Sha256Hex, watch: Set<number> = new Set(), start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }) {
    this.sha256Hex = sha256Hex;
    this.watch = watch;
    this.head = start.hash;
    this.lastSeq = start.seq;
  }

  /** One NDJSON line; false once the chain is broken (nothing after counts). */
  async addLine(text: string): Promise<boolean> {
    this.line++;
    if (this.problem) return false;
    if (text.trim() === '') return true;
    let e: (ChainEntry & { prevHash: string; hash: string }) | undefined;
    try {
      e = JSON.parse(text);
    } catch {
      // Not JSON: e stays undefined, and is unreadable below.
    }
    if (typeof e !== 'object' || e === null || typeof e.seq !== 'number' || typeof e.hash !== 'string') {
      this.problem = { kind: 'unreadable', line: this.line };
      return false;
    }
    return this.add(e);
  }

  async add(e: ChainEntry & { prevHash: string; hash: string }): Promise<boolean> {
    if (this.problem) return false;
    if (e.seq !== this.lastSeq + 1) {
      this.problem = { kind: 'sequence_gap', seq: e.seq, expected: this.lastSeq + 1 };
      return false;
    }
    if (e.prevHash !== this.head) {
      this.problem = { kind: 'prev_hash_mismatch', seq: e.seq };
      return false;
    }
    if ((await this.sha256Hex(entryBytesText(e, this.head))) !== e.hash) {
      this.problem = { kind: 'hash_mismatch', seq: e.seq };
      return false;
    }
    this.head = e.hash;
    this.lastSeq = e.seq;
    this.count++;
    if (this.watch.has(e.seq)) this.seen.set(e.seq, e.hash);
    return true;
  }
}

export type CheckpointProblem =
  /** The log ends before the checkpoint's entry: its tail was cut off. */
  | { kind: 'missing_tail'; seq: number; logEndsAt: number; source: 'signed' | 'given' }
  /** The entry at the checkpoint's seq has another hash: the log was rewritten. */
  | { kind: 'rewritten'; seq: number; expected: string; found: string; source: 'signed' | 'given' }
  | { kind: 'bad_signature'; seq: number }
  | { kind: 'unknown_key'; seq: number };

export type CheckpointReport = { checked: number; total: number; problems: CheckpointProblem[] };

/**
 * After the walk: every signed checkpoint must carry a valid signature by one
 * of the published keys, and every checkpoint (signed, or typed in from a
 * printed notice) must name an entry the log has, with that hash.
 */
export async function checkCheckpoints(
  walker: ChainWalker,
  signed: SignedCheckpoint[],
  given: { seq: number; hash: string }[],
  keys: string[],
  verify: VerifySignature,
): Promise<CheckpointReport> {
  const problems: CheckpointProblem[] = [];
  let checked = 0;
  const byPosition = (c: { seq: number; hash: string }, source: 'signed' | 'given'): CheckpointProblem | null => {
    const found = walker.seen.get(c.seq);
    if (found === undefined) return c.seq > walker.lastSeq ? { kind: 'missing_tail', seq: c.seq, logEndsAt: walker.lastSeq, source } : { kind: 'rewritten', seq: c.seq, expected: c.hash, found: '', source };
    return found === c.hash ? null : { kind: 'rewritten', seq: c.seq, expected: c.hash, found, source };
  };
  for (const c of signed) {
    if (!keys.includes(c.publicKey)) problems.push({ kind: 'unknown_key', seq: c.seq });
    else if (!(await verify(c.publicKey, checkpointMessage(c), c.signature))) problems.push({ kind: 'bad_signature', seq: c.seq });
    else {
      const p = byPosition(c, 'signed');
      if (p) problems.push(p);
      else checked++;
    }
  }
  for (const c of given) {
    const p = byPosition(c, 'given');
    if (p) problems.push(p);
    else checked++;
  }
  return { checked, total: signed.length + given.length, problems };
}
