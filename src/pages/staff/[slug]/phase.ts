/**
 * POST /staff/<slug>/phase: the form behind the phase control on the council
 * staff pages (src/components/CouncilCycleBar.astro). Staff open a phase of
 * one of their community's cycles; the answer goes back to the page it came
 * from, with what happened in the query string.
 */
import type { APIRoute } from 'astro';
import { setCyclePhase } from '../../../../server/services/cycles.ts';
import { actingRole, auditActorOf } from '../../../../server/services/accounts.ts';
import { CYCLE_PHASES, type CyclePhase } from '../../../../server/domain/cycle-phases.ts';
import { communityBySlug } from '../../../../server/services/council.ts';
import { cycles } from '../../../../db/schema.ts';
import { eq } from 'drizzle-orm';
import { safeNext } from '../../../lib/view.ts';

export const POST: APIRoute = async ({ locals, request, params, redirect }) => {
  const { ctx, auth } = locals;
  if (!auth) return redirect(`/signin?next=${encodeURIComponent(`/staff/${params.slug}/screening`)}`, 303);
  const form = await request.formData();
  const back = safeNext(String(form.get('back') ?? ''), `/staff/${params.slug}/screening`);
  const sep = back.includes('?') ? '&' : '?';
  const community = await communityBySlug(ctx.database.db, params.slug ?? '');
  const cycleId = String(form.get('cycle') ?? '');
  const phase = String(form.get('phase') ?? '') as CyclePhase;
  const cy = (await ctx.database.db.select({ communityId: cycles.communityId }).from(cycles).where(eq(cycles.id, cycleId)))[0];
  if (!community || !cy || cy.communityId !== community.id) return redirect(`${back}${sep}phase_error=not_found`, 303);
  if (!(CYCLE_PHASES as readonly string[]).includes(phase)) return redirect(`${back}${sep}phase_error=unknown_phase`, 303);
  const r = await setCyclePhase(ctx, cycleId, phase, auth.actor, auditActorOf(auth, actingRole(auth, ['staff'])));
  return redirect(r.ok ? `${back}${sep}phase_done=${r.to}` : `${back}${sep}phase_error=${r.code}`, 303);
};
