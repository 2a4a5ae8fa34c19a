/**
 * @module UI strings for what residents do: proposing (and paper proposals),
 * attachments, comments, the satisfaction survey, notifications. Same shape
 * as messages.ts: a Chinese table, an English one with the same keys, and
 * `pt(locale, key, vars)` filling `{name}` placeholders.
 */
import type { Locale } from './messages.ts';

import zh from '#messages/zh-CN/participation.json' with { type: 'json' };
import en from '#messages/en/participation.json' with { type: 'json' };
import { fillArguments } from '#messages/fill.ts';

export type ParticipationKey = keyof typeof zh;

const TABLE: Record<Locale, Record<ParticipationKey, string>> = { 'zh-CN': zh, en };

export function pt(locale: Locale, key: ParticipationKey, vars: Record<string, string | number> = {}): string {
  const s: string = TABLE[locale][key] ?? zh[key] ?? key;
  return fillArguments(s, vars);
}

/** The area's messages in one language, for the words modules of messages/ (proposal-words.ts) in the browser. */
export function participationWords(locale: Locale): Record<ParticipationKey, string> {
  return TABLE[locale];
}

/** Whether `key` is one of these messages (for names built at run time, such as `field.${name}`). */
export function isParticipationKey(key: string): key is ParticipationKey {
  return Object.hasOwn(zh, key);
}

export function ptranslator(locale: Locale) {
  return (key: ParticipationKey, vars?: Record<string, string | number>) => pt(locale, key, vars);
}
