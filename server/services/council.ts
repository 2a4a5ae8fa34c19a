/**
 * @module The residents' council (居民议事会): membership with terms, managed
 * by community staff, and the helpers the other council services share.
 *
 * A term (chair or member, start and end dates) is the record; the
 * `council_member` role assignment that lets a person act is kept in step
 * with it in the same transaction: granted while a term covers today,
 * revoked when none does. Terms that start in the future get their role from
 * `syncCouncilRoles`, which the server's periodic tick runs.
 *
 * `stepProject` moves a project through the state machine inside a caller's
 * transaction (a meeting decision, an upheld objection, the end of a notice),
 * so several changes and their audit entries commit together.
 */
import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { accounts, communities, councilTerms, cycles, cyclePhases, districts, projects, roleAssignments, streets } from '#db/schema.ts';
import type { Db, Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import { chinaDay, currentPhase } from '../domain/cycle-phases.ts';
import { roleReason, type Actor, type Place, type ReasonCode } from '../domain/permissions.ts';
import { cycleRules, transition, type ProjectEvent, type ProjectState, type TransitionReason } from '../domain/project-states.ts';
import { codesOf } from '../domain/reason-codes.ts';
import { appendAudit, SYSTEM_AUDIT_ACTOR, type AuditActor } from './audit.ts';
import { recordSecurityEventInTx } from './security-log.ts';
import { getRulebook } from './rulebooks.ts';
import { notifyProposer } from './notifications.ts';
import { newId } from './ids.ts';
import { MOBILE_RE } from './accounts.ts';
import { say } from '#messages/say.ts';

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

/** Actions of community staff that the permission table does not list (meetings, membership, objections). */
export function staffReason(actor: Actor, place: Place): ReasonCode | null {
  if (actor === null) return 'not_signed_in';
  return roleReason(actor, ['staff'], place);
}

export async function placeOfCommunity(db: Db | Tx, communityId: string): Promise<Place | null> {
  const r = await db
    .select({ communityId: communities.id, streetId: streets.id, districtId: streets.districtId })
    .from(communities)
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .where(eq(communities.id, communityId))
    .limit(1);
  return r[0] ?? null;
}

export async function communityBySlug(db: Db | Tx, slug: string) {
  const r = await db
    .select({ id: communities.id, slug: communities.slug, nameZh: communities.nameZh, nameEn: communities.nameEn, streetId: streets.id, districtId: streets.districtId })
    .from(communities)
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .where(eq(communities.slug, slug))
    .limit(1);
  const c = r[0];
  return c ? { ...c, place: { communityId: c.id, streetId: c.streetId, districtId: c.districtId } as Place } : null;
}

/** A project with what the state machine needs: its place, its cycle's rulebook and phase. */
export async function loadProjectForStep(db: Db | Tx, projectId: string, at: Date) {
  const rows = await db
    .select({ p: projects, streetId: streets.id, districtId: districts.id, rulebookId: cycles.rulebookId, openPhase: cycles.openPhase, budgetFen: cycles.budgetFen })
    .from(projects)
    .innerJoin(cycles, eq(cycles.id, projects.cycleId))
    .innerJoin(communities, eq(communities.id, projects.communityId))
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .innerJoin(districts, eq(districts.id, streets.districtId))
    .where(eq(projects.id, projectId))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const rulebook = await getRulebook(db, row.rulebookId);
  const plan = await db.select({ phase: cyclePhases.phase, startsOn: cyclePhases.startsOn, endsOn: cyclePhases.endsOn }).from(cyclePhases).where(eq(cyclePhases.cycleId, row.p.cycleId));
  return {
    project: row.p,
    place: { communityId: row.p.communityId, streetId: row.streetId, districtId: row.districtId } as Place,
    rulebook: rulebook!,
    phase: currentPhase({ phases: plan, openPhase: row.openPhase }, at),
    budgetFen: row.budgetFen,
  };
}

/** Carries a refusal out of a write transaction, so that everything written so far rolls back. */
export class Refusal<T = unknown> extends Error {
  outcome: T;
  constructor(outcome: T) {
    super('refused');
    this.outcome = outcome;
  }
}

export type StepOutcome = { ok: true; from: ProjectState; to: ProjectState } | { ok: false; code: TransitionReason | 'not_found' };

/**
 * Fire one state-machine event inside the caller's transaction: the domain
 * decides, then the state, its audit entry and the proposer's notification
 * are written. `after` adds facts to the audit entry (the meeting, the notice).
 */
export async function stepProject(
  tx: Tx,
  input: { projectId: string; event: ProjectEvent; reason?: string | null; actor: Actor; auditActor: AuditActor; at: Date; after?: Record<string, unknown> },
): Promise<StepOutcome> {
  const loaded = await loadProjectForStep(tx, input.projectId, input.at);
  if (!loaded) return { ok: false, code: 'not_found' };
  const { project: p } = loaded;
  const decided = transition(
    { state: p.state, proposerAccountId: p.proposerAccountId, proposerType: p.proposerType, ...loaded.place },
    input.event,
    input.actor,
    { reason: input.reason ?? null, ...cycleRules(loaded.rulebook), phase: loaded.phase },
  );
  if (!decided.ok) return { ok: false, code: decided.reason };
  const reason = input.reason?.trim() || null;
  await tx.update(projects).set({ state: decided.to, stateReason: reason ?? p.stateReason, updatedAt: input.at }).where(eq(projects.id, p.id));
  await appendAudit(tx, {
    actor: input.auditActor,
    action: `project.${input.event}`,
    subjectType: 'project',
    subjectId: p.id,
    before: { state: decided.from },
    after: { state: decided.to, ...input.after },
    reason,
    at: input.at,
  });
  await notifyProposer(tx, p, decided.from, decided.to, input.at, { actorAccountId: input.auditActor.accountId, reason });
  return { ok: true, from: decided.from, to: decided.to };
}

// ---------------------------------------------------------------------------
// Membership
// ---------------------------------------------------------------------------

export type CouncilRole = 'chair' | 'member';

export type TermView = {
  id: string;
  accountId: string;
  name: string;
  role: CouncilRole;
  startsOn: string;
  endsOn: string | null;
  /** In office on the day asked about. */
  current: boolean;
};

const covers = (t: { startsOn: string; endsOn: string | null }, day: string) => t.startsOn <= day && (t.endsOn === null || day <= t.endsOn);

/** Every term of a community (current first, chair first), with public names: council members act under their names. */
export async function listTerms(db: Db | Tx, communityId: string, day: string): Promise<TermView[]> {
  const rows = await db
    .select({ t: councilTerms, name: accounts.displayName })
    .from(councilTerms)
    .innerJoin(accounts, eq(accounts.id, councilTerms.accountId))
    .where(eq(councilTerms.communityId, communityId))
    .orderBy(asc(councilTerms.startsOn), asc(councilTerms.createdAt), asc(councilTerms.id));
  const views = rows.map((r) => ({ id: r.t.id, accountId: r.t.accountId, name: r.name, role: r.t.role, startsOn: r.t.startsOn, endsOn: r.t.endsOn, current: covers(r.t, day) }));
  const rank = (v: TermView) => (v.current ? 0 : v.startsOn > day ? 1 : 2) * 2 + (v.role === 'chair' ? 0 : 1);
  return views.sort((a, b) => rank(a) - rank(b));
}

/** Members in office on `day` (one entry per person): the meeting's expected attendance. */
export async function membersInOffice(db: Db | Tx, communityId: string, day: string): Promise<{ accountId: string; name: string; role: CouncilRole }[]> {
  const rows = await db
    .select({ accountId: councilTerms.accountId, role: councilTerms.role, name: accounts.displayName })
    .from(councilTerms)
    .innerJoin(accounts, eq(accounts.id, councilTerms.accountId))
    .where(and(eq(councilTerms.communityId, communityId), lte(councilTerms.startsOn, day), or(isNull(councilTerms.endsOn), gte(councilTerms.endsOn, day))))
    .orderBy(asc(councilTerms.startsOn), asc(councilTerms.id));
  const seen = new Map<string, { accountId: string; name: string; role: CouncilRole }>();
  for (const r of rows) if (!seen.has(r.accountId) || r.role === 'chair') seen.set(r.accountId, r);
  return [...seen.values()].sort((a, b) => (a.role === b.role ? 0 : a.role === 'chair' ? -1 : 1));
}

/**
 * Grant or revoke the person's `council_member` assignment in the community
 * so that it matches their terms on `day`. Returns what changed.
 */
export async function syncCouncilRole(tx: Tx, communityId: string, accountId: string, day: string, at: Date, by: string | null): Promise<'granted' | 'revoked' | null> {
  const terms = await tx.select().from(councilTerms).where(and(eq(councilTerms.communityId, communityId), eq(councilTerms.accountId, accountId)));
  const inOffice = terms.some((t) => covers(t, day));
  const active = await tx
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.accountId, accountId), eq(roleAssignments.role, 'council_member'), eq(roleAssignments.scopeKind, 'community'), eq(roleAssignments.scopeId, communityId), isNull(roleAssignments.revokedAt)));
  if (inOffice && active.length === 0) {
    await tx.insert(roleAssignments).values({ id: newId(), accountId, role: 'council_member', scopeKind: 'community', scopeId: communityId, grantedAt: at, grantedBy: by });
    return 'granted';
  }
  if (!inOffice && active.length > 0) {
    for (const a of active) await tx.update(roleAssignments).set({ revokedAt: at }).where(eq(roleAssignments.id, a.id));
    return 'revoked';
  }
  return null;
}

