/**
 * @module The audit log: append-only and hash-chained. Each entry's hash is
 * SHA-256 over a canonical serialisation of the entry and the previous hash
 * (see server/domain/audit-chain.ts), so an edited, deleted or inserted row
 * breaks the chain. Triggers (a drizzle-kit custom migration) refuse UPDATE
 * and DELETE.
 */
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    /** ISO-8601 UTC with milliseconds; part of the hashed content. */
    at: text('at').notNull(),
    actorAccountId: text('actor_account_id'),
    /** The role the actor acted in, and their public name ("居民" for residents). */
    actorRole: text('actor_role').notNull(),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    /** JSON text, canonical (sorted keys) so the hash is reproducible. */
    before: text('before'),
    after: text('after'),
    reason: text('reason'),
    prevHash: text('prev_hash').notNull(),
    /**
     * Not indexed: nothing looks an entry up by its hash, and the chain (each
     * hash covers the previous one and the entry's seq) is what makes each one
     * unique. The unique index it had cost every audited write — every
     * ballot — an insert at a random place in a B-tree of 64-character keys
     * (migration 0006 drops it).
     */
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_subject_idx').on(t.subjectType, t.subjectId), index('audit_action_idx').on(t.action), index('audit_actor_idx').on(t.actorAccountId)],
);

/**
 * Signed checkpoints of the published log (server/domain/audit-checkpoint.ts):
 * "entry `seq` has hash `hash`", signed with the deployment's Ed25519 key,
 * which is kept outside the database. Append-only like the log (triggers in
 * migration 0011). Written daily, at every phase change, when a vote closes,
 * and on demand (`npm run audit:checkpoint`).
 */
export const auditCheckpoints = sqliteTable(
  'audit_checkpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    seq: integer('seq').notNull(),
    hash: text('hash').notNull(),
    /** When it was signed: ISO-8601 UTC with milliseconds, part of what is signed. */
    at: text('at').notNull(),
    /** Why: daily, phase, vote_closed, manual. */
    reason: text('reason').notNull(),
    /** The signing key's public half, 64 lower-case hex (raw Ed25519). */
    publicKey: text('public_key').notNull(),
    /** Ed25519 signature of checkpointMessage(), 128 lower-case hex. */
    signature: text('signature').notNull(),
  },
  (t) => [index('audit_checkpoints_seq_idx').on(t.seq)],
);
