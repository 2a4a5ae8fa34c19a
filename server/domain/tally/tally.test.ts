import { describe, expect, it } from 'vitest';
import { tally, tallyAll, RULES, isRuleName } from './tally.ts';
import type { Election } from './election.ts';
import { renderExplanation, describeRule } from '#messages/explanation.ts';
import { naturalCompare, naturalSort } from './natural.ts';
import { parseDecimal, formatScaled, yuanFromFen, fenFromYuan, TallyInputError } from './decimal.ts';
import { formatRat } from './rational.ts';

// budget 100; A (60, 5 votes), B (50, 4 votes), C (30, 3 votes), D (10, 1 vote), E (20, 0 votes)
const ELECTION: Election = {
  budget: 100,
  projects: [
    { id: 'A', cost: 60, name: 'Playground' },
    { id: 'B', cost: 50 },
    { id: 'C', cost: 30 },
    { id: 'D', cost: 10 },
    { id: 'E', cost: 20 },
  ],
  ballots: [['A', 'B'], ['A', 'B'], ['A', 'B', 'C'], ['A', 'C'], ['A', 'C', 'B'], ['D']],
};

describe('greedy', () => {
  it('funds by votes and skips a project that no longer fits, saying what it cost and what remained', () => {
    const r = tally(ELECTION, 'greedy');
    // A (5) funded: 40 left; B (4) costs 50 > 40: skipped; C (3) fits: 10 left; D fits: 0 left; E (0 votes) does not fit
    expect(r.selected).toEqual(['A', 'C', 'D']);
    expect(r.totalCost).toBe('100');
    const b = r.explanations['B']!;
    expect(b).toMatchObject({ code: 'greedy-did-not-fit', funded: false, rank: 2, cost: '50', remaining: '40', votes: 4 });
    expect(renderExplanation(b, 'en')).toBe('Not funded: ranked 2nd with 4 votes, its cost of 50 did not fit in the remaining budget of 40.');
    expect(renderExplanation(b, 'zh-CN')).toBe('未获资助：以 4 票排名第 2，其费用 50 超出了剩余预算 40。');
    expect(r.explanations['A']).toMatchObject({ code: 'greedy-funded', rank: 1, remainingBefore: '100' });
  });

  it('greedy-meta removes projects below min_project_score_threshold and says so', () => {
    const r = tally({ ...ELECTION, meta: { rule: 'greedy-threshold', min_project_score_threshold: '4' } }, 'greedy-meta');
    expect(r.selected).toEqual(['A']);
    expect(r.explanations['C']).toMatchObject({ code: 'below-threshold', threshold: 4, score: 3 });
    expect(renderExplanation(r.explanations['C']!, 'en')).toMatch(/below the required minimum of 4/);
  });

  it('greedy-meta with greedy-no-skip stops at the first project that does not fit', () => {
    const r = tally({ ...ELECTION, meta: { rule: 'greedy-no-skip' } }, 'greedy-meta');
    expect(r.selected).toEqual(['A']);
    expect(r.explanations['B']).toMatchObject({ code: 'greedy-did-not-fit' });
    expect(r.explanations['C']).toMatchObject({ code: 'greedy-stopped', stoppedAt: 'B' });
    // any other META rule name runs as plain greedy
    expect(tally({ ...ELECTION, meta: { rule: 'greedy-custom' } }, 'greedy-meta').selected).toEqual(tally(ELECTION, 'greedy').selected);
  });

  it('greedy ranks by votes, then breaks ties by lower cost, then by id', () => {
    // Budget 100 in each; whichever project is ranked first leaves too little for the other.
    const greedyBoth = (el: Election) => {
      const g = tally(el, 'greedy');
      expect(tally(el, 'greedy-meta').fundingOrder).toEqual(g.fundingOrder); // no META rule: plain greedy
      return g;
    };
    // votes first: a (2 votes, 60) before the cheaper b (1 vote, 50); 40 left, b does not fit
    const votes = greedyBoth({ budget: 100, projects: [{ id: 'a', cost: 60 }, { id: 'b', cost: 50 }], ballots: [['a', 'b'], ['a']] });
    expect(votes.selected).toEqual(['a']);
    expect(votes.explanations['b']).toMatchObject({ code: 'greedy-did-not-fit', rank: 2, remaining: '40' });
    // equal votes: the cheaper b (50) first, 50 left, a (60) does not fit; id order alone would pick a
    const cost = greedyBoth({ budget: 100, projects: [{ id: 'a', cost: 60 }, { id: 'b', cost: 50 }], ballots: [['a', 'b']] });
    expect(cost.selected).toEqual(['b']);
    expect(cost.explanations['a']).toMatchObject({ code: 'greedy-did-not-fit', rank: 2, remaining: '50' });
    // equal votes and cost: natural order of id, "9" before "10" (as plain strings "10" would come first)
    const id = greedyBoth({ budget: 100, projects: [{ id: '10', cost: 60 }, { id: '9', cost: 60 }], ballots: [['10', '9']] });
    expect(id.selected).toEqual(['9']);
    expect(id.explanations['10']).toMatchObject({ code: 'greedy-did-not-fit', rank: 2, remaining: '40' });
  });

  it('ranks cumulative ballots by total points and ordinal ballots by positional points', () => {
    const cum = tally(
      { budget: 10, voteType: 'cumulative', projects: [{ id: 'a', cost: 10 }, { id: 'b', cost: 10 }], ballots: [{ projects: ['a'], points: [1] }, { projects: ['a'], points: [1] }, { projects: ['b'], points: [3] }] },
      'greedy',
    );
    expect(cum.selected).toEqual(['b']);
    expect(cum.scores).toEqual({ a: 2, b: 3 });
    const ord = tally(
      { budget: 10, voteType: 'ordinal', meta: { max_length: '3' }, projects: [{ id: 'a', cost: 10 }, { id: 'b', cost: 10 }], ballots: [['a', 'b'], ['a', 'b'], ['b', 'a']] },
      'greedy',
    );
    // a: 3+3+2 = 8 points, b: 2+2+3 = 7
    expect(ord.scores).toEqual({ a: 8, b: 7 });
    expect(ord.selected).toEqual(['a']);
  });
});

