/**
 * @module Delivering an approved project: the agreement with its implementer
 * (立项), starting the work, progress reports with photos, payments in
 * batches, acceptance (验收) and its failure and rectification, and closing
 * the satisfaction survey.
 *
 * Each use case is one call: load → the domain decides (permissions.ts,
 * project-states.ts, delivery.ts) → the facts, any state change and their
 * audit entries commit in one write transaction. A fact that comes with a
 * step (an acceptance and pass/fail) is one audit entry: the step, with the
 * fact in its `after`. `projects.agreed_amount_fen` always equals the
 * agreement's amount.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  acceptances,
  agreements,
  attachments,
  auditFindings,
  cyclePhases,
  payments,
  progressPhotos,
  progressReports,
  projects,
  ratings,
} from '#db/schema.ts';
import type { Db, Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import { chinaDay, currentPhase } from '../domain/cycle-phases.ts';
import { reasonCannot, type Actor, type Place, type ReasonCode } from '../domain/permissions.ts';
import { cycleRules, transition, type CycleRules, type ProjectEvent, type ProjectState } from '../domain/project-states.ts';
import {
  checkAgreement,
  checkPayment,
  whyNotPay,
  isIsoDay,
  overdue,
  satisfaction,
  type AgreementInput,
  type DeliveryProblem,
  type FieldProblems,
  type Overdue,
} from '../domain/delivery.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { getRulebook } from './rulebooks.ts';
import { notifyProposer } from './notifications.ts';
import { newId } from './ids.ts';
import { ATTACHMENT_TYPES, checkFiles, removeStoredFile, uploadsDir, UPLOAD_LIMITS, type FileProblem, type UploadFile } from './uploads.ts';
import { projectRowWithPlace } from './project-rows.ts';

// ---------------------------------------------------------------------------
// Outcomes (their words: reasons.json `delivery.<code>`, `deliveryField.<problem>`)
// ---------------------------------------------------------------------------

export type DeliveryRefusal =
  | { ok: false; code: ReasonCode }
  | { ok: false; code: 'not_found' }
  | { ok: false; code: 'invalid'; fields: FieldProblems }
  | { ok: false; code: 'no_agreement' | 'agreement_exists' | 'not_photo' }
  | { ok: false; code: 'over_agreed_amount'; agreedFen: number; paidFen: number; amountFen: number; leftFen: number }
  | { ok: false; code: 'fully_paid'; agreedFen: number }
  | { ok: false; code: 'file_problems'; problems: FileProblem[] };

export type Outcome<T> = ({ ok: true } & T) | DeliveryRefusal;



// ---------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------

type ProjectRow = typeof projects.$inferSelect;
export type Loaded = { project: ProjectRow; place: Place; cycleHasResidentVote: boolean; rules: CycleRules | undefined; phase: ReturnType<typeof currentPhase> };

/** A published project (never a draft) with its place, by id or public code. */
export async function loadProject(db: Db | Tx, where: { id: string } | { code: string }, at: Date): Promise<Loaded | null> {
  const r = await projectRowWithPlace(db, where);
  if (!r || r.p.state === 'draft') return null;
  const rulebook = await getRulebook(db, r.rulebookId);
  const plan = await db.select({ phase: cyclePhases.phase, startsOn: cyclePhases.startsOn, endsOn: cyclePhases.endsOn }).from(cyclePhases).where(eq(cyclePhases.cycleId, r.p.cycleId));
  return {
    project: r.p,
    place: { communityId: r.p.communityId, streetId: r.streetId, districtId: r.districtId },
    cycleHasResidentVote: rulebook ? rulebook.vote.method !== 'none' : false,
    rules: rulebook ? cycleRules(rulebook) : undefined,
    phase: currentPhase({ phases: plan, openPhase: r.openPhase }, at),
  };
}

async function agreementOf(db: Db | Tx, projectId: string) {
  return (await db.select().from(agreements).where(eq(agreements.projectId, projectId)).limit(1))[0] ?? null;
}

async function paidSoFar(db: Db | Tx, projectId: string) {
  const r = await db.select({ total: sql<number>`coalesce(sum(${payments.amountFen}), 0)`, n: sql<number>`count(*)` }).from(payments).where(eq(payments.projectId, projectId));
  return { paidFen: Number(r[0]?.total ?? 0), batches: Number(r[0]?.n ?? 0) };
}

