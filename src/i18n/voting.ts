/**
 * @module UI strings of the resident vote (ballot, receipts, paper ballots,
 * results), Chinese first. Same shape as messages.ts: `tv(locale, key, vars)`
 * fills `{name}` placeholders. Rule and reason messages come from the domain
 * and services, not from here.
 */
import type { Locale } from './messages.ts';

import zh from '#messages/zh-CN/voting.json' with { type: 'json' };
import en from '#messages/en/voting.json' with { type: 'json' };
import { catalogue } from '#messages/catalogue.ts';

export type VotingKey = keyof typeof zh;

/** `tv(locale, key, vars)`: the key's message in that locale (Chinese where English lacks it), formatted (messages/catalogue.ts). */
export const tv = catalogue<VotingKey>(zh, en);

export function votingTranslator(locale: Locale) {
  return (key: VotingKey, vars?: Record<string, string | number>) => tv(locale, key, vars);
}

/**
 * The meter's strings, handed to the ballot island as plain data (islands do
 * not load the whole table): `meter.*` without the prefix, and the ballot's
 * `issue.*` words as they are (messages/ballot-words.ts reads them).
 */
export function meterStrings(locale: Locale): Record<string, string> {
  const keys = Object.keys(zh) as VotingKey[];
  return Object.fromEntries([
    ...keys.filter((k) => k.startsWith('meter.')).map((k) => [k.slice('meter.'.length), tv.table(locale)[k]]),
    ...keys.filter((k) => k.startsWith('issue.')).map((k) => [k, tv.table(locale)[k]]),
  ]);
}
