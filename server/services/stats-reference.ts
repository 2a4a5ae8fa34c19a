/**
 * @module The statistics of a place counted straight from the records, on
 * every call: the definition that the kept statistics (db/stats-cells.ts,
 * read by ./stats.ts) must equal, figure for figure. Too slow for a city
 * (seconds: every project, ballot and register entry of the place is read),
 * so pages never call it; the tests compare the two on the demo data, on a
 * hand-built city and after writes of every kind, and `npm run bench:stats`
 * times both.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { chinaDay } from '../domain/cycle-phases.ts';
import { ADOPTED_STATES, DELIVERING_STATES } from '../domain/delivery.ts';
import { ACCEPTED_STATES, addFigures, derive, IN_PROGRESS_STATES, measures, RESIDENT_PROPOSER_TYPES, STATE_BUCKET, zeroFigures, type Figures } from '../domain/stats.ts';
import type { ProjectState } from '../domain/project-states.ts';
import { findPlace, foldSplits, scopeOf, type PlaceLevel, type PlaceRef, type PlaceStats } from './stats.ts';
import { councilHealthIn, type CountCycles, type CycleRow, type FlaggedCommunity } from './council-health.ts';

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
const CHILD_LEVEL: Record<PlaceLevel, PlaceLevel | null> = { city: 'district', district: 'street', street: 'community', community: null };
const yearCond = (year: number | null, col: SQL) => (year === null ? sql`1 = 1` : sql`${col} = ${year}`);

type Grouped = { community_id: string; year: number } & Record<string, number | string | null>;

/** What the grouped queries give: figures per community and year, the registers, and participants over all years. */
type Counted = {
  cells: Map<string, Map<number, Figures>>;
  registered: Map<string, number>;
  /** Register entries that took part in any year, once each, per community. */
  participantsAllYears: Map<string, number>;
  communities: string[];
};

/**
 * Every figure per community and year, for the communities of `scope` (a
 * sub-select): one set of grouped queries whatever the period asked for.
 * Year cells leave out the register (it does not depend on the year);
 * `figuresFor` adds it where it belongs.
 */
