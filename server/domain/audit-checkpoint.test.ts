/**
 * The outside check's walk and checkpoints (audit-checkpoint.ts), on small
 * hand-made logs: every way a downloaded log can be wrong is named at its
 * entry, and a checkpoint is passed only by a log that has that entry with
 * that hash, under a valid signature by a published key.
 */
import { describe, expect, it } from 'vitest';
import { createHash, generateKeyPairSync, sign, verify, createPublicKey } from 'node:crypto';
import { entryHash, GENESIS_HASH, type ChainEntry } from './audit-chain.ts';
import { ChainWalker, checkCheckpoints, checkpointMessage, checkpointText, CHECKPOINT_PREFIX, parseCheckpointText, type SignedCheckpoint } from './audit-checkpoint.ts';

type Line = ChainEntry & { prevHash: string; hash: string };
const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function log(n: number): Line[] {
  const out: Line[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e: ChainEntry = { seq, at: `2026-12-0${(seq % 9) + 1}T00:00:00.000Z`, actorRole: 'staff', actorName: '王芳', action: 'test.step', subjectType: 'test', subjectId: `s${seq}`, before: null, after: `{"n":${seq}}`, reason: seq % 2 ? null : '理由' };
    const hash = entryHash(e, prev);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

async function walk(lines: (Line | string)[], watch: number[] = []) {
  const w = new ChainWalker(sha256Hex, new Set(watch));
  for (const l of lines) if (!(await w.addLine(typeof l === 'string' ? l : JSON.stringify(l)))) break;
  return w;
}

// A real Ed25519 key, as the server's; the check is given a verifier as the CLI and the browser give theirs.
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const KEY = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
const signAs = (c: { seq: number; hash: string; at: string }, key = privateKey, publicHex = KEY): SignedCheckpoint => ({
  ...c,
  reason: 'daily',
  publicKey: publicHex,
  signature: sign(null, Buffer.from(checkpointMessage(c), 'utf8'), key).toString('hex'),
});
const verifyHex = (pub: string, message: string, sig: string) =>
  verify(null, Buffer.from(message, 'utf8'), createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(pub, 'hex').toString('base64url') }, format: 'jwk' }), Buffer.from(sig, 'hex'));

describe('walking a downloaded log', () => {
  it('an intact log walks to its head, counting every entry and remembering the watched hashes', async () => {
    const l = log(6);
    const w = await walk(l, [2, 5, 9]);
    expect({ problem: w.problem, count: w.count, head: w.head, lastSeq: w.lastSeq }).toEqual({ problem: null, count: 6, head: l[5]!.hash, lastSeq: 6 });
    expect([...w.seen]).toEqual([
      [2, l[1]!.hash],
      [5, l[4]!.hash],
    ]);
  });

  it('blank lines are skipped, anything else that is not an entry is named by its line', async () => {
    const l = log(3);
    expect((await walk(['', JSON.stringify(l[0]), '  '])).count).toBe(1);
    expect((await walk([l[0]!, '{not json'])).problem).toEqual({ kind: 'unreadable', line: 2 });
    expect((await walk([l[0]!, '"a string"'])).problem).toEqual({ kind: 'unreadable', line: 2 });
    expect((await walk([l[0]!, 'null'])).problem).toEqual({ kind: 'unreadable', line: 2 });
    expect((await walk([l[0]!, JSON.stringify({ ...l[1], seq: '2' })])).problem).toEqual({ kind: 'unreadable', line: 2 });
    expect((await walk([l[0]!, JSON.stringify({ ...l[1], hash: 7 })])).problem).toEqual({ kind: 'unreadable', line: 2 });
  });

  it('a deleted, repeated or reordered entry is a gap at the entry that came instead', async () => {
    const l = log(5);
    expect((await walk([l[0]!, l[2]!])).problem).toEqual({ kind: 'sequence_gap', seq: 3, expected: 2 });
    expect((await walk([l[0]!, l[0]!])).problem).toEqual({ kind: 'sequence_gap', seq: 1, expected: 2 });
    expect((await walk([l[1]!])).problem).toEqual({ kind: 'sequence_gap', seq: 2, expected: 1 });
  });

  it('an entry that does not link to the one before, or does not match its hash, is named', async () => {
    const l = log(3);
    expect((await walk([l[0]!, { ...l[1]!, prevHash: 'f'.repeat(64) }])).problem).toEqual({ kind: 'prev_hash_mismatch', seq: 2 });
    const w = await walk([l[0]!, { ...l[1]!, reason: '改过' }, l[2]!]);
    expect(w.problem).toEqual({ kind: 'hash_mismatch', seq: 2 });
    // Nothing after the break counts, and the head stays where the log was last intact.
    expect({ count: w.count, head: w.head, lastSeq: w.lastSeq }).toEqual({ count: 1, head: l[0]!.hash, lastSeq: 1 });
    expect(await w.addLine(JSON.stringify(l[2]))).toBe(false);
    expect(w.count).toBe(1);
  });

  it('a mirror walks on from the entry it already trusts', async () => {
    const l = log(5);
    const w = new ChainWalker(sha256Hex, new Set(), { seq: 3, hash: l[2]!.hash });
    for (const e of l.slice(3)) expect(await w.add(e)).toBe(true);
    expect({ count: w.count, head: w.head }).toEqual({ count: 2, head: l[4]!.hash });
  });
});

