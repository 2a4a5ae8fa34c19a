/**
 * @module Place statistics (统计) for the city, a district, a street or a
 * community, for one year or all years. The figures that do not depend on the
 * day are kept counted per community and year (db/stats-cells.ts, exact in
 * the same transaction as every write), so a place's figures are sums of
 * those rows, grouped in SQL by child place and year: 4,000 rows for the
 * city, whatever the number of projects, ballots or residents. What depends
 * on the day — projects overdue and their days late, votes opened by their
 * planned date — is counted when read, from indexes (the projects being
 * delivered; the cycles). server/domain/stats.ts adds the groups up and
 * divides. No statement's parameter list grows with the data: the place is a
 * condition or a sub-select, not a list of ids. ./stats-reference.ts counts
 * the same figures from the records, the definition the tests hold this to.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { ANY_DIRTY, CELL_COLUMNS } from '#db/stats-cells.ts';
import type { AppContext } from '../context.ts';
import { cachedRead } from './read-cache.ts';
import { jsonRows } from './json-rows.ts';
import { chinaDay } from '../domain/cycle-phases.ts';
import { ADOPTED_STATES, DELIVERING_STATES } from '../domain/delivery.ts';
import { addFigures, derive, measures, zeroFigures, type Derived, type Figures, type Measures } from '../domain/stats.ts';
import type { ProjectState } from '../domain/project-states.ts';
import { say } from '#messages/say.ts';

export const PLACE_LEVELS = ['city', 'district', 'street', 'community'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/** A place as pages and the API name it: /districts/<slug> is the district's code in lower case. */
export type PlaceRef = { level: PlaceLevel; id: string | null; slug: string; nameZh: string; nameEn: string };

export type PlaceStats = {
  place: PlaceRef;
  /** Up the hierarchy, the city first. */
  parents: PlaceRef[];
  /** Null: all years together. */
  year: number | null;
  /** Years that have a cycle in this place, newest first. */
  years: number[];
  figures: Figures;
  derived: Derived;
  measures: Measures;
  /** Projects with an adopted state, by rulebook category key: count and money. */
  byCategory: { key: string; adopted: number; agreedFen: number; contractedFen: number; paidFen: number }[];
  /** The same split for every year of the place, whatever `year` is: for the chart of money by category and year. */
  byCategoryYear: { year: number; key: string; adopted: number; agreedFen: number; contractedFen: number; paidFen: number }[];
  byTheme: { key: string; adopted: number; agreedFen: number }[];
  /** One row per year (all of this place's years, whatever `year` is): for trends and charts. */
  byYear: { year: number; figures: Figures }[];
  children: (PlaceRef & { figures: Figures; derived: Derived })[];
};

const CITY: PlaceRef = { level: 'city', id: null, slug: 'city', nameZh: say.names('zh-CN', 'place.city'), nameEn: say.names('en', 'place.city') };

const CHILD_LEVEL: Record<PlaceLevel, PlaceLevel | null> = { city: 'district', district: 'street', street: 'community', community: null };

