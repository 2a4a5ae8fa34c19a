/**
 * @module Proposing: residents (and staff typing in a paper 问需表) create a
 * draft, edit it, attach photos and PDFs, submit it to screening, or
 * withdraw it. Drafts are private to their proposer (paper drafts to the
 * community's staff) until submitted.
 *
 * The checks are the pure ones in server/domain/proposal-checks.ts, the same
 * the browser runs as the resident types. Creating a draft and firing
 * submit/withdraw go through the shared write paths (createProject,
 * applyProjectEvent in ./projects.ts); editing a draft and attaching files
 * are written here, each change with its audit entry in one transaction.
 */
import { and, desc, eq, isNull, ne, notInArray } from 'drizzle-orm';
import { projects, cycles } from '#db/schema.ts';
import type { Db, Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import { COMMUNITY_ONLY_ROLES, hasRole, reasonCannot, reasonToShow, roleReason, type Actor, type Place, type ReasonCode } from '../domain/permissions.ts';
import { checkProposal, type ExistingProject, type ProposalCheck, type ProposalField, type ProposalInput } from '../domain/proposal-checks.ts';
import type { Rulebook } from '../domain/rulebook.ts';
import type { CyclePhase } from '../domain/cycle-phases.ts';
import { availableEvents, cycleRules, whoCannotStep, type ProjectState } from '../domain/project-states.ts';
import { fenToYuanInput } from '../domain/money.ts';
import { getCommunityById, getCycle, type CommunityView, type CycleView } from './catalog.ts';
import { getRulebook } from './rulebooks.ts';
import { applyProjectEvent, createProject } from './projects.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { actingRole, auditActorOf, type SignedIn } from './accounts.ts';
import { inValues } from './sql-lists.ts';
import {
  checkFiles,
  countAttachments,
  deleteAttachmentRow,
  getAttachmentRow,
  listAttachments,
  readAttachmentBytes,
  removeStoredFile,
  storeAttachments,
  type AttachmentRow,
  type FileProblem,
  type UploadFile,
} from './uploads.ts';
import { projectRowWithPlace } from './project-rows.ts';

export type ProposalRefusal =
  | { ok: false; code: 'not_found' | 'conflict' }
  | { ok: false; code: 'rate_limited'; retryAfterMs: number }
  | { ok: false; code: ReasonCode }
  | { ok: false; code: 'invalid'; fields: ProposalCheck['fields']; check: ProposalCheck }
  | { ok: false; code: 'invalid_files'; problems: FileProblem[] };


type CycleBundle = { cycle: CycleView & { communityId: string }; community: CommunityView; rulebook: Rulebook & { id: string } };

/** A cycle with its community (and place) and rulebook, or null. */
export async function loadCycleBundle(ctx: AppContext, cycleId: string): Promise<CycleBundle | null> {
  const cycle = (await getCycle(ctx.database, cycleId, ctx.now())) as (CycleView & { communityId: string }) | null;
  if (!cycle) return null;
  const community = await getCommunityById(ctx.database, cycle.communityId);
  const rulebook = await getRulebook(ctx.database.db, cycle.rulebookId);
  if (!community || !rulebook) return null;
  return { cycle, community, rulebook };
}

/**
 * Why this actor cannot start a proposal in this cycle now (null: they can).
 * Online: a verified resident of the community, in the collection phase.
 * Paper: community staff, also only while proposals are being collected.
 */
export function whyCannotPropose(bundle: Pick<CycleBundle, 'cycle' | 'community'>, actor: Actor, paper = false): ReasonCode | null {
  const phase = bundle.cycle.phase;
  if (!paper) return reasonCannot('propose', { area: bundle.community.place, phase }, actor);
  // Who before when, as everywhere: staff of another community hear that, whatever the phase.
  return reasonCannot('enter_paper', { area: bundle.community.place }, actor) ?? (phase !== 'collection' ? 'wrong_phase' : null);
}

/**
 * `whyCannotPropose` (online) worded for the propose page and its live check:
 * while proposals are not being collected, say so before asking a visitor to
 * sign in. Null exactly when `whyCannotPropose` is.
 */
export function proposeNotice(bundle: Pick<CycleBundle, 'cycle' | 'community'>, actor: Actor): ReasonCode | null {
  return reasonToShow('propose', { area: bundle.community.place, phase: bundle.cycle.phase }, actor);
}

/** Published projects of a community (any cycle), for the duplicate hint: not drafts, not withdrawn. */
export async function existingProjects(db: Db | Tx, communityId: string, exceptId?: string): Promise<ExistingProject[]> {
  return db
    .select({ id: projects.id, code: projects.code, title: projects.title, address: projects.address })
    .from(projects)
    .where(
      and(
        eq(projects.communityId, communityId),
        notInArray(projects.state, ['draft', 'withdrawn']),
        exceptId ? ne(projects.id, exceptId) : undefined,
      ),
    )
    .orderBy(desc(projects.createdAt));
}

/** The live check as the resident types: what blocks, what warns, what looks alike. */
export async function proposalCheck(ctx: AppContext, cycleId: string, input: ProposalInput) {
  const bundle = await loadCycleBundle(ctx, cycleId);
  if (!bundle) return { ok: false as const, code: 'not_found' as const };
  const existing = await existingProjects(ctx.database.db, bundle.community.id);
  return { ok: true as const, check: checkProposal(bundle.rulebook, input, existing), bundle };
}

export type CreateProposalInput = {
  cycleId: string;
  fields: ProposalInput;
  /** Photos and PDFs sent with the form; checked before anything is written. */
  files?: UploadFile[];
  /** Staff entering a paper 问需表 on a resident's behalf. */
  paper?: boolean;
};

/**
 * Create a draft proposal. Everything is checked first (permission and phase,
 * every field, every file), so bad input changes nothing; then the draft is
 * written with its code and audit entry, then the files with theirs.
 */
export async function createProposal(
  ctx: AppContext,
  input: CreateProposalInput,
  actor: Actor,
  auditActor: AuditActor,
): Promise<{ ok: true; id: string; code: string; check: ProposalCheck } | ProposalRefusal> {
  const bundle = await loadCycleBundle(ctx, input.cycleId);
  if (!bundle) return { ok: false, code: 'not_found' };
  const why = whyCannotPropose(bundle, actor, input.paper === true);
  if (why) return { ok: false, code: why };
  const existing = await existingProjects(ctx.database.db, bundle.community.id);
  const check = checkProposal(bundle.rulebook, input.fields, existing, { complete: true });
  if (!check.value) return { ok: false, code: 'invalid', fields: check.fields, check };
  const files = input.files?.length ? checkFiles(input.files, 0) : null;
  if (files && !files.ok) return { ok: false, code: 'invalid_files', problems: files.problems };
  // Residents' drafts count against the propose limit (server/auth/rate-limit.ts); staff typing in paper forms do not.
  if (!input.paper) {
    const wait = await ctx.limits.propose.consume(ctx.database, actor!.accountId, 1, ctx.now());
    if (wait > 0) return { ok: false, code: 'rate_limited', retryAfterMs: wait };
  }

  const created = await createProject(
    ctx.database,
    {
      cycleId: bundle.cycle.id,
      ...check.value,
      proposerType: input.paper ? 'paper' : 'resident',
      proposerAccountId: input.paper ? null : actor!.accountId,
    },
    auditActor,
    ctx.now(),
  );
  if (!created.ok) {
    // The domain check above already caught these; a rulebook changed in between is the only way here.
    return created.code === 'unknown_cycle' ? { ok: false, code: 'not_found' } : { ok: false, code: 'invalid', fields: check.fields, check };
  }
  if (files?.ok) {
    const stored = await storeAttachments(ctx, created.id, files.files, auditActor);
    if (!stored.ok) return { ok: false, code: 'invalid_files', problems: stored.problems };
  }
  return { ok: true, id: created.id, code: created.code, check };
}

/**
 * How a person appears in the audit log when acting on a proposal: its
 * proposer as a resident (never named), anyone else (staff for a paper
 * proposal) under their role and name.
 */
export function auditActorForProposal(auth: Pick<SignedIn, 'account' | 'roles'>, p: { proposerAccountId: string | null }): AuditActor {
  if (p.proposerAccountId !== null && p.proposerAccountId === auth.account.id) return auditActorOf(auth, actingRole(auth, ['resident']));
  return auditActorOf(auth, actingRole(auth, ['staff', 'officer']));
}

// ---------------------------------------------------------------------------
// One proposal
// ---------------------------------------------------------------------------

type ProjectRow = typeof projects.$inferSelect;
export type LoadedProposal = { p: ProjectRow; place: Place; cycleId: string; rulebookId: string };

/** A project (drafts included) with its place; for services only — drafts are private. */
export async function loadProjectWithPlace(db: Db | Tx, where: { id: string } | { code: string }): Promise<LoadedProposal | null> {
  const r = await projectRowWithPlace(db, where);
  if (!r) return null;
  return { p: r.p, place: { communityId: r.p.communityId, streetId: r.streetId, districtId: r.districtId }, cycleId: r.p.cycleId, rulebookId: r.rulebookId };
}

/**
 * May this actor see the project? Published projects: anyone. A draft: its
 * proposer; a paper (or other account-less) draft: the community's staff.
 */
export function canSee(p: Pick<ProjectRow, 'state' | 'proposerAccountId'>, place: Place, actor: Actor): boolean {
  if (p.state !== 'draft') return true;
  if (!actor || actor.system) return false;
  if (p.proposerAccountId) return p.proposerAccountId === actor.accountId;
  return hasRole(actor, 'staff', place);
}

/** Why the actor cannot change this draft now (its fields or attachments); null when they can. Who first, then the state and phase. */
export function whyCannotEdit(p: Pick<ProjectRow, 'state' | 'proposerAccountId'>, place: Place, phase: CyclePhase | null, actor: Actor): ReasonCode | null {
  if (!actor || actor.system) return 'not_signed_in';
  const who = p.proposerAccountId ? (p.proposerAccountId === actor.accountId ? roleReason(actor, ['resident'], place) : 'not_proposer') : roleReason(actor, ['staff'], place);
  if (who) return who;
  if (p.state !== 'draft') return 'wrong_state';
  if (phase !== 'collection') return 'wrong_phase';
  return null;
}

/** A stored project as form input, so the same checks run on what is stored as on what is typed. */
export function toProposalInput(p: Pick<ProjectRow, 'title' | 'category' | 'theme' | 'description' | 'address' | 'lat' | 'lng' | 'estimatedCostFen' | 'beneficiaries' | 'beneficiaryCount'>): ProposalInput {
  return {
    title: p.title,
    category: p.category,
    theme: p.theme,
    description: p.description,
    address: p.address,
    lat: p.lat,
    lng: p.lng,
    estimatedCost: fenToYuanInput(p.estimatedCostFen),
    beneficiaries: p.beneficiaries,
    beneficiaryCount: p.beneficiaryCount,
  };
}

export type ProposalView = NonNullable<Awaited<ReturnType<typeof getProposal>>>;

/**
 * A proposal as its proposer (or, for paper, staff) sees it: drafts included,
 * with its attachments, the checks on what is stored, what they may do now
 * and, if they may not edit, why. Null when the actor may not see it.
 */
export async function getProposal(ctx: AppContext, code: string, actor: Actor) {
  const loaded = await loadProjectWithPlace(ctx.database.db, { code });
  if (!loaded || !canSee(loaded.p, loaded.place, actor)) return null;
  const bundle = await loadCycleBundle(ctx, loaded.cycleId);
  if (!bundle) return null;
  const existing = await existingProjects(ctx.database.db, loaded.p.communityId, loaded.p.id);
  const check = checkProposal(bundle.rulebook, toProposalInput(loaded.p), existing, { complete: true });
  const files = await listAttachments(ctx.database.db, loaded.p.id);
  const events = actor
    ? availableEvents({ state: loaded.p.state, proposerAccountId: loaded.p.proposerAccountId, ...loaded.place }, actor, {
        ...cycleRules(bundle.rulebook),
        phase: bundle.cycle.phase,
      }).filter((e) => e === 'submit' || e === 'withdraw')
    : [];
  const submitWhy = loaded.p.state === 'draft' ? whyCannotSubmit(loaded.p, bundle, actor) : 'wrong_state';
  const { proposerAccountId, ...project } = loaded.p;
  return {
    project,
    isOwn: proposerAccountId !== null && proposerAccountId === actor?.accountId,
    ...bundle,
    attachments: files,
    check,
    editWhy: whyCannotEdit(loaded.p, loaded.place, bundle.cycle.phase, actor),
    submitWhy,
    events,
  };
}

function whyCannotSubmit(p: Pick<ProjectRow, 'proposerType'>, bundle: Pick<CycleBundle, 'cycle' | 'community'>, actor: Actor): ReasonCode | null {
  return whyCannotPropose(bundle, actor, p.proposerType !== 'resident');
}

/** Save changes to a draft. Checked like a new proposal; the audit log gets the names of the changed fields (a draft's content is private until submitted). */
export async function updateDraft(
  ctx: AppContext,
  code: string,
  fields: ProposalInput,
  actor: Actor,
  auditActor: AuditActor,
): Promise<{ ok: true; changed: string[]; check: ProposalCheck } | ProposalRefusal> {
  const loaded = await loadProjectWithPlace(ctx.database.db, { code });
  if (!loaded || !canSee(loaded.p, loaded.place, actor)) return { ok: false, code: 'not_found' };
  const bundle = await loadCycleBundle(ctx, loaded.cycleId);
  if (!bundle) return { ok: false, code: 'not_found' };
  const why = whyCannotEdit(loaded.p, loaded.place, bundle.cycle.phase, actor);
  if (why) return { ok: false, code: why };
  const existing = await existingProjects(ctx.database.db, loaded.p.communityId, loaded.p.id);
  const check = checkProposal(bundle.rulebook, fields, existing, { complete: true });
  if (!check.value) return { ok: false, code: 'invalid', fields: check.fields, check };
  const next = check.value;
  const at = ctx.now();

  return ctx.database.write(async (tx) => {
    const fresh = (await tx.select().from(projects).where(eq(projects.id, loaded.p.id)).limit(1))[0];
    // Submitted or withdrawn since we looked: never overwrite a published record.
    if (!fresh || fresh.state !== 'draft') return { ok: false as const, code: 'conflict' as const };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => fresh[key] !== next[key]);
    if (changed.length === 0) return { ok: true as const, changed, check };
    await tx.update(projects).set({ ...next, updatedAt: at }).where(eq(projects.id, fresh.id));
    await appendAudit(tx, { actor: auditActor, action: 'proposal.draft_edited', subjectType: 'project_draft', subjectId: fresh.id, after: { changed }, at });
    return { ok: true as const, changed, check };
  });
}

