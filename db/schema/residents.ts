/**
 * @module A community's resident register and role assignments.
 *
 * Staff import the register from CSV; each entry gets a one-time verification
 * code printed on a slip. Entering the code makes an account a verified
 * resident of that community (a `resident` role assignment). Register entries
 * hold personal data and are never public.
 */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { linkTo } from './columns.ts';
import { communities } from './places.ts';
import { accounts } from './accounts.ts';

export const registerEntries = sqliteTable(
  'register_entries',
  {
    id: text('id').primaryKey(),
    communityId: linkTo('community_id', () => communities.id),
    /** The community's own number for the resident (户籍/登记号), unique per community. */
    registerNo: text('register_no').notNull(),
    name: text('name').notNull(),
    /** Building / unit / room, for delivering the slip. */
    address: text('address').notNull(),
    phone: text('phone'),
    /** Shown on the printed slip; only staff of the community can see it. */
    verificationCode: text('verification_code').notNull().unique(),
    claimedByAccountId: text('claimed_by_account_id').references(() => accounts.id),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
    importedAt: integer('imported_at', { mode: 'timestamp_ms' }).notNull(),
    importedBy: text('imported_by').references(() => accounts.id),
  },
  (t) => [
    uniqueIndex('register_community_no_uq').on(t.communityId, t.registerNo),
    index('register_claimed_idx').on(t.claimedByAccountId),
    index('register_imported_by_idx').on(t.importedBy),
  ],
);

export const ROLE_VALUES = ['resident', 'council_member', 'staff', 'officer', 'auditor'] as const;
export const SCOPE_KINDS = ['community', 'street', 'district'] as const;

export const roleAssignments = sqliteTable(
  'role_assignments',
  {
    id: text('id').primaryKey(),
    accountId: linkTo('account_id', () => accounts.id),
    role: text('role', { enum: ROLE_VALUES }).notNull(),
    scopeKind: text('scope_kind', { enum: SCOPE_KINDS }).notNull(),
    scopeId: text('scope_id').notNull(),
    grantedAt: integer('granted_at', { mode: 'timestamp_ms' }).notNull(),
    grantedBy: text('granted_by'),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('roles_account_idx').on(t.accountId),
    index('roles_granted_by_idx').on(t.grantedBy),
    index('roles_scope_idx').on(t.scopeKind, t.scopeId, t.role),
  ],
);
