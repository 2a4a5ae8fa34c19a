/**
 * @module Counting from the database after a run: which acknowledged ballots
 * are missing (lost), and which voters or receipts are there more than once
 * (duplicated). Also runs the audit chain check that `npm run audit:verify`
 * runs, and decides whether a crash run failed.
 */
import { openDatabase } from '#db/client.ts';
import { verifyAuditLog } from '#services/audit.ts';
import { apiClient } from './api.ts';

/** An acknowledged ballot: the receipt the server answered 201 with, and whose ballot it was. */
export type Ack = { receipt: string; registerEntryId: string };

export type BallotCheck = {
  acknowledged: number;
  /** Acknowledged receipts not stored for the voter who cast them (missing, or misfiled). */
  lost: number;
  /** The sum of the three kinds below. */
  duplicated: number;
  stored: number;
  current: number;
  /** Acknowledged receipts stored under another voter than the one who cast them. */
  misfiled: number;
  /** Current ballots beyond one per voter. */
  extraCurrent: number;
  /** Receipt codes stored more than once (each extra row). */
  storedTwice: number;
  /** Receipt codes the server acknowledged more than once (each extra answer). */
  acknowledgedTwice: number;
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
    let extraCurrent = 0;
    let storedTwice = 0;
    let acknowledgedTwice = 0;
    for (const n of currentPerVoter.values()) if (n > 1) extraCurrent += n - 1;
    for (const list of byReceipt.values()) if (list.length > 1) storedTwice += list.length - 1;
    for (const n of ackedTwice.values()) if (n > 1) acknowledgedTwice += n - 1;
    return {
      acknowledged: acks.length,
      lost: lost + misfiled,
      duplicated: extraCurrent + storedTwice + acknowledgedTwice,
      stored: rows.length,
      current: [...currentPerVoter.values()].reduce((a, b) => a + b, 0),
      misfiled,
      extraCurrent,
      storedTwice,
      acknowledgedTwice,
    };
  } finally {
    database.close();
  }
}

/**
 * The check `npm run audit:verify` makes (verifyAuditLog), in this process — spawning the
 * script costs seconds of start-up on a busy machine: ok when the whole chain recomputes.
 */
export async function auditVerify(databaseUrl: string): Promise<{ ok: boolean; output: string }> {
  const database = await openDatabase(databaseUrl);
  try {
    const r = await verifyAuditLog(database);
    return r.ok
      ? { ok: true, output: `audit log intact: ${r.count} entries, head ${r.head}` }
      : { ok: false, output: `audit log broken at entry ${r.badSeq} (${r.problem}); ${r.count} entries before it are intact` };
  } finally {
    database.close();
  }
}

/** GET /api/receipts/{code} for each: an acknowledged receipt must be known to the restarted server. */
export async function lookUpReceipts(url: string, sample: Ack[]): Promise<{ checked: number; found: number; missing: string[] }> {
  const missing: string[] = [];
  const api = apiClient({ baseUrl: url });
  for (const a of sample) {
    const { response } = await api.GET('/api/receipts/{code}', { params: { path: { code: a.receipt } } });
    if (!response.ok) missing.push(`${a.receipt} (${response.status})`);
  }
  return { checked: sample.length, found: sample.length - missing.length, missing };
}

/**
 * Why a crash run failed, one sentence each; empty when it did not. A run
 * fails on any lost or duplicated acknowledged ballot, any sampled receipt the
 * restarted server does not find, and a broken audit chain.
 */
export function crashProblems(check: BallotCheck, sample: { checked: number; found: number; missing?: string[] }, audit: { ok: boolean; output: string }): string[] {
  const out: string[] = [];
  if (check.lost > 0) out.push(`${check.lost} of ${check.acknowledged} acknowledged ballots lost${check.misfiled ? ` (${check.misfiled} stored under another voter)` : ''}`);
  if (check.duplicated > 0) out.push(`${check.duplicated} duplicated (${check.extraCurrent} extra current ballots, ${check.storedTwice} receipts stored twice, ${check.acknowledgedTwice} acknowledged twice)`);
  if (sample.found < sample.checked) out.push(`${sample.checked - sample.found} of ${sample.checked} sampled receipts not found by the restarted server${sample.missing?.length ? `: ${sample.missing.slice(0, 5).join(', ')}` : ''}`);
  if (!audit.ok) out.push(`audit chain does not verify: ${audit.output}`);
  return out;
}
