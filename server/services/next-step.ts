/**
 * @module The facts the next-step panel of a project page needs beyond the
 * project view: its open notice, the meeting it is on the agenda of, its
 * agreement, the names of the community's staff and the district's
 * auditors (officials act under their names), and the road it has taken
 * (from the history the page already loaded). The domain decides
 * (server/domain/next-step.ts); this only reads, a handful of indexed
 * look-ups for one project.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { nextStep, projectPath, STATE_PHASE, type NextActor, type NextStep } from '../domain/next-step.ts';
import { PROJECT_STATES, type ProjectState } from '../domain/project-states.ts';
import type { CyclePhase, PlannedPhase } from '../domain/cycle-phases.ts';
import type { VoteMethod } from '../domain/rulebook.ts';
import type { Place } from '../domain/permissions.ts';
import { say } from '#messages/say.ts';

export type NextStepPanel = {
  step: NextStep;
  /** Steps done, with the day each was (last) reached (ISO date-time of the log entry). */
  done: { state: ProjectState; at: string }[];
  current: ProjectState;
  /** When the project reached its current state ('' when the log does not say). */
  since: string;
  /** Steps ahead, each with the planned phase it belongs to, when the cycle plans one. */
  ahead: { state: ProjectState; phase?: PlannedPhase }[];
};

type HistoryEntry = { at: string; after: string | null };

/** The states the log shows the project reaching, in order, with when. */
function reachedStates(history: readonly HistoryEntry[]): { state: ProjectState; at: string }[] {
  const out: { state: ProjectState; at: string }[] = [];
  for (const h of history) {
    if (!h.after) continue;
    try {
      const s = (JSON.parse(h.after) as { state?: unknown }).state;
      if (typeof s === 'string' && (PROJECT_STATES as readonly string[]).includes(s)) out.push({ state: s as ProjectState, at: h.at });
    } catch {}
  }
  return out;
}

export async function nextStepPanel(
  database: Database,
  input: {
    project: { id: string; state: ProjectState };
    place: Place;
    phases: readonly PlannedPhase[];
    rulebook: { noticeDays: number; vote: { method: VoteMethod } };
    history: readonly HistoryEntry[];
  },
  now: Date,
): Promise<NextStepPanel> {
  const db = database.db;
  const id = input.project.id;
  const notice = (
    await db.all<{ ends_at: number; open: number }>(sql`
      select n.ends_at, (select count(*) from objections o where o.notice_id = n.id and o.status = 'open') as open
      from notices n where n.project_id = ${id} and n.closed_at is null order by n.starts_at desc limit 1`)
  )[0];
  const meeting = (
    await db.all<{ scheduled_at: string }>(sql`
      select m.scheduled_at from agenda_items ai join meetings m on m.id = ai.meeting_id
      where ai.project_id = ${id} and ai.outcome is null and m.status <> 'closed' and m.agenda_published_at is not null
      order by m.scheduled_at limit 1`)
  )[0];
  const agreement = (await db.all<{ implementer_name: string; planned_end: string }>(sql`select implementer_name, planned_end from agreements where project_id = ${id}`))[0];
  const names = async (role: string, scopeKind: string, scopeId: string) =>
    (
      await db.all<{ name: string }>(sql`
        select a.display_name as name from role_assignments ra join accounts a on a.id = ra.account_id
        where ra.role = ${role} and ra.scope_kind = ${scopeKind} and ra.scope_id = ${scopeId} and ra.revoked_at is null
        order by ra.granted_at, a.id limit 3`)
    ).map((r) => r.name);
  const people: Partial<Record<NextActor, string>> = {};
  // Names are joined as Chinese names are (、), whatever the page's language.
  const list = (names: string[]) => names.join(say.reasons('zh-CN', 'join.list'));
  const staff = await names('staff', 'community', input.place.communityId);
  if (staff.length) people.staff = list(staff);
  // Screening is done by the community's staff or the street office.
  const streetOfficers = await names('officer', 'street', input.place.streetId);
  if (staff.length + streetOfficers.length) people.screeners = list([...staff, ...streetOfficers]);
  const auditors = await names('auditor', 'district', input.place.districtId);
  if (auditors.length) people.auditor = list(auditors);

  const step = nextStep({
    state: input.project.state,
    phases: input.phases,
    rulebook: input.rulebook,
    now,
    notice: notice ? { endsAt: new Date(Number(notice.ends_at)), openObjections: Number(notice.open) } : null,
    meeting: meeting ? { scheduledAt: meeting.scheduled_at } : null,
    agreement: agreement ? { implementerName: agreement.implementer_name, plannedEnd: agreement.planned_end } : null,
    people,
  });
  const reached = reachedStates(input.history);
  const path = projectPath(input.project.state, reached.map((r) => r.state), input.rulebook.vote.method !== 'none');
  const lastAt = (s: ProjectState) => reached.filter((r) => r.state === s).at(-1)?.at ?? '';
  const planned = (phase: CyclePhase | undefined) => (phase ? input.phases.find((p) => p.phase === phase) : undefined);
  return {
    step,
    done: path.done.map((state) => ({ state, at: lastAt(state) })),
    current: path.current,
    since: lastAt(path.current),
    ahead: path.ahead.map((state) => {
      const phase = planned(STATE_PHASE[state]);
      return phase ? { state, phase } : { state };
    }),
  };
}
