/**
 * @module Closing one's account (个人信息保护法 art. 47). The person confirms
 * with their password; then, in one transaction with its audit entry:
 *
 * Erased — the sign-in names (username, mobile number), the password, the
 * name (replaced by 已注销用户; see below for officials), the language
 * choice, every session and trusted browser, the guessing counters kept
 * under the sign-in names, every notification, and every draft proposal with
 * its files (a draft was never public).
 *
 * Ended — every role (the resident role included). The entries the person
 * claimed in community registers stay in those registers, which belong to
 * the communities (staff import them from their own records, and paper
 * ballots are counted against them), but each is released: it shows on the
 * staff's register as not verified, with a new one-time code, so the old
 * slip no longer works and the person can come back with a new slip.
 *
 * Kept as it was — the public record of a public process: the text of
 * submitted proposals and their files, comments (always shown as 居民),
 * counted ballots, ratings, objections and the audit log, which never held
 * a resident's name. The account row stays as an empty tombstone, because
 * these rows and the published figures (participants, proposers) count from
 * it; nothing in it identifies anyone. Someone who once held an office
 * (council member, staff, officer, auditor) acted under their name, and that
 * name stays on the record of those acts; an account cannot be closed while
 * an office is held (the office ends the role first). The security log keeps
 * its events about the account (an account id and addresses, never a name)
 * until SECURITY_LOG_DAYS have passed, as the law on network logs asks.
 */
import { and, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, attachments, authThrottle, councilTerms, notifications, projects, registerEntries, roleAssignments, sessions, trustedDevices } from '#db/schema.ts';
import type { AppContext } from '../context.ts';
import { chinaDay } from '../domain/cycle-phases.ts';
import { keepsPublicName, OFFICE_ROLES, whyCannotClose, type CloseRefusal } from '../domain/personal-data.ts';
import type { Locale } from '../domain/permissions.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { appendAudit } from './audit.ts';
import { ACCOUNTS_SUBJECT, selfAuditActor } from './personal-details.ts';
import { recordSecurityEventInTx } from './security-log.ts';
import { newVerificationCode } from './residents.ts';
import { removeStoredFile } from './uploads.ts';
import { signInDeviceKey, signInNameKey } from './sign-in.ts';
import { say } from '#messages/say.ts';

export const CloseInput = z.strictObject({
  password: z.string().min(1).max(128),
  /** The person ticked "I understand": closing cannot be undone (`true`, as the API document's `const` says). */
  confirm: z.literal(true, { message: 'input.confirm_close' }),
});

/** A stored password hash that no password matches (not an argon2 hash at all). */
export const CLOSED_PASSWORD_HASH = '!closed';
/** What a closed account shows wherever an account's name would appear (never a resident's, which is never shown): stored, so in Chinese whatever the closer's language. */
export const CLOSED_ACCOUNT_NAME = say.privacy('zh-CN', 'closedAccount.name');

/** Why an account was not closed (words: reasons.json `closure.<code>`). */
export const CLOSE_PROBLEMS = ['holds_office', 'wrong_password', 'not_found'] as const;
export type CloseProblem = (typeof CLOSE_PROBLEMS)[number];

/** Why this account cannot be closed now (an office held, or a council term running or to come), or null. */
export async function whyCannotCloseAccount(ctx: AppContext, accountId: string): Promise<CloseRefusal | null> {
  const db = ctx.database.db;
  const offices = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.accountId, accountId), inArray(roleAssignments.role, [...OFFICE_ROLES]), isNull(roleAssignments.revokedAt)));
  const terms = await db
    .select({ id: councilTerms.id })
    .from(councilTerms)
    .where(and(eq(councilTerms.accountId, accountId), or(isNull(councilTerms.endsOn), gte(councilTerms.endsOn, chinaDay(ctx.now())))));
  return whyCannotClose({ officeRoles: offices.length, termsNotOver: terms.length });
}

export type CloseOutcome = { ok: true; draftsDeleted: number } | { ok: false; code: CloseProblem; field?: 'password' };

