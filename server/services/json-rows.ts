/**
 * @module A query's rows as one JSON text: `select json_group_array(
 * json_array(…) order by …)` over the query, parsed here. libSQL's client
 * builds an object for every row and every column, which for a few thousand
 * rows costs several times SQLite's own work (the 4,000 cycles of a city's
 * council health: about 50 ms of CPU as rows, 10 ms as one text). For reads
 * that hand many small rows to the page: the statistics and council health.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';

/**
 * The rows of `query` (a select whose result has the named `columns`), in
 * the order of `orderBy` (columns of the query; unordered without it). Values
 * come back as JSON gives them: numbers, strings and null.
 */
export async function jsonRows<K extends string>(database: Database, columns: readonly K[], query: SQL, orderBy?: readonly K[]): Promise<Record<K, string | number | null>[]> {
  for (const c of columns) if (!/^[a-z_][a-z0-9_]*$/.test(c)) throw new Error(`not a column name: ${c}`);
  const cols = sql.raw(columns.join(', '));
  const order = orderBy?.length ? sql.raw(` order by ${orderBy.join(', ')}`) : sql``;
  const [row] = await database.db.all<{ j: string | null }>(sql`select json_group_array(json_array(${cols})${order}) as j from (${query})`);
  const arrays = JSON.parse(row?.j ?? '[]') as (string | number | null)[][];
  return arrays.map((a) => Object.fromEntries(columns.map((c, i) => [c, a[i] ?? null])) as Record<K, string | number | null>);
}
