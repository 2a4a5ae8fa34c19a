/**
 * @module Sign up, sign in, sign out, who am I, change password. The session
 * token travels only in an httpOnly, SameSite=Lax cookie (Secure in production).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, fail, jsonBody, jsonContent } from '../http/router.ts';
import { perform } from '../http/use-case-route.ts';
import { ChangePasswordInput, SignInInput, SignUpInput } from '../services/accounts.ts';
import { changePasswordCase, signInCase, signOutCase, signUpCase } from '../cases/accounts.ts';
import { say } from '#messages/say.ts';

const MeSchema = z
  .object({
    account: z.object({ id: z.string(), displayName: z.string(), username: z.string().nullable(), mobile: z.string().nullable() }),
    roles: z.array(z.object({ role: z.string(), scopeKind: z.string(), scopeId: z.string(), scopeNameZh: z.string(), scopeNameEn: z.string() })),
  })
  .openapi('Me');


export const authRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/sign-up',
      tags: ['auth'],
      summary: 'Create an account and sign in',
      request: { body: jsonBody(SignUpInput) },
      responses: {
        201: jsonContent(z.object({ accountId: z.string() }), 'Signed up'),
        ...errorResponses(400, 403, 409, 413, 429),
      },
    }),
    async (c) => perform(c, signUpCase, c.req.valid('json'), undefined, (v) => c.json({ accountId: v.accountId }, 201)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/sign-in',
      tags: ['auth'],
      summary: 'Sign in with mobile number or username and password',
      request: { body: jsonBody(SignInInput) },
      responses: {
        200: jsonContent(z.object({ accountId: z.string() }), 'Signed in'),
        ...errorResponses(400, 401, 403, 413, 429),
      },
    }),
    async (c) => perform(c, signInCase, c.req.valid('json'), undefined, (v) => c.json({ accountId: v.accountId }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/sign-out',
      tags: ['auth'],
      summary: 'Sign out this session',
      responses: { 204: { description: 'Signed out' }, ...errorResponses(403) },
    }),
    async (c) => perform(c, signOutCase, {}, undefined, () => c.body(null, 204)),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['auth'],
      summary: 'The signed-in account and its roles',
      responses: { 200: jsonContent(MeSchema, 'Signed in'), ...errorResponses(401) },
    }),
    async (c) => {
      const auth = c.get('auth');
      if (!auth) return fail(c, 401, 'not_signed_in', say.reasons(c.get('locale'), 'permission.not_signed_in'));
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
      request: { body: jsonBody(ChangePasswordInput) },
      responses: { 204: { description: 'Changed' }, ...errorResponses(400, 401, 403, 422) },
    }),
    async (c) => perform(c, changePasswordCase, c.req.valid('json'), undefined, () => c.body(null, 204)),
  );
