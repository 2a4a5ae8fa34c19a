/**
 * @module Delivery after approval (立项): the implementer and agreement,
 * progress reports, payments in batches, acceptance (验收), audit findings,
 * and imports of ballots from pabulib files. Money is integer fen.
 */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { created, linkTo } from './columns.ts';
import { projects } from './projects.ts';
import { cycles } from './cycles.ts';
import { accounts } from './accounts.ts';
import { attachments } from './participation.ts';

export const IMPLEMENTER_TYPES = ['contractor', 'social_org', 'community'] as const;

/** One per project: who delivers it, for how much, by when. */
export const agreements = sqliteTable(
  'agreements',
  {
    id: text('id').primaryKey(),
    projectId: linkTo('project_id', () => projects.id),
    implementerName: text('implementer_name').notNull(),
    implementerType: text('implementer_type', { enum: IMPLEMENTER_TYPES }).notNull(),
    /** Unified social credit code or other registration number. */
    registrationNo: text('registration_no').notNull(),
    /** The implementer's rating (e.g. 1–5 from the district's register), optional. */
    implementerRating: integer('implementer_rating'),
    agreementDate: text('agreement_date').notNull(),
    agreedAmountFen: integer('agreed_amount_fen').notNull(),
    plannedStart: text('planned_start').notNull(),
    plannedEnd: text('planned_end').notNull(),
    ...created(() => accounts.id),
  },
  (t) => [uniqueIndex('agreements_project_uq').on(t.projectId), index('agreements_created_by_idx').on(t.createdBy)],
);

export const progressReports = sqliteTable(
  'progress_reports',
  {
    id: text('id').primaryKey(),
    projectId: linkTo('project_id', () => projects.id),
    reportedOn: text('reported_on').notNull(),
    percent: integer('percent').notNull(),
    body: text('body').notNull(),
    ...created(() => accounts.id),
  },
  (t) => [index('progress_project_idx').on(t.projectId, t.reportedOn), index('progress_created_by_idx').on(t.createdBy)],
);

/** Photos of a progress report are attachments of the project, linked here. */
export const progressPhotos = sqliteTable(
  'progress_photos',
  {
    reportId: linkTo('report_id', () => progressReports.id),
    attachmentId: linkTo('attachment_id', () => attachments.id),
  },
  (t) => [uniqueIndex('progress_photo_uq').on(t.reportId, t.attachmentId), index('progress_photos_attachment_idx').on(t.attachmentId)],
);

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    projectId: linkTo('project_id', () => projects.id),
    batchNo: integer('batch_no').notNull(),
    paidOn: text('paid_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
    note: text('note').notNull().default(''),
    ...created(() => accounts.id),
  },
  (t) => [uniqueIndex('payments_batch_uq').on(t.projectId, t.batchNo), index('payments_created_by_idx').on(t.createdBy)],
);

export const acceptances = sqliteTable(
  'acceptances',
  {
    id: text('id').primaryKey(),
    projectId: linkTo('project_id', () => projects.id),
    result: text('result', { enum: ['pass', 'fail'] }).notNull(),
    acceptedOn: text('accepted_on').notNull(),
    inspector: text('inspector').notNull(),
    notes: text('notes').notNull().default(''),
    ...created(() => accounts.id),
  },
  (t) => [index('acceptances_project_idx').on(t.projectId), index('acceptances_created_by_idx').on(t.createdBy)],
);

export const auditFindings = sqliteTable(
  'audit_findings',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').references(() => projects.id),
    cycleId: text('cycle_id').references(() => cycles.id),
    severity: text('severity', { enum: ['info', 'issue', 'serious'] }).notNull(),
    body: text('body').notNull(),
    ...created(() => accounts.id),
  },
  (t) => [index('findings_project_idx').on(t.projectId), index('findings_cycle_idx').on(t.cycleId), index('findings_created_by_idx').on(t.createdBy)],
);

/** A staff import of a pabulib .pb file as a cycle's ballots, with progress for large files. */
export const ballotImports = sqliteTable('ballot_imports', {
  id: text('id').primaryKey(),
  cycleId: linkTo('cycle_id', () => cycles.id),
  fileName: text('file_name').notNull(),
  /**
   * running → pending (every ballot stored, waiting for a second person) →
   * done (approved: counted) or rejected (its ballots removed); failed if the
   * storing broke. Imports made before the review existed went straight to done.
   */
  status: text('status', { enum: ['running', 'pending', 'done', 'rejected', 'failed'] }).notNull(),
  total: integer('total').notNull(),
  processed: integer('processed').notNull(),
  error: text('error'),
  ...created(() => accounts.id),
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  /** SHA-256 (hex) of the file's UTF-8 bytes as uploaded. */
  sha256: text('sha256'),
  /** The file as uploaded: published once approved, so anyone can recount it. */
  fileText: text('file_text'),
  /** The second person, who approved or rejected it (never the uploader). */
  reviewedBy: text('reviewed_by').references(() => accounts.id),
  reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
  /** Why it was rejected (published). */
  reviewNote: text('review_note'),
});

/**
 * Ballots brought in from a .pb file (a vote held elsewhere, or history). They
 * have no register entry — only the file's anonymous voter id — and count in
 * the cycle's result like paper and online ballots.
 */
export const importedBallots = sqliteTable(
  'imported_ballots',
  {
    id: text('id').primaryKey(),
    importId: linkTo('import_id', () => ballotImports.id),
    cycleId: linkTo('cycle_id', () => cycles.id),
    voterRef: text('voter_ref').notNull(),
    /** Same canonical content as ballots.content. */
    content: text('content').notNull(),
  },
  (t) => [uniqueIndex('imported_ballots_voter_uq').on(t.cycleId, t.voterRef)],
);
