import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULEBOOK_SETTINGS,
  checkCap,
  checkNegativeList,
  likelyDuplicates,
  minimumPresent,
  minimumVotesFor,
  motionPasses,
  quorumMet,
  sameAddress,
  titleSimilarity,
  validateRulebook,
  resultRuleOfPabulib,
  screeningMode,
  voteHeld,
  voteMode,
} from './rulebook.ts';
import type { Rulebook } from './rulebook.ts';

const rulebook = (overrides: Partial<Rulebook> = {}): Rulebook => ({
  districtId: 'd1',
  year: 2026,
  version: 1,
  ...structuredClone(DEFAULT_RULEBOOK_SETTINGS),
  ...overrides,
});

describe('the default rulebook', () => {
  it('is sound', () => {
    expect(validateRulebook(rulebook())).toEqual([]);
  });

  it('caps engineering at 100万 and goods and services at 50万 each, with a 200万 budget', () => {
    const caps = Object.fromEntries(DEFAULT_RULEBOOK_SETTINGS.categories.map((c) => [c.name.zh, c.capFen]));
    expect(caps).toEqual({ 工程类: 100_000_000, 货物类: 50_000_000, 服务类: 50_000_000 });
    expect(DEFAULT_RULEBOOK_SETTINGS.communityBudgetFen).toBe(200_000_000);
  });

  it('needs more than two thirds present, more than half voting for, and five days of notice', () => {
    expect(DEFAULT_RULEBOOK_SETTINGS.quorum).toEqual({ num: 2, den: 3, strict: true });
    expect(DEFAULT_RULEBOOK_SETTINGS.passThreshold).toEqual({ num: 1, den: 2 });
    expect(DEFAULT_RULEBOOK_SETTINGS.noticeDays).toBe(5);
    expect(DEFAULT_RULEBOOK_SETTINGS.vote).toEqual({ method: 'approval', maxChoices: 5 });
    expect(DEFAULT_RULEBOOK_SETTINGS.resultRule).toBe('greedy');
  });

  it('has the six usual themes', () => {
    expect(DEFAULT_RULEBOOK_SETTINGS.themes.map((t) => t.name.zh)).toEqual([
      '消除安全隐患',
      '社区环境整治',
      '文化体育娱乐',
      '居民生活关爱',
      '便民利民',
      '公共设施',
    ]);
  });
});

describe('validateRulebook', () => {
  it('names every broken field', () => {
    const bad = rulebook({
      districtId: '',
      year: 1999,
      version: 0,
      communityBudgetFen: 1.5,
      categories: [
        { key: 'goods', name: { zh: '货物类', en: 'Goods' }, capFen: -1 },
        { key: 'goods', name: { zh: '', en: 'Goods again' }, capFen: 100 },
      ],
      quorum: { num: 3, den: 3, strict: true },
      passThreshold: { num: 1, den: 0 },
      noticeDays: 0,
      negativeList: [
        { term: '物业', rule: { zh: '不予立项', en: 'Not funded' } },
        { term: ' 物业 ', rule: { zh: '', en: 'Duplicate' } },
      ],
      vote: { method: 'points', points: 10, maxPerProject: 11 },
      resultRule: 'lottery' as Rulebook['resultRule'],
    });
    expect(validateRulebook(bad)).toEqual([
      { field: 'districtId', reason: 'required' },
      { field: 'year', reason: 'out_of_range' },
      { field: 'version', reason: 'not_positive_integer' },
      { field: 'communityBudgetFen', reason: 'not_positive_integer' },
      { field: 'categories[1].key', reason: 'duplicate' },
      { field: 'categories[1].name.zh', reason: 'required' },
      { field: 'categories[0].capFen', reason: 'not_positive_integer' },
      { field: 'quorum', reason: 'bad_fraction' },
      { field: 'passThreshold', reason: 'bad_fraction' },
      { field: 'noticeDays', reason: 'not_positive_integer' },
      { field: 'negativeList[1].term', reason: 'duplicate' },
      { field: 'negativeList[1].rule.zh', reason: 'required' },
      { field: 'vote.maxPerProject', reason: 'out_of_range' },
      { field: 'resultRule', reason: 'unknown_value' },
    ]);
  });

  it('flags a cap larger than the whole community budget', () => {
    const r = rulebook({ communityBudgetFen: 30_000_000 }); // 30万, as in 海口美兰
    expect(validateRulebook(r)).toEqual([
      { field: 'categories[0].capFen', reason: 'exceeds_budget' },
      { field: 'categories[1].capFen', reason: 'exceeds_budget' },
      { field: 'categories[2].capFen', reason: 'exceeds_budget' },
    ]);
  });

  it('needs maxChoices for an approval vote, and nothing for no vote', () => {
    expect(validateRulebook(rulebook({ vote: { method: 'approval' } }))).toEqual([
      { field: 'vote.maxChoices', reason: 'not_positive_integer' },
    ]);
    expect(validateRulebook(rulebook({ vote: { method: 'none' } }))).toEqual([]);
  });

  it('checks the basket vote’s minimum share is a proper fraction', () => {
    expect(validateRulebook(rulebook({ vote: { method: 'basket', minShare: { num: 1, den: 2 } } }))).toEqual([]);
    expect(validateRulebook(rulebook({ vote: { method: 'basket', minShare: { num: 5, den: 4 } } }))).toEqual([
      { field: 'vote.minShare', reason: 'bad_fraction' },
    ]);
  });

  it('refuses an unknown vote method', () => {
    expect(validateRulebook(rulebook({ vote: { method: 'lottery' as 'none' } }))).toEqual([
      { field: 'vote.method', reason: 'unknown_value' },
    ]);
  });
});

