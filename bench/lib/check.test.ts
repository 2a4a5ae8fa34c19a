/**
 * The crash checks must be able to fail: fed a database that lost or
 * duplicated an acknowledged ballot, they say so, and bench:crash exits 1
 * whenever `crashProblems` returns anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '#tests/fixtures.ts';
import { loadActor } from '#services/accounts.ts';
import { castBallot } from '#services/ballots.ts';
import { auditVerify, checkBallots, crashProblems, type Ack } from './check.ts';

const CYCLE = 'cy-xianhu-2026';
const allFound = { checked: 2, found: 2 };

describe('the crash checks', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let acks: Ack[];

  beforeAll(async () => {
    t = await testApp({ seed: true });
    const { actor } = await loadActor(t.ctx, 'demo-resident_xh');
    const entry = await t.ctx.database.client.execute({ sql: 'select id from register_entries where claimed_by_account_id = ?', args: ['demo-resident_xh'] });
    const registerEntryId = String(entry.rows[0]!.id);
    const projects = await t.ctx.database.client.execute({ sql: "select id from projects where cycle_id = ? and state = 'screened_in' order by code", args: [CYCLE] });
    acks = [];
    // A ballot, then a change of mind: one superseded, one current.
    for (const p of projects.rows.slice(0, 2)) {
      const r = await castBallot(t.ctx, CYCLE, { projects: [String(p.id)] }, actor);
      if (!r.ok) throw new Error(`cast refused: ${r.code}`);
      acks.push({ receipt: r.receiptCode, registerEntryId });
    }
  });
  afterAll(() => t?.close());

  it('find nothing wrong when every acknowledged ballot is stored once', async () => {
    const check = await checkBallots(t.url, CYCLE, acks);
    expect(check).toMatchObject({ acknowledged: 2, lost: 0, duplicated: 0 });
    const audit = await auditVerify(t.url);
    expect(audit.ok).toBe(true);
    expect(crashProblems(check, allFound, audit)).toEqual([]);
  });

  it('count an acknowledged ballot missing from the database as lost, and fail the run', async () => {
    await t.ctx.database.client.execute({ sql: 'delete from ballots where receipt_code = ?', args: [acks[1]!.receipt] });
    const check = await checkBallots(t.url, CYCLE, acks);
    expect(check).toMatchObject({ acknowledged: 2, lost: 1, duplicated: 0 });
    expect(crashProblems(check, allFound, { ok: true, output: '' })).toEqual(['1 of 2 acknowledged ballots lost']);
  });

  it('count a receipt acknowledged twice as duplicated', async () => {
    // (A second current ballot for one voter, or a receipt stored twice, the database itself refuses: unique indexes.)
    const check = await checkBallots(t.url, CYCLE, [acks[0]!, acks[0]!]);
    expect(check).toMatchObject({ lost: 0, duplicated: 1, acknowledgedTwice: 1 });
    expect(crashProblems(check, allFound, { ok: true, output: '' })).toEqual(['1 duplicated (0 extra current ballots, 0 receipts stored twice, 1 acknowledged twice)']);
  });

  it('fail the run on a receipt the restarted server does not find, or a broken audit chain', () => {
    const fine = { acknowledged: 2, lost: 0, duplicated: 0, stored: 2, current: 1, misfiled: 0, extraCurrent: 0, storedTwice: 0, acknowledgedTwice: 0 };
    expect(crashProblems(fine, { checked: 2, found: 1, missing: ['ABCDE-FGH23 (404)'] }, { ok: true, output: '' })).toEqual(['1 of 2 sampled receipts not found by the restarted server: ABCDE-FGH23 (404)']);
    expect(crashProblems(fine, allFound, { ok: false, output: 'audit log broken at entry 7' })).toEqual(['audit chain does not verify: audit log broken at entry 7']);
  });
});