/** The place for a level and slug, with its parents; null when there is none. */
export async function findPlace(database: Database, level: PlaceLevel, slug: string): Promise<{ place: PlaceRef; parents: PlaceRef[] } | null> {
  if (level === 'city') return { place: CITY, parents: [] };
  if (!/^[a-z0-9-]{1,64}$/.test(slug)) return null;
  type Row = { cid: string | null; cslug: string | null; czh: string | null; cen: string | null; sid: string; scode: string; szh: string; sen: string; did: string; dcode: string; dzh: string; den: string };
  const cols = sql`s.id as sid, s.code as scode, s.name_zh as szh, s.name_en as sen, d.id as did, d.code as dcode, d.name_zh as dzh, d.name_en as den`;
  let row: Row | undefined;
  if (level === 'community') {
    row = (await database.db.all<Row>(sql`select c.id as cid, c.slug as cslug, c.name_zh as czh, c.name_en as cen, ${cols} from communities c join streets s on s.id = c.street_id join districts d on d.id = s.district_id where c.slug = ${slug}`))[0];
  } else if (level === 'street') {
    row = (await database.db.all<Row>(sql`select null as cid, null as cslug, null as czh, null as cen, ${cols} from streets s join districts d on d.id = s.district_id where s.code = ${slug.toUpperCase()}`))[0];
  } else {
    const d = (await database.db.all<{ id: string; code: string; zh: string; en: string }>(sql`select id, code, name_zh as zh, name_en as en from districts where code = ${slug.toUpperCase()}`))[0];
    return d ? { place: { level: 'district', id: d.id, slug: d.code.toLowerCase(), nameZh: d.zh, nameEn: d.en }, parents: [CITY] } : null;
  }
  if (!row) return null;
  const district: PlaceRef = { level: 'district', id: row.did, slug: row.dcode.toLowerCase(), nameZh: row.dzh, nameEn: row.den };
  const street: PlaceRef = { level: 'street', id: row.sid, slug: row.scode.toLowerCase(), nameZh: row.szh, nameEn: row.sen };
  if (level === 'street') return { place: street, parents: [CITY, district] };
  return { place: { level: 'community', id: row.cid!, slug: row.cslug!, nameZh: row.czh!, nameEn: row.cen! }, parents: [CITY, district, street] };
}

/** The communities of a place, as a sub-select of `community_id`. */
export function scopeOf(place: PlaceRef): SQL {
  switch (place.level) {
    case 'city':
      return sql`select id as community_id from communities`;
    case 'district':
      return sql`select c.id as community_id from communities c join streets s on s.id = c.street_id where s.district_id = ${place.id}`;
    case 'street':
      return sql`select id as community_id from communities where street_id = ${place.id}`;
    case 'community':
      return sql`select ${place.id} as community_id`;
  }
}

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);

/**
 * If a writer went around the write queue (a bulk load, a test's own SQL),
 * communities may wait to be recounted: an empty write recounts them
 * (db/stats-cells.ts) before the kept figures are read. One indexed read
 * otherwise.
 */
export async function ensureCounted(database: Database): Promise<void> {
  if ((await database.client.execute(ANY_DIRTY)).rows.length > 0) await database.write(async () => {});
}

/**
 * How the rows of a place are found and grouped: `where` picks its
 * communities (`c`, with their street `s`), `child` names the child place a
 * community belongs to (the community itself at the lowest level).
 */
function grouping(place: PlaceRef): { where: SQL; child: SQL } {
  switch (place.level) {
    case 'city':
      return { where: sql`1 = 1`, child: sql`s.district_id` };
    case 'district':
      return { where: sql`s.district_id = ${place.id}`, child: sql`c.street_id` };
    case 'street':
      return { where: sql`c.street_id = ${place.id}`, child: sql`c.id` };
    case 'community':
      return { where: sql`c.id = ${place.id}`, child: sql`c.id` };
  }
}

/** A cycle's resident vote has opened under a rulebook that has one: by staff, or (no phase opened by staff) by its planned date. */
const voteOpened = (today: string) => sql`(case when rb.vote_method <> 'none' and (
    cy.open_phase in ('resident_vote', 'deliberation', 'public_notice', 'implementation', 'acceptance', 'audit', 'closed')
    or (cy.open_phase is null and exists (select 1 from cycle_phases ph where ph.cycle_id = cy.id and ph.phase = 'resident_vote' and ph.starts_on <= ${today}))
  ) then 1 else 0 end)`;

type Grouped = {
  /** Figures by child place (null: communities in no child place) and year; the register and all-years participants are added by `figuresOf`. */
  cells: Map<string | null, Map<number, Figures>>;
  /** By child place: its register, and who took part in any year (each once per community). */
  people: Map<string | null, { registered: number; participants: number }>;
  years: number[];
};