describe('checkCap', () => {
  const r = rulebook();

  it('allows a cost exactly at the cap', () => {
    expect(checkCap(r, 'engineering', 100_000_000)).toBeNull();
  });

  it('refuses one fen over the cap and says what the cap is', () => {
    expect(checkCap(r, 'engineering', 100_000_001)).toEqual({ reason: 'over_cap', capFen: 100_000_000 });
    expect(checkCap(r, 'services', 50_000_001)).toEqual({ reason: 'over_cap', capFen: 50_000_000 });
  });

  it('allows 48万 of goods', () => {
    expect(checkCap(r, 'goods', 48_000_000)).toBeNull();
  });

  it('refuses a category the rulebook does not have', () => {
    expect(checkCap(r, 'weapons', 1)).toEqual({ reason: 'unknown_category', capFen: null });
  });

  it('treats a fractional or negative cost as a programming error', () => {
    expect(() => checkCap(r, 'goods', 1.5)).toThrow(RangeError);
    expect(() => checkCap(r, 'goods', -1)).toThrow(RangeError);
  });
});

describe('checkNegativeList', () => {
  const r = rulebook();

  it('finds a term inside Chinese text', () => {
    const hits = checkNegativeList(r, '请物业公司修补小区内电梯');
    expect(hits.map((h) => h.term)).toEqual(['物业']);
    expect(hits[0]!.rule.en).toMatch(/property-management/);
  });

  it('finds several terms at once', () => {
    expect(checkNegativeList(r, '春节给长者发放现金和购物卡').map((h) => h.term)).toEqual(['现金', '购物卡']);
  });

  it('finds nothing in an ordinary proposal', () => {
    expect(checkNegativeList(r, '老旧小区加装监控摄像头')).toEqual([]);
  });

  it('matches Latin terms regardless of case and width', () => {
    const withLatin = rulebook({
      negativeList: [{ term: 'WiFi', rule: { zh: '由运营商负责', en: 'Carriers provide this' } }],
    });
    expect(checkNegativeList(withLatin, '公园免费wifi覆盖')).toHaveLength(1);
    expect(checkNegativeList(withLatin, '公园免费ＷＩＦＩ覆盖')).toHaveLength(1);
  });
});

describe('quorumMet (more than two thirds of all members)', () => {
  const r = rulebook();

  it.each([
    [9, 6, false], // exactly two thirds is not more than two thirds
    [9, 7, true],
    [9, 9, true],
    [10, 6, false],
    [10, 7, true],
    [3, 2, false],
    [3, 3, true],
    [1, 1, true],
    [1, 0, false],
    [0, 0, false],
  ])('%i members, %i present → %s', (total, present, expected) => {
    expect(quorumMet(r, total, present)).toBe(expected);
  });

  it('agrees with minimumPresent for every council size up to 60', () => {
    for (let total = 1; total <= 60; total++) {
      const min = minimumPresent(r, total);
      expect(quorumMet(r, total, min), `total ${total}`).toBe(true);
      expect(quorumMet(r, total, min - 1), `total ${total}`).toBe(false);
    }
    expect(minimumPresent(r, 9)).toBe(7);
  });

  it('refuses impossible counts', () => {
    expect(() => quorumMet(r, 9, 10)).toThrow(RangeError);
    expect(() => quorumMet(r, 9, -1)).toThrow(RangeError);
    expect(() => quorumMet(r, 9.5, 7)).toThrow(RangeError);
  });
});

