/**
 * @module Cycle phases: staff open the next phase (or a given one) of their
 * community's cycle. The domain says which phases this cycle has (no
 * resident vote when the rulebook has none); the change and its audit entry
 * commit together. Hooks run inside the same transaction, so work that must
 * happen when a phase ends (e.g. counting the resident vote) cannot be lost
 * or done twice.
 */
import { eq } from 'drizzle-orm';
import { cycles } from '../../db/schema.ts';
import type { Tx } from '../../db/client.ts';
import type { AppContext } from '../context.ts';
import { phasesFor, type CyclePhase } from '../domain/cycle-phases.ts';
import { reasonCannot, type Actor, type ReasonCode } from '../domain/permissions.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { getCommunityById, getCycle } from './catalog.ts';
import { getRulebook } from './rulebooks.ts';
import { countResidentVote } from './results.ts';

export type PhaseHook = (tx: Tx, input: { cycleId: string; from: CyclePhase | null; to: CyclePhase; at: Date; actor: AuditActor }) => Promise<void>;

/**
 * Work to do when a cycle leaves a phase, keyed by the phase being left. A
 * static table (not runtime registration) because this module is loaded
 * twice in production — by the API and inside the Astro bundle — and both
 * copies must do the same thing.
 */
const ON_LEAVE: Partial<Record<CyclePhase, PhaseHook[]>> = { resident_vote: [countResidentVote] };

export type SetPhaseOutcome = { ok: true; from: CyclePhase | null; to: CyclePhase } | { ok: false; code: ReasonCode | 'not_found' | 'unknown_phase' | 'same_phase' };

export async function setCyclePhase(ctx: AppContext, cycleId: string, to: CyclePhase, actor: Actor, auditActor: AuditActor): Promise<SetPhaseOutcome> {
  const now = ctx.now();
  const cycle = await getCycle(ctx.database, cycleId, now);
  if (!cycle) return { ok: false, code: 'not_found' };
  const community = await getCommunityById(ctx.database, (await ctx.database.db.select({ c: cycles.communityId }).from(cycles).where(eq(cycles.id, cycleId)))[0]!.c);
  const why = reasonCannot('manage_phases', { area: community!.place }, actor);
  if (why) return { ok: false, code: why };
  const rulebook = await getRulebook(ctx.database.db, cycle.rulebookId);
  if (!rulebook || !phasesFor(rulebook).includes(to)) return { ok: false, code: 'unknown_phase' };
  return ctx.database.write(async (tx) => {
    const row = (await tx.select({ openPhase: cycles.openPhase }).from(cycles).where(eq(cycles.id, cycleId)))[0]!;
    const from = row.openPhase ?? cycle.phase;
    if (from === to) return { ok: false as const, code: 'same_phase' as const };
    await tx.update(cycles).set({ openPhase: to }).where(eq(cycles.id, cycleId));
    if (from) for (const hook of ON_LEAVE[from] ?? []) await hook(tx, { cycleId, from, to, at: now, actor: auditActor });
    await appendAudit(tx, { actor: auditActor, action: 'cycle.phase_opened', subjectType: 'cycle', subjectId: cycleId, before: { phase: from }, after: { phase: to }, at: now });
    return { ok: true as const, from, to };
  });
}
