/**
 * @module UI strings of the two checks on /audit/verify that run in the
 * browser: recounting a finished vote from its published `.pb`, and finding
 * one's receipt among the counted ones. Chinese first; same shape as
 * voting.ts (`tr(locale, key, vars)` fills `{name}` placeholders). Used by
 * the pages and by the islands, so nothing here imports server code.
 */
import type { Locale } from './messages.ts';

import zh from '#messages/zh-CN/recount.json' with { type: 'json' };
import en from '#messages/en/recount.json' with { type: 'json' };
import { fillArguments } from '#messages/fill.ts';

export type RecountKey = keyof typeof zh;

const TABLE: Record<Locale, Record<RecountKey, string>> = { 'zh-CN': zh, en };

export function tr(locale: Locale, key: RecountKey, vars: Record<string, string | number> = {}): string {
  const s: string = TABLE[locale][key] ?? zh[key] ?? key;
  return fillArguments(s, vars);
}
