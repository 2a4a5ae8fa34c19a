/**
 * @module Council health of the communities of a place (street, district,
 * city), for a year or all years: the facts of each cycle counted in SQL
 * (one row per cycle, per closed meeting, per project with open objections;
 * a phase staff opened wins over the planned dates, as everywhere),
 * the flags decided by the domain (server/domain/council-health.ts), each
 * with a link to its evidence.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { chinaDay } from '../domain/cycle-phases.ts';
import { healthFlags, type CycleFacts, type HealthFlag, type MeetingFacts, type ObjectionFacts } from '../domain/council-health.ts';
import { ensureCounted, findPlace, scopeOf, type PlaceLevel } from './stats.ts';
import type { AppContext } from '../context.ts';
import { cachedRead } from './read-cache.ts';
import { jsonRows } from './json-rows.ts';

export type FlaggedCommunity = {
  slug: string;
  nameZh: string;
  nameEn: string;
  streetSlug: string;
  flags: (HealthFlag & { evidence: string })[];
};

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
const AFTER_VOTE = ['deliberation', 'public_notice', 'implementation', 'acceptance', 'audit', 'closed'];
const AFTER_DELIBERATION = ['public_notice', 'implementation', 'acceptance', 'audit', 'closed'];

/** Where a flag's evidence is on the site. */
function evidence(f: HealthFlag, slug: string): string {
  switch (f.code) {
    case 'no_meeting':
      return `/meetings?community=${slug}`;
    case 'no_quorum':
      return `/meetings/${f.meetingId}`;
    case 'adopted_outside_meeting':
      return `/meetings?community=${slug}`;
    case 'all_by_staff':
      return `/projects?community=${slug}`;
    case 'no_resident_vote':
      return `/communities/${slug}`;
    case 'objections_unanswered':
      return `/projects/${f.projectCode}`;
    case 'low_turnout':
      return `/communities/${slug}/stats?year=${f.year}`;
  }
}

/** Flagged communities of a place, most flags first; null for an unknown place. */
export async function councilHealth(database: Database, level: PlaceLevel, slug: string, year: number | null, now: Date): Promise<FlaggedCommunity[] | null> {
  const found = await findPlace(database, level, slug);
  if (!found) return null;
  return councilHealthIn(database, scopeOf(found.place), year, now);
}

/** One cycle and its facts, as `CountCycles` reads them. */
export type CycleRow = {
  id: string; community_id: string; street_id: string; year: number; past_deliberation: number; past_vote: number; vote_required: number;
  meetings_closed: number; adopted: number; adopted_at_meeting: number; adopted_by_staff: number; ballots: number; registered: number;
};
const CYCLE_COLUMNS = ['id', 'community_id', 'street_id', 'year', 'past_deliberation', 'past_vote', 'vote_required', 'meetings_closed', 'adopted', 'adopted_at_meeting', 'adopted_by_staff', 'ballots', 'registered'] as const;
export type CountCycles = (database: Database, scope: SQL, year: number | null, today: string) => Promise<CycleRow[]>;

/** Whether a cycle is past a phase: opened beyond it by staff, or (none opened) its planned end has passed. */
function pastPhase(phase: 'deliberation' | 'resident_vote', today: string): SQL {
  const after = phase === 'deliberation' ? AFTER_DELIBERATION : AFTER_VOTE;
  return sql`(cy.open_phase in (${list(after)}) or (cy.open_phase is null and exists (select 1 from cycle_phases ph where ph.cycle_id = cy.id and ph.phase = ${phase} and ph.ends_on < ${today})))`;
}

/**
 * Each cycle of the communities of `scope` with its facts: what its council
 * did (meetings, adoptions: stats_cycles), its ballots (its community's kept
 * figure for the year: one cycle per community and year, a unique index) and
 * its register, all kept counted (db/stats-cells.ts); the phases, which
 * depend on the day, as they stand today.
 */
export const keptCycleRows: CountCycles = async (database, scope, year, today) =>
  (await jsonRows(
    database,
    CYCLE_COLUMNS,
    sql`select cy.id as id, cy.community_id as community_id, c.street_id as street_id, cy.year as year,
        ${pastPhase('deliberation', today)} as past_deliberation,
        ${pastPhase('resident_vote', today)} as past_vote,
        (rb.vote_method <> 'none') as vote_required,
        coalesce(k.meetings_closed, 0) as meetings_closed, coalesce(k.adopted, 0) as adopted, coalesce(k.adopted_at_meeting, 0) as adopted_at_meeting,
        coalesce(k.adopted_by_staff, 0) as adopted_by_staff, coalesce(x.ballots, 0) as ballots, coalesce(sc.registered, 0) as registered
      from cycles cy join communities c on c.id = cy.community_id join rulebooks rb on rb.id = cy.rulebook_id
        left join stats_cycles k on k.cycle_id = cy.id
        left join stats_cells x on x.community_id = cy.community_id and x.year = cy.year
        left join stats_communities sc on sc.community_id = cy.community_id
      where cy.community_id in (${scope}) and ${year === null ? sql`1 = 1` : sql`cy.year = ${year}`}`,
    ['street_id', 'community_id', 'year'],
  )) as unknown as CycleRow[];

