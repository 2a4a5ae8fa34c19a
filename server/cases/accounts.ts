/** @module Accounts' use cases: sign up, sign in, change the password. */
import { SESSION_COOKIE, sessionCookieAttributes } from '../auth/sessions.ts';
import { ChangePasswordInput, SignInInput, SignUpInput, changePassword, loadActor, signUp } from '../services/accounts.ts';
import { DEVICE_COOKIE, deviceCookieAttributes, signInGuarded } from '../services/sign-in.ts';
import { done, notSignedIn, refusal, useCase, type Caller, type CookieChange, type LocalText } from './use-case.ts';

const LOGIN_TAKEN: LocalText = { 'zh-CN': '这个手机号或用户名已经注册过了', en: 'That mobile number or username is already registered' };
const INVALID_CREDENTIALS: LocalText = { 'zh-CN': '手机号/用户名或密码不正确', en: 'Wrong mobile number/username or password' };
const WRONG_PASSWORD: LocalText = { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' };
const SAME_PASSWORD: LocalText = { 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' };
const RATE_LIMITED: LocalText = { 'zh-CN': '尝试次数过多，请 {s} 秒后再试', en: 'Too many attempts; try again in {s} seconds' };

/** A rate limit hit: how long to wait, in the words and the Retry-After of every edge. */
export function rateLimited(caller: Pick<Caller, 'locale'>, waitMs: number) {
  const s = Math.ceil(waitMs / 1000);
  return refusal('rate_limited', 429, RATE_LIMITED[caller.locale].replace('{s}', String(s)), { retryAfterSeconds: s });
}

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
    if (!r.ok) return refusal(r.code, 409, LOGIN_TAKEN[caller.locale], { field: 'login' });
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
    if (!r.ok) return refusal(r.code, 401, INVALID_CREDENTIALS[caller.locale]);
    // Where a person without a page to return to lands: staff and officers on their desk.
    const { roles } = await loadActor(ctx, r.accountId);
    const desk = roles.some((x) => x.role === 'staff' || x.role === 'officer');
    return done({ accountId: r.accountId, desk }, [
      sessionCookie(caller, r.token, r.expiresAt),
      { name: DEVICE_COOKIE, value: r.device.token, attributes: deviceCookieAttributes(ctx.secureCookies, r.device.expiresAt, ctx.now()) },
    ]);
  },
});

export const changePasswordCase = useCase({
  name: 'account.changePassword',
  input: ChangePasswordInput,
  async run(caller, input) {
    if (!caller.auth) return notSignedIn(caller);
    const r = await changePassword(caller.ctx, caller.auth.account.id, input);
    if (!r.ok) {
      const msg = (r.code === 'same_password' ? SAME_PASSWORD : WRONG_PASSWORD)[caller.locale];
      return refusal(r.code, 422, msg, { field: r.field ?? (r.code === 'same_password' ? 'newPassword' : 'currentPassword') });
    }
    return done(null, [sessionCookie(caller, r.value.token, r.value.expiresAt)]);
  },
});