async function countByCommunityYear(database: Database, scope: SQL, today: string): Promise<Counted> {
  const cells = new Map<string, Map<number, Figures>>();
  const cell = (community: string, y: number) => {
    let m = cells.get(community);
    if (!m) cells.set(community, (m = new Map()));
    let f = m.get(y);
    if (!f) m.set(y, (f = zeroFigures()));
    return f;
  };
  const num = (v: unknown) => Number(v ?? 0);

  // Projects by state, with their estimated cost (adopted money) and the residents' share.
  const byState = await database.db.all<Grouped & { state: ProjectState; n: number; cost: number; by_residents: number }>(sql`
    select p.community_id, cy.year, p.state, count(*) as n, sum(p.estimated_cost_fen) as cost,
      sum(case when p.proposer_type in (${list(RESIDENT_PROPOSER_TYPES)}) then 1 else 0 end) as by_residents
    from projects p join cycles cy on cy.id = p.cycle_id
    where p.community_id in (${scope}) and p.state <> 'draft'
    group by p.community_id, cy.year, p.state`);
  for (const r of byState) {
    const f = cell(r.community_id, r.year);
    const n = num(r.n);
    f.projects_total += n;
    const bucket = STATE_BUCKET[r.state as Exclude<ProjectState, 'draft'>];
    if (bucket) f[bucket] += n;
    if (ADOPTED_STATES.includes(r.state)) {
      f.money_agreed_fen += num(r.cost);
      f.projects_adopted_by_residents += num(r.by_residents);
    }
    if (IN_PROGRESS_STATES.includes(r.state)) f.projects_in_progress += n;
    if (ACCEPTED_STATES.includes(r.state)) f.projects_accepted += n;
  }

  // Agreements of adopted projects; on time = passed acceptance by the planned end; overdue = still delivering after it.
  const delivery = await database.db.all<Grouped & { contracted: number; overdue: number; overdue_days: number; on_time: number }>(sql`
    select p.community_id, cy.year,
      sum(a.agreed_amount_fen) as contracted,
      sum(case when p.state in (${list(DELIVERING_STATES)}) and a.planned_end < ${today} then 1 else 0 end) as overdue,
      sum(case when p.state in (${list(DELIVERING_STATES)}) and a.planned_end < ${today} then cast(julianday(${today}) - julianday(a.planned_end) as integer) else 0 end) as overdue_days,
      sum(case when exists (select 1 from acceptances ac where ac.project_id = p.id and ac.result = 'pass' and ac.accepted_on <= a.planned_end) then 1 else 0 end) as on_time
    from agreements a join projects p on p.id = a.project_id join cycles cy on cy.id = p.cycle_id
    where p.community_id in (${scope}) and p.state in (${list(ADOPTED_STATES)})
    group by p.community_id, cy.year`);
  for (const r of delivery) {
    const f = cell(r.community_id, r.year);
    f.money_contracted_fen += num(r.contracted);
    f.projects_overdue += num(r.overdue);
    f.overdue_days += num(r.overdue_days);
    f.projects_on_time += num(r.on_time);
  }

  // Payments: the public payments dataset's rows (payments of every public project).
  const paid = await database.db.all<Grouped & { paid: number }>(sql`
    select p.community_id, cy.year, sum(pay.amount_fen) as paid
    from payments pay join projects p on p.id = pay.project_id join cycles cy on cy.id = p.cycle_id
    where p.community_id in (${scope}) and p.state <> 'draft'
    group by p.community_id, cy.year`);
  for (const r of paid) cell(r.community_id, r.year).money_paid_fen += num(r.paid);

  // Cycles: budget, and whether the resident vote has opened under a rulebook that has one: by staff, or (when staff
  // opened no phase) by its planned date. A phase staff opened wins over the plan, as everywhere (catalog.ts).
  const cyc = await database.db.all<Grouped & { n: number; budget: number; with_vote: number }>(sql`
    select cy.community_id, cy.year, count(*) as n, sum(cy.budget_fen) as budget,
      sum(case when rb.vote_method <> 'none' and (
        cy.open_phase in ('resident_vote', 'deliberation', 'public_notice', 'implementation', 'acceptance', 'audit', 'closed')
        or (cy.open_phase is null and exists (select 1 from cycle_phases ph where ph.cycle_id = cy.id and ph.phase = 'resident_vote' and ph.starts_on <= ${today}))
      ) then 1 else 0 end) as with_vote
    from cycles cy join rulebooks rb on rb.id = cy.rulebook_id
    where cy.community_id in (${scope})
    group by cy.community_id, cy.year`);
  for (const r of cyc) {
    const f = cell(r.community_id, r.year);
    f.cycles += num(r.n);
    f.money_budget_fen += num(r.budget);
    f.cycles_with_vote += num(r.with_vote);
  }

  // Ballots: current online and paper ballots, and ballots of imports a second person approved.
  const ballots = await database.db.all<Grouped & { n: number }>(sql`
    select community_id, year, sum(n) as n from (
      select cy.community_id, cy.year, count(*) as n
      from ballots b join cycles cy on cy.id = b.cycle_id
      where b.superseded_at is null and cy.community_id in (${scope})
      group by cy.id
      union all
      select cy.community_id, cy.year, count(*) as n
      from imported_ballots ib join ballot_imports bi on bi.id = ib.import_id join cycles cy on cy.id = ib.cycle_id
      where bi.status = 'done' and cy.community_id in (${scope})
      group by cy.id
    ) group by community_id, year`);
  for (const r of ballots) cell(r.community_id, r.year).ballots += num(r.n);

  // Comments and ratings on public projects.
  const talk = await database.db.all<Grouped & { comments: number }>(sql`
    select p.community_id, cy.year, count(*) as comments
    from comments cm join projects p on p.id = cm.project_id join cycles cy on cy.id = p.cycle_id
    where cm.hidden_at is null and p.state <> 'draft' and p.community_id in (${scope})
    group by p.community_id, cy.year`);
  for (const r of talk) cell(r.community_id, r.year).comments += num(r.comments);
  const rated = await database.db.all<Grouped & { n: number; score: number }>(sql`
    select p.community_id, cy.year, count(*) as n, sum(rt.score) as score
    from ratings rt join projects p on p.id = rt.project_id join cycles cy on cy.id = p.cycle_id
    where p.community_id in (${scope})
    group by p.community_id, cy.year`);
  for (const r of rated) {
    const f = cell(r.community_id, r.year);
    f.ratings += num(r.n);
    f.ratings_score_sum += num(r.score);
  }

  // Proposers with an account, distinct within each community and year.
  const proposers = await database.db.all<Grouped & { n: number }>(sql`
    select p.community_id, cy.year, count(distinct p.proposer_account_id) as n
    from projects p join cycles cy on cy.id = p.cycle_id
    where p.state <> 'draft' and p.proposer_account_id is not null and p.community_id in (${scope})
    group by p.community_id, cy.year`);
  for (const r of proposers) cell(r.community_id, r.year).proposers += num(r.n);

  // Audit findings, on a project or on a whole cycle: closed once that project's or cycle's audit is complete.
  const findings = await database.db.all<Grouped & { open: number; closed: number }>(sql`
    select community_id, year, sum(open) as open, sum(closed) as closed from (
      select p.community_id, cy.year,
        sum(case when p.state in ('audited', 'archived') then 0 else 1 end) as open,
        sum(case when p.state in ('audited', 'archived') then 1 else 0 end) as closed
      from audit_findings af join projects p on p.id = af.project_id join cycles cy on cy.id = p.cycle_id
      where p.community_id in (${scope})
      group by p.community_id, cy.year
      union all
      select cy.community_id, cy.year,
        sum(case when cy.open_phase = 'closed' then 0 else 1 end) as open,
        sum(case when cy.open_phase = 'closed' then 1 else 0 end) as closed
      from audit_findings af join cycles cy on cy.id = af.cycle_id
      where af.project_id is null and cy.community_id in (${scope})
      group by cy.community_id, cy.year
    ) group by community_id, year`);
  for (const r of findings) {
    const f = cell(r.community_id, r.year);
    f.findings_open += num(r.open);
    f.findings_closed += num(r.closed);
  }

  // Participants: register entries that voted, proposed or commented (through the account that claimed them), once each:
  // per year, and over all years (so that nobody who took part in two years is counted twice). The `+` keeps SQLite
  // from finding register entries by community (a thousand per project): they are found by the account that claimed them.
  const taking = sql`
      select cy.community_id, cy.year, b.register_entry_id as who
      from ballots b join cycles cy on cy.id = b.cycle_id
      where b.superseded_at is null and cy.community_id in (${scope})
      union
      select p.community_id, cy.year, re.id as who
      from projects p join cycles cy on cy.id = p.cycle_id join register_entries re on re.claimed_by_account_id = p.proposer_account_id
      where p.proposer_account_id is not null and +re.community_id = p.community_id and p.state <> 'draft' and p.community_id in (${scope})
      union
      select p.community_id, cy.year, re.id as who
      from comments cm join projects p on p.id = cm.project_id join cycles cy on cy.id = p.cycle_id join register_entries re on re.claimed_by_account_id = cm.author_account_id
      where +re.community_id = p.community_id and cm.hidden_at is null and p.state <> 'draft' and p.community_id in (${scope})`;
  const people = await database.db.all<Grouped & { n: number }>(sql`select community_id, year, count(*) as n from (${taking}) group by community_id, year`);
  for (const r of people) cell(r.community_id, r.year).participants += num(r.n);
  const peopleAll = await database.db.all<{ community_id: string; n: number }>(sql`select community_id, count(distinct who) as n from (${taking}) group by community_id`);

  // Registers: today's, whatever the year.
  const registers = await database.db.all<{ community_id: string; n: number }>(sql`
    select community_id, count(*) as n from register_entries where community_id in (${scope}) group by community_id`);
  const communities = (await database.db.all<{ community_id: string }>(scope)).map((r) => r.community_id);
  return {
    cells,
    registered: new Map(registers.map((r) => [r.community_id, num(r.n)])),
    participantsAllYears: new Map(peopleAll.map((r) => [r.community_id, num(r.n)])),
    communities,
  };
}

