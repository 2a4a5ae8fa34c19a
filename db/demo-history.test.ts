import { describe, expect, it } from 'vitest';
import { DEMO_HISTORY_SEED, generateDemoHistory, historySummary, HISTORY_YEARS, OUTCOME_STATE, TAKEN_YEARS, type HistoryCycle } from './demo-history.ts';
import { TERMINAL_STATES, TRANSITIONS } from '../server/domain/project-states.ts';
import { meetingQuorum } from '../server/domain/meeting.ts';
import { DEFAULT_RULEBOOK_SETTINGS } from '../server/domain/rulebook.ts';

const h = generateDemoHistory();
const STAFF = new Set(['workstation', 'residents_committee']);
const adoptedOf = (c: HistoryCycle) => c.projects.filter((p) => p.council === 'adopt');
const turnout = (c: HistoryCycle) => c.ballots.length / h.communities.find((x) => x.id === c.communityId)!.registerSize;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

describe('the generated demo history', () => {
  it('is the same for the same seed, ids included, and different for another seed', () => {
    expect(JSON.stringify(generateDemoHistory(DEMO_HISTORY_SEED))).toBe(JSON.stringify(h));
    const other = generateDemoHistory(DEMO_HISTORY_SEED + 1);
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(h));
    // The places and people are the same lists; what happened in them is not.
    expect(other.communities.map((c) => c.slug)).toEqual(h.communities.map((c) => c.slug));
  });

  it('has a district of at least twelve communities in three streets, and a second district to compare it with', () => {
    const lh = h.communities.filter((c) => c.districtId === 'd-lh');
    expect(lh.length).toBeGreaterThanOrEqual(12);
    expect(new Set(lh.map((c) => c.streetId)).size).toBe(3);
    const ft = h.communities.filter((c) => c.districtId === h.district.id);
    expect(h.district.code).toBe('FT');
    expect(ft.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ft.map((c) => c.streetId)).size).toBe(2);
    // Short unique ASCII codes and slugs, for /districts/ft, /streets/qsjd and /communities/<slug>.
    const streetCodes = ['LTJD', 'SGJD', ...h.streets.map((s) => s.code)];
    expect(new Set(streetCodes).size).toBe(streetCodes.length);
    for (const code of streetCodes) expect(code).toMatch(/^[A-Z]{2,10}$/);
    expect(new Set(h.communities.map((c) => c.slug)).size).toBe(h.communities.length);
    for (const c of h.communities) expect(c.slug).toMatch(/^[a-z]+$/);
    for (const c of h.communities.filter((x) => !x.existing)) expect(c.descriptionZh).toContain('示例');
  });

  it('gives every community finished cycles in at least three past years, never one a community already has', () => {
    expect(new Set(h.cycles.map((c) => c.year))).toEqual(new Set(HISTORY_YEARS));
    for (const c of h.communities) {
      const years = h.cycles.filter((cy) => cy.communityId === c.id).map((cy) => cy.year);
      expect(years.length, c.slug).toBe(new Set(years).size);
      for (const y of years) expect(TAKEN_YEARS[c.slug] ?? [], `${c.slug} ${y}`).not.toContain(y);
      if (!c.existing) expect(years, c.slug).toEqual([...HISTORY_YEARS]);
    }
    for (const cy of h.cycles) {
      expect(cy.phases.at(-1)![0]).toBe('closed');
      expect(cy.budgetFen % 1_000_000).toBe(0);
      expect(cy.budgetFen).toBeGreaterThanOrEqual(30_000_000);
      expect(cy.budgetFen).toBeLessThanOrEqual(80_000_000);
      expect(cy.projects.length).toBeGreaterThanOrEqual(4);
      expect(cy.projects.length).toBeLessThanOrEqual(12);
    }
  });

  it('ends projects in every end state of the state machine, plus delivered, rated, audited and overdue ones', () => {
    const states = new Set(h.cycles.flatMap((c) => c.projects.map((p) => OUTCOME_STATE[p.outcome])));
    for (const s of TERMINAL_STATES) expect(states, s).toContain(s);
    for (const s of ['in_progress', 'accepted', 'evaluated', 'audited', 'archived'] as const) expect(states, s).toContain(s);
    // Each planned end is reachable in the machine's table from a submitted project (a sanity check on the table, not a replay).
    for (const s of states) expect(Object.keys(TRANSITIONS)).toContain(s);
    const summary = historySummary(h);
    expect(summary.outcomes.overdue).toBeGreaterThanOrEqual(2);
    expect(summary.ratings).toBeGreaterThan(100);
    expect(new Set(h.cycles.flatMap((c) => c.projects.map((p) => p.category)))).toEqual(new Set(['engineering', 'goods', 'services']));
    expect(new Set(h.cycles.flatMap((c) => c.projects.map((p) => p.proposerType)))).toEqual(new Set(['resident', 'paper', 'residents_committee', 'workstation', 'social_org']));
    const themes = new Set(DEFAULT_RULEBOOK_SETTINGS.themes.map((t) => t.key));
    for (const p of h.cycles.flatMap((c) => c.projects)) expect(themes).toContain(p.theme);
  });

  it('keeps money in whole fen: agreements near the estimate, payments never above the agreement', () => {
    for (const p of h.cycles.flatMap((c) => c.projects)) {
      expect(Number.isSafeInteger(p.estimatedCostFen)).toBe(true);
      const d = p.delivery;
      if (!d) continue;
      const a = d.agreement.agreedAmountFen;
      expect(Number.isSafeInteger(a)).toBe(true);
      expect(a).toBeLessThanOrEqual(p.estimatedCostFen);
      expect(a).toBeGreaterThanOrEqual(Math.floor(p.estimatedCostFen * 0.87));
      const paid = d.payments.reduce((s, x) => s + x.amountFen, 0);
      for (const x of d.payments) expect(Number.isSafeInteger(x.amountFen)).toBe(true);
      expect(paid).toBeLessThanOrEqual(a);
      if (['evaluated', 'audited', 'archived'].includes(p.outcome)) expect(paid).toBe(a);
    }
  });

  it('has the four kinds of inactive council: no meeting, no quorum, only staff proposals adopted, turnout far below the street', () => {
    const flagged = (flag: HistoryCycle['flags'][number]) => h.cycles.filter((c) => c.flags.includes(flag));
    const rb = DEFAULT_RULEBOOK_SETTINGS;

    const [noMeeting] = flagged('no_meeting');
    expect(noMeeting!.meeting).toBeNull();
    expect(adoptedOf(noMeeting!).length).toBeGreaterThan(0);

    const [noQuorum] = flagged('no_quorum');
    expect(noQuorum!.meeting!.quorate).toBe(false);
    expect(meetingQuorum(rb, 7, noQuorum!.meeting!.present.length).met).toBe(false);
    expect(adoptedOf(noQuorum!).length).toBeGreaterThan(0);
    // Every other council that met had a quorum.
    for (const c of h.cycles.filter((x) => x.meeting && x !== noQuorum)) expect(meetingQuorum(rb, 7, c.meeting!.present.length).met, c.id).toBe(true);

    const [staffOnly] = flagged('staff_only');
    expect(adoptedOf(staffOnly!).length).toBeGreaterThan(0);
    for (const p of adoptedOf(staffOnly!)) expect(STAFF).toContain(p.proposerType);
    // A resident did propose there: the council just never adopted one.
    expect(staffOnly!.projects.some((p) => p.proposerType === 'resident')).toBe(true);
    for (const c of h.cycles.filter((x) => x !== staffOnly && adoptedOf(x).length > 0)) {
      if (adoptedOf(c).every((p) => STAFF.has(p.proposerType))) throw new Error(`${c.id} looks staff-only too`);
    }

    const low = flagged('low_turnout');
    expect(low.length).toBeGreaterThan(0);
    for (const c of low) {
      const street = h.communities.find((x) => x.id === c.communityId)!.streetId;
      const peers = h.cycles.filter((x) => x.year === c.year && h.communities.find((y) => y.id === x.communityId)!.streetId === street);
      expect(turnout(c), c.id).toBeLessThan(median(peers.map(turnout)) / 3);
    }
  });

  it('sends to the council exactly the projects its own count funds, within the budget', () => {
    for (const c of h.cycles) {
      const short = c.projects.filter((p) => c.shortlist.includes(p.key));
      expect(short.reduce((s, p) => s + p.estimatedCostFen, 0)).toBeLessThanOrEqual(c.budgetFen);
      for (const p of c.projects) expect(p.council !== null, p.code).toBe(c.shortlist.includes(p.key));
      // Every ballot is for projects that were on it, at most five, no one twice.
      const onBallot = new Set(c.projects.filter((p) => !p.screenOutReason && !p.withdrawnOn).map((p) => p.key));
      const voters = new Set<string>();
      for (const b of c.ballots) {
        expect(b.choices.length).toBeGreaterThan(0);
        expect(b.choices.length).toBeLessThanOrEqual(5);
        for (const k of b.choices) expect(onBallot).toContain(k);
        expect(voters.has(b.registerEntryId)).toBe(false);
        voters.add(b.registerEntryId);
      }
    }
  });
});