/**
 * Submit a draft to screening. The same checks run again on what is stored
 * (over the cap: refused with the cap); negative-list terms and look-alikes
 * come back as warnings, for the page to show, but do not stop it.
 */
export async function submitProposal(
  ctx: AppContext,
  code: string,
  actor: Actor,
  auditActor: AuditActor,
): Promise<{ ok: true; from: string; to: string; check: ProposalCheck } | ProposalRefusal> {
  const loaded = await loadProjectWithPlace(ctx.database.db, { code });
  if (!loaded || !canSee(loaded.p, loaded.place, actor)) return { ok: false, code: 'not_found' };
  const bundle = await loadCycleBundle(ctx, loaded.cycleId);
  if (!bundle) return { ok: false, code: 'not_found' };
  const who = whoCannotStep({ ...loaded.place, proposerAccountId: loaded.p.proposerAccountId, proposerType: loaded.p.proposerType }, 'submit', actor);
  if (who) return { ok: false, code: who };
  if (loaded.p.state !== 'draft') return { ok: false, code: loaded.p.state === 'withdrawn' ? 'terminal_state' : 'transition_not_allowed' };
  const why = whyCannotSubmit(loaded.p, bundle, actor);
  if (why) return { ok: false, code: why };
  const existing = await existingProjects(ctx.database.db, loaded.p.communityId, loaded.p.id);
  const check = checkProposal(bundle.rulebook, toProposalInput(loaded.p), existing, { complete: true });
  if (!check.value) return { ok: false, code: 'invalid', fields: check.fields, check };
  const r = await applyProjectEvent(ctx.database, { projectId: loaded.p.id, event: 'submit' }, actor, auditActor, ctx.now());
  if (!r.ok) return { ok: false, code: r.code };
  return { ok: true, from: r.from, to: r.to, check };
}

