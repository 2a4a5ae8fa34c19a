/**
 * @module Accounts: sign up, sign in, sign out, change password, and loading
 * the signed-in person (their roles, as a domain Actor) for each request.
 */
import { and, eq, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { accounts } from '#db/schema.ts';
import type { AppContext } from '../context.ts';
import { rawRead } from '#db/client.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { createSession, invalidateAllSessions, invalidateSession, validateSessionToken, ROLES_JSON_OF_ACCOUNT, type SessionRole } from '../auth/sessions.ts';
import type { Person, Role, ScopeKind } from '../domain/permissions.ts';
import { newId } from './ids.ts';
import { filledText, shapedText } from './text-fields.ts';
import { recordSecurityEvent } from './security-log.ts';
import { RESIDENT_PUBLIC_NAME } from './audit.ts';

export const MOBILE_RE = /^1[3-9]\d{9}$/;
export const USERNAME_RE = /^[A-Za-z][A-Za-z0-9_]{2,31}$/;

/** A schema's own message is the key of its words in reasons.json (`input.*`); see server/http/errors.ts. */
// One pattern (a mobile number or a username), so the API document states it too.
export const LoginField = shapedText(`${MOBILE_RE.source.slice(1, -1)}|${USERNAME_RE.source.slice(1, -1)}`, 32, 'input.login');
export const PasswordField = z.string().min(8).max(128);

export const SignUpInput = z.strictObject({
  login: LoginField,
  password: PasswordField,
  displayName: filledText(40),
});
export const SignInInput = z.strictObject({
  login: filledText(64),
  password: z.string().min(1).max(128),
});
export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: PasswordField,
});

export type Outcome<T, C extends string = string> = { ok: true; value: T } | { ok: false; code: C; field?: string };

// A fixed argon2 hash, so an unknown login costs as much time as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function signUp(ctx: AppContext, input: z.infer<typeof SignUpInput>): Promise<Outcome<{ accountId: string; token: string; expiresAt: Date }, 'login_taken'>> {
  const isMobile = MOBILE_RE.test(input.login);
  const now = ctx.now();
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  const created = await ctx.database.write(async (tx) => {
    const clash = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(isMobile ? eq(accounts.mobile, input.login) : eq(accounts.username, input.login.toLowerCase()))
      .limit(1);
    if (clash.length) return false;
    await tx.insert(accounts).values({
      id,
      username: isMobile ? null : input.login.toLowerCase(),
      mobile: isMobile ? input.login : null,
      passwordHash,
      displayName: input.displayName,
      createdAt: now,
    });
    return true;
  });
  if (!created) return { ok: false, code: 'login_taken', field: 'login' };
  const session = await createSession(ctx.database, id, now);
  return { ok: true, value: { accountId: id, ...session } };
}

export async function signIn(ctx: AppContext, input: z.infer<typeof SignInInput>): Promise<Outcome<{ accountId: string; token: string; expiresAt: Date }, 'invalid_credentials'>> {
  const login = input.login.trim();
  const rows = await ctx.database.db
    .select({ id: accounts.id, passwordHash: accounts.passwordHash })
    .from(accounts)
    // A closed account has no sign-in name left; the condition says so in the query too.
    .where(and(or(eq(accounts.mobile, login), eq(accounts.username, login.toLowerCase())), isNull(accounts.closedAt)))
    .limit(1);
  const found = rows[0];
  if (!found) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(await dummyHash, input.password);
    return { ok: false, code: 'invalid_credentials' };
  }
  if (!(await verifyPassword(found.passwordHash, input.password))) return { ok: false, code: 'invalid_credentials' };
  const session = await createSession(ctx.database, found.id, ctx.now());
  return { ok: true, value: { accountId: found.id, ...session } };
}

export async function signOut(ctx: AppContext, sessionId: string, accountId: string) {
  await invalidateSession(ctx.database, sessionId);
  await recordSecurityEvent(ctx, { kind: 'sign_out', accountId, what: 'sign-out', outcome: 'ok' });
}