/** Every figure of the place's communities by child place and year: kept rows and today's counts, summed in SQL. */
async function grouped(database: Database, place: PlaceRef, today: string): Promise<Grouped> {
  const { where, child } = grouping(place);
  const kept = await jsonRows(
    database,
    ['child', 'year', ...CELL_COLUMNS],
    sql`select ${child} as child, x.year as year, ${sql.raw(CELL_COLUMNS.map((k) => `sum(x.${k}) as ${k}`).join(', '))}
      from stats_cells x join communities c on c.id = x.community_id left join streets s on s.id = c.street_id
      where ${where} group by 1, 2`,
  );
  const cycles = await jsonRows(
    database,
    ['child', 'year', 'with_vote', 'eligible'],
    sql`select ${child} as child, y.year as year, sum(y.with_vote) as with_vote, sum(y.with_vote * coalesce(sc.registered, 0)) as eligible
      from (select cy.community_id, cy.year, ${voteOpened(today)} as with_vote from cycles cy join rulebooks rb on rb.id = cy.rulebook_id where cy.community_id in (${scopeOf(place)})) y
        join communities c on c.id = y.community_id left join streets s on s.id = c.street_id left join stats_communities sc on sc.community_id = c.id
      group by 1, 2`,
  );
  // Overdue today: still being delivered after the agreement's planned end; the projects being delivered are found by state and community.
  const overdue = await jsonRows(
    database,
    ['child', 'year', 'n', 'days'],
    sql`select ${child} as child, cy.year as year, count(*) as n, sum(cast(julianday(${today}) - julianday(a.planned_end) as integer)) as days
      from projects p join agreements a on a.project_id = p.id join cycles cy on cy.id = p.cycle_id
        join communities c on c.id = p.community_id left join streets s on s.id = c.street_id
      where p.state in (${list(DELIVERING_STATES)}) and p.community_id in (${scopeOf(place)}) and a.planned_end < ${today} group by 1, 2`,
  );
  const people = await jsonRows(
    database,
    ['child', 'registered', 'participants'],
    sql`select ${child} as child, sum(x.registered) as registered, sum(x.participants) as participants
      from stats_communities x join communities c on c.id = x.community_id left join streets s on s.id = c.street_id
      where ${where} group by 1`,
  );

  const cells = new Map<string | null, Map<number, Figures>>();
  const cell = (r: { child: string | number | null; year: string | number | null }) => {
    const key = r.child === null ? null : String(r.child);
    let m = cells.get(key);
    if (!m) cells.set(key, (m = new Map()));
    const y = Number(r.year);
    let f = m.get(y);
    if (!f) m.set(y, (f = zeroFigures()));
    return f;
  };
  for (const r of kept) {
    const f = cell(r);
    for (const k of CELL_COLUMNS) f[k] = Number(r[k] ?? 0);
  }
  for (const r of cycles) {
    const f = cell(r);
    f.cycles_with_vote = Number(r.with_vote ?? 0);
    f.eligible_voters = Number(r.eligible ?? 0);
  }
  for (const r of overdue) {
    const f = cell(r);
    f.projects_overdue = Number(r.n);
    f.overdue_days = Number(r.days ?? 0);
  }
  const years = [...new Set(kept.map((r) => Number(r.year)))].sort((a, b) => b - a);
  return {
    cells,
    people: new Map(people.map((p) => [p.child === null ? null : String(p.child), { registered: Number(p.registered ?? 0), participants: Number(p.participants ?? 0) }])),
    years,
  };
}

/** A child place's figures (null: the communities in none) for one year or all years (null): the register once, over all years each participant once. */
function figuresOf(g: Grouped, child: string | null, year: number | null): Figures {
  const years = g.cells.get(child) ?? new Map<number, Figures>();
  const f = year === null ? addFigures([...years.values()]) : { ...(years.get(year) ?? zeroFigures()) };
  const people = g.people.get(child);
  f.registered_residents = people?.registered ?? 0;
  if (year === null) f.participants = people?.participants ?? 0;
  return f;
}

