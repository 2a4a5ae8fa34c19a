/**
 * @module Publishing signed checkpoints of the audit log
 * (server/domain/audit-checkpoint.ts). A checkpoint covers the published
 * chain's head: while a resident vote is open, that is the last entry before
 * the day it opened (audit-disclosure.ts), so nothing a checkpoint signs is
 * ever withheld from the public.
 *
 * When: once a day, within a tick of every phase change and vote count (the
 * clock reads the log for them, so no path that changes a phase can forget
 * to), and on demand (`npm run audit:checkpoint`). A checkpoint is not itself
 * an audit entry: it is a signature over the log, and logging it would move
 * the head it just signed.
 */
import { and, asc, desc, gt, inArray, sql } from 'drizzle-orm';
import { auditCheckpoints, auditLog } from '#db/schema.ts';
import type { Database } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import { checkpointMessage, type SignedCheckpoint } from '../domain/audit-checkpoint.ts';
import { chinaDay } from '../domain/cycle-phases.ts';
import { auditDisclosure, publishedHead } from './audit-disclosure.ts';

export const CHECKPOINT_REASONS = ['daily', 'phase', 'vote_closed', 'manual'] as const;
export type CheckpointReason = (typeof CHECKPOINT_REASONS)[number];

/** The log entries that call for a checkpoint: a phase opened or closed, a vote counted. */
const PHASE_ACTIONS = ['cycle.phase_opened', 'cycle.phase_closed_on_time', 'cycle.phase_change_confirmed'];
const VOTE_ACTIONS = ['cycle.vote_counted'];

const COLUMNS = {
  seq: auditCheckpoints.seq,
  hash: auditCheckpoints.hash,
  at: auditCheckpoints.at,
  reason: auditCheckpoints.reason,
  publicKey: auditCheckpoints.publicKey,
  signature: auditCheckpoints.signature,
};

export async function latestCheckpoint(database: Database): Promise<SignedCheckpoint | null> {
  const r = await database.db.select(COLUMNS).from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  return r[0] ?? null;
}

/** Checkpoints in the order they were made, after the `after`-th one; `limit` at most 1,000. */
export async function listCheckpoints(database: Database, opts: { after?: number; limit?: number } = {}) {
  const limit = Math.min(opts.limit ?? 1000, 1000);
  const rows = await database.db
    .select({ id: auditCheckpoints.id, ...COLUMNS })
    .from(auditCheckpoints)
    .where(opts.after ? gt(auditCheckpoints.id, opts.after) : undefined)
    .orderBy(asc(auditCheckpoints.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  return { items, next: more ? items[items.length - 1]!.id : null };
}

/** Every key that has signed a checkpoint, and the current one. */
export async function publishedKeys(ctx: AppContext): Promise<string[]> {
  const used = await ctx.database.db.selectDistinct({ k: auditCheckpoints.publicKey }).from(auditCheckpoints);
  return [...new Set([ctx.auditKey.publicKey, ...used.map((r) => r.k)])];
}

/**
 * Signs the published head and stores it. When the newest checkpoint already
 * names that head (with this key), it is the answer and nothing is written,
 * except for the day's checkpoint: signed anew, it witnesses that the log
 * still ends there. Null while the log is empty.
 */
export async function publishCheckpoint(ctx: AppContext, reason: CheckpointReason): Promise<SignedCheckpoint | null> {
  const now = ctx.now();
  const head = await publishedHead(ctx.database, await auditDisclosure(ctx.database, now, null));
  if (head.seq === 0) return null;
  const last = await latestCheckpoint(ctx.database);
  if (reason !== 'daily' && last && last.seq === head.seq && last.hash === head.hash && last.publicKey === ctx.auditKey.publicKey) return last;
  const c = { seq: head.seq, hash: head.hash, at: now.toISOString() };
  const signed: SignedCheckpoint = { ...c, reason, publicKey: ctx.auditKey.publicKey, signature: ctx.auditKey.sign(checkpointMessage(c)) };
  // Several servers tick the same clock: inside the write, the newest checkpoint is read again, and one
  // that already says the same (today's, for a daily one) stands instead of a second copy.
  return ctx.database.write(async (tx) => {
    const latest = (await tx.select(COLUMNS).from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1))[0];
    const same = latest && latest.seq === signed.seq && latest.hash === signed.hash && latest.publicKey === signed.publicKey;
    if (same && (reason !== 'daily' || chinaDay(new Date(latest.at)) === chinaDay(now))) return latest;
    await tx.insert(auditCheckpoints).values(signed);
    return signed;
  });
}

/**
 * One tick of the clock: a checkpoint when a phase moved or a vote was
 * counted since the last one, or when none was made today (China time).
 */
export async function checkpointTick(ctx: AppContext): Promise<SignedCheckpoint | null> {
  const last = await latestCheckpoint(ctx.database);
  // The first checkpoint of a log is the day's, whatever its history holds.
  const moved = last
    ? await ctx.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(gt(auditLog.seq, last.seq), inArray(auditLog.action, [...PHASE_ACTIONS, ...VOTE_ACTIONS])))
        .orderBy(desc(sql`${auditLog.action} = 'cycle.vote_counted'`))
        .limit(1)
    : [];
  let reason: CheckpointReason | null = null;
  if (moved[0]) reason = VOTE_ACTIONS.includes(moved[0].action) ? 'vote_closed' : 'phase';
  else if (!last || chinaDay(new Date(last.at)) !== chinaDay(ctx.now())) reason = 'daily';
  if (!reason) return null;
  const made = await publishCheckpoint(ctx, reason);
  return made && made.at !== last?.at ? made : null;
}

/** Runs `checkpointTick` now and then every `everyMs`; returns the stop function. Failures are logged and retried on the next tick. */
export async function startCheckpointClock(ctx: AppContext, everyMs = 15_000): Promise<() => void> {
  const tick = async () => {
    try {
      const made = await checkpointTick(ctx);
      if (made) ctx.log.info({ msg: 'audit checkpoint signed', seq: made.seq, reason: made.reason });
    } catch (err) {
      ctx.log.error({ msg: 'audit checkpoint failed', err });
    }
  };
  await tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