export async function councilHealthIn(database: Database, scope: SQL, year: number | null, now: Date, countCycles: CountCycles = keptCycleRows): Promise<FlaggedCommunity[]> {
  const today = chinaDay(now);
  const yr = year === null ? sql`1 = 1` : sql`cy.year = ${year}`;
  await ensureCounted(database);
  const cycles = await countCycles(database, scope, year, today);
  const facts: CycleFacts[] = cycles.map((r) => ({
    cycleId: r.id,
    communityId: r.community_id,
    streetId: r.street_id,
    year: Number(r.year),
    pastDeliberation: Boolean(r.past_deliberation),
    pastVote: Boolean(r.past_vote),
    voteRequired: Boolean(r.vote_required),
    meetingsClosed: Number(r.meetings_closed),
    adopted: Number(r.adopted),
    adoptedAtMeeting: Number(r.adopted_at_meeting),
    adoptedByStaff: Number(r.adopted_by_staff),
    ballots: Number(r.ballots),
    eligible: Number(r.registered),
  }));
  // Meetings whose attendance was recorded (a meeting closed without any attendance row says nothing about a quorum).
  const meetings = await jsonRows(
    database,
    ['id', 'cycle_id', 'scheduled_at', 'members_total', 'present', 'qn', 'qd'],
    sql`select m.id as id, m.cycle_id as cycle_id, m.scheduled_at as scheduled_at, m.members_total as members_total,
        (select count(*) from meeting_attendance a where a.meeting_id = m.id and a.present) as present,
        rb.quorum_num as qn, rb.quorum_den as qd
      from meetings m join cycles cy on cy.id = m.cycle_id join rulebooks rb on rb.id = cy.rulebook_id
      where m.status = 'closed' and m.members_total is not null and exists (select 1 from meeting_attendance a where a.meeting_id = m.id) and m.community_id in (${scope}) and cy.community_id in (${scope}) and ${yr}`,
    ['cycle_id', 'scheduled_at', 'id'],
  );
  const meetingFacts: MeetingFacts[] = meetings.map((m) => ({ meetingId: String(m.id), cycleId: String(m.cycle_id), membersTotal: Number(m.members_total), present: Number(m.present), quorum: { num: Number(m.qn), den: Number(m.qd) } }));
  const objections = await database.db.all<{ cycle_id: string; code: string; n: number }>(sql`
    select p.cycle_id, p.code, count(*) as n
    from objections o join notices n on n.id = o.notice_id join projects p on p.id = o.project_id join cycles cy on cy.id = p.cycle_id
    where o.status = 'open' and n.ends_at < ${now.getTime()} and cy.community_id in (${scope}) and ${yr}
    group by p.id`);
  const objectionFacts: ObjectionFacts[] = objections.map((o) => ({ cycleId: o.cycle_id, projectCode: o.code, open: Number(o.n) }));
  const flags = healthFlags(facts, meetingFacts, objectionFacts);
  if (flags.length === 0) return [];
  // Names of the flagged communities only.
  const names = await jsonRows(
    database,
    ['id', 'slug', 'zh', 'en', 'street'],
    sql`select c.id as id, c.slug as slug, c.name_zh as zh, c.name_en as en, lower(s.code) as street from communities c join streets s on s.id = c.street_id
      where c.id in (${scope}) and c.id in (select value from json_each(${JSON.stringify([...new Set(flags.map((f) => f.communityId))])}))`,
  );
  const byId = new Map(names.map((n) => [String(n.id), { id: String(n.id), slug: String(n.slug), zh: String(n.zh), en: String(n.en), street: String(n.street) }]));
  const grouped = new Map<string, FlaggedCommunity>();
  for (const f of flags) {
    const n = byId.get(f.communityId)!;
    const g = grouped.get(n.id) ?? { slug: n.slug, nameZh: n.zh, nameEn: n.en, streetSlug: n.street, flags: [] };
    g.flags.push({ ...f, evidence: evidence(f, n.slug) });
    grouped.set(n.id, g);
  }
  return [...grouped.values()].sort((a, b) => b.flags.length - a.flags.length || a.slug.localeCompare(b.slug));
}

/** `councilHealth` through the context's read cache: what pages and the API call. */
export function councilHealthFor(ctx: AppContext, level: PlaceLevel, slug: string, year: number | null): Promise<FlaggedCommunity[] | null> {
  return cachedRead(ctx.reads, ctx.database, `health|${level}|${slug}|${year ?? 'all'}|${chinaDay(ctx.now())}`, () => councilHealth(ctx.database, level, slug, year, ctx.now()));
}
