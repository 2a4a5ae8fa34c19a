import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH, verifyChain, type ChainEntry } from './audit-chain.ts';

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
