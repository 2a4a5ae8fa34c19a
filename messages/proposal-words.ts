/**
 * @module A proposal's checks in words (participation.json's `check.*`):
 * each field's problem, the category's cap ("工程类项目上限 100万元") and a
 * negative-list warning. server/domain/proposal-checks.ts finds them; this
 * says them, on the server and in the proposal-check island alike, from
 * participation.json's messages for one locale. Plain `{name}` arguments.
 */
import { fillArguments } from './fill.ts';
import type { Locale } from './format.ts';
import type { say } from './say.ts';
import { formatFen } from '#messages/money.ts';
import type { NegativeListWarning, ProposalCheck, ProposalIssue } from '#domain/proposal-checks.ts';
import type { Bilingual } from '#domain/rulebook.ts';

export type ParticipationWords = ReturnType<typeof say.participation.table>;

const name = (b: Bilingual, locale: Locale) => (locale === 'en' ? b.en : b.zh);

/** "工程类项目上限 100万元" / "Engineering projects: at most ¥1,000,000". */
export function capRuleText(category: { name: Bilingual; capFen: number }, words: ParticipationWords, locale: Locale): string {
  return fillArguments(words['check.capRule'], { category: name(category.name, locale), cap: formatFen(category.capFen, locale) });
}

export function proposalIssueText(issue: ProposalIssue, words: ParticipationWords, locale: Locale): string {
  const v = issue.values ?? {};
  return fillArguments(words[`check.issue.${issue.code}`], {
    ...(v.min !== undefined ? { min: v.min } : {}),
    ...(v.max !== undefined ? { max: v.max } : {}),
    ...(v.n !== undefined ? { n: v.n } : {}),
    ...(v.costFen !== undefined ? { cost: formatFen(v.costFen, locale) } : {}),
    ...(v.cap ? { rule: capRuleText(v.cap, words, locale) } : {}),
  });
}

/** Every field's problem in one language, for an API error body or a form. */
export function fieldMessages(fields: ProposalCheck['fields'], words: ParticipationWords, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).flatMap(([k, v]) => (v ? [[k, proposalIssueText(v, words, locale)]] : [])));
}

/** "可能属于负面清单（“物业”）：属于物业服务企业职责范围内的事项，不纳入民生微实事". */
export function warningText(w: NegativeListWarning, words: ParticipationWords, locale: Locale): string {
  return fillArguments(words['check.warning'], { term: w.term, rule: name(w.rule, locale) });
}

/** A rule of the rulebook (bilingual data) in one language. */
export function inLocale(message: Bilingual, locale: Locale): string {
  return name(message, locale);
}