/** Withdraw a proposal (a draft, or one waiting for or past screening, as the state machine allows). */
export async function withdrawProposal(
  ctx: AppContext,
  code: string,
  reason: string | null,
  actor: Actor,
  auditActor: AuditActor,
): Promise<{ ok: true; from: string; to: string } | ProposalRefusal> {
  const loaded = await loadProjectWithPlace(ctx.database.db, { code });
  if (!loaded || !canSee(loaded.p, loaded.place, actor)) return { ok: false, code: 'not_found' };
  const r = await applyProjectEvent(ctx.database, { projectId: loaded.p.id, event: 'withdraw', reason: reason?.trim().slice(0, 2000) || null }, actor, auditActor, ctx.now());
  if (!r.ok) return { ok: false, code: r.code };
  return { ok: true, from: r.from, to: r.to };
}

/** Attach photos or PDFs to a draft. */
export async function addAttachments(
  ctx: AppContext,
  code: string,
  files: UploadFile[],
  actor: Actor,
  auditActor: AuditActor,
): Promise<{ ok: true; ids: string[] } | ProposalRefusal> {
  const loaded = await loadProjectWithPlace(ctx.database.db, { code });
  if (!loaded || !canSee(loaded.p, loaded.place, actor)) return { ok: false, code: 'not_found' };
  const cycle = await getCycle(ctx.database, loaded.cycleId, ctx.now());
  const why = whyCannotEdit(loaded.p, loaded.place, cycle?.phase ?? null, actor);
  if (why) return { ok: false, code: why };
  const checked = checkFiles(files, await countAttachments(ctx.database.db, loaded.p.id));
  if (!checked.ok) return { ok: false, code: 'invalid_files', problems: checked.problems };
  const wait = await ctx.limits.propose.consume(ctx.database, actor!.accountId, 1, ctx.now());
  if (wait > 0) return { ok: false, code: 'rate_limited', retryAfterMs: wait };
  const stored = await storeAttachments(ctx, loaded.p.id, checked.files, auditActor);
  return stored.ok ? stored : { ok: false, code: 'invalid_files', problems: stored.problems };
}

