/**
 * @module The Hono environment shared by every API sub-app, and the router
 * factory that turns zod validation failures into our error body.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppContext } from '../context.ts';
import type { SignedIn } from '../services/accounts.ts';
import { REASON_STATUS, type ReasonCode } from '../domain/permissions.ts';
import { errorBody, fieldsFromZod, genericMessage, localeOf, type Locale } from './errors.ts';

export type AppEnv = {
  Variables: {
    ctx: AppContext;
    auth: SignedIn | null;
    locale: Locale;
  };
};

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const locale = localeOf(c);
        return c.json(errorBody('validation_failed', genericMessage('validation_failed', locale), fieldsFromZod(result.error, locale, { value: (result as { data?: unknown }).data })), 400);
      }
    },
  });
}

type Status = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** Answer with an error body; `message` defaults to the localized text of `code`. */
export function fail(c: Context<AppEnv>, status: Status, code: string, message?: string, fields?: Record<string, string>) {
  return c.json(errorBody(code, message ?? genericMessage(code, c.get('locale')), fields), status);
}

/** Answer a domain refusal: the reason code picks the status and the message. */
export function refuse(c: Context<AppEnv>, reason: ReasonCode) {
  return fail(c, REASON_STATUS[reason], reason, say.reasons(c.get('locale'), `permission.${reason}`));
}

/** Shared OpenAPI schema for error responses. */
import { z } from '@hono/zod-openapi';
import { say } from '#messages/say.ts';
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi('Error');

/** An answer in JSON: its description and the schema of its body. */
export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A request body in JSON; required unless `{ required: false }`. */
export function jsonBody<T extends z.ZodType>(schema: T, { required = true } = {}) {
  return { content: { 'application/json': { schema } }, required };
}

export function errorResponses(...statuses: Status[]) {
  const descriptions: Record<Status, string> = {
    400: 'Bad input (fields named)',
    401: 'Not signed in',
    403: 'Not allowed (reason code)',
    404: 'Not found',
    409: 'Conflicts with the current state',
    413: 'Body too large',
    415: 'Unsupported media type: a body of a kind this operation does not take (`unsupported_media_type`), or a file of a type it does not accept, checked by its content',
    422: 'Understood but refused by a domain rule',
    429: 'Rate limited (see Retry-After)',
  };
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s], content: { 'application/json': { schema: ErrorSchema } } }]),
  ) as Record<Status, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }>;
}

/** `get` + `/projects/{code}/comments` → `getProjectsCodeComments`. */
export function operationIdOf(method: string, path: string): string {
  const words = path.replace(/^\/api/, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

type RouteDoc = { method: string; path: string; operationId?: string; request?: { body?: unknown; params?: unknown }; responses: Record<string, unknown> };

/**
 * Complete every route's declaration with what all of them share: an
 * operationId made from its method and path (unless it names one), and the
 * answers the middleware gives before the handler runs — 400 for a query
 * parameter the operation does not declare or a path parameter that fails
 * its schema (every operation); 413 for a body over the limit, 403
 * `cross_origin` for a state-changing request from another site, and 415
 * for a body of a media type the operation does not list, or any body where
 * it takes none (every operation but a GET).
 */
export function completeRouteDocs(definitions: readonly { type: string; route?: unknown }[]): void {
  for (const d of definitions) {
    if (d.type !== 'route') continue;
    const r = d.route as RouteDoc;
    r.operationId ??= operationIdOf(r.method, r.path);
    const add = (status: Status, description?: string) => {
      if (r.responses[status] !== undefined) return;
      const [base] = Object.values(errorResponses(status));
      r.responses[status] = description ? { ...base!, description } : base;
    };
    add(400);
    if (r.method.toLowerCase() !== 'get') {
      add(413);
      add(415);
      add(403, CROSS_ORIGIN);
      const forbidden = r.responses[403] as { description?: string };
      if (forbidden.description === 'Not allowed (reason code)') r.responses[403] = { ...forbidden, description: CROSS_ORIGIN };
    }
  }
}

const CROSS_ORIGIN = 'Not allowed (reason code), or `cross_origin`: a state-changing request from another site';
