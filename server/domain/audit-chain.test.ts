import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { canonicalJson, chainCheck, entryBytesText, entryHash, GENESIS_HASH, verifyChain, type ChainEntry } from './audit-chain.ts';

function chain(n: number) {
  const out: (ChainEntry & { prevHash: string; hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e: ChainEntry = {
      seq: i,
      at: `2026-01-0${i}T00:00:00.000Z`,
      actorRole: 'staff',
      actorName: '王芳',
      action: 'project.submit',
      subjectType: 'project',
      subjectId: `P${i}`,
      before: '{"state":"draft"}',
      after: '{"state":"submitted"}',
      reason: null,
    };
    const hash = entryHash(e, prev);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit chain', () => {
  it('canonical JSON sorts keys at every level so equal values hash equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
  });

  it('an untouched chain verifies and reports its head', () => {
    const c = chain(4);
    expect(verifyChain(c)).toEqual({ ok: true, count: 4, head: c[3].hash });
  });

  it('an empty log verifies with the genesis head', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: GENESIS_HASH });
  });

  it('an edited entry is caught at that entry', () => {
    const c = chain(4);
    c[2] = { ...c[2], reason: 'changed later' };
    expect(verifyChain(c)).toMatchObject({ ok: false, badSeq: 3, problem: 'hash_mismatch' });
  });

  it('a deleted entry is caught at the entry after the gap', () => {
    const c = chain(4);
    c.splice(1, 1);
    expect(verifyChain(c)).toMatchObject({ ok: false, badSeq: 3, problem: 'sequence_gap' });
  });

  it('a forged entry with a recomputed hash is caught by the next entry', () => {
    const c = chain(4);
    const forged = { ...c[1], actorName: 'someone else' };
    forged.hash = entryHash(forged, forged.prevHash);
    c[1] = forged;
    expect(verifyChain(c)).toMatchObject({ ok: false, badSeq: 3, problem: 'prev_hash_mismatch' });
  });

  it('a ballot entry written before the replaced flag was dropped hashes exactly as it did then', () => {
    // Recomputed by hand: printf '%s\n%s' '<canonical JSON>' '<64 × a>' | sha256sum. Upgrades keep every audit hash.
    const old: ChainEntry = {
      seq: 412,
      at: '2026-04-27T03:15:09.482Z',
      actorRole: 'resident',
      actorName: '居民',
      action: 'ballot.cast',
      subjectType: 'cycle',
      subjectId: 'cy-sunxi-2026',
      before: null,
      after: '{"channel":"online","replaced":true}',
      reason: null,
    };
    expect(entryHash(old, 'a'.repeat(64))).toBe('b43f201149f8571771196af9cfebb11133fb98aaca592ff5d1dfa9364727be88');
  });
});

describe('the specification (docs/audit-chain.md, docs/audit-chain.zh-CN.md)', () => {
  const ROOT = new URL('../../', import.meta.url);
  const vectorsOf = (file: string) =>
    [...readFileSync(new URL(file, ROOT), 'utf8').matchAll(/```json test-vector\n([\s\S]*?)\n```/g)].map(
      (m) => JSON.parse(m[1]!) as { entry: ChainEntry; prevHash: string; bytes: string; hash: string },
    );

  for (const file of ['docs/audit-chain.md', 'docs/audit-chain.zh-CN.md']) {
    it(`its three worked test vectors in ${file} are the bytes and hashes the implementation computes`, () => {
      const vectors = vectorsOf(file);
      expect(vectors).toHaveLength(3);
      let prev = GENESIS_HASH;
      for (const v of vectors) {
        expect(v.prevHash).toBe(prev);
        expect(entryBytesText(v.entry, v.prevHash)).toBe(v.bytes);
        expect(entryHash(v.entry, v.prevHash)).toBe(v.hash);
        // Independently of the implementation: SHA-256 of exactly the stated bytes.
        expect(createHash('sha256').update(v.bytes, 'utf8').digest('hex')).toBe(v.hash);
        prev = v.hash;
      }
      expect(verifyChain(vectors.map((v) => ({ ...v.entry, prevHash: v.prevHash, hash: v.hash })))).toEqual({ ok: true, count: 3, head: prev });
    });
  }

  it('its canonical form is RFC 8785: sorted members, no whitespace, raw UTF-8, only the required escapes', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], é: 'ü', A: { d: 2, c: 1 } })).toBe('{"A":{"c":1,"d":2},"a":[true,null,"x"],"b":1,"é":"ü"}');
    expect(canonicalJson('"\\\b\f\n\r\t\u0001\u001f /<>&\u2028\u2029')).toBe('"\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f /<>&\u2028\u2029"');
    // Sorted by UTF-16 code units, as RFC 8785 says, not by code point: 😀 (U+1F600, units D83D DE00) before Ａ (U+FF21).
    expect(canonicalJson({ '\uFF21': 1, '\u{1F600}': 2 })).toBe('{"\u{1F600}":2,"\uFF21":1}');
  });
});

describe('the bytes of an entry', () => {
  it('are exactly the canonical JSON of its ten public fields, a newline and the previous hash, for any text', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const orNull = fc.option(text, { nil: null });
    fc.assert(
      fc.property(
        fc.record({ seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), at: text, actorRole: text, actorName: text, action: text, subjectType: text, subjectId: text, before: orNull, after: orNull, reason: orNull }),
        fc.stringMatching(/^[0-9a-f]{64}$/),
        (e, prev) => {
          const { seq, at, actorRole, actorName, action, subjectType, subjectId, before, after, reason } = e;
          expect(entryBytesText(e, prev)).toBe(`${canonicalJson({ seq, at, actorRole, actorName, action, subjectType, subjectId, before, after, reason })}\n${prev}`);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the chain’s edges', () => {
  it('a member whose value is undefined is left out of the canonical form, as if absent', () => {
    expect(canonicalJson({ b: 1, a: undefined, c: { d: undefined, e: null } })).toBe('{"b":1,"c":{"e":null}}');
  });

  it('a log must start at entry 1, even when its first entry is hashed rightly from the genesis', () => {
    const e: ChainEntry = { seq: 2, at: '2026-01-01T00:00:00.000Z', actorRole: 'staff', actorName: '王芳', action: 'x', subjectType: 't', subjectId: '1', before: null, after: null, reason: null };
    expect(verifyChain([{ ...e, prevHash: GENESIS_HASH, hash: entryHash(e, GENESIS_HASH) }])).toEqual({ ok: false, count: 0, badSeq: 2, problem: 'sequence_gap' });
  });
});

describe('the chain at its edges', () => {
  it('writes a missing value as null, alone or in a list', () => {
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([1, undefined])).toBe('[1,null]');
  });

  it('hashes an entry with a field missing as if it were null', () => {
    const [e] = chain(1);
    const { prevHash, hash, ...entry } = e!;
    const missing = { ...entry, before: undefined, after: undefined, reason: undefined } as unknown as ChainEntry;
    expect(entryBytesText(missing, prevHash)).toBe(entryBytesText({ ...entry, before: null, after: null, reason: null }, prevHash));
  });

  it('says false at the entry that breaks the chain and at every one after, and keeps the first problem', () => {
    const l = chain(4);
    const check = chainCheck();
    expect(check.add(l[0]!)).toBe(true);
    expect(check.add({ ...l[1]!, reason: 'changed' })).toBe(false);
    expect(check.add(l[1]!)).toBe(false);
    expect(check.add({ ...l[2]!, prevHash: 'f'.repeat(64) })).toBe(false);
    expect(check.result()).toEqual({ ok: false, count: 1, badSeq: 2, problem: 'hash_mismatch' });
  });
});
