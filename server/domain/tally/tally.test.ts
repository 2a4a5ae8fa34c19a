import { describe, expect, it } from 'vitest';
import { tally, tallyAll, RULES, isRuleName } from './tally.ts';
import type { Election } from './election.ts';
import { renderExplanation, describeRule } from './explanation.ts';
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

  it('breaks ties in votes by lower cost, then natural order of id', () => {
    const r = tally(
      {
        budget: 100,
        projects: [
          { id: '10', cost: 60 },
          { id: '9', cost: 60 },
          { id: 'x', cost: 70 },
        ],
        ballots: [['10', '9', 'x']],
      },
      'greedy',
    );
    expect(r.fundingOrder).toEqual(['9']);
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
  it('explains MES winners with their share and losers with their supporters\u2019 remaining money', () => {
    const r = tally(ELECTION, 'mes');
    for (const id of ['A', 'B', 'C', 'D', 'E']) expect(r.explanations[id]).toBeDefined();
    const funded = r.selected.map((id) => r.explanations[id]!);
    for (const e of funded) expect(e.code).toBe('mes-funded');
    const e = r.explanations['E']!;
    expect(e).toMatchObject({ code: 'no-support', funded: false });
    const lost = Object.values(r.explanations).filter((x) => x.code === 'mes-unaffordable');
    expect(lost.length).toBeGreaterThan(0);
    for (const x of lost) {
      const text = renderExplanation(x, 'en');
      expect(text).toMatch(/supporters/);
      expect(renderExplanation(x, 'zh-CN')).toMatch(/支持者/);
    }
  });

  it('mes-greedy explains projects added by the completion step', () => {
    const r = tally(ELECTION, 'mes-greedy');
    const added = Object.values(r.explanations).filter((e) => e.code === 'completion-funded');
    for (const e of added) expect(renderExplanation(e, 'en')).toMatch(/completion step/);
    expect(r.selected.length).toBeGreaterThanOrEqual(tally(ELECTION, 'mes').selected.length);
  });

  it('mes-add1 reports the per-voter budget it reached and why it stopped', () => {
    const r = tally(ELECTION, 'mes-add1');
    expect(r.add1).toBeDefined();
    expect(r.add1!.startBudget).toBe('16.67');
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
      expect(a.selected, rule).toEqual(b.selected);
      expect(fenFromYuan(b.totalCost)).toBe(BigInt(a.totalCost));
    }
  });

  it('runs several rules at once and returns votes for every project', () => {
    const all = tallyAll(ELECTION);
    expect(Object.keys(all)).toEqual([...RULES]);
    expect(all.mes.votes).toEqual({ A: 5, B: 4, C: 3, D: 1, E: 0 });
  });

  it('rejects malformed elections with a clear message', () => {
    expect(() => tally({ ...ELECTION, ballots: [['Z']] }, 'greedy')).toThrow(/unknown project "Z"/);
    expect(() => tally({ ...ELECTION, budget: 'lots' }, 'greedy')).toThrow(TallyInputError);
    expect(() => tally({ ...ELECTION, projects: [...ELECTION.projects, { id: 'A', cost: 1 }] }, 'greedy')).toThrow(/appears twice/);
    expect(() => tally(ELECTION, 'borda' as never)).toThrow(/unknown rule "borda"; rules: greedy, greedy-meta, mes, mes-greedy, mes-add1/);
    expect(() => tally({ ...ELECTION, voteType: 'cumulative', ballots: [{ projects: ['A'], points: [1.5] }] }, 'greedy')).toThrow(/invalid points/);
  });

  it('handles an election with no ballots', () => {
    for (const rule of RULES) expect(() => tally({ budget: 10, projects: [{ id: 'a', cost: 20 }], ballots: [] }, rule)).not.toThrow();
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