describe('Equal Shares explanations', () => {
  // ELECTION by hand: 6 voters, budget 100, so 100/6 = 16.67 each.
  //  round 1: A (5 supporters, 12 each, rho 1/5) beats B (12.50 each, 1/4), C (10 each, 1/3), D (10, 1).
  //           v1-v5 keep 4.67 each.
  //  round 2: B's supporters hold 4 x 4.67 = 18.67 < 50 and C's 3 x 4.67 = 14 < 30: unaffordable
  //           (their explanations say round 1: one project had been funded);
  //           D's one supporter holds 16.67 >= 10: funded. E has no votes.
  it('explains MES winners with their share and losers with their supporters\u2019 remaining money', () => {
    const r = tally(ELECTION, 'mes');
    expect(r.selected).toEqual(['A', 'D']);
    expect(r.fundingOrder).toEqual(['A', 'D']);
    expect(r.totalCost).toBe('70');
    expect(r.explanations['A']).toMatchObject({ code: 'mes-funded', funded: true, round: 1, share: '12.00', fullPayers: 5, allInPayers: 0, perVoterBudget: '16.67' });
    expect(r.explanations['D']).toMatchObject({ code: 'mes-funded', funded: true, round: 2, share: '10.00', fullPayers: 1, allInPayers: 0 });
    expect(r.explanations['B']).toMatchObject({ code: 'mes-unaffordable', funded: false, round: 1, supportersMoney: '18.67' });
    expect(r.explanations['C']).toMatchObject({ code: 'mes-unaffordable', funded: false, round: 1, supportersMoney: '14.00' });
    expect(r.explanations['E']).toMatchObject({ code: 'no-support', funded: false });
    for (const id of ['B', 'C']) {
      expect(renderExplanation(r.explanations[id]!, 'en')).toMatch(/supporters/);
      expect(renderExplanation(r.explanations[id]!, 'zh-CN')).toMatch(/支持者/);
    }
  });

  it('mes-greedy explains projects added by the completion step', () => {
    // MES funds A and D (70), 30 left; greedy by votes then: B (4 votes, 50) does not fit,
    // C (3 votes, 30) fits exactly, E (no votes) does not fit the 0 left.
    const r = tally(ELECTION, 'mes-greedy');
    expect(r.selected).toEqual(['A', 'C', 'D']);
    expect(r.fundingOrder).toEqual(['A', 'D', 'C']);
    expect(r.explanations['C']).toMatchObject({ code: 'completion-funded', funded: true, rank: 2, remainingBefore: '30' });
    expect(r.explanations['B']).toMatchObject({ code: 'completion-did-not-fit', funded: false, rank: 1, remaining: '30' });
    expect(r.explanations['E']).toMatchObject({ code: 'no-support' });
    expect(renderExplanation(r.explanations['C']!, 'en')).toMatch(/completion step/);
  });

  it('mes-add1 reports the per-voter budget it reached and why it stopped', () => {
    // Per-voter budget 16.67 + k. Until C's supporters hold 30 after paying 12 for A, i.e.
    // 3 x (b - 12) >= 30, b >= 22, the outcome stays {A, D} with 30 left and C fitting in it.
    // k = 6 (b = 22.67): A (12 each), then C (10 each, rho 1/3 beats D's 1), then D: cost 100,
    // and B (50) no longer fits: exhaustive.
    const r = tally(ELECTION, 'mes-add1');
    expect(r.selected).toEqual(['A', 'C', 'D']);
    expect(r.fundingOrder).toEqual(['A', 'C', 'D']);
    expect(r.totalCost).toBe('100');
    expect(r.add1).toEqual({ startBudget: '16.67', reachedBudget: '22.67', steps: 6, stop: 'exhaustive' });
    expect(r.explanations['C']).toMatchObject({ code: 'mes-funded', round: 2, share: '10.00', fullPayers: 3 });
    expect(r.explanations['B']).toMatchObject({ code: 'mes-unaffordable', funded: false });
    const text = renderExplanation(r.explanations['A']!, 'en');
    expect(text).toMatch(/Add1 completion/);
    expect(renderExplanation(r.explanations['A']!, 'zh-CN')).toMatch(/Add1 补全/);
  });

  it('mes-add1 funds everything when all projects together fit', () => {
    const r = tally({ budget: 1000, projects: ELECTION.projects, ballots: ELECTION.ballots }, 'mes-add1');
    expect(r.selected).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(r.explanations['E']!.code).toBe('all-fit');
  });
});

