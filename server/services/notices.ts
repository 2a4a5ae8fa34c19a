/**
 * @module Public notice (公示): the period that follows the council's
 * adoption. Residents of the community lodge objections (异议) with a reason;
 * staff answer each one — dismissed, with a published reason, or upheld, which
 * returns the project to deliberation at once. When the period has ended with
 * nothing open and nothing upheld, the clock approves the project (立项):
 * `closeDueNotices`, run by the server's periodic tick with the injectable
 * clock `ctx.now()`.
 *
 * A project can be in public notice without a notice row (adopted before
 * this module existed, or through the generic project step): its period is
 * then counted from the adoption's audit entry, and the row is recorded the
 * first time it is needed (`ensureNotice`), with its own audit entry.
 */
import { and, asc, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import { accounts, auditLog, communities, cycles, notices, objections, projects, registerEntries } from '#db/schema.ts';
import type { Db, Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import { noticeEndsAt, noticeState, whyNotAnswer, whyNotObject, type NoticeReason, type NoticeState, type ObjectionStatus } from '../domain/notice.ts';
import { reasonCannot, SYSTEM_ACTOR, type Actor, type ReasonCode } from '../domain/permissions.ts';
import type { TransitionReason } from '../domain/project-states.ts';
import { appendAudit, SYSTEM_AUDIT_ACTOR, type AuditActor } from './audit.ts';
import { getRulebook } from './rulebooks.ts';
import { loadProjectForStep, Refusal, staffReason, stepProject, syncCouncilRoles } from './council.ts';
import { newId } from './ids.ts';
import { claimedEntry } from './residents.ts';
import { say } from '#messages/say.ts';
import { startClock } from './clock.ts';

export type NoticeRow = typeof notices.$inferSelect;

/** Record a notice period starting at `at` (inside the adoption's transaction). */
export async function openNotice(tx: Tx, projectId: string, at: Date, noticeDays: number): Promise<NoticeRow> {
  const row: NoticeRow = { id: newId(), projectId, startsAt: at, endsAt: noticeEndsAt(at, noticeDays), outcome: null, closedAt: null };
  await tx.insert(notices).values(row);
  return row;
}

async function latestNotice(db: Db | Tx, projectId: string): Promise<NoticeRow | null> {
  const r = await db.select().from(notices).where(eq(notices.projectId, projectId)).orderBy(desc(notices.startsAt)).limit(1);
  return r[0] ?? null;
}

/** When was the project's current adoption recorded? (Its latest project.adopt entry.) */
async function adoptedAt(db: Db | Tx, projectId: string): Promise<Date | null> {
  const r = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'project'), eq(auditLog.subjectId, projectId), eq(auditLog.action, 'project.adopt')))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return r[0] ? new Date(r[0].at) : null;
}

async function noticeDaysOf(db: Db | Tx, projectId: string): Promise<number> {
  const r = await db.select({ rulebookId: cycles.rulebookId }).from(projects).innerJoin(cycles, eq(cycles.id, projects.cycleId)).where(eq(projects.id, projectId));
  return (await getRulebook(db, r[0]!.rulebookId))!.noticeDays;
}

/**
 * The open notice of a project in public notice, recording it from the
 * adoption's time if it was never recorded. Null when the project is not in
 * public notice.
 */
export async function ensureNotice(tx: Tx, projectId: string, now: Date): Promise<NoticeRow | null> {
  const p = (await tx.select({ state: projects.state }).from(projects).where(eq(projects.id, projectId)))[0];
  if (!p || p.state !== 'in_public_notice') return null;
  const latest = await latestNotice(tx, projectId);
  if (latest && latest.closedAt === null) return latest;
  const startsAt = (await adoptedAt(tx, projectId)) ?? now;
  const row = await openNotice(tx, projectId, startsAt, await noticeDaysOf(tx, projectId));
  await appendAudit(tx, {
    actor: SYSTEM_AUDIT_ACTOR,
    action: 'project.notice_recorded',
    subjectType: 'project',
    subjectId: projectId,
    after: { noticeStartsAt: row.startsAt.toISOString(), noticeEndsAt: row.endsAt.toISOString() },
    reason: say.council('zh-CN', 'notice.backfilled'),
    at: now,
  });
  return row;
}

export type ObjectionView = {
  id: string;
  reason: string;
  status: ObjectionStatus;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: Date | null;
  createdAt: Date;
  /** Lodged by the person looking (never shown to anyone else: objectors are published only as 居民). */
  mine: boolean;
};

