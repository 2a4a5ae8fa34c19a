import { describe, expect, it } from 'vitest';
import { MAX_FEN, fenToYuanInput, formatFen, parseYuan, wanToFen, yuanToFen } from './money.ts';

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

describe('formatFen', () => {
  it.each([
    [48_000_000, '48万元'],
    [200_000_000, '200万元'],
    [48_500_000, '¥485,000'],
    [123_450, '¥1,234.50'],
    [123_400, '¥1,234'],
    [1, '¥0.01'],
    [0, '¥0'],
    [-48_000_000, '-48万元'],
    [-123_405, '-¥1,234.05'],
  ])('shows %i fen in Chinese as %s', (fen, text) => {
    expect(formatFen(fen, 'zh-CN')).toBe(text);
  });

  it.each([
    [48_000_000, '¥480,000'],
    [123_450, '¥1,234.50'],
    [5, '¥0.05'],
    [100_000_000_000, '¥1,000,000,000'],
    [-100, '-¥1'],
  ])('shows %i fen in English as %s', (fen, text) => {
    expect(formatFen(fen, 'en')).toBe(text);
  });

  it('refuses anything that is not a whole number of fen', () => {
    expect(() => formatFen(1.5, 'en')).toThrow(RangeError);
    expect(() => formatFen(Number.NaN, 'zh-CN')).toThrow(RangeError);
    expect(() => formatFen(2 ** 53, 'en')).toThrow(RangeError);
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
    for (const fen of [1, 123_450, 48_000_000, 200_000_000]) {
      expect(parseYuan(formatFen(fen, 'zh-CN'))).toEqual({ ok: true, fen });
    }
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