/**
 * Fire one state-machine event inside the caller's transaction. Delivery
 * steps publish their own reason: passing acceptance or resuming replaces
 * the reason of a failed acceptance instead of leaving it on show.
 */
async function step(
  tx: Tx,
  loaded: Loaded,
  event: ProjectEvent,
  who: { actor: Actor; auditActor: AuditActor },
  at: Date,
  opts: { reason?: string | null; after?: Record<string, unknown> } = {},
): Promise<{ ok: true; from: ProjectState; to: ProjectState } | { ok: false; code: ReasonCode }> {
  const p = loaded.project;
  const decided = transition({ state: p.state, proposerAccountId: p.proposerAccountId, proposerType: p.proposerType, ...loaded.place }, event, who.actor, {
    reason: opts.reason ?? null,
    ...loaded.rules,
    cycleHasResidentVote: loaded.cycleHasResidentVote,
    phase: loaded.phase,
  });
  if (!decided.ok) return { ok: false, code: decided.reason };
  const reason = opts.reason?.trim() || null;
  const clears = event === 'pass_acceptance' || event === 'resume';
  await tx
    .update(projects)
    .set({ state: decided.to, stateReason: reason ?? (clears ? null : p.stateReason), updatedAt: at })
    .where(and(eq(projects.id, p.id), eq(projects.state, p.state)));
  await appendAudit(tx, {
    actor: who.auditActor,
    action: `project.${event}`,
    subjectType: 'project',
    subjectId: p.id,
    before: { state: decided.from },
    after: { state: decided.to, ...opts.after },
    reason,
    at,
  });
  await notifyProposer(tx, p, decided.from, decided.to, at, { actorAccountId: who.auditActor.accountId, reason });
  return decided;
}

/**
 * Load the project inside the write transaction (so two staff members
 * cannot both act on a state that has just changed) and check the
 * permission for recording implementation facts.
 */
async function loadForRecording(tx: Tx, projectId: string, actor: Actor, at: Date): Promise<Loaded | DeliveryRefusal> {
  const loaded = await loadProject(tx, { id: projectId }, at);
  if (!loaded) return { ok: false, code: 'not_found' };
  const why = reasonCannot('record_implementation', { area: loaded.place, projectState: loaded.project.state }, actor);
  if (why) return { ok: false, code: why };
  return loaded;
}

/** Carries a refusal out of a write transaction, so nothing written so far commits. */
class Rollback extends Error {
  refusal: DeliveryRefusal;
  constructor(refusal: DeliveryRefusal) {
    super('rolled back');
    this.refusal = refusal;
  }
}

async function inWrite<T>(ctx: AppContext, fn: (tx: Tx) => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await ctx.database.write(async (tx) => {
      const r = await fn(tx);
      if (!r.ok) throw new Rollback(r);
      return r;
    });
  } catch (err) {
    if (err instanceof Rollback) return err.refusal;
    throw err;
  }
}

export type Who = { actor: Actor; auditActor: AuditActor };

// ---------------------------------------------------------------------------
// Agreement (立项) and starting the work
// ---------------------------------------------------------------------------

function publicAgreement(a: AgreementInput) {
  return {
    implementerName: a.implementerName,
    implementerType: a.implementerType,
    registrationNo: a.registrationNo,
    implementerRating: a.implementerRating,
    agreementDate: a.agreementDate,
    agreedAmountFen: a.agreedAmountFen,
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
  };
}

/**
 * Record the agreement of an approved project; with `startImplementation`
 * the work starts in the same transaction.
 */
