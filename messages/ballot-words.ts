/**
 * @module A ballot's rule and what is wrong with a ballot, in words
 * (voting.json's `rule.*` and `issue.*`): "最多选择 5 个项目（您选了 6 个）".
 * The rules (server/domain/ballot-rules.ts) find the issue and its numbers;
 * this says it, on the server and in the ballot island alike, from the
 * area's messages for one locale (`say.voting.table(locale)`; the page hands
 * the island the `issue.*` ones with its meter strings). Plain `{name}`
 * arguments only, filled without the ICU parser.
 */
import { fillArguments } from './fill.ts';
import type { Locale } from './format.ts';
import type { say } from './say.ts';
import { formatFen } from '#messages/money.ts';
import { minShareFen, type BallotIssue } from '#domain/ballot-rules.ts';
import type { Fraction, VoteSettings } from '#domain/rulebook.ts';

export type VotingWords = ReturnType<typeof say.voting.table>;
/** The part of voting.json the ballot island needs: the issues (the page may hand over more). */
export type BallotWords = Pick<VotingWords, Extract<keyof VotingWords, `issue.${string}`>>;

function shareText(f: Fraction, words: BallotWords): string {
  return f.num === 1 && f.den === 2 ? words['issue.share.half'] : fillArguments(words['issue.share.fraction'], { num: f.num, den: f.den });
}

/** The key of an issue's words: which of two a code has depends on the field it is about. */
function issueKey(i: BallotIssue): keyof BallotWords {
  switch (i.code) {
    case 'wrong_shape':
      // Ticks sent to a points vote land on `projects`; points sent to a ticking vote, on `points`.
      return i.field === 'projects' ? 'issue.wrong_shape.points' : 'issue.wrong_shape.ticks';
    case 'not_on_ballot':
      return i.field === 'projects' ? 'issue.not_on_ballot.some' : 'issue.not_on_ballot.one';
    case 'empty_ballot':
      return i.field === 'points' ? 'issue.empty_ballot.points' : 'issue.empty_ballot.ticks';
    default:
      return `issue.${i.code}`;
  }
}

export function ballotIssueText(i: BallotIssue, words: BallotWords, locale: Locale): string {
  const v = i.values ?? {};
  const money = (fen: number | undefined) => formatFen(fen ?? 0, locale);
  return fillArguments(words[issueKey(i)], {
    ...(v.max !== undefined ? { max: v.max } : {}),
    ...(v.n !== undefined ? { n: v.n } : {}),
    ...(v.total !== undefined ? { total: v.total } : {}),
    ...(v.used !== undefined ? { used: v.used } : {}),
    ...(v.costFen !== undefined ? { cost: money(v.costFen) } : {}),
    ...(v.budgetFen !== undefined ? { budget: money(v.budgetFen) } : {}),
    ...(v.needFen !== undefined ? { need: money(v.needFen) } : {}),
    ...(v.share ? { share: shareText(v.share, words) } : {}),
  });
}

/**
 * Each field's problems as one message: a field with two broken rules (six
 * projects, two of them not on the ballot) names both, rather than whichever
 * was checked last.
 */
export function issueFields(issues: readonly BallotIssue[], words: BallotWords, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const text = ballotIssueText(i, words, locale);
    out[i.field] = out[i.field] ? `${out[i.field]}${words['issue.separator']}${text}` : text;
  }
  return out;
}

/** A plain description of the rule, for the ballot page ("最多选择 5 个项目"). */
export function describeVoteRule(vote: VoteSettings, budgetFen: number, words: VotingWords, locale: Locale): string {
  const say = (key: keyof VotingWords, vars: Record<string, string | number> = {}) => fillArguments(words[key], vars);
  switch (vote.method) {
    case 'approval':
      return vote.maxChoices !== undefined ? say('rule.approval.max', { max: vote.maxChoices }) : say('rule.approval');
    case 'basket': {
      const budget = formatFen(budgetFen, locale);
      if (vote.minShare && vote.minShare.num > 0) {
        return say('rule.basket.min', { budget, share: shareText(vote.minShare, words), need: formatFen(minShareFen(budgetFen, vote.minShare), locale) });
      }
      return say('rule.basket', { budget });
    }
    case 'points': {
      const total = vote.points ?? 0;
      return vote.maxPerProject !== undefined ? say('rule.points.max', { total, max: vote.maxPerProject }) : say('rule.points', { total });
    }
    default:
      return say('rule.none');
  }
}
