/**
 * @module Results of a cycle's resident vote.
 *
 * `countResidentVote` runs inside the transaction that moves a cycle out of
 * the resident vote (a hook in services/cycles.ts), so the vote closes and is
 * counted at once: no ballot can slip in after the count, and a count cannot
 * be lost. It builds the tally's election from the current ballots (online,
 * reconciled paper, and any finished .pb import), runs the rulebook's rule (official) and the other
 * rule (comparison), stores both, records each project's vote count, and
 * moves every project on the ballot to shortlisted / not_shortlisted through
 * the state machine, each step with its published reason and audit entry.
 * The count's own entry (`cycle.vote_counted`) carries the length and
 * SHA-256 of the list of counted receipt fingerprints that open data
 * publishes (./counted-receipts.ts).
 *
 * Money goes to the tally in yuan as exact decimals ("480000", "12.34"), so
 * Add1's step is one yuan per voter (the tally's default unit) and the
 * explanations read in yuan.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { ballots, ballotImports, cycleResults, cycles, communities, streets, projects, importedBallots } from '#db/schema.ts';
import type { Database, Tx } from '#db/client.ts';
import { tallyAll, type TallyResult, type RuleName } from '../domain/tally/tally.ts';
import type { BallotInput as TallyBallot, Election } from '../domain/tally/election.ts';
import type { Explanation } from '../domain/tally/explanation.ts';
import { renderExplanation } from '#messages/explanation.ts';
import { formatFen, parseYuan } from '#messages/money.ts';
import { isBallotMethod, parseBallotContent } from '../domain/ballot-rules.ts';
import { cycleRules, transition, type ProjectEvent } from '../domain/project-states.ts';
import { SYSTEM_ACTOR, type Locale } from '../domain/permissions.ts';
import type { CyclePhase } from '../domain/cycle-phases.ts';
import { voteHeld, type ResultRule } from '../domain/rulebook.ts';
import { appendAudit, SYSTEM_AUDIT_ACTOR, type AuditActor } from './audit.ts';
import { getRulebook } from './rulebooks.ts';
import { newId } from './ids.ts';
import { countedReceiptList } from './counted-receipts.ts';
import { say } from '#messages/say.ts';

/** What is stored in cycle_results.result. Keys are project ids; explanations name projects by code. */
export type StoredResult = {
  rule: ResultRule;
  selected: string[];
  fundingOrder: string[];
  totalCostFen: number;
  budgetFen: number;
  voters: number;
  votes: Record<string, number>;
  scores: Record<string, number>;
  explanations: Record<string, Explanation>;
};

// Each rule's name, a note for residents and its exact definition (enough for anyone to reproduce a
// published result with another tool; the README shows the pabutools call) are tally.json's
// `rule.<rule>.name`, `.note` and `.definition`, which the results page and the `.pb` file's META show.

