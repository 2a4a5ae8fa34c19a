/**
 * @module One catalogue area as a function: `const say = catalogue(zh, en)`,
 * then `say(locale, key, vars)` formats that key's ICU message (format.ts).
 * The key type comes from the Chinese file, and the English file must have
 * every one of them, so TypeScript refuses a key that is missing in either.
 * `say.has(key)` tells a key built at run time (`state.${s}`) from one that
 * is not there; `say.table(locale)` is the area's messages as they stand,
 * for a page to hand to a browser island (which fills them with fill.ts).
 */
import { formatMessage, type Locale, type Vars } from './format.ts';

export type Say<K extends string> = ((locale: Locale, key: K, vars?: Vars) => string) & { has(key: string): key is K; table(locale: Locale): Record<K, string> };

export function catalogue<K extends string>(zh: Record<K, string>, en: Record<K, string>): Say<K> {
  const table: Record<Locale, Record<K, string>> = { 'zh-CN': zh, en };
  const say = (locale: Locale, key: K, vars?: Vars) => formatMessage(locale, table[locale][key] ?? zh[key] ?? key, vars);
  return Object.assign(say, { has: (key: string): key is K => Object.hasOwn(zh, key), table: (locale: Locale) => table[locale] });
}
