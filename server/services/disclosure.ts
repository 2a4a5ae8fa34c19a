/**
 * @module Public disclosure (全公开) of delivery, no sign-in needed: a cycle's
 * money (budget → adopted → contracted → paid → remaining) with each adopted
 * project's figures, and the delivery tracker (projects by state, overdue
 * first). The arithmetic is the domain's (delivery.ts); this module only
 * reads rows.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { agreements, communities, cycles, payments, progressReports, projects } from '#db/schema.ts';
import type { Database } from '#db/client.ts';
import { chinaDay } from '../domain/cycle-phases.ts';
import { moneySummary, overdue, TRACKED_STATES, type MoneySummary, type Overdue } from '../domain/delivery.ts';
import type { ProjectState } from '../domain/project-states.ts';
import { getCycle } from './catalog.ts';

export type CycleMoney = Omit<MoneySummary, 'projects'> & {
  cycle: NonNullable<Awaited<ReturnType<typeof getCycle>>> & { communitySlug: string; communityNameZh: string; communityNameEn: string };
  projects: (MoneySummary['projects'][number] & { code: string; title: string })[];
};

/** A cycle's money: the summary and one row per adopted project (by code). Null for an unknown cycle. */
export async function cycleMoney(database: Database, cycleId: string, now: Date): Promise<CycleMoney | null> {
  const cycle = await getCycle(database, cycleId, now);
  if (!cycle) return null;
  const c = (await database.db.select({ slug: communities.slug, nameZh: communities.nameZh, nameEn: communities.nameEn }).from(cycles).innerJoin(communities, eq(communities.id, cycles.communityId)).where(eq(cycles.id, cycleId)))[0]!;
  const ps = await database.db
    .select({ id: projects.id, code: projects.code, title: projects.title, state: projects.state, estimatedCostFen: projects.estimatedCostFen })
    .from(projects)
    .where(and(eq(projects.cycleId, cycleId), sql`${projects.state} <> 'draft'`))
    .orderBy(asc(projects.code));
  // The cycle's agreements and payments by a sub-select of its projects, not by a list of their ids: a
  // list grows with the cycle and past SQLite's 32,766 variables breaks the statement (issue 18).
  const inCycle = database.db.select({ id: projects.id }).from(projects).where(and(eq(projects.cycleId, cycleId), sql`${projects.state} <> 'draft'`));
  const ags = await database.db.select({ projectId: agreements.projectId, agreedAmountFen: agreements.agreedAmountFen }).from(agreements).where(inArray(agreements.projectId, inCycle));
  const pays = await database.db.select({ projectId: payments.projectId, amountFen: payments.amountFen }).from(payments).where(inArray(payments.projectId, inCycle));
  const s = moneySummary(cycle.budgetFen, ps, ags, pays);
  const byId = new Map(ps.map((p) => [p.id, p]));
  return {
    ...s,
    cycle: { ...cycle, communitySlug: c.slug, communityNameZh: c.nameZh, communityNameEn: c.nameEn },
    projects: s.projects.map((r) => ({ ...r, code: byId.get(r.id)!.code, title: byId.get(r.id)!.title })),
  };
}

export type TrackerItem = {
  code: string;
  title: string;
  state: ProjectState;
  communitySlug: string;
  communityNameZh: string;
  communityNameEn: string;
  cycleId: string;
  estimatedCostFen: number;
  agreedFen: number | null;
  paidFen: number;
  implementerName: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  percent: number | null;
  overdue: Overdue;
};

/**
 * Projects from approval on, overdue first (the latest first), then by
 * state along the pipeline, then by code. `today` is China's date now.
 */
export async function deliveryTracker(database: Database, now: Date, f: { communitySlug?: string; state?: ProjectState } = {}) {
  const today = chinaDay(now);
  const states = f.state ? [f.state].filter((s) => TRACKED_STATES.includes(s)) : [...TRACKED_STATES];
  if (states.length === 0) return { today, items: [] as TrackerItem[] };
  // One filter for the projects and for their payments and reports: joined, never a list of ids (which
  // grows with the city and past SQLite's 32,766 variables breaks the statement, issue 18).
  const tracked = and(inArray(projects.state, states), f.communitySlug ? eq(communities.slug, f.communitySlug) : undefined);
  const rows = await database.db
    .select({
      id: projects.id,
      code: projects.code,
      title: projects.title,
      state: projects.state,
      cycleId: projects.cycleId,
      estimatedCostFen: projects.estimatedCostFen,
      communitySlug: communities.slug,
      communityNameZh: communities.nameZh,
      communityNameEn: communities.nameEn,
      agreedFen: agreements.agreedAmountFen,
      implementerName: agreements.implementerName,
      plannedStart: agreements.plannedStart,
      plannedEnd: agreements.plannedEnd,
    })
    .from(projects)
    .innerJoin(communities, eq(communities.id, projects.communityId))
    .leftJoin(agreements, eq(agreements.projectId, projects.id))
    .where(tracked);
  const paid = new Map<string, number>();
  const percent = new Map<string, number>();
  if (rows.length) {
    const ps = await database.db
      .select({ projectId: payments.projectId, total: sql<number>`sum(${payments.amountFen})` })
      .from(payments)
      .innerJoin(projects, eq(projects.id, payments.projectId))
      .innerJoin(communities, eq(communities.id, projects.communityId))
      .where(tracked)
      .groupBy(payments.projectId);
    for (const p of ps) paid.set(p.projectId, Number(p.total));
    // The latest report by its date (then by when it was entered) carries the current percent.
    const reports = await database.db
      .select({ projectId: progressReports.projectId, percent: progressReports.percent })
      .from(progressReports)
      .innerJoin(projects, eq(projects.id, progressReports.projectId))
      .innerJoin(communities, eq(communities.id, projects.communityId))
      .where(tracked)
      .orderBy(asc(progressReports.reportedOn), asc(progressReports.createdAt));
    for (const r of reports) percent.set(r.projectId, r.percent);
  }
  const items: TrackerItem[] = rows.map(({ id, ...r }) => ({ ...r, paidFen: paid.get(id) ?? 0, percent: percent.get(id) ?? null, overdue: overdue(r.state, r.plannedEnd, today) }));
  const rank = (s: ProjectState) => TRACKED_STATES.indexOf(s);
  items.sort((a, b) => {
    const la = a.overdue.overdue ? a.overdue.daysLate : -1;
    const lb = b.overdue.overdue ? b.overdue.daysLate : -1;
    return lb - la || rank(a.state) - rank(b.state) || a.code.localeCompare(b.code);
  });
  return { today, items };
}
