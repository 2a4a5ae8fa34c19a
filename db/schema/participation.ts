/**
 * @module What residents do: attachments on proposals, comments, ballots
 * (online and paper), satisfaction ratings, in-site notifications, and the
 * computed results of a cycle's resident vote.
 *
 * A voter is a register entry (a verified person of the community), not an
 * account: that is what makes "one resident, one ballot" hold across online
 * and paper ballots, and lets staff enter a paper ballot for someone who
 * never signed up.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { linkTo } from './columns.ts';
import { projects } from './projects.ts';
import { cycles } from './cycles.ts';
import { accounts } from './accounts.ts';
import { registerEntries } from './residents.ts';

export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    projectId: linkTo('project_id', () => projects.id),
    kind: text('kind', { enum: ['photo', 'pdf'] }).notNull(),
    /** The name the uploader gave; shown, never used as a path. */
    originalName: text('original_name').notNull(),
    /** Detected from the content (magic bytes), not from the name. */
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** Relative to the uploads folder under data/. */
    storedPath: text('stored_path').notNull(),
    uploadedBy: text('uploaded_by').references(() => accounts.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('attachments_project_idx').on(t.projectId), index('attachments_uploaded_by_idx').on(t.uploadedBy)],
);

export const comments = sqliteTable(
  'comments',
  {
    id: text('id').primaryKey(),
    projectId: linkTo('project_id', () => projects.id),
    authorAccountId: linkTo('author_account_id', () => accounts.id),
    /** Plain text; links are recognised when shown, HTML never rendered. */
    body: text('body').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' }),
    hiddenBy: text('hidden_by').references(() => accounts.id),
    /** Published with the hidden comment's placeholder. */
    hiddenReason: text('hidden_reason'),
  },
  (t) => [index('comments_project_idx').on(t.projectId, t.createdAt), index('comments_author_idx').on(t.authorAccountId), index('comments_hidden_by_idx').on(t.hiddenBy)],
);

/** Who may answer a comment as the office (官方回复). */
export const REPLY_ROLES = ['staff', 'council_member'] as const;

/**
 * Official replies (官方回复) to a resident's comment: staff of the project's
 * community or a member of its council answer as the office, under their
 * public name and role (officials act under their names). The name is kept
 * as the audit entry of the reply records it, so the page and the log agree.
 */
export const commentReplies = sqliteTable(
  'comment_replies',
  {
    id: text('id').primaryKey(),
    commentId: linkTo('comment_id', () => comments.id),
    projectId: linkTo('project_id', () => projects.id),
    authorAccountId: linkTo('author_account_id', () => accounts.id),
    authorRole: text('author_role', { enum: REPLY_ROLES }).notNull(),
    authorName: text('author_name').notNull(),
    /** Plain text, like a comment. */
    body: text('body').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('comment_replies_comment_idx').on(t.commentId, t.createdAt), index('comment_replies_project_idx').on(t.projectId), index('comment_replies_author_idx').on(t.authorAccountId)],
);

export const BALLOT_CHANNELS = ['online', 'paper'] as const;

/**
 * Every ballot ever cast. Casting again supersedes the previous ballot
 * (superseded_at set) in the same transaction; at most one current ballot per
 * voter and cycle, enforced by a partial unique index.
 */
export const ballots = sqliteTable(
  'ballots',
  {
    id: text('id').primaryKey(),
    cycleId: linkTo('cycle_id', () => cycles.id),
    registerEntryId: linkTo('register_entry_id', () => registerEntries.id),
    /** The account that cast it online; null for paper. Private. */
    accountId: text('account_id').references(() => accounts.id),
    channel: text('channel', { enum: BALLOT_CHANNELS }).notNull(),
    /** vote method at casting time: approval | basket | points */
    method: text('method').notNull(),
    /** Canonical JSON: approval/basket → ["<projectId>", …] sorted; points → {"<projectId>": n} sorted keys. */
    content: text('content').notNull(),
    /** Shown once to the voter; lets anyone check after the close that exactly this ballot was counted. */
    receiptCode: text('receipt_code').notNull().unique(),
    castAt: integer('cast_at', { mode: 'timestamp_ms' }).notNull(),
    supersededAt: integer('superseded_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('ballots_one_current_uq').on(t.cycleId, t.registerEntryId).where(sql`superseded_at is null`),
    index('ballots_cycle_idx').on(t.cycleId),
  ],
);

/**
 * Paper ballots are typed in twice by two different staff accounts. When two
 * entries agree, a `ballots` row (channel paper) is written; when they differ
 * the pair is flagged and a third entry by a third person settles it.
 */
export const paperBallotEntries = sqliteTable(
  'paper_ballot_entries',
  {
    id: text('id').primaryKey(),
    cycleId: linkTo('cycle_id', () => cycles.id),
    /** The serial number printed on the paper ballot. */
    paperSerial: text('paper_serial').notNull(),
    registerEntryId: linkTo('register_entry_id', () => registerEntries.id),
    content: text('content').notNull(),
    enteredBy: linkTo('entered_by', () => accounts.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** pending (first entry) | matched | mismatch | resolved */
    status: text('status', { enum: ['pending', 'matched', 'mismatch', 'resolved'] }).notNull(),
    ballotId: text('ballot_id').references(() => ballots.id),
  },
  (t) => [
    index('paper_entries_serial_idx').on(t.cycleId, t.paperSerial),
    uniqueIndex('paper_entries_person_uq').on(t.cycleId, t.paperSerial, t.enteredBy),
    index('paper_entries_entered_by_idx').on(t.enteredBy),
  ],
);

export const ratings = sqliteTable(
  'ratings',
  {
    id: text('id').primaryKey(),
    projectId: linkTo('project_id', () => projects.id),
    registerEntryId: linkTo('register_entry_id', () => registerEntries.id),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('ratings_once_uq').on(t.projectId, t.registerEntryId)],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    accountId: linkTo('account_id', () => accounts.id),
    projectId: text('project_id').references(() => projects.id),
    kind: text('kind').notNull(),
    /** JSON: what the page needs to render the message in either language. */
    payload: text('payload', { mode: 'json' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('notifications_account_idx').on(t.accountId, t.createdAt)],
);

/** A computed result of a cycle's resident vote: the official rule's, and the other rule's for comparison. */
export const cycleResults = sqliteTable(
  'cycle_results',
  {
    id: text('id').primaryKey(),
    cycleId: linkTo('cycle_id', () => cycles.id),
    rule: text('rule').notNull(),
    official: integer('official', { mode: 'boolean' }).notNull(),
    /** JSON: { selected: [projectId], totalCostFen, votes: {id: n}, explanations: {id: {...}} } */
    result: text('result', { mode: 'json' }).notNull(),
    ballotCount: integer('ballot_count').notNull(),
    computedAt: integer('computed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('cycle_results_rule_uq').on(t.cycleId, t.rule)],
);
