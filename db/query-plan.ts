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
 * not with the years, and may be read whole; so may audit findings (a few
 * for each hundred projects: an officer's desk finds the open ones of a
 * district by walking them, which costs less than going through the
 * district's projects).
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
  return /\blimit\b/i.test(sql) && !/\b(where|group\s+by|distinct|join|offset)\b/i.test(sql) && !plan.some((l) => /TEMP B-TREE/.test(l));
}

/** The partial indexes of a database (`create index … where …`): a walk through one reads only the rows it holds. */
export function partialIndexes(conn: RawConn): Set<string> {
  return new Set(conn.prepare("select name from sqlite_master where type = 'index' and sql like '% where %'").all().map((r) => String(r.name)));
}

/** The plan lines of `s` that read a whole large table (a walk through one of `partial`, a partial index, reads only its part). */
export async function fullScans(explain: Explain, s: Statement, large: readonly string[] = LARGE_TABLES, partial: ReadonlySet<string> = new Set()): Promise<string[]> {
  const alias = aliases(s.sql);
  const plan = await explain(s);
  if (boundedWalk(s.sql, plan)) return [];
  return plan.filter((detail) => {
    // `SCAN t`, `SCAN t USING COVERING INDEX i` (every entry of the index: still the whole table), not `SCAN CONSTANT ROW` or a subquery.
    const m = /^SCAN ([a-z_][a-z0-9_]*)(?: USING (?:COVERING )?INDEX ([a-z_][a-z0-9_]*))?/i.exec(detail);
    if (!m) return false;
    if (m[2] && partial.has(m[2])) return false;
    const name = m[1]!.toLowerCase();
    return large.includes(alias.get(name) ?? name);
  });
}

/**
 * Columns whose values do not multiply with the city (a project's state, a
 * phase, a year, an action…): a city forty times larger has forty times as
 * many rows for each of their values. Every other indexed column names or
 * identifies something (a community, a cycle, a project, a person, a time),
 * and more of the city means more of those keys, each with about as many rows.
 */
const CATEGORY_COLUMNS = new Set(['state', 'open_phase', 'phase', 'year', 'status', 'action', 'subject_type', 'kind', 'outcome', 'severity', 'channel', 'category', 'theme', 'role', 'scope_kind', 'rule', 'official', 'vote', 'present', 'stance', 'proposer_type', 'adopted']);

type RawConn = { prepare(sql: string): { all(...a: unknown[]): Record<string, unknown>[]; run(...a: unknown[]): unknown } };

/**
 * Rewrites ANALYZE's statistics (sqlite_stat1) of a small generated city as
 * those of a city `factor` times as large: every table has `factor` times the
 * rows; an index prefix made only of category columns has `factor` times the
 * rows per key, any other prefix as many as before. The query planner then
 * chooses as it would on the large city (on the small one, where a street is
 * half the city, a full scan is often cheapest and says nothing). Open new
 * connections afterwards: SQLite reads the statistics when it opens a file.
 */
export function scaleStatistics(conn: RawConn, factor: number) {
  const rows = conn.prepare('select tbl, idx, stat from sqlite_stat1').all();
  for (const r of rows) {
    const nums = String(r.stat).split(' ');
    const idx = r.idx === null ? null : String(r.idx);
    const columns = idx ? conn.prepare(`select name from pragma_index_info('${idx.replace(/'/g, "''")}') order by seqno`).all().map((c) => String(c.name)) : [];
    const scaled = nums.map((n, i) => {
      if (!/^\d+$/.test(n)) return n; // flags such as "unordered"
      if (i === 0) return String(Number(n) * factor);
      const prefix = columns.slice(0, i);
      return prefix.length === i && prefix.every((c) => CATEGORY_COLUMNS.has(c)) ? String(Number(n) * factor) : n;
    });
    conn.prepare(`update sqlite_stat1 set stat = ? where tbl = ? and idx ${idx === null ? 'is null' : '= ?'}`).run(...[scaled.join(' '), r.tbl, ...(idx === null ? [] : [idx])]);
  }
}
