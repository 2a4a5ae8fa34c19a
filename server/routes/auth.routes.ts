/**
 * @module Sign up, sign in, sign out, who am I, change password. The session
 * token travels only in an httpOnly, SameSite=Lax cookie (Secure in production).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { createRouter, errorResponses, fail, type AppEnv } from '../http/router.ts';
import { clientKey } from '../http/middleware.ts';
import { SESSION_COOKIE, sessionCookieAttributes } from '../auth/sessions.ts';
import { ChangePasswordInput, SignInInput, SignUpInput, changePassword, signOut, signUp } from '../services/accounts.ts';
import { DEVICE_COOKIE, deviceCookieAttributes, signInGuarded } from '../services/sign-in.ts';
import type { SharedTokenBucket } from '../auth/rate-limit.ts';

const MeSchema = z
  .object({
    account: z.object({ id: z.string(), displayName: z.string(), username: z.string().nullable(), mobile: z.string().nullable() }),
    roles: z.array(z.object({ role: z.string(), scopeKind: z.string(), scopeId: z.string(), scopeNameZh: z.string(), scopeNameEn: z.string() })),
  })
  .openapi('Me');

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

async function limited(c: Context<AppEnv>, bucket: SharedTokenBucket, key: string) {
  const wait = await bucket.consume(c.get('ctx').database, key, 1, c.get('ctx').now());
  if (wait > 0) {
    c.header('Retry-After', String(Math.ceil(wait / 1000)));
    return fail(c, 429, 'rate_limited');
  }
  return null;
}

function setSession(c: Context<AppEnv>, token: string, expiresAt: Date) {
  setCookie(c, SESSION_COOKIE, token, sessionCookieAttributes(c.get('ctx').secureCookies, expiresAt, c.get('ctx').now()));
}

const LOGIN_TAKEN = { 'zh-CN': '这个手机号或用户名已经注册过了', en: 'That mobile number or username is already registered' };
const INVALID_CREDENTIALS = { 'zh-CN': '手机号/用户名或密码不正确', en: 'Wrong mobile number/username or password' };
const WRONG_PASSWORD = { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' };
const SAME_PASSWORD = { 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' };

export const authRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/sign-up',
      tags: ['auth'],
      summary: 'Create an account and sign in',
      request: { body: json(SignUpInput) },
      responses: {
        201: { description: 'Signed up', content: { 'application/json': { schema: z.object({ accountId: z.string() }) } } },
        ...errorResponses(400, 403, 409, 413, 429),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const stop = await limited(c, ctx.limits.signUp, clientKey(c));
      if (stop) return stop;
      const r = await signUp(ctx, c.req.valid('json'));
      if (!r.ok) return fail(c, 409, r.code, LOGIN_TAKEN[c.get('locale')], { login: LOGIN_TAKEN[c.get('locale')] });
      setSession(c, r.value.token, r.value.expiresAt);
      return c.json({ accountId: r.value.accountId }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/sign-in',
      tags: ['auth'],
      summary: 'Sign in with mobile number or username and password',
      request: { body: json(SignInInput) },
      responses: {
        200: { description: 'Signed in', content: { 'application/json': { schema: z.object({ accountId: z.string() }) } } },
        ...errorResponses(400, 401, 403, 413, 429),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const r = await signInGuarded(ctx, { ...c.req.valid('json'), address: clientKey(c), deviceToken: getCookie(c, DEVICE_COOKIE) });
      if (!r.ok && r.code === 'rate_limited') {
        c.header('Retry-After', String(Math.ceil(r.waitMs / 1000)));
        return fail(c, 429, 'rate_limited');
      }
      if (!r.ok) return fail(c, 401, r.code, INVALID_CREDENTIALS[c.get('locale')]);
      setSession(c, r.token, r.expiresAt);
      setCookie(c, DEVICE_COOKIE, r.device.token, deviceCookieAttributes(ctx.secureCookies, r.device.expiresAt, ctx.now()));
      return c.json({ accountId: r.accountId }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/sign-out',
      tags: ['auth'],
      summary: 'Sign out this session',
      responses: { 204: { description: 'Signed out' }, ...errorResponses(403) },
    }),
    async (c) => {
      const auth = c.get('auth');
      if (auth) await signOut(c.get('ctx'), auth.sessionId, auth.account.id);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['auth'],
      summary: 'The signed-in account and its roles',
      responses: { 200: { description: 'Signed in', content: { 'application/json': { schema: MeSchema } } }, ...errorResponses(401) },
    }),
    async (c) => {
      const auth = c.get('auth');
      if (!auth) return fail(c, 401, 'not_signed_in', c.get('locale') === 'en' ? 'Please sign in first' : '请先登录');
      const { id, displayName, username, mobile } = auth.account;
      return c.json({ account: { id, displayName, username, mobile }, roles: auth.roles.map(({ scopeSlug: _s, ...r }) => r) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/password',
      tags: ['auth'],
      summary: 'Change password (signs out every other session)',
      request: { body: json(ChangePasswordInput) },
      responses: { 204: { description: 'Changed' }, ...errorResponses(400, 401, 403, 422) },
    }),
    async (c) => {
      const auth = c.get('auth');
      if (!auth) return fail(c, 401, 'not_signed_in', c.get('locale') === 'en' ? 'Please sign in first' : '请先登录');
      const r = await changePassword(c.get('ctx'), auth.account.id, c.req.valid('json'));
      if (!r.ok) {
        const msg = (r.code === 'same_password' ? SAME_PASSWORD : WRONG_PASSWORD)[c.get('locale')];
        return fail(c, 422, r.code, msg, { [r.field ?? 'currentPassword']: msg });
      }
      setSession(c, r.value.token, r.value.expiresAt);
      return c.body(null, 204);
    },
  );
