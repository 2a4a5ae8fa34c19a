/**
 * @module The Hono environment shared by every API sub-app, and the router
 * factory that turns zod validation failures into our error body.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppContext } from '../context.ts';
import type { SignedIn } from '../services/accounts.ts';
import { REASON_MESSAGES, REASON_STATUS, type ReasonCode } from '../domain/permissions.ts';
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
  return fail(c, REASON_STATUS[reason], reason, REASON_MESSAGES[reason][c.get('locale')]);
}

/** Shared OpenAPI schema for error responses. */
import { z } from '@hono/zod-openapi';
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi('Error');

export function errorResponses(...statuses: Status[]) {
  const descriptions: Record<Status, string> = {
    400: 'Bad input (fields named)',
    401: 'Not signed in',
    403: 'Not allowed (reason code)',
    404: 'Not found',
    409: 'Conflicts with the current state',
    413: 'Body too large',
    415: 'Unsupported file type (checked by content)',
    422: 'Understood but refused by a domain rule',
    429: 'Rate limited (see Retry-After)',
  };
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s], content: { 'application/json': { schema: ErrorSchema } } }]),
  ) as Record<Status, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }>;
}
