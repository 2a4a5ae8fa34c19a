/**
 * @module The list of counted receipt fingerprints of a vote (format:
 * server/domain/receipts.ts): the SHA-256 of the receipt code of every
 * ballot the count took from this site's ballots — online ballots and
 * reconciled paper ballots, each of which got a receipt — that was not
 * replaced by a later one. Ballots imported from a vote held elsewhere have
 * no receipt and are not in it: the list has exactly as many lines as the
 * published `.pb` has ballots, less the imported ones.
 *
 * The count writes the list's length and SHA-256 into its audit entry
 * (`cycle.vote_counted`, ./results.ts), so the log, and every checkpoint
 * after it, covers the list that open data later serves (./open-data.ts).
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { auditLog, ballots } from '#db/schema.ts';
import type { Db, Tx } from '#db/client.ts';
import { fingerprintListText } from '../domain/receipts.ts';

export type ReceiptList = { text: string; count: number; sha256: string };

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The cycle's counted receipt fingerprints as published, with their number and the SHA-256 of the text. */
export async function countedReceiptList(db: Db | Tx, cycleId: string): Promise<ReceiptList> {
  // Sorted by fingerprint, which says nothing about who voted when.
  const rows = await db.select({ code: ballots.receiptCode }).from(ballots).where(and(eq(ballots.cycleId, cycleId), isNull(ballots.supersededAt)));
  const text = fingerprintListText(rows.map((r) => sha256(r.code)));
  return { text, count: rows.length, sha256: sha256(text) };
}

export type LoggedReceipts = { seq: number; count: number; sha256: string };

/**
 * What each count's audit entry says about its list: seq, count and SHA-256,
 * by cycle id (one query over the action index, for every counted vote at
 * once). A vote counted before the entry carried them is not in the map.
 */
export async function receiptsAtCount(db: Db): Promise<Map<string, LoggedReceipts>> {
  const rows = await db
    .select({ seq: auditLog.seq, cycleId: auditLog.subjectId, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'cycle.vote_counted'), eq(auditLog.subjectType, 'cycle')))
    .orderBy(asc(auditLog.seq));
  const out = new Map<string, LoggedReceipts>();
  for (const row of rows) {
    if (!row.after || !row.cycleId) continue;
    let receipts: { count?: unknown; sha256?: unknown } | undefined;
    try {
      receipts = (JSON.parse(row.after) as { receipts?: { count?: unknown; sha256?: unknown } }).receipts;
    } catch {
      continue;
    }
    if (receipts && typeof receipts.count === 'number' && typeof receipts.sha256 === 'string') out.set(row.cycleId, { seq: row.seq, count: receipts.count, sha256: receipts.sha256 });
  }
  return out;
}
