/**
 * @module The to-do desk (待办): what awaits one person, by kind, counted and
 * listed, each item linking to the page where it is done.
 *
 * Reads only. Each kind is one SQL statement over the communities the
 * person's role assignments cover for the roles that may act on it (a
 * community, every community of a street or of a district); the statement
 * returns the first `TODO_PAGE` items and, through a window count, how many
 * there are in all. Nothing loops over projects in JavaScript, and no
 * parameter list grows with the data, so the desk costs the same few
 * statements for a community's staff member and for a district officer of a
 * city (`npm run bench:stats`).
 *
 * A kind is listed only for people who can act on it where the link leads:
 * screening for staff and officers (the screening page, while the cycle is in
 * its screening phase), opinions and meetings for council members, audits
 * for auditors and officers, everything about meetings, notices, paper
 * ballots and delivery for the community's staff.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { CYCLE_PHASES, chinaDay } from '../domain/cycle-phases.ts';
import { DELIVERING_STATES } from '../domain/delivery.ts';
import type { Person, Role } from '../domain/permissions.ts';

/** How many items of each kind are listed; the count says how many there are in all. */
export const TODO_PAGE = 20;
/** A notice or a vote "ends soon" when its planned end is within this many days. */
export const ENDING_SOON_DAYS = 3;

export const TODO_KINDS = [
  'screening',
  'opinions',
  'objections',
  'meetings_to_schedule',
  'agendas_to_publish',
  'minutes_to_publish',
  'council_meetings',
  'notices_ending',
  'votes_to_close',
  'paper_to_confirm',
  'paper_mismatches',
  'imports_to_review',
  'agreements_to_sign',
  'payments_due',
  'acceptances_due',
  'overdue',
  'ratings_to_read',
  'audits_due',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

/** Which roles may act on each kind (where its link leads). */
export const TODO_ROLES: Readonly<Record<TodoKind, readonly Role[]>> = {
  screening: ['staff', 'officer'],
  opinions: ['council_member'],
  objections: ['staff'],
  meetings_to_schedule: ['staff'],
  agendas_to_publish: ['staff'],
  minutes_to_publish: ['staff'],
  council_meetings: ['council_member'],
  notices_ending: ['staff'],
  votes_to_close: ['staff'],
  paper_to_confirm: ['staff'],
  paper_mismatches: ['staff'],
  imports_to_review: ['staff', 'officer'],
  agreements_to_sign: ['staff'],
  payments_due: ['staff'],
  acceptances_due: ['staff'],
  overdue: ['staff'],
  ratings_to_read: ['staff'],
  audits_due: ['auditor', 'officer'],
};

export type TodoItem = {
  /** A project's or meeting's title (as typed), a file name, or a paper serial. */
  title: string;
  /** For items named by the site (a cycle), the English name. */
  titleEn?: string;
  href: string;
  /** The project's code, when the item is a project. */
  code?: string;
  community: { slug: string; nameZh: string; nameEn: string };
  /** Last day (YYYY-MM-DD, China time) it is planned for. */
  due?: string;
  overdue: boolean;
  /** Money the item is about (a payment still due), in fen. */
  amountFen?: number;
  /** How many of something the item holds (ratings given). */
  n?: number;
};

export type TodoGroup = { kind: TodoKind; count: number; items: TodoItem[] };
export type TodoDesk = { total: number; groups: TodoGroup[] };

/** Roles that make a to-do desk: everyone but residents. */
export function hasTodoRoles(actor: Person | null): boolean {
  return actor !== null && actor.assignments.some((a) => a.role !== 'resident');
}

/**
 * The communities where `actor` holds one of `roles`, as a subquery of
 * community ids, or null when nowhere. Council membership counts only where
 * it is held (a community), as in permissions.ts.
 */
export function scopeFor(actor: Person, roles: readonly Role[]): SQL | null {
  const held = actor.assignments.filter((a) => roles.includes(a.role) && (a.role !== 'council_member' || a.scope.kind === 'community'));
  if (held.length === 0) return null;
  const ids = (kind: string) => held.filter((a) => a.scope.kind === kind).map((a) => sql`${a.scope.id}`);
  const any = (col: SQL, xs: SQL[]) => (xs.length ? sql`${col} in (${sql.join(xs, sql`, `)})` : sql`0`);
  return sql`select sc.id from communities sc join streets ss on ss.id = sc.street_id where ${any(sql`sc.id`, ids('community'))} or ${any(sql`sc.street_id`, ids('street'))} or ${any(sql`ss.district_id`, ids('district'))}`;
}

/**
 * The current phase of cycle `cy` in SQL, as server/domain/cycle-phases.ts
 * `currentPhase` decides it: the phase staff opened; else the planned phase
 * running today (the later one when plans overlap); 'closed' when every
 * planned phase has ended.
 */
export function currentPhaseSql(today: string): SQL {
  const rank = sql.raw(`case cp.phase ${CYCLE_PHASES.map((p, i) => `when '${p}' then ${i}`).join(' ')} end`);
  return sql`coalesce(cy.open_phase,
    (select cp.phase from cycle_phases cp where cp.cycle_id = cy.id and cp.starts_on <= ${today} and ${today} <= cp.ends_on order by ${rank} desc limit 1),
    (select case when count(*) > 0 and max(cp.ends_on) < ${today} then 'closed' end from cycle_phases cp where cp.cycle_id = cy.id))`;
}

const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);

