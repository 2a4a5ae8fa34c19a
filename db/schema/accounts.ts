/**
 * @module Accounts and sessions (Lucia's session design: only the SHA-256 of
 * the session secret is stored, so a leaked table cannot be replayed).
 */
import { sqliteTable, text, integer, blob, index } from 'drizzle-orm/sqlite-core';
import { linkTo } from './columns.ts';

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
  /**
   * When the person closed the account (个人信息保护法 art. 47). A closed
   * account is a tombstone: no sign-in name, no contact details, no password
   * anyone could match; it stays only as the key that the public record
   * (comments, submitted proposals) and the figures counted from it still
   * point to (server/services/account-closure.ts).
   */
  closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
});

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    accountId: linkTo('account_id', () => accounts.id, { onDelete: 'cascade' }),
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

/**
 * Guessing throttles, shared by every app instance (a city runs several on
 * one libSQL server). One row per key: a sign-in name tried from untrusted
 * browsers, an address, a trusted device, a receipt or residency-code
 * checker. Failures past a free allowance double the wait each time, up to a
 * cap; a quiet day forgets them (server/auth/throttle.ts).
 */
export const authThrottle = sqliteTable('auth_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Device cookies (OWASP's defence against account lockout): a browser that
 * has signed in to an account gets a random token, of which only the SHA-256
 * is kept here. Sign-ins from it with the right password go through while
 * that account is under attack from elsewhere.
 */
export const trustedDevices = sqliteTable(
  'trusted_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: linkTo('account_id', () => accounts.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('trusted_devices_account_idx').on(t.accountId)],
);
