/**
 * Why each project was or was not funded: structured data (a reason code and
 * exact numbers as decimal strings) plus sentences in English and Chinese.
 */

/** Numbers shown to people: money as decimal strings in currency units (exact, or rounded to 2 decimals where marked). */
export interface ExplanationBase {
  readonly projectId: string;
  readonly funded: boolean;
  /** Cost, exact decimal. */
  readonly cost: string;
  /** Voters who supported the project. */
  readonly votes: number;
  /** Approval count, total points, or total positional points (what greedy ranks by). */
  readonly score: number;
  /** 'votes' for approval ballots, 'points' otherwise. */
  readonly scoreUnit: 'votes' | 'points';
}

/** MES details of a project that Equal Shares did not fund. */
export interface MesMiss {
  /** Number of projects already funded when its supporters' money ran short (0 = from the start). */
  readonly round: number;
  /** Money its supporters had left in total then (rounded to 2 decimals). */
  readonly supportersMoney: string;
  /** Its effective vote count (cost / largest share per vote) at its last evaluation, 2 decimals; null if never affordable. */
  readonly effectiveVotes: string | null;
  /** Per-voter budget the MES run started with (2 decimals). */
  readonly perVoterBudget: string;
}

export interface Add1Info {
  /** B / n, the plain equal share per voter (2 decimals). */
  readonly startBudget: string;
  /** The per-voter budget Add1 reached for the returned outcome (2 decimals). */
  readonly reachedBudget: string;
  /** Number of +1 steps. */
  readonly steps: number;
  /** Why Add1 stopped. */
  readonly stop: 'exhaustive' | 'next-step-over-budget';
  /** When stop = next-step-over-budget: the next per-voter budget and what its outcome would have cost. */
  readonly nextBudget?: string;
  readonly nextCost?: string;
}

export type ExplanationReason =
  | { readonly code: 'greedy-funded'; readonly rank: number; readonly remainingBefore: string }
  | { readonly code: 'greedy-did-not-fit'; readonly rank: number; readonly remaining: string }
  | { readonly code: 'below-threshold'; readonly threshold: number }
  | { readonly code: 'greedy-stopped'; readonly rank: number; readonly stoppedAt: string }
  | { readonly code: 'no-support' }
  | {
      readonly code: 'mes-funded';
      readonly round: number;
      /** Largest share one voter paid per vote/point (2 decimals). */
      readonly share: string;
      readonly effectiveVotes: string;
      readonly fullPayers: number;
      readonly allInPayers: number;
      readonly perVoterBudget: string;
      readonly add1?: Add1Info;
    }
  | ({ readonly code: 'mes-unaffordable'; readonly add1?: Add1Info } & MesMiss)
  | { readonly code: 'completion-funded'; readonly rank: number; readonly remainingBefore: string; readonly mes: MesMiss }
  | { readonly code: 'completion-did-not-fit'; readonly rank: number; readonly remaining: string; readonly mes: MesMiss }
  | { readonly code: 'all-fit'; readonly totalCost: string; readonly budget: string };

export type Explanation = ExplanationBase & ExplanationReason;
export type ExplanationCode = ExplanationReason['code'];
export type Language = 'en' | 'zh-CN';

export interface RenderOptions {
  /** Appended to money amounts, e.g. "PLN" or "元". */
  readonly currency?: string;
  /** Writes a money amount (a decimal string in currency units) instead: a site's own money format. Overrides `currency`. */
  readonly formatMoney?: (amount: string) => string;
}

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

function plural(n: number, one: string, many: string): string {
  return `${groupDigits(String(n), ',')} ${n === 1 ? one : many}`;
}

/** Renders an explanation as one plain sentence (or two) in English or Chinese. */
export function renderExplanation(e: Explanation, lang: Language = 'en', opts: RenderOptions = {}): string {
  return lang === 'zh-CN' ? renderZh(e, opts) : renderEn(e, opts);
}