/** Changing the password signs out every session, then opens a fresh one for this browser. */
export async function changePassword(
  ctx: AppContext,
  accountId: string,
  input: z.infer<typeof ChangePasswordInput>,
): Promise<Outcome<{ token: string; expiresAt: Date }, 'wrong_password' | 'same_password'>> {
  const rows = await ctx.database.db.select().from(accounts).where(eq(accounts.id, accountId)).limit(1);
  const acc = rows[0];
  if (!acc || !(await verifyPassword(acc.passwordHash, input.currentPassword))) {
    return { ok: false, code: 'wrong_password', field: 'currentPassword' };
  }
  if (input.newPassword === input.currentPassword) return { ok: false, code: 'same_password', field: 'newPassword' };
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now();
  // Not in the public audit log: a password is not a decision, and the entry would only publish an account id.
  await ctx.database.write((tx) => tx.update(accounts).set({ passwordHash, passwordChangedAt: now }).where(eq(accounts.id, accountId)));
  await invalidateAllSessions(ctx.database, accountId);
  const session = await createSession(ctx.database, accountId, now);
  return { ok: true, value: session };
}

export type RoleView = { role: Role; scopeKind: ScopeKind; scopeId: string; scopeNameZh: string; scopeNameEn: string; scopeSlug?: string };

export type SignedIn = {
  sessionId: string;
  sessionExpiresAt: Date;
  account: { id: string; displayName: string; username: string | null; mobile: string | null; locale: 'zh-CN' | 'en' };
  actor: Person;
  roles: RoleView[];
};

/** An account's roles and the domain Actor they make (from ROLES_JSON_OF_ACCOUNT's rows). */
function actorOf(accountId: string, json: SessionRole[]): { actor: Person; roles: RoleView[] } {
  const roles: RoleView[] = json.map(([role, scopeKind, scopeId, zh, en, slug]) => ({
    role: role as Role,
    scopeKind: scopeKind as ScopeKind,
    scopeId,
    scopeNameZh: zh ?? scopeId,
    scopeNameEn: en ?? scopeId,
    scopeSlug: slug ?? undefined,
  }));
  return { actor: { accountId, assignments: roles.map((r) => ({ role: r.role, scope: { kind: r.scopeKind, id: r.scopeId } })) }, roles };
}

const ROLES_OF = `select ${ROLES_JSON_OF_ACCOUNT} as roles from accounts a where a.id = ?`;

export async function loadActor(ctx: AppContext, accountId: string): Promise<{ actor: Person; roles: RoleView[] }> {
  const row = (await rawRead(ctx.database)<{ roles: string }>(ROLES_OF, [accountId]))[0];
  return actorOf(accountId, row ? (JSON.parse(row.roles) as SessionRole[]) : []);
}

/** Resolve a session cookie into the signed-in person, or null. The session read brings the roles with it. */
export async function authenticate(ctx: AppContext, token: string | undefined): Promise<SignedIn | null> {
  const s = await validateSessionToken(ctx.database, token, ctx.now());
  if (!s) return null;
  const { actor, roles } = actorOf(s.account.id, s.roles);
  return {
    sessionId: s.sessionId,
    sessionExpiresAt: s.expiresAt,
    account: {
      id: s.account.id,
      displayName: s.account.displayName,
      username: s.account.username,
      mobile: s.account.mobile,
      locale: s.account.locale,
    },
    actor,
    roles,
  };
}

/** How a person appears in the audit log when acting in `role` (residents are never named). */
export function auditActorOf(auth: Pick<SignedIn, 'account'>, role: string) {
  return { accountId: auth.account.id, role, name: role === 'resident' ? RESIDENT_PUBLIC_NAME : auth.account.displayName };
}

/** The most senior role a person holds in a place, for the audit log's "acting as". */
export function actingRole(auth: Pick<SignedIn, 'roles'>, candidates: readonly string[]): string {
  return candidates.find((r) => auth.roles.some((x) => x.role === r)) ?? candidates[0] ?? 'resident';
}