/**
 * A community's figures for one year, or for all years (null): the register
 * once, eligible voters = register × cycles whose vote opened, and over all
 * years each participant once.
 */
function figuresFor(c: Counted, community: string, year: number | null): Figures {
  const years = c.cells.get(community) ?? new Map<number, Figures>();
  const reg = c.registered.get(community) ?? 0;
  const f = year === null ? addFigures([...years.values()]) : { ...(years.get(year) ?? zeroFigures()) };
  f.registered_residents = reg;
  f.eligible_voters = reg * f.cycles_with_vote;
  if (year === null) f.participants = c.participantsAllYears.get(community) ?? 0;
  return f;
}

/** The child places of a place, each with the communities it holds. */
async function childPlacesWithCommunities(database: Database, place: PlaceRef): Promise<(PlaceRef & { communities: string[] })[]> {
  const level = CHILD_LEVEL[place.level];
  if (!level) return [];
  type Row = { id: string; code: string; zh: string; en: string; community_id: string | null };
  let rows: Row[];
  if (level === 'district') {
    rows = await database.db.all<Row>(sql`select d.id, d.code, d.name_zh as zh, d.name_en as en, c.id as community_id from districts d left join streets s on s.district_id = d.id left join communities c on c.street_id = s.id order by d.code`);
  } else if (level === 'street') {
    rows = await database.db.all<Row>(sql`select s.id, s.code, s.name_zh as zh, s.name_en as en, c.id as community_id from streets s left join communities c on c.street_id = s.id where s.district_id = ${place.id} order by s.code`);
  } else {
    rows = await database.db.all<Row>(sql`select c.id, c.slug as code, c.name_zh as zh, c.name_en as en, c.id as community_id from communities c where c.street_id = ${place.id} order by c.code`);
  }
  const byId = new Map<string, PlaceRef & { communities: string[] }>();
  for (const r of rows) {
    let p = byId.get(r.id);
    if (!p) byId.set(r.id, (p = { level, id: r.id, slug: level === 'community' ? r.code : r.code.toLowerCase(), nameZh: r.zh, nameEn: r.en, communities: [] }));
    if (r.community_id) p.communities.push(r.community_id);
  }
  return [...byId.values()];
}

