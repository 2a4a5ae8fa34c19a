/**
 * @module Sessions, following the Lucia guide (lucia-auth.com, "Basic session
 * implementation"): the client holds `<id>.<secret>`; the database holds only
 * SHA-256(secret), compared in constant time. Sessions slide: each use in the
 * second half of their life pushes the expiry out again.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { eq } from 'drizzle-orm';
import { sessions } from '#db/schema.ts';
import { rawRead, type Database } from '#db/client.ts';
import { randomBytes } from './random.ts';
import { sessionCacheOf } from './session-cache.ts';

export const SESSION_COOKIE = 'wss_session';
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
const RENEW_WHEN_LEFT_MS = SESSION_LIFETIME_MS / 2;

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 120 bits of randomness in a human-safe alphabet (Lucia's generateSecureRandomString). */
export function randomToken(length = 24): string {
  const bytes = randomBytes(length);
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

/**
 * An account's current roles with their places' names, as one JSON column:
 * [role, scope kind, scope id, name zh, name en, community slug] each. A
 * correlated subquery on the account `a`, shared by the session read and by
 * services/accounts.ts (loadActor).
 */
export const ROLES_JSON_OF_ACCOUNT = `(select json_group_array(json_array(ra.role, ra.scope_kind, ra.scope_id, coalesce(c.name_zh, st.name_zh, d.name_zh), coalesce(c.name_en, st.name_en, d.name_en), c.slug))
      from role_assignments ra
      left join communities c on ra.scope_kind = 'community' and c.id = ra.scope_id
      left join streets st on ra.scope_kind = 'street' and st.id = ra.scope_id
      left join districts d on ra.scope_kind = 'district' and d.id = ra.scope_id
      where ra.account_id = a.id and ra.revoked_at is null)`;

/** A role as ROLES_JSON_OF_ACCOUNT gives it. */
export type SessionRole = [string, string, string, string | null, string | null, string | null];

/**
 * Every request with a cookie reads its session: fixed SQL, not rebuilt per
 * request (db/client.ts, rawRead), with the auth epoch read in the same
 * statement, so that the row can be held in memory until the epoch changes.
 */
const SESSION_BY_ID = `select s.secret_hash, s.expires_at, a.id, a.username, a.mobile, a.display_name, a.locale, ${ROLES_JSON_OF_ACCOUNT} as roles,
    (select n from auth_epoch where id = 1) as epoch
  from sessions s join accounts a on a.id = s.account_id where s.id = ? limit 1`;
const AUTH_EPOCH = 'select n from auth_epoch where id = 1';

type SessionJoinRow = {
  secret_hash: ArrayBuffer | Uint8Array;
  expires_at: number;
  id: string;
  username: string | null;
  mobile: string | null;
  display_name: string;
  locale: 'zh-CN' | 'en';
  roles: string;
  epoch: number | null;
};

/**
 * The session `id` with its account and roles: from memory while the auth
 * epoch is unchanged (server/auth/session-cache.ts), else from the database.
 */
async function sessionRow(database: Database, id: string): Promise<SessionJoinRow | undefined> {
  const read = rawRead(database);
  const cache = sessionCacheOf<SessionJoinRow>(database);
  const epoch = (await read<{ n: number }>(AUTH_EPOCH, []))[0]?.n;
  const held = epoch === undefined ? undefined : cache.get(id, Number(epoch));
  if (held) return held;
  const found = (await read<SessionJoinRow>(SESSION_BY_ID, [id]))[0];
  if (found && found.epoch !== null && found.epoch !== undefined) cache.put(id, found, Number(found.epoch));
  return found;
}

export async function validateSessionToken(database: Database, token: string | undefined, now: Date) {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 100) return null;
  const [id, secret] = parts;
  const found = await sessionRow(database, id);
  if (!found) return null;
  const stored = new Uint8Array(found.secret_hash instanceof Uint8Array ? found.secret_hash : new Uint8Array(found.secret_hash));
  if (!constantTimeEqual(hashSecret(secret), stored)) return null;
  if (Number(found.expires_at) <= now.getTime()) {
    await database.write((tx) => tx.delete(sessions).where(eq(sessions.id, id)));
    return null;
  }
  let expiresAt = new Date(Number(found.expires_at));
  if (expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await database.write((tx) => tx.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)));
  }
  const account = { id: found.id, username: found.username, mobile: found.mobile, displayName: found.display_name, locale: found.locale };
  // The account's current roles, read in the same statement as the session (or held since, unchanged).
  return { sessionId: id, expiresAt, account, roles: JSON.parse(found.roles) as SessionRole[] };
}

export async function invalidateSession(database: Database, sessionId: string) {
  await database.write((tx) => tx.delete(sessions).where(eq(sessions.id, sessionId)));
}

export async function invalidateAllSessions(database: Database, accountId: string) {
  await database.write((tx) => tx.delete(sessions).where(eq(sessions.accountId, accountId)));
}

/**
 * The session cookie's attributes. Its lifetime goes as Max-Age, counted from
 * the server's clock (`now`), not as an Expires date: a browser whose clock
 * differs from the server's (or a test server on the demo's clock) keeps the
 * cookie exactly as long as the session lasts.
 */
export function sessionCookieAttributes(secure: boolean, expiresAt: Date | null, now: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    maxAge: expiresAt ? Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)) : 0,
  };
}
