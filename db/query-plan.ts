/**
 * @module What `EXPLAIN QUERY PLAN` says about a statement: the lines of its
 * plan that read a whole large table (SQLite's `SCAN t`, as opposed to
 * `SEARCH t USING INDEX …`). Used by the query-plan tests of the statistics
 * (server/services/stats-plans.test.ts) and of every page and API route
 * (tests/e2e/query-plans.spec.ts), on a generated city.
 *
 * Large: the tables that grow with the city and its years (projects and
 * everything per project, ballots, registers, accounts, comments, meetings'
 * records, the audit log, notifications, sessions). Districts, streets,
 * communities, rulebooks, terms and the kept statistics grow with the map,
 * not with the years, and may be read whole.
 */
export const LARGE_TABLES = [
  'projects',
  'ballots',
  'register_entries',
  'accounts',
  'sessions',
  'role_assignments',
  'comments',
  'comment_replies',
  'ratings',
  'audit_log',
  'audit_findings',
  'agreements',
  'payments',
  'progress_reports',
  'progress_photos',
  'acceptances',
  'attachments',
  'notices',
  'objections',
  'screening_opinions',
  'agenda_items',
  'council_votes',
  'meetings',
  'meeting_attendance',
  'meeting_addenda',
  'notifications',
  'paper_ballot_entries',
  'imported_ballots',
  'security_events',
  'cycles',
  'cycle_phases',
  'cycle_results',
];

export type Statement = { sql: string; params: unknown[] | Record<string, unknown> };
/** Runs `explain query plan <sql>` with the statement's arguments and gives back each line's `detail`. */
export type Explain = (s: Statement) => Promise<string[]> | string[];

const NOT_ALIAS = new Set(['on', 'where', 'join', 'left', 'inner', 'outer', 'cross', 'natural', 'group', 'order', 'using', 'limit', 'union', 'set', 'values', 'indexed', 'not', 'select', 'as']);

/** Each alias the statement gives a table (and each table's own name), resolved to the table. */
export function aliases(sql: string): Map<string, string> {
  const alias = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?(?:\s+(?:as\s+)?"?([a-z_][a-z0-9_]*)"?)?/gi)) {
    const table = m[1]!.toLowerCase();
    alias.set(table, table);
    const a = m[2]?.toLowerCase();
    if (a && !NOT_ALIAS.has(a)) alias.set(a, table);
  }
  // A comma join: `from a x, b y`.
  for (const m of sql.matchAll(/,\s*"?([a-z_][a-z0-9_]*)"?\s+(?:as\s+)?"?([a-z_][a-z0-9_]*)"?/gi)) {
    const table = m[1]!.toLowerCase();
    const a = m[2]!.toLowerCase();
    if (LARGE_TABLES.includes(table) && !NOT_ALIAS.has(a) && !alias.has(a)) alias.set(a, table);
  }
  return alias;
}

/**
 * A walk that stops by itself: a statement without a condition or grouping
 * that reads rows in the order it asks for (no sort of its own) and takes
 * the first few (`… order by seq desc limit 1`, the newest page of a log)
 * reads only those rows, however large the table.
 */
function boundedWalk(sql: string, plan: string[]): boolean {
  return /limit/i.test(sql) && !/(where|group\s+by|distinct|join|offset)/i.test(sql) && !plan.some((l) => /TEMP B-TREE/.test(l));
}

/** The plan lines of `s` that read a whole large table. */
export async function fullScans(explain: Explain, s: Statement, large: readonly string[] = LARGE_TABLES): Promise<string[]> {
  const alias = aliases(s.sql);
  const plan = await explain(s);
  if (boundedWalk(s.sql, plan)) return [];
  return plan.filter((detail) => {
    // `SCAN t`, `SCAN t USING COVERING INDEX i` (every entry of the index: still the whole table), not `SCAN CONSTANT ROW` or a subquery.
    const m = /^SCAN ([a-z_][a-z0-9_]*)/i.exec(detail);
    if (!m) return false;
    const name = m[1]!.toLowerCase();
    return large.includes(alias.get(name) ?? name);
  });
}