/** Category and theme splits of the adopted projects of a place: for the period asked for, and by category and year. */
async function splits(database: Database, scope: SQL, year: number | null) {
  const rows = await database.db.all<{ year: number; category: string; theme: string; n: number; agreed: number; contracted: number; paid: number }>(sql`
    select cy.year, p.category, p.theme, count(*) as n, sum(p.estimated_cost_fen) as agreed,
      sum(coalesce((select a.agreed_amount_fen from agreements a where a.project_id = p.id), 0)) as contracted,
      sum(coalesce((select sum(pay.amount_fen) from payments pay where pay.project_id = p.id), 0)) as paid
    from projects p join cycles cy on cy.id = p.cycle_id
    where p.community_id in (${scope}) and p.state in (${list(ADOPTED_STATES)})
    group by cy.year, p.category, p.theme`);
  return foldSplits(rows, year);
}

/**
 * The statistics of a place (`level`, `slug`; the city's slug is ignored)
 * for `year` (null: all years). Null when the place does not exist.
 */
export async function referencePlaceStats(database: Database, level: PlaceLevel, slug: string, year: number | null, now: Date): Promise<PlaceStats | null> {
  const found = await findPlace(database, level, slug);
  if (!found) return null;
  const { place, parents } = found;
  const scope = scopeOf(place);
  const counted = await countByCommunityYear(database, scope, chinaDay(now));
  const yearsSet = new Set<number>();
  for (const m of counted.cells.values()) for (const y of m.keys()) yearsSet.add(y);
  const years = [...yearsSet].sort((a, b) => b - a);
  const total = (communities: readonly string[], y: number | null) => addFigures(communities.map((id) => figuresFor(counted, id, y)));

  const figures = total(counted.communities, year);
  const children = (await childPlacesWithCommunities(database, place)).map(({ communities, ...ref }) => {
    const f = total(communities, year);
    return { ...ref, figures: f, derived: derive(f) };
  });
  const byYear = [...years].reverse().map((y) => ({ year: y, figures: total(counted.communities, y) }));
  const previous = year === null ? null : (byYear.find((r) => r.year === year - 1)?.figures ?? null);
  const { byCategory, byCategoryYear, byTheme } = await splits(database, scope, year);
  return { place, parents, year, years, figures, derived: derive(figures), measures: measures(figures, previous), byCategory, byCategoryYear, byTheme, byYear, children };
}


