/**
 * Add1 computes only some steps and proves the others (add1.ts). These tests
 * compare it with stepping one unit at a time on random elections, with each
 * way of skipping forced; add1-reference.test.ts does the same on the real
 * elections of the data folder.
 */
import { describe, expect, it } from 'vitest';
import { prepare } from './election.ts';
import type { BallotInput, Election } from './election.ts';
import { MesEngine } from './mes.ts';
import { runAdd1 } from './add1.ts';
import { randomElection, rng } from './testing/random.ts';
import { allFit, everyStep, WAYS } from './testing/every-step.ts';

/**
 * A random election made to meet the cases where skipping steps could go wrong: a clone of a
 * project (same cost and supporters: the two tie in every round of every step and only the
 * tie-break orders them), a supported project dearer than the whole budget, voters who approve
 * nothing, and budgets tight enough that Add1 stops because the next step overspends.
 */
function edgeElection(seed: number): Election {
  const e = randomElection(seed, { voteType: 'approval', maxVoters: 60, maxProjects: 8 });
  const r = rng(seed ^ 0x5bd1e995);
  const projects = [...e.projects];
  const ballots = (e.ballots as string[][]).map((b) => [...b]);
  const budget = Number(e.budget);
  if (r() < 0.6 && projects.length > 0) {
    // a clone: same cost, same supporters, another id
    const src = projects[Math.floor(r() * projects.length)]!;
    const id = `${src.id}c`;
    projects.push({ id, cost: src.cost });
    for (const b of ballots) if (b.includes(src.id)) b.push(id);
  }
  if (r() < 0.5) {
    // a project nobody can ever afford alone within the budget, with supporters
    const id = 'X';
    projects.push({ id, cost: String(Math.floor(budget) + 1 + Math.floor(r() * 500)) });
    for (const b of ballots) if (r() < 0.5) b.push(id);
  }
  const empty = Math.floor(r() * 4);
  const all: BallotInput[] = [...ballots];
  for (let i = 0; i < empty; i++) all.push([]);
  return { ...e, projects, ballots: all };
}

describe('Add1 skipping proven steps', () => {
  it('equals running every step on 300 random elections, stepping, jumping, or both', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const P = prepare(randomElection(seed * 104729, { maxVoters: 80, maxProjects: 10 }));
      if (allFit(P)) continue;
      const [order, steps, stop] = everyStep(P, P.unit);
      for (const tuning of WAYS) {
        const got = runAdd1(P, P.unit, new MesEngine(P), tuning);
        expect([got.run.order, got.steps, got.stop], `seed ${seed} ${JSON.stringify(tuning)}`).toEqual([order, Math.max(0, steps), stop]);
      }
    }
  });

  it('equals running every step with clones that tie all the way, projects dearer than the budget, empty ballots and overspending stops', () => {
    const seen = { clone: 0, dearer: 0, empty: 0, overspends: 0, exhaustive: 0, skipped: 0 };
    for (let seed = 1; seed <= 250; seed++) {
      const election = edgeElection(seed * 7919);
      const P = prepare(election);
      if (allFit(P)) continue;
      const [order, steps, stop] = everyStep(P, P.unit);
      const clones = new MesEngine(P).clones();
      if (clones.some((c, p) => c !== p && P.scores[p]! > 0)) seen.clone++;
      if (P.costs.some((c, p) => c > P.budget && P.scores[p]! > 0)) seen.dearer++;
      if (election.ballots.some((b) => Array.isArray(b) && b.length === 0)) seen.empty++;
      if (stop === 'next-step-over-budget') seen.overspends++;
      else seen.exhaustive++;
      for (const tuning of WAYS) {
        const got = runAdd1(P, P.unit, new MesEngine(P), tuning);
        expect([got.run.order, got.steps, got.stop], `seed ${seed} ${JSON.stringify(tuning)}`).toEqual([order, Math.max(0, steps), stop]);
        if (got.runs < Math.max(0, steps) + 1) seen.skipped++;
      }
    }
    // the cases above really occur, and steps really are skipped
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(10);
  });
});
