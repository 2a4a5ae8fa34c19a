/**
 * @module The recount of a published vote, in the browser: read the `.pb`
 * file with the site's own reader (server/domain/pabulib), count it with the
 * site's own tally (server/domain/tally) under the rule its META names, and
 * compare the funded projects with the file's `selected` column (the
 * official result as published), project by project. Pure: no fetch, no
 * DOM; the island (Recount.svelte) downloads the file and shows the answer.
 */
import { parsePb, pbToElection, PbParseError } from '#domain/pabulib/parse.ts';
import { tally } from '#domain/tally/tally.ts';
import { TallyInputError } from '#domain/tally/decimal.ts';
import { resultRuleOfPabulib, type ResultRule } from '#domain/rulebook.ts';

export type RecountRow = {
  code: string;
  name: string;
  /** Supporters (approval) or total points, as recounted. */
  score: number;
  scoreUnit: 'votes' | 'points';
  published: boolean;
  recounted: boolean;
  match: boolean;
};

export type Recount =
  | { ok: true; rule: ResultRule; ballots: number; budget: string; rows: RecountRow[]; allMatch: boolean; differ: RecountRow[] }
  | { ok: false; problem: 'unreadable'; detail: string }
  | { ok: false; problem: 'unknown_rule'; rule: string };

/** Recount a `.pb` file's ballots under its own rule and compare with its `selected` column. */
export function recountPb(text: string): Recount {
  let pb;
  try {
    pb = parsePb(text, { voteFields: false });
  } catch (e) {
    if (e instanceof PbParseError) return { ok: false, problem: 'unreadable', detail: e.message };
    throw e;
  }
  const rule = resultRuleOfPabulib(pb.meta['rule']);
  if (!rule) return { ok: false, problem: 'unknown_rule', rule: pb.meta['rule'] ?? '' };
  if (!pb.projectColumns.includes('selected')) return { ok: false, problem: 'unreadable', detail: 'PROJECTS has no selected column' };
  let r;
  try {
    r = tally(pbToElection(pb), rule);
  } catch (e) {
    if (e instanceof TallyInputError) return { ok: false, problem: 'unreadable', detail: e.message };
    throw e;
  }
  const funded = new Set(r.selected);
  const rows: RecountRow[] = pb.projects.map((p) => {
    const published = p.fields['selected'] === '1';
    const recounted = funded.has(p.id);
    const e = r.explanations[p.id]!;
    return { code: p.id, name: p.fields['name'] ?? p.id, score: e.score, scoreUnit: e.scoreUnit, published, recounted, match: published === recounted };
  });
  const differ = rows.filter((row) => !row.match);
  return { ok: true, rule, ballots: r.voters, budget: r.budget, rows, allMatch: differ.length === 0, differ };
}
