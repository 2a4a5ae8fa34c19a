/**
 * @module UI strings of the council pages (screening, membership, meetings,
 * public notice, rulebooks), Chinese first, in the same shape as
 * ./messages.ts: `ct(locale, key, vars)` fills `{name}` placeholders.
 */
import type { Locale } from './messages.ts';

import zh from '#messages/zh-CN/council.json' with { type: 'json' };
import en from '#messages/en/council.json' with { type: 'json' };
import { catalogue } from '#messages/catalogue.ts';

export type CouncilKey = keyof typeof zh;

/** `ct(locale, key, vars)`: the key's message in that locale (Chinese where English lacks it), formatted (messages/catalogue.ts). */
export const ct = catalogue<CouncilKey>(zh, en);

export function councilTranslator(locale: Locale) {
  return (key: CouncilKey, vars?: Record<string, string | number>) => ct(locale, key, vars);
}

/** Names for the council's audit actions (council.json's `action.<action>`), for a project's history and the audit page. */
export function councilActionName(action: string, locale: Locale): string | null {
  const key = `action.${action}`;
  return Object.hasOwn(zh, key) ? ct(locale, key as CouncilKey) : null;
}