/**
 * Bring every council role in line with the terms on `now`'s day (terms that
 * started or ended overnight). Reads everything first and writes only the
 * people whose role must change, so the periodic tick costs two reads when
 * nothing changed.
 */
export async function syncCouncilRoles(ctx: AppContext, now: Date): Promise<number> {
  const day = chinaDay(now);
  const db = ctx.database.db;
  const terms = await db.select({ communityId: councilTerms.communityId, accountId: councilTerms.accountId, startsOn: councilTerms.startsOn, endsOn: councilTerms.endsOn }).from(councilTerms);
  const active = await db
    .select({ communityId: roleAssignments.scopeId, accountId: roleAssignments.accountId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.role, 'council_member'), eq(roleAssignments.scopeKind, 'community'), isNull(roleAssignments.revokedAt)));
  const key = (x: { communityId: string; accountId: string }) => `${x.communityId} ${x.accountId}`;
  const inOffice = new Set(terms.filter((t) => covers(t, day)).map(key));
  const holding = new Set(active.map(key));
  // Only people with terms are managed here; a council role given some other way is left alone.
  const people = new Map(terms.map((t) => [key(t), { communityId: t.communityId, accountId: t.accountId }]));
  const stale = [...people.values()].filter((p) => inOffice.has(key(p)) !== holding.has(key(p)));
  let changed = 0;
  for (const p of stale) {
    const r = await ctx.database.write(async (tx) => {
      const change = await syncCouncilRole(tx, p.communityId, p.accountId, day, now, null);
      if (change) {
        const name = (await tx.select({ n: accounts.displayName }).from(accounts).where(eq(accounts.id, p.accountId)))[0]?.n ?? '';
        await appendAudit(tx, { actor: SYSTEM_AUDIT_ACTOR, action: `council.role_${change}`, subjectType: 'community', subjectId: p.communityId, after: { name }, reason: say.council('zh-CN', change === 'granted' ? 'meetings.termBegan' : 'meetings.termEnded'), at: now });
        await recordSecurityEventInTx(tx, now, { kind: 'role_changed', accountId: null, what: 'council.role', outcome: 'ok', detail: { account: p.accountId, role: 'council_member', change, community: p.communityId, by: 'term dates' } });
      }
      return change;
    });
    if (r) changed++;
  }
  return changed;
}

