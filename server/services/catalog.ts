/**
 * @module The public read side: communities with their cycles and current
 * phase, project lists with filters, and a project with its history. No
 * personal data leaves here: proposers appear only as a proposer type.
 */
import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { communities, streets, districts, cycles, cyclePhases, projects, auditLog } from '#db/schema.ts';
import type { Database } from '#db/client.ts';
import { currentPhase, type CyclePhase } from '../domain/cycle-phases.ts';
import type { Place } from '../domain/permissions.ts';
import { getRulebook } from './rulebooks.ts';
import { auditDisclosure, chainPlace } from './audit-disclosure.ts';

export type CycleView = {
  id: string;
  year: number;
  titleZh: string;
  titleEn: string;
  budgetFen: number;
  phase: CyclePhase | null;
  phases: { phase: CyclePhase; startsOn: string; endsOn: string }[];
  rulebookId: string;
};

export type CommunityView = {
  id: string;
  slug: string;
  code: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  street: { id: string; code: string; nameZh: string; nameEn: string };
  district: { id: string; code: string; nameZh: string; nameEn: string };
  place: Place;
};

/** The cycles `where` picks, with their phases (newest year first). */
export async function cyclesWhere(database: Database, where: SQL | undefined, now: Date): Promise<(CycleView & { communityId: string })[]> {
  const rows = await database.db.select().from(cycles).where(where).orderBy(desc(cycles.year));
  if (rows.length === 0) return [];
  // The same cycles' phases by a sub-select, not a list of their ids (every cycle of the city, on the
  // home page: a list that grows with the years; issue 18), grouped by cycle in one pass.
  const phases = await database.db
    .select()
    .from(cyclePhases)
    .where(where ? inArray(cyclePhases.cycleId, database.db.select({ id: cycles.id }).from(cycles).where(where)) : undefined)
    .orderBy(asc(cyclePhases.startsOn));
  const phasesOf = new Map<string, { phase: (typeof phases)[number]['phase']; startsOn: string; endsOn: string }[]>();
  for (const p of phases) {
    let list = phasesOf.get(p.cycleId);
    if (!list) phasesOf.set(p.cycleId, (list = []));
    list.push({ phase: p.phase, startsOn: p.startsOn, endsOn: p.endsOn });
  }
  return rows.map((r) => {
    const ps = phasesOf.get(r.id) ?? [];
    return {
      id: r.id,
      communityId: r.communityId,
      year: r.year,
      titleZh: r.titleZh,
      titleEn: r.titleEn,
      budgetFen: r.budgetFen,
      rulebookId: r.rulebookId,
      phases: ps,
      phase: currentPhase({ phases: ps, openPhase: r.openPhase }, now),
    };
  });
}

function communityQuery(database: Database) {
  return database.db
    .select({ c: communities, s: streets, d: districts })
    .from(communities)
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .innerJoin(districts, eq(districts.id, streets.districtId));
}

function toCommunityView(r: { c: typeof communities.$inferSelect; s: typeof streets.$inferSelect; d: typeof districts.$inferSelect }): CommunityView {
  return {
    id: r.c.id,
    slug: r.c.slug,
    code: r.c.code,
    nameZh: r.c.nameZh,
    nameEn: r.c.nameEn,
    descriptionZh: r.c.descriptionZh,
    descriptionEn: r.c.descriptionEn,
    street: { id: r.s.id, code: r.s.code, nameZh: r.s.nameZh, nameEn: r.s.nameEn },
    district: { id: r.d.id, code: r.d.code, nameZh: r.d.nameZh, nameEn: r.d.nameEn },
    place: { communityId: r.c.id, streetId: r.s.id, districtId: r.d.id },
  };
}

/** Home page: every community with its latest cycle and that cycle's phase. */
export async function listCommunities(database: Database, now: Date) {
  const rows = await communityQuery(database).orderBy(asc(streets.code), asc(communities.code));
  // Each community's latest cycle only (one index seek a community), not every cycle of every year, and the
  // projects of those cycles only: the home page's reads stay the same size as the years go by (issue 18).
  const latest = sql`${cycles.id} in (select lc.id from ${communities} lc_c join ${cycles} lc on lc.community_id = lc_c.id and lc.year = (select max(m.year) from ${cycles} m where m.community_id = lc_c.id))`;
  const allCycles = await cyclesWhere(database, latest, now);
  const counts = await database.db
    .select({ cycleId: projects.cycleId, n: sql<number>`count(*)` })
    .from(projects)
    .where(and(inArray(projects.cycleId, database.db.select({ id: cycles.id }).from(cycles).where(latest)), sql`${projects.state} <> 'draft'`))
    .groupBy(projects.cycleId);
  return rows.map((r) => {
    const cv = toCommunityView(r);
    const current = allCycles.find((c) => c.communityId === cv.id) ?? null;
    return { ...cv, currentCycle: current, projectCount: current ? (counts.find((x) => x.cycleId === current.id)?.n ?? 0) : 0 };
  });
}

