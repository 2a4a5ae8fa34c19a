import { describe, expect, it } from 'vitest';
import { formatProjectCode, normalizeProjectCode, parseProjectCode } from './project-code.ts';

describe('formatProjectCode', () => {
  it('pads the sequence to two digits', () => {
    expect(formatProjectCode('SGJD', 'TXSQ', 2026, 7)).toBe('SGJD-TXSQ-2026-07');
  });

  it('uses more digits when a cycle has a hundred projects or more', () => {
    expect(formatProjectCode('SGJD', 'TXSQ', 2026, 123)).toBe('SGJD-TXSQ-2026-123');
  });

  it.each([
    ['sgjd', 'TXSQ', 2026, 1],
    ['SG-JD', 'TXSQ', 2026, 1],
    ['SGJD', '', 2026, 1],
    ['SGJD', '天星', 2026, 1],
    ['SGJD', 'TXSQ', 26, 1],
    ['SGJD', 'TXSQ', 2026, 0],
    ['SGJD', 'TXSQ', 2026, 1.5],
  ] as const)('refuses bad parts (%s, %s, %s, %s)', (street, community, year, seq) => {
    expect(() => formatProjectCode(street, community, year, seq)).toThrow(RangeError);
  });
});

describe('parseProjectCode', () => {
  it('reads the parts of a code', () => {
    expect(parseProjectCode('SGJD-TXSQ-2026-07')).toEqual({
      streetCode: 'SGJD',
      communityCode: 'TXSQ',
      year: 2026,
      seq: 7,
    });
  });

  it('round-trips with formatProjectCode', () => {
    for (const seq of [1, 9, 10, 99, 100, 1000]) {
      const code = formatProjectCode('HQB', 'HH', 2025, seq);
      const parts = parseProjectCode(code)!;
      expect(formatProjectCode(parts.streetCode, parts.communityCode, parts.year, parts.seq)).toBe(code);
    }
  });

  it.each([
    'sgjd-txsq-2026-07',
    'SGJD-TXSQ-2026-7',
    'SGJD-TXSQ-2026-007',
    'SGJD-TXSQ-2026-00',
    'SGJD-TXSQ-0999-01',
    'SGJD-TXSQ-26-01',
    'SGJD_TXSQ_2026_07',
    'SGJD-TXSQ-2026-07 ',
    'SGJD-TXSQ-2026',
    '',
  ])('refuses %j, which is not a canonical code', (code) => {
    expect(parseProjectCode(code)).toBeNull();
  });
});

describe('normalizeProjectCode', () => {
  it('turns what people type into the canonical code', () => {
    expect(normalizeProjectCode(' sgjd-txsq-2026-7 ')).toBe('SGJD-TXSQ-2026-07');
    expect(normalizeProjectCode('SGJD-TXSQ-2026-007')).toBe('SGJD-TXSQ-2026-07');
    expect(normalizeProjectCode('ＳＧＪＤ－ＴＸＳＱ－２０２６－０７')).toBe('SGJD-TXSQ-2026-07');
  });

  it('gives null for something that cannot be a code', () => {
    expect(normalizeProjectCode('SGJD-TXSQ-2026-0')).toBeNull();
    expect(normalizeProjectCode('hello')).toBeNull();
    expect(normalizeProjectCode('SGJD-TXSQ-2026-99999999999999999')).toBeNull();
  });
});

describe('project codes at their edges', () => {
  it('says which part is bad', () => {
    expect(() => formatProjectCode('sgjd', 'TXSQ', 2026, 1)).toThrow('bad street code: "sgjd"');
    expect(() => formatProjectCode('SGJD', '', 2026, 1)).toThrow('bad community code: ""');
    expect(() => formatProjectCode('SGJD', 'TXSQ', 26, 1)).toThrow('bad year: 26');
    expect(() => formatProjectCode('SGJD', 'TXSQ', 2026, 0)).toThrow('bad sequence number: 0');
  });

  it('takes four-digit years from 1000 to 9999', () => {
    expect(formatProjectCode('SGJD', 'TXSQ', 1000, 1)).toBe('SGJD-TXSQ-1000-01');
    expect(formatProjectCode('SGJD', 'TXSQ', 9999, 1)).toBe('SGJD-TXSQ-9999-01');
    expect(() => formatProjectCode('SGJD', 'TXSQ', 10_000, 1)).toThrow('bad year: 10000');
  });

  it('normalises the first project of a cycle, and nothing with more in front', () => {
    expect(normalizeProjectCode('sgjd-txsq-2026-1')).toBe('SGJD-TXSQ-2026-01');
    expect(normalizeProjectCode('#SGJD-TXSQ-2026-1')).toBeNull();
  });
});
