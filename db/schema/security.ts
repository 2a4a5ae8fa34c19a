/**
 * @module The security log (安全日志): sign-ins and their failures, sessions
 * ended, permission and rate-limit refusals, role and register changes,
 * exports of personal data, a person correcting their account or closing it
 * — who (account id, else the address), what, when, with what outcome. Kept apart from the public audit chain, which records
 * decisions and stays free of personal data; this log is read only by
 * district officers and auditors, and pruned after SECURITY_LOG_DAYS (at
 * least 180, 网络安全法 art. 21).
 */
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const SECURITY_EVENT_KINDS = [
  'sign_in',
  'sign_in_failed',
  'sign_in_throttled',
  'sign_out',
  'forbidden',
  'rate_limited',
  'role_changed',
  'register_changed',
  'personal_data_export',
  'account_changed',
  'account_closed',
] as const;

export const securityEvents = sqliteTable(
  'security_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    kind: text('kind', { enum: SECURITY_EVENT_KINDS }).notNull(),
    /** The signed-in account, if any. */
    accountId: text('account_id'),
    /** The client's address (for a sign-in failure, the only "who" there is). */
    address: text('address'),
    /** The route pattern or use case, e.g. `/api/projects/:code/events` or `register.import`. */
    what: text('what').notNull(),
    /** `ok`, `refused` or `failed`, with a short code (a status, a reason code). */
    outcome: text('outcome').notNull(),
    /** Small JSON of codes and counts, never names, numbers or text people wrote. */
    detail: text('detail'),
    requestId: text('request_id'),
  },
  (t) => [index('security_events_at_idx').on(t.at), index('security_events_kind_idx').on(t.kind, t.at), index('security_events_account_idx').on(t.accountId, t.at)],
);