describe('motionPasses (more than half of members present)', () => {
  const r = rulebook();

  it.each([
    [7, 4, true],
    [7, 3, false],
    [6, 3, false], // exactly half is not more than half
    [6, 4, true],
    [1, 1, true],
    [1, 0, false],
    [0, 0, false],
  ])('%i present, %i for → %s', (present, votesFor, expected) => {
    expect(motionPasses(r, present, votesFor)).toBe(expected);
  });

  it('agrees with minimumVotesFor for every attendance up to 60', () => {
    for (let present = 1; present <= 60; present++) {
      const min = minimumVotesFor(r, present);
      expect(motionPasses(r, present, min)).toBe(true);
      expect(motionPasses(r, present, min - 1)).toBe(false);
    }
  });

  it('uses the rulebook’s own threshold', () => {
    const twoThirds = rulebook({ passThreshold: { num: 2, den: 3 } });
    expect(motionPasses(twoThirds, 9, 6)).toBe(false);
    expect(motionPasses(twoThirds, 9, 7)).toBe(true);
  });

  it('refuses more votes for than members present', () => {
    expect(() => motionPasses(r, 5, 6)).toThrow(RangeError);
  });
});

describe('likelyDuplicates', () => {
  const existing = [
    { id: 'p1', title: '加装楼道照明灯', address: '桃源村12栋' },
    { id: 'p2', title: '长者助餐服务', address: '社区党群服务中心' },
    { id: 'p3', title: '楼道照明改造', address: '桃源村12栋东侧' },
    { id: 'p4', title: '中秋邻里节活动', address: '莲塘社区广场' },
  ];

  it('finds the same idea worded differently', () => {
    const matches = likelyDuplicates({ title: '楼道照明灯加装', address: '桃源村8栋' }, existing);
    expect(matches.map((m) => m.id)).toEqual(['p1']);
    expect(matches[0]!.score).toBeCloseTo(5 / 7);
    expect(matches[0]!.sameAddress).toBe(false);
  });

  it('accepts a looser title match at the same place', () => {
    const matches = likelyDuplicates({ title: '楼道照明灯加装', address: '桃源村 12 栋' }, existing);
    expect(matches.map((m) => [m.id, m.sameAddress])).toEqual([
      ['p1', true],
      ['p3', true],
    ]);
  });

  it('does not flag unrelated projects', () => {
    expect(likelyDuplicates({ title: '儿童“一米书桌”', address: '海湾社区' }, existing)).toEqual([]);
  });

  it('ignores words every title shares, such as 项目 and 社区', () => {
    expect(titleSimilarity('社区长者助餐项目', '长者助餐服务')).toBe(1);
    expect(titleSimilarity('社区消防项目', '社区绿化项目')).toBe(0);
  });

  it('compares addresses by containment, not by any shared character', () => {
    expect(sameAddress('桃源村12栋', '桃源村12栋东侧')).toBe(true);
    expect(sameAddress('桃源村12栋', '桃源村13栋')).toBe(false);
    expect(sameAddress('', '')).toBe(false);
  });
});