export type NoticeView = {
  id: string | null;
  startsAt: Date;
  endsAt: Date;
  closedAt: Date | null;
  outcome: 'approved' | 'returned' | null;
  state: NoticeState;
  objections: ObjectionView[];
};

/**
 * The project's latest notice with its objections, as the public sees it,
 * or null if it never had one. A project in notice without a recorded row
 * gets one computed from its adoption (id null) — reading never writes.
 */
export async function getNotice(db: Db | Tx, projectId: string, now: Date, viewerAccountId?: string | null): Promise<NoticeView | null> {
  let row = await latestNotice(db, projectId);
  const p = (await db.select({ state: projects.state }).from(projects).where(eq(projects.id, projectId)))[0];
  if (!p) return null;
  if ((!row || row.closedAt !== null) && p.state === 'in_public_notice') {
    const startsAt = (await adoptedAt(db, projectId)) ?? now;
    row = { id: '', projectId, startsAt, endsAt: noticeEndsAt(startsAt, await noticeDaysOf(db, projectId)), outcome: null, closedAt: null };
  }
  if (!row) return null;
  const list = row.id
    ? await db
        .select({ o: objections, answeredByName: accounts.displayName, claimedBy: registerEntries.claimedByAccountId })
        .from(objections)
        .leftJoin(accounts, eq(accounts.id, objections.answeredBy))
        .innerJoin(registerEntries, eq(registerEntries.id, objections.registerEntryId))
        .where(eq(objections.noticeId, row.id))
        .orderBy(asc(objections.createdAt), asc(objections.id))
    : [];
  const views: ObjectionView[] = list.map((r) => ({
    id: r.o.id,
    reason: r.o.reason,
    status: r.o.status,
    answer: r.o.answer,
    answeredByName: r.answeredByName ?? null,
    answeredAt: r.o.answeredAt,
    createdAt: r.o.createdAt,
    mine: viewerAccountId != null && r.claimedBy === viewerAccountId,
  }));
  return {
    id: row.id || null,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    closedAt: row.closedAt,
    outcome: row.outcome,
    state: noticeState(row, views.map((v) => v.status), now),
    objections: views,
  };
}

/** A cycle's projects still on public notice: how many, and when the last of their notice periods ends. */
export type OpenNotices = { count: number; lastEndsAt: Date | null };

/**
 * The projects of a cycle in public notice (公示中) and the end of the last
 * notice period among them: one aggregate over the (cycle_id, state) index.
 * A project in notice whose period was never recorded (the council clock
 * records it within a minute) counts from its adoption, as `getNotice` does.
 */
export async function openNoticesOf(db: Db | Tx, cycleId: string, now: Date): Promise<OpenNotices> {
  const inNotice = and(eq(projects.cycleId, cycleId), eq(projects.state, 'in_public_notice'));
  const [agg] = await db
    .select({ count: sql<number>`count(*)`, last: sql<number | null>`max(${notices.endsAt})`, unrecorded: sql<number>`coalesce(sum(${notices.id} is null), 0)` })
    .from(projects)
    .leftJoin(notices, and(eq(notices.projectId, projects.id), isNull(notices.closedAt)))
    .where(inNotice);
  const count = Number(agg?.count ?? 0);
  let last = agg?.last == null ? null : Number(agg.last);
  if (Number(agg?.unrecorded ?? 0) > 0) {
    const bare = await db
      .select({ id: projects.id })
      .from(projects)
      .leftJoin(notices, and(eq(notices.projectId, projects.id), isNull(notices.closedAt)))
      .where(and(inNotice, isNull(notices.id)));
    for (const p of bare) {
      const n = await getNotice(db, p.id, now);
      if (n && (last === null || n.endsAt.getTime() > last)) last = n.endsAt.getTime();
    }
  }
  return { count, lastEndsAt: last === null ? null : new Date(last) };
}

/** A project of a community waiting out its public notice before it can be approved and implemented. */
export type WaitingProject = { code: string; title: string; endsAt: Date; openObjections: number };

/**
 * A community's projects in public notice (公示中), the notice ending first
 * listed first: the delivery desk says they wait until then before an
 * agreement can be signed and implementation start. One statement over the
 * community's projects in that state (a project whose notice row was never
 * recorded counts from its adoption, as `getNotice` does).
 */