export async function recordAgreement(ctx: AppContext, projectId: string, input: AgreementInput & { startImplementation?: boolean }, who: Who, at = ctx.now()) {
  return inWrite<{ agreementId: string; state: ProjectState }>(ctx, async (tx) => {
    const loaded = await loadForRecording(tx, projectId, who.actor, at);
    if ('ok' in loaded) return loaded;
    if (await agreementOf(tx, projectId)) return { ok: false, code: 'agreement_exists' };
    // The agreement is what approval (立项) adds: it is recorded on an approved project, before the work starts.
    if (loaded.project.state !== 'approved') return { ok: false, code: 'wrong_state' };
    const fields = checkAgreement(input, { today: chinaDay(at) });
    if (Object.keys(fields).length) return { ok: false, code: 'invalid', fields };
    const id = newId();
    const a = publicAgreement(input);
    await tx.insert(agreements).values({ id, projectId, ...a, createdAt: at, createdBy: who.auditActor.accountId });
    await tx.update(projects).set({ agreedAmountFen: a.agreedAmountFen, updatedAt: at }).where(eq(projects.id, projectId));
    await appendAudit(tx, { actor: who.auditActor, action: 'delivery.agreement_recorded', subjectType: 'project', subjectId: projectId, after: a, at });
    let state: ProjectState = loaded.project.state;
    if (input.startImplementation) {
      const s = await step(tx, loaded, 'start_implementation', who, at, { after: { plannedStart: a.plannedStart, plannedEnd: a.plannedEnd } });
      if (!s.ok) return s;
      state = s.to;
    }
    return { ok: true, agreementId: id, state };
  });
}

/**
 * Amend the agreement (a supplementary agreement, 补充协议): new amount or
 * dates, with a published reason. The amount may not drop below what was
 * already paid.
 */
export async function amendAgreement(ctx: AppContext, projectId: string, input: AgreementInput & { reason: string }, who: Who, at = ctx.now()) {
  return inWrite<{ agreementId: string }>(ctx, async (tx) => {
    const loaded = await loadForRecording(tx, projectId, who.actor, at);
    if ('ok' in loaded) return loaded;
    const existing = await agreementOf(tx, projectId);
    if (!existing) return { ok: false, code: 'no_agreement' };
    if (!['approved', 'in_progress', 'acceptance_failed'].includes(loaded.project.state)) return { ok: false, code: 'wrong_state' };
    if (input.reason.trim() === '') return { ok: false, code: 'reason_required' };
    const { paidFen } = await paidSoFar(tx, projectId);
    const fields = checkAgreement(input, { paidFen, today: chinaDay(at) });
    if (Object.keys(fields).length) return { ok: false, code: 'invalid', fields };
    const a = publicAgreement(input);
    await tx.update(agreements).set(a).where(eq(agreements.id, existing.id));
    await tx.update(projects).set({ agreedAmountFen: a.agreedAmountFen, updatedAt: at }).where(eq(projects.id, projectId));
    const before = publicAgreement({ ...existing, implementerType: existing.implementerType });
    // Only what changed, so the history says what the amendment did.
    const changed = (Object.keys(a) as (keyof typeof a)[]).filter((k) => a[k] !== before[k]);
    await appendAudit(tx, {
      actor: who.auditActor,
      action: 'delivery.agreement_amended',
      subjectType: 'project',
      subjectId: projectId,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, a[k]])),
      reason: input.reason.trim(),
      at,
    });
    return { ok: true, agreementId: existing.id };
  });
}

/** Start the work of an approved project; the agreement must be recorded first. */
export async function startImplementation(ctx: AppContext, projectId: string, who: Who, at = ctx.now()) {
  return inWrite<{ from: ProjectState; to: ProjectState }>(ctx, async (tx) => {
    const loaded = await loadProject(tx, { id: projectId }, at);
    if (!loaded) return { ok: false, code: 'not_found' };
    const a = await agreementOf(tx, projectId);
    if (!a && loaded.project.state === 'approved') {
      // Say "not yours" before "not ready" to someone who may not act here at all.
      const why = reasonCannot('record_implementation', { area: loaded.place, projectState: loaded.project.state }, who.actor);
      return why ? { ok: false, code: why } : { ok: false, code: 'no_agreement' };
    }
    return step(tx, loaded, 'start_implementation', who, at, { after: a ? { plannedStart: a.plannedStart, plannedEnd: a.plannedEnd } : {} });
  });
}

// ---------------------------------------------------------------------------
// Progress reports with photos
// ---------------------------------------------------------------------------

export type ProgressInput = { reportedOn: string; percent: number; body: string };

