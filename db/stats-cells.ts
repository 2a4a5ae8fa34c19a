/**
 * @module How the kept statistics (db/schema/stats.ts) are counted, and how
 * they stay exact.
 *
 * - Every write that changes a record a figure counts notes the community in
 *   `stats_dirty` (triggers of migration 0013: projects, cycles, agreements,
 *   payments, acceptances, comments, ratings, findings, registers, imports,
 *   meetings and agenda items).
 * - Before the write transaction commits, `recountDirty` counts those
 *   communities again from the records, in SQL (`insert … select … group
 *   by`), and empties `stats_dirty`: the write queue (db/client.ts) and the
 *   writer thread (db/writer-worker.ts) call it on every transaction, which
 *   costs one empty read when nothing was noted. So the kept rows change in
 *   the same transaction as the records they count.
 * - A ballot, written hundreds of times a second during a vote, is not
 *   recounted: the triggers add or take away its ballot and, if the voter did
 *   not take part otherwise, its participant (migration 0013).
 * - An existing database is counted by marking every community (migration
 *   0013 does; a later change of what is counted does the same in its own
 *   migration); a writer that went around the queue (a bulk load) leaves its
 *   communities noted, and the next write — or a statistics read, which asks
 *   for an empty write when something is noted — counts them.
 *
 * What is counted is what server/services/stats-reference.ts counts from the
 * records on every request (the definition, kept for the tests that compare
 * the two). Figures that depend on the day are not kept (services/stats.ts
 * counts them when read).
 */
import { ACCEPTED_STATES, FIGURE_KEYS, FIGURES_COUNTED_WHEN_READ, IN_PROGRESS_STATES, RESIDENT_PROPOSER_TYPES, STATE_BUCKET } from '../server/domain/stats.ts';
import { ADOPTED_STATES } from '../server/domain/delivery.ts';
import { PROJECT_STATES, type ProjectState } from '../server/domain/project-states.ts';

/** A transaction's raw executor (db/client.ts RawExec, the writer thread's, or a plain connection's). */
export type SqlExec = {
  all<T>(sql: string, args: readonly (string | number | null)[]): Promise<T[]>;
  run(sql: string, args: readonly (string | number | null)[]): Promise<unknown>;
};

/** A figure kept in stats_cells: every figure but those counted when read. */
export type CellColumn = Exclude<(typeof FIGURE_KEYS)[number], (typeof FIGURES_COUNTED_WHEN_READ)[number]>;
const countedWhenRead: readonly string[] = FIGURES_COUNTED_WHEN_READ;
/** The columns of stats_cells after its key, in order. */
export const CELL_COLUMNS: readonly CellColumn[] = FIGURE_KEYS.filter((k): k is CellColumn => !countedWhenRead.includes(k));

/** A list of the domain's constants as SQL literals (never data from outside: they are checked to be plain words). */
function literals(xs: readonly string[]): string {
  for (const x of xs) if (!/^[a-z_]+$/.test(x)) throw new Error(`not a plain word: ${x}`);
  return xs.map((x) => `'${x}'`).join(', ');
}
const ADOPTED = literals(ADOPTED_STATES);
/** A project's audit findings are closed once its audit is complete. */
const AUDIT_DONE: readonly ProjectState[] = ['audited', 'archived'];

/** The communities being recounted: their rows are deleted, then counted again for those that (still) exist. */
const D = '(select community_id from stats_dirty)';
const L = '(select d.community_id from stats_dirty d where exists (select 1 from communities c where c.id = d.community_id))';

/**
 * One grouped source of figures, as a branch of the union: every cell column, 0 where this source has none.
 * The communities' projects (or cycles) come first and the rows under them are found by their index
 * (`cross join` keeps SQLite to that order: on a small database it would otherwise read a whole table).
 */
function branch(key: string, cols: Partial<Record<CellColumn, string>>, rest: string): string {
  return `select ${key}, ${CELL_COLUMNS.map((c) => `${cols[c] ?? '0'} as ${c}`).join(', ')} ${rest}`;
}

/** Buckets of the page's "projects by state", from the domain's table. */
function bucketColumns(): Partial<Record<CellColumn, string>> {
  const by = new Map<string, string[]>();
  for (const [state, bucket] of Object.entries(STATE_BUCKET)) by.set(bucket, [...(by.get(bucket) ?? []), state]);
  return Object.fromEntries([...by].map(([bucket, states]) => [bucket, `sum(p.state in (${literals(states)}))`]));
}

/**
 * Register entries that took part — voted, proposed or commented, through the
 * account that claimed them — per community and year of the communities in
 * `scope` (a sub-select of community ids), once each.
 */
