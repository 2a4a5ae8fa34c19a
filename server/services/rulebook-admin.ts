/**
 * @module Rulebook administration: district officers publish a new version of
 * their district's rulebook for a year, and bind a cycle to a version.
 *
 * Versions are immutable once written: nothing here edits one. A change is
 * a new version that supersedes the old one for cycles bound to it later, so
 * a version in use is never edited under a running cycle.
 *
 * Rebinding a cycle is allowed only before its resident vote (or, without a
 * vote, its deliberation) opens — that is, while the cycle is not started,
 * collecting or screening — because the vote method, caps and thresholds
 * must not change under people who are voting or deciding. The new version
 * must be the same district's rulebook for the cycle's year, must still have
 * every category the cycle's projects use, and its community budget becomes
 * the cycle's budget. Only district officers (`set_rulebook`) do either.
 */
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { communities, cycles, districts, projects, rulebooks, streets } from '#db/schema.ts';
import type { Db } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import { reasonCannot, type Actor, type Locale, type ReasonCode } from '../domain/permissions.ts';
import { validateRulebook, type RulebookIssue, type RulebookSettings } from '../domain/rulebook.ts';
import type { CyclePhase } from '../domain/cycle-phases.ts';
import { codesOf } from '../domain/reason-codes.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { addRulebookVersion, getRulebook, toRulebook } from './rulebooks.ts';
import { cyclesWhere, getCycle } from './catalog.ts';
import { placeOfCommunity } from './council.ts';

/** Phases in which a cycle may still change rulebook. */
export const REBIND_PHASES: readonly (CyclePhase | null)[] = [null, 'collection', 'screening'];

/** Why a rulebook change is refused, each with the HTTP status an API answers it with (words: reasons.json `rulebook.<code>`). */
export const RULEBOOK_REASON_STATUS = {
  invalid_rulebook: 422,
  rulebook_mismatch: 422,
  category_in_use: 409,
  same_rulebook: 409,
} as const satisfies Record<string, 409 | 422>;
export type RulebookReason = keyof typeof RULEBOOK_REASON_STATUS;
export const RULEBOOK_REASONS = codesOf(RULEBOOK_REASON_STATUS);
export type RulebookListItem = ReturnType<typeof toRulebook> & { createdAt: Date; cycles: { id: string; titleZh: string; titleEn: string }[] };

/** Every version of a district's rulebooks, newest year and version first, with the cycles bound to each. */
export async function listRulebooks(db: Db, districtId: string): Promise<RulebookListItem[]> {
  const rows = await db.select().from(rulebooks).where(eq(rulebooks.districtId, districtId)).orderBy(desc(rulebooks.year), desc(rulebooks.version));
  const bound = rows.length
    ? await db
        .select({ id: cycles.id, rulebookId: cycles.rulebookId, titleZh: cycles.titleZh, titleEn: cycles.titleEn })
        .from(rulebooks)
        .innerJoin(cycles, eq(cycles.rulebookId, rulebooks.id))
        .where(eq(rulebooks.districtId, districtId))
        .orderBy(asc(cycles.id))
    : [];
  return rows.map((r) => ({ ...toRulebook(r), createdAt: r.createdAt, cycles: bound.filter((b) => b.rulebookId === r.id).map(({ rulebookId: _r, ...c }) => c) }));
}

export async function listDistricts(db: Db) {
  return db.select({ id: districts.id, nameZh: districts.nameZh, nameEn: districts.nameEn }).from(districts).orderBy(asc(districts.code));
}

export type CreateRulebookOutcome =
  | { ok: true; id: string; version: number }
  | { ok: false; code: ReasonCode | 'not_found' }
  | { ok: false; code: 'invalid_rulebook'; issues: RulebookIssue[] };

