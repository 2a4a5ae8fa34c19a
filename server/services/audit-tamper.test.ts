/**
 * Tampering with a stored audit entry, one hashed field at a time, on a real
 * database: every field of the canonical form (seq, at, actor role and name,
 * action, subject type and id, before, after, reason), nested values inside
 * before and after included, and null turned into a value. Each edit must
 * make verification fail at exactly that entry; the actor's private account
 * id, which is not hashed, must not. The append-only triggers are dropped in
 * the test's own copy to make the edits, as someone editing the file would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '#tests/fixtures.ts';
import { appendAudit, verifyAuditLog } from './audit.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let target = 0;

beforeAll(async () => {
  t = await testApp({ seed: true });
  // An entry with every hashed field filled, nested values in before and after.
  const r = await t.ctx.database.write((tx) =>
    appendAudit(tx, {
      actor: { accountId: 'demo-staff_xh', role: 'staff', name: '周敏（示例）' },
      action: 'test.tamper',
      subjectType: 'project',
      subjectId: 'p-tamper',
      before: { state: 'submitted', money: { fen: 35000, parts: [1, { k: 'a' }] } },
      after: { state: 'screened_in', money: { fen: 35000, parts: [1, { k: 'b' }] } },
      reason: '符合规定',
      at: new Date('2026-12-01T02:03:04.005Z'),
    }),
  );
  target = r.seq;
  // And one after it, so the target is not the head.
  await t.ctx.database.write((tx) => appendAudit(tx, { actor: { accountId: null, role: 'system', name: '系统' }, action: 'test.after', subjectType: 'cycle', subjectId: 'c', reason: null, at: new Date('2026-12-01T02:03:05Z') }));
  await t.ctx.database.client.execute('drop trigger audit_log_no_update');
});
afterAll(() => t.close());

/** Change one column of the target entry, verify, and put it back. */
async function tampered(column: string, value: string | number | null) {
  const db = t.ctx.database.client;
  const old = (await db.execute({ sql: `select ${column} as v from audit_log where seq = ?`, args: [target] })).rows[0]!.v;
  await db.execute({ sql: `update audit_log set ${column} = ? where seq = ?`, args: [value, target] });
  try {
    const rowByRow = await verifyAuditLog(t.ctx.database);
    // A database server's way, a page at a time (pages of 7, so that the target sits inside one), finds the same.
    expect(await verifyAuditLog(t.ctx.database, { pages: true, pageSize: 7 })).toEqual(rowByRow);
    return rowByRow;
  } finally {
    await db.execute({ sql: `update audit_log set ${column} = ? where seq = ?`, args: [old as string | number | null, column === 'seq' ? value : target] });
  }
}

describe('tampering with a stored audit entry', () => {
  it('changing any hashed field of an audit entry breaks verification at that entry', async () => {
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true });
    const edits: [string, string | null][] = [
      ['at', '2026-12-01T02:03:04.006Z'],
      ['actor_role', 'officer'],
      ['actor_name', '周敏'],
      ['action', 'test.tampered'],
      ['subject_type', 'cycle'],
      ['subject_id', 'p-other'],
      ['before', '{"money":{"fen":35000,"parts":[1,{"k":"z"}]},"state":"submitted"}'],
      ['before', '{"money":{"fen":35001,"parts":[1,{"k":"a"}]},"state":"submitted"}'],
      ['before', null],
      ['after', '{"money":{"fen":35000,"parts":[2,{"k":"b"}]},"state":"screened_in"}'],
      ['after', '{"money":{"fen":35000,"parts":[1,{"k":"b"}]},"state":"rejected"}'],
      ['reason', '不符合规定'],
      ['reason', null],
      ['reason', ''],
    ];
    for (const [column, value] of edits) {
      expect(await tampered(column, value), `${column} = ${value}`).toMatchObject({ ok: false, badSeq: target, problem: 'hash_mismatch' });
    }
    // Renumbering it leaves a gap where it stood: the walk stops at the next number it finds.
    expect(await tampered('seq', target + 1000)).toMatchObject({ ok: false, count: target - 1, badSeq: target + 1, problem: 'sequence_gap' });
    // Its link to the one before, and its own hash, are checked too.
    expect(await tampered('prev_hash', 'f'.repeat(64))).toMatchObject({ ok: false, badSeq: target, problem: 'prev_hash_mismatch' });
    expect(await tampered('hash', 'f'.repeat(64))).toMatchObject({ ok: false, badSeq: target, problem: 'hash_mismatch' });
    // The private account id is outside the hash: the public cannot see it, so it cannot be part of what they check.
    expect(await tampered('actor_account_id', 'demo-staff2_xh')).toMatchObject({ ok: true });
    // Every edit was put back.
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: true });
  });

  it('the same entry, written out by hand, hashes to the value the server stored', async () => {
    const row = (await t.ctx.database.client.execute({ sql: 'select prev_hash, hash from audit_log where seq = ?', args: [target] })).rows[0]!;
    const canonical = `{"action":"test.tamper","actorName":"周敏（示例）","actorRole":"staff","after":"{\\"money\\":{\\"fen\\":35000,\\"parts\\":[1,{\\"k\\":\\"b\\"}]},\\"state\\":\\"screened_in\\"}","at":"2026-12-01T02:03:04.005Z","before":"{\\"money\\":{\\"fen\\":35000,\\"parts\\":[1,{\\"k\\":\\"a\\"}]},\\"state\\":\\"submitted\\"}","reason":"符合规定","seq":${target},"subjectId":"p-tamper","subjectType":"project"}`;
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(`${canonical}\n${String(row.prev_hash)}`, 'utf8').digest('hex')).toBe(String(row.hash));
  });
});
