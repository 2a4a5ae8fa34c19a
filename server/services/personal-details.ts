/**
 * @module Correcting what the site holds about oneself (个人信息保护法 art. 46):
 * the account's name and mobile number, and the fields of one's own entry in
 * a community's register. Each correction is one call that checks the rules
 * and writes the change with its audit entry in one transaction. The audit
 * entry names the fields that changed, never their values, and the person
 * appears in it as 居民 (or 用户 when they are no community's resident).
 *
 * A register entry's name or address is what residency rests on
 * (server/domain/personal-data.ts): correcting either ends the resident role
 * in that community until the person enters the code of a new slip, which the
 * community's staff print (the entry shows as not yet verified on their
 * register) and deliver to the corrected address. The entry stays the
 * person's — their ballots, ratings and objections stay with it — so coming
 * back changes no count.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, communities, registerEntries, roleAssignments } from '#db/schema.ts';
import type { Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import { changedFields, needsReverification, type RegisterField } from '../domain/personal-data.ts';
import { REGISTER_MAX_LEN, REGISTER_PHONE_RE } from '../domain/register-csv.ts';
import type { Locale } from '../domain/permissions.ts';
import { ACCOUNT_PUBLIC_NAME, appendAudit, RESIDENT_PUBLIC_NAME, type AuditActor } from './audit.ts';
import { MOBILE_RE } from './accounts.ts';
import { recordSecurityEventInTx } from './security-log.ts';
import { newVerificationCode } from './residents.ts';
import { filledText, shapedText } from './text-fields.ts';

/** A refinement's message is the key of its words in reasons.json (server/http/errors.ts). */
const MOBILE_MESSAGE = 'input.mobile_or_empty';
const PHONE_MESSAGE = 'input.phone_or_empty';

export const DetailsInput = z.strictObject({
  displayName: filledText(40),
  /** The mobile number: a way to sign in and to be reached. Empty removes it (if the account has a username to sign in with). */
  mobile: shapedText(`(?:${MOBILE_RE.source.slice(1, -1)})?`, 20, MOBILE_MESSAGE),
});
export type DetailsInput = z.infer<typeof DetailsInput>;

export const RegisterCorrectionInput = z.strictObject({
  name: filledText(REGISTER_MAX_LEN.name),
  address: filledText(REGISTER_MAX_LEN.address),
  phone: shapedText(`(?:${REGISTER_PHONE_RE.source.slice(1, -1)})?`, REGISTER_MAX_LEN.phone, PHONE_MESSAGE),
});
export type RegisterCorrectionInput = z.infer<typeof RegisterCorrectionInput>;

export type DetailsProblem = 'login_taken' | 'login_required' | 'not_found';
/** `not_resident_of_community`: no entry of that community's register is this person's (a reason about who they are, 403). */
export type RegisterProblem = 'not_resident_of_community' | 'holds_office';

/** Why a correction was refused (words: reasons.json `details.<code>`). */
export const DETAILS_PROBLEMS = ['login_taken', 'login_required', 'not_found', 'holds_office'] as const;

/** How a person correcting their own data appears in the audit log: as 居民 if they are a resident anywhere, else as 用户. Never by name. */
export async function selfAuditActor(tx: Tx | AppContext['database']['db'], accountId: string): Promise<AuditActor> {
  const r = await tx
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.accountId, accountId), eq(roleAssignments.role, 'resident'), isNull(roleAssignments.revokedAt)))
    .limit(1);
  return r.length ? { accountId, role: 'resident', name: RESIDENT_PUBLIC_NAME } : { accountId, role: 'account', name: ACCOUNT_PUBLIC_NAME };
}

/** The public log's subject for a change to an account (its id is never published). */
export const ACCOUNTS_SUBJECT = { subjectType: 'site', subjectId: 'accounts' } as const;

export type DetailsOutcome = { ok: true; changed: ('displayName' | 'mobile')[] } | { ok: false; code: DetailsProblem; field?: 'mobile' };

