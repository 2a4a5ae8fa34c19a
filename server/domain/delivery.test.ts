import { describe, expect, it } from 'vitest';
import { checkAgreement, checkPayment, csvCell, daysBetween, fenToFigures, fenToYuanText, isIsoDay, moneySummary, overdue, satisfaction, toCsv, type AgreementInput, whyNotPay } from './delivery.ts';
import { fenToChineseUpper } from '#messages/money.ts';

const agreement: AgreementInput = {
  implementerName: '深圳市安居工程有限公司',
  implementerType: 'contractor',
  registrationNo: '91440300MA5EXAMPLE',
  implementerRating: 4,
  agreementDate: '2026-06-05',
  agreedAmountFen: 27_600_000,
  plannedStart: '2026-06-15',
  plannedEnd: '2026-10-31',
};

describe('dates', () => {
  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-2-1')).toBe(false);
    expect(isIsoDay('2026-13-01')).toBe(false);
  });

  it('counts whole days between two days, across a month end', () => {
    expect(daysBetween('2026-10-31', '2026-11-22')).toBe(22);
    expect(daysBetween('2026-11-22', '2026-10-31')).toBe(-22);
  });
});

describe('an agreement', () => {
  it('is fine when dates are real, the end is not before the start and the amount is positive', () => {
    expect(checkAgreement(agreement)).toEqual({});
  });

  it('names each field that is wrong', () => {
    expect(checkAgreement({ ...agreement, plannedEnd: '2026-06-01', agreedAmountFen: 0, implementerRating: 9, agreementDate: '2026-02-30' })).toEqual({
      plannedEnd: 'end_before_start',
      agreedAmountFen: 'amount_not_positive',
      implementerRating: 'rating_out_of_range',
      agreementDate: 'bad_date',
    });
  });

  it('cannot be signed in the future or amended below what was already paid', () => {
    expect(checkAgreement(agreement, { today: '2026-06-01' })).toEqual({ agreementDate: 'date_in_future' });
    expect(checkAgreement({ ...agreement, agreedAmountFen: 100 }, { paidFen: 101 })).toEqual({ agreedAmountFen: 'below_paid_amount' });
    expect(checkAgreement({ ...agreement, agreedAmountFen: 101 }, { paidFen: 101 })).toEqual({});
  });
});

describe('payments in batches', () => {
  it('are numbered and may add up to exactly the agreed amount', () => {
    expect(checkPayment(10_000, 0, 0, 4_000)).toEqual({ ok: true, batchNo: 1, paidAfterFen: 4_000 });
    expect(checkPayment(10_000, 4_000, 1, 6_000)).toEqual({ ok: true, batchNo: 2, paidAfterFen: 10_000 });
  });

  it('are refused one fen over the agreed amount, saying what is left', () => {
    expect(checkPayment(10_000, 4_000, 1, 6_001)).toEqual({ ok: false, code: 'over_agreed_amount', agreedFen: 10_000, paidFen: 4_000, amountFen: 6_001, leftFen: 6_000 });
  });

  it('are not offered at all once the agreed amount is paid in full', () => {
    expect(whyNotPay(10_000, 9_999)).toBeNull();
    expect(whyNotPay(10_000, 10_000)).toBe('fully_paid');
  });

  it('must be a positive whole number of fen', () => {
    expect(checkPayment(10_000, 0, 0, 0)).toEqual({ ok: false, code: 'amount_not_positive' });
    expect(checkPayment(10_000, 0, 0, 1.5)).toEqual({ ok: false, code: 'amount_not_positive' });
  });
});