export type TermInput = { login: string; role: CouncilRole; startsOn: string; endsOn?: string | null };

/** Why a term is refused, each with the HTTP status an API answers it with (words: reasons.json `term.<code>`). */
export const TERM_REASON_STATUS = {
  no_such_account: 422,
  not_a_resident: 422,
  term_overlaps: 409,
  chair_taken: 409,
  bad_dates: 422,
  term_not_found: 404,
  term_already_ended: 409,
} as const satisfies Record<string, 404 | 409 | 422>;
export type TermReason = keyof typeof TERM_REASON_STATUS;
export const TERM_REASONS = codesOf(TERM_REASON_STATUS);

const overlaps = (a: { startsOn: string; endsOn: string | null }, b: { startsOn: string; endsOn: string | null }) =>
  a.startsOn <= (b.endsOn ?? '9999-12-31') && b.startsOn <= (a.endsOn ?? '9999-12-31');

/** Staff add a term for a verified resident of the community; the role follows in the same transaction. */
export async function addTerm(
  ctx: AppContext,
  communityId: string,
  input: TermInput,
  actor: Actor,
  auditActor: AuditActor,
): Promise<{ ok: true; id: string } | { ok: false; code: ReasonCode | TermReason | 'not_found' }> {
  const place = await placeOfCommunity(ctx.database.db, communityId);
  if (!place) return { ok: false, code: 'not_found' };
  const why = staffReason(actor, place);
  if (why) return { ok: false, code: why };
  if (input.endsOn && input.endsOn < input.startsOn) return { ok: false, code: 'bad_dates' };
  const login = input.login.trim();
  const found = await ctx.database.db
    .select({ id: accounts.id, name: accounts.displayName })
    .from(accounts)
    .where(MOBILE_RE.test(login) ? eq(accounts.mobile, login) : eq(accounts.username, login.toLowerCase()))
    .limit(1);
  const person = found[0];
  if (!person) return { ok: false, code: 'no_such_account' };
  const now = ctx.now();
  const today = chinaDay(now);
  return ctx.database.write(async (tx) => {
    const resident = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.accountId, person.id), eq(roleAssignments.role, 'resident'), eq(roleAssignments.scopeKind, 'community'), eq(roleAssignments.scopeId, communityId), isNull(roleAssignments.revokedAt)))
      .limit(1);
    if (resident.length === 0) return { ok: false as const, code: 'not_a_resident' as const };
    const term = { startsOn: input.startsOn, endsOn: input.endsOn ?? null };
    const existing = await tx.select().from(councilTerms).where(eq(councilTerms.communityId, communityId));
    if (existing.some((t) => t.accountId === person.id && overlaps(t, term))) return { ok: false as const, code: 'term_overlaps' as const };
    if (input.role === 'chair' && existing.some((t) => t.role === 'chair' && overlaps(t, term))) return { ok: false as const, code: 'chair_taken' as const };
    const id = newId();
    await tx.insert(councilTerms).values({ id, communityId, accountId: person.id, role: input.role, startsOn: term.startsOn, endsOn: term.endsOn, createdAt: now, createdBy: auditActor.accountId });
    const role = await syncCouncilRole(tx, communityId, person.id, today, now, auditActor.accountId);
    await appendAudit(tx, {
      actor: auditActor,
      action: 'council.term_added',
      subjectType: 'community',
      subjectId: communityId,
      after: { term: id, name: person.name, role: input.role, startsOn: term.startsOn, endsOn: term.endsOn, councilRole: role ?? 'unchanged' },
      at: now,
    });
    await recordSecurityEventInTx(tx, now, { kind: 'role_changed', accountId: auditActor.accountId, what: 'council.term_added', outcome: 'ok', detail: { account: person.id, term: id, councilRole: role ?? 'unchanged', community: communityId } });
    return { ok: true as const, id };
  });
}

