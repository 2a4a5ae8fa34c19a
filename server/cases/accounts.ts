/** @module Accounts' use cases: sign up, sign in, sign out, change the password, choose the language. */
import { SESSION_COOKIE, sessionCookieAttributes } from '../auth/sessions.ts';
import { ChangePasswordInput, SignInInput, SignUpInput, changePassword, loadActor, signOut, signUp } from '../services/accounts.ts';
import { DEVICE_COOKIE, deviceCookieAttributes, signInGuarded } from '../services/sign-in.ts';
import { z } from 'zod';
import { done, rateLimited, refusal, signedInUseCase, useCase, type Caller, type CookieChange } from './use-case.ts';
import { say } from '#messages/say.ts';


function sessionCookie(caller: Caller, token: string, expiresAt: Date): CookieChange {
  return { name: SESSION_COOKIE, value: token, attributes: sessionCookieAttributes(caller.ctx.secureCookies, expiresAt, caller.ctx.now()) };
}

export const signUpCase = useCase({
  name: 'account.signUp',
  input: SignUpInput,
  async run(caller, input) {
    const { ctx } = caller;
    const wait = await ctx.limits.signUp.consume(ctx.database, caller.address, 1, ctx.now());
    if (wait > 0) return rateLimited(caller, wait);
    const r = await signUp(ctx, input);
    if (!r.ok) return refusal(r.code, 409, say.reasons(caller.locale, 'account.login_taken'), { field: 'login' });
    return done({ accountId: r.value.accountId }, [sessionCookie(caller, r.value.token, r.value.expiresAt)]);
  },
});

export const signInCase = useCase({
  name: 'account.signIn',
  input: SignInInput,
  async run(caller, input) {
    const { ctx } = caller;
    const r = await signInGuarded(ctx, { ...input, address: caller.address, deviceToken: caller.cookie(DEVICE_COOKIE) });
    if (!r.ok && r.code === 'rate_limited') return rateLimited(caller, r.waitMs);
    if (!r.ok) return refusal(r.code, 401, say.reasons(caller.locale, 'account.invalid_credentials'));
    // Where a person without a page to return to lands: staff and officers on their desk.
    const { roles } = await loadActor(ctx, r.accountId);
    const desk = roles.some((x) => x.role === 'staff' || x.role === 'officer');
    return done({ accountId: r.accountId, desk }, [
      sessionCookie(caller, r.token, r.expiresAt),
      { name: DEVICE_COOKIE, value: r.device.token, attributes: deviceCookieAttributes(ctx.secureCookies, r.device.expiresAt, ctx.now()) },
    ]);
  },
});

export const changePasswordCase = signedInUseCase({
  name: 'account.changePassword',
  input: ChangePasswordInput,
  async run(caller, input) {
    const r = await changePassword(caller.ctx, caller.auth.account.id, input);
    if (!r.ok) {
      const msg = say.reasons(caller.locale, r.code === 'same_password' ? 'account.same_password' : 'account.wrong_password');
      return refusal(r.code, 422, msg, { field: r.field ?? (r.code === 'same_password' ? 'newPassword' : 'currentPassword') });
    }
    return done(null, [sessionCookie(caller, r.value.token, r.value.expiresAt)]);
  },
});

/** Signing out ends this session on the server (if there is one) and clears its cookie. */
export const signOutCase = useCase({
  name: 'account.signOut',
  input: z.strictObject({}),
  async run(caller) {
    if (caller.auth) await signOut(caller.ctx, caller.auth.sessionId, caller.auth.account.id);
    return done(null, [{ name: SESSION_COOKIE, delete: true }]);
  },
});

export const LANG_COOKIE = 'lang';

/** The site's language, remembered for a year (the cookie is read by pages and the API alike). */
export const chooseLanguageCase = useCase({
  name: 'account.chooseLanguage',
  input: z.object({ to: z.string().max(10) }),
  async run(caller, input) {
    const to = input.to === 'en' ? 'en' : 'zh-CN';
    return done(to, [{ name: LANG_COOKIE, value: to, attributes: { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: false, secure: caller.ctx.secureCookies } }]);
  },
});
