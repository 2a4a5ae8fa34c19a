/**
 * @module Rulebooks, versioned per district and year. Scalar settings are
 * columns; lists (categories with caps, themes, negative list, vote
 * parameters) are JSON validated by zod on the way in and out.
 */
import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { created, linkTo } from './columns.ts';
import { districts } from './places.ts';

export const rulebooks = sqliteTable(
  'rulebooks',
  {
    id: text('id').primaryKey(),
    districtId: linkTo('district_id', () => districts.id),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    communityBudgetFen: integer('community_budget_fen').notNull(),
    quorumNum: integer('quorum_num').notNull(),
    quorumDen: integer('quorum_den').notNull(),
    passNum: integer('pass_num').notNull(),
    passDen: integer('pass_den').notNull(),
    noticeDays: integer('notice_days').notNull(),
    voteMethod: text('vote_method', { enum: ['none', 'approval', 'basket', 'points'] }).notNull(),
    /** JSON: { maxChoices?, minShare?, points?, maxPerProject? } */
    voteParams: text('vote_params', { mode: 'json' }).notNull(),
    resultRule: text('result_rule', { enum: ['greedy', 'mes-add1'] }).notNull(),
    /** When proposals are screened; null (rulebooks before the setting) means after collection. */
    screening: text('screening', { enum: ['after_collection', 'rolling'] }),
    /** JSON: [{ key, name: {zh,en}, capFen }] */
    categories: text('categories', { mode: 'json' }).notNull(),
    /** JSON: [{ key, name: {zh,en} }] */
    themes: text('themes', { mode: 'json' }).notNull(),
    /** JSON: [{ term, rule: {zh,en} }] */
    negativeList: text('negative_list', { mode: 'json' }).notNull(),
    ...created(),
  },
  (t) => [uniqueIndex('rulebook_version_uq').on(t.districtId, t.year, t.version)],
);