describe('Equal Shares tie-breaking', () => {
  const MES_RULES = ['mes', 'mes-greedy', 'mes-add1'] as const;
  const each = (el: Election) => Object.fromEntries(MES_RULES.map((rule) => [rule, tally(el, rule)]));

  it('equal shares breaks ties by cost, then by votes, then by id', () => {
    // With nobody short of money a project's price per unit is 1/(its supporters with money),
    // so these elections tie on it; in each, whichever project is funded first leaves too little
    // for the other, so the tie decides the winner. The completion of mes-greedy finds nothing
    // left that fits, and Add1 stops at its first step (the outcome is already exhaustive).

    // cost: 2 voters, budget 100 (50 each), both approve a (80) and b (60): 40 and 30 each, both
    // rho 1/2. The cheaper b first; each keeps 20, 40 < 80 for a. (Id order alone would pick a.)
    for (const [rule, r] of Object.entries(each({ budget: 100, projects: [{ id: 'a', cost: 80 }, { id: 'b', cost: 60 }], ballots: [['a', 'b'], ['a', 'b']] }))) {
      expect(r.selected, rule).toEqual(['b']);
    }

    // votes: 6 voters, budget 60 (10 each). Round 1: z (40) by v3-v6, 10 each, rho 1/4, beats
    // b (12, by v1-v3, rho 1/3) and a (12, by v1-v2, rho 1/2); v3 is left with nothing.
    // Round 2: a and b both cost 12 and are paid 6 each by v1 and v2: rho 1/2 for both. b has
    // 3 votes to a's 2 and wins; v1 and v2 keep 4 each, 8 < 12 for a. (Id order would pick a.)
    const votes = each({
      budget: 60,
      projects: [{ id: 'a', cost: 12 }, { id: 'b', cost: 12 }, { id: 'z', cost: 40 }],
      ballots: [['a', 'b'], ['a', 'b'], ['b', 'z'], ['z'], ['z'], ['z']],
    });
    for (const [rule, r] of Object.entries(votes)) {
      expect(r.selected, rule).toEqual(['b', 'z']);
      expect(r.fundingOrder, rule).toEqual(['z', 'b']);
    }
    expect(votes['mes']!.explanations['a']).toMatchObject({ code: 'mes-unaffordable', supportersMoney: '8.00' });

    // id: 2 voters, budget 100, both approve "10" and "9" (60 each): same rho, cost and votes.
    // Natural order puts "9" first ("10" as a plain string would); each keeps 20, 40 < 60.
    for (const [rule, r] of Object.entries(each({ budget: 100, projects: [{ id: '10', cost: 60 }, { id: '9', cost: 60 }], ballots: [['10', '9'], ['10', '9']] }))) {
      expect(r.selected, rule).toEqual(['9']);
    }
  });

  it('ties met after raising the per-voter budget (Add1) or in the completion (mes-greedy) break the same way', () => {
    // 3 voters, budget 90 (30 each): v1 and v2 approve x and y, v3 approves z (90).
    // Plain MES funds nothing (x, y need more than the 60 of v1 and v2): mes selects nothing.
    // Add1: at 30 + 5 = 35 each, v1 and v2 hold 70 and both x and y become affordable at
    // rho 1/2 (none at 34: 68); the tie picks one, which leaves v1 and v2 (almost) nothing for the
    // other; 90 - cost < 70 is exhaustive. mes-greedy: greedy by votes (x and y 2 each, z 1)
    // over the full budget, the tie picks one, the other and z (90) no longer fit.
    // cost: y (69) before x (70)
    const cost = each({ budget: 90, projects: [{ id: 'x', cost: 70 }, { id: 'y', cost: 69 }, { id: 'z', cost: 90 }], ballots: [['x', 'y'], ['x', 'y'], ['z']] });
    expect(cost['mes']!.selected).toEqual([]);
    expect(cost['mes-add1']!.selected).toEqual(['y']);
    expect(cost['mes-add1']!.add1).toMatchObject({ steps: 5, stop: 'exhaustive' });
    expect(cost['mes-greedy']!.selected).toEqual(['y']);
    expect(cost['mes-greedy']!.explanations['y']).toMatchObject({ code: 'completion-funded', rank: 1 });
    // id: both 70, "9" before "10"
    const id = each({ budget: 90, projects: [{ id: '10', cost: 70 }, { id: '9', cost: 70 }, { id: 'z', cost: 90 }], ballots: [['10', '9'], ['10', '9'], ['z']] });
    expect(id['mes']!.selected).toEqual([]);
    expect(id['mes-add1']!.selected).toEqual(['9']);
    expect(id['mes-add1']!.add1).toMatchObject({ steps: 5, stop: 'exhaustive' });
    expect(id['mes-greedy']!.selected).toEqual(['9']);
  });
});