export async function getCommunity(database: Database, slug: string, now: Date) {
  const rows = await communityQuery(database).where(eq(communities.slug, slug)).limit(1);
  if (!rows[0]) return null;
  const cv = toCommunityView(rows[0]);
  const cs = await cyclesWhere(database, eq(cycles.communityId, cv.id), now);
  return { ...cv, cycles: cs };
}

export async function getCommunityById(database: Database, id: string) {
  const rows = await communityQuery(database).where(eq(communities.id, id)).limit(1);
  return rows[0] ? toCommunityView(rows[0]) : null;
}

export async function getCycle(database: Database, id: string, now: Date) {
  const cs = await cyclesWhere(database, eq(cycles.id, id), now);
  return cs[0] ?? null;
}

export const PROJECT_SORTS = ['newest', 'cost_asc', 'cost_desc', 'votes'] as const;
export type ProjectFilter = {
  communitySlug?: string;
  cycleId?: string;
  states?: string[];
  category?: string;
  theme?: string;
  q?: string;
  sort?: (typeof PROJECT_SORTS)[number];
  limit?: number;
  offset?: number;
};

/** Public project columns: never the proposer's account. */
const publicProject = {
  id: projects.id,
  code: projects.code,
  cycleId: projects.cycleId,
  communityId: projects.communityId,
  title: projects.title,
  category: projects.category,
  theme: projects.theme,
  description: projects.description,
  address: projects.address,
  lat: projects.lat,
  lng: projects.lng,
  proposerType: projects.proposerType,
  estimatedCostFen: projects.estimatedCostFen,
  agreedAmountFen: projects.agreedAmountFen,
  beneficiaries: projects.beneficiaries,
  beneficiaryCount: projects.beneficiaryCount,
  state: projects.state,
  stateReason: projects.stateReason,
  residentVotes: projects.residentVotes,
  isDemo: projects.isDemo,
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
};

export async function listProjects(database: Database, f: ProjectFilter) {
  const conds: SQL[] = [sql`${projects.state} <> 'draft'`];
  if (f.communitySlug) conds.push(eq(communities.slug, f.communitySlug));
  if (f.cycleId) conds.push(eq(projects.cycleId, f.cycleId));
  if (f.states?.length) conds.push(inArray(projects.state, f.states as (typeof projects.state._.data)[]));
  if (f.category) conds.push(eq(projects.category, f.category));
  if (f.theme) conds.push(eq(projects.theme, f.theme));
  if (f.q) {
    const pattern = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    conds.push(or(sql`${projects.title} like ${pattern} escape '\\'`, sql`${projects.description} like ${pattern} escape '\\'`, like(projects.code, pattern))!);
  }
  const order =
    f.sort === 'cost_asc'
      ? [asc(projects.estimatedCostFen)]
      : f.sort === 'cost_desc'
        ? [desc(projects.estimatedCostFen)]
        : f.sort === 'votes'
          ? [sql`coalesce(${projects.residentVotes}, -1) desc`]
          : [desc(projects.createdAt), desc(projects.code)];
  const where = and(...conds);
  const rows = await database.db
    .select({ ...publicProject, communitySlug: communities.slug, communityNameZh: communities.nameZh, communityNameEn: communities.nameEn })
    .from(projects)
    .innerJoin(communities, eq(communities.id, projects.communityId))
    .where(where)
    .orderBy(...order)
    .limit(Math.min(f.limit ?? 50, 200))
    .offset(f.offset ?? 0);
  const total = await database.db
    .select({ n: sql<number>`count(*)` })
    .from(projects)
    .innerJoin(communities, eq(communities.id, projects.communityId))
    .where(where);
  return { items: rows, total: total[0]?.n ?? 0 };
}

export type ProjectView = NonNullable<Awaited<ReturnType<typeof getProject>>>;

/** A project by its public code, with its community, cycle, rulebook and full history. */
export async function getProject(database: Database, code: string, now: Date) {
  const rows = await database.db.select({ ...publicProject, proposerAccountId: projects.proposerAccountId }).from(projects).where(eq(projects.code, code)).limit(1);
  const p = rows[0];
  if (!p || p.state === 'draft') return null;
  const community = await getCommunityById(database, p.communityId);
  const cycle = await getCycle(database, p.cycleId, now);
  const rulebook = cycle ? await getRulebook(database.db, cycle.rulebookId) : null;
  const history = await database.db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actorRole: auditLog.actorRole,
      actorName: auditLog.actorName,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      reason: auditLog.reason,
      hash: auditLog.hash,
    })
    .from(auditLog)
    // Everything recorded about the project: its steps, and facts filed under project_* types (ratings, comments, files).
    .where(and(like(auditLog.subjectType, 'project%'), eq(auditLog.subjectId, p.id)))
    // By time, then by log order: backfilled entries (a notice recorded later) sit where they happened.
    .orderBy(asc(auditLog.at), asc(auditLog.seq));
  // While a vote is open, entries after the published chain keep their place in it to themselves (./audit-disclosure.ts).
  const disclosure = await auditDisclosure(database, now);
  const { proposerAccountId, ...publicFields } = p;
  return { project: publicFields, proposerAccountId, community: community!, cycle: cycle!, rulebook: rulebook!, history: history.map((h) => chainPlace(disclosure, h)) };
}
