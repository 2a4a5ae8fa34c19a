import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_FEN, MAX_TYPED_FEN, TYPED_YUAN, fenToYuanInput, formatFen, formatWan, formatYuan, parseTypedYuan, parseYuan, wanToFen, yuanToFen } from '#messages/money.ts';

describe('parseYuan', () => {
  it.each([
    ['480000', 48_000_000],
    ['0', 0],
    ['1234.5', 123_450],
    ['1234.50', 123_450],
    ['0.01', 1],
    ['1,234.50', 123_450],
    ['1,234,567', 123_456_700],
    ['¥480,000', 48_000_000],
    ['￥480000', 48_000_000],
    ['480000元', 48_000_000],
    ['  480000  ', 48_000_000],
    ['48万', 48_000_000],
    ['48万元', 48_000_000],
    ['¥48.5万', 48_500_000],
    ['1.234567万', 1_234_567],
    ['200 万元', 200_000_000],
    ['４８万', 48_000_000], // full-width digits from a Chinese keyboard
    ['１，２３４．５０', 123_450],
  ])('reads %s as %i fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, fen });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not_a_number'],
    ['¥', 'not_a_number'],
    ['万', 'not_a_number'],
    ['1,23', 'not_a_number'], // a misplaced thousands separator is a typo, not 123
    ['12,3456', 'not_a_number'],
    ['.5', 'not_a_number'],
    ['5.', 'not_a_number'],
    ['1e5', 'not_a_number'],
    ['0x10', 'not_a_number'],
    ['1 234', 'not_a_number'],
    ['48万万', 'not_a_number'],
    ['1.234', 'too_many_decimals'],
    ['0.001', 'too_many_decimals'],
    ['1.2345678万', 'too_many_decimals'],
    ['-5', 'negative'],
    ['-¥5', 'negative'],
    ['¥-5', 'negative'],
    ['-48万', 'negative'],
    ['-abc', 'not_a_number'],
    ['90071992547410', 'too_large'], // one yuan over MAX_SAFE_INTEGER fen
    ['99999999999999999999', 'too_large'],
  ])('refuses %j with %s', (input, reason) => {
    expect(parseYuan(input)).toEqual({ ok: false, reason });
  });

  it('reads the largest exact amount', () => {
    expect(parseYuan('90071992547409.91')).toEqual({ ok: true, fen: MAX_FEN });
  });
});

describe('an amount as a person types it', () => {
  it('is of one form, TYPED_YUAN (the API document\'s pattern): parseTypedYuan reads every text of that form, as parseYuan does', () => {
    const typed = new RegExp(TYPED_YUAN);
    fc.assert(
      fc.property(fc.stringMatching(typed), (text) => {
        const r = parseTypedYuan(text);
        expect(r, text).toEqual(parseYuan(text));
        expect(r.ok && r.fen <= MAX_TYPED_FEN, text).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const text of ['480000', '¥ 35,000 元', '48.5万', '200 万元', '４８万', '１，２３４．５０', '9999999999999.99', '999999999万']) expect(parseTypedYuan(text).ok, text).toBe(true);
  });

  it('and nothing else: what only NFKC folds into digits, zeros grouped in front, 10,000,000,000,000 yuan and more', () => {
    expect(parseTypedYuan('①②③')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseTypedYuan('0,001')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseTypedYuan('10000000000000')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseTypedYuan('1000000000万')).toEqual({ ok: false, reason: 'too_large' });
    // Why it is refused is parseYuan's own answer where it has one.
    expect(parseTypedYuan('-5')).toEqual({ ok: false, reason: 'negative' });
    expect(parseTypedYuan('1.234')).toEqual({ ok: false, reason: 'too_many_decimals' });
  });
});

describe('formatFen', () => {
  it.each([
    [48_000_000, '48万元'],
    [200_000_000, '200万元'],
    [48_500_000, '48.5万元'],
    [3_500_000, '3.5万元'],
    [8_280_000, '8.28万元'],
    [1_000_000, '1万元'],
    [1_234_567, '1.234567万元'], // exact: every fen is shown
    [2_000_000_000, '2,000万元'],
    [123_450, '1,234.5元'],
    [123_456, '1,234.56元'],
    [123_400, '1,234元'],
    [999_999, '9,999.99元'],
    [80_000, '800元'],
    [1, '0.01元'],
    [0, '0元'],
    [-48_000_000, '-48万元'],
    [-123_405, '-1,234.05元'],
  ])('shows %i fen in Chinese as %s', (fen, text) => {
    expect(formatFen(fen, 'zh-CN')).toBe(text);
  });

  it.each([
    [48_000_000, '¥480,000'],
    [3_500_000, '¥35,000'],
    [123_450, '¥1,234.50'],
    [5, '¥0.05'],
    [0, '¥0'],
    [100_000_000_000, '¥1,000,000,000'],
    [-100, '-¥1'],
  ])('shows %i fen in English as %s', (fen, text) => {
    expect(formatFen(fen, 'en')).toBe(text);
  });

  it('writes every Chinese amount one way: 万元 from 1万 up, 元 below, never ¥', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), (fen) => {
        const text = formatFen(fen, 'zh-CN');
        expect(text).toMatch(fen >= 1_000_000 ? /^\d{1,3}(,\d{3})*(\.\d{1,6})?万元$/ : /^\d{1,3}(,\d{3})*(\.\d{1,2})?元$/);
        expect(text).not.toMatch(/0万元$|\.\d*0(万元|元)$/); // no trailing zeros after the point
      }),
    );
  });

  it('refuses anything that is not a whole number of fen', () => {
    expect(() => formatFen(1.5, 'en')).toThrow(RangeError);
    expect(() => formatFen(Number.NaN, 'zh-CN')).toThrow(RangeError);
    expect(() => formatFen(2 ** 53, 'en')).toThrow(RangeError);
  });
});

