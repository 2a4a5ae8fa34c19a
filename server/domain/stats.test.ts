import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, addFigures, derive, measures, ratio, zeroFigures, type Figures } from './stats.ts';

const figures = (o: Partial<Figures>): Figures => ({ ...zeroFigures(), ...o });

describe('figures', () => {
  it('start at zero for every key', () => {
    expect(Object.values(zeroFigures())).toEqual(FIGURE_KEYS.map(() => 0));
  });

  it('add up place by place, key by key', () => {
    const sum = addFigures([figures({ ballots: 30, cycles: 1 }), figures({ ballots: 12, comments: 4 })]);
    expect(sum).toEqual(figures({ ballots: 42, cycles: 1, comments: 4 }));
    expect(addFigures([])).toEqual(zeroFigures());
  });
});

describe('ratios', () => {
  it('keep what they were computed from, and have no value over nothing', () => {
    expect(ratio(3, 4)).toEqual({ num: 3, den: 4, value: 0.75 });
    expect(ratio(0, 0)).toEqual({ num: 0, den: 0, value: null });
  });

  it('derive the paid share, turnout, proposals per thousand residents and mean satisfaction', () => {
    const d = derive(figures({ money_paid_fen: 300, money_agreed_fen: 400, ballots: 50, eligible_voters: 200, projects_total: 6, registered_residents: 2000, ratings: 4, ratings_score_sum: 18 }));
    expect(d).toEqual({ paidShare: { num: 300, den: 400, value: 0.75 }, turnout: { num: 50, den: 200, value: 0.25 }, proposalsPer1000: 3, meanSatisfaction: 4.5 });
  });

  it('derive nothing from no residents and no ratings', () => {
    const d = derive(figures({ projects_total: 6 }));
    expect([d.proposalsPer1000, d.meanSatisfaction]).toEqual([null, null]);
  });

  it('measure breadth, participation with the year before, and grassroots', () => {
    const now = figures({ participants: 120, registered_residents: 2000, ballots: 300, eligible_voters: 1500, projects_adopted_by_residents: 3, projects_adopted: 4 });
    expect(measures(now, figures({ ballots: 200, eligible_voters: 1000 }))).toEqual({
      breadth: { num: 120, den: 2000, value: 0.06 },
      participation: { num: 300, den: 1500, value: 0.2, previous: { num: 200, den: 1000, value: 0.2 } },
      grassroots: { num: 3, den: 4, value: 0.75 },
    });
    expect(measures(now, null).participation.previous).toBeNull();
  });
});
