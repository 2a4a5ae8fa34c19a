/**
 * @module The phases of a cycle (年度轮次) and which one is current.
 *
 * A cycle has a dated plan (one row per phase) and a stored open phase.
 * "The phase a cycle is in" is the stored open phase; the clock moves it on
 * when its planned end has passed (server/services/cycles.ts,
 * advanceDuePhases), and staff move it one step forward by hand. Only a
 * cycle nobody has opened yet follows the plan's dates alone. A stored phase
 * past its planned end that is still open (the clock has not run yet, or a
 * request to move the cycle waits for an officer) is an overrun (逾期), shown
 * as such.
 */
import type { VoteMethod } from './rulebook.ts';

export const CYCLE_PHASES = [
  'collection',
  'screening',
  'resident_vote',
  'deliberation',
  'public_notice',
  'implementation',
  'acceptance',
  'audit',
  'closed',
] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];
/** Short alias used by pages and services. */
export type Phase = CyclePhase;

/** One planned phase. Dates are calendar days (YYYY-MM-DD) in China time, both inclusive. */
export type PlannedPhase = { phase: CyclePhase; startsOn: string; endsOn: string };

export type CycleSchedule = {
  phases: readonly PlannedPhase[];
  /** The phase staff opened. When set it is the answer, whatever the dates say. */
  openPhase?: CyclePhase | null | undefined;
};

/** Mainland China has one time zone, UTC+8, and no daylight saving. */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The calendar day in China at instant `now`. A string already in YYYY-MM-DD
 * form is taken to be that day.
 */
