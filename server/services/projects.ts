/**
 * @module Project mutations. Each use case is one call: load → the domain
 * decides → write the change and its audit entry in one transaction.
 * (Proposing with the resident's own form is issue #4; `createProject` is the
 * shared write path, used today by the demo seed and by staff.)
 */
import { eq } from 'drizzle-orm';
import { projects, cycles, cyclePhases, communities, streets } from '#db/schema.ts';
import { currentPhase } from '../domain/cycle-phases.ts';
import type { Database } from '#db/client.ts';
import { cycleRules, transition, type ProjectEvent } from '../domain/project-states.ts';
import type { Actor, ReasonCode } from '../domain/permissions.ts';
import { formatProjectCode } from '../domain/project-code.ts';
import { checkCap } from '../domain/rulebook.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { getRulebook } from './rulebooks.ts';
import { newId } from './ids.ts';
import { notifyProposer } from './notifications.ts';
import { projectRowWithPlace } from './project-rows.ts';

export type NewProject = {
  cycleId: string;
  title: string;
  category: string;
  theme: string;
  description: string;
  address: string;
  lat?: number | null;
  lng?: number | null;
  proposerType: (typeof projects.proposerType._.data);
  proposerAccountId?: string | null;
  estimatedCostFen: number;
  beneficiaries?: string;
  beneficiaryCount?: number | null;
  isDemo?: boolean;
};

export type CreateOutcome =
  | { ok: true; id: string; code: string }
  | { ok: false; code: 'unknown_cycle' | 'unknown_category' | 'over_cap'; capFen?: number };

/** Create a project in draft, with the next code of its cycle. */
export async function createProject(database: Database, input: NewProject, actor: AuditActor, at: Date): Promise<CreateOutcome> {
  const cycleRows = await database.db
    .select({ cycle: cycles, communityCode: communities.code, streetCode: streets.code })
    .from(cycles)
    .innerJoin(communities, eq(communities.id, cycles.communityId))
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .where(eq(cycles.id, input.cycleId))
    .limit(1);
  const c = cycleRows[0];
  if (!c) return { ok: false, code: 'unknown_cycle' };
  const rulebook = await getRulebook(database.db, c.cycle.rulebookId);
  const cap = rulebook ? checkCap(rulebook, input.category, input.estimatedCostFen) : null;
  if (cap) return { ok: false, code: cap.reason, capFen: cap.capFen ?? undefined };

  return database.write(async (tx) => {
    // Read the sequence inside the write transaction so concurrent proposals never share a code.
    const fresh = await tx.select({ nextSeq: cycles.nextSeq }).from(cycles).where(eq(cycles.id, input.cycleId)).limit(1);
    const seq = fresh[0]!.nextSeq;
    const code = formatProjectCode(c.streetCode, c.communityCode, c.cycle.year, seq);
    const id = newId();
    await tx.update(cycles).set({ nextSeq: seq + 1 }).where(eq(cycles.id, input.cycleId));
    await tx.insert(projects).values({
      id,
      code,
      cycleId: input.cycleId,
      communityId: c.cycle.communityId,
      title: input.title,
      category: input.category,
      theme: input.theme,
      description: input.description,
      address: input.address,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      proposerType: input.proposerType,
      proposerAccountId: input.proposerAccountId ?? null,
      estimatedCostFen: input.estimatedCostFen,
      beneficiaries: input.beneficiaries ?? '',
      beneficiaryCount: input.beneficiaryCount ?? null,
      state: 'draft',
      isDemo: input.isDemo ?? false,
      createdAt: at,
      updatedAt: at,
    });
    await appendAudit(tx, {
      actor,
      action: 'project.created',
      subjectType: 'project',
      subjectId: id,
      // A draft is its proposer's alone until submitted: the public log says one was started, not what it says.
      // Its title and cost go into the log with the submission (applyProjectEvent).
      after: { code, state: 'draft', proposerType: input.proposerType },
      at,
    });
    return { ok: true as const, id, code };
  });
}

export type EventOutcome =
  | { ok: true; from: string; to: string }
  | { ok: false; code: ReasonCode | 'not_found' | 'conflict' };

/**
 * Fire a state-machine event on a project. The domain decides; the state
 * change and its audit entry commit together, and a concurrent change to the
 * same project (the state moved under us) is refused, never overwritten.
 */
export async function applyProjectEvent(
  database: Database,
  input: { projectId: string; event: ProjectEvent; reason?: string | null },
  actor: Actor,
  auditActor: AuditActor,
  at: Date,
): Promise<EventOutcome> {
  return database.write(async (tx) => {
    const row = await projectRowWithPlace(tx, { id: input.projectId });
    if (!row) return { ok: false as const, code: 'not_found' as const };
    const rb = await getRulebook(tx, row.rulebookId);
    const plan = await tx.select({ phase: cyclePhases.phase, startsOn: cyclePhases.startsOn, endsOn: cyclePhases.endsOn }).from(cyclePhases).where(eq(cyclePhases.cycleId, row.p.cycleId));
    const phase = currentPhase({ phases: plan, openPhase: row.openPhase }, at);
    const decided = transition(
      {
        state: row.p.state,
        proposerAccountId: row.p.proposerAccountId,
        proposerType: row.p.proposerType,
        communityId: row.p.communityId,
        streetId: row.streetId,
        districtId: row.districtId,
      },
      input.event,
      actor,
      { reason: input.reason ?? null, ...(rb ? cycleRules(rb) : {}), phase },
    );
    if (!decided.ok) return { ok: false as const, code: decided.reason };
    const reason = input.reason?.trim() || null;
    await tx
      .update(projects)
      .set({ state: decided.to, stateReason: reason ?? row.p.stateReason, updatedAt: at })
      .where(eq(projects.id, input.projectId));
    await appendAudit(tx, {
      actor: auditActor,
      action: `project.${input.event}`,
      subjectType: 'project',
      subjectId: input.projectId,
      before: { state: decided.from },
      // Submitting makes a draft public: the entry records what was submitted.
      after: input.event === 'submit' ? { state: decided.to, title: row.p.title, estimatedCostFen: row.p.estimatedCostFen } : { state: decided.to },
      reason,
      at,
    });
    await notifyProposer(tx, row.p, decided.from, decided.to, at, { actorAccountId: auditActor.accountId, reason });
    return { ok: true as const, from: decided.from, to: decided.to };
  });
}