/** A district officer publishes a new version for a year (versions count up from 1 per district and year). */
export async function createRulebookVersion(
  ctx: AppContext,
  input: { districtId: string; year: number; settings: RulebookSettings },
  actor: Actor,
  auditActor: AuditActor,
): Promise<CreateRulebookOutcome> {
  const d = await ctx.database.db.select({ id: districts.id }).from(districts).where(eq(districts.id, input.districtId)).limit(1);
  if (!d[0]) return { ok: false, code: 'not_found' };
  const why = reasonCannot('set_rulebook', { area: { districtId: input.districtId } }, actor);
  if (why) return { ok: false, code: why };
  // The version number does not affect validity; 1 stands in until the write picks the next one.
  const issues = validateRulebook({ ...input.settings, districtId: input.districtId, year: input.year, version: 1 });
  if (issues.length) return { ok: false, code: 'invalid_rulebook', issues };
  const r = await ctx.database.write((tx) => addRulebookVersion(tx, { districtId: input.districtId, year: input.year, settings: input.settings, actor: auditActor, at: ctx.now() }));
  return { ok: true, id: r.id, version: r.version };
}

export type BindOutcome = { ok: true } | { ok: false; code: ReasonCode | RulebookReason | 'not_found'; category?: string };

/** Bind a cycle to another version of its district's rulebook, before its vote or deliberation opens. */
export async function bindCycleRulebook(ctx: AppContext, cycleId: string, rulebookId: string, actor: Actor, auditActor: AuditActor): Promise<BindOutcome> {
  const now = ctx.now();
  const cycle = await getCycle(ctx.database, cycleId, now);
  const target = await getRulebook(ctx.database.db, rulebookId);
  if (!cycle || !target) return { ok: false, code: 'not_found' };
  const row = (await ctx.database.db.select().from(cycles).where(eq(cycles.id, cycleId)))[0]!;
  const place = (await placeOfCommunity(ctx.database.db, row.communityId))!;
  const why = reasonCannot('set_rulebook', { area: { districtId: place.districtId } }, actor);
  if (why) return { ok: false, code: why };
  if (!REBIND_PHASES.includes(cycle.phase)) return { ok: false, code: 'wrong_phase' };
  if (target.districtId !== place.districtId || target.year !== row.year) return { ok: false, code: 'rulebook_mismatch' };
  if (row.rulebookId === rulebookId) return { ok: false, code: 'same_rulebook' };
  const used = await ctx.database.db.selectDistinct({ category: projects.category }).from(projects).where(and(eq(projects.cycleId, cycleId), ne(projects.state, 'withdrawn')));
  const missing = used.find((u) => !target.categories.some((c) => c.key === u.category));
  if (missing) return { ok: false, code: 'category_in_use', category: missing.category };
  const before = (await getRulebook(ctx.database.db, row.rulebookId))!;
  await ctx.database.write(async (tx) => {
    await tx.update(cycles).set({ rulebookId, budgetFen: target.communityBudgetFen }).where(eq(cycles.id, cycleId));
    await appendAudit(tx, {
      actor: auditActor,
      action: 'cycle.rulebook_bound',
      subjectType: 'cycle',
      subjectId: cycleId,
      before: { rulebook: `${before.year} v${before.version}`, budgetFen: row.budgetFen },
      after: { rulebook: `${target.year} v${target.version}`, budgetFen: target.communityBudgetFen },
      at: now,
    });
  });
  return { ok: true };
}

/** Cycles of a district that could be rebound now, with their current binding. */
export async function cyclesOfDistrict(ctx: AppContext, districtId: string) {
  // The district's cycles only (through its streets' communities), with their phases in two statements,
  // not every cycle of the city read one by one (issue 18).
  const inDistrict = inArray(
    cycles.communityId,
    ctx.database.db.select({ id: communities.id }).from(communities).innerJoin(streets, eq(streets.id, communities.streetId)).where(eq(streets.districtId, districtId)),
  );
  const rows = (await cyclesWhere(ctx.database, inDistrict, ctx.now())).sort((a, b) => b.year - a.year || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.map((cy) => ({ ...cy, rebindable: REBIND_PHASES.includes(cy.phase) }));
}
