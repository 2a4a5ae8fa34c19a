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
import { ADOPTED_STATES } from '../domain/delivery.ts';
import { healthFlags, type CycleFacts, type HealthFlag, type MeetingFacts, type ObjectionFacts } from '../domain/council-health.ts';
import { findPlace, scopeOf, type PlaceLevel } from './stats.ts';
import type { AppContext } from '../context.ts';
import { cachedRead } from './read-cache.ts';

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

export async function councilHealthIn(database: Database, scope: SQL, year: number | null, now: Date): Promise<FlaggedCommunity[]> {
  const today = chinaDay(now);
  const yr = year === null ? sql`1 = 1` : sql`cy.year = ${year}`;
  const cycles = await database.db.all<{
    id: string; community_id: string; street_id: string; year: number; past_deliberation: number; past_vote: number; vote_required: number;
    meetings_closed: number; adopted: number; adopted_at_meeting: number; adopted_by_staff: number; ballots: number; registered: number;
  }>(sql`
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
    where cy.community_id in (${scope}) and ${yr}
    order by c.street_id, cy.community_id, cy.year`);
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
  const meetings = await database.db.all<{ id: string; cycle_id: string; members_total: number; present: number; qn: number; qd: number }>(sql`
    select m.id, m.cycle_id, m.members_total,
      (select count(*) from meeting_attendance a where a.meeting_id = m.id and a.present) as present,
      rb.quorum_num as qn, rb.quorum_den as qd
    from meetings m join cycles cy on cy.id = m.cycle_id join rulebooks rb on rb.id = cy.rulebook_id
    where m.status = 'closed' and m.members_total is not null and exists (select 1 from meeting_attendance a where a.meeting_id = m.id) and cy.community_id in (${scope}) and ${yr}`);
  const meetingFacts: MeetingFacts[] = meetings.map((m) => ({ meetingId: m.id, cycleId: m.cycle_id, membersTotal: Number(m.members_total), present: Number(m.present), quorum: { num: Number(m.qn), den: Number(m.qd) } }));
  const objections = await database.db.all<{ cycle_id: string; code: string; n: number }>(sql`
    select p.cycle_id, p.code, count(*) as n
    from objections o join notices n on n.id = o.notice_id join projects p on p.id = o.project_id join cycles cy on cy.id = p.cycle_id
    where o.status = 'open' and n.ends_at < ${now.getTime()} and cy.community_id in (${scope}) and ${yr}
    group by p.id`);
  const objectionFacts: ObjectionFacts[] = objections.map((o) => ({ cycleId: o.cycle_id, projectCode: o.code, open: Number(o.n) }));
  const flags = healthFlags(facts, meetingFacts, objectionFacts);
  if (flags.length === 0) return [];
  const names = await database.db.all<{ id: string; slug: string; zh: string; en: string; street: string }>(sql`
    select c.id, c.slug, c.name_zh as zh, c.name_en as en, lower(s.code) as street from communities c join streets s on s.id = c.street_id where c.id in (${scope})`);
  const byId = new Map(names.map((n) => [n.id, n]));
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