function fenToYuan(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, '0')}`;
}

export type CountInput = { cycleId: string; from?: CyclePhase | null; to?: CyclePhase; at: Date; actor?: AuditActor };

/** The ON_LEAVE hook for 'resident_vote'. Does nothing for a cycle without a vote. */
export async function countResidentVote(tx: Tx, input: CountInput): Promise<void> {
  const { cycleId, at } = input;
  const cy = (
    await tx
      .select({ c: cycles, streetId: streets.id, districtId: streets.districtId })
      .from(cycles)
      .innerJoin(communities, eq(communities.id, cycles.communityId))
      .innerJoin(streets, eq(streets.id, communities.streetId))
      .where(eq(cycles.id, cycleId))
  )[0];
  if (!cy) return;
  const rulebook = await getRulebook(tx, cy.c.rulebookId);
  if (!rulebook || rulebook.vote.method === 'none') return;
  // A vote held elsewhere is counted when a second person approves its imported ballots, not when the phase moves on.
  if (voteHeld(rulebook.vote) === 'elsewhere') {
    const approved = await tx.select({ id: ballotImports.id }).from(ballotImports).where(and(eq(ballotImports.cycleId, cycleId), eq(ballotImports.status, 'done'))).limit(1);
    if (!approved.length) return;
  }
  // Counted once. If staff reopen the vote and close it again, the first count stands: its
  // projects have already left 'screened_in', so a recount would have nothing to count.
  const already = await tx.select({ id: cycleResults.id }).from(cycleResults).where(eq(cycleResults.cycleId, cycleId)).limit(1);
  if (already.length) return;

  const onBallot = await tx
    .select({ id: projects.id, code: projects.code, title: projects.title, costFen: projects.estimatedCostFen, state: projects.state, communityId: projects.communityId })
    .from(projects)
    .where(and(eq(projects.cycleId, cycleId), eq(projects.state, 'screened_in')))
    .orderBy(asc(projects.code));
  const codeOf = new Map(onBallot.map((p) => [p.id, p.code]));
  const idOf = new Map(onBallot.map((p) => [p.code, p.id]));
  const cast = await tx
    .select({ method: ballots.method, content: ballots.content })
    .from(ballots)
    .where(and(eq(ballots.cycleId, cycleId), isNull(ballots.supersededAt)));
  // Ballots imported from a finished .pb import count like online and paper ones (they carry no method: the content's shape says it).
  const imported = await tx
    .select({ content: importedBallots.content })
    .from(importedBallots)
    .innerJoin(ballotImports, eq(ballotImports.id, importedBallots.importId))
    .where(and(eq(importedBallots.cycleId, cycleId), eq(ballotImports.status, 'done')));
  const current = [...cast, ...imported.map((b) => ({ method: b.content.trimStart().startsWith('{') ? 'points' : 'approval', content: b.content }))];

  const cumulative = rulebook.vote.method === 'points';
  const tallyBallots: TallyBallot[] = current.map((b) => {
    if (!isBallotMethod(b.method)) return [];
    const ballot = parseBallotContent(b.method, b.content);
    if (ballot.method === 'points') {
      // A project withdrawn during the vote is no longer on the ballot: its points are not counted.
      const ids = Object.keys(ballot.points).filter((id) => codeOf.has(id) && ballot.points[id]! > 0);
      return cumulative ? { projects: ids.map((id) => codeOf.get(id)!), points: ids.map((id) => ballot.points[id]!) } : ids.map((id) => codeOf.get(id)!);
    }
    const ids = ballot.projects.filter((id) => codeOf.has(id)).map((id) => codeOf.get(id)!);
    return cumulative ? { projects: ids, points: ids.map(() => 1) } : ids;
  });
  // Tally ids are project codes: readable in explanations, and their natural order (order of proposal) is the last tie-break.
  const election: Election = {
    budget: fenToYuan(cy.c.budgetFen),
    projects: onBallot.map((p) => ({ id: p.code, cost: fenToYuan(p.costFen), name: p.title })),
    ballots: tallyBallots,
    voteType: cumulative ? 'cumulative' : 'approval',
  };
  const official: RuleName = rulebook.resultRule;
  const other: RuleName = official === 'greedy' ? 'mes-add1' : 'greedy';
  const results = tallyAll(election, [official, other]);

  const costOf = new Map(onBallot.map((p) => [p.id, p.costFen]));
  const store = (r: TallyResult, rule: ResultRule): StoredResult => {
    const byId = <T>(rec: Record<string, T>) => Object.fromEntries(Object.entries(rec).map(([code, v]) => [idOf.get(code)!, v]));
    const selected = r.selected.map((c) => idOf.get(c)!);
    return {
      rule,
      selected,
      fundingOrder: r.fundingOrder.map((c) => idOf.get(c)!),
      totalCostFen: selected.reduce((s, id) => s + costOf.get(id)!, 0),
      budgetFen: cy.c.budgetFen,
      voters: r.voters,
      votes: byId(r.votes),
      scores: byId(r.scores),
      explanations: byId(r.explanations),
    };
  };
  const stored = { [official]: store(results[official], official), [other]: store(results[other], other as ResultRule) } as Record<ResultRule, StoredResult>;
  for (const rule of [official, other] as ResultRule[]) {
    await tx.insert(cycleResults).values({ id: newId(), cycleId, rule, official: rule === official, result: stored[rule], ballotCount: current.length, computedAt: at });
  }

  const off = stored[official];
  const funded = new Set(off.selected);
  for (const p of onBallot) {
    const event: ProjectEvent = funded.has(p.id) ? 'shortlist' : 'not_shortlist';
    const decided = transition({ state: p.state, communityId: p.communityId, streetId: cy.streetId, districtId: cy.districtId }, event, SYSTEM_ACTOR, cycleRules(rulebook));
    if (!decided.ok) throw new Error(`counting ${p.code}: ${event} refused (${decided.reason})`);
    // Recorded in Chinese, the language of the record.
    const reason = say.tally('zh-CN', 'countReason', { rule: say.tally('zh-CN', `rule.${official}.name`), explanation: renderExplanation(off.explanations[p.id]!, 'zh-CN', { formatMoney: moneyOf('zh-CN') }) });
    await tx.update(projects).set({ state: decided.to, stateReason: reason, residentVotes: off.votes[p.id] ?? 0, updatedAt: at }).where(eq(projects.id, p.id));
    await appendAudit(tx, { actor: SYSTEM_AUDIT_ACTOR, action: `project.${event}`, subjectType: 'project', subjectId: p.id, before: { state: decided.from }, after: { state: decided.to, residentVotes: off.votes[p.id] ?? 0 }, reason, at });
  }
  // The list of counted receipt fingerprints that open data publishes: its length and SHA-256 go into
  // the log here, so the log (and every checkpoint after this entry) covers exactly that list.
  const receipts = await countedReceiptList(tx, cycleId);
  await appendAudit(tx, {
    actor: SYSTEM_AUDIT_ACTOR,
    action: 'cycle.vote_counted',
    subjectType: 'cycle',
    subjectId: cycleId,
    after: {
      ballots: current.length,
      rule: official,
      selected: off.selected.map((id) => codeOf.get(id)),
      totalCostFen: off.totalCostFen,
      comparison: { rule: other, selected: stored[other as ResultRule].selected.map((id) => codeOf.get(id)) },
      receipts: { count: receipts.count, sha256: receipts.sha256 },
    },
    at,
  });
}

// ---------------------------------------------------------------------------
// Reading results
// ---------------------------------------------------------------------------

export type ProjectOutcome = { funded: boolean; code: Explanation['code']; explanation: Record<Locale, string> };

export type ResultsView = {
  cycleId: string;
  ballotCount: number;
  computedAt: Date;
  budgetFen: number;
  official: { rule: ResultRule; selected: string[]; totalCostFen: number };
  comparison: { rule: ResultRule; selected: string[]; totalCostFen: number } | null;
  /** Every project that was on the ballot, most votes (points) first. */
  projects: {
    id: string;
    code: string;
    title: string;
    costFen: number;
    votes: number;
    score: number;
    scoreUnit: 'votes' | 'points';
    official: ProjectOutcome;
    comparison: ProjectOutcome | null;
  }[];
};

/** An explanation's amount (yuan as a decimal string) in the site's money format; a rounded share that is not whole fen keeps its digits. */
const moneyOf = (locale: Locale) => (yuan: string) => {
  const r = parseYuan(yuan);
  return r.ok ? formatFen(r.fen, locale) : say.tally(locale, 'yuanAsWritten', { yuan });
};

function outcome(e: Explanation): ProjectOutcome {
  return {
    funded: e.funded,
    code: e.code,
    explanation: { 'zh-CN': renderExplanation(e, 'zh-CN', { formatMoney: moneyOf('zh-CN') }), en: renderExplanation(e, 'en', { formatMoney: moneyOf('en') }) },
  };
}

/** The stored results of a cycle's vote, or null before the vote is counted. */
export async function getResults(database: Database, cycleId: string): Promise<ResultsView | null> {
  const rows = await database.db.select().from(cycleResults).where(eq(cycleResults.cycleId, cycleId));
  const off = rows.find((r) => r.official);
  if (!off) return null;
  const cmp = rows.find((r) => !r.official) ?? null;
  const o = off.result as StoredResult;
  const c = cmp ? (cmp.result as StoredResult) : null;
  const ids = Object.keys(o.explanations);
  // The result's projects are the cycle's: read by the cycle, not by a list of their ids (issue 18).
  const explained = new Set(ids);
  const ps = ids.length
    ? (await database.db.select({ id: projects.id, code: projects.code, title: projects.title, costFen: projects.estimatedCostFen }).from(projects).where(eq(projects.cycleId, cycleId))).filter((p) => explained.has(p.id))
    : [];
  const list = ps.map((p) => {
    const e = o.explanations[p.id]!;
    return {
      ...p,
      votes: o.votes[p.id] ?? 0,
      score: o.scores[p.id] ?? 0,
      scoreUnit: e.scoreUnit,
      official: outcome(e),
      comparison: c?.explanations[p.id] ? outcome(c.explanations[p.id]!) : null,
    };
  });
  list.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  return {
    cycleId,
    ballotCount: off.ballotCount,
    computedAt: off.computedAt,
    budgetFen: o.budgetFen,
    official: { rule: o.rule, selected: o.selected, totalCostFen: o.totalCostFen },
    comparison: c ? { rule: c.rule, selected: c.selected, totalCostFen: c.totalCostFen } : null,
    projects: list,
  };
}
