/**
 * @module Cycles (年度轮次): one per community and year, bound to one rulebook
 * version. Phase rows carry the planned dates; `open_phase` on the cycle is
 * the phase the cycle is in (moved on by the clock at each planned end, and
 * by staff), and it wins over the plan.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { linkTo } from './columns.ts';
import { communities } from './places.ts';
import { rulebooks } from './rulebooks.ts';
import { CYCLE_PHASES } from '#domain/cycle-phases.ts';

/** The phases are the domain's (server/domain/cycle-phases.ts): one list, not two. */
export const PHASE_VALUES = CYCLE_PHASES;

export const cycles = sqliteTable(
  'cycles',
  {
    id: text('id').primaryKey(),
    communityId: linkTo('community_id', () => communities.id),
    year: integer('year').notNull(),
    rulebookId: linkTo('rulebook_id', () => rulebooks.id),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    budgetFen: integer('budget_fen').notNull(),
    openPhase: text('open_phase', { enum: PHASE_VALUES }),
    /** Next project sequence number for codes STREET-COMMUNITY-YEAR-SEQ. */
    nextSeq: integer('next_seq').notNull().default(1),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('cycle_community_year_uq').on(t.communityId, t.year), 
    // The cycles still open (a few hundred in a city of thousands): the phase clock's and the open votes' reads.
    index('cycles_open_idx').on(t.openPhase).where(sql`open_phase is not null and open_phase <> 'closed'`),
    // Cycles without an opened phase (theirs follows the plan's dates).
    index('cycles_unphased_idx').on(t.id).where(sql`open_phase is null`),
    index('cycles_rulebook_idx').on(t.rulebookId)],
);

export const cyclePhases = sqliteTable(
  'cycle_phases',
  {
    id: text('id').primaryKey(),
    cycleId: linkTo('cycle_id', () => cycles.id),
    phase: text('phase', { enum: PHASE_VALUES }).notNull(),
    /** ISO dates (YYYY-MM-DD), local to the community. */
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
  },
  (t) => [uniqueIndex('cycle_phase_uq').on(t.cycleId, t.phase), index('cycle_phases_cycle_idx').on(t.cycleId)],
);

/**
 * A request to move a cycle backwards or to skip a phase (issue 16): staff
 * ask with a published reason; a street or district officer over the
 * community — not the person who asked — confirms or declines it. At most
 * one request per cycle is pending at a time (a partial unique index).
 */
export const phaseChangeRequests = sqliteTable(
  'phase_change_requests',
  {
    id: text('id').primaryKey(),
    cycleId: linkTo('cycle_id', () => cycles.id),
    /** The open phase when the request was made; confirming checks it still is. Null: the cycle had not been opened. */
    fromPhase: text('from_phase', { enum: PHASE_VALUES }),
    toPhase: text('to_phase', { enum: PHASE_VALUES }).notNull(),
    /** Published with the move. */
    reason: text('reason').notNull(),
    /**
     * The planned end of the phase moved to, from the move on (YYYY-MM-DD). Required when that
     * phase's planned end has passed: else the clock would close it again at once.
     */
    endsOn: text('ends_on'),
    status: text('status', { enum: ['pending', 'confirmed', 'declined'] }).notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
    decidedBy: text('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedRole: text('decided_role'),
    /** The officer's published note (required when declining). */
    decisionNote: text('decision_note'),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('phase_change_requests_cycle_idx').on(t.cycleId),
    index('phase_change_requests_status_idx').on(t.status),
    uniqueIndex('phase_change_requests_one_pending_uq').on(t.cycleId).where(sql`status = 'pending'`),
  ],
);