/** States in which work is reported: while it is being done or rectified. */
const REPORTING_STATES: readonly ProjectState[] = ['in_progress', 'acceptance_failed'];

/**
 * A progress report with up to six photos. Photos are checked by their
 * content (uploads.ts), written to the uploads folder under names we make
 * up, and linked to the report; the files are removed again if the
 * transaction does not commit.
 */
export async function recordProgress(ctx: AppContext, projectId: string, input: ProgressInput, files: readonly UploadFile[], who: Who, at = ctx.now()) {
  const fields: FieldProblems = {};
  if (!isIsoDay(input.reportedOn)) fields.reportedOn = 'bad_date';
  else if (input.reportedOn > chinaDay(at)) fields.reportedOn = 'date_in_future';
  if (!Number.isInteger(input.percent) || input.percent < 0 || input.percent > 100) fields.percent = 'percent_out_of_range';
  // Check who and what before reading any file.
  const pre = await loadProject(ctx.database.db, { id: projectId }, at);
  if (!pre) return { ok: false as const, code: 'not_found' as const };
  const why = reasonCannot('record_implementation', { area: pre.place, projectState: pre.project.state }, who.actor);
  if (why) return { ok: false as const, code: why };
  if (!REPORTING_STATES.includes(pre.project.state)) return { ok: false as const, code: 'wrong_state' as const };
  if (Object.keys(fields).length) return { ok: false as const, code: 'invalid' as const, fields };
  const checked = checkFiles(files, 0);
  if (!checked.ok) return { ok: false as const, code: 'file_problems' as const, problems: checked.problems };
  if (checked.files.some((f) => ATTACHMENT_TYPES[f.mime].kind !== 'photo')) return { ok: false as const, code: 'not_photo' as const };

  const planned = checked.files.map((f) => {
    const id = newId();
    return { ...f, id, storedPath: `${projectId}/${id}.${ATTACHMENT_TYPES[f.mime].ext}` };
  });
  const root = uploadsDir(ctx.database);
  if (planned.length) await mkdir(join(root, projectId), { recursive: true });
  const written: string[] = [];
  try {
    for (const p of planned) {
      await writeFile(join(root, p.storedPath), p.bytes, { flag: 'wx' });
      written.push(p.storedPath);
    }
    const r = await inWrite<{ reportId: string; photoIds: string[] }>(ctx, async (tx) => {
      const loaded = await loadForRecording(tx, projectId, who.actor, at);
      if ('ok' in loaded) return loaded;
      if (!REPORTING_STATES.includes(loaded.project.state)) return { ok: false, code: 'wrong_state' };
      const reportId = newId();
      const body = input.body.trim();
      await tx.insert(progressReports).values({ id: reportId, projectId, reportedOn: input.reportedOn, percent: input.percent, body, createdAt: at, createdBy: who.auditActor.accountId });
      for (const p of planned) {
        await tx.insert(attachments).values({
          id: p.id,
          projectId,
          kind: 'photo',
          // A camera's file name says nothing the public needs; the photo is named after the report.
          originalName: `${input.reportedOn}-${planned.indexOf(p) + 1}.${ATTACHMENT_TYPES[p.mime].ext}`,
          mime: p.mime,
          sizeBytes: p.bytes.length,
          sha256: p.sha256,
          storedPath: p.storedPath,
          uploadedBy: who.auditActor.accountId,
          createdAt: at,
        });
        await tx.insert(progressPhotos).values({ reportId, attachmentId: p.id });
      }
      await appendAudit(tx, {
        actor: who.auditActor,
        action: 'delivery.progress_reported',
        subjectType: 'project',
        subjectId: projectId,
        after: { reportId, reportedOn: input.reportedOn, percent: input.percent, body, photos: planned.map((p) => ({ attachmentId: p.id, mime: p.mime, sizeBytes: p.bytes.length, sha256: p.sha256 })) },
        at,
      });
      return { ok: true, reportId, photoIds: planned.map((p) => p.id) };
    });
    if (!r.ok) await Promise.all(written.map((storedPath) => removeStoredFile(ctx.database, { storedPath })));
    return r;
  } catch (err) {
    await Promise.all(written.map((storedPath) => removeStoredFile(ctx.database, { storedPath })));
    throw err;
  }
}