export function takingSql(scope: string): string {
  return `
      select cy.community_id, cy.year, b.register_entry_id as who
      from cycles cy cross join ballots b on b.cycle_id = cy.id
      where b.superseded_at is null and cy.community_id in ${scope}
      union
      select p.community_id, cy.year, re.id as who
      from projects p cross join register_entries re on re.claimed_by_account_id = p.proposer_account_id join cycles cy on cy.id = p.cycle_id
      where p.proposer_account_id is not null and +re.community_id = p.community_id and p.state <> 'draft' and p.community_id in ${scope}
      union
      select p.community_id, cy.year, re.id as who
      from projects p cross join comments cm on cm.project_id = p.id cross join register_entries re on re.claimed_by_account_id = cm.author_account_id join cycles cy on cy.id = p.cycle_id
      where +re.community_id = p.community_id and cm.hidden_at is null and p.state <> 'draft' and p.community_id in ${scope}`;
}

const pk = 'p.community_id, cy.year';
const ck = 'cy.community_id, cy.year';
const CELLS = `
insert into stats_cells (community_id, year, ${CELL_COLUMNS.join(', ')})
select community_id, year, ${CELL_COLUMNS.map((c) => `sum(${c})`).join(', ')} from (
  ${branch(
    pk,
    {
      projects_total: 'count(*)',
      ...bucketColumns(),
      money_agreed_fen: `sum(case when p.state in (${ADOPTED}) then p.estimated_cost_fen else 0 end)`,
      projects_adopted_by_residents: `sum(p.state in (${ADOPTED}) and p.proposer_type in (${literals(RESIDENT_PROPOSER_TYPES)}))`,
      projects_in_progress: `sum(p.state in (${literals(IN_PROGRESS_STATES)}))`,
      projects_accepted: `sum(p.state in (${literals(ACCEPTED_STATES)}))`,
    },
    `from projects p join cycles cy on cy.id = p.cycle_id where p.community_id in ${L} and p.state <> 'draft' group by ${pk}`,
  )}
  union all
  ${branch(
    pk,
    {
      money_contracted_fen: 'sum(a.agreed_amount_fen)',
      projects_on_time: "sum(exists (select 1 from acceptances ac where ac.project_id = p.id and ac.result = 'pass' and ac.accepted_on <= a.planned_end))",
    },
    `from projects p cross join agreements a on a.project_id = p.id join cycles cy on cy.id = p.cycle_id where p.community_id in ${L} and p.state in (${ADOPTED}) group by ${pk}`,
  )}
  union all
  ${branch(pk, { money_paid_fen: 'sum(pay.amount_fen)' }, `from projects p cross join payments pay on pay.project_id = p.id join cycles cy on cy.id = p.cycle_id where p.community_id in ${L} and p.state <> 'draft' group by ${pk}`)}
  union all
  ${branch(ck, { cycles: 'count(*)', money_budget_fen: 'sum(cy.budget_fen)' }, `from cycles cy join rulebooks rb on rb.id = cy.rulebook_id where cy.community_id in ${L} group by ${ck}`)}
  union all
  ${branch(ck, { ballots: 'count(*)' }, `from cycles cy cross join ballots b on b.cycle_id = cy.id where b.superseded_at is null and cy.community_id in ${L} group by ${ck}`)}
  union all
  ${branch(ck, { ballots: 'count(*)' }, `from cycles cy cross join imported_ballots ib on ib.cycle_id = cy.id join ballot_imports bi on bi.id = ib.import_id where bi.status = 'done' and cy.community_id in ${L} group by ${ck}`)}
  union all
  ${branch(pk, { comments: 'count(*)' }, `from projects p cross join comments cm on cm.project_id = p.id join cycles cy on cy.id = p.cycle_id where cm.hidden_at is null and p.state <> 'draft' and p.community_id in ${L} group by ${pk}`)}
  union all
  ${branch(pk, { ratings: 'count(*)', ratings_score_sum: 'sum(rt.score)' }, `from projects p cross join ratings rt on rt.project_id = p.id join cycles cy on cy.id = p.cycle_id where p.community_id in ${L} group by ${pk}`)}
  union all
  ${branch(pk, { proposers: 'count(distinct p.proposer_account_id)' }, `from projects p join cycles cy on cy.id = p.cycle_id where p.state <> 'draft' and p.proposer_account_id is not null and p.community_id in ${L} group by ${pk}`)}
  union all
  ${branch(
    pk,
    { findings_open: `sum(p.state not in (${literals(AUDIT_DONE)}))`, findings_closed: `sum(p.state in (${literals(AUDIT_DONE)}))` },
    `from projects p cross join audit_findings af on af.project_id = p.id join cycles cy on cy.id = p.cycle_id where p.community_id in ${L} group by ${pk}`,
  )}
  union all
  ${branch(
    ck,
    { findings_open: "sum(cy.open_phase is not 'closed')", findings_closed: "sum(cy.open_phase is 'closed')" },
    `from cycles cy cross join audit_findings af on af.cycle_id = cy.id where af.project_id is null and cy.community_id in ${L} group by ${ck}`,
  )}
  union all
  ${branch('community_id, year', { participants: 'count(*)' }, `from (${takingSql(L)}) group by community_id, year`)}
) group by community_id, year`;

