/**
 * POST /staff/<slug>/phase: the forms of the phase control
 * (src/components/PhaseControl.astro). Staff of the community open the next
 * phase (`move=forward`; before the current one's planned end with a
 * published `reason`), extend the open one with a new date and a
 * published reason (`move=extend`), or ask an officer to move the cycle back
 * or skip a phase (`move=request`). The answer goes back to the page it came from,
 * with what happened (or why not) in the query string.
 */
import type { APIRoute } from 'astro';
import { z } from 'zod';
import { extendPhase, PHASE_REASON_MAX, requestPhaseChange, setCyclePhase } from '#services/cycles.ts';
import { actingRole, auditActorOf } from '#services/accounts.ts';
import { CYCLE_PHASES } from '#domain/cycle-phases.ts';
import { communityBySlug } from '#services/council.ts';
import { cycles } from '#db/schema.ts';
import { eq } from 'drizzle-orm';
import { safeNext } from '#ui/lib/view.ts';

const Form = z.discriminatedUnion('move', [
  z.object({ move: z.literal('forward'), phase: z.enum(CYCLE_PHASES), reason: z.string().trim().max(PHASE_REASON_MAX).optional() }),
  z.object({ move: z.literal('extend'), endsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), reason: z.string().trim().min(1).max(PHASE_REASON_MAX) }),
  z.object({ move: z.literal('request'), phase: z.enum(CYCLE_PHASES), reason: z.string().trim().min(1).max(PHASE_REASON_MAX), endsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }),
]);

/** Which refusal a bad field stands for, so the page names it. */
function fieldCode(path: PropertyKey | undefined): string {
  return path === 'reason' ? 'reason_required' : path === 'endsOn' ? 'bad_date' : 'unknown_phase';
}

export const POST: APIRoute = async ({ locals, request, params, redirect }) => {
  const { ctx, auth } = locals;
  if (!auth) return redirect(`/signin?next=${encodeURIComponent(`/staff/${params.slug}/screening`)}`, 303);
  const form = await request.formData();
  const back = safeNext(String(form.get('back') ?? ''), `/staff/${params.slug}/screening`);
  const cycleId = String(form.get('cycle') ?? '');
  const answer = (what: 'phase_done' | 'phase_error', value: string) => {
    const [path, hash] = back.split('#');
    const sep = path!.includes('?') ? '&' : '?';
    return redirect(`${path}${sep}${what}=${encodeURIComponent(value)}&phase_cycle=${encodeURIComponent(cycleId)}${hash ? `#${hash}` : ''}`, 303);
  };
  const community = await communityBySlug(ctx.database.db, params.slug ?? '');
  const cy = (await ctx.database.db.select({ communityId: cycles.communityId }).from(cycles).where(eq(cycles.id, cycleId)))[0];
  if (!community || !cy || cy.communityId !== community.id) return answer('phase_error', 'not_found');
  // Older forms of the control posted only `phase`: that is a step forward.
  const parsed = Form.safeParse({ move: form.get('move') ?? 'forward', phase: form.get('phase') ?? undefined, endsOn: form.get('endsOn') || undefined, reason: form.get('reason') ?? undefined });
  if (!parsed.success) return answer('phase_error', fieldCode(parsed.error.issues[0]?.path[0]));
  const input = parsed.data;
  const who = auditActorOf(auth, actingRole(auth, ['staff']));
  if (input.move === 'forward') {
    const r = await setCyclePhase(ctx, cycleId, input.phase, auth.actor, who, { reason: input.reason });
    return r.ok ? answer('phase_done', r.to) : answer('phase_error', r.code);
  }
  if (input.move === 'extend') {
    const r = await extendPhase(ctx, cycleId, { endsOn: input.endsOn, reason: input.reason }, auth.actor, who);
    return r.ok ? answer('phase_done', 'extended') : answer('phase_error', r.code);
  }
  const r = await requestPhaseChange(ctx, cycleId, { to: input.phase, reason: input.reason, endsOn: input.endsOn }, auth.actor, who);
  return r.ok ? answer('phase_done', 'requested') : answer('phase_error', r.code);
};
