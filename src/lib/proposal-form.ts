/**
 * @module What the three proposal pages (propose, paper-proposal, a draft's
 * edit page) show after their proposal form was refused: the fields as
 * typed, each error by its field, and the summary's message. The form's
 * post is handled by its use case (src/forms/proposals.ts); files are never
 * kept, so the person chooses them again.
 */
import type { AstroGlobal } from 'astro';
import { PROPOSAL_FIELDS } from '#domain/proposal-checks.ts';
import { ptranslator } from '../i18n/participation.ts';
import { formState } from './form-state.ts';

/** A proposal's fields as the form shows them: each as typed, at most 5000 characters. */
export function proposalValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(PROPOSAL_FIELDS.map((f) => [f, (values[f] ?? '').slice(0, 5000)]));
}

/**
 * The outcome of the form just posted to this page (its status set on the
 * answer): `values` are what was typed into the proposal form of use case
 * `useCase`, or null when another form was posted (or nothing was read).
 */
export function proposalFormState(Astro: Pick<AstroGlobal, 'locals' | 'response'>, useCase: string) {
  const posted = formState(Astro);
  const p = ptranslator(Astro.locals.locale);
  const errors = posted?.errors ?? {};
  const message = !posted ? null : posted.code === 'payload_too_large' ? p('error.tooLarge') : Object.keys(errors).length ? p('propose.fixErrors') : posted.error;
  const values = posted?.useCase === useCase && posted.code !== 'payload_too_large' ? proposalValues(posted.values) : null;
  return { errors, message, values };
}
