/**
 * @module How the site looks for this browser: the care version (large text, large
 * controls, one column, fewer choices) or the standard one, and the text size
 * (A− / A / A+). Both are remembered for a year in cookies that every page reads.
 */
import { z } from 'zod';
import { done, useCase, type CookieChange } from './use-case.ts';

export const DISPLAY_MODE_COOKIE = 'display_mode';
export const TEXT_SIZE_COOKIE = 'text_size';
export const DISPLAY_MODES = ['care', 'standard'] as const;
export const TEXT_SIZES = ['s', 'm', 'l'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const DisplayInput = z.strictObject({ mode: z.enum(DISPLAY_MODES).optional(), size: z.enum(TEXT_SIZES).optional() });

const YEAR = 365 * 24 * 3600;

export const chooseDisplayCase = useCase({
  name: 'display.choose',
  input: DisplayInput,
  async run(caller, input) {
    const attributes = { path: '/', maxAge: YEAR, sameSite: 'lax' as const, httpOnly: false, secure: caller.ctx.secureCookies };
    const cookies: CookieChange[] = [];
    if (input.mode) cookies.push({ name: DISPLAY_MODE_COOKIE, value: input.mode, attributes });
    if (input.size) cookies.push({ name: TEXT_SIZE_COOKIE, value: input.size, attributes });
    return done(input, cookies);
  },
});

/** The display a request asks for: its cookies, or `?mode=` in a link. */
export function displayOf(modeCookie: string | undefined, sizeCookie: string | undefined): { care: boolean; size: TextSize; chosen: boolean } {
  return {
    care: modeCookie === 'care',
    size: (TEXT_SIZES as readonly string[]).includes(sizeCookie ?? '') ? (sizeCookie as TextSize) : 'm',
    chosen: modeCookie === 'care' || modeCookie === 'standard',
  };
}
