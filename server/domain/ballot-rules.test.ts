import { describe, expect, it } from 'vitest';
import { ballotProjectIds, checkBallot, minShareFen, parseBallotContent, serializeBallot, ballotTotals, type BallotIssue } from './ballot-rules.ts';
import type { VoteSettings } from './rulebook.ts';
import { ballotIssueText, describeVoteRule as describeIn } from '#messages/ballot-words.ts';
import { say } from '#messages/say.ts';

/** An issue's words in both languages. */
const messageOf = (i: BallotIssue) => ({ 'zh-CN': ballotIssueText(i, say.voting.table('zh-CN'), 'zh-CN'), en: ballotIssueText(i, say.voting.table('en'), 'en') });
const describeVoteRule = (vote: VoteSettings, budgetFen: number) => ({ 'zh-CN': describeIn(vote, budgetFen, say.voting.table('zh-CN'), 'zh-CN'), en: describeIn(vote, budgetFen, say.voting.table('en'), 'en') });

const WAN = 1_000_000;
const PROJECTS = [
  { id: 'a', costFen: 80 * WAN },
  { id: 'b', costFen: 45 * WAN },
  { id: 'c', costFen: 38 * WAN },
  { id: 'd', costFen: 30 * WAN },
  { id: 'e', costFen: 25 * WAN },
  { id: 'f', costFen: 12 * WAN },
];
const BUDGET = 200 * WAN;
const approval: VoteSettings = { method: 'approval', maxChoices: 3 };
const basket: VoteSettings = { method: 'basket' };
const points: VoteSettings = { method: 'points', points: 10, maxPerProject: 4 };

function codes(r: ReturnType<typeof checkBallot>) {
  return r.ok ? [] : r.issues.map((i) => `${i.field}:${i.code}`);
}

describe('approval ballots', () => {
  it('accepts up to maxChoices projects and sorts them canonically', () => {
    const r = checkBallot(approval, PROJECTS, BUDGET, { projects: ['c', 'a', 'b'] });
    expect(r).toMatchObject({ ok: true, ballot: { method: 'approval', projects: ['a', 'b', 'c'] }, content: '["a","b","c"]' });
  });

  it('refuses more than maxChoices, naming the rule and the count', () => {
    const r = checkBallot(approval, PROJECTS, BUDGET, { projects: ['a', 'b', 'c', 'd'] });
    expect(codes(r)).toEqual(['projects:too_many_choices']);
    expect(!r.ok && messageOf(r.issues[0]!)).toEqual({ 'zh-CN': '最多选择 3 个项目（您选了 4 个）', en: 'Choose at most 3 projects (you chose 4)' });
  });

  it('refuses a project that is not on the ballot, and duplicates', () => {
    expect(codes(checkBallot(approval, PROJECTS, BUDGET, { projects: ['a', 'zz'] }))).toEqual(['projects:not_on_ballot']);
    expect(codes(checkBallot(approval, PROJECTS, BUDGET, { projects: ['a', 'a'] }))).toEqual(['projects:duplicate_project']);
  });

  it('refuses an empty ballot and points sent to an approval vote', () => {
    expect(codes(checkBallot(approval, PROJECTS, BUDGET, { projects: [] }))).toEqual(['projects:empty_ballot']);
    expect(codes(checkBallot(approval, PROJECTS, BUDGET, { points: { a: 1 } }))).toEqual(['points:wrong_shape']);
  });

  it('a cycle without a vote refuses every ballot', () => {
    expect(codes(checkBallot({ method: 'none' }, PROJECTS, BUDGET, { projects: ['a'] }))).toEqual(['_:no_vote']);
  });
});

