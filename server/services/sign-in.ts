/**
 * @module Signing in without a lockout anyone can trigger (OWASP's device
 * cookies).
 *
 * A browser that has signed in to an account holds a device cookie: a random
 * token whose SHA-256 is kept with the account. An attempt from such a
 * browser, for that account, is judged only by that device's own failures
 * (ten, then waits that double). Every other attempt is untrusted: it is
 * judged by the failures of the sign-in name from untrusted browsers (five,
 * then waits that double up to 15 minutes) and of the address (thirty). So an
 * attacker guessing a staff member's password slows only the untrusted
 * attempts on that name; the staff member signs in from their own phone or
 * desk computer as usual. The counts live in the database
 * (server/auth/throttle.ts), shared by every app instance. The API and the
 * sign-in page both call `signInGuarded`.
 */
import { and, eq, or, sql } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { accounts, trustedDevices } from '#db/schema.ts';
import type { AppContext } from '../context.ts';
import { randomToken } from '../auth/sessions.ts';
import { clearFailures, recordFailures, throttleFailures, throttleWait } from '../auth/throttle.ts';
import { signIn, type SignInInput } from './accounts.ts';
import { accountOfLogin, recordSecurityEvent } from './security-log.ts';
import type { z } from '@hono/zod-openapi';

export const DEVICE_COOKIE = 'wss_device';
/** A device stays trusted for a year after it last signed in. */
export const DEVICE_LIFETIME_MS = 365 * 24 * 3600_000;

export type SignInAttempt = z.infer<typeof SignInInput> & { address: string; deviceToken?: string | undefined };
export type SignInGuarded =
  | { ok: true; accountId: string; token: string; expiresAt: Date; device: { token: string; expiresAt: Date } }
  | { ok: false; code: 'rate_limited'; waitMs: number }
  | { ok: false; code: 'invalid_credentials' };

function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * The throttle's key for a sign-in name: its SHA-256, so the table of
 * guessing counters never holds a mobile number (anyone may type one) in
 * clear, nor keeps one after its account is closed.
 */
export function signInNameKey(login: string): string {
  return `signin:name:${hashToken(login.trim().toLowerCase())}`;
}

/** The throttle's key for a trusted device (its token's hash, as stored in trusted_devices). */
export function signInDeviceKey(tokenHash: string): string {
  return `signin:device:${tokenHash}`;
}

/** Cookie attributes of the device cookie: like the session's, for a year. */
export function deviceCookieAttributes(secure: boolean, expiresAt: Date, now: Date) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)) };
}

/** Sign in, throttled as the module says. The caller sets both cookies on success. */
export async function signInGuarded(ctx: AppContext, a: SignInAttempt): Promise<SignInGuarded> {
  const now = ctx.now();
  const rules = ctx.throttle;
  const login = a.login.trim();
  const nameKey = signInNameKey(login);
  const addressKey = `signin:addr:${a.address}`;
  const deviceHash = a.deviceToken && a.deviceToken.length <= 64 ? hashToken(a.deviceToken) : null;
  const deviceKey = deviceHash ? signInDeviceKey(deviceHash) : null;

  // Trusted: this browser signed in to this very account before, and has not used up its own allowance.
  let trusted = false;
  if (deviceHash && deviceKey) {
    const owner = await ctx.database.db
      .select({ id: trustedDevices.tokenHash })
      .from(trustedDevices)
      .innerJoin(accounts, eq(accounts.id, trustedDevices.accountId))
      .where(and(eq(trustedDevices.tokenHash, deviceHash), or(eq(accounts.mobile, login), eq(accounts.username, login.toLowerCase())), sql`${trustedDevices.lastUsedAt} > ${now.getTime() - DEVICE_LIFETIME_MS}`))
      .limit(1);
    trusted = owner.length > 0 && (await throttleWait(ctx.database, deviceKey, now)) === 0;
  }
  if (!trusted) {
    const wait = Math.max(await throttleWait(ctx.database, nameKey, now), await throttleWait(ctx.database, addressKey, now));
    if (wait > 0) {
      await recordSecurityEvent(ctx, { kind: 'sign_in_throttled', accountId: await accountOfLogin(ctx, login), address: a.address, what: 'sign-in', outcome: 'refused', detail: { waitMs: wait } });
      return { ok: false, code: 'rate_limited', waitMs: wait };
    }
  }

  const r = await signIn(ctx, { login: a.login, password: a.password });
  if (!r.ok) {
    await recordFailures(
      ctx.database,
      trusted ? [{ key: deviceKey!, rule: rules.signInDevice }] : [{ key: nameKey, rule: rules.signInName }, { key: addressKey, rule: rules.signInAddress }],
      now,
    );
    // Whose account was tried (if the name is one), and from where; never what was typed.
    const tried = await accountOfLogin(ctx, login);
    await recordSecurityEvent(ctx, { kind: 'sign_in_failed', accountId: tried, address: a.address, what: 'sign-in', outcome: 'refused', detail: { trustedDevice: trusted } });
    return { ok: false, code: 'invalid_credentials' };
  }

  const deviceExpiresAt = new Date(now.getTime() + DEVICE_LIFETIME_MS);
  let deviceToken = a.deviceToken!;
  if (trusted) {
    if ((await throttleFailures(ctx.database, deviceKey!, now)) > 0) await clearFailures(ctx.database, deviceKey!);
    await ctx.database.write((tx) => tx.update(trustedDevices).set({ lastUsedAt: now }).where(eq(trustedDevices.tokenHash, deviceHash!)));
  } else {
    deviceToken = randomToken(32);
    const accountId = r.value.accountId;
    await ctx.database.write(async (tx) => {
      await tx.insert(trustedDevices).values({ tokenHash: hashToken(deviceToken), accountId, createdAt: now, lastUsedAt: now });
      // Devices unused for a year are trusted no more: forget them.
      await tx.delete(trustedDevices).where(sql`${trustedDevices.lastUsedAt} < ${now.getTime() - DEVICE_LIFETIME_MS}`);
    });
  }
  await recordSecurityEvent(ctx, { kind: 'sign_in', accountId: r.value.accountId, address: a.address, what: 'sign-in', outcome: 'ok', detail: { trustedDevice: trusted } });
  return { ok: true, accountId: r.value.accountId, token: r.value.token, expiresAt: r.value.expiresAt, device: { token: deviceToken, expiresAt: deviceExpiresAt } };
}
