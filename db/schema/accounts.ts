/**
 * @module Accounts and sessions (Lucia's session design: only the SHA-256 of
 * the session secret is stored, so a leaked table cannot be replayed).
 */
import { sqliteTable, text, integer, blob, index } from 'drizzle-orm/sqlite-core';

export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(),
  /** Either a username or a mainland mobile number is the sign-in name; both unique. */
  username: text('username').unique(),
  mobile: text('mobile').unique(),
  passwordHash: text('password_hash').notNull(),
  /** The name shown publicly when this person acts as a council member, staff or officer. */
  displayName: text('display_name').notNull(),
  locale: text('locale', { enum: ['zh-CN', 'en'] }).notNull().default('zh-CN'),
  /** Demo accounts are marked so the seed can be told apart from real data. */
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  passwordChangedAt: integer('password_changed_at', { mode: 'timestamp_ms' }),
});

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/**
 * One row whose `n` changes whenever something a signed-in request reads
 * about its session could change: a session is renewed or ended, an account
 * is edited or removed, a role is granted or revoked, a place is renamed.
 * Triggers (migration 0005) change it, on every connection and every app
 * instance alike, so a session held in memory (server/auth/session-cache.ts)
 * is still exactly what the database says for as long as `n` is unchanged.
 */
export const authEpoch = sqliteTable('auth_epoch', {
  id: integer('id').primaryKey(),
  n: integer('n').notNull(),
});