describe('checkpoints', () => {
  it('the signed bytes are the prefix and the canonical JSON of at, hash and seq, nothing else', () => {
    expect(CHECKPOINT_PREFIX).toBe('weishishi audit checkpoint\n');
    expect(checkpointMessage({ seq: 12, hash: 'ab'.repeat(32), at: '2026-12-07T02:00:00.000Z', ...({ reason: 'daily' } as object) } as never)).toBe(
      `weishishi audit checkpoint\n{"at":"2026-12-07T02:00:00.000Z","hash":"${'ab'.repeat(32)}","seq":12}`,
    );
  });

  it('a log passes a checkpoint only with that entry and that hash, under a valid signature by a published key', async () => {
    const l = log(6);
    const at = '2026-12-07T02:00:00.000Z';
    const good = signAs({ seq: 4, hash: l[3]!.hash, at });
    const given = { seq: 6, hash: l[5]!.hash };
    const w = await walk(l, [4, 6]);
    expect(await checkCheckpoints(w, [good], [given], [KEY], verifyHex)).toEqual({ checked: 2, total: 2, problems: [] });

    // Cut after the checkpoints: the tail is missing, for the signed one and the given one.
    const cut = await walk(l.slice(0, 3), [4, 6]);
    expect(await checkCheckpoints(cut, [good], [given], [KEY], verifyHex)).toEqual({
      checked: 0,
      total: 2,
      problems: [
        { kind: 'missing_tail', seq: 4, logEndsAt: 3, source: 'signed' },
        { kind: 'missing_tail', seq: 6, logEndsAt: 3, source: 'given' },
      ],
    });

    // A log rewritten with every hash recomputed: same length, other hashes.
    const other = log(6).map((e) => e);
    let prev = GENESIS_HASH;
    const rewritten = other.map((e) => {
      const changed = { ...e, reason: e.seq === 2 ? '改写' : e.reason, prevHash: prev };
      changed.hash = entryHash(changed, prev);
      prev = changed.hash;
      return changed;
    });
    const rw = await walk(rewritten, [4]);
    expect(rw.problem).toBeNull();
    expect((await checkCheckpoints(rw, [good], [], [KEY], verifyHex)).problems).toEqual([{ kind: 'rewritten', seq: 4, expected: l[3]!.hash, found: rewritten[3]!.hash, source: 'signed' }]);

    // A forged signature, and a key the site does not publish.
    const forged = { ...good, signature: good.signature.replace(/^./, (x) => (x === '0' ? '1' : '0')) };
    const stranger = generateKeyPairSync('ed25519');
    const strangerHex = Buffer.from(stranger.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
    const foreign = signAs({ seq: 4, hash: l[3]!.hash, at }, stranger.privateKey, strangerHex);
    expect(await checkCheckpoints(w, [forged, foreign], [], [KEY], verifyHex)).toEqual({
      checked: 0,
      total: 2,
      problems: [
        { kind: 'bad_signature', seq: 4 },
        { kind: 'unknown_key', seq: 4 },
      ],
    });
    // The same foreign checkpoint passes once its key is published.
    expect((await checkCheckpoints(w, [foreign], [], [KEY, strangerHex], verifyHex)).checked).toBe(1);
  });

  it('reads back what a visitor types from a notice, forgiving spaces, a leading # and capitals, and nothing else', () => {
    const hash = 'ab'.repeat(32);
    expect(checkpointText({ seq: 42, hash })).toBe(`42:${hash}`);
    expect(parseCheckpointText(`42:${hash}`)).toEqual({ seq: 42, hash });
    expect(parseCheckpointText(`#42：${hash.toUpperCase()}`)).toEqual({ seq: 42, hash });
    expect(parseCheckpointText(` 42 : ${hash.replace(/(.{16})/g, '$1 ').trim()} `)).toEqual({ seq: 42, hash });
    expect(parseCheckpointText(`123456789012345:${hash}`)).toEqual({ seq: 123456789012345, hash });
    for (const bad of ['', '42', `0:${hash}`, `-1:${hash}`, `x42:${hash}`, `42${hash}`, `42:${hash.slice(1)}`, `42:${hash}0`, `42:${'g'.repeat(64)}`, `1234567890123456:${hash}`, `42:${hash} tail`, `42;${hash}`])
      expect(parseCheckpointText(bad), bad).toBeNull();
  });
});

describe('the walk and the checkpoints at their edges', () => {
  it('says false at the line that breaks the chain, whatever breaks it', async () => {
    const l = log(3);
    const at = async (lines: (Line | string)[], last: Line | string) => {
      const w = await walk(lines);
      return [await w.addLine(typeof last === 'string' ? last : JSON.stringify(last)), w.problem];
    };
    expect(await at([l[0]!], '{not json')).toEqual([false, { kind: 'unreadable', line: 2 }]);
    expect(await at([l[0]!], 'null')).toEqual([false, { kind: 'unreadable', line: 2 }]);
    expect(await at([l[0]!], l[2]!)).toEqual([false, { kind: 'sequence_gap', seq: 3, expected: 2 }]);
    expect(await at([l[0]!], { ...l[1]!, prevHash: 'f'.repeat(64) })).toEqual([false, { kind: 'prev_hash_mismatch', seq: 2 }]);
    expect(await at([l[0]!], { ...l[1]!, reason: '改过' })).toEqual([false, { kind: 'hash_mismatch', seq: 2 }]);
  });

  it('takes a line of spaces as blank', async () => {
    const w = await walk([log(1)[0]!, '   ']);
    expect([w.problem, w.count]).toEqual([null, 1]);
  });

  it('after a break, refuses every line, blank, unreadable or even the right next entry, and keeps the first problem', async () => {
    const l = log(3);
    const w = await walk([l[0]!, { ...l[1]!, reason: '改过' }]);
    expect(await w.addLine('')).toBe(false);
    expect(await w.addLine('{not json')).toBe(false);
    expect(await w.add(l[1]!)).toBe(false);
    expect(w.problem).toEqual({ kind: 'hash_mismatch', seq: 2 });
    expect(w.count).toBe(1);
  });

  it('calls a checkpoint inside the log that the walk was not told to watch rewritten, with nothing found', async () => {
    const l = log(6);
    const w = await walk(l);
    expect(await checkCheckpoints(w, [], [{ seq: 4, hash: l[3]!.hash }, { seq: 6, hash: l[5]!.hash }], [KEY], verifyHex)).toEqual({
      checked: 0,
      total: 2,
      problems: [
        { kind: 'rewritten', seq: 4, expected: l[3]!.hash, found: '', source: 'given' },
        { kind: 'rewritten', seq: 6, expected: l[5]!.hash, found: '', source: 'given' },
      ],
    });
  });

  it('reads the first entry’s checkpoint, and spaces at the ends however many', () => {
    const hash = 'ab'.repeat(32);
    expect(parseCheckpointText(`1:${hash}`)).toEqual({ seq: 1, hash });
    const grouped = hash.replace(/(.{8})/g, '$1 ').trim();
    expect(parseCheckpointText(`42:${grouped}${' '.repeat(10)}`)).toEqual({ seq: 42, hash });
  });
});