describe('the tally API for the website', () => {
  it('exports the five rule names', () => {
    expect(RULES).toEqual(['greedy', 'greedy-meta', 'mes', 'mes-greedy', 'mes-add1']);
    expect(isRuleName('mes')).toBe(true);
    expect(isRuleName('borda')).toBe(false);
  });

  it('works on integer fen amounts and on the same election in yuan with the same winners', () => {
    const fen: Election = {
      budget: 1_000_000n,
      projects: [
        { id: 'p1', cost: 333_333n },
        { id: 'p2', cost: 450_000n },
        { id: 'p3', cost: 250_001n },
      ],
      ballots: [['p1', 'p2'], ['p2'], ['p1', 'p3'], ['p3'], ['p1']],
    };
    const yuan: Election = { ...fen, budget: yuanFromFen(1_000_000n), projects: fen.projects.map((p) => ({ ...p, cost: yuanFromFen(p.cost as bigint) })) };
    for (const rule of RULES) {
      const a = tally(fen, rule, { add1Step: 100 }); // 1 yuan = 100 fen per step
      const b = tally(yuan, rule);
      // greedy: p1 (3 votes), then p3 before p2 (2 votes each, p3 cheaper): 3333.33 + 2500.01 leaves
      // 4166.66 < 4500 for p2. MES (2000 each): p1 (1111.11 each, rho 1/3), then p3 (voter 3's
      // 888.89 and voter 4's 1611.12); p2's supporters hold 888.89 + 2000 < 4500. Nothing else fits.
      expect(a.selected, rule).toEqual(['p1', 'p3']);
      expect(b.selected, rule).toEqual(['p1', 'p3']);
      expect(b.totalCost, rule).toBe('5833.34');
      expect(fenFromYuan(b.totalCost)).toBe(BigInt(a.totalCost));
    }
  });

  it('runs several rules at once and returns votes for every project', () => {
    const all = tallyAll(ELECTION);
    expect(Object.keys(all)).toEqual([...RULES]);
    expect(all.mes.votes).toEqual({ A: 5, B: 4, C: 3, D: 1, E: 0 });
    // the same winners as each rule alone (worked out in the tests above)
    expect(Object.fromEntries(RULES.map((rule) => [rule, all[rule].selected]))).toEqual({
      greedy: ['A', 'C', 'D'],
      'greedy-meta': ['A', 'C', 'D'],
      mes: ['A', 'D'],
      'mes-greedy': ['A', 'C', 'D'],
      'mes-add1': ['A', 'C', 'D'],
    });
  });

  it('rejects malformed elections with a clear message', () => {
    expect(() => tally({ ...ELECTION, ballots: [['Z']] }, 'greedy')).toThrow(/unknown project "Z"/);
    expect(() => tally({ ...ELECTION, budget: 'lots' }, 'greedy')).toThrow(TallyInputError);
    expect(() => tally({ ...ELECTION, projects: [...ELECTION.projects, { id: 'A', cost: 1 }] }, 'greedy')).toThrow(/appears twice/);
    expect(() => tally(ELECTION, 'borda' as never)).toThrow(/unknown rule "borda"; rules: greedy, greedy-meta, mes, mes-greedy, mes-add1/);
    expect(() => tally({ ...ELECTION, voteType: 'cumulative', ballots: [{ projects: ['A'], points: [1.5] }] }, 'greedy')).toThrow(/invalid points/);
  });

  it('handles an election with no ballots', () => {
    // the only project costs more than the budget: nothing is funded, by any rule
    for (const rule of RULES) {
      const r = tally({ budget: 10, projects: [{ id: 'a', cost: 20 }], ballots: [] }, rule);
      expect(r.selected, rule).toEqual([]);
      expect(r.voters, rule).toBe(0);
    }
  });
});

