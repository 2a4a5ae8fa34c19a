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
  screeningMode,
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
