/** @module Small helpers shared by pages: names, badges, dates, safe redirects, form parsing. */
import type { z } from 'zod';
import { say } from '#messages/say.ts';
import { fieldsFromZod } from '#http/errors.ts';
import type { Locale } from '../i18n/messages.ts';

export function stateName(locale: Locale, state: string): string {
  const key = `state.${state}`;
  return say.names.has(key) ? say.names(locale, key) : state;
}

export function phaseName(locale: Locale, phase: string | null): string {
  const key = `phase.${phase ?? 'none'}`;
  return say.names.has(key) ? say.names(locale, key) : (phase as string);
}

const GOOD = new Set(['screened_in', 'shortlisted', 'in_public_notice', 'approved', 'in_progress', 'accepted', 'evaluated', 'audited', 'archived']);
const BAD = new Set(['screened_out', 'not_shortlisted', 'rejected', 'withdrawn', 'acceptance_failed']);
export function stateClass(state: string): string {
  return GOOD.has(state) ? 'badge state-good' : BAD.has(state) ? 'badge state-bad' : 'badge state-wait';
}

// One formatter per locale and style, made once: building an Intl.DateTimeFormat costs more than formatting with it.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, time: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${time}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', ...(time ? { timeStyle: 'short' as const } : {}), timeZone: 'Asia/Shanghai' })));
  return f;
}

export function formatDate(locale: Locale, d: Date | string): string {
  return dateFormat(locale, false).format(typeof d === 'string' ? new Date(d) : d);
}

export function formatDateTime(locale: Locale, d: Date | string): string {
  return dateFormat(locale, true).format(typeof d === 'string' ? new Date(d) : d);
}

/** Only same-site paths: never an open redirect. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  try {
    // Re-serialise through URL: percent-encodes non-ASCII (a Location header must be ASCII) and keeps it on this site.
    const u = new URL(next, 'http://same.invalid');
    if (u.host !== 'same.invalid') return fallback;
    return u.pathname + u.search + u.hash;
  } catch {
    return fallback;
  }
}

/** Read a posted form into plain strings (files are ignored here). */
export async function readForm(request: Request): Promise<{ form: FormData; values: Record<string, string> }> {
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string') values[k] = v;
  return { form, values };
}

/** Validate only the named fields of a form with a zod schema; errors come back per field, localized. */
export function validateForm<S extends z.ZodType>(schema: S, values: Record<string, string>, fields: string[], locale: Locale):
  | { ok: true; data: z.infer<S> }
  | { ok: false; errors: Record<string, string> } {
  const picked = Object.fromEntries(fields.map((f) => [f, values[f] ?? '']));
  const r = schema.safeParse(picked);
  if (r.success) return { ok: true, data: r.data };
  return { ok: false, errors: fieldsFromZod(r.error, locale, { value: picked }) };
}