const AFTER_VOTE = ['deliberation', 'public_notice', 'implementation', 'acceptance', 'audit', 'closed'];
const AFTER_DELIBERATION = ['public_notice', 'implementation', 'acceptance', 'audit', 'closed'];

/** Each cycle's council-health facts counted from the records, cycle by cycle. */
const countedCycleRows: CountCycles = (database, scope, year, today) =>
  database.db.all<CycleRow>(sql`
    select cy.id, cy.community_id, c.street_id, cy.year,
      (cy.open_phase in (${list(AFTER_DELIBERATION)}) or (cy.open_phase is null and exists (select 1 from cycle_phases ph where ph.cycle_id = cy.id and ph.phase = 'deliberation' and ph.ends_on < ${today}))) as past_deliberation,
      (cy.open_phase in (${list(AFTER_VOTE)}) or (cy.open_phase is null and exists (select 1 from cycle_phases ph where ph.cycle_id = cy.id and ph.phase = 'resident_vote' and ph.ends_on < ${today}))) as past_vote,
      (rb.vote_method <> 'none') as vote_required,
      (select count(*) from meetings m where m.cycle_id = cy.id and m.status = 'closed') as meetings_closed,
      (select count(*) from projects p where p.cycle_id = cy.id and p.state in (${list(ADOPTED_STATES)})) as adopted,
      (select count(*) from projects p where p.cycle_id = cy.id and p.state in (${list(ADOPTED_STATES)}) and exists (select 1 from agenda_items ai where ai.project_id = p.id and ai.outcome = 'adopted')) as adopted_at_meeting,
      (select count(*) from projects p where p.cycle_id = cy.id and p.state in (${list(ADOPTED_STATES)}) and p.proposer_type in ('residents_committee', 'workstation')) as adopted_by_staff,
      (select count(*) from ballots b where b.cycle_id = cy.id and b.superseded_at is null)
        + (select count(*) from imported_ballots ib join ballot_imports bi on bi.id = ib.import_id where ib.cycle_id = cy.id and bi.status = 'done') as ballots,
      (select count(*) from register_entries re where re.community_id = cy.community_id) as registered
    from cycles cy join communities c on c.id = cy.community_id join rulebooks rb on rb.id = cy.rulebook_id
    where cy.community_id in (${scope}) and ${yearCond(year, sql`cy.year`)}
    order by c.street_id, cy.community_id, cy.year`);

/** Council health with every cycle's facts counted from the records (the definition `councilHealth` must equal). */
export async function referenceCouncilHealth(database: Database, level: PlaceLevel, slug: string, year: number | null, now: Date): Promise<FlaggedCommunity[] | null> {
  const found = await findPlace(database, level, slug);
  if (!found) return null;
  return councilHealthIn(database, scopeOf(found.place), year, now, countedCycleRows);
}
