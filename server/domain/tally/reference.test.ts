/**
 * Every `results` entry of pabulib/reference.json, reproduced exactly (13 real
 * elections x 5 rules), and every file in pabulib-more parsed and tallied with
 * every rule. The data folder is PABULIB_DATA, else ../shared/data; when it is
 * missing this file fails naming it (see testing/data.ts).
 */
import { describe, expect, it } from 'vitest';
import { parsePb, pbToElection } from '../pabulib/parse.ts';
import { prepare } from './election.ts';
import { MesEngine, equalShare } from './mes.ts';
import { RULES, tallyPrepared, metaGreedyOptions } from './tally.ts';
import type { RuleName } from './tally.ts';
import { parseDecimal, toScaled } from './decimal.ts';
import { pabulibDataOrSkip, pbFiles, readText } from './testing/data.ts';

interface Reference {
  instances: Record<string, { budget: string; results: Record<RuleName, { selected: string[]; total_cost: number }> }>;
}

// Throws, failing this file with the missing path, when the data is not there;
// null when PABULIB_SKIP says why it is skipped.
const data = pabulibDataOrSkip();
const REFERENCE_DIR = data?.referenceDir ?? '';
const MORE_DIR = data?.moreDir ?? '';
const reference: Reference | null = data ? (JSON.parse(readText(REFERENCE_DIR + 'reference.json')) as Reference) : null;

describe.skipIf(!data)('the pabulib data folder', () => {
  it('holds the 13 reference elections and the 13 further ones', () => {
    expect(Object.keys(reference!.instances)).toHaveLength(13);
    expect(pbFiles(REFERENCE_DIR)).toHaveLength(13);
    expect(pbFiles(MORE_DIR)).toHaveLength(13);
  });
});

describe.skipIf(!data)('the 13 reference elections of reference.json', () => {
  for (const [file, inst] of Object.entries(reference?.instances ?? {})) {
    it(`reproduces all five rules on ${file}`, () => {
      const el = pbToElection(parsePb(readText(REFERENCE_DIR + file), { voteFields: false }));
      const P = prepare(el);
      const engine = new MesEngine(P);
      for (const rule of RULES) {
        const r = tallyPrepared(P, rule, {}, engine);
        expect(r.selected, `${file} ${rule}`).toEqual(inst.results[rule].selected);
        expect(Number(r.totalCost), `${file} ${rule} total cost`).toBeCloseTo(inst.results[rule].total_cost, 6);
        expect(Object.keys(r.explanations).length).toBe(P.m);
      }
    }, 60_000);
  }

  it('gives the same MES outcome when every comparison is decided exactly, on the smaller elections', () => {
    for (const file of Object.keys(reference?.instances ?? {})) {
      const el = pbToElection(parsePb(readText(REFERENCE_DIR + file), { voteFields: false }));
      const P = prepare(el);
      if (P.groupProj.length > 25_000) continue;
      const fast = new MesEngine(P).run(equalShare(P)).order;
      const exact = new MesEngine(P, { exact: true }).run(equalShare(P)).order;
      expect(fast, file).toEqual(exact);
    }
  }, 60_000);
});

/** META rules for which the file's official `selected` column is a greedy result. */
function isGreedyVariant(rule: string | undefined): boolean {
  return rule === 'greedy' || rule === 'greedy-threshold' || rule === 'greedy-no-skip' || rule === 'greedy-exclusive' || rule === 'greedy-custom';
}

describe.skipIf(!data)('the further elections in pabulib-more', () => {
  for (const file of data ? pbFiles(MORE_DIR) : []) {
    it(`parses ${file} and runs every rule within the budget; greedy-meta matches the official result of greedy files`, () => {
      const pb = parsePb(readText(MORE_DIR + file));
      const el = pbToElection(pb);
      const P = prepare(el);
      const engine = new MesEngine(P);
      const budget = toScaled(parseDecimal(el.budget), P.digits);
      for (const rule of RULES) {
        const r = tallyPrepared(P, rule, {}, engine);
        expect(toScaled(parseDecimal(r.totalCost), P.digits) <= budget, `${file} ${rule} within budget`).toBe(true);
        for (const id of Object.keys(r.explanations)) expect(r.explanations[id]!.funded).toBe(r.selected.includes(id));
      }
      const official = pb.projects.filter((p) => p.fields['selected'] === '1').map((p) => p.id);
      const hasSelected = pb.projectColumns.includes('selected');
      if (hasSelected && isGreedyVariant(pb.meta['rule'])) {
        const r = tallyPrepared(P, 'greedy-meta', {}, engine);
        expect([...r.selected].sort(), `${file} greedy-meta vs official`).toEqual([...official].sort());
      }
      // META parsing of threshold / no-skip never throws on real files
      expect(() => metaGreedyOptions(pb.meta)).not.toThrow();
    }, 60_000);
  }
});
