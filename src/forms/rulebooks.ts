/**
 * @module The forms of a district's rulebooks page (/staff/rulebooks): bind a
 * cycle to another version, and publish a new version typed as text (one
 * category, theme or negative-list entry a line, cells split by `|`; amounts
 * in yuan). Both carry the district the page shows as a hidden field.
 */
import type { PageForm } from '#http/form-edge.ts';
import { refusal, type Caller } from '#cases/use-case.ts';
import { bindRulebookCase, createRulebookCase } from '#cases/rulebooks.ts';
import { parseYuan } from '#domain/money.ts';
import { RESULT_RULES, SCREENING_MODES, VOTE_EFFECTS, VOTE_METHODS, type ResultRule, type RulebookSettings, type VoteMethod } from '#domain/rulebook.ts';
import { councilTranslator } from '../i18n/council.ts';
import { punct } from '../i18n/punct.ts';

/** The text form into a new version's input; a line or an amount it cannot read is refused, each problem on its own line. */
function readRulebook(form: Record<string, string>, caller: Caller) {
  const c = councilTranslator(caller.locale);
  const { colon } = punct(caller.locale);
  const problems: string[] = [];
  const lines = (text: string, parts: number, label: string) =>
    text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l, i) => {
      const cells = l.split(/[|\uFF5C]/).map((x) => x.trim());
      if (cells.length !== parts || cells.some((x) => x === '')) problems.push(`${label}${colon}${c('rulebooks.line', { n: i + 1 })}`);
      return cells;
    });
  const money = (s: string, label: string) => {
    const r = parseYuan(s);
    if (!r.ok) {
      problems.push(`${label}${colon}${s || '—'}`);
      return 0;
    }
    return r.fen;
  };
  const v = (k: string) => form[k] ?? '';
  const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
  const method = (VOTE_METHODS as readonly string[]).includes(v('voteMethod')) ? (v('voteMethod') as VoteMethod) : 'approval';
  const settings: RulebookSettings = {
    communityBudgetFen: money(v('budget'), c('rulebooks.budget')),
    categories: lines(v('categories'), 4, c('rulebooks.caps')).map(([key, zh, en, cap]) => ({ key: key ?? '', name: { zh: zh ?? '', en: en ?? '' }, capFen: money(cap ?? '', `${c('rulebooks.caps')} ${key}`) })),
    themes: lines(v('themes'), 3, 'themes').map(([key, zh, en]) => ({ key: key ?? '', name: { zh: zh ?? '', en: en ?? '' } })),
    negativeList: lines(v('negative'), 3, c('rulebooks.negative')).map(([term, zh, en]) => ({ term: term ?? '', rule: { zh: zh ?? '', en: en ?? '' } })),
    quorum: { num: int(v('quorumNum')), den: int(v('quorumDen')), strict: true },
    passThreshold: { num: int(v('passNum')), den: int(v('passDen')) },
    noticeDays: int(v('noticeDays')),
    vote: {
      method,
      ...(method === 'approval' ? { maxChoices: int(v('maxChoices')) } : {}),
      ...(method === 'points' ? { points: int(v('points')), ...(v('maxPerProject') ? { maxPerProject: int(v('maxPerProject')) } : {}) } : {}),
      ...(method !== 'none' && v('voteHeld') === 'elsewhere' ? { held: 'elsewhere' as const } : {}),
      ...(method !== 'none' && v('voteEffect') === 'advisory' ? { effect: 'advisory' as const } : {}),
    },
    resultRule: (RESULT_RULES as readonly string[]).includes(v('resultRule')) ? (v('resultRule') as ResultRule) : 'greedy',
    ...(v('screening') === 'rolling' ? { screening: 'rolling' as const } : {}),
  };
  // The two choices come from selects: anything else is a tampered form, named rather than read as the default.
  if (!(VOTE_EFFECTS as readonly string[]).includes(v('voteEffect') || 'binding')) problems.push(`${c('rulebooks.effectInput')}${colon}${v('voteEffect')}`);
  if (!(SCREENING_MODES as readonly string[]).includes(v('screening') || 'after_collection')) problems.push(`${c('rulebooks.screeningInput')}${colon}${v('screening')}`);
  if (problems.length) return refusal('validation_failed', 400, problems.join('\n'));
  return { year: int(v('year')), settings };
}

const back = (what: string) => (_v: unknown, _path: unknown, values: Record<string, string>) => `/staff/rulebooks?district=${encodeURIComponent(values.district ?? '')}&done=${what}`;

export const RULEBOOK_FORMS: PageForm[] = [
  {
    page: '/staff/rulebooks',
    pick: { field: 'action', value: 'bind' },
    useCase: bindRulebookCase,
    read: (v) => ({ rulebookId: v.rulebook ?? '' }),
    params: (_path, _caller, values) => ({ cycleId: values.cycle ?? '' }),
    next: back('bound'),
  },
  {
    page: '/staff/rulebooks',
    pick: { field: 'action', value: 'create' },
    useCase: createRulebookCase,
    read: (v, _form, caller) => readRulebook(v, caller),
    params: (_path, _caller, values) => ({ districtId: values.district ?? '' }),
    next: back('published'),
  },
];
