/** @module The care version (large text), text size and read-aloud words: messages/zh-CN/care.json and messages/en/care.json. */
import zh from '#messages/zh-CN/care.json' with { type: 'json' };
import en from '#messages/en/care.json' with { type: 'json' };
import { catalogue } from '#messages/catalogue.ts';
import type { Locale } from './messages.ts';

export type CareKey = keyof typeof zh;

/** `tc(locale, key, vars)`: the key's message in that locale (Chinese where English lacks it), formatted (messages/catalogue.ts). */
export const tc = catalogue<CareKey>(zh, en);
