/**
 * @module Projects: the record that every stage (proposal, screening, vote,
 * council, notice, delivery, audit) adds to. Money is integer fen.
 * The proposer's account is private; pages show only the proposer type.
 */
import { sqliteTable, text, integer, real, index } from 'drizzle-orm/sqlite-core';
import { linkTo } from './columns.ts';
import { cycles } from './cycles.ts';
import { communities } from './places.ts';
import { accounts } from './accounts.ts';
import { PROJECT_STATES } from '#domain/project-states.ts';

/** The states are the domain's (server/domain/project-states.ts): one list, not two. */
export const PROJECT_STATE_VALUES = PROJECT_STATES;

export const PROPOSER_TYPES = ['resident', 'paper', 'residents_committee', 'workstation', 'social_org'] as const;

export const projects = sqliteTable(
  'projects',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    cycleId: linkTo('cycle_id', () => cycles.id),
    communityId: linkTo('community_id', () => communities.id),
    title: text('title').notNull(),
    category: text('category').notNull(),
    theme: text('theme').notNull(),
    description: text('description').notNull(),
    address: text('address').notNull(),
    lat: real('lat'),
    lng: real('lng'),
    proposerType: text('proposer_type', { enum: PROPOSER_TYPES }).notNull(),
    proposerAccountId: text('proposer_account_id').references(() => accounts.id),
    estimatedCostFen: integer('estimated_cost_fen').notNull(),
    agreedAmountFen: integer('agreed_amount_fen'),
    beneficiaries: text('beneficiaries').notNull().default(''),
    beneficiaryCount: integer('beneficiary_count'),
    state: text('state', { enum: PROJECT_STATE_VALUES }).notNull(),
    /** The published reason of the latest decision (screen-out, rejection, upheld objection). */
    stateReason: text('state_reason'),
    residentVotes: integer('resident_votes'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('projects_cycle_idx').on(t.cycleId, t.state),
    index('projects_community_idx').on(t.communityId),
    // By state (and community): the day's overdue projects of a place (statistics), and the delivery tracker a page
    // at a time in code order, for a community or the whole city (services/tracker.ts).
    index('projects_state_idx').on(t.state, t.communityId, t.code),
    index('projects_state_code_idx').on(t.state, t.code),
    // A proposer's projects: whether a voter also proposed (the statistics' participants, migration 0013).
    index('projects_proposer_idx').on(t.proposerAccountId),
  ],
);
