/** @module What the statistics pages read from their address (the year, how the child table is sorted), and what an annual report loads. */
import { z } from 'zod';
import type { AppContext } from '#server/context.ts';
import { adoptedProjects, placeStatsFor, type PlaceLevel } from '#services/stats.ts';
import { councilHealthFor } from '#services/council-health.ts';

export const CHILD_SORT_KEYS = ['name', 'projects_total', 'projects_adopted', 'money_budget_fen', 'money_agreed_fen', 'money_paid_fen', 'ballots', 'turnout', 'projects_overdue', 'satisfaction'] as const;
export const childSortKeys = CHILD_SORT_KEYS;
export type ChildSort = { key: (typeof CHILD_SORT_KEYS)[number]; dir: 'asc' | 'desc' };

const Query = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  sort: z.enum(CHILD_SORT_KEYS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
});

/** The year (null: all years) and the sort, from a page's URL; anything malformed falls back to the default. */
export function readStatsQuery(url: URL): { year: number | null; sort: ChildSort; bad: boolean } {
  const raw = { year: url.searchParams.get('year') ?? undefined, sort: url.searchParams.get('sort') ?? undefined, dir: url.searchParams.get('dir') ?? undefined };
  const q = Query.parse(raw);
  const bad = (raw.year !== undefined && q.year === undefined) || (raw.sort !== undefined && q.sort === undefined) || (raw.dir !== undefined && q.dir === undefined);
  return { year: q.year ?? null, sort: { key: q.sort ?? 'name', dir: q.dir ?? 'asc' }, bad };
}

/** The page's own address for a year and a sort. */
export function statsPath(path: string, o: { year: number | null; sort?: ChildSort }): string {
  const u = new URLSearchParams();
  if (o.year !== null) u.set('year', String(o.year));
  if (o.sort && (o.sort.key !== 'name' || o.sort.dir !== 'asc')) {
    u.set('sort', o.sort.key);
    u.set('dir', o.sort.dir);
  }
  const qs = u.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * What an annual report page shows, for ?year= (the latest year without one):
 * the place over all years and in that year, its adopted projects (null for
 * the city, which lists its districts' reports instead) and its flagged
 * councils. Null when there is no such place or no report for that year.
 */
export async function loadAnnualReport(ctx: AppContext, level: Exclude<PlaceLevel, 'community'>, slug: string, url: URL) {
  const all = await placeStatsFor(ctx, level, slug, null);
  const query = readStatsQuery(url);
  if (!all || query.bad) return null;
  const year = query.year ?? all.years[0] ?? null;
  if (year === null || !all.years.includes(year)) return null;
  const stats = (await placeStatsFor(ctx, level, slug, year))!;
  const projects = level === 'city' ? null : await adoptedProjects(ctx.database, stats.place, year);
  const flagged = (await councilHealthFor(ctx, level, slug, year)) ?? [];
  return { all, year: stats, projects, flagged };
}
