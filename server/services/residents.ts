/**
 * @module The resident register: staff import it from CSV and print one
 * verification slip per entry; a person enters the code on their slip and
 * becomes a verified resident of that community.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { registerEntries, roleAssignments, communities } from '#db/schema.ts';
import type { Db, Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import type { CsvProblem } from '../domain/register-csv.ts';
import { parseRegisterCsv } from '#messages/register-words.ts';
import { reasonCannot, type Actor, type Place, type ReasonCode } from '../domain/permissions.ts';
import { appendAudit, RESIDENT_PUBLIC_NAME, type AuditActor } from './audit.ts';
import { recordSecurityEventInTx } from './security-log.ts';
import { newId } from './ids.ts';
import { guardGuess, type Throttled } from '../auth/throttle.ts';
import { randomSymbols } from '../auth/random.ts';
import { shapedText } from './text-fields.ts';

/** Codes avoid look-alike characters (0/O, 1/I/L) because people type them from paper. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Eight symbols, each equally likely (31 symbols do not divide 256: the remainder is drawn again). */
export function newVerificationCode(bytes?: (n: number) => Uint8Array): string {
  const chars = randomSymbols(CODE_ALPHABET, 8, bytes);
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function normalizeCode(input: string): string {
  const c = input.toUpperCase().replace(/[\s-]/g, '');
  return c.length === 8 ? `${c.slice(0, 4)}-${c.slice(4)}` : c;
}

/** A slip's code as a person types it: its eight symbols, in either case, with spaces or hyphens anywhere. */
const TYPED_CODE = `[\\s-]*(?:[${CODE_ALPHABET}${CODE_ALPHABET.toLowerCase()}][\\s-]*){8}`;
export const VerifyInput = z.strictObject({
  code: shapedText(TYPED_CODE, 20, 'input.residency_code'),
});
export const ImportInput = z.strictObject({ csv: z.string().min(1).max(2_000_000) });

export type ImportOutcome =
  | { ok: true; imported: number; skipped: number }
  | { ok: false; code: ReasonCode; problems?: undefined }
  | { ok: false; code: 'invalid_csv'; problems: CsvProblem[] };

export async function importRegister(ctx: AppContext, place: Place, csv: string, actor: Actor, auditActor: AuditActor): Promise<ImportOutcome> {
  const why = reasonCannot('import_register', { area: place }, actor);
  if (why) return { ok: false, code: why };
  const parsed = parseRegisterCsv(csv);
  if (!parsed.ok) return { ok: false, code: 'invalid_csv', problems: parsed.problems };
  const now = ctx.now();
  return ctx.database.write(async (tx) => {
    const existing = new Set(
      (await tx.select({ no: registerEntries.registerNo }).from(registerEntries).where(eq(registerEntries.communityId, place.communityId))).map((r) => r.no),
    );
    const fresh = parsed.rows.filter((r) => !existing.has(r.registerNo));
    for (let i = 0; i < fresh.length; i += 200) {
      await tx.insert(registerEntries).values(
        fresh.slice(i, i + 200).map((r) => ({
          id: newId(),
          communityId: place.communityId,
          registerNo: r.registerNo,
          name: r.name,
          address: r.address,
          phone: r.phone,
          verificationCode: newVerificationCode(),
          importedAt: now,
          importedBy: auditActor.accountId,
        })),
      );
    }
    await appendAudit(tx, {
      actor: auditActor,
      action: 'register.imported',
      subjectType: 'community',
      subjectId: place.communityId,
      after: { imported: fresh.length, skipped: parsed.rows.length - fresh.length },
      at: now,
    });
    await recordSecurityEventInTx(tx, now, { kind: 'register_changed', accountId: auditActor.accountId, what: 'register.import', outcome: 'ok', detail: { community: place.communityId, imported: fresh.length, skipped: parsed.rows.length - fresh.length } });
    return { ok: true as const, imported: fresh.length, skipped: parsed.rows.length - fresh.length };
  });
}

/** The register entry a person claimed in a community, if any: a voter, a proposer, an objector and a rater are register entries. */
export async function claimedEntry(db: Db | Tx, communityId: string, accountId: string): Promise<{ id: string } | null> {
  const r = await db
    .select({ id: registerEntries.id })
    .from(registerEntries)
    .where(and(eq(registerEntries.communityId, communityId), eq(registerEntries.claimedByAccountId, accountId)))
    .limit(1);
  return r[0] ?? null;
}

/**
 * The register with codes, as the community's own staff see it on their desk.
 * A register's personal fields (names, addresses, phones, slip codes) are
 * visible to the staff of its community only: officers above it may import a
 * register, not read one.
 */
export async function listRegister(ctx: AppContext, place: Place, actor: Actor, opts: { unclaimedOnly?: boolean } = {}) {
  const why = reasonCannot('verify_residents', { area: place }, actor);
  if (why) return { ok: false as const, code: why };
  return { ok: true as const, rows: await registerRows(ctx.database.db, place.communityId, opts) };
}

export type RegisterExportFormat = 'api' | 'slips';

/**
 * The register taken away from the site — downloaded (`GET
 * /api/communities/{slug}/register`) or printed as slips — recorded in the
 * public audit log in the same transaction as the read: who, when, how many
 * rows and in what form, never the rows (and in the security log, like every
 * export of personal data).
 */
export async function exportRegister(
  ctx: AppContext,
  place: Place,
  actor: Actor,
  auditActor: AuditActor,
  e: { format: RegisterExportFormat; unclaimedOnly?: boolean; address?: string | null; requestId?: string | null },
) {
  const why = reasonCannot('verify_residents', { area: place }, actor);
  if (why) return { ok: false as const, code: why };
  const now = ctx.now();
  return ctx.database.write(async (tx) => {
    const rows = await registerRows(tx, place.communityId, { unclaimedOnly: e.unclaimedOnly });
    const all = !e.unclaimedOnly;
    await appendAudit(tx, { actor: auditActor, action: 'register.exported', subjectType: 'community', subjectId: place.communityId, after: { format: e.format, rows: rows.length, all }, at: now });
    await recordSecurityEventInTx(tx, now, { kind: 'personal_data_export', accountId: auditActor.accountId, address: e.address ?? null, what: e.format === 'slips' ? 'register.slips' : 'register.download', outcome: 'ok', detail: { community: place.communityId, rows: rows.length, all }, requestId: e.requestId ?? null });
    return { ok: true as const, rows };
  });
}

async function registerRows(db: Db | Tx, communityId: string, opts: { unclaimedOnly?: boolean | undefined }) {
  return db
    .select({
      registerNo: registerEntries.registerNo,
      name: registerEntries.name,
      address: registerEntries.address,
      verificationCode: registerEntries.verificationCode,
      claimedAt: registerEntries.claimedAt,
    })
    .from(registerEntries)
    .where(and(eq(registerEntries.communityId, communityId), opts.unclaimedOnly ? isNull(registerEntries.claimedAt) : undefined))
    .orderBy(asc(registerEntries.registerNo));
}

export type VerifyOutcome =
  | { ok: true; community: { id: string; slug: string; nameZh: string; nameEn: string } }
  | { ok: false; code: 'code_unknown' | 'code_used' | 'already_resident' };

/**
 * Verify under the guessing throttle: codes that match no unclaimed slip
 * count against the account and the address, shared by every app instance.
 */
export async function verifyResidencyGuarded(ctx: AppContext, accountId: string, rawCode: string, address: string): Promise<VerifyOutcome | Throttled> {
  const rule = ctx.throttle.residencyCode;
  return guardGuess(ctx.database, [{ key: `residency:account:${accountId}`, rule }, { key: `residency:addr:${address}`, rule }], ctx.now(), () => verifyResidency(ctx, accountId, rawCode), (r) => !r.ok && (r.code === 'code_unknown' || r.code === 'code_used'));
}

export async function verifyResidency(ctx: AppContext, accountId: string, rawCode: string): Promise<VerifyOutcome> {
  const code = normalizeCode(rawCode);
  const now = ctx.now();
  return ctx.database.write(async (tx) => {
    const rows = await tx
      .select({ e: registerEntries, slug: communities.slug, nameZh: communities.nameZh, nameEn: communities.nameEn })
      .from(registerEntries)
      .innerJoin(communities, eq(communities.id, registerEntries.communityId))
      .where(eq(registerEntries.verificationCode, code))
      .limit(1);
    const found = rows[0];
    if (!found) return { ok: false as const, code: 'code_unknown' as const };
    // A claimed slip is spent. An entry released again (its resident corrected their name or address, or closed
    // their account) has a new code and no claim date: its new slip claims it.
    if (found.e.claimedAt) return { ok: false as const, code: 'code_used' as const };
    const already = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.accountId, accountId),
          eq(roleAssignments.role, 'resident'),
          eq(roleAssignments.scopeKind, 'community'),
          eq(roleAssignments.scopeId, found.e.communityId),
          isNull(roleAssignments.revokedAt),
        ),
      )
      .limit(1);
    if (already.length) return { ok: false as const, code: 'already_resident' as const };
    await tx.update(registerEntries).set({ claimedByAccountId: accountId, claimedAt: now }).where(eq(registerEntries.id, found.e.id));
    await tx.insert(roleAssignments).values({
      id: newId(),
      accountId,
      role: 'resident',
      scopeKind: 'community',
      scopeId: found.e.communityId,
      grantedAt: now,
      grantedBy: 'verification_code',
    });
    await appendAudit(tx, {
      actor: { accountId, role: 'resident', name: RESIDENT_PUBLIC_NAME },
      action: 'resident.verified',
      subjectType: 'community',
      subjectId: found.e.communityId,
      at: now,
    });
    await recordSecurityEventInTx(tx, now, { kind: 'role_changed', accountId, what: 'residency.verify', outcome: 'ok', detail: { role: 'resident', community: found.e.communityId, by: 'verification_code' } });
    return { ok: true as const, community: { id: found.e.communityId, slug: found.slug, nameZh: found.nameZh, nameEn: found.nameEn } };
  });
}

/** Why a verification code was refused (words: reasons.json `resident.<code>`). */
export const VERIFY_PROBLEMS = ['code_unknown', 'code_used', 'already_resident'] as const;
