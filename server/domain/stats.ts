/**
 * @module Programme statistics (统计): the figures a place is judged by, as
 * whole numbers that add up (a street's figures are the sum of its
 * communities', a district's of its streets', the city's of its districts'),
 * and the ratios and the three measures computed from those sums, each with
 * its formula. The database counts (server/services/stats.ts); this module
 * only adds and divides.
 */
import type { ProjectState } from './project-states.ts';

/** Every figure of one place and period: integers only, so that places add up. */
export type Figures = {
  /** Projects in the public projects dataset (every state but draft). */
  projects_total: number;
  /** Waiting for screening. */
  projects_submitted: number;
  projects_screened_out: number;
  /** Screened in and still before the council's decision (vote, shortlist, deliberation). */
  projects_in_selection: number;
  /** Not chosen by the resident vote or rejected by the council. */
  projects_not_adopted: number;
  /** Adopted by the council: from the public notice on (the money page's "adopted"). */
  projects_adopted: number;
  /** Adopted projects first proposed by residents themselves (online or on paper). */
  projects_adopted_by_residents: number;
  /** Being delivered (in progress, or redoing work after a failed acceptance). */
  projects_in_progress: number;
  /** Passed acceptance (accepted, rated, audited, archived). */
  projects_accepted: number;
  /** Still being delivered after the agreement's planned end. */
  projects_overdue: number;
  /** Days late, summed over the overdue projects. */
  overdue_days: number;
  /** Passed acceptance on or before the agreement's planned end. */
  projects_on_time: number;
  /** Withdrawn by the proposer (撤回). */
  projects_withdrawn: number;
  money_budget_fen: number;
  /** Σ estimated cost of the adopted projects: what the council agreed to spend. */
  money_agreed_fen: number;
  /** Σ agreement amounts signed with implementers. */
  money_contracted_fen: number;
  /** Σ payments made (the rows of the public payments dataset). */
  money_paid_fen: number;
  /** Entries in the communities' resident registers (today's registers). */
  registered_residents: number;
  /** Ballots counted or to be counted: current online and paper ballots, and approved imports. */
  ballots: number;
  /** Register size × cycles whose resident vote has opened (a cycle without a vote adds nobody). */
  eligible_voters: number;
  /** Distinct proposers with an account, counted in each community. */
  proposers: number;
  /** Residents on the register who proposed, commented or voted, counted once each. */
  participants: number;
  /** Visible comments on public projects. */
  comments: number;
  ratings: number;
  /** Σ scores (1–5) of the ratings: mean = ratings_score_sum ÷ ratings. */
  ratings_score_sum: number;
  findings_open: number;
  findings_closed: number;
  cycles: number;
  /** Cycles whose resident vote has opened. */
  cycles_with_vote: number;
};

export const FIGURE_KEYS = [
  'projects_total',
  'projects_submitted',
  'projects_screened_out',
  'projects_in_selection',
  'projects_not_adopted',
  'projects_adopted',
  'projects_adopted_by_residents',
  'projects_in_progress',
  'projects_accepted',
  'projects_overdue',
  'overdue_days',
  'projects_on_time',
  'projects_withdrawn',
  'money_budget_fen',
  'money_agreed_fen',
  'money_contracted_fen',
  'money_paid_fen',
  'registered_residents',
  'ballots',
  'eligible_voters',
  'proposers',
  'participants',
  'comments',
  'ratings',
  'ratings_score_sum',
  'findings_open',
  'findings_closed',
  'cycles',
  'cycles_with_vote',
] as const satisfies readonly (keyof Figures)[];

/**
 * The figures that are counted when read (services/stats.ts: they depend on
 * the day or on the register as it stands) and so are not kept in
 * stats_cells; the kept ones are the rest (db/stats-cells.ts CELL_COLUMNS).
 */
export const FIGURES_COUNTED_WHEN_READ = ['projects_overdue', 'overdue_days', 'registered_residents', 'eligible_voters', 'cycles_with_vote'] as const satisfies readonly (keyof Figures)[];

export function zeroFigures(): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Figures;
}

/** The sum of several places' figures. */
export function addFigures(parts: readonly Figures[]): Figures {
  const out = zeroFigures();
  for (const p of parts) for (const k of FIGURE_KEYS) out[k] += p[k];
  return out;
}

/** Which bucket of the page's "projects by state" each state falls in (drafts are not public). */
export const STATE_BUCKET: Readonly<Record<Exclude<ProjectState, 'draft'>, keyof Figures>> = {
  submitted: 'projects_submitted',
  screened_out: 'projects_screened_out',
  screened_in: 'projects_in_selection',
  shortlisted: 'projects_in_selection',
  under_deliberation: 'projects_in_selection',
  not_shortlisted: 'projects_not_adopted',
  rejected: 'projects_not_adopted',
  in_public_notice: 'projects_adopted',
  approved: 'projects_adopted',
  in_progress: 'projects_adopted',
  acceptance_failed: 'projects_adopted',
  accepted: 'projects_adopted',
  evaluated: 'projects_adopted',
  audited: 'projects_adopted',
  archived: 'projects_adopted',
  withdrawn: 'projects_withdrawn',
};

export const IN_PROGRESS_STATES: readonly ProjectState[] = ['in_progress', 'acceptance_failed'];
export const ACCEPTED_STATES: readonly ProjectState[] = ['accepted', 'evaluated', 'audited', 'archived'];
/** Proposer types that are residents themselves; the others are staff (居委会, 工作站) or social organisations. */
export const RESIDENT_PROPOSER_TYPES = ['resident', 'paper'] as const;

/** A ratio with what it was computed from, so a page can show the formula and its numbers. */
export type Ratio = { num: number; den: number; value: number | null };
export const ratio = (num: number, den: number): Ratio => ({ num, den, value: den > 0 ? num / den : null });

export type Derived = {
  /** money_paid_fen ÷ money_agreed_fen. */
  paidShare: Ratio;
  /** ballots ÷ eligible_voters. */
  turnout: Ratio;
  /** projects_total per 1,000 registered residents. */
  proposalsPer1000: number | null;
  /** ratings_score_sum ÷ ratings. */
  meanSatisfaction: number | null;
};

export function derive(f: Figures): Derived {
  return {
    paidShare: ratio(f.money_paid_fen, f.money_agreed_fen),
    turnout: ratio(f.ballots, f.eligible_voters),
    proposalsPer1000: f.registered_residents > 0 ? (f.projects_total * 1000) / f.registered_residents : null,
    meanSatisfaction: f.ratings > 0 ? f.ratings_score_sum / f.ratings : null,
  };
}

/**
 * The three measures the programme promises (广泛性、参与性、草根性), each a
 * share of two figures that anyone can recount:
 * - breadth (广泛性) = participants ÷ registered residents: the share of the
 *   register who proposed, commented or voted at least once in the period;
 * - participation (参与性) = ballots ÷ eligible voters (turnout), with its
 *   change from the year before when one year is shown;
 * - grassroots (草根性) = adopted projects first proposed by residents
 *   (proposer type resident or paper) ÷ adopted projects.
 */
export type Measures = {
  breadth: Ratio;
  participation: Ratio & { previous: Ratio | null };
  grassroots: Ratio;
};

export function measures(f: Figures, previousYear: Figures | null): Measures {
  return {
    breadth: ratio(f.participants, f.registered_residents),
    participation: { ...ratio(f.ballots, f.eligible_voters), previous: previousYear ? ratio(previousYear.ballots, previousYear.eligible_voters) : null },
    grassroots: ratio(f.projects_adopted_by_residents, f.projects_adopted),
  };
}