const COMMUNITIES = `
insert into stats_communities (community_id, registered, participants)
select c.id, coalesce(r.n, 0), coalesce(t.n, 0) from communities c
  left join (select community_id, count(*) as n from register_entries where community_id in ${L} group by community_id) r on r.community_id = c.id
  left join (select community_id, count(distinct who) as n from (${takingSql(L)}) group by community_id) t on t.community_id = c.id
where c.id in ${L}`;

const SPLITS = `
insert into stats_splits (community_id, year, category, theme, adopted, agreed_fen, contracted_fen, paid_fen)
select p.community_id, cy.year, p.category, p.theme, count(*), sum(p.estimated_cost_fen),
  sum(coalesce((select a.agreed_amount_fen from agreements a where a.project_id = p.id), 0)),
  sum(coalesce((select sum(pay.amount_fen) from payments pay where pay.project_id = p.id), 0))
from projects p join cycles cy on cy.id = p.cycle_id
where p.community_id in ${L} and p.state in (${ADOPTED})
group by p.community_id, cy.year, p.category, p.theme`;

const CYCLES = `
insert into stats_cycles (cycle_id, community_id, year, meetings_closed, adopted, adopted_at_meeting, adopted_by_staff)
select cy.id, cy.community_id, cy.year,
  (select count(*) from meetings m where m.cycle_id = cy.id and m.status = 'closed'),
  (select count(*) from projects p where p.cycle_id = cy.id and p.state in (${ADOPTED})),
  (select count(*) from projects p where p.cycle_id = cy.id and p.state in (${ADOPTED}) and exists (select 1 from agenda_items ai where ai.project_id = p.id and ai.outcome = 'adopted')),
  (select count(*) from projects p where p.cycle_id = cy.id and p.state in (${ADOPTED}) and p.proposer_type in ('residents_committee', 'workstation'))
from cycles cy where cy.community_id in ${L}`;

/** The statements of one recount, in order. */
export const RECOUNT: readonly string[] = [
  `delete from stats_cells where community_id in ${D}`,
  CELLS,
  `delete from stats_splits where community_id in ${D}`,
  SPLITS,
  `delete from stats_communities where community_id in ${D}`,
  COMMUNITIES,
  `delete from stats_cycles where community_id in ${D}`,
  CYCLES,
  'delete from stats_dirty',
];

/** Whether some community waits to be recounted. */
export const ANY_DIRTY = 'select 1 as dirty from stats_dirty limit 1';

/**
 * Recount the communities noted in `stats_dirty`, inside the caller's write
 * transaction; nothing (one read) when none is. Returns how many were.
 */
export async function recountDirty(exec: SqlExec): Promise<number> {
  if ((await exec.all(ANY_DIRTY, [])).length === 0) return 0;
  const [{ n }] = await exec.all<{ n: number }>('select count(*) as n from stats_dirty', []);
  for (const statement of RECOUNT) await exec.run(statement, []);
  return Number(n);
}

/**
 * What a project's state means to every kept figure: draft or which bucket,
 * adopted, being delivered, accepted, audit complete. Two states of one class
 * count the same everywhere above, so a move between them is not recounted
 * (the trigger on projects.state reads stats_state_classes).
 */
export function stateClass(state: ProjectState): string {
  const bucket = state === 'draft' ? 'draft' : STATE_BUCKET[state];
  return [bucket, ADOPTED_STATES.includes(state), IN_PROGRESS_STATES.includes(state), ACCEPTED_STATES.includes(state), AUDIT_DONE.includes(state)].map(String).join('|');
}

/**
 * Write stats_state_classes from the domain's lists, at every start
 * (migrateDatabase). When they differ from what was there, every community is
 * noted for recounting: what the figures count has changed with the code.
 */
export async function syncStateClasses(exec: SqlExec): Promise<boolean> {
  const want = PROJECT_STATES.map((s) => `${s}=${stateClass(s)}`).sort();
  const have = (await exec.all<{ state: string; class: string }>('select state, class from stats_state_classes', [])).map((r) => `${r.state}=${r.class}`).sort();
  if (want.join('\n') === have.join('\n')) return false;
  await exec.run('delete from stats_state_classes', []);
  for (const s of PROJECT_STATES) await exec.run('insert into stats_state_classes (state, class) values (?, ?)', [s, stateClass(s)]);
  await exec.run(MARK_ALL, []);
  return true;
}

/**
 * `recountDirty` for one connection, which may be older than migration 0013
 * (a database being migrated, or a bare one in a test): nothing until the
 * tables exist. A table that exists stays, so it is looked for until found.
 */
export function recounter(): (exec: SqlExec) => Promise<number> {
  let kept = false;
  return async (exec) => {
    if (!kept) kept = (await exec.all("select 1 from sqlite_master where type = 'table' and name = 'stats_dirty'", [])).length > 0;
    return kept ? recountDirty(exec) : 0;
  };
}

/** Note every community for recounting (a rebuild: after a bulk load, or when what is counted changes). */
export const MARK_ALL = 'insert or ignore into stats_dirty (community_id) select id from communities';
