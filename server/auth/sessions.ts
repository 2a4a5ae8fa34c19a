/**
 * @module Sessions, following the Lucia guide (lucia-auth.com, "Basic session
 * implementation"): the client holds `<id>.<secret>`; the database holds only
 * SHA-256(secret), compared in constant time. Sessions slide: each use in the
 * second half of their life pushes the expiry out again.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { eq } from 'drizzle-orm';
import { sessions, accounts } from '../../db/schema.ts';
import type { Database } from '../../db/client.ts';

export const SESSION_COOKIE = 'wss_session';
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
const RENEW_WHEN_LEFT_MS = SESSION_LIFETIME_MS / 2;

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 120 bits of randomness in a human-safe alphabet (Lucia's generateSecureRandomString). */
export function randomToken(length = 24): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b >> 3];
  return out;
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export type SessionRow = typeof sessions.$inferSelect;

export async function createSession(database: Database, accountId: string, now: Date) {
  const id = randomToken();
  const secret = randomToken();
  const row = {
    id,
    accountId,
    secretHash: Buffer.from(hashSecret(secret)),
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
  };
  await database.write((tx) => tx.insert(sessions).values(row));
  return { token: `${id}.${secret}`, expiresAt: row.expiresAt };
}

export async function validateSessionToken(database: Database, token: string | undefined, now: Date) {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 100) return null;
  const [id, secret] = parts;
  const rows = await database.db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(eq(sessions.id, id))
    .limit(1);
  const found = rows[0];
  if (!found) return null;
  const stored = new Uint8Array(found.session.secretHash);
  if (!constantTimeEqual(hashSecret(secret), stored)) return null;
  if (found.session.expiresAt.getTime() <= now.getTime()) {
    await database.write((tx) => tx.delete(sessions).where(eq(sessions.id, id)));
    return null;
  }
  let expiresAt = found.session.expiresAt;
  if (expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await database.write((tx) => tx.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)));
  }
  return { sessionId: id, expiresAt, account: found.account };
}

export async function invalidateSession(database: Database, sessionId: string) {
  await database.write((tx) => tx.delete(sessions).where(eq(sessions.id, sessionId)));
}

export async function invalidateAllSessions(database: Database, accountId: string) {
  await database.write((tx) => tx.delete(sessions).where(eq(sessions.accountId, accountId)));
}

export function sessionCookieAttributes(secure: boolean, expiresAt: Date | null) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    ...(expiresAt ? { expires: expiresAt } : { maxAge: 0 }),
  };
}