describe('exact money and natural order', () => {
  it('parses and formats decimals exactly', () => {
    expect(parseDecimal('1019940.37')).toEqual({ int: 101994037n, digits: 2 });
    expect(parseDecimal('1,5')).toEqual({ int: 15n, digits: 1 });
    expect(parseDecimal(42)).toEqual({ int: 42n, digits: 0 });
    expect(formatScaled(101994037n, 2)).toBe('1019940.37');
    expect(formatScaled(1500n, 2)).toBe('15');
    expect(formatRat({ n: 10n, d: 3n }, 0, 2)).toBe('3.33');
    expect(() => parseDecimal('1e5')).toThrow(TallyInputError);
    expect(() => fenFromYuan('1.234')).toThrow(/more than 2 decimals/);
  });

  it('sorts project ids in natural order', () => {
    expect(naturalSort(['10', '2', '1'])).toEqual(['1', '2', '10']);
    expect(naturalSort(['L025', 'L10', 'L007'])).toEqual(['L007', 'L10', 'L025']);
    expect(naturalSort(['M/10/X', 'M/02/X'])).toEqual(['M/02/X', 'M/10/X']);
    expect(naturalCompare('2022/BAD/0005', '2022/BAD/0001')).toBeGreaterThan(0);
    expect(naturalSort(['b', '2', 'a10', 'a9'])).toEqual(['2', 'a9', 'a10', 'b']);
  });
});

describe('rule descriptions', () => {
  it('describes every rule in plain English and Chinese', () => {
    for (const rule of RULES) {
      expect(describeRule(rule, 'en').length).toBeGreaterThan(40);
      expect(describeRule(rule, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