function renderEn(e: Explanation, opts: RenderOptions): string {
  const cur = opts.currency ? ` ${opts.currency}` : '';
  const money = (s: string) => (opts.formatMoney ? opts.formatMoney(s) : groupDigits(s, ',') + cur);
  const sc = e.scoreUnit === 'votes' ? plural(e.score, 'vote', 'votes') : `${plural(e.score, 'point', 'points')} from ${plural(e.votes, 'voter', 'voters')}`;
  const perVote = e.scoreUnit === 'votes' ? 'per supporter' : 'per point';
  const effUnit = e.scoreUnit === 'votes' ? 'effective vote count' : 'effective point count';
  const add1 = (a: Add1Info | undefined) => {
    if (a === undefined) return '';
    const why =
      a.stop === 'exhaustive'
        ? 'no further project with votes fits the budget'
        : `one more unit per voter (${money(a.nextBudget ?? '')}) would have funded projects costing ${money(a.nextCost ?? '')}, over the budget`;
    return a.steps === 0
      ? ` (Add1 completion kept the equal share of ${money(a.startBudget)} per voter: ${why}.)`
      : ` (Add1 completion raised each voter's budget from ${money(a.startBudget)} to ${money(a.reachedBudget)}: ${why}.)`;
  };
  const miss = (m: MesMiss) =>
    m.round === 0
      ? `Under Equal Shares its supporters' combined money (${money(m.supportersMoney)}, with ${money(m.perVoterBudget)} per voter) could never cover its cost of ${money(e.cost)}`
      : `Under Equal Shares, after ${plural(m.round, 'project was', 'projects were')} funded, its supporters had only ${money(m.supportersMoney)} left in total, less than its cost of ${money(e.cost)}${
          m.effectiveVotes !== null ? ` (its ${effUnit} had fallen to ${groupDigits(m.effectiveVotes, ',')})` : ''
        }`;
  switch (e.code) {
    case 'greedy-funded':
      return `Funded: ranked ${ordinalEn(e.rank)} with ${sc}, its cost of ${money(e.cost)} fitted in the remaining budget of ${money(e.remainingBefore)}.`;
    case 'greedy-did-not-fit':
      return `Not funded: ranked ${ordinalEn(e.rank)} with ${sc}, its cost of ${money(e.cost)} did not fit in the remaining budget of ${money(e.remaining)}.`;
    case 'below-threshold':
      return `Not funded: it received ${sc}, below the required minimum of ${groupDigits(String(e.threshold), ',')}.`;
    case 'greedy-stopped':
      return `Not funded: ranked ${ordinalEn(e.rank)} with ${sc}, but the rule stops at the first project that does not fit (${e.stoppedAt}), which ranked higher.`;
    case 'no-support':
      return `Not funded: nobody voted for it.`;
    case 'mes-funded':
      return `Funded in round ${e.round} of Equal Shares: its supporters could pay its cost of ${money(e.cost)} with at most ${money(e.share)} ${perVote} (${effUnit} ${groupDigits(e.effectiveVotes, ',')}), the best value for money left at that point${
        e.allInPayers > 0 ? `; ${plural(e.allInPayers, 'supporter', 'supporters')} paid all they had left` : ''
      }.${add1(e.add1)}`;
    case 'mes-unaffordable':
      return `Not funded: ${miss(e).replace(/^Under/, 'under')}.${add1(e.add1)}`;
    case 'completion-funded':
      return `Funded in the completion step: ${miss(e.mes).replace(/^Under/, 'under')}; afterwards, ranked ${ordinalEn(e.rank)} by ${e.scoreUnit} among the rest with ${sc}, it fitted in the remaining budget of ${money(e.remainingBefore)}.`;
    case 'completion-did-not-fit':
      return `Not funded: ${miss(e.mes).replace(/^Under/, 'under')}; in the completion step its cost did not fit in the remaining budget of ${money(e.remaining)}.`;
    case 'all-fit':
      return `Funded: all projects together cost ${money(e.totalCost)}, within the budget of ${money(e.budget)}, so all are funded.`;
  }
}

