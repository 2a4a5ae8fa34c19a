/**
 * @module The phases of a cycle (年度轮次) and which one is current.
 *
 * A cycle has a dated plan (one row per phase), but staff open and close
 * phases by hand, because real councils slip: the phase staff opened wins,
 * and the dates only answer "what should be happening" when nobody has said.
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

export const PHASE_NAMES: Readonly<Record<CyclePhase, { 'zh-CN': string; en: string }>> = {
  collection: { 'zh-CN': '项目征集', en: 'Collecting proposals' },
  screening: { 'zh-CN': '筛选初审', en: 'Screening' },
  resident_vote: { 'zh-CN': '居民投票', en: 'Resident vote' },
  deliberation: { 'zh-CN': '议事会评议与决议', en: 'Council deliberation and resolution' },
  public_notice: { 'zh-CN': '公示', en: 'Public notice' },
  implementation: { 'zh-CN': '项目实施', en: 'Implementation' },
  acceptance: { 'zh-CN': '验收与满意度测评', en: 'Acceptance and satisfaction survey' },
  audit: { 'zh-CN': '审计', en: 'Audit' },
  closed: { 'zh-CN': '已结束', en: 'Closed' },
};

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
  if (i === -1) {
    // Only 'resident_vote' can be missing: a cycle whose rulebook changed to
    // "no vote" while the vote was open moves on to deliberation.
    return phase === 'resident_vote' ? 'deliberation' : null;
  }
  return phases[i + 1] ?? null;
}

/** The phases of a cycle under this rulebook, in order. */
export function phasesFor(rulebook: { vote: { method: VoteMethod } }): readonly CyclePhase[] {
  return rulebook.vote.method === 'none' ? CYCLE_PHASES.filter((p) => p !== 'resident_vote') : CYCLE_PHASES;
}