export function chinaDay(now: Date | string): string {
  if (typeof now === 'string') {
    if (ISO_DAY.test(now)) return now;
    now = new Date(now);
  }
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError('chinaDay: invalid date');
  return new Date(ms + CHINA_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/**
 * The phase a cycle is in at `now`: the phase staff opened if there is one;
 * otherwise the planned phase whose dates contain today (the later one in
 * programme order if plans overlap); 'closed' once every planned phase has
 * ended; `null` before the first phase starts or in a gap between phases.
 */
export function currentPhase(cycle: CycleSchedule, now: Date | string): CyclePhase | null {
  if (cycle.openPhase != null) return cycle.openPhase;
  if (cycle.phases.length === 0) return null;

  const today = chinaDay(now);
  // ISO dates compare correctly as strings.
  const running = cycle.phases
    .filter((p) => p.startsOn <= today && today <= p.endsOn)
    .sort((a, b) => CYCLE_PHASES.indexOf(a.phase) - CYCLE_PHASES.indexOf(b.phase));
  if (running.length > 0) return running[running.length - 1]!.phase;

  const allEnded = cycle.phases.every((p) => p.endsOn < today);
  return allEnded ? 'closed' : null;
}

/**
 * The phase after `phase` in this rulebook's programme, or null after
 * 'closed'. The resident vote is skipped when the rulebook has none.
 */
export function nextPhase(phase: CyclePhase, rulebook: { vote: { method: VoteMethod } }): CyclePhase | null {
  const phases = phasesFor(rulebook);
  const i = phases.indexOf(phase);
  // Only 'resident_vote' can be missing: a cycle whose rulebook changed to
  // "no vote" while the vote was open moves on to deliberation.
  if (i === -1) return 'deliberation';
  return phases[i + 1] ?? null;
}

/** The phases of a cycle under this rulebook, in order. */
export function phasesFor(rulebook: { vote: { method: VoteMethod } }): readonly CyclePhase[] {
  return rulebook.vote.method === 'none' ? CYCLE_PHASES.filter((p) => p !== 'resident_vote') : CYCLE_PHASES;
}

/** How a move between phases relates to the programme's order. */
export type PhaseMove = 'forward' | 'skip' | 'backward' | 'same';

/**
 * What kind of move from `from` to `to` is in this programme: the next phase
 * ('forward', staff alone), a later one ('skip'), an earlier one
 * ('backward'), or none. Skips and steps back need a second person.
 */
export function phaseMove(from: CyclePhase | null, to: CyclePhase, rulebook: { vote: { method: VoteMethod } }): PhaseMove {
  if (from === to) return 'same';
  const phases = phasesFor(rulebook);
  const next = from === null ? phases[0] : nextPhase(from, rulebook);
  if (next === to) return 'forward';
  const order = (p: CyclePhase) => CYCLE_PHASES.indexOf(p);
  return from !== null && order(to) < order(from) ? 'backward' : 'skip';
}

/** The planned row of `phase`, if the plan has one. */
export function plannedFor(phases: readonly PlannedPhase[], phase: CyclePhase | null): PlannedPhase | undefined {
  return phases.find((p) => p.phase === phase);
}

/**
 * Is the open phase past its planned end? Dates are inclusive calendar days in
 * China time: a phase ending 11-30 is still on time all of 11-30 and overrun
 * from 12-01 00:00 (China). 'closed' never overruns; a phase without a planned
 * end neither.
 */
export function isOverrun(cycle: { phases: readonly PlannedPhase[]; phase: CyclePhase | null }, now: Date | string): boolean {
  if (cycle.phase === 'closed') return false;
  const planned = plannedFor(cycle.phases, cycle.phase);
  return planned !== undefined && planned.endsOn < chinaDay(now);
}

/**
 * The first day on which one of `phases` is next planned to be open, for a
 * cycle now in `current`: the earliest planned start among those phases that
 * come after the current one in the programme. Null when none is planned
 * (the page then gives the reason without a date).
 */
export function nextOpening(cycle: { phases: readonly PlannedPhase[]; phase: CyclePhase | null }, phases: readonly CyclePhase[]): string | null {
  const order = (p: CyclePhase) => CYCLE_PHASES.indexOf(p);
  const from = cycle.phase === null ? -1 : order(cycle.phase);
  const later = cycle.phases.filter((p) => phases.includes(p.phase) && order(p.phase) > from).map((p) => p.startsOn).sort();
  return later[0] ?? null;
}

/**
 * Does opening `to` from `from` end `from` before its planned end? True when
 * the phase left has a planned last day still ahead of today (China time).
 * Moving on on the planned last day or after it is on time.
 */
export function endsEarly(phases: readonly PlannedPhase[], from: CyclePhase | null, today: string): boolean {
  const planned = plannedFor(phases, from);
  return planned !== undefined && today < planned.endsOn;
}

/** A planned phase's dates before and after a re-dating. */
export type Redated = { phase: CyclePhase; was: { startsOn: string; endsOn: string }; startsOn: string; endsOn: string };

/**
 * The plan after staff end `from` early today and open `to`. The phase left
 * now ends today; the phase opened starts today (it is open from now on) and
 * keeps its planned end, so it gains the days the phase before it gave up;
 * every later phase keeps the dates already published. No date a resident
 * was told moves earlier except the start of the phase that really did open,
 * no phase is shortened but the one ended, and none starts before the one
 * before it ends. Only the rows that change are returned.
 */
export function redateEarlyEnd(phases: readonly PlannedPhase[], from: CyclePhase, to: CyclePhase, today: string): Redated[] {
  const out: Redated[] = [];
  const left = plannedFor(phases, from);
  if (left && left.endsOn > today) {
    out.push({ phase: from, was: { startsOn: left.startsOn, endsOn: left.endsOn }, startsOn: left.startsOn < today ? left.startsOn : today, endsOn: today });
  }
  const opened = plannedFor(phases, to);
  if (opened && (opened.startsOn > today || opened.endsOn < today)) {
    out.push({ phase: to, was: { startsOn: opened.startsOn, endsOn: opened.endsOn }, startsOn: opened.startsOn > today ? today : opened.startsOn, endsOn: opened.endsOn < today ? today : opened.endsOn });
  }
  return out;
}

/**
 * Would this move take the cycle past public notice (公示)? A step forward or
 * a skip to any phase after it does; a step back does not. While a project
 * of the cycle is still on notice such a move is refused
 * ('projects_in_notice'): its objections may yet send it back to the
 * council, and nothing may be implemented before its notice ends.
 */
export function passesNotice(from: CyclePhase | null, to: CyclePhase): boolean {
  const order = (p: CyclePhase) => CYCLE_PHASES.indexOf(p);
  if (order(to) <= order('public_notice')) return false;
  return from === null || order(to) > order(from);
}

/** The day after an ISO day (UTC arithmetic on a calendar day). */
export function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A real calendar day in YYYY-MM-DD form (2026-02-30 is not). */
export function isIsoDay(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const ms = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
}
