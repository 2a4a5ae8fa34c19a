/**
 * @module One declaration per state-changing use case, and nothing else
 * between the two edges that use it. A declaration names its input (a zod
 * schema: the API's JSON body, and what a page's form is read into), the
 * service call that does it, and every refusal it can give: its reason code,
 * the HTTP status, the field it concerns and what it says. The Hono route
 * (server/http/use-case-route.ts) and the page form (server/http/form-edge.ts)
 * are thin adapters over it: each reads its own kind of request, calls `run`,
 * and writes the outcome in its own kind of answer.
 */
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { SignedIn } from '../services/accounts.ts';
import { REASON_STATUS, type ReasonCode } from '../domain/permissions.ts';
import { say } from '#messages/say.ts';

export type Locale = 'zh-CN' | 'en';

/** The statuses a refusal can carry. */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** Who is asking, through which edge: the same for the API and a page. */
export type Caller = {
  ctx: AppContext;
  auth: SignedIn | null;
  locale: Locale;
  /** The client's address (for rate limits and the sign-in throttle). */
  address: string;
  /** A cookie the request carried (the device cookie of the sign-in throttle). */
  cookie(name: string): string | undefined;
};

/** A cookie the use case sets or clears; both edges write it the same way. */
export type CookieChange = { name: string; value: string; attributes: CookieAttributes } | { name: string; delete: true };
export type CookieAttributes = { httpOnly?: boolean; secure?: boolean; sameSite?: 'lax' | 'strict'; path?: string; maxAge?: number; expires?: Date };

export type Done<V> = { ok: true; value: V; cookies?: CookieChange[] };

/**
 * A refusal: `code` is what the API's error body says; `field` the input
 * field it concerns, if any (a page shows it there; the API lists it under
 * `fields`); `retryAfterSeconds` for a rate limit.
 */
export type Refusal = { ok: false; code: string; status: RefusalStatus; message: string; field?: string; fields?: Record<string, string>; retryAfterSeconds?: number };

export type Outcome<V> = Done<V> | Refusal;

export type UseCase<I, P, V> = {
  /** `area.verb`: how tests, the form registry and the README name it. */
  name: string;
  /** The input: the API's JSON body; a page's form is read into this shape. */
  input: z.ZodType<I>;
  run(caller: Caller, input: I, params: P): Promise<Outcome<V>>;
};

export function useCase<I, P, V>(d: UseCase<I, P, V>): UseCase<I, P, V> {
  return d;
}

/** Who is asking, signed in. */
export type SignedInCaller = Caller & { auth: SignedIn };

const isSignedIn = (caller: Caller): caller is SignedInCaller => caller.auth !== null;

/**
 * A use case only someone signed in can do: anyone else is refused with
 * `not_signed_in` before `run` is called, so `run` reads `caller.auth` as is.
 */
export function signedInUseCase<I, P, V>(d: Omit<UseCase<I, P, V>, 'run'> & { run(caller: SignedInCaller, input: I, params: P): Promise<Outcome<V>> }): UseCase<I, P, V> {
  return {
    name: d.name,
    input: d.input,
    run: async (caller, input, params) => (isSignedIn(caller) ? d.run(caller, input, params) : notSignedIn(caller)),
  };
}

export function done<V>(value: V, cookies?: CookieChange[]): Done<V> {
  return cookies ? { ok: true, value, cookies } : { ok: true, value };
}

/** A refusal with its own words. */
export function refusal(code: string, status: RefusalStatus, message: string, more: Partial<Pick<Refusal, 'field' | 'fields' | 'retryAfterSeconds'>> = {}): Refusal {
  return { ok: false, code, status, message, ...more };
}

/** A refusal by a domain reason code: the code picks the status and the words. */
export function refusedFor(caller: Pick<Caller, 'locale'>, reason: ReasonCode, field?: string): Refusal {
  return refusal(reason, REASON_STATUS[reason] as RefusalStatus, say.reasons(caller.locale, `permission.${reason}`), field ? { field } : {});
}

/** Not signed in: the same words on every edge. */
export function notSignedIn(caller: Pick<Caller, 'locale'>): Refusal {
  return refusedFor(caller, 'not_signed_in');
}

/** Too many attempts: wait this long (the API sends Retry-After, a page says how long). */
export function rateLimited(caller: Pick<Caller, 'locale'>, waitMs: number): Refusal {
  const s = Math.ceil(waitMs / 1000);
  return refusal('rate_limited', 429, say.reasons(caller.locale, 'http.rate_limited_for', { s }), { retryAfterSeconds: s });
}