export async function projectsAwaitingNotice(db: Db, communitySlug: string, now: Date): Promise<WaitingProject[]> {
  const rows = await db
    .select({
      id: projects.id,
      code: projects.code,
      title: projects.title,
      endsAt: notices.endsAt,
      openObjections: sql<number>`(select count(*) from ${objections} o where o.notice_id = ${notices.id} and o.status = 'open')`,
    })
    .from(projects)
    .innerJoin(communities, eq(communities.id, projects.communityId))
    .leftJoin(notices, and(eq(notices.projectId, projects.id), isNull(notices.closedAt)))
    .where(and(eq(communities.slug, communitySlug), eq(projects.state, 'in_public_notice')))
    .orderBy(asc(notices.endsAt), asc(projects.code));
  const out: WaitingProject[] = [];
  for (const r of rows) {
    const endsAt = r.endsAt ?? (await getNotice(db, r.id, now))?.endsAt;
    if (endsAt) out.push({ code: r.code, title: r.title, endsAt, openObjections: Number(r.openObjections ?? 0) });
  }
  return out.sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime() || a.code.localeCompare(b.code));
}

export type ObjectOutcome = { ok: true; id: string } | { ok: false; code: ReasonCode | NoticeReason | 'not_found' };

/** A resident of the community lodges an objection with a reason, while the period runs. */
export async function lodgeObjection(ctx: AppContext, projectId: string, reason: string, actor: Actor, auditActor: AuditActor): Promise<ObjectOutcome> {
  const now = ctx.now();
  try {
    return await ctx.database.write(async (tx) => {
      const loaded = await loadProjectForStep(tx, projectId, now);
      if (!loaded || loaded.project.state === 'draft') return { ok: false as const, code: 'not_found' as const };
      const why = reasonCannot('object', { area: loaded.place, projectState: loaded.project.state, phase: loaded.phase }, actor);
      if (why) return { ok: false as const, code: why };
      const entry = await claimedEntry(tx, loaded.project.communityId, actor!.accountId);
      if (!entry) return { ok: false as const, code: 'not_resident_of_community' as const };
      // Check before recording a missing notice row, so that a refusal writes nothing.
      const existing = await latestNotice(tx, projectId);
      const facts = existing && existing.closedAt === null ? existing : { endsAt: noticeEndsAt((await adoptedAt(tx, projectId)) ?? now, loaded.rulebook.noticeDays), closedAt: null, outcome: null };
      const mine = existing && existing.closedAt === null ? (await tx.select({ s: objections.status }).from(objections).where(and(eq(objections.noticeId, existing.id), eq(objections.registerEntryId, entry.id)))).map((r) => r.s) : [];
      const refused = whyNotObject(facts, mine, now);
      if (refused) return { ok: false as const, code: refused };
      const notice = (await ensureNotice(tx, projectId, now))!;
      const id = newId();
      const text = reason.trim();
      await tx.insert(objections).values({ id, noticeId: notice.id, projectId, registerEntryId: entry.id, reason: text, status: 'open', createdAt: now });
      await appendAudit(tx, { actor: auditActor, action: 'project.objection_lodged', subjectType: 'project', subjectId: projectId, after: { objection: id }, reason: text, at: now });
      return { ok: true as const, id };
    });
  } catch (err) {
    if (err instanceof Refusal) return err.outcome as ObjectOutcome;
    throw err;
  }
}

export type AnswerOutcome =
  | { ok: true; status: 'dismissed' | 'upheld'; projectState: string }
  | { ok: false; code: ReasonCode | TransitionReason | NoticeReason | 'not_found' };

/**
 * Staff answer an objection. Dismissed: the answer is published and the
 * notice runs on (and if its period is already over and nothing else is
 * open, the project is approved in the same transaction). Upheld: the
 * project returns to deliberation (uphold_objection, the answer is the
 * published reason) and the notice closes as returned.
 */