/** Staff end a term on a date (today, or a past or future date); the role follows. */
export async function endTerm(
  ctx: AppContext,
  termId: string,
  endsOn: string,
  actor: Actor,
  auditActor: AuditActor,
): Promise<{ ok: true } | { ok: false; code: ReasonCode | TermReason }> {
  const found = await ctx.database.db.select().from(councilTerms).where(eq(councilTerms.id, termId)).limit(1);
  const term = found[0];
  if (!term) return { ok: false, code: 'term_not_found' };
  const place = await placeOfCommunity(ctx.database.db, term.communityId);
  const why = staffReason(actor, place!);
  if (why) return { ok: false, code: why };
  if (endsOn < term.startsOn) return { ok: false, code: 'bad_dates' };
  if (term.endsOn !== null && term.endsOn < endsOn) return { ok: false, code: 'term_already_ended' };
  const now = ctx.now();
  return ctx.database.write(async (tx) => {
    await tx.update(councilTerms).set({ endsOn }).where(eq(councilTerms.id, termId));
    const role = await syncCouncilRole(tx, term.communityId, term.accountId, chinaDay(now), now, auditActor.accountId);
    const name = (await tx.select({ n: accounts.displayName }).from(accounts).where(eq(accounts.id, term.accountId)))[0]?.n ?? '';
    await appendAudit(tx, {
      actor: auditActor,
      action: 'council.term_ended',
      subjectType: 'community',
      subjectId: term.communityId,
      before: { term: termId, endsOn: term.endsOn },
      after: { term: termId, name, endsOn, councilRole: role ?? 'unchanged' },
      at: now,
    });
    await recordSecurityEventInTx(tx, now, { kind: 'role_changed', accountId: auditActor.accountId, what: 'council.term_ended', outcome: 'ok', detail: { account: term.accountId, term: termId, councilRole: role ?? 'unchanged', community: term.communityId } });
    return { ok: true as const };
  });
}