function renderZh(e: Explanation, opts: RenderOptions): string {
  const cur = opts.currency ? ` ${opts.currency}` : '';
  const money = (s: string) => (opts.formatMoney ? opts.formatMoney(s) : groupDigits(s, ',') + cur);
  const sc = e.scoreUnit === 'votes' ? `${e.score} 票` : `${e.votes} 位居民给出的 ${e.score} 分`;
  const perVote = e.scoreUnit === 'votes' ? '每人' : '每一分';
  const effUnit = e.scoreUnit === 'votes' ? '有效票数' : '有效分数';
  const add1 = (a: Add1Info | undefined) => {
    if (a === undefined) return '';
    const why =
      a.stop === 'exhaustive'
        ? '已没有其他有票的项目能放进预算'
        : `每人再多一个单位（${money(a.nextBudget ?? '')}）时，资助的项目将花费 ${money(a.nextCost ?? '')}，超出预算`;
    return a.steps === 0
      ? `（Add1 补全保持每人均分额 ${money(a.startBudget)}：${why}。）`
      : `（Add1 补全把每位投票人的预算从 ${money(a.startBudget)} 提高到 ${money(a.reachedBudget)}：${why}。）`;
  };
  const miss = (m: MesMiss) =>
    m.round === 0
      ? `按均等份额法，其支持者的资金合计（${money(m.supportersMoney)}，每人 ${money(m.perVoterBudget)}）始终不足以支付其费用 ${money(e.cost)}`
      : `按均等份额法，在已资助 ${m.round} 个项目之后，其支持者剩余资金合计只有 ${money(m.supportersMoney)}，不足以支付其费用 ${money(e.cost)}${
          m.effectiveVotes !== null ? `（其${effUnit}已降至 ${groupDigits(m.effectiveVotes, ',')}）` : ''
        }`;
  switch (e.code) {
    case 'greedy-funded':
      return `获得资助：以 ${sc}排名第 ${e.rank}，其费用 ${money(e.cost)} 在剩余预算 ${money(e.remainingBefore)} 之内。`;
    case 'greedy-did-not-fit':
      return `未获资助：以 ${sc}排名第 ${e.rank}，其费用 ${money(e.cost)} 超出了剩余预算 ${money(e.remaining)}。`;
    case 'below-threshold':
      return `未获资助：只获得 ${sc}，低于规定的最低门槛 ${e.threshold}。`;
    case 'greedy-stopped':
      return `未获资助：以 ${sc}排名第 ${e.rank}，但本规则在第一个放不进预算的项目（${e.stoppedAt}，排名更靠前）处即停止。`;
    case 'no-support':
      return `未获资助：没有人投票支持。`;
    case 'mes-funded':
      return `获得资助（均等份额法第 ${e.round} 轮）：其支持者${perVote}最多支付 ${money(e.share)} 即可凑齐费用 ${money(e.cost)}（${effUnit} ${groupDigits(e.effectiveVotes, ',')}），是当时性价比最高的项目${
        e.allInPayers > 0 ? `；其中 ${e.allInPayers} 位支持者付出了全部剩余资金` : ''
      }。${add1(e.add1)}`;
    case 'mes-unaffordable':
      return `未获资助：${miss(e)}。${add1(e.add1)}`;
    case 'completion-funded':
      return `在补全阶段获得资助：${miss(e.mes)}；之后在其余项目中按${e.scoreUnit === 'votes' ? '票数' : '分数'}（${sc}）排名第 ${e.rank}，其费用在剩余预算 ${money(e.remainingBefore)} 之内。`;
    case 'completion-did-not-fit':
      return `未获资助：${miss(e.mes)}；在补全阶段其费用也超出了剩余预算 ${money(e.remaining)}。`;
    case 'all-fit':
      return `获得资助：全部项目合计 ${money(e.totalCost)}，未超出预算 ${money(e.budget)}，因此全部获得资助。`;
  }
}

const RULE_TEXT: Record<string, { en: string; zh: string }> = {
  greedy: {
    en: 'Greedy by votes: projects are ranked by their number of votes (or points); going down the list, each project is funded if its cost still fits in what is left of the budget, otherwise it is skipped and the next one is tried.',
    zh: '按票数贪心：项目按得票数（或得分）排序，依次检查，剩余预算够就资助，不够就跳过，继续看下一个。',
  },
  'greedy-meta': {
    en: 'Greedy by votes as the election rules say: projects below the minimum number of votes are removed first; if the rules say so, counting stops at the first project that does not fit instead of skipping it.',
    zh: '按本次投票规则的贪心法：先去掉未达到最低票数门槛的项目；如规则要求，遇到第一个放不进预算的项目即停止，而不是跳过。',
  },
  mes: {
    en: 'Method of Equal Shares: the budget is split equally among all voters. Step by step, the project whose supporters can pay for it with the smallest equal share each is funded, and its supporters pay for it from their shares. It stops when no remaining project can be paid for by its supporters.',
    zh: '均等份额法：预算平均分给每位投票人。每一步资助这样的项目：其支持者平均每人出最少的钱就能凑齐费用；费用由支持者从各自份额中支付。当任何剩余项目的支持者都凑不齐费用时停止。',
  },
  'mes-greedy': {
    en: 'Method of Equal Shares, then the money left over is used greedily: the remaining projects are taken in order of votes and funded if they still fit.',
    zh: '先用均等份额法；剩下的预算再按票数依次资助仍放得进预算的项目。',
  },
  'mes-add1': {
    en: 'Method of Equal Shares with Add1 completion: if the equal shares leave money unused, every voter\u2019s share is raised by one unit at a time and the method is run again, as long as the result still fits the budget; it stops as soon as no further project with votes could fit.',
    zh: '均等份额法加 Add1 补全：如果均分后仍有预算没有用完，就把每位投票人的份额每次提高一个单位并重新计算，只要结果不超出预算；一旦再没有有票的项目放得进预算就停止。',
  },
};

/** A plain-language note on how a rule works, for the results page. */
export function describeRule(rule: 'greedy' | 'greedy-meta' | 'mes' | 'mes-greedy' | 'mes-add1', lang: Language = 'en'): string {
  const t = RULE_TEXT[rule]!;
  return lang === 'zh-CN' ? t.zh : t.en;
}