export async function answerObjection(
  ctx: AppContext,
  objectionId: string,
  input: { decision: 'dismiss' | 'uphold'; answer: string },
  actor: Actor,
  auditActor: AuditActor,
): Promise<AnswerOutcome> {
  const now = ctx.now();
  try {
    return await ctx.database.write(async (tx) => {
      const o = (await tx.select().from(objections).where(eq(objections.id, objectionId)).limit(1))[0];
      if (!o) return { ok: false as const, code: 'not_found' as const };
      const loaded = (await loadProjectForStep(tx, o.projectId, now))!;
      const why = staffReason(actor, loaded.place);
      if (why) return { ok: false as const, code: why };
      const notice = (await tx.select().from(notices).where(eq(notices.id, o.noticeId)))[0]!;
      const refused = whyNotAnswer(notice, o.status);
      if (refused) return { ok: false as const, code: refused };
      const answer = input.answer.trim();
      const status = input.decision === 'uphold' ? ('upheld' as const) : ('dismissed' as const);
      await tx.update(objections).set({ status, answer, answeredBy: actor!.accountId, answeredAt: now }).where(eq(objections.id, objectionId));
      if (status === 'upheld') {
        const step = await stepProject(tx, { projectId: o.projectId, event: 'uphold_objection', reason: answer, actor, auditActor, at: now, after: { objection: objectionId } });
        if (!step.ok) throw new Refusal({ ok: false, code: step.code });
        await tx.update(notices).set({ outcome: 'returned', closedAt: now }).where(eq(notices.id, notice.id));
        return { ok: true as const, status, projectState: step.to };
      }
      await appendAudit(tx, { actor: auditActor, action: 'project.objection_dismissed', subjectType: 'project', subjectId: o.projectId, after: { objection: objectionId }, reason: answer, at: now });
      const approved = await approveIfDue(tx, notice.id, now);
      return { ok: true as const, status, projectState: approved ? 'approved' : loaded.project.state };
    });
  } catch (err) {
    if (err instanceof Refusal) return err.outcome as AnswerOutcome;
    throw err;
  }
}

/** If the notice's period is over with nothing open and nothing upheld, the clock approves the project. */
async function approveIfDue(tx: Tx, noticeId: string, now: Date): Promise<boolean> {
  const notice = (await tx.select().from(notices).where(eq(notices.id, noticeId)))[0];
  if (!notice) return false;
  const statuses = (await tx.select({ s: objections.status }).from(objections).where(eq(objections.noticeId, notice.id))).map((r) => r.s);
  if (noticeState(notice, statuses, now) !== 'due') return false;
  const step = await stepProject(tx, {
    projectId: notice.projectId,
    event: 'end_notice',
    reason: null,
    actor: SYSTEM_ACTOR,
    auditActor: SYSTEM_AUDIT_ACTOR,
    at: now,
    after: { noticeEndsAt: notice.endsAt.toISOString(), objections: statuses.length },
  });
  if (!step.ok) return false;
  await tx.update(notices).set({ outcome: 'approved', closedAt: now }).where(eq(notices.id, notice.id));
  return true;
}

/**
 * The clock's job: record any missing notice rows, then approve every
 * project whose notice period has ended with no open and no upheld
 * objection. One transaction per notice, so one bad row cannot hold up the
 * rest. Returns the ids of the projects approved.
 */
export async function closeDueNotices(ctx: AppContext, now: Date): Promise<string[]> {
  const inNotice = await ctx.database.db.select({ id: projects.id }).from(projects).where(eq(projects.state, 'in_public_notice'));
  for (const p of inNotice) {
    const latest = await latestNotice(ctx.database.db, p.id);
    if (!latest || latest.closedAt !== null) await ctx.database.write((tx) => ensureNotice(tx, p.id, now));
  }
  const due = await ctx.database.db.select().from(notices).where(and(isNull(notices.closedAt), lte(notices.endsAt, now)));
  const approved: string[] = [];
  for (const n of due) {
    try {
      if (await ctx.database.write((tx) => approveIfDue(tx, n.id, now))) approved.push(n.projectId);
    } catch (err) {
      ctx.log.error({ msg: 'could not close a notice', notice: n.id, err });
    }
  }
  return approved;
}

/**
 * The server's periodic job for the council: council roles follow terms that
 * began or ended overnight, then notice periods that have ended are closed.
 * Runs once at once (so a server started after a period ended approves
 * straight away), then every `everyMs`; ticks never overlap. Returns a stop
 * function. The timer is unref'd so it never keeps the process alive.
 */
export function startCouncilClock(ctx: AppContext, everyMs = 60_000): Promise<() => void> {
  return startClock(
    everyMs,
    async () => {
      await syncCouncilRoles(ctx, ctx.now());
      const approved = await closeDueNotices(ctx, ctx.now());
      if (approved.length) ctx.log.info({ msg: 'notices approved: their notice period ended', projects: approved.length });
    },
    (err) => ctx.log.error({ msg: 'council clock: tick failed', err }),
  );
}