export const PROGRESS_PHOTO_LIMIT = UPLOAD_LIMITS.maxFiles;

// ---------------------------------------------------------------------------
// Payments in batches
// ---------------------------------------------------------------------------

export type PaymentInput = { paidOn: string; amountFen: number; note: string };

/** A payment batch: refused when, with the batches before it, it would exceed the agreed amount. */
export async function recordPayment(ctx: AppContext, projectId: string, input: PaymentInput, who: Who, at = ctx.now()) {
  return inWrite<{ paymentId: string; batchNo: number; paidFen: number; agreedFen: number }>(ctx, async (tx) => {
    const loaded = await loadForRecording(tx, projectId, who.actor, at);
    if ('ok' in loaded) return loaded;
    const a = await agreementOf(tx, projectId);
    if (!a) return { ok: false, code: 'no_agreement' };
    if (!isIsoDay(input.paidOn)) return { ok: false, code: 'invalid', fields: { paidOn: 'bad_date' } };
    if (input.paidOn > chinaDay(at)) return { ok: false, code: 'invalid', fields: { paidOn: 'date_in_future' } };
    const so = await paidSoFar(tx, projectId);
    if (whyNotPay(a.agreedAmountFen, so.paidFen)) return { ok: false, code: 'fully_paid', agreedFen: a.agreedAmountFen };
    const c = checkPayment(a.agreedAmountFen, so.paidFen, so.batches, input.amountFen);
    if (!c.ok) return c.code === 'amount_not_positive' ? { ok: false, code: 'invalid', fields: { amount: 'amount_not_positive' } } : c;
    const id = newId();
    const note = input.note.trim();
    await tx.insert(payments).values({ id, projectId, batchNo: c.batchNo, paidOn: input.paidOn, amountFen: input.amountFen, note, createdAt: at, createdBy: who.auditActor.accountId });
    await appendAudit(tx, {
      actor: who.auditActor,
      action: 'delivery.payment_recorded',
      subjectType: 'project',
      subjectId: projectId,
      after: { batchNo: c.batchNo, paidOn: input.paidOn, amountFen: input.amountFen, note, paidTotalFen: c.paidAfterFen, agreedAmountFen: a.agreedAmountFen },
      at,
    });
    return { ok: true, paymentId: id, batchNo: c.batchNo, paidFen: c.paidAfterFen, agreedFen: a.agreedAmountFen };
  });
}

// ---------------------------------------------------------------------------
// Acceptance (验收), rectification, the satisfaction survey
// ---------------------------------------------------------------------------

export type AcceptanceInput = { result: 'pass' | 'fail'; acceptedOn: string; inspector: string; notes: string };

/**
 * Record an acceptance inspection and its step: pass → accepted (the
 * satisfaction survey opens), fail → acceptance_failed with the notes as the
 * published reason; `resume` then returns the work to implementation.
 */
export async function recordAcceptance(ctx: AppContext, projectId: string, input: AcceptanceInput, who: Who, at = ctx.now()) {
  return inWrite<{ acceptanceId: string; from: ProjectState; to: ProjectState }>(ctx, async (tx) => {
    const loaded = await loadProject(tx, { id: projectId }, at);
    if (!loaded) return { ok: false, code: 'not_found' };
    const fields: FieldProblems = {};
    if (!isIsoDay(input.acceptedOn)) fields.acceptedOn = 'bad_date';
    else if (input.acceptedOn > chinaDay(at)) fields.acceptedOn = 'date_in_future';
    if (input.result === 'fail' && input.notes.trim() === '') fields.notes = 'notes_required';
    const event: ProjectEvent = input.result === 'pass' ? 'pass_acceptance' : 'fail_acceptance';
    const acceptance = { result: input.result, acceptedOn: input.acceptedOn, inspector: input.inspector.trim(), notes: input.notes.trim() };
    // The state machine speaks first (wrong state, wrong person), then the form.
    const dry = transition({ state: loaded.project.state, ...loaded.place }, event, who.actor, { ...loaded.rules, reason: 'x', cycleHasResidentVote: loaded.cycleHasResidentVote });
    if (!dry.ok) return { ok: false, code: dry.reason };
    if (Object.keys(fields).length) return { ok: false, code: 'invalid', fields };
    const id = newId();
    await tx.insert(acceptances).values({ id, projectId, ...acceptance, createdAt: at, createdBy: who.auditActor.accountId });
    const s = await step(tx, loaded, event, who, at, { reason: acceptance.notes || null, after: { acceptance } });
    if (!s.ok) return s;
    return { ok: true, acceptanceId: id, from: s.from, to: s.to };
  });
}

