/**
 * @module Checking a running site's audit log from the outside, as anyone
 * can: download GET /api/audit.ndjson, recompute every hash, check every
 * signed checkpoint (GET /api/audit/checkpoints, keys from /api/audit/key)
 * and any checkpoint the checker brings (from a printed notice, a mirror).
 * Only public endpoints; the same pure walk as the browser's verifier
 * (server/domain/audit-checkpoint.ts). Used by `npm run audit:verify -- --url`.
 */
import { createHash } from 'node:crypto';
import { ChainWalker, checkCheckpoints, type CheckpointProblem, type CheckpointReport, type LineProblem, type SignedCheckpoint } from '../domain/audit-checkpoint.ts';
import { verifyEd25519 } from './audit-key.ts';

export type RemoteVerifyResult = {
  ok: boolean;
  count: number;
  head: string;
  lastSeq: number;
  chain: LineProblem | null;
  checkpoints: CheckpointReport;
};

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export async function verifyRemoteLog(base: string, given: { seq: number; hash: string }[] = []): Promise<RemoteVerifyResult> {
  const root = base.replace(/\/+$/, '');
  const key = await getJson<{ publicKey: string; keys: string[] }>(`${root}/api/audit/key`);
  const signed: SignedCheckpoint[] = [];
  for (let after = 0; ; ) {
    const page = await getJson<{ items: SignedCheckpoint[]; next: number | null }>(`${root}/api/audit/checkpoints?after=${after}`);
    signed.push(...page.items);
    if (page.next === null) break;
    after = page.next;
  }
  const walker = new ChainWalker((text) => createHash('sha256').update(text, 'utf8').digest('hex'), new Set([...signed, ...given].map((c) => c.seq)));
  // fetch() asks for gzip and undoes it; the lines arrive as the server reads them out.
  const res = await fetch(`${root}/api/audit.ndjson`);
  if (!res.ok || !res.body) throw new Error(`${root}/api/audit.ndjson: HTTP ${res.status}`);
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    rest += decoder.decode(chunk, { stream: true });
    const lines = rest.split('\n');
    rest = lines.pop()!;
    for (const line of lines) if (!(await walker.addLine(line))) break;
    if (walker.problem) break;
  }
  if (!walker.problem && rest.trim()) await walker.addLine(rest);
  const checkpoints = await checkCheckpoints(walker, signed, given, key.keys, verifyEd25519);
  return { ok: !walker.problem && checkpoints.problems.length === 0, count: walker.count, head: walker.head, lastSeq: walker.lastSeq, chain: walker.problem, checkpoints };
}

/** One line per problem, in words, for the command line. */
export function describeProblem(p: LineProblem | CheckpointProblem): string {
  switch (p.kind) {
    case 'unreadable':
      return `line ${p.line} of the download is not an entry`;
    case 'sequence_gap':
      return `entry ${p.seq} comes where entry ${p.expected} should: entries were deleted or inserted`;
    case 'prev_hash_mismatch':
      return `entry ${p.seq} does not link to the entry before it: an earlier entry was replaced or inserted`;
    case 'hash_mismatch':
      return `entry ${p.seq} does not match its hash: it was edited`;
    case 'missing_tail':
      return `the log ends at entry ${p.logEndsAt}, but a ${p.source === 'signed' ? 'signed' : 'given'} checkpoint covers entry ${p.seq}: its newest entries were cut off`;
    case 'rewritten':
      return `entry ${p.seq} has hash ${p.found || '(none)'}, but a ${p.source === 'signed' ? 'signed' : 'given'} checkpoint says ${p.expected}: the log was rewritten`;
    case 'bad_signature':
      return `the checkpoint at entry ${p.seq} has a bad signature`;
    case 'unknown_key':
      return `the checkpoint at entry ${p.seq} is signed by a key the site does not publish`;
  }
}
