import { describe, expect, it } from 'vitest';
import { electionToPb, writePb } from '#domain/pabulib/write.ts';
import { recountPb } from './recount.ts';

// Worked out by hand in server/routes/open-data.routes.test.ts (a vote counted by equal shares):
// budget 1,000,003.37; 01 480,000 (voters 3 5 6 7), 02 240,000 (1 2 3 6), 03 350,000 (1 7 8),
// 04 620,000 (1 2 4 5). Equal shares with Add1 funds {02, 03}; greedy by votes funds {01, 02}.
const ballots = [['02', '03', '04'], ['02', '04'], ['01', '02'], ['04'], ['01', '04'], ['01', '02'], ['01', '03'], ['03']].map((b) => b.map((p) => `P-${p}`));
const costs = { 'P-01': '480000', 'P-02': '240000', 'P-03': '350000', 'P-04': '620000' };

function file(rule: string, selected: string[]) {
  return writePb(
    electionToPb(
      { budget: '1000003.37', projects: Object.entries(costs).map(([id, cost]) => ({ id, cost, name: `项目${id.slice(2)}` })), ballots, voteType: 'approval' },
      { meta: { description: 'test', country: 'China', unit: 'test', instance: '2026', rule }, projectFields: Object.fromEntries(Object.keys(costs).map((id) => [id, { selected: selected.includes(id) ? '1' : '0' }])) },
    ),
  );
}

describe('the recount of a published .pb in the browser', () => {
  it('recounts under the rule the file names and finds every project as published', () => {
    const r = recountPb(file('equalshares/add1', ['P-02', 'P-03']));
    expect(r).toMatchObject({ ok: true, rule: 'mes-add1', ballots: 8, budget: '1000003.37', allMatch: true, differ: [] });
    if (!r.ok) return;
    expect(r.rows.map((x) => [x.code, x.name, x.score, x.published, x.recounted, x.match])).toEqual([
      ['P-01', '项目01', 4, false, false, true],
      ['P-02', '项目02', 4, true, true, true],
      ['P-03', '项目03', 3, true, true, true],
      ['P-04', '项目04', 4, false, false, true],
    ]);
    expect(recountPb(file('greedy', ['P-01', 'P-02']))).toMatchObject({ ok: true, rule: 'greedy', allMatch: true });
    // Files written before the META named the rule as pabulib does.
    expect(recountPb(file('mes-add1', ['P-02', 'P-03']))).toMatchObject({ ok: true, rule: 'mes-add1', allMatch: true });
  });

  it('names the projects where the published winners differ from the recount', () => {
    const r = recountPb(file('greedy', ['P-02', 'P-03']));
    expect(r.ok && r.allMatch).toBe(false);
    if (!r.ok) return;
    expect(r.differ.map((x) => [x.code, x.published, x.recounted])).toEqual([
      ['P-01', false, true],
      ['P-03', true, false],
    ]);
  });

  it('refuses a file it cannot read or a rule it does not know, saying which', () => {
    expect(recountPb(file('lottery', []))).toEqual({ ok: false, problem: 'unknown_rule', rule: 'lottery' });
    const broken = recountPb('META\nkey;value\nbudget;abc\n');
    expect(broken).toMatchObject({ ok: false, problem: 'unreadable' });
    expect(recountPb(file('greedy', []).replace(/;selected/, ';chosen'))).toEqual({ ok: false, problem: 'unreadable', detail: 'PROJECTS has no selected column' });
  });
});
