/**
 * @module UI strings, Chinese first. `t(locale, key, vars)` looks a key up
 * and fills `{name}` placeholders. Domain names (states, phases, reasons)
 * come from the domain modules so there is one source for each.
 */
export type Locale = 'zh-CN' | 'en';
export const LANG_COOKIE = 'lang';

export function pickLocale(cookie: string | undefined, _acceptLanguage: string | null): Locale {
  // Chinese is the default for everyone; English only when chosen with the switch.
  return cookie === 'en' ? 'en' : 'zh-CN';
}

import zh from '#messages/zh-CN/ui.json' with { type: 'json' };
import en from '#messages/en/ui.json' with { type: 'json' };
import { catalogue } from '#messages/catalogue.ts';

export type MessageKey = keyof typeof zh;

/** `t(locale, key, vars)`: the key's message in that locale (Chinese where English lacks it), formatted (messages/catalogue.ts). */
export const t = catalogue<MessageKey>(zh, en);

export function translator(locale: Locale) {
  return (key: MessageKey, vars?: Record<string, string | number>) => t(locale, key, vars);
}

/** Name from a bilingual {zh, en} pair. */
export function pick(locale: Locale, names: { zh: string; en: string } | { 'zh-CN': string; en: string }): string {
  if ('zh' in names) return locale === 'en' ? names.en : names.zh;
  return names[locale];
}
