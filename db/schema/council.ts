/**
 * @module The residents' council (居民议事会): membership with terms,
 * screening opinions, meetings (agenda, attendance, per-member votes,
 * minutes, addenda), and the public notice with its objections.
 *
 * Outcomes are never typed: a meeting stores who was present and how each
 * member voted, and the outcome is computed from those facts with the
 * rulebook's quorum and pass threshold (server/domain/rulebook.ts).
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { created, linkTo } from './columns.ts';
import { communities } from './places.ts';
import { accounts } from './accounts.ts';
import { cycles } from './cycles.ts';
import { projects } from './projects.ts';
import { registerEntries } from './residents.ts';

export const councilTerms = sqliteTable(
  'council_terms',
  {
    id: text('id').primaryKey(),
    communityId: linkTo('community_id', () => communities.id),
    accountId: linkTo('account_id', () => accounts.id),
    role: text('role', { enum: ['chair', 'member'] }).notNull(),
    /** ISO dates, inclusive; ends_on null while the term runs. */
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on'),
    ...created(),
  },
  (t) => [index('council_terms_community_idx').on(t.communityId, t.startsOn)],
);

export const screeningOpinions = sqliteTable(
  'screening_opinions',
  {
    id: text('id').primaryKey(),
    projectId: linkTo('project_id', () => projects.id),
    authorAccountId: linkTo('author_account_id', () => accounts.id),
    stance: text('stance', { enum: ['support', 'oppose', 'note'] }).notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('screening_opinions_project_idx').on(t.projectId), index('screening_opinions_author_idx').on(t.authorAccountId)],
);

export const MEETING_STATUSES = ['scheduled', 'open', 'closed'] as const;

export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    communityId: linkTo('community_id', () => communities.id),
    cycleId: linkTo('cycle_id', () => cycles.id),
    title: text('title').notNull(),
    /** ISO date-time, China time. */
    scheduledAt: text('scheduled_at').notNull(),
    place: text('place').notNull(),
    status: text('status', { enum: MEETING_STATUSES }).notNull(),
    agendaPublishedAt: integer('agenda_published_at', { mode: 'timestamp_ms' }),
    /** Members in office when attendance was taken: the quorum's denominator. */
    membersTotal: integer('members_total'),
    minutes: text('minutes'),
    openedAt: integer('opened_at', { mode: 'timestamp_ms' }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    ...created(),
  },
  (t) => [index('meetings_cycle_idx').on(t.cycleId, t.scheduledAt), index('meetings_community_idx').on(t.communityId, t.scheduledAt), index('meetings_created_by_idx').on(t.createdBy)],
);

export const meetingAttendance = sqliteTable(
  'meeting_attendance',
  {
    meetingId: linkTo('meeting_id', () => meetings.id),
    accountId: linkTo('account_id', () => accounts.id),
    present: integer('present', { mode: 'boolean' }).notNull(),
    recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('attendance_uq').on(t.meetingId, t.accountId), index('attendance_account_idx').on(t.accountId)],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: text('id').primaryKey(),
    meetingId: linkTo('meeting_id', () => meetings.id),
    projectId: linkTo('project_id', () => projects.id),
    position: integer('position').notNull(),
    presentationNote: text('presentation_note'),
    discussionSummary: text('discussion_summary'),
    /**
     * Computed from council_votes when the item is decided; never typed.
     * 'carried_over' when the meeting closed without deciding it (the reason
     * is in the meeting's `meeting.item_carried_over` audit entry).
     */
    outcome: text('outcome', { enum: ['adopted', 'not_adopted', 'carried_over'] }),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('agenda_item_uq').on(t.meetingId, t.projectId),
    index('agenda_items_project_idx').on(t.projectId),
    // Whether a meeting adopted a project (council health, the kept statistics). Partial, so that queries by meeting
    // (the open-data export of agendas) keep their plan on a database without ANALYZE's statistics.
    index('agenda_items_adopted_idx').on(t.projectId).where(sql`outcome = 'adopted'`),
  ],
);

export const councilVotes = sqliteTable(
  'council_votes',
  {
    agendaItemId: linkTo('agenda_item_id', () => agendaItems.id),
    accountId: linkTo('account_id', () => accounts.id),
    vote: text('vote', { enum: ['for', 'against', 'abstain'] }).notNull(),
    recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
    recordedBy: text('recorded_by'),
  },
  (t) => [uniqueIndex('council_vote_uq').on(t.agendaItemId, t.accountId), index('council_votes_account_idx').on(t.accountId), index('council_votes_recorded_by_idx').on(t.recordedBy)],
);

/** A closed meeting is never edited; corrections are addenda, each logged. */
export const meetingAddenda = sqliteTable(
  'meeting_addenda',
  {
    id: text('id').primaryKey(),
    meetingId: linkTo('meeting_id', () => meetings.id),
    body: text('body').notNull(),
    ...created(),
  },
  (t) => [index('meeting_addenda_meeting_idx').on(t.meetingId, t.createdAt), index('meeting_addenda_created_by_idx').on(t.createdBy)],
);

export const notices = sqliteTable(
  'notices',
  {
    id: text('id').primaryKey(),
    projectId: linkTo('project_id', () => projects.id),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    /** approved (period ended with no open or upheld objection) | returned (an objection was upheld) */
    outcome: text('outcome', { enum: ['approved', 'returned'] }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('notices_project_idx').on(t.projectId), index('notices_open_idx').on(t.closedAt, t.endsAt)],
);

export const objections = sqliteTable(
  'objections',
  {
    id: text('id').primaryKey(),
    noticeId: linkTo('notice_id', () => notices.id),
    projectId: linkTo('project_id', () => projects.id),
    /** The objecting resident (private); published only as 居民. */
    registerEntryId: linkTo('register_entry_id', () => registerEntries.id),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['open', 'dismissed', 'upheld'] }).notNull(),
    answer: text('answer'),
    answeredBy: text('answered_by'),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('objections_notice_idx').on(t.noticeId, t.status), index('objections_register_entry_idx').on(t.registerEntryId), index('objections_status_idx').on(t.status), index('objections_answered_by_idx').on(t.answeredBy)],
);