/** The child places of a place, in order of their codes. */
export async function childPlaces(database: Database, place: PlaceRef): Promise<PlaceRef[]> {
  const level = CHILD_LEVEL[place.level];
  if (!level) return [];
  const query =
    level === 'district'
      ? sql`select id, code, name_zh as zh, name_en as en from districts`
      : level === 'street'
        ? sql`select id, code, name_zh as zh, name_en as en from streets where district_id = ${place.id}`
        : sql`select id, slug as code, name_zh as zh, name_en as en, code as sort from communities where street_id = ${place.id}`;
  const rows = await database.db.all<{ id: string; code: string; zh: string; en: string; sort?: string }>(sql`${query} order by ${sql.raw(level === 'community' ? 'sort' : 'code')}`);
  return rows.map((r) => ({ level, id: r.id, slug: level === 'community' ? r.code : r.code.toLowerCase(), nameZh: r.zh, nameEn: r.en }));
}

/** Adopted projects of one year, category and theme, with their money. */
export type SplitRow = { year: number; category: string; theme: string; n: number; agreed: number; contracted: number; paid: number };

/** Split rows folded into the period's category and theme splits, and by category and year (the kept figures and the reference share it). */
export function foldSplits(rows: readonly SplitRow[], year: number | null) {
  type Cat = { key: string; adopted: number; agreedFen: number; contractedFen: number; paidFen: number };
  const cat = new Map<string, Cat>();
  const catYear = new Map<string, Cat & { year: number }>();
  const theme = new Map<string, { key: string; adopted: number; agreedFen: number }>();
  const add = (c: Cat, r: (typeof rows)[number]) => {
    c.adopted += Number(r.n);
    c.agreedFen += Number(r.agreed);
    c.contractedFen += Number(r.contracted);
    c.paidFen += Number(r.paid);
  };
  for (const r of rows) {
    const ky = `${r.year}|${r.category}`;
    const cy = catYear.get(ky) ?? { year: Number(r.year), key: r.category, adopted: 0, agreedFen: 0, contractedFen: 0, paidFen: 0 };
    add(cy, r);
    catYear.set(ky, cy);
    if (year !== null && Number(r.year) !== year) continue;
    const c = cat.get(r.category) ?? { key: r.category, adopted: 0, agreedFen: 0, contractedFen: 0, paidFen: 0 };
    add(c, r);
    cat.set(r.category, c);
    const t = theme.get(r.theme) ?? { key: r.theme, adopted: 0, agreedFen: 0 };
    t.adopted += Number(r.n);
    t.agreedFen += Number(r.agreed);
    theme.set(r.theme, t);
  }
  const order = ['engineering', 'goods', 'services'];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const byKey = (a: { key: string }, b: { key: string }) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key);
  return {
    byCategory: [...cat.values()].sort(byKey),
    byCategoryYear: [...catYear.values()].sort((a, b) => a.year - b.year || byKey(a, b)),
    byTheme: [...theme.values()].sort((a, b) => b.agreedFen - a.agreedFen || a.key.localeCompare(b.key)),
  };
}

/** Category and theme splits of the adopted projects of a place: for the period asked for, and by category and year (kept rows, summed in SQL). */
async function splits(database: Database, place: PlaceRef, year: number | null) {
  const { where } = grouping(place);
  // The city's are every row (kept rows exist only for communities that exist: db/stats-cells.ts), read in the order of an index that holds them.
  const from = place.level === 'city' ? sql`stats_splits x` : sql`stats_splits x join communities c on c.id = x.community_id left join streets s on s.id = c.street_id where ${where}`;
  const raw = await jsonRows(
    database,
    ['year', 'category', 'theme', 'n', 'agreed', 'contracted', 'paid'],
    sql`select x.year as year, x.category as category, x.theme as theme, sum(x.adopted) as n, sum(x.agreed_fen) as agreed, sum(x.contracted_fen) as contracted, sum(x.paid_fen) as paid
      from ${from} group by x.year, x.category, x.theme`,
  );
  const rows = raw.map((r) => ({ year: Number(r.year), category: String(r.category), theme: String(r.theme), n: Number(r.n), agreed: Number(r.agreed), contracted: Number(r.contracted), paid: Number(r.paid) }));
  return foldSplits(rows, year);
}

