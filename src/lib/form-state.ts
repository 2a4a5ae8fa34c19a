/**
 * @module What a page shows after a form posted to it was refused: the page
 * edge (server/http/form-edge.ts) ran the use case and left the outcome in
 * `Astro.locals.form`; the page answers with its status and shows the values
 * and errors. Pages never handle a post themselves.
 */
import type { AstroGlobal } from 'astro';
import type { FormState } from '#http/form-edge.ts';

/** The outcome of the form just posted here (with its status and Retry-After set on the page's answer), or null. */
export function formState(Astro: Pick<AstroGlobal, 'locals' | 'response'>): FormState | null {
  const s = Astro.locals.form ?? null;
  if (!s) return null;
  Astro.response.status = s.status;
  if (s.retryAfterSeconds !== undefined) Astro.response.headers.set('Retry-After', String(s.retryAfterSeconds));
  return s;
}
