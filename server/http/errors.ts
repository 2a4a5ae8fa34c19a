/**
 * @module Error responses for the API: always `{ error: { code, message,
 * fields? } }`, with the message in the caller's language. Field messages
 * come from zod issues mapped to plain sentences (zod's own messages are
 * English-only and developer-facing).
 */
import type { Context } from 'hono';
import type { z } from 'zod';

export type Locale = 'zh-CN' | 'en';

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

const GENERIC: Record<string, Record<Locale, string>> = {
  validation_failed: { 'zh-CN': '提交的内容有误，请检查标出的字段。', en: 'Some fields are not valid; see the fields listed.' },
  malformed_json: { 'zh-CN': '请求体不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  payload_too_large: { 'zh-CN': '提交的内容太大。', en: 'The request body is too large.' },
  not_found: { 'zh-CN': '找不到该资源。', en: 'Not found.' },
  rate_limited: { 'zh-CN': '尝试次数过多，请稍后再试。', en: 'Too many attempts; please try again later.' },
  cross_origin: { 'zh-CN': '拒绝来自其他网站的请求。', en: 'Cross-site requests are refused.' },
  internal: { 'zh-CN': '服务器出了点问题，请稍后再试。', en: 'Something went wrong on our side; please try again.' },
  unsupported_media_type: { 'zh-CN': '请以 JSON 格式提交。', en: 'Send the body as JSON.' },
};

export function genericMessage(code: string, locale: Locale): string {
  return GENERIC[code]?.[locale] ?? code;
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

const KIND_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  array: { 'zh-CN': '列表', en: 'a list' },
  string: { 'zh-CN': '文字', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  int: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': '是或否（true/false）', en: 'true or false' },
  object: { 'zh-CN': '对象（{…}）', en: 'an object ({…})' },
};

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
  const zh = locale === 'zh-CN';
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type': {
      const value = given ? given.value : i.input;
      if (value === undefined || value === null) return zh ? '必填' : 'Required';
      const kind = KIND_NAMES[String(i.expected)];
      if (kind) return zh ? `应为${kind['zh-CN']}` : `Must be ${kind.en}`;
      return zh ? `类型错误，应为 ${String(i.expected)}` : `Must be of type ${String(i.expected)}`;
    }
    case 'too_small':
      if (i.origin === 'string') {
        return Number(i.minimum) <= 1
          ? zh ? '不能为空' : 'Must not be empty'
          : zh ? `至少 ${i.minimum} 个字符` : `Must be at least ${i.minimum} characters`;
      }
      return zh ? `不能小于 ${i.minimum}` : `Must be at least ${i.minimum}`;
    case 'too_big':
      if (i.origin === 'string') return zh ? `最多 ${i.maximum} 个字符` : `Must be at most ${i.maximum} characters`;
      return zh ? `不能大于 ${i.maximum}` : `Must be at most ${i.maximum}`;
    case 'unrecognized_keys':
      return zh ? `不认识的字段：${(i.keys as string[]).join(', ')}` : `Unknown field(s): ${(i.keys as string[]).join(', ')}`;
    case 'invalid_format':
      return zh ? '格式不正确' : 'Wrong format';
    case 'invalid_value':
      return zh
        ? `只能是：${(i.values as unknown[]).map(String).join(' / ')}`
        : `Must be one of: ${(i.values as unknown[]).map(String).join(' / ')}`;
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
        fields[path] ??= locale === 'zh-CN' ? '不认识的字段' : 'Unknown field';
      }
      continue;
    }
    const path = issue.path.length ? issue.path.join('.') : '_';
    // Custom refinements carry their message as "zh|en".
    const given = input ? { value: valueAt(input.value, issue.path) } : undefined;
    const msg = issue.code === 'custom' ? pickLocalized(issue.message, locale) : issueMessage(issue, locale, given);
    fields[path] ??= msg;
  }
  return fields;
}

/** Messages of custom refinements are written "中文|English". */
export function pickLocalized(message: string, locale: Locale): string {
  const [zh, en] = message.split('|');
  return locale === 'en' ? (en ?? zh) : zh;
}
