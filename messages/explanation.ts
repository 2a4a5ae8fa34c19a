/**
 * @module Why each project was or was not funded, in words: the domain's
 * explanation (a reason code and exact numbers, server/domain/tally) put
 * into tally.json's `explain.*` messages. The Chinese sentence of the
 * official rule is part of the project's audited record (the count's reason),
 * so these messages must keep their text byte for byte.
 */
import type { Add1Info, Explanation, Language, MesMiss, RenderOptions } from '#domain/tally/explanation.ts';
import { catalogue } from './catalogue.ts';
import tallyZh from './zh-CN/tally.json' with { type: 'json' };
import tallyEn from './en/tally.json' with { type: 'json' };

const say = catalogue<keyof typeof tallyZh>(tallyZh, tallyEn);

function groupDigits(s: string, sep: string): string {
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [ip, fp] = body.split('.');
  const grouped = ip!.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return (neg ? '-' : '') + grouped + (fp !== undefined ? '.' + fp : '');
}

function ordinalEn(n: number): string {
  const s = n % 100;
  if (s >= 11 && s <= 13) return `${n}th`;
  return n + (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
}

/** Renders an explanation as one plain sentence (or two) in English or Chinese. */
export function renderExplanation(e: Explanation, lang: Language = 'en', opts: RenderOptions = {}): string {
  const en = lang === 'en';
  const cur = opts.currency ? ` ${opts.currency}` : '';
  const money = (s: string) => (opts.formatMoney ? opts.formatMoney(s) : groupDigits(s, ',') + cur);
  // English groups the digits of counts and writes ranks as ordinals; Chinese writes them as they are.
  const count = (n: number) => (en ? groupDigits(String(n), ',') : String(n));
  const rank = (n: number) => (en ? ordinalEn(n) : String(n));
  const unit = e.scoreUnit;
  const sc =
    unit === 'votes'
      ? say(lang, 'explain.score.votes', { n: e.score, score: count(e.score) })
      : say(lang, 'explain.score.points', { n: e.score, score: count(e.score), v: e.votes, voters: count(e.votes) });
  const perVote = say(lang, `explain.perVote.${unit}`);
  const effUnit = say(lang, `explain.effUnit.${unit}`);
  const add1 = (a: Add1Info | undefined) => {
    if (a === undefined) return '';
    const why = a.stop === 'exhaustive' ? say(lang, 'explain.add1.why.exhaustive') : say(lang, 'explain.add1.why.over', { nextBudget: money(a.nextBudget ?? ''), nextCost: money(a.nextCost ?? '') });
    return a.steps === 0 ? say(lang, 'explain.add1.kept', { start: money(a.startBudget), why }) : say(lang, 'explain.add1.raised', { start: money(a.startBudget), reached: money(a.reachedBudget), why });
  };
  const miss = (m: MesMiss) =>
    m.round === 0
      ? say(lang, 'explain.miss.start', { supportersMoney: money(m.supportersMoney), perVoter: money(m.perVoterBudget), cost: money(e.cost) })
      : say(lang, 'explain.miss.later', {
          round: m.round,
          rounds: count(m.round),
          supportersMoney: money(m.supportersMoney),
          cost: money(e.cost),
          effective: m.effectiveVotes !== null ? say(lang, 'explain.miss.effective', { effUnit, effectiveVotes: groupDigits(m.effectiveVotes, ',') }) : '',
        });
  // Inside a sentence an English miss begins in lower case.
  const missInside = (m: MesMiss) => (en ? miss(m).replace(/^Under/, 'under') : miss(m));
  switch (e.code) {
    case 'greedy-funded':
      return say(lang, 'explain.greedy-funded', { rank: rank(e.rank), sc, cost: money(e.cost), remainingBefore: money(e.remainingBefore) });
    case 'greedy-did-not-fit':
      return say(lang, 'explain.greedy-did-not-fit', { rank: rank(e.rank), sc, cost: money(e.cost), remaining: money(e.remaining) });
    case 'below-threshold':
      return say(lang, 'explain.below-threshold', { sc, threshold: count(e.threshold) });
    case 'greedy-stopped':
      return say(lang, 'explain.greedy-stopped', { rank: rank(e.rank), sc, stoppedAt: e.stoppedAt });
    case 'no-support':
      return say(lang, 'explain.no-support');
    case 'mes-funded':
      return say(lang, 'explain.mes-funded', {
        round: String(e.round),
        perVote,
        share: money(e.share),
        cost: money(e.cost),
        effUnit,
        effectiveVotes: groupDigits(e.effectiveVotes, ','),
        allIn: e.allInPayers > 0 ? say(lang, 'explain.mes-funded.allIn', { n: e.allInPayers, count: count(e.allInPayers) }) : '',
        add1: add1(e.add1),
      });
    case 'mes-unaffordable':
      return say(lang, 'explain.mes-unaffordable', { miss: missInside(e), add1: add1(e.add1) });
    case 'completion-funded':
      return say(lang, 'explain.completion-funded', { miss: missInside(e.mes), unit: say(lang, `explain.unit.${unit}`), rank: rank(e.rank), sc, remainingBefore: money(e.remainingBefore) });
    case 'completion-did-not-fit':
      return say(lang, 'explain.completion-did-not-fit', { miss: missInside(e.mes), remaining: money(e.remaining) });
    case 'all-fit':
      return say(lang, 'explain.all-fit', { totalCost: money(e.totalCost), budget: money(e.budget) });
  }
}

/** A plain-language note on how a rule works, for the results page. */
export function describeRule(rule: 'greedy' | 'greedy-meta' | 'mes' | 'mes-greedy' | 'mes-add1', lang: Language = 'en'): string {
  return say(lang, `explain.rule.${rule}`);
}
