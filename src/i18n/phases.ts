/**
 * @module UI strings of a cycle's phases: the phase control, the phase
 * history (阶段记录), overruns, requests to move a cycle, "how this cycle
 * decides" and "when does this open". Chinese first, in the shape of
 * ./messages.ts: `tp(locale, key, vars)` fills `{name}` placeholders.
 */
import type { Locale } from './messages.ts';

import zh from '#messages/zh-CN/phases.json' with { type: 'json' };
import en from '#messages/en/phases.json' with { type: 'json' };
import { catalogue } from '#messages/catalogue.ts';

export type PhasesKey = keyof typeof zh;

/** `tp(locale, key, vars)`: the key's message in that locale (Chinese where English lacks it), formatted (messages/catalogue.ts). */
export const tp = catalogue<PhasesKey>(zh, en);

/** A calendar day (YYYY-MM-DD, China) in words: "2026年12月16日", "16 December 2026". */
export function formatDay(locale: Locale, day: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(new Date(`${day}T12:00:00+08:00`));
}
