/**
 * @module Error responses for the API: always `{ error: { code, message,
 * fields? } }`, with the message in the caller's language. Field messages
 * come from zod issues mapped to plain sentences (zod's own messages are
 * English-only and developer-facing).
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { say as catalogue, type ReasonKey } from '#messages/say.ts';
import type { Vars } from '#messages/format.ts';

const sayReason = catalogue.reasons;

export type Locale = 'zh-CN' | 'en';

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

export function genericMessage(code: string, locale: Locale): string {
  const key = `http.${code}`;
  return sayReason.has(key) ? sayReason(locale, key) : code;
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
 * One sentence per zod issue, in the caller's language (reasons.json's
 * `input.*`). `given` is what the request held there, when known: a missing
 * value is "必填", a value of the wrong kind says which kind it should be.
 */
export function issueMessage(issue: z.core.$ZodIssue, locale: Locale, given?: { value: unknown }): string {
  const say = (key: ReasonKey, vars?: Vars) => sayReason(locale, key, vars);
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type': {
      const value = given ? given.value : i.input;
      if (value === undefined || value === null) return say('input.required');
      const kind = `input.kind.${String(i.expected)}`;
      if (sayReason.has(kind)) return say('input.must_be', { kind: say(kind) });
      return say('input.wrong_type', { expected: String(i.expected) });
    }
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? say('input.not_empty') : say('input.min_chars', { min: String(i.minimum) });
      return say('input.min', { min: String(i.minimum) });
    case 'too_big':
      return say(i.origin === 'string' ? 'input.max_chars' : 'input.max', { max: String(i.maximum) });
    case 'unrecognized_keys':
      return say('input.unknown_fields', { keys: (i.keys as string[]).join(', ') });
    case 'invalid_format':
      return say('input.wrong_format');
    case 'invalid_value':
      return say('input.one_of', { values: (i.values as unknown[]).map(String).join(' / ') });
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
        fields[path] ??= sayReason(locale, 'input.unknown_field');
      }
      continue;
    }
    const path = issue.path.length ? issue.path.join('.') : '_';
    const given = input ? { value: valueAt(input.value, issue.path) } : undefined;
    // Custom refinements, and checks given their own words (a pattern's `input.*` key), say those words.
    const msg = issue.code === 'custom' || isInputKey(issue.message) ? customMessage(issue.message, locale) : issueMessage(issue, locale, given);
    fields[path] ??= msg;
  }
  return fields;
}

const isInputKey = (message: string): message is ReasonKey => message.startsWith('input.') && sayReason.has(message);

/**
 * A schema's own message names its words in reasons.json (`input.iso_day`:
 * `z.string().regex(…, { message: 'input.iso_day' })`); any other custom
 * message is shown as written.
 */
export function customMessage(message: string, locale: Locale): string {
  return isInputKey(message) ? sayReason(locale, message) : message;
}

/** What a field or query parameter the request should not have is told. */
export function unknownFieldMessage(locale: Locale): string {
  return sayReason(locale, 'input.unknown_field');
}