describe('the number part, for tables and sentences that write the unit themselves', () => {
  it('formatWan is the number formatFen writes before 万元, exact by default', () => {
    expect([formatWan(48_500_000), formatWan(1_234_567), formatWan(2_000_000_000), formatWan(3_500), formatWan(0)]).toEqual(['48.5', '1.234567', '2,000', '0.0035', '0']);
    for (const fen of [1_000_000, 48_500_000, 1_234_567, 987_654_321_000]) expect(`${formatWan(fen)}万元`).toBe(formatFen(fen, 'zh-CN'));
  });

  it('formatWan rounds half up to fewer places, exactly, and drops trailing zeros', () => {
    expect([formatWan(12_345_000, 2), formatWan(12_355_000, 2), formatWan(12_344_999, 2), formatWan(10_004_999, 2), formatWan(4_999, 2), formatWan(5_000, 2)]).toEqual(['12.35', '12.36', '12.34', '10', '0', '0.01']);
    expect(formatWan(MAX_FEN, 2)).toBe('9,007,199,254.74');
    expect(formatWan(-12_345_000, 2)).toBe('-12.35');
    expect(() => formatWan(100, 7)).toThrow(RangeError);
  });

  it('formatYuan is the number formatFen writes after ¥ in English', () => {
    for (const fen of [0, 5, 123_450, 3_500_000, MAX_FEN]) expect(`¥${formatYuan(fen)}`).toBe(formatFen(fen, 'en'));
  });
});

describe('round trips', () => {
  it('parses back what a form shows, for awkward amounts', () => {
    for (const fen of [0, 1, 10, 99, 100, 101, 123_450, 48_000_000, 48_500_001, MAX_FEN]) {
      const text = fenToYuanInput(fen);
      expect(parseYuan(text), text).toEqual({ ok: true, fen });
    }
    expect(fenToYuanInput(123_405)).toBe('1234.05');
    expect(fenToYuanInput(48_000_000)).toBe('480000');
  });

  it('parses back what the English formatter shows', () => {
    for (const fen of [1, 123_450, 48_000_000, 987_654_321]) {
      expect(parseYuan(formatFen(fen, 'en'))).toEqual({ ok: true, fen });
    }
  });

  it('parses back what the Chinese formatter shows', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_FEN }), (fen) => {
      expect(parseYuan(formatFen(fen, 'zh-CN'))).toEqual({ ok: true, fen });
    }));
  });
});

describe('unit helpers', () => {
  it('converts whole yuan and whole 万元 to fen', () => {
    expect(yuanToFen(480_000)).toBe(48_000_000);
    expect(wanToFen(100)).toBe(100_000_000);
  });

  it('refuses fractions and overflow', () => {
    expect(() => yuanToFen(0.1)).toThrow(RangeError);
    expect(() => wanToFen(1.5)).toThrow(RangeError);
    expect(() => wanToFen(10_000_000_000)).toThrow(RangeError);
  });
});

describe('money at its edges', () => {
  it('refuses an amount of MAX_TYPED_FEN written in characters only NFKC reads as digits, as not a number rather than too large', () => {
    expect(parseTypedYuan('\u{1D7D7}999999999999.99')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseTypedYuan('\u{1D7CF}0000000000000')).toEqual({ ok: false, reason: 'too_large' });
  });

  it('writes whole 万元 with no places, and refuses places that are not whole and from 0 to 6', () => {
    expect([formatWan(15_000_000, 0), formatWan(15_500_000, 0), formatWan(15_499_999, 0)]).toEqual(['15', '16', '15']);
    expect(() => formatWan(100, -1)).toThrow('money: -1 decimal places of ten thousand yuan');
    expect(() => formatWan(100, 1.5)).toThrow('money: 1.5 decimal places of ten thousand yuan');
  });

  it('writes an amount that rounds to nothing as 0, without a minus', () => {
    expect(formatWan(-1, 2)).toBe('0');
    expect(formatWan(-1)).toBe('-0.000001');
  });

  it('writes negative amounts with a minus', () => {
    expect(formatYuan(-123_456)).toBe('-1,234.56');
    expect(fenToYuanInput(-150)).toBe('-1.50');
  });

  it('refuses anything that is not a whole number of fen, saying which', () => {
    expect(() => formatWan(1.5)).toThrow('money: 1.5 is not a whole number of fen');
    expect(() => formatYuan(1.5)).toThrow('money: 1.5 is not a whole number of fen');
    expect(() => fenToYuanInput(1.5)).toThrow('money: 1.5 is not a whole number of fen');
    expect(() => yuanToFen(0.1)).toThrow('money: 0.1 is not a whole number of yuan');
    expect(() => yuanToFen(2 ** 50)).toThrow(`money: ${2 ** 50 * 100} is not a whole number of fen`);
    expect(() => wanToFen(1.5)).toThrow('money: 1.5 is not a whole number of ten thousand yuan');
  });
});
