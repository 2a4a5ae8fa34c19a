/**
 * @module Counting from the database after a run: which acknowledged ballots
 * are missing (lost), and which voters or receipts are there more than once
 * (duplicated). Also runs the audit chain check the way `npm run audit:verify`
 * does.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openDatabase } from '../../db/client.ts';
import { ROOT } from './server.ts';

/** An acknowledged ballot: the receipt the server answered 201 with, and whose ballot it was. */
export type Ack = { receipt: string; registerEntryId: string };

export type BallotCheck = {
  acknowledged: number;
  lost: number;
  duplicated: number;
  stored: number;
  current: number;
  /** Acknowledged receipts stored under another voter than the one who cast them. */
  misfiled: number;
};

export async function checkBallots(databaseUrl: string, cycleId: string, acks: Ack[]): Promise<BallotCheck> {
  const database = await openDatabase(databaseUrl);
  try {
    const rows = (await database.client.execute({ sql: 'select receipt_code, register_entry_id, superseded_at from ballots where cycle_id = ?', args: [cycleId] })).rows;
    const byReceipt = new Map<string, string[]>();
    const currentPerVoter = new Map<string, number>();
    for (const r of rows) {
      const receipt = String(r.receipt_code);
      const voter = String(r.register_entry_id);
      const list = byReceipt.get(receipt) ?? [];
      list.push(voter);
      byReceipt.set(receipt, list);
      if (r.superseded_at === null) currentPerVoter.set(voter, (currentPerVoter.get(voter) ?? 0) + 1);
    }
    let lost = 0;
    let misfiled = 0;
    const ackedTwice = new Map<string, number>();
    for (const a of acks) {
      ackedTwice.set(a.receipt, (ackedTwice.get(a.receipt) ?? 0) + 1);
      const stored = byReceipt.get(a.receipt);
      if (!stored) lost++;
      else if (!stored.includes(a.registerEntryId)) misfiled++;
    }
    let duplicated = 0;
    for (const n of currentPerVoter.values()) if (n > 1) duplicated += n - 1;
    for (const list of byReceipt.values()) if (list.length > 1) duplicated += list.length - 1;
    for (const n of ackedTwice.values()) if (n > 1) duplicated += n - 1;
    return { acknowledged: acks.length, lost: lost + misfiled, duplicated, stored: rows.length, current: [...currentPerVoter.values()].reduce((a, b) => a + b, 0), misfiled };
  } finally {
    database.close();
  }
}

/** `npm run audit:verify` against this database, as a user would run it: true when it says "intact". */
export function auditVerify(databaseUrl: string): { ok: boolean; output: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/audit-verify.ts')], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  return { ok: r.status === 0 && /audit log intact/.test(output), output };
}
