/**
 * @module How a locale joins words (ui.json's `punct.*`): a label and what
 * it labels (`colon`: "：" / ": "), a list ("、" / ", "), clauses ("；" /
 * "; "), a comma ("，" / ", ") and an aside in brackets ("（…）" / " (…)").
 * Pages use it where they put catalogue words side by side.
 */
import { say } from '#messages/say.ts';
import type { Locale } from '#messages/format.ts';

export function punct(locale: Locale) {
  return {
    colon: say.ui(locale, 'punct.colon'),
    list: say.ui(locale, 'punct.list'),
    semicolon: say.ui(locale, 'punct.semicolon'),
    comma: say.ui(locale, 'punct.comma'),
    paren: (text: string | number) => say.ui(locale, 'punct.paren', { text: String(text) }),
  };
}