export async function closeAccount(ctx: AppContext, accountId: string, input: z.infer<typeof CloseInput>): Promise<CloseOutcome> {
  const a = (await ctx.database.db.select().from(accounts).where(and(eq(accounts.id, accountId), isNull(accounts.closedAt))).limit(1))[0];
  if (!a) return { ok: false, code: 'not_found' };
  const office = await whyCannotCloseAccount(ctx, accountId);
  if (office) return { ok: false, code: office };
  if (!(await verifyPassword(a.passwordHash, input.password))) return { ok: false, code: 'wrong_password', field: 'password' };
  const now = ctx.now();

  const done = await ctx.database.write(async (tx) => {
    // Read again inside the transaction: a second request closing the same account finds it closed.
    const fresh = (await tx.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.id, accountId), isNull(accounts.closedAt))).limit(1))[0];
    if (!fresh) return null;
    const actor = await selfAuditActor(tx, accountId);
    const everHeldOffice =
      (await tx.select({ id: roleAssignments.id }).from(roleAssignments).where(and(eq(roleAssignments.accountId, accountId), inArray(roleAssignments.role, [...OFFICE_ROLES]))).limit(1)).length > 0 ||
      (await tx.select({ id: councilTerms.id }).from(councilTerms).where(eq(councilTerms.accountId, accountId)).limit(1)).length > 0;

    // Drafts were never public: they go, with their files. The log keeps that each was started, and now that it was deleted.
    const drafts = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.proposerAccountId, accountId), eq(projects.state, 'draft')));
    const files: { storedPath: string }[] = [];
    for (const d of drafts) {
      files.push(...(await tx.select({ storedPath: attachments.storedPath }).from(attachments).where(eq(attachments.projectId, d.id))));
      await tx.delete(attachments).where(eq(attachments.projectId, d.id));
      await tx.delete(notifications).where(eq(notifications.projectId, d.id));
      await tx.delete(projects).where(eq(projects.id, d.id));
      await appendAudit(tx, { actor, action: 'proposal.draft_deleted', subjectType: 'project_draft', subjectId: d.id, reason: null, at: now });
    }

    await tx.delete(notifications).where(eq(notifications.accountId, accountId));
    const devices = await tx.select({ tokenHash: trustedDevices.tokenHash }).from(trustedDevices).where(eq(trustedDevices.accountId, accountId));
    const throttleKeys = [
      ...[a.username, a.mobile].filter((l): l is string => l !== null).map(signInNameKey),
      `residency:account:${accountId}`,
      ...devices.map((d) => signInDeviceKey(d.tokenHash)),
    ];
    await tx.delete(authThrottle).where(inArray(authThrottle.key, throttleKeys));
    await tx.delete(trustedDevices).where(eq(trustedDevices.accountId, accountId));
    await tx.delete(sessions).where(eq(sessions.accountId, accountId));

    const ended = await tx.update(roleAssignments).set({ revokedAt: now }).where(and(eq(roleAssignments.accountId, accountId), isNull(roleAssignments.revokedAt))).returning({ role: roleAssignments.role });
    // The register entries stay the communities'; released, with a new code, so an old slip no longer claims them.
    const released = await tx.select({ id: registerEntries.id }).from(registerEntries).where(eq(registerEntries.claimedByAccountId, accountId));
    for (const r of released) await tx.update(registerEntries).set({ claimedAt: null, verificationCode: newVerificationCode() }).where(eq(registerEntries.id, r.id));

    await tx
      .update(accounts)
      .set({
        username: null,
        mobile: null,
        displayName: keepsPublicName(everHeldOffice) ? a.displayName : CLOSED_ACCOUNT_NAME,
        passwordHash: CLOSED_PASSWORD_HASH,
        locale: 'zh-CN',
        passwordChangedAt: null,
        closedAt: now,
      })
      .where(eq(accounts.id, accountId));
    await appendAudit(tx, { actor, action: 'account.closed', ...ACCOUNTS_SUBJECT, after: { draftsDeleted: drafts.length }, at: now });
    await recordSecurityEventInTx(tx, now, { kind: 'account_closed', accountId, what: 'account.close', outcome: 'ok', detail: { rolesEnded: ended.length, registerEntriesReleased: released.length, draftsDeleted: drafts.length } });
    return { drafts: drafts.length, files };
  });
  if (!done) return { ok: false, code: 'not_found' };
  for (const f of done.files) await removeStoredFile(ctx.database, f);
  return { ok: true, draftsDeleted: done.drafts };
}