describe('rulebook options from real practice: screening and what the vote decides', () => {
  it('reads a rulebook without the settings as today: screening after collection, a binding vote', () => {
    const old = rulebook();
    expect(old.screening).toBeUndefined();
    expect(old.vote.effect).toBeUndefined();
    expect(screeningMode(old)).toBe('after_collection');
    expect(voteMode(old)).toBe('binding');
    expect(voteMode(rulebook({ vote: { method: 'none' } }))).toBe('none');
    expect(validateRulebook(old)).toEqual([]);
  });

  it('accepts rolling screening and an advisory vote', () => {
    const r = rulebook({ screening: 'rolling', vote: { method: 'approval', maxChoices: 5, effect: 'advisory' } });
    expect(validateRulebook(r)).toEqual([]);
    expect([screeningMode(r), voteMode(r)]).toEqual(['rolling', 'advisory']);
  });

  it('names unknown values, and an advisory vote that is not held', () => {
    const bad = rulebook({ screening: 'weekly' as never, vote: { method: 'approval', maxChoices: 5, effect: 'maybe' as never } });
    expect(validateRulebook(bad)).toEqual([
      { field: 'vote.effect', reason: 'unknown_value' },
      { field: 'screening', reason: 'unknown_value' },
    ]);
    expect(validateRulebook(rulebook({ vote: { method: 'none', effect: 'advisory' } }))).toEqual([{ field: 'vote.effect', reason: 'out_of_range' }]);
  });
});

describe('resultRuleOfPabulib', () => {
  it('reads pabulib’s rule names and this site’s own, around spaces', () => {
    expect(resultRuleOfPabulib('greedy')).toBe('greedy');
    expect(resultRuleOfPabulib('equalshares/add1')).toBe('mes-add1');
    expect(resultRuleOfPabulib(' mes-add1 ')).toBe('mes-add1');
  });

  it('names no rule for another rule or none', () => {
    expect(resultRuleOfPabulib('equalshares')).toBeNull();
    expect(resultRuleOfPabulib('')).toBeNull();
    expect(resultRuleOfPabulib(undefined)).toBeNull();
  });
});