type Row = {
  title: string;
  title_en: string | null;
  slug: string;
  name_zh: string;
  name_en: string;
  code: string | null;
  ref: string;
  due: string | null;
  overdue: number;
  amount: number | null;
  n: number | null;
  total: number;
};

/** Columns every kind's statement selects besides its own: the community, by alias `c`. */
const COMMUNITY = sql`c.slug, c.name_zh, c.name_en`;
/** Projects of the communities in scope, through their cycles (the (cycle_id, state) index). */
const projectsIn = (states: readonly string[]) => sql`communities c join cycles cy on cy.community_id = c.id join projects p on p.cycle_id = cy.id and p.state in (${list(states)})`;
/** The count of every matching row, taken before the limit: the total and the first page in one statement. */
const TOTAL = sql`count(*) over () as total`;
const phaseEnd = (phase: string) => sql`(select ends_on from cycle_phases where cycle_id = cy.id and phase = ${phase})`;
const phaseStart = (phase: string) => sql`(select starts_on from cycle_phases where cycle_id = cy.id and phase = ${phase})`;

type KindQuery = { sql: (scope: SQL) => SQL; href: (r: Row) => string };

/** The to-do desk of one person at `now`. */
export async function todoDesk(database: Database, actor: Person, now: Date): Promise<TodoDesk> {
  const today = chinaDay(now);
  const nowMs = now.getTime();
  const soonMs = nowMs + ENDING_SOON_DAYS * 86_400_000;
  const soonDay = chinaDay(new Date(soonMs));
  const phase = currentPhaseSql(today);
  const me = actor.accountId;
  const delivery = (r: Row) => `/staff/${r.slug}/delivery/${r.code}`;
  /** The last day of a notice period, in China time (the period ends at an instant). */
  const noticeLastDay = sql`date((n.ends_at - 1) / 1000, 'unixepoch', '+8 hours')`;
  const paid = sql`coalesce((select sum(pay.amount_fen) from payments pay where pay.project_id = p.id), 0)`;

  const kinds: Record<TodoKind, KindQuery> = {
    screening: {
      sql: (scope) => sql`select p.title, null as title_en, ${COMMUNITY}, p.code, cy.id as ref, ${phaseEnd('screening')} as due, ${phaseEnd('screening')} < ${today} as overdue, null as amount, null as n, ${TOTAL}
        from ${projectsIn(['submitted'])}
        where c.id in (${scope}) and ${phase} = 'screening'
        order by p.created_at, p.code`,
      href: (r) => `/staff/${r.slug}/screening?cycle=${encodeURIComponent(r.ref)}`,
    },
    opinions: {
      sql: (scope) => sql`select p.title, null as title_en, ${COMMUNITY}, p.code, cy.id as ref, ${phaseEnd('screening')} as due, 0 as overdue, null as amount, null as n, ${TOTAL}
        from ${projectsIn(['submitted'])}
        where c.id in (${scope}) and not exists (select 1 from screening_opinions so where so.project_id = p.id and so.author_account_id = ${me})
        order by p.created_at, p.code`,
      href: (r) => `/staff/${r.slug}/screening?cycle=${encodeURIComponent(r.ref)}`,
    },
    objections: {
      sql: (scope) => sql`select p.title, null as title_en, ${COMMUNITY}, p.code, o.id as ref, ${noticeLastDay} as due, n.ends_at <= ${nowMs} as overdue, null as amount, null as n, ${TOTAL}
        from ${projectsIn(['in_public_notice'])}
        join notices n on n.project_id = p.id and n.closed_at is null
        join objections o on o.notice_id = n.id and o.status = 'open'
        where c.id in (${scope})
        order by n.ends_at, o.created_at, o.id`,
      href: (r) => `/projects/${r.code}#notice`,
    },
    meetings_to_schedule: {
      sql: (scope) => sql`select p.title, null as title_en, ${COMMUNITY}, p.code, cy.id as ref, ${phaseEnd('deliberation')} as due, ${phaseEnd('deliberation')} < ${today} as overdue, null as amount, null as n, ${TOTAL}
        from ${projectsIn(['under_deliberation'])}
        where c.id in (${scope})
          and not exists (select 1 from agenda_items ai join meetings m on m.id = ai.meeting_id where ai.project_id = p.id and ai.outcome is null and m.status <> 'closed')
        order by p.updated_at, p.code`,
      href: (r) => `/staff/${r.slug}/meetings?cycle=${encodeURIComponent(r.ref)}`,
    },
    agendas_to_publish: {
      sql: (scope) => meetingSql(scope, sql`m.status = 'scheduled' and m.agenda_published_at is null`),
      href: (r) => `/staff/${r.slug}/meetings/${r.ref}`,
    },
    minutes_to_publish: {
      sql: (scope) => meetingSql(scope, sql`m.status <> 'closed' and m.agenda_published_at is not null and substr(m.scheduled_at, 1, 10) <= ${today}`),
      href: (r) => `/staff/${r.slug}/meetings/${r.ref}`,
    },
    council_meetings: {
      sql: (scope) => meetingSql(scope, sql`m.status <> 'closed' and m.agenda_published_at is not null`),
      href: (r) => `/meetings/${r.ref}`,
    },
    notices_ending: {
      sql: (scope) => sql`select p.title, null as title_en, ${COMMUNITY}, p.code, n.id as ref, ${noticeLastDay} as due, n.ends_at <= ${nowMs} as overdue, null as amount, null as n, ${TOTAL}
        from ${projectsIn(['in_public_notice'])}
        join notices n on n.project_id = p.id and n.closed_at is null
        where c.id in (${scope}) and n.ends_at <= ${soonMs}
        order by n.ends_at, p.code`,
      href: (r) => `/projects/${r.code}/notice`,
    },
    votes_to_close: {
      sql: (scope) => sql`select cy.title_zh as title, cy.title_en, ${COMMUNITY}, null as code, cy.id as ref, ${phaseEnd('resident_vote')} as due, ${phaseEnd('resident_vote')} < ${today} as overdue, null as amount, null as n, ${TOTAL}
        from communities c join cycles cy on cy.community_id = c.id
        where c.id in (${scope}) and ${phase} = 'resident_vote' and ${phaseEnd('resident_vote')} <= ${soonDay}
        order by due, cy.id`,
      href: (r) => `/staff/${r.slug}/screening?cycle=${encodeURIComponent(r.ref)}`,
    },
    paper_to_confirm: {
      sql: (scope) => paperSql(scope, 'pending'),
      href: (r) => `/staff/${r.slug}/paper-ballots`,
    },
    paper_mismatches: {
      sql: (scope) => paperSql(scope, 'mismatch'),
      href: (r) => `/staff/${r.slug}/paper-ballots`,
    },
    imports_to_review: {
      sql: (scope) => sql`select bi.file_name as title, null as title_en, ${COMMUNITY}, null as code, bi.id as ref, null as due, 0 as overdue, null as amount, bi.total as n, ${TOTAL}
        from communities c join cycles cy on cy.community_id = c.id join ballot_imports bi on bi.cycle_id = cy.id
        where c.id in (${scope}) and bi.status = 'pending' and (bi.created_by is null or bi.created_by <> ${me})
        order by bi.created_at, bi.id`,
      href: (r) => `/staff/${r.slug}/delivery/import?import=${encodeURIComponent(r.ref)}`,
    },
    agreements_to_sign: {
      sql: (scope) => sql`select p.title, null as title_en, ${COMMUNITY}, p.code, p.id as ref, ${phaseStart('implementation')} as due, ${phaseStart('implementation')} < ${today} as overdue, null as amount, null as n, ${TOTAL}
        from ${projectsIn(['approved'])}
        where c.id in (${scope}) and not exists (select 1 from agreements a where a.project_id = p.id)
        order by p.updated_at, p.code`,
      href: delivery,
    },
    payments_due: {
      sql: (scope) => sql`select p.title, null as title_en, ${COMMUNITY}, p.code, p.id as ref, null as due, 0 as overdue, a.agreed_amount_fen - ${paid} as amount, null as n, ${TOTAL}
        from ${projectsIn(['accepted'])}
        join agreements a on a.project_id = p.id
        where c.id in (${scope}) and a.agreed_amount_fen > ${paid}
        order by p.updated_at, p.code`,
      href: delivery,
    },
    acceptances_due: {
      sql: (scope) => sql`select p.title, null as title_en, ${COMMUNITY}, p.code, p.id as ref, a.planned_end as due, a.planned_end < ${today} as overdue, null as amount, null as n, ${TOTAL}
        from ${projectsIn(['in_progress'])}
        join agreements a on a.project_id = p.id
        where c.id in (${scope}) and exists (select 1 from progress_reports pr where pr.project_id = p.id and pr.percent >= 100)
        order by a.planned_end, p.code`,
      href: delivery,
    },
    overdue: {
      sql: (scope) => sql`select p.title, null as title_en, ${COMMUNITY}, p.code, p.id as ref, a.planned_end as due, 1 as overdue, null as amount,
          cast(julianday(${today}) - julianday(a.planned_end) as integer) as n, ${TOTAL}
        from ${projectsIn(DELIVERING_STATES)}
        join agreements a on a.project_id = p.id
        where c.id in (${scope}) and a.planned_end < ${today}
        order by a.planned_end, p.code`,
      href: delivery,
    },
    ratings_to_read: {
      sql: (scope) => sql`select p.title, null as title_en, ${COMMUNITY}, p.code, p.id as ref, ${phaseEnd('acceptance')} as due, ${phaseEnd('acceptance')} < ${today} as overdue, null as amount,
          (select count(*) from ratings r where r.project_id = p.id) as n, ${TOTAL}
        from ${projectsIn(['accepted'])}
        where c.id in (${scope}) and exists (select 1 from ratings r where r.project_id = p.id)
        order by p.updated_at, p.code`,
      href: delivery,
    },
    audits_due: {
      sql: (scope) => sql`select p.title, null as title_en, ${COMMUNITY}, p.code, p.id as ref, ${phaseEnd('audit')} as due, ${phaseEnd('audit')} < ${today} as overdue, null as amount, null as n, ${TOTAL}
        from ${projectsIn(['evaluated'])}
        where c.id in (${scope})
        order by p.updated_at, p.code`,
      href: delivery,
    },
  };

  /** Meetings of the communities in scope matching `where`, by date. */
  function meetingSql(scope: SQL, where: SQL): SQL {
    return sql`select m.title, null as title_en, ${COMMUNITY}, null as code, m.id as ref, substr(m.scheduled_at, 1, 10) as due, substr(m.scheduled_at, 1, 10) < ${today} as overdue, null as amount, null as n, ${TOTAL}
      from communities c join meetings m on m.community_id = c.id
      where c.id in (${scope}) and ${where}
      order by m.scheduled_at, m.id`;
  }

  /** Paper ballots waiting on this person: typed once by someone else (pending), or typed differently by others (mismatch), while the vote is open. */
  function paperSql(scope: SQL, status: 'pending' | 'mismatch'): SQL {
    return sql`select e.paper_serial as title, null as title_en, ${COMMUNITY}, null as code, cy.id as ref, ${phaseEnd('resident_vote')} as due, 0 as overdue, null as amount, count(*) as n, ${TOTAL}
      from communities c join cycles cy on cy.community_id = c.id join paper_ballot_entries e on e.cycle_id = cy.id
      where c.id in (${scope}) and ${phase} = 'resident_vote' and e.ballot_id is null
      group by cy.id, e.paper_serial
      having max(e.status = ${status}) = 1 and sum(e.entered_by = ${me}) = 0
      order by e.paper_serial`;
  }

  const groups: TodoGroup[] = [];
  for (const kind of TODO_KINDS) {
    const scope = scopeFor(actor, TODO_ROLES[kind]);
    if (scope === null) continue;
    const q = kinds[kind];
    const rows = await database.db.all<Row>(sql`${q.sql(scope)} limit ${TODO_PAGE}`);
    if (rows.length === 0) continue;
    groups.push({
      kind,
      count: Number(rows[0]!.total),
      items: rows.map((r) => {
        const item: TodoItem = { title: r.title, href: q.href(r), community: { slug: r.slug, nameZh: r.name_zh, nameEn: r.name_en }, overdue: Number(r.overdue) === 1 };
        if (r.title_en) item.titleEn = r.title_en;
        if (r.code) item.code = r.code;
        if (r.due) item.due = r.due;
        if (r.amount !== null) item.amountFen = Number(r.amount);
        if (r.n !== null) item.n = Number(r.n);
        return item;
      }),
    });
  }
  return { total: groups.reduce((s, g) => s + g.count, 0), groups };
}
