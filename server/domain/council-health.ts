/**
 * @module Council health (议事会是否“摆设”): the signs, in one cycle, that a
 * residents' council exists on paper only. Each flag is a reason code with
 * the figures behind it; the service (server/services/council-health.ts)
 * gathers the facts in SQL and links each flag to its evidence.
 *
 * The flags:
 * - `no_meeting`: the cycle is past its deliberation (or has adopted
 *   projects) and its council closed no meeting in it;
 * - `no_quorum`: a closed meeting of the cycle had no more members present
 *   than the rulebook's quorum allows (it could decide nothing);
 * - `adopted_outside_meeting`: projects recorded as adopted although no
 *   meeting's agenda item adopted them (staff wrote the decision down), in a
 *   cycle whose council did meet (one that did not is `no_meeting`);
 * - `all_by_staff`: every adopted project was proposed by the residents'
 *   committee or the workstation, none by residents;
 * - `no_resident_vote`: the rulebook asks for a resident vote, the vote is
 *   over, and no ballot was cast or imported;
 * - `objections_unanswered`: objections still open after their notice ended;
 * - `low_turnout`: turnout below half the median turnout of the street's
 *   communities that voted the same year (with at least three of them).
 */
import { quorumMet, type Fraction } from './rulebook.ts';

export const HEALTH_FLAGS = ['no_meeting', 'no_quorum', 'adopted_outside_meeting', 'all_by_staff', 'no_resident_vote', 'objections_unanswered', 'low_turnout'] as const;
export type HealthFlagCode = (typeof HEALTH_FLAGS)[number];

/** What one cycle did, counted in the database. */
export type CycleFacts = {
  cycleId: string;
  communityId: string;
  streetId: string;
  year: number;
  /** Past the deliberation: opened beyond it by staff, or its planned end has passed. */
  pastDeliberation: boolean;
  /** The resident vote is over: opened beyond it by staff, or its planned end has passed. */
  pastVote: boolean;
  voteRequired: boolean;
  meetingsClosed: number;
  adopted: number;
  /** Adopted projects with an `adopted` outcome on some meeting's agenda. */
  adoptedAtMeeting: number;
  adoptedByStaff: number;
  ballots: number;
  eligible: number;
};

export type MeetingFacts = { meetingId: string; cycleId: string; membersTotal: number; present: number; quorum: Fraction };
export type ObjectionFacts = { cycleId: string; projectCode: string; open: number };

export type HealthFlag = { code: HealthFlagCode; cycleId: string; year: number; communityId: string } & (
  | { code: 'no_meeting'; adopted: number }
  | { code: 'no_quorum'; meetingId: string; present: number; membersTotal: number }
  | { code: 'adopted_outside_meeting'; adopted: number }
  | { code: 'all_by_staff'; adopted: number }
  | { code: 'no_resident_vote' }
  | { code: 'objections_unanswered'; projectCode: string; open: number }
  | { code: 'low_turnout'; turnout: number; streetMedian: number }
);

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Every flag the facts raise, cycle by cycle in the order given. */
function groupByCycle<T extends { cycleId: string }>(xs: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const list = out.get(x.cycleId);
    if (list) list.push(x);
    else out.set(x.cycleId, [x]);
  }
  return out;
}

export function healthFlags(cycles: readonly CycleFacts[], meetings: readonly MeetingFacts[], objections: readonly ObjectionFacts[]): HealthFlag[] {
  const out: HealthFlag[] = [];
  // Each cycle's meetings and objections, in the order given (a city has thousands of each).
  const meetingsOf = groupByCycle(meetings);
  const objectionsOf = groupByCycle(objections);
  // Street medians of turnout, per year, over the communities that voted.
  const turnouts = new Map<string, number[]>();
  const turnoutOf = (c: CycleFacts) => (c.voteRequired && c.pastVote && c.eligible > 0 ? c.ballots / c.eligible : null);
  for (const c of cycles) {
    const t = turnoutOf(c);
    if (t === null || c.ballots === 0) continue;
    const k = `${c.streetId}|${c.year}`;
    turnouts.set(k, [...(turnouts.get(k) ?? []), t]);
  }
  for (const c of cycles) {
    const base = { cycleId: c.cycleId, year: c.year, communityId: c.communityId };
    if ((c.pastDeliberation || c.adopted > 0) && c.meetingsClosed === 0) out.push({ ...base, code: 'no_meeting', adopted: c.adopted });
    for (const m of meetingsOf.get(c.cycleId) ?? []) {
      if (m.present > m.membersTotal) continue;
      if (!quorumMet({ quorum: { ...m.quorum, strict: true } }, m.membersTotal, m.present)) out.push({ ...base, code: 'no_quorum', meetingId: m.meetingId, present: m.present, membersTotal: m.membersTotal });
    }
    if (c.meetingsClosed > 0 && c.adopted > c.adoptedAtMeeting) out.push({ ...base, code: 'adopted_outside_meeting', adopted: c.adopted - c.adoptedAtMeeting });
    if (c.adopted > 0 && c.adoptedByStaff === c.adopted) out.push({ ...base, code: 'all_by_staff', adopted: c.adopted });
    if (c.voteRequired && c.pastVote && c.ballots === 0) out.push({ ...base, code: 'no_resident_vote' });
    for (const o of objectionsOf.get(c.cycleId) ?? []) if (o.open > 0) out.push({ ...base, code: 'objections_unanswered', projectCode: o.projectCode, open: o.open });
    const t = turnoutOf(c);
    const peers = turnouts.get(`${c.streetId}|${c.year}`) ?? [];
    if (t !== null && c.ballots > 0 && peers.length >= 3) {
      const m = median(peers);
      if (t < m / 2) out.push({ ...base, code: 'low_turnout', turnout: t, streetMedian: m });
    }
  }
  // Flags only for cycles we were given facts for: meetings and objections of others are never looked at.
  return out;
}