describe('validateRulebook, field by field', () => {
  const issues = (overrides: Partial<Rulebook>) => validateRulebook(rulebook(overrides));

  it('needs a district that is more than spaces', () => {
    expect(issues({ districtId: '   ' })).toEqual([{ field: 'districtId', reason: 'required' }]);
  });

  it('needs a whole year from 2000 to 2100', () => {
    expect(issues({ year: 2026.5 })).toEqual([{ field: 'year', reason: 'required' }]);
    expect(issues({ year: 2000 })).toEqual([]);
    expect(issues({ year: 2100 })).toEqual([]);
    expect(issues({ year: 2101 })).toEqual([{ field: 'year', reason: 'out_of_range' }]);
  });

  it('needs at least one category, and names a missing list once', () => {
    expect(issues({ categories: [] })).toEqual([{ field: 'categories', reason: 'required' }]);
    expect(issues({ categories: undefined as never })).toEqual([{ field: 'categories', reason: 'required' }]);
  });

  it('names every field of an empty category entry', () => {
    expect(issues({ categories: [null as never] })).toEqual([
      { field: 'categories[0].key', reason: 'required' },
      { field: 'categories[0].name.zh', reason: 'required' },
      { field: 'categories[0].name.en', reason: 'required' },
      { field: 'categories[0].capFen', reason: 'not_positive_integer' },
    ]);
  });

  it('needs both names of a category, even when the name is missing altogether', () => {
    expect(issues({ categories: [{ key: 'goods', capFen: 100, name: { zh: '货物类', en: ' ' } }] })).toEqual([
      { field: 'categories[0].name.en', reason: 'required' },
    ]);
    expect(issues({ categories: [{ key: 'goods', capFen: 100 } as never] })).toEqual([
      { field: 'categories[0].name.zh', reason: 'required' },
      { field: 'categories[0].name.en', reason: 'required' },
    ]);
  });

  it('allows a cap equal to the whole budget', () => {
    expect(issues({ communityBudgetFen: 100_000_000 })).toEqual([]);
  });

  it('checks the themes as it checks the categories', () => {
    expect(issues({ themes: undefined as never })).toEqual([{ field: 'themes', reason: 'required' }]);
    expect(issues({ themes: [{ key: '', name: { zh: '公共设施', en: 'Public facilities' } }] })).toEqual([{ field: 'themes[0].key', reason: 'required' }]);
  });

  it('needs the quorum to be strict, and both fractions to be there', () => {
    expect(issues({ quorum: { num: 2, den: 3, strict: false as true } })).toEqual([{ field: 'quorum.strict', reason: 'unknown_value' }]);
    expect(issues({ quorum: undefined as never })).toEqual([{ field: 'quorum', reason: 'required' }]);
    expect(issues({ passThreshold: undefined as never })).toEqual([{ field: 'passThreshold', reason: 'required' }]);
  });

  it('takes a zero share as a proper fraction, and refuses a negative or fractional numerator', () => {
    expect(issues({ passThreshold: { num: 0, den: 2 } })).toEqual([]);
    expect(issues({ passThreshold: { num: -1, den: 2 } })).toEqual([{ field: 'passThreshold', reason: 'bad_fraction' }]);
    expect(issues({ passThreshold: { num: 0.5, den: 2 } })).toEqual([{ field: 'passThreshold', reason: 'bad_fraction' }]);
    expect(issues({ passThreshold: { num: 1, den: 2.5 } })).toEqual([{ field: 'passThreshold', reason: 'bad_fraction' }]);
  });

  it('allows up to ninety days of notice', () => {
    expect(issues({ noticeDays: 90 })).toEqual([]);
    expect(issues({ noticeDays: 91 })).toEqual([{ field: 'noticeDays', reason: 'out_of_range' }]);
  });

  it('needs a negative list, and a term and both rule texts in each entry', () => {
    expect(issues({ negativeList: undefined as never })).toEqual([{ field: 'negativeList', reason: 'required' }]);
    expect(issues({ negativeList: [null as never] })).toEqual([
      { field: 'negativeList[0].term', reason: 'required' },
      { field: 'negativeList[0].rule.zh', reason: 'required' },
      { field: 'negativeList[0].rule.en', reason: 'required' },
    ]);
    expect(issues({ negativeList: [{ term: '物业' } as never] })).toEqual([
      { field: 'negativeList[0].rule.zh', reason: 'required' },
      { field: 'negativeList[0].rule.en', reason: 'required' },
    ]);
    expect(issues({ negativeList: [{ term: '物业', rule: { zh: '不予立项', en: '' } }] })).toEqual([{ field: 'negativeList[0].rule.en', reason: 'required' }]);
  });

  it('checks a points vote: whole points, and a per-project limit no larger than them when there is one', () => {
    expect(issues({ vote: { method: 'points', points: 10 } })).toEqual([]);
    expect(issues({ vote: { method: 'points', points: 10, maxPerProject: 3 } })).toEqual([]);
    expect(issues({ vote: { method: 'points', points: 10, maxPerProject: 10 } })).toEqual([]);
    expect(issues({ vote: { method: 'points', points: 0, maxPerProject: 3 } })).toEqual([{ field: 'vote.points', reason: 'not_positive_integer' }]);
    expect(issues({ vote: { method: 'points', points: 10, maxPerProject: 0 } })).toEqual([{ field: 'vote.maxPerProject', reason: 'not_positive_integer' }]);
  });

  it('knows where a vote may be held', () => {
    expect(issues({ vote: { method: 'approval', maxChoices: 5, held: 'elsewhere' } })).toEqual([]);
    expect(issues({ vote: { method: 'approval', maxChoices: 5, held: 'online' as never } })).toEqual([{ field: 'vote.held', reason: 'unknown_value' }]);
  });
});

describe('rulebook checks at their edges', () => {
  it('allows a project that costs nothing, and says which cost it refused', () => {
    expect(checkCap(rulebook(), 'goods', 0)).toBeNull();
    expect(() => checkCap(rulebook(), 'goods', -1)).toThrow('checkCap: cost -1 is not a non-negative whole number of fen');
  });

  it('never flags a blank term of the negative list', () => {
    const blank = rulebook({ negativeList: [{ term: ' ', rule: { zh: '空', en: 'Blank' } }] });
    expect(checkNegativeList(blank, '老旧小区加装监控摄像头')).toEqual([]);
  });

  it('names the count that is wrong', () => {
    const r = rulebook();
    expect(() => quorumMet(r, -1, 0)).toThrow('membersTotal must be a whole number ≥ 0, got -1');
    expect(() => quorumMet(r, 9, -1)).toThrow('present must be a whole number ≥ 0, got -1');
    expect(() => quorumMet(r, 9, 10)).toThrow('present cannot exceed membersTotal');
    expect(() => motionPasses(r, -1, 0)).toThrow('present must be a whole number ≥ 0, got -1');
    expect(() => motionPasses(r, 5, 0.5)).toThrow('votesFor must be a whole number ≥ 0, got 0.5');
    expect(() => motionPasses(r, 5, 6)).toThrow('votesFor cannot exceed present');
    expect(() => minimumPresent(r, -1)).toThrow('membersTotal must be a whole number ≥ 0, got -1');
    expect(() => minimumVotesFor(r, -1)).toThrow('present must be a whole number ≥ 0, got -1');
  });

  it('finds no quorum and no majority among nobody, whatever the shares', () => {
    const none = rulebook({ quorum: { num: 0, den: 3, strict: true }, passThreshold: { num: 0, den: 2 } });
    expect(quorumMet(none, 0, 0)).toBe(false);
    expect(motionPasses(none, 0, 0)).toBe(false);
    expect(quorumMet(none, 3, 1)).toBe(true);
    expect(motionPasses(none, 3, 1)).toBe(true);
  });
});

