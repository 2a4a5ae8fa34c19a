/**
 * @module The API document's words in both languages, from the catalogue
 * area api-doc (messages/zh-CN/api-doc.json, messages/en/api-doc.json). The
 * route declarations carry the English (they are the source the document is
 * generated from); the catalogue carries the document's tags and
 * introduction in both languages (`tag.<name>.title`,
 * `tag.<name>.description`, `intro`), and the Chinese of every English text
 * the declarations give: operation summaries and descriptions by
 * operationId (`operation.<id>.summary`, `operation.<id>.description`), and
 * the descriptions of answers, parameters and schemas by their English text
 * (`text.<English>`: one translation per sentence, wherever it occurs). The
 * English side of those keys repeats the declarations' words, and
 * `untranslated` (server/http/api-doc.ts) fails when it no longer does.
 * server/http/api-doc.test.ts fails on an English text without its Chinese,
 * so a new route is declared in both.
 */
import { say } from '#messages/say.ts';
import type { Locale } from './errors.ts';

type Both = Readonly<Record<Locale, string>>;

const both = (key: Parameters<typeof say.apiDoc>[1]): Both => ({ 'zh-CN': say.apiDoc('zh-CN', key), en: say.apiDoc('en', key) });
const keyed = (key: string) => {
  if (!say.apiDoc.has(key)) throw new Error(`api-doc.json has no ${key}`);
  return both(key);
};

/** Every tag the operations use, in the order the reference shows them. */
const TAG_NAMES = ['auth', 'my data', 'places', 'projects', 'cycles', 'proposals', 'voting', 'council', 'delivery', 'comments', 'ratings', 'notifications', 'residents', 'audit', 'open data', 'statistics', 'rulebooks', 'forms', 'system'];

export const API_TAGS: readonly { name: string; title: Both; description: Both }[] = TAG_NAMES.map((name) => ({ name, title: keyed(`tag.${name}.title`), description: keyed(`tag.${name}.description`) }));

/** The document's introduction (info.description). */
export const API_INTRO: Both = both('intro');

const entries = (prefix: string, locale: Locale) =>
  Object.keys(say.apiDoc.table(locale))
    .filter((k) => k.startsWith(prefix))
    .map((k) => [k.slice(prefix.length), say.apiDoc(locale, k as Parameters<typeof say.apiDoc>[1])] as const);

function operations(locale: Locale): Readonly<Record<string, { summary: string; description?: string }>> {
  const ops: Record<string, { summary: string; description?: string }> = {};
  for (const [k, text] of entries('operation.', locale)) {
    const cut = k.lastIndexOf('.');
    const id = k.slice(0, cut), part = k.slice(cut + 1) as 'summary' | 'description';
    (ops[id] ??= { summary: '' })[part] = text;
  }
  return ops;
}

/** Chinese summaries (and descriptions, where an operation has one) by operationId. */
export const OPERATIONS_ZH = operations('zh-CN');
/** The same keys' English, which must be the declarations' own words. */
export const OPERATIONS_EN = operations('en');

/** The Chinese of each English description of answers, parameters and schemas, by that English. */
export const TEXT_ZH: Readonly<Record<string, string>> = Object.fromEntries(entries('text.', 'zh-CN'));
/** The same keys' English: each the key's own English text. */
export const TEXT_EN: Readonly<Record<string, string>> = Object.fromEntries(entries('text.', 'en'));
