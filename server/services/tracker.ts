/**
 * @module The public delivery tracker a page at a time (issue 18: the city
 * has some 78,000 tracked projects, and /tracker read and drew all of them).
 * The order is the tracker's (./disclosure.ts, `deliveryTracker`): overdue
 * projects first, the latest first, then by state along the pipeline, then
 * by code. The overdue ones (a few thousand in a city) are sorted in SQL; the
 * others are read state by state in code order from an index, skipping to
 * the page asked for, so a page costs the same at page 1 and page 1,500.
 * Counts come from the same indexes. Then only the page's projects are
 * loaded, with their agreement, payments and latest progress report.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { chinaDay } from '../domain/cycle-phases.ts';
import { DELIVERING_STATES, overdue, TRACKED_STATES } from '../domain/delivery.ts';
import type { ProjectState } from '../domain/project-states.ts';
import type { TrackerItem } from './disclosure.ts';

export const TRACKER_PAGE_SIZE = 50;

export type TrackerPage = {
  today: string;
  /** Every tracked project that matches, and how many of them are overdue. */
  total: number;
  late: number;
  /** 1-based; `pages` is at least 1. */
  page: number;
  pages: number;
  items: TrackerItem[];
};

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);

/**
 * One page of the tracker for a community (by slug) or the whole city, and a
 * state or every tracked one. A page past the last shows the last.
 */
export async function trackerPage(database: Database, now: Date, f: { communitySlug?: string; state?: ProjectState; page?: number; pageSize?: number } = {}): Promise<TrackerPage> {
  const today = chinaDay(now);
  const size = f.pageSize ?? TRACKER_PAGE_SIZE;
  const states = TRACKED_STATES.filter((s) => !f.state || s === f.state);
  const empty = { today, total: 0, late: 0, page: 1, pages: 1, items: [] };
  if (states.length === 0) return empty;
  let community: SQL = sql`1 = 1`;
  if (f.communitySlug !== undefined) {
    const c = (await database.db.all<{ id: string }>(sql`select id from communities where slug = ${f.communitySlug}`))[0];
    if (!c) return empty;
    community = sql`p.community_id = ${c.id}`;
  }
  const delivering = states.filter((s) => DELIVERING_STATES.includes(s));
  // Overdue: being delivered, and the agreement's planned end is before today (domain/delivery.ts `overdue`).
  const late = sql`p.state in (${list(DELIVERING_STATES)}) and exists (select 1 from agreements a where a.project_id = p.id and a.planned_end <> '' and a.planned_end < ${today})`;

  const counted = await database.db.all<{ state: ProjectState; n: number }>(sql`select p.state as state, count(*) as n from projects p where p.state in (${list(states)}) and ${community} group by p.state`);
  const perState = new Map(counted.map((r) => [r.state, Number(r.n)]));
  const lateRows = delivering.length
    ? await database.db.all<{ state: ProjectState; n: number }>(sql`select p.state as state, count(*) as n from projects p where p.state in (${list(delivering)}) and ${community} and ${late} group by p.state`)
    : [];
  const latePerState = new Map(lateRows.map((r) => [r.state, Number(r.n)]));
  const lateTotal = [...latePerState.values()].reduce((a, b) => a + b, 0);
  const total = [...perState.values()].reduce((a, b) => a + b, 0);
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(pages, Math.max(1, Math.floor(f.page ?? 1)));
  let skip = (page - 1) * size;
  let want = size;
  const ids: string[] = [];

  // The overdue ones, the latest first (the earliest planned end), then by state along the pipeline, then by code.
  if (lateTotal > 0 && skip < lateTotal) {
    const rank = sql.raw(`case p.state ${TRACKED_STATES.map((s, i) => `when '${s}' then ${i}`).join(' ')} end`);
    const rows = await database.db.all<{ id: string }>(sql`
      select p.id from projects p join agreements a on a.project_id = p.id
      where p.state in (${list(delivering)}) and ${community} and a.planned_end <> '' and a.planned_end < ${today}
      order by a.planned_end, ${rank}, p.code
      limit ${want} offset ${skip}`);
    ids.push(...rows.map((r) => r.id));
    want -= rows.length;
    skip = 0;
  } else skip -= lateTotal;

  // Then state by state, each in code order, without the overdue ones.
  for (const s of states) {
    if (want <= 0) break;
    const n = (perState.get(s) ?? 0) - (latePerState.get(s) ?? 0);
    if (skip >= n) {
      skip -= n;
      continue;
    }
    const notLate = DELIVERING_STATES.includes(s) ? sql`not (${late})` : sql`1 = 1`;
    const rows = await database.db.all<{ id: string }>(sql`
      select p.id from projects p where p.state = ${s} and ${community} and ${notLate}
      order by p.code limit ${want} offset ${skip}`);
    ids.push(...rows.map((r) => r.id));
    want -= rows.length;
    skip = 0;
  }

  // The page's projects, with what the tracker shows of each.
  const rows = ids.length
    ? await database.db.all<{
        id: string; code: string; title: string; state: ProjectState; cycle_id: string; estimated_cost_fen: number; slug: string; zh: string; en: string;
        agreed: number | null; implementer: string | null; planned_start: string | null; planned_end: string | null; paid: number | null; percent: number | null;
      }>(sql`
      select p.id, p.code, p.title, p.state, p.cycle_id, p.estimated_cost_fen, c.slug, c.name_zh as zh, c.name_en as en,
        a.agreed_amount_fen as agreed, a.implementer_name as implementer, a.planned_start, a.planned_end,
        (select sum(pay.amount_fen) from payments pay where pay.project_id = p.id) as paid,
        (select r.percent from progress_reports r where r.project_id = p.id order by r.reported_on desc, r.created_at desc, r.rowid desc limit 1) as percent
      from projects p join communities c on c.id = p.community_id left join agreements a on a.project_id = p.id
      where p.id in (select value from json_each(${JSON.stringify(ids)}))`)
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items: TrackerItem[] = ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        code: r.code,
        title: r.title,
        state: r.state,
        cycleId: r.cycle_id,
        estimatedCostFen: Number(r.estimated_cost_fen),
        communitySlug: r.slug,
        communityNameZh: r.zh,
        communityNameEn: r.en,
        agreedFen: r.agreed === null ? null : Number(r.agreed),
        implementerName: r.implementer,
        plannedStart: r.planned_start,
        plannedEnd: r.planned_end,
        paidFen: Number(r.paid ?? 0),
        percent: r.percent === null ? null : Number(r.percent),
        overdue: overdue(r.state, r.planned_end, today),
      },
    ];
  });
  return { today, total, late: lateTotal, page, pages, items };
}