describe('title similarity and addresses at their edges', () => {
  it('compares one-character titles by that character, and two-character titles by their order', () => {
    expect(titleSimilarity('灯', '灯')).toBe(1);
    expect(titleSimilarity('路灯', '灯路')).toBe(0);
    expect(titleSimilarity('路灯', '路灯')).toBe(1);
  });

  it('leaves punctuation out of titles and addresses', () => {
    expect(titleSimilarity('路灯！', '路灯')).toBe(1);
    expect(sameAddress('12栋。', '12栋')).toBe(true);
  });

  it('scores titles of nothing but common words 0, not NaN', () => {
    expect(titleSimilarity('社区项目', '小区工程')).toBe(0);
    expect(titleSimilarity('社区项目', '路灯')).toBe(0);
  });

  it('takes equal addresses as one place however short, and a blank one as none', () => {
    expect(sameAddress('12栋', '12 栋')).toBe(true);
    expect(sameAddress('', '桃源村12栋')).toBe(false);
    expect(sameAddress('  ', '，')).toBe(false);
  });

  it('finds the shorter address inside the longer, whichever comes first, from four characters up', () => {
    expect(sameAddress('桃源村12栋东侧', '桃源村12栋')).toBe(true);
    expect(sameAddress('村12栋', '桃源村12栋')).toBe(true);
    expect(sameAddress('12栋', '桃源村12栋')).toBe(false);
  });
});

describe('likelyDuplicates at the thresholds', () => {
  // Bigrams: abcde → ab bc cd de; abcdx → ab bc cd dx: 3 shared of 5, exactly 0.6.
  it('flags a title exactly at the threshold anywhere', () => {
    expect(titleSimilarity('abcde', 'abcdx')).toBe(0.6);
    expect(likelyDuplicates({ title: 'abcde', address: '莲塘' }, [{ id: 'p1', title: 'abcdx', address: '桃源村12栋' }])).toEqual([
      { id: 'p1', score: 0.6, sameAddress: false },
    ]);
  });

  // abcdefg → 6 bigrams, abcdxyzu → 7, 3 shared: 3 of 10.
  it('flags a title exactly at the lower threshold at the same address, and nothing below it', () => {
    expect(titleSimilarity('abcdefg', 'abcdxyzu')).toBe(0.3);
    const here = { address: '桃源村12栋' };
    expect(likelyDuplicates({ title: 'abcdefg', ...here }, [{ id: 'p1', title: 'abcdxyzu', ...here }])).toEqual([{ id: 'p1', score: 0.3, sameAddress: true }]);
    expect(likelyDuplicates({ title: 'abcdefg', ...here }, [{ id: 'p2', title: 'abcxyzuv', ...here }])).toEqual([]);
  });

  it('lists the most similar first, and equal scores by id', () => {
    const candidate = { title: 'abcde', address: '莲塘' };
    const elsewhere = { address: '桃源村12栋' };
    const matches = likelyDuplicates(candidate, [
      { id: 'c', title: 'abcdx', ...elsewhere },
      { id: 'b', title: 'abcde', ...elsewhere },
      { id: 'a', title: 'abcde', ...elsewhere },
    ]);
    expect(matches.map((m) => [m.id, m.score])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 0.6],
    ]);
  });
});

describe('voteHeld', () => {
  it('holds the vote here unless the rulebook says elsewhere', () => {
    expect(voteHeld({ held: 'elsewhere' })).toBe('elsewhere');
    expect(voteHeld({ held: 'here' })).toBe('here');
    expect(voteHeld({})).toBe('here');
  });
});
