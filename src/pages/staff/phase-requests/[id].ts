/**
 * POST /staff/phase-requests/<id>: an officer confirms or declines a request
 * to move a cycle backwards or skip a phase (the forms of
 * src/components/PhaseRequests.astro on /staff). Declining needs a published
 * note. Back to /staff with what happened, or why not.
 */
import type { APIRoute } from 'astro';
import { z } from 'zod';
import { decidePhaseRequest, PHASE_REASON_MAX } from '#services/cycles.ts';
import { actingRole, auditActorOf } from '#services/accounts.ts';

const Form = z.object({ decision: z.enum(['confirm', 'decline']), note: z.string().trim().max(PHASE_REASON_MAX) });

export const POST: APIRoute = async ({ locals, request, params, redirect }) => {
  const { ctx, auth } = locals;
  if (!auth) return redirect('/signin?next=/staff', 303);
  const form = await request.formData();
  const parsed = Form.safeParse({ decision: form.get('decision'), note: form.get('note') ?? '' });
  if (!parsed.success) return redirect(`/staff?phase_request_error=${parsed.error.issues[0]?.path[0] === 'note' ? 'reason_required' : 'unknown_action'}#phase-requests-h`, 303);
  const r = await decidePhaseRequest(ctx, params.id ?? '', parsed.data, auth.actor, auditActorOf(auth, actingRole(auth, ['officer'])));
  return redirect(r.ok ? `/staff?phase_request_done=${parsed.data.decision}#phase-requests-h` : `/staff?phase_request_error=${r.code}#phase-requests-h`, 303);
};