/** Remove an attachment from a draft (the record is still only a draft, so nothing published is lost). */
export async function removeAttachment(
  ctx: AppContext,
  code: string,
  attachmentId: string,
  actor: Actor,
  auditActor: AuditActor,
): Promise<{ ok: true } | ProposalRefusal> {
  const loaded = await loadProjectWithPlace(ctx.database.db, { code });
  if (!loaded || !canSee(loaded.p, loaded.place, actor)) return { ok: false, code: 'not_found' };
  const cycle = await getCycle(ctx.database, loaded.cycleId, ctx.now());
  const why = whyCannotEdit(loaded.p, loaded.place, cycle?.phase ?? null, actor);
  if (why) return { ok: false, code: why };
  const at = ctx.now();
  const removed = await ctx.database.write(async (tx) => {
    const fresh = (await tx.select({ state: projects.state }).from(projects).where(eq(projects.id, loaded.p.id)).limit(1))[0];
    if (fresh?.state !== 'draft') return 'conflict' as const;
    const row = await getAttachmentRow(tx, attachmentId);
    if (!row || row.projectId !== loaded.p.id) return null;
    await deleteAttachmentRow(tx, row);
    await appendAudit(tx, { actor: auditActor, action: 'proposal.attachment_removed', subjectType: 'project_attachment', subjectId: loaded.p.id, before: { attachmentId: row.id, sha256: row.sha256 }, at });
    return row;
  });
  if (removed === 'conflict') return { ok: false, code: 'conflict' };
  if (!removed) return { ok: false, code: 'not_found' };
  await removeStoredFile(ctx.database, removed);
  return { ok: true };
}

