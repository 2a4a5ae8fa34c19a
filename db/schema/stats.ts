/**
 * @module Statistics kept counted (issue 18): the figures of every community
 * and year, the category and theme splits, each community's register and
 * participants over all years, and each cycle's council-health facts, so that
 * a page of the city adds up 4,000 rows instead of counting 160,000 projects
 * and a million ballots. They are a summary of the records, never a record
 * themselves: db/stats-cells.ts says how each is counted and how they are kept
 * exact (triggers of migration 0013 note which communities a write touched,
 * and the write transaction recounts those before it commits; a ballot is
 * added or taken away by the triggers themselves). Figures that depend on the
 * day (overdue projects, votes opened by their planned date) are not kept:
 * they are counted when read.
 */
import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';

const n = (name: string) => integer(name).notNull().default(0);

/** One row per community and year (the year of the project's, or the ballot's, cycle): the integer figures that do not depend on the day. */
export const statsCells = sqliteTable(
  'stats_cells',
  {
    communityId: text('community_id').notNull(),
    year: integer('year').notNull(),
    projectsTotal: n('projects_total'),
    projectsSubmitted: n('projects_submitted'),
    projectsScreenedOut: n('projects_screened_out'),
    projectsInSelection: n('projects_in_selection'),
    projectsNotAdopted: n('projects_not_adopted'),
    projectsAdopted: n('projects_adopted'),
    projectsAdoptedByResidents: n('projects_adopted_by_residents'),
    projectsInProgress: n('projects_in_progress'),
    projectsAccepted: n('projects_accepted'),
    projectsOnTime: n('projects_on_time'),
    projectsWithdrawn: n('projects_withdrawn'),
    moneyBudgetFen: n('money_budget_fen'),
    moneyAgreedFen: n('money_agreed_fen'),
    moneyContractedFen: n('money_contracted_fen'),
    moneyPaidFen: n('money_paid_fen'),
    ballots: n('ballots'),
    proposers: n('proposers'),
    participants: n('participants'),
    comments: n('comments'),
    ratings: n('ratings'),
    ratingsScoreSum: n('ratings_score_sum'),
    findingsOpen: n('findings_open'),
    findingsClosed: n('findings_closed'),
    cycles: n('cycles'),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.year] })],
);

/** Adopted projects of a community and year by category and theme, with their money. */
export const statsSplits = sqliteTable(
  'stats_splits',
  {
    communityId: text('community_id').notNull(),
    year: integer('year').notNull(),
    category: text('category').notNull(),
    theme: text('theme').notNull(),
    adopted: n('adopted'),
    agreedFen: n('agreed_fen'),
    contractedFen: n('contracted_fen'),
    paidFen: n('paid_fen'),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.year, t.category, t.theme] }),
    // The whole city's splits, read in the order they are grouped in (no sorting of tens of thousands of rows).
    index('stats_splits_all_idx').on(t.year, t.category, t.theme, t.adopted, t.agreedFen, t.contractedFen, t.paidFen),
  ],
);

/** One row per community: its register today, and the register entries that took part in any year (each once). */
export const statsCommunities = sqliteTable('stats_communities', {
  communityId: text('community_id').primaryKey(),
  registered: n('registered'),
  participants: n('participants'),
});

/** One row per cycle: what its council did (server/services/council-health.ts). */
export const statsCycles = sqliteTable(
  'stats_cycles',
  {
    cycleId: text('cycle_id').primaryKey(),
    communityId: text('community_id').notNull(),
    year: integer('year').notNull(),
    meetingsClosed: n('meetings_closed'),
    adopted: n('adopted'),
    adoptedAtMeeting: n('adopted_at_meeting'),
    adoptedByStaff: n('adopted_by_staff'),
  },
  (t) => [index('stats_cycles_community_idx').on(t.communityId, t.year)],
);

/** Communities whose rows above a write changed the records of; the write's own transaction recounts them and empties this. */
export const statsDirty = sqliteTable('stats_dirty', {
  communityId: text('community_id').primaryKey(),
});

/**
 * What each project state means to the kept figures (db/stats-cells.ts
 * writes it from the domain's lists at every start): a change of state within
 * one class (a notice ending, 公示 → 立项) leaves every kept figure as it was,
 * so it is not recounted.
 */
export const statsStateClasses = sqliteTable('stats_state_classes', {
  state: text('state').primaryKey(),
  class: text('class').notNull(),
});
