/**
 * @module Error responses for the API: always `{ error: { code, message,
 * fields? } }`, with the message in the caller's language. Field messages
 * come from zod issues mapped to plain sentences (zod's own messages are
 * English-only and developer-facing); the words are the catalogue's,
 * messages/zh-CN/api.json and messages/en/api.json.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import zh from '#messages/zh-CN/api.json' with { type: 'json' };
import en from '#messages/en/api.json' with { type: 'json' };
import { formatMessage } from '#messages/format.ts';

export type Locale = 'zh-CN' | 'en';

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

type ApiKey = keyof typeof zh;
const CATALOGUE: Record<Locale, Record<ApiKey, string>> = { 'zh-CN': zh, en };

/** A message of the API's catalogue (messages/zh-CN/api.json, messages/en/api.json), its arguments filled. */
function say(locale: Locale, key: ApiKey, vars: Record<string, string> = {}): string {
  return formatMessage(locale, CATALOGUE[locale][key], vars);
}

/** What a field or query parameter the request should not have is told. */
export function unknownFieldMessage(locale: Locale): string {
  return say(locale, 'field.unknown');
}

/** The sentence of a generic error code (`validation_failed`, `not_found`, …); the code itself when it has none. */
export function genericMessage(code: string, locale: Locale): string {
  const key = `error.${code}`;
  return key in zh ? say(locale, key as ApiKey) : code;
}

export function errorBody(code: string, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: fields && Object.keys(fields).length ? { code, message, fields } : { code, message } };
}

export function localeOf(c: Context): Locale {
  const cookie = c.req.header('cookie') ?? '';
  const m = /(?:^|;\s*)lang=(en|zh-CN)/.exec(cookie);
  if (m) return m[1] as Locale;
  const al = c.req.header('accept-language') ?? '';
  return /^en/i.test(al) ? 'en' : 'zh-CN';
}

const KINDS = new Set(['array', 'string', 'number', 'int', 'boolean', 'object']);

/** What the request held at `path` (zod 4 leaves the input out of its issues). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * One sentence per zod issue, in the caller's language. `given` is what the
 * request held there, when known: a missing value is "必填", a value of the
 * wrong kind says which kind it should be.
 */
export function issueMessage(issue: z.core.$ZodIssue, locale: Locale, given?: { value: unknown }): string {
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type': {
      const value = given ? given.value : i.input;
      if (value === undefined || value === null) return say(locale, 'field.required');
      const expected = String(i.expected);
      if (KINDS.has(expected)) return say(locale, 'field.wrongKind', { kind: say(locale, `kind.${expected}` as ApiKey) });
      return say(locale, 'field.wrongType', { type: expected });
    }
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? say(locale, 'field.empty') : say(locale, 'field.minChars', { n: String(i.minimum) });
      return say(locale, 'field.min', { n: String(i.minimum) });
    case 'too_big':
      return say(locale, i.origin === 'string' ? 'field.maxChars' : 'field.max', { n: String(i.maximum) });
    case 'unrecognized_keys':
      return say(locale, 'field.unknownList', { keys: (i.keys as string[]).join(', ') });
    case 'invalid_format':
      return say(locale, 'field.format');
    case 'invalid_value':
      return say(locale, 'field.oneOf', { values: (i.values as unknown[]).map(String).join(' / ') });
    default:
      return issue.message;
  }
}

export function fieldsFromZod(error: z.ZodError, locale: Locale, input?: { value: unknown }): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of (issue as { keys: string[] }).keys) {
        const path = [...issue.path, k].join('.');
        fields[path] ??= unknownFieldMessage(locale);
      }
      continue;
    }
    const path = issue.path.length ? issue.path.join('.') : '_';
    // Custom refinements, and checks given their own words, carry their message as "zh|en".
    const given = input ? { value: valueAt(input.value, issue.path) } : undefined;
    const msg = issue.code === 'custom' || isLocalized(issue.message) ? pickLocalized(issue.message, locale) : issueMessage(issue, locale, given);
    fields[path] ??= msg;
  }
  return fields;
}

/** A message written "中文|English" (zod's own messages are English alone). */
function isLocalized(message: string): boolean {
  const bar = message.indexOf('|');
  return bar > 0 && /[\u3400-\u9fff]/.test(message.slice(0, bar));
}

/** Messages of custom refinements are written "中文|English". */
export function pickLocalized(message: string, locale: Locale): string {
  const [zh, en] = message.split('|');
  return locale === 'en' ? (en ?? zh) : zh;
}