describe('budget basket ballots', () => {
  it('accepts a basket that fits the budget exactly', () => {
    // 80 + 45 + 38 + 25 + 12 = 200 万
    const r = checkBallot(basket, PROJECTS, BUDGET, { projects: ['a', 'b', 'c', 'e', 'f'] });
    expect(r.ok).toBe(true);
    expect(r.totals).toEqual({ chosen: 5, costFen: 200 * WAN, pointsUsed: 0 });
  });

  it('refuses a basket one fen over, naming both amounts', () => {
    const r = checkBallot(basket, [...PROJECTS, { id: 'g', costFen: 1 }], BUDGET, { projects: ['a', 'b', 'c', 'e', 'f', 'g'] });
    expect(codes(r)).toEqual(['projects:over_budget']);
    expect(!r.ok && messageOf(r.issues[0]!)['zh-CN']).toBe('所选项目合计 200.000001万元，超过预算 200万元');
    expect(!r.ok && messageOf(r.issues[0]!).en).toBe('The chosen projects cost ¥2,000,000.01 in total, more than the budget of ¥2,000,000');
  });

  it('refuses a basket below the minimum share, with the amount needed', () => {
    const r = checkBallot({ method: 'basket', minShare: { num: 1, den: 4 } }, PROJECTS, BUDGET, { projects: ['b'] });
    expect(codes(r)).toEqual(['projects:under_min_share']);
    expect(!r.ok && messageOf(r.issues[0]!)['zh-CN']).toBe('所选项目合计 45万元，未达到预算的 1/4（50万元）');
    expect(checkBallot({ method: 'basket', minShare: { num: 1, den: 4 } }, PROJECTS, BUDGET, { projects: ['b', 'e'] }).ok).toBe(true);
  });

  it('rounds the minimum share up to a whole fen, exactly', () => {
    expect(minShareFen(100, { num: 1, den: 3 })).toBe(34);
    expect(minShareFen(99, { num: 1, den: 3 })).toBe(33);
    expect(minShareFen(Number.MAX_SAFE_INTEGER, { num: 1, den: 2 })).toBe(4503599627370496);
    expect(minShareFen(Number.MAX_SAFE_INTEGER, { num: 2, den: 3 })).toBe(Number((BigInt(Number.MAX_SAFE_INTEGER) * 2n + 2n) / 3n));
    // Against exact BigInt arithmetic on awkward fractions and large budgets.
    for (const [b, num, den] of [[9_007_199_254_740_990, 6, 7], [123_456_789_012_345, 99, 100], [7, 1, 3], [0, 1, 4], [200_000_000, 1, 4]] as const) {
      expect(minShareFen(b, { num, den })).toBe(Number((BigInt(b) * BigInt(num) + BigInt(den) - 1n) / BigInt(den)));
    }
  });
});

describe('points ballots', () => {
  it('accepts points within the total and the per-project maximum, dropping zeros', () => {
    const r = checkBallot(points, PROJECTS, BUDGET, { points: { b: 4, a: 4, c: 2, d: 0 } });
    expect(r).toMatchObject({ ok: true, content: '{"a":4,"b":4,"c":2}' });
  });

  it('refuses more than the per-project maximum on that project', () => {
    const r = checkBallot(points, PROJECTS, BUDGET, { points: { a: 5, b: 1 } });
    expect(codes(r)).toEqual(['points.a:over_max_per_project']);
    expect(!r.ok && messageOf(r.issues[0]!)['zh-CN']).toBe('每个项目最多 4 分（此项填了 5 分）');
  });

  it('refuses more points than the voter has', () => {
    const r = checkBallot(points, PROJECTS, BUDGET, { points: { a: 4, b: 4, c: 3 } });
    expect(codes(r)).toEqual(['points:over_total_points']);
    expect(!r.ok && messageOf(r.issues[0]!)['zh-CN']).toBe('共可分配 10 分，您分配了 11 分');
  });

  it('refuses negative and fractional points, and an all-zero ballot', () => {
    expect(codes(checkBallot(points, PROJECTS, BUDGET, { points: { a: -1, b: 1.5, c: Number.NaN } }))).toEqual([
      'points.a:points_not_integer',
      'points.b:points_not_integer',
      'points.c:points_not_integer',
    ]);
    expect(codes(checkBallot(points, PROJECTS, BUDGET, { points: { a: 0 } }))).toEqual(['points:empty_ballot']);
  });

  it('refuses ticked projects in a points vote', () => {
    expect(codes(checkBallot(points, PROJECTS, BUDGET, { projects: ['a'], points: { a: 1 } }))).toEqual(['projects:wrong_shape']);
  });
});

describe('canonical content', () => {
  it('equal choices serialise to equal strings whatever the order', () => {
    expect(serializeBallot({ method: 'approval', projects: ['b', 'a', 'b'] })).toBe(serializeBallot({ method: 'approval', projects: ['a', 'b'] }));
    expect(serializeBallot({ method: 'points', points: { b: 1, a: 2, c: 0 } })).toBe('{"a":2,"b":1}');
  });

  it('reads stored content back to the same ballot', () => {
    for (const b of [{ method: 'basket' as const, projects: ['a', 'c'] }, { method: 'points' as const, points: { a: 2, b: 1 } }]) {
      expect(parseBallotContent(b.method, serializeBallot(b))).toEqual(b);
    }
    expect(() => parseBallotContent('approval', '{"a":1}')).toThrow();
  });

  it('totals ignore unknown projects, for the live counter', () => {
    expect(ballotTotals(PROJECTS, { projects: ['a', 'a', 'zz'] })).toEqual({ chosen: 2, costFen: 80 * WAN, pointsUsed: 0 });
  });
});