/**
 * The statistics of a place (`level`, `slug`; the city's slug is ignored)
 * for `year` (null: all years). Null when the place does not exist.
 */
export async function placeStats(database: Database, level: PlaceLevel, slug: string, year: number | null, now: Date): Promise<PlaceStats | null> {
  const found = await findPlace(database, level, slug);
  if (!found) return null;
  const { place, parents } = found;
  await ensureCounted(database);
  const g = await grouped(database, place, chinaDay(now));
  const groups = [...new Set([...g.cells.keys(), ...g.people.keys()])];
  const total = (y: number | null) => addFigures(groups.map((c) => figuresOf(g, c, y)));

  const figures = total(year);
  const children = (await childPlaces(database, place)).map((ref) => {
    const f = figuresOf(g, ref.id, year);
    return { ...ref, figures: f, derived: derive(f) };
  });
  const byYear = [...g.years].reverse().map((y) => ({ year: y, figures: total(y) }));
  const previous = year === null ? null : (byYear.find((r) => r.year === year - 1)?.figures ?? null);
  const { byCategory, byCategoryYear, byTheme } = await splits(database, place, year);
  return { place, parents, year, years: g.years, figures, derived: derive(figures), measures: measures(figures, previous), byCategory, byCategoryYear, byTheme, byYear, children };
}

export type ReportProject = { code: string; title: string; communitySlug: string; communityNameZh: string; communityNameEn: string; category: string; state: ProjectState; agreedFen: number; contractedFen: number | null; paidFen: number };

/**
 * The adopted projects of a place in one year with their money (estimate as
 * adopted, agreement, payments), by community and code: the list behind an
 * annual report's figures. Their sums are the report's adopted, contracted
 * and paid figures.
 */
export async function adoptedProjects(database: Database, place: PlaceRef, year: number): Promise<ReportProject[]> {
  const rows = await database.db.all<{ code: string; title: string; slug: string; zh: string; en: string; category: string; state: ProjectState; agreed: number; contracted: number | null; paid: number | null }>(sql`
    select p.code, p.title, c.slug, c.name_zh as zh, c.name_en as en, p.category, p.state, p.estimated_cost_fen as agreed,
      (select a.agreed_amount_fen from agreements a where a.project_id = p.id) as contracted,
      (select sum(pay.amount_fen) from payments pay where pay.project_id = p.id) as paid
    from projects p join cycles cy on cy.id = p.cycle_id join communities c on c.id = p.community_id
    where p.community_id in (${scopeOf(place)}) and cy.year = ${year} and p.state in (${list(ADOPTED_STATES)})
    order by c.code, p.code`);
  return rows.map((r) => ({ code: r.code, title: r.title, communitySlug: r.slug, communityNameZh: r.zh, communityNameEn: r.en, category: r.category, state: r.state, agreedFen: Number(r.agreed), contractedFen: r.contracted === null ? null : Number(r.contracted), paidFen: Number(r.paid ?? 0) }));
}

/** `placeStats` through the context's read cache: what pages and the API call. */
export function placeStatsFor(ctx: AppContext, level: PlaceLevel, slug: string, year: number | null): Promise<PlaceStats | null> {
  return cachedRead(ctx.reads, ctx.database, `stats|${level}|${slug}|${year ?? 'all'}|${chinaDay(ctx.now())}`, () => placeStats(ctx.database, level, slug, year, ctx.now()));
}
