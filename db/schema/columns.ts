/**
 * @module Column shapes that many tables repeat, written once. Each is a
 * function, so that every table gets builders of its own; the SQL they make
 * is the same as writing the columns out (`npx drizzle-kit generate` finds
 * nothing to migrate).
 */
import { integer, text, type ReferenceConfig } from 'drizzle-orm/sqlite-core';

/** A required link to another table's row: `project_id text not null references projects(id)`. */
export function linkTo<N extends string>(name: N, target: ReferenceConfig['ref'], actions?: ReferenceConfig['actions']) {
  return text(name).notNull().references(target, actions);
}

/**
 * When a row was written (`created_at`, ms) and by which account
 * (`created_by`); `by` adds the foreign key where the table has one.
 */
export function created(by?: ReferenceConfig['ref']) {
  return {
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    createdBy: by ? text('created_by').references(by) : text('created_by'),
  };
}