describe('overdue', () => {
  it('is flagged the day after the planned end while the work is not accepted', () => {
    expect(overdue('in_progress', '2026-10-31', '2026-10-31')).toEqual({ overdue: false });
    expect(overdue('in_progress', '2026-10-31', '2026-11-01')).toEqual({ overdue: true, daysLate: 1 });
    expect(overdue('acceptance_failed', '2026-10-31', '2026-11-22')).toEqual({ overdue: true, daysLate: 22 });
    expect(overdue('approved', '2026-10-31', '2026-11-22')).toEqual({ overdue: true, daysLate: 22 });
  });

  it('is never flagged once accepted, or without a planned end', () => {
    expect(overdue('accepted', '2026-10-31', '2026-11-22')).toEqual({ overdue: false });
    expect(overdue('archived', '2026-10-31', '2026-11-22')).toEqual({ overdue: false });
    expect(overdue('in_progress', null, '2026-11-22')).toEqual({ overdue: false });
  });
});

describe('the money of a cycle', () => {
  it('adds up adopted, contracted and paid, and counts signed projects at their agreed amount', () => {
    const s = moneySummary(
      2_000_000_00,
      [
        { id: 'a', state: 'in_progress', estimatedCostFen: 28_000_000 },
        { id: 'b', state: 'accepted', estimatedCostFen: 4_200_000 },
        { id: 'c', state: 'in_public_notice', estimatedCostFen: 15_000_000 },
        { id: 'd', state: 'rejected', estimatedCostFen: 22_000_000 },
        { id: 'e', state: 'screened_in', estimatedCostFen: 9_000_000 },
      ],
      [{ projectId: 'a', agreedAmountFen: 27_600_000 }, { projectId: 'b', agreedAmountFen: 4_150_000 }],
      [{ projectId: 'a', amountFen: 8_280_000 }, { projectId: 'b', amountFen: 2_000_000 }, { projectId: 'b', amountFen: 2_150_000 }],
    );
    expect(s).toMatchObject({
      budgetFen: 200_000_000,
      adoptedFen: 47_200_000,
      contractedFen: 31_750_000,
      paidFen: 12_430_000,
      // 200万 − (27.6万 + 4.15万 + 15万)
      remainingFen: 153_250_000,
      unpaidFen: 19_320_000,
    });
    expect(s.projects.map((p) => [p.id, p.committedFen, p.paidFen])).toEqual([['a', 27_600_000, 8_280_000], ['b', 4_150_000, 4_150_000], ['c', 15_000_000, 0]]);
  });

  it('shows a negative remainder when the adopted projects exceed the budget', () => {
    expect(moneySummary(100, [{ id: 'a', state: 'approved', estimatedCostFen: 150 }], [], []).remainingFen).toBe(-50);
  });
});

describe('satisfaction', () => {
  it('gives count, exact mean and the share of 4s and 5s', () => {
    expect(satisfaction([5, 4, 4, 2, 5, 3])).toEqual({ count: 6, mean: 23 / 6, satisfied: 4, satisfiedShare: 4 / 6, distribution: [0, 1, 1, 2, 2] });
    expect(satisfaction([])).toEqual({ count: 0, mean: null, satisfied: 0, satisfiedShare: null, distribution: [0, 0, 0, 0, 0] });
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('一\n二')).toBe('"一\n二"');
    expect(csvCell(null)).toBe('');
  });

  it('guards text a spreadsheet would run as a formula, but keeps numbers numbers', () => {
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(csvCell('+86 123')).toBe("'+86 123");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-150)).toBe('-150');
    expect(csvCell('普通文字 = 没问题')).toBe('普通文字 = 没问题');
  });

  it('writes a header and one CRLF line per row', () => {
    expect(toCsv(['code', 'amount'], [{ code: 'X-1', amount: 5 }, { code: '=1+1', amount: null }])).toBe("code,amount\r\nX-1,5\r\n'=1+1,\r\n");
  });

  it('writes fen as exact yuan', () => {
    expect([fenToYuanText(0), fenToYuanText(1), fenToYuanText(4_150_000), fenToYuanText(123_456), fenToYuanText(-5)]).toEqual(['0', '0.01', '41500', '1234.56', '-0.05']);
  });
});

