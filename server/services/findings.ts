/**
 * @module Audit findings (审计发现): the auditor (or a district/street
 * officer) records findings on a project or on a whole cycle, and completes
 * a project's audit (evaluated → audited). Findings are public; the auditor
 * never changes a decision, only records what was found.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { auditFindings, communities, cycles, projects, streets } from '#db/schema.ts';
import type { Db, Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import { reasonCannot, type Place } from '../domain/permissions.ts';
import type { FindingSeverity } from '../domain/delivery.ts';
import type { ProjectState } from '../domain/project-states.ts';
import { appendAudit } from './audit.ts';
import { newId } from './ids.ts';
import { deliveryWrite, loadProject, stepInTx, type Who } from './delivery.ts';

export const FINDING_BODY_MAX = 4000;

export type FindingInput = { severity: FindingSeverity; body: string };

async function cyclePlace(db: Db | Tx, cycleId: string): Promise<Place | null> {
  const r = await db
    .select({ communityId: communities.id, streetId: streets.id, districtId: streets.districtId })
    .from(cycles)
    .innerJoin(communities, eq(communities.id, cycles.communityId))
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .where(eq(cycles.id, cycleId))
    .limit(1);
  return r[0] ?? null;
}

/** Record a finding on a project (`projectId`) or on a cycle as a whole (`cycleId`). */
export async function recordFinding(ctx: AppContext, target: { projectId: string } | { cycleId: string }, input: FindingInput, who: Who, at = ctx.now()) {
  return deliveryWrite<{ findingId: string }>(ctx, async (tx) => {
    let place: Place | null;
    let subject: { type: 'project' | 'cycle'; id: string; cycleId: string };
    if ('projectId' in target) {
      const loaded = await loadProject(tx, { id: target.projectId }, at);
      if (!loaded) return { ok: false, code: 'not_found' };
      place = loaded.place;
      subject = { type: 'project', id: loaded.project.id, cycleId: loaded.project.cycleId };
    } else {
      place = await cyclePlace(tx, target.cycleId);
      if (!place) return { ok: false, code: 'not_found' };
      subject = { type: 'cycle', id: target.cycleId, cycleId: target.cycleId };
    }
    const why = reasonCannot('record_audit_finding', { area: place }, who.actor);
    if (why) return { ok: false, code: why };
    const body = input.body.trim();
    if (body === '') return { ok: false, code: 'reason_required' };
    const id = newId();
    await tx.insert(auditFindings).values({
      id,
      projectId: subject.type === 'project' ? subject.id : null,
      cycleId: subject.cycleId,
      severity: input.severity,
      body,
      createdAt: at,
      createdBy: who.auditActor.accountId,
    });
    await appendAudit(tx, { actor: who.auditActor, action: 'audit.finding_recorded', subjectType: subject.type, subjectId: subject.id, after: { findingId: id, severity: input.severity, body }, at });
    return { ok: true, findingId: id };
  });
}

/**
 * Complete a project's audit: evaluated → audited, with an optional
 * published summary and the number of findings recorded on it.
 */
export async function completeAudit(ctx: AppContext, projectId: string, input: { summary?: string | null }, who: Who, at = ctx.now()) {
  return deliveryWrite<{ from: ProjectState; to: ProjectState }>(ctx, async (tx) => {
    const loaded = await loadProject(tx, { id: projectId }, at);
    if (!loaded) return { ok: false, code: 'not_found' };
    const n = await tx.select({ n: sql<number>`count(*)` }).from(auditFindings).where(eq(auditFindings.projectId, projectId));
    return stepInTx(tx, loaded, 'record_audit', who, at, { reason: input.summary ?? null, after: { findings: Number(n[0]?.n ?? 0) } });
  });
}

/** Findings on a cycle as a whole (not on one of its projects), oldest first. */
export async function cycleFindings(db: Db, cycleId: string) {
  return db
    .select({ id: auditFindings.id, severity: auditFindings.severity, body: auditFindings.body, createdAt: auditFindings.createdAt, projectId: auditFindings.projectId, projectCode: projects.code, projectTitle: projects.title })
    .from(auditFindings)
    .leftJoin(projects, eq(projects.id, auditFindings.projectId))
    .where(eq(auditFindings.cycleId, cycleId))
    .orderBy(asc(auditFindings.createdAt));
}
