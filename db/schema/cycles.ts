/**
 * @module Cycles (年度轮次): one per community and year, bound to one rulebook
 * version. Phase rows carry the planned dates; `open_phase` on the cycle is
 * what staff actually opened, and it wins over the plan.
 */
import { sqliteTable, text, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { communities } from './places.ts';
import { rulebooks } from './rulebooks.ts';

export const PHASE_VALUES = [
  'collection',
  'screening',
  'resident_vote',
  'deliberation',
  'public_notice',
  'implementation',
  'acceptance',
  'audit',
  'closed',
] as const;

export const cycles = sqliteTable(
  'cycles',
  {
    id: text('id').primaryKey(),
    communityId: text('community_id')
      .notNull()
      .references(() => communities.id),
    year: integer('year').notNull(),
    rulebookId: text('rulebook_id')
      .notNull()
      .references(() => rulebooks.id),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    budgetFen: integer('budget_fen').notNull(),
    openPhase: text('open_phase', { enum: PHASE_VALUES }),
    /** Next project sequence number for codes STREET-COMMUNITY-YEAR-SEQ. */
    nextSeq: integer('next_seq').notNull().default(1),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('cycle_community_year_uq').on(t.communityId, t.year)],
);

export const cyclePhases = sqliteTable(
  'cycle_phases',
  {
    id: text('id').primaryKey(),
    cycleId: text('cycle_id')
      .notNull()
      .references(() => cycles.id),
    phase: text('phase', { enum: PHASE_VALUES }).notNull(),
    /** ISO dates (YYYY-MM-DD), local to the community. */
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
  },
  (t) => [uniqueIndex('cycle_phase_uq').on(t.cycleId, t.phase), index('cycle_phases_cycle_idx').on(t.cycleId)],
);
