/**
 * @module The API edge of every use case: a Hono route reads its validated
 * JSON body and path, runs the declaration (server/cases) and answers with
 * what it gave, as JSON — a refusal as the error body `{ error: { code,
 * message, fields? } }` with the declared status.
 */
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv } from './router.ts';
import { errorBody } from './errors.ts';
import { clientKey } from './middleware.ts';
import type { Caller, CookieChange, Refusal, UseCase } from '../cases/use-case.ts';

export function callerOf(c: Context<AppEnv>): Caller {
  return { ctx: c.get('ctx'), auth: c.get('auth'), locale: c.get('locale'), address: clientKey(c), cookie: (name) => getCookie(c, name) };
}

export function writeCookies(c: Context<AppEnv>, changes: readonly CookieChange[] | undefined): void {
  for (const k of changes ?? []) {
    if ('delete' in k) deleteCookie(c, k.name, { path: '/' });
    else setCookie(c, k.name, k.value, { ...k.attributes, sameSite: k.attributes.sameSite === 'strict' ? 'Strict' : k.attributes.sameSite === 'lax' ? 'Lax' : undefined });
  }
}

/** The error body of a refusal, with its status (and Retry-After for a rate limit). */
export function refused(c: Context<AppEnv>, r: Refusal) {
  if (r.retryAfterSeconds !== undefined) c.header('Retry-After', String(r.retryAfterSeconds));
  const fields = { ...(r.fields ?? {}), ...(r.field ? { [r.field]: r.message } : {}) };
  return c.json(errorBody(r.code, r.message, fields), r.status);
}

/**
 * Run `useCase` for this request: on success `ok` writes the answer (cookies
 * the use case set are already on it); on refusal the error body.
 */
export async function perform<I, P, V, R>(c: Context<AppEnv>, useCase: UseCase<I, P, V>, input: I, params: P, ok: (value: V) => R): Promise<R | ReturnType<typeof refused>> {
  const r = await useCase.run(callerOf(c), input, params);
  if (!r.ok) return refused(c, r);
  writeCookies(c, r.cookies);
  return ok(r.value);
}