/** After a failed acceptance, the rectified work goes back into implementation. */
export async function resumeImplementation(ctx: AppContext, projectId: string, input: { reason?: string | null }, who: Who, at = ctx.now()) {
  return inWrite<{ from: ProjectState; to: ProjectState }>(ctx, async (tx) => {
    const loaded = await loadProject(tx, { id: projectId }, at);
    if (!loaded) return { ok: false, code: 'not_found' };
    return step(tx, loaded, 'resume', who, at, { reason: input.reason ?? null });
  });
}

/**
 * Close the residents' satisfaction survey: accepted → evaluated. The
 * survey's figures at closing go into the audit entry (whole numbers only,
 * so the hash is reproducible anywhere).
 */
export async function closeSurvey(ctx: AppContext, projectId: string, who: Who, at = ctx.now()) {
  return inWrite<{ from: ProjectState; to: ProjectState; satisfaction: ReturnType<typeof satisfaction> }>(ctx, async (tx) => {
    const loaded = await loadProject(tx, { id: projectId }, at);
    if (!loaded) return { ok: false, code: 'not_found' };
    const scores = (await tx.select({ score: ratings.score }).from(ratings).where(eq(ratings.projectId, projectId))).map((r) => r.score);
    const s = satisfaction(scores);
    const sum = s.distribution.reduce((a, n, i) => a + n * (i + 1), 0);
    const r = await step(tx, loaded, 'close_survey', who, at, { after: { satisfaction: { responses: s.count, satisfied: s.satisfied, scoreSum: sum, distribution: s.distribution } } });
    if (!r.ok) return r;
    return { ok: true, from: r.from, to: r.to, satisfaction: s };
  });
}

/** Archive an audited project (staff or officer). */
export async function archiveProject(ctx: AppContext, projectId: string, who: Who, at = ctx.now()) {
  return inWrite<{ from: ProjectState; to: ProjectState }>(ctx, async (tx) => {
    const loaded = await loadProject(tx, { id: projectId }, at);
    if (!loaded) return { ok: false, code: 'not_found' };
    return step(tx, loaded, 'archive', who, at);
  });
}

/** Exposed for findings.ts: the audit step is the auditor's, with the findings count in its entry. */
export async function stepInTx(tx: Tx, loaded: Loaded, event: ProjectEvent, who: Who, at: Date, opts: { reason?: string | null; after?: Record<string, unknown> } = {}) {
  return step(tx, loaded, event, who, at, opts);
}
export { inWrite as deliveryWrite };

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

export type DeliveryView = {
  agreement: (Omit<typeof agreements.$inferSelect, 'createdBy'>) | null;
  reports: { id: string; reportedOn: string; percent: number; body: string; createdAt: Date; photos: { id: string; mime: string; sizeBytes: number; sha256: string }[] }[];
  payments: { id: string; batchNo: number; paidOn: string; amountFen: number; note: string; createdAt: Date }[];
  acceptances: { id: string; result: 'pass' | 'fail'; acceptedOn: string; inspector: string; notes: string; createdAt: Date }[];
  findings: { id: string; severity: 'info' | 'issue' | 'serious'; body: string; createdAt: Date }[];
  paidFen: number;
  /** What may still be paid under the agreement. */
  leftFen: number | null;
  /** The latest reported percent (by report date), or null. */
  percent: number | null;
  overdue: Overdue;
  today: string;
};

