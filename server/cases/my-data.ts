/**
 * @module 我的信息's use cases: correct my name and mobile number, correct my
 * own register entry, close my account.
 */
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { DetailsInput, RegisterCorrectionInput, correctDetails, correctRegisterEntry } from '../services/personal-details.ts';
import { CloseInput, closeAccount } from '../services/account-closure.ts';
import { say } from '#messages/say.ts';
import { DEVICE_COOKIE } from '../services/sign-in.ts';
import { done, notSignedIn, refusal, refusedFor, signedInUseCase } from './use-case.ts';

export const correctDetailsCase = signedInUseCase({
  name: 'me.correctDetails',
  input: DetailsInput,
  async run(caller, input) {
    const r = await correctDetails(caller.ctx, caller.auth.account.id, input);
    if (r.ok) return done({ changed: r.changed });
    if (r.code === 'not_found') return notSignedIn(caller);
    return refusal(r.code, r.code === 'login_taken' ? 409 : 422, say.reasons(caller.locale, `details.${r.code}`), { field: 'mobile' });
  },
});

/** Params: the community whose register holds my entry. */
export const correctResidencyCase = signedInUseCase({
  name: 'me.correctResidency',
  input: RegisterCorrectionInput,
  async run(caller, input, params: { slug: string }) {
    const r = await correctRegisterEntry(caller.ctx, caller.auth.account.id, params.slug, input);
    if (r.ok) return done({ changed: r.changed, reverify: r.reverify });
    if (r.code === 'not_resident_of_community') return refusedFor(caller, r.code);
    return refusal(r.code, 409, say.reasons(caller.locale, `details.${r.code}`));
  },
});

export const closeAccountCase = signedInUseCase({
  name: 'me.closeAccount',
  input: CloseInput,
  async run(caller, input) {
    const r = await closeAccount(caller.ctx, caller.auth.account.id, input);
    if (!r.ok) {
      if (r.code === 'not_found') return notSignedIn(caller);
      const msg = say.reasons(caller.locale, `closure.${r.code}`);
      return r.code === 'holds_office' ? refusal(r.code, 409, msg) : refusal(r.code, 422, msg, { field: 'password' });
    }
    // The browser forgets the session and the device cookie; the server has already forgotten both.
    return done(null, [{ name: SESSION_COOKIE, delete: true }, { name: DEVICE_COOKIE, delete: true }]);
  },
});
