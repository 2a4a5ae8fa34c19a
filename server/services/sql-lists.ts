/**
 * @module A list of values from the caller as one SQL parameter: `column IN
 * (select value from json_each(?))`. An `IN (?, ?, …)` list takes one
 * variable per value, and past SQLite's limit (32,766) the statement fails
 * (issue 18); this takes one, whatever the length. Lists that come from the
 * database should not be lists at all: join or sub-select instead.
 */
import { inArray, sql, type Column, type SQL } from 'drizzle-orm';

export function inValues(column: Column, values: readonly (string | number)[]): SQL {
  return inArray(column, sql`(select value from json_each(${JSON.stringify(values)}))`);
}
