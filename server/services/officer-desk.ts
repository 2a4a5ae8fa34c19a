/**
 * @module The desk of a street or district officer: for their place, the
 * councils that look inactive, the proposals waiting for screening, the
 * projects running late and the audit findings still open, each counted in
 * SQL and listed (oldest or latest first, a page at most) with where it is
 * handled.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { chinaDay } from '../domain/cycle-phases.ts';
import { DELIVERING_STATES } from '../domain/delivery.ts';
import { councilHealthIn, type FlaggedCommunity } from './council-health.ts';
import { scopeOf, type PlaceRef } from './stats.ts';

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
/** How many of each list the desk shows; the count says how many there are in all. */
export const DESK_PAGE = 20;

type Item = { code: string; title: string; communitySlug: string; communityNameZh: string; communityNameEn: string };

export type OfficerDesk = {
  place: PlaceRef;
  flagged: FlaggedCommunity[];
  awaitingScreening: { count: number; items: (Item & { submittedOn: string })[] };
  overdue: { count: number; items: (Item & { plannedEnd: string; daysLate: number })[] };
  findingsOpen: { count: number; items: { id: string; severity: string; body: string; projectCode: string | null; cycleId: string; communitySlug: string; communityNameZh: string; communityNameEn: string }[] };
};

/** The place an officer role is scoped to, or null when the scope is not a street or district that exists. */
export async function officerPlace(database: Database, scope: { kind: string; id: string }): Promise<PlaceRef | null> {
  if (scope.kind === 'district') {
    const r = (await database.db.all<{ id: string; code: string; zh: string; en: string }>(sql`select id, code, name_zh as zh, name_en as en from districts where id = ${scope.id}`))[0];
    return r ? { level: 'district', id: r.id, slug: r.code.toLowerCase(), nameZh: r.zh, nameEn: r.en } : null;
  }
  if (scope.kind === 'street') {
    const r = (await database.db.all<{ id: string; code: string; zh: string; en: string }>(sql`select id, code, name_zh as zh, name_en as en from streets where id = ${scope.id}`))[0];
    return r ? { level: 'street', id: r.id, slug: r.code.toLowerCase(), nameZh: r.zh, nameEn: r.en } : null;
  }
  return null;
}

export async function officerDesk(database: Database, place: PlaceRef, now: Date): Promise<OfficerDesk> {
  const scope = scopeOf(place);
  const today = chinaDay(now);
  const item = sql`p.code, p.title, c.slug as community_slug, c.name_zh as community_zh, c.name_en as community_en`;
  type Row = { code: string; title: string; community_slug: string; community_zh: string; community_en: string };
  const toItem = (r: Row): Item => ({ code: r.code, title: r.title, communitySlug: r.community_slug, communityNameZh: r.community_zh, communityNameEn: r.community_en });

  const screeningCount = await database.db.all<{ n: number }>(sql`select count(*) as n from projects p where p.state = 'submitted' and p.community_id in (${scope})`);
  const screening = await database.db.all<Row & { created_at: number }>(sql`
    select ${item}, p.created_at from projects p join communities c on c.id = p.community_id
    where p.state = 'submitted' and p.community_id in (${scope})
    order by p.created_at, p.code limit ${DESK_PAGE}`);

  const lateWhere = sql`p.state in (${list(DELIVERING_STATES)}) and a.planned_end < ${today} and p.community_id in (${scope})`;
  const overdueCount = await database.db.all<{ n: number }>(sql`select count(*) as n from projects p join agreements a on a.project_id = p.id where ${lateWhere}`);
  const overdue = await database.db.all<Row & { planned_end: string; days: number }>(sql`
    select ${item}, a.planned_end, cast(julianday(${today}) - julianday(a.planned_end) as integer) as days
    from projects p join agreements a on a.project_id = p.id join communities c on c.id = p.community_id
    where ${lateWhere}
    order by a.planned_end, p.code limit ${DESK_PAGE}`);

  // Open findings: on a project whose audit is not complete, or on a cycle not closed (as the statistics count them).
  const findingsWhere = sql`(
    (af.project_id is not null and p.state not in ('audited', 'archived'))
    or (af.project_id is null and cy.open_phase is not 'closed')
  ) and cy.community_id in (${scope})`;
  const findingsFrom = sql`audit_findings af left join projects p on p.id = af.project_id join cycles cy on cy.id = coalesce(p.cycle_id, af.cycle_id) join communities c on c.id = cy.community_id`;
  const findingsCount = await database.db.all<{ n: number }>(sql`select count(*) as n from ${findingsFrom} where ${findingsWhere}`);
  const findings = await database.db.all<{ id: string; severity: string; body: string; code: string | null; cycle_id: string; community_slug: string; community_zh: string; community_en: string }>(sql`
    select af.id, af.severity, af.body, p.code, cy.id as cycle_id, c.slug as community_slug, c.name_zh as community_zh, c.name_en as community_en
    from ${findingsFrom} where ${findingsWhere}
    order by af.created_at desc, af.id limit ${DESK_PAGE}`);

  return {
    place,
    flagged: await councilHealthIn(database, scope, null, now),
    awaitingScreening: { count: Number(screeningCount[0]?.n ?? 0), items: screening.map((r) => ({ ...toItem(r), submittedOn: chinaDay(new Date(Number(r.created_at))) })) },
    overdue: { count: Number(overdueCount[0]?.n ?? 0), items: overdue.map((r) => ({ ...toItem(r), plannedEnd: r.planned_end, daysLate: Number(r.days) })) },
    findingsOpen: {
      count: Number(findingsCount[0]?.n ?? 0),
      items: findings.map((f) => ({ id: f.id, severity: f.severity, body: f.body, projectCode: f.code, cycleId: f.cycle_id, communitySlug: f.community_slug, communityNameZh: f.community_zh, communityNameEn: f.community_en })),
    },
  };
}
