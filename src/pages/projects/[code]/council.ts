/**
 * POST /projects/<code>/council: the forms of the council sections on a
 * project page (src/components/CouncilProjectSections.astro) — a council
 * member's screening opinion, a resident's objection, staff's answer to an
 * objection. Answers go back to the project page, with what happened in the
 * query string, so the page works without JavaScript.
 */
import type { APIRoute } from 'astro';
import { getProject } from '#services/catalog.ts';
import { addOpinion, STANCES, type Stance } from '#services/screening.ts';
import { answerObjection, lodgeObjection } from '#services/notices.ts';
import { actingRole, auditActorOf } from '#services/accounts.ts';
import { normalizeProjectCode } from '#domain/project-code.ts';

export const POST: APIRoute = async ({ locals, request, params, redirect }) => {
  const { ctx, auth } = locals;
  const code = normalizeProjectCode(params.code ?? '');
  const found = code ? await getProject(ctx.database, code, ctx.now()) : null;
  if (!found) return new Response('Not found', { status: 404 });
  const page = `/projects/${found.project.code}`;
  if (!auth) return redirect(`/signin?next=${encodeURIComponent(page)}`, 303);
  const form = await request.formData();
  const v = (k: string) => (typeof form.get(k) === 'string' ? (form.get(k) as string).trim() : '');
  const back = (q: string, anchor: string) => redirect(`${page}?${q}#${anchor}`, 303);
  switch (v('action')) {
    case 'opinion': {
      const stance = (STANCES as readonly string[]).includes(v('stance')) ? (v('stance') as Stance) : 'note';
      if (!v('body')) return back('council_error=reason_required', 'opinions');
      const r = await addOpinion(ctx, found.project.id, { stance, body: v('body').slice(0, 2000) }, auth.actor, auditActorOf(auth, actingRole(auth, ['council_member'])));
      return r.ok ? back('council_done=opinion', 'opinions') : back(`council_error=${r.code}`, 'opinions');
    }
    case 'objection': {
      if (!v('reason')) return back('council_error=reason_required', 'notice');
      // Objecting is a resident's right: the log shows 居民.
      const r = await lodgeObjection(ctx, found.project.id, v('reason').slice(0, 2000), auth.actor, auditActorOf(auth, 'resident'));
      return r.ok ? back('council_done=objection', 'notice') : back(`council_error=${r.code}`, 'notice');
    }
    case 'answer': {
      if (!v('answer')) return back('council_error=reason_required', 'notice');
      const decision = v('decision') === 'uphold' ? 'uphold' : 'dismiss';
      const r = await answerObjection(ctx, v('objection'), { decision, answer: v('answer').slice(0, 2000) }, auth.actor, auditActorOf(auth, actingRole(auth, ['staff'])));
      return r.ok ? back(`council_done=${r.status}`, 'notice') : back(`council_error=${r.code}`, 'notice');
    }
    default:
      return back('council_error=unknown_action', 'notice');
  }
};
