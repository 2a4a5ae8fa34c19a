/**
 * @module Text a person types, as zod schemas whose API document says exactly
 * what they accept. Surrounding whitespace is dropped, but only after the
 * length is counted, so the document's `maxLength` is the length of the text
 * as sent; "not blank" is the pattern `\S` (JavaScript's trim and a regular
 * expression's `\s` agree on what whitespace is), so a client generated from
 * the document knows that "   " is refused as well as "". A zod string has at
 * most one pattern here: the document can only show one.
 */
import { z } from 'zod';

/** At most `max` characters as sent, surrounding whitespace dropped; may be blank. */
export function typedText(max: number) {
  return z.string().max(max).trim();
}

/** At most `max` characters as sent, surrounding whitespace dropped, and not blank. */
export function filledText(max: number) {
  return z.string().max(max).trim().min(1).regex(/\S/);
}

/**
 * Text of the form `core` (a regular expression's source, without anchors),
 * with whitespace around it allowed and dropped: at most `max` characters as
 * sent. `message` is the key of its words in reasons.json (`input.*`, server/http/errors.ts).
 */
export function shapedText(core: string, max: number, message: string) {
  return z.string().max(max).regex(new RegExp(`^\\s*(?:${core})\\s*$`), { message }).trim();
}

/** A day written YYYY-MM-DD, its month 01–12 and its day 01–31 (whether it exists, 2026-02-30, is the service's to say). */
export const CALENDAR_DAY = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

/**
 * A whole number sent as text (a query parameter, a form field), read as
 * JSON Schema's readers coerce text to a number ("40", " 40", "4e1") but
 * never from empty text, which Number() would read as 0.
 */
export function typedInteger(min: number, max: number) {
  return z.preprocess((v) => (typeof v === 'string' && v !== '' ? Number(v) : v), z.number().int().min(min).max(max));
}
