/**
 * @module Places: district (区) → street (街道) → community (社区).
 * A district sets the rulebook, a street screens, a community runs its council.
 */
import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';

export const districts = sqliteTable('districts', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
});

export const streets = sqliteTable(
  'streets',
  {
    id: text('id').primaryKey(),
    districtId: text('district_id').notNull().references(() => districts.id),
    code: text('code').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [index('streets_district_idx').on(t.districtId)],
);

export const communities = sqliteTable(
  'communities',
  {
    id: text('id').primaryKey(),
    streetId: text('street_id').notNull().references(() => streets.id),
    /** Short uppercase code used in project codes, unique within its street. */
    code: text('code').notNull(),
    /** URL slug, unique everywhere: /communities/<slug>. */
    slug: text('slug').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionZh: text('description_zh').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
  },
  (t) => [index('communities_street_idx').on(t.streetId)],
);