/** Correct the account's name and mobile number. Nothing changed: nothing written. */
export async function correctDetails(ctx: AppContext, accountId: string, input: DetailsInput): Promise<DetailsOutcome> {
  const now = ctx.now();
  return ctx.database.write(async (tx): Promise<DetailsOutcome> => {
    const a = (await tx.select().from(accounts).where(and(eq(accounts.id, accountId), isNull(accounts.closedAt))).limit(1))[0];
    if (!a) return { ok: false, code: 'not_found' };
    const mobile = input.mobile === '' ? null : input.mobile;
    const changed = changedFields({ displayName: a.displayName, mobile: a.mobile }, { displayName: input.displayName, mobile });
    if (changed.length === 0) return { ok: true, changed };
    if (changed.includes('mobile')) {
      if (mobile === null && a.username === null) return { ok: false, code: 'login_required', field: 'mobile' };
      if (mobile !== null) {
        const clash = await tx.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.mobile, mobile), ne(accounts.id, accountId))).limit(1);
        if (clash.length) return { ok: false, code: 'login_taken', field: 'mobile' };
      }
    }
    await tx.update(accounts).set({ displayName: input.displayName, mobile }).where(eq(accounts.id, accountId));
    await appendAudit(tx, { actor: await selfAuditActor(tx, accountId), action: 'account.details_corrected', ...ACCOUNTS_SUBJECT, after: { fields: changed }, at: now });
    await recordSecurityEventInTx(tx, now, { kind: 'account_changed', accountId, what: 'account.details', outcome: 'ok', detail: { fields: changed.join(',') } });
    return { ok: true, changed };
  });
}

export type RegisterOutcome = { ok: true; changed: RegisterField[]; reverify: boolean } | { ok: false; code: RegisterProblem };

/**
 * Correct one's own entry in the register of the community `slug`. A new
 * name or address ends the resident role there and issues the entry a new
 * verification code (the old slip no longer works); staff print the new slip
 * from their register, where the entry now shows as not verified.
 */
export async function correctRegisterEntry(ctx: AppContext, accountId: string, slug: string, input: RegisterCorrectionInput): Promise<RegisterOutcome> {
  const now = ctx.now();
  return ctx.database.write(async (tx): Promise<RegisterOutcome> => {
    const found = (
      await tx
        .select({ e: registerEntries })
        .from(registerEntries)
        .innerJoin(communities, eq(communities.id, registerEntries.communityId))
        .where(and(eq(communities.slug, slug), eq(registerEntries.claimedByAccountId, accountId)))
        .limit(1)
    )[0];
    if (!found) return { ok: false, code: 'not_resident_of_community' };
    const e = found.e;
    const wanted = { name: input.name, address: input.address, phone: input.phone === '' ? null : input.phone };
    const changed = changedFields({ name: e.name, address: e.address, phone: e.phone }, wanted);
    if (changed.length === 0) return { ok: true, changed, reverify: false };
    const reverify = needsReverification(changed);
    const council = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.accountId, accountId), eq(roleAssignments.role, 'council_member'), eq(roleAssignments.scopeKind, 'community'), eq(roleAssignments.scopeId, e.communityId), isNull(roleAssignments.revokedAt)))
      .limit(1);
    // A council member's residency is the council's footing: staff correct it, with the term in view.
    if (reverify && council.length) return { ok: false, code: 'holds_office' };
    const actor = await selfAuditActor(tx, accountId);
    await tx
      .update(registerEntries)
      .set(reverify ? { ...wanted, claimedAt: null, verificationCode: newVerificationCode() } : wanted)
      .where(eq(registerEntries.id, e.id));
    if (reverify) {
      await tx
        .update(roleAssignments)
        .set({ revokedAt: now })
        .where(and(eq(roleAssignments.accountId, accountId), eq(roleAssignments.role, 'resident'), eq(roleAssignments.scopeKind, 'community'), eq(roleAssignments.scopeId, e.communityId), isNull(roleAssignments.revokedAt)));
    }
    await appendAudit(tx, { actor, action: 'resident.register_corrected', subjectType: 'community', subjectId: e.communityId, after: { fields: changed, reverify }, at: now });
    await recordSecurityEventInTx(tx, now, { kind: 'register_changed', accountId, what: 'register.self_correction', outcome: 'ok', detail: { community: e.communityId, fields: changed.join(','), reverify } });
    if (reverify) await recordSecurityEventInTx(tx, now, { kind: 'role_changed', accountId, what: 'residency.reverify', outcome: 'ok', detail: { role: 'resident', community: e.communityId, change: 'revoked' } });
    return { ok: true, changed, reverify };
  });
}
