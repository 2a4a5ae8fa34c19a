/** @module The care version (large text), text size and read-aloud words: messages/zh-CN/care.json and messages/en/care.json. */
import zh from '#messages/zh-CN/care.json' with { type: 'json' };
import en from '#messages/en/care.json' with { type: 'json' };
import { formatMessage } from '#messages/format.ts';
import type { Locale } from './messages.ts';

export type CareKey = keyof typeof zh;

const TABLE: Record<Locale, Record<CareKey, string>> = { 'zh-CN': zh, en };

export function tc(locale: Locale, key: CareKey, vars: Record<string, string | number> = {}): string {
  return formatMessage(locale, TABLE[locale][key] ?? zh[key] ?? key, vars);
}