/** An attachment's bytes, when the actor may see its project (drafts are private). */
export async function getAttachmentForDownload(ctx: AppContext, id: string, actor: Actor): Promise<{ row: AttachmentRow; bytes: Uint8Array; isPublic: boolean } | null> {
  const row = await getAttachmentRow(ctx.database.db, id);
  if (!row) return null;
  const loaded = await loadProjectWithPlace(ctx.database.db, { id: row.projectId });
  if (!loaded || !canSee(loaded.p, loaded.place, actor)) return null;
  const bytes = await readAttachmentBytes(ctx.database, row);
  return bytes ? { row, bytes, isPublic: loaded.p.state !== 'draft' } : null;
}

// ---------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------

/** The signed-in person's own proposals, drafts first, newest first. */
export async function listMyProposals(ctx: AppContext, accountId: string) {
  const rows = await ctx.database.db
    .select({ code: projects.code, title: projects.title, state: projects.state, cycleId: projects.cycleId, estimatedCostFen: projects.estimatedCostFen, updatedAt: projects.updatedAt })
    .from(projects)
    .where(eq(projects.proposerAccountId, accountId))
    .orderBy(desc(projects.updatedAt), desc(projects.code));
  return [...rows.filter((r) => r.state === 'draft'), ...rows.filter((r) => r.state !== 'draft')];
}