/** Everything delivered on a project, for the public page and the API. No account ids leave here. */
export async function getDelivery(db: Db, project: { id: string; state: ProjectState }, now: Date): Promise<DeliveryView> {
  const a = await agreementOf(db, project.id);
  const reports = await db.select().from(progressReports).where(eq(progressReports.projectId, project.id)).orderBy(desc(progressReports.reportedOn), desc(progressReports.createdAt));
  const photos = reports.length
    ? await db
        .select({ reportId: progressPhotos.reportId, id: attachments.id, mime: attachments.mime, sizeBytes: attachments.sizeBytes, sha256: attachments.sha256 })
        .from(progressPhotos)
        .innerJoin(attachments, eq(attachments.id, progressPhotos.attachmentId))
        // The project's reports by a sub-select, not a list of their ids (issue 18).
        .where(inArray(progressPhotos.reportId, db.select({ id: progressReports.id }).from(progressReports).where(eq(progressReports.projectId, project.id))))
        .orderBy(asc(attachments.createdAt), asc(attachments.originalName))
    : [];
  const pays = await db.select().from(payments).where(eq(payments.projectId, project.id)).orderBy(asc(payments.batchNo));
  const accs = await db.select().from(acceptances).where(eq(acceptances.projectId, project.id)).orderBy(asc(acceptances.acceptedOn), asc(acceptances.createdAt));
  const finds = await db.select().from(auditFindings).where(eq(auditFindings.projectId, project.id)).orderBy(asc(auditFindings.createdAt));
  const paidFen = pays.reduce((s, p) => s + p.amountFen, 0);
  const today = chinaDay(now);
  // Who typed it in is an account id: not public.
  const agreement = a ? (({ createdBy: _c, ...rest }) => rest)(a) : null;
  return {
    agreement,
    reports: reports.map((r) => ({ id: r.id, reportedOn: r.reportedOn, percent: r.percent, body: r.body, createdAt: r.createdAt, photos: photos.filter((p) => p.reportId === r.id).map(({ reportId: _r, ...p }) => p) })),
    payments: pays.map((p) => ({ id: p.id, batchNo: p.batchNo, paidOn: p.paidOn, amountFen: p.amountFen, note: p.note, createdAt: p.createdAt })),
    acceptances: accs.map((x) => ({ id: x.id, result: x.result, acceptedOn: x.acceptedOn, inspector: x.inspector, notes: x.notes, createdAt: x.createdAt })),
    findings: finds.map((f) => ({ id: f.id, severity: f.severity, body: f.body, createdAt: f.createdAt })),
    paidFen,
    leftFen: a ? a.agreedAmountFen - paidFen : null,
    percent: reports[0]?.percent ?? null,
    overdue: overdue(project.state, a?.plannedEnd, today),
    today,
  };
}

/** The agreement's amount and what has been paid on it, or null without an agreement. */
export async function paymentStanding(db: Db | Tx, projectId: string): Promise<{ agreedFen: number; paidFen: number } | null> {
  const a = await agreementOf(db, projectId);
  return a ? { agreedFen: a.agreedAmountFen, paidFen: (await paidSoFar(db, projectId)).paidFen } : null;
}

/**
 * What this person may do on the delivery desk for this project right now
 * (to show only forms that would work). `agreement` is the agreed amount and
 * what has been paid (null without an agreement): nothing left to pay, no
 * payment form.
 */
export function deliveryActions(loaded: Loaded, agreement: { agreedFen: number; paidFen: number } | null, actor: Actor) {
  const hasAgreement = agreement !== null;
  const s = loaded.project.state;
  const can = (event: ProjectEvent) => transition({ state: s, ...loaded.place }, event, actor, { ...loaded.rules, reason: 'x', cycleHasResidentVote: loaded.cycleHasResidentVote }).ok;
  const record = reasonCannot('record_implementation', { area: loaded.place, projectState: s }, actor) === null;
  return {
    recordAgreement: record && s === 'approved' && !hasAgreement,
    amendAgreement: record && hasAgreement && ['approved', 'in_progress', 'acceptance_failed'].includes(s),
    start: hasAgreement && can('start_implementation'),
    progress: record && REPORTING_STATES.includes(s),
    payment: record && hasAgreement && whyNotPay(agreement.agreedFen, agreement.paidFen) === null,
    acceptance: can('pass_acceptance'),
    resume: can('resume'),
    closeSurvey: can('close_survey'),
    archive: can('archive'),
  };
}
