/** Seeded random small elections for property tests (no dependencies). */

import type { Election, BallotInput, VoteType } from '../election.ts';
import { mulberry32 } from '#domain/seeded-random.ts';

/** mulberry32 */
export const rng = mulberry32;

export function randomElection(seed: number, opts: { voteType?: VoteType; maxVoters?: number; maxProjects?: number } = {}): Election {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const voteType: VoteType = opts.voteType ?? (['approval', 'approval', 'cumulative', 'ordinal'] as const)[int(0, 3)]!;
  const m = int(1, opts.maxProjects ?? 7);
  const n = int(1, opts.maxVoters ?? 25);
  // few distinct costs make exact ties likely; some costs have cents
  const costPool = [100, 200, 200, 300, 450, 500, 1000, 1250.5, 99.99];
  const projects = Array.from({ length: m }, (_, i) => ({ id: r() < 0.3 ? `P${int(0, 30)}-${i}` : String(int(1, 40) * 100 + i), cost: String(costPool[int(0, costPool.length - 1)]) }));
  const total = projects.reduce((s, p) => s + Number(p.cost), 0);
  const frac = [0.2, 0.35, 0.5, 0.7, 1.1][int(0, 4)]!;
  const budget = (Math.round(total * frac * 100) / 100).toFixed(int(0, 1) === 0 ? 0 : 2);
  const ballots: BallotInput[] = [];
  const maxLen = Math.min(m, 3);
  for (let v = 0; v < n; v++) {
    const len = voteType === 'ordinal' ? int(1, maxLen) : int(0, m);
    const ids = projects.map((p) => p.id).sort(() => r() - 0.5).slice(0, len);
    if (voteType === 'cumulative') ballots.push({ projects: ids, points: ids.map(() => int(1, 4)) });
    else ballots.push(ids);
  }
  return { budget, projects, ballots, voteType, meta: voteType === 'ordinal' ? { max_length: String(maxLen) } : {} };
}