/** Paper (and other account-less) drafts of a community, for its staff to finish and submit. */
export async function listStaffDrafts(ctx: AppContext, communityId: string) {
  return ctx.database.db
    .select({ code: projects.code, title: projects.title, state: projects.state, proposerType: projects.proposerType, updatedAt: projects.updatedAt })
    .from(projects)
    .where(and(eq(projects.communityId, communityId), eq(projects.state, 'draft' as ProjectState), isNull(projects.proposerAccountId)))
    .orderBy(desc(projects.updatedAt));
}

/** Cycles in which this person, as a resident, could propose right now (for the "提议项目" link). */
export async function proposeTargets(ctx: AppContext, actor: Actor): Promise<{ cycleId: string; communityId: string }[]> {
  if (!actor || actor.system) return [];
  const communityIds = [
    ...new Set(actor.assignments.filter((a) => a.scope.kind === 'community' && COMMUNITY_ONLY_ROLES.has(a.role)).map((a) => a.scope.id)),
  ];
  if (communityIds.length === 0) return [];
  const rows = await ctx.database.db
    .select({ id: cycles.id, communityId: cycles.communityId, year: cycles.year })
    .from(cycles)
    .where(inValues(cycles.communityId, communityIds))
    .orderBy(desc(cycles.year));
  const out: { cycleId: string; communityId: string }[] = [];
  for (const r of rows) {
    const cy = await getCycle(ctx.database, r.id, ctx.now());
    if (cy?.phase === 'collection') out.push({ cycleId: r.id, communityId: r.communityId });
  }
  return out;
}