describe('amounts in words (大写金额)', () => {
  it('writes whole yuan with 整 and zeros where digits are skipped', () => {
    expect(fenToChineseUpper(27_600_000)).toBe('人民币贰拾柒万陆仟元整');
    expect(fenToChineseUpper(4_150_000)).toBe('人民币肆万壹仟伍佰元整');
    expect(fenToChineseUpper(2_010_000)).toBe('人民币贰万零壹佰元整');
    expect(fenToChineseUpper(1_000_500_000)).toBe('人民币壹仟万零伍仟元整');
    expect(fenToChineseUpper(200_000_000)).toBe('人民币贰佰万元整');
    expect(fenToChineseUpper(1_000)).toBe('人民币壹拾元整');
    expect(fenToChineseUpper(0)).toBe('人民币零元整');
  });

  it('writes jiao and fen', () => {
    expect(fenToChineseUpper(123_456)).toBe('人民币壹仟贰佰叁拾肆元伍角陆分');
    expect(fenToChineseUpper(100_005)).toBe('人民币壹仟元零伍分');
    expect(fenToChineseUpper(56)).toBe('人民币伍角陆分');
    expect(fenToChineseUpper(50)).toBe('人民币伍角');
  });
});

describe('amounts in figures', () => {
  it('always shows 角 and 分 and groups thousands', () => {
    expect([fenToFigures(34_000_000), fenToFigures(123_456), fenToFigures(5), fenToFigures(0)]).toEqual(['¥340,000.00', '¥1,234.56', '¥0.05', '¥0.00']);
  });
});

describe('delivery rules at their edges', () => {
  it('refuses a day past its month’s end, a day 00, a month 00 and a year before 100', () => {
    for (const day of ['2026-04-31', '2026-03-00', '2026-00-10', '0050-01-01']) expect(isIsoDay(day), day).toBe(false);
    expect(isIsoDay('2026-12-31')).toBe(true);
  });

  it('counts the days of February between the first of February and the first of March', () => {
    expect(daysBetween('2026-02-01', '2026-03-01')).toBe(28);
  });

  it('takes an agreement signed today, and an end on the day of the start', () => {
    expect(checkAgreement({ ...agreement, agreementDate: '2026-06-05' }, { today: '2026-06-05' })).toEqual({});
    expect(checkAgreement({ ...agreement, plannedEnd: '2026-06-15' })).toEqual({});
  });

  it('names a planned start or end that is not a day, and then compares nothing', () => {
    expect(checkAgreement({ ...agreement, plannedStart: 'soon' })).toEqual({ plannedStart: 'bad_date' });
    expect(checkAgreement({ ...agreement, plannedEnd: '2026-11-31' })).toEqual({ plannedEnd: 'bad_date' });
  });

  it('takes a rating of a whole 1 to 5, or none', () => {
    for (const rating of [1, 5, null]) expect(checkAgreement({ ...agreement, implementerRating: rating })).toEqual({});
    for (const rating of [0, 6, 2.5]) expect(checkAgreement({ ...agreement, implementerRating: rating })).toEqual({ implementerRating: 'rating_out_of_range' });
  });

  it('counts only whole scores from 1 to 5', () => {
    expect(satisfaction([1, 5, 0, 6, 2.5])).toEqual({ count: 2, mean: 3, satisfied: 1, satisfiedShare: 0.5, distribution: [1, 0, 0, 0, 1] });
  });

  it('writes nothing for a missing or non-finite number, and true or false for a flag', () => {
    expect([csvCell(undefined), csvCell(Number.NaN), csvCell(Number.POSITIVE_INFINITY), csvCell(true), csvCell(false)]).toEqual(['', '', '', 'true', 'false']);
  });

  it('groups every three digits of millions, and refuses what is not a whole non-negative number of fen', () => {
    expect(fenToFigures(123_456_700)).toBe('¥1,234,567.00');
    expect(() => fenToFigures(-1)).toThrow('fenToFigures: -1');
    expect(() => fenToFigures(1.5)).toThrow('fenToFigures: 1.5');
  });
});