describe('rule descriptions', () => {
  it('name the rule in both languages', () => {
    expect(describeVoteRule({ method: 'approval', maxChoices: 5 }, BUDGET)['zh-CN']).toBe('勾选您支持的项目，最多选择 5 个项目。');
    expect(describeVoteRule({ method: 'basket', minShare: { num: 1, den: 2 } }, BUDGET).en).toBe(
      'Fill a basket: the chosen projects together may cost at most the budget of ¥2,000,000, and at least half of it (¥1,000,000).',
    );
  });
});

describe('ballot rules at their edges', () => {
  it('refuses every ballot for a vote method it does not know', () => {
    expect(codes(checkBallot({ method: 'lottery' as 'none' }, PROJECTS, BUDGET, { projects: ['a'] }))).toEqual(['_:no_vote']);
  });

  it('takes an empty list of ticks in a points vote, and empty points in an approval vote, as no ticks and no points', () => {
    expect(checkBallot(points, PROJECTS, BUDGET, { projects: [], points: { a: 1 } }).ok).toBe(true);
    expect(checkBallot(approval, PROJECTS, BUDGET, { projects: ['a'], points: {} }).ok).toBe(true);
  });

  it('refuses points for a project that is not on the ballot', () => {
    expect(codes(checkBallot(points, PROJECTS, BUDGET, { points: { a: 1, zz: 1 } }))).toEqual(['points.zz:not_on_ballot']);
  });

  it('keeps no zero in the ballot it accepts', () => {
    const r = checkBallot(points, PROJECTS, BUDGET, { points: { b: 4, a: 0 } });
    expect(r.ok && r.ballot).toEqual({ method: 'points', points: { b: 4 } });
  });

  it('lets an approval ballot choose more than the budget: only a basket must fit it', () => {
    expect(checkBallot(approval, PROJECTS, 100 * WAN, { projects: ['a', 'b', 'c'] }).ok).toBe(true);
  });

  it('accepts a basket exactly at the minimum share, and calls an empty one empty', () => {
    const quarter: VoteSettings = { method: 'basket', minShare: { num: 1, den: 4 } };
    // 38 + 12 = 50 万, a quarter of 200 万
    expect(checkBallot(quarter, PROJECTS, BUDGET, { projects: ['c', 'f'] }).ok).toBe(true);
    expect(codes(checkBallot(quarter, PROJECTS, BUDGET, { projects: [] }))).toEqual(['projects:empty_ballot']);
  });

  it('counts nothing on a ballot with nothing chosen', () => {
    expect(ballotTotals(PROJECTS, {})).toEqual({ chosen: 0, costFen: 0, pointsUsed: 0 });
  });

  it('totals only whole positive points for projects on the ballot', () => {
    expect(ballotTotals(PROJECTS, { points: { a: 3, zz: 5, b: 1.5, c: -2, d: 0, e: 2 } })).toEqual({ chosen: 2, costFen: 0, pointsUsed: 5 });
  });
});

describe('stored ballot content that is not canonical', () => {
  it('refuses points content that is not an object of whole non-negative numbers', () => {
    for (const content of ['null', '5', '[1]']) expect(() => parseBallotContent('points', content), content).toThrow('points ballot content must be an object');
    expect(() => parseBallotContent('points', '{"a":-1}')).toThrow('bad points for a');
    expect(() => parseBallotContent('points', '{"b":1.5}')).toThrow('bad points for b');
    expect(() => parseBallotContent('points', '{"c":"3"}')).toThrow('bad points for c');
    expect(parseBallotContent('points', '{"a":0}')).toEqual({ method: 'points', points: { a: 0 } });
  });

  it('refuses approval content that is not a list of ids', () => {
    for (const content of ['{"a":1}', '[1]', '["a",1]']) expect(() => parseBallotContent('approval', content), content).toThrow('ballot content must be an array of ids');
  });
});

describe('ballotProjectIds', () => {
  it('names the projects a ballot supports: those ticked, or those given points', () => {
    expect(ballotProjectIds({ method: 'approval', projects: ['a', 'c'] })).toEqual(['a', 'c']);
    expect(ballotProjectIds({ method: 'points', points: { a: 2, b: 0, c: 1 } })).toEqual(['a', 'c']);
  });
});
