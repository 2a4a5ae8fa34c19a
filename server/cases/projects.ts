/**
 * @module A project's bare state-machine steps (submit, withdraw, screen in
 * or out, send to deliberation): POST /api/projects/{code}/events and the
 * step forms of a project's page. Other steps follow from votes, meetings,
 * notices and delivery records: asked for here, they are `decided_elsewhere`.
 */
import { z } from '@hono/zod-openapi';
import { BARE_EVENTS, EVENT_ROLES, PROJECT_EVENTS } from '../domain/project-states.ts';
import { applyProjectEvent } from '../services/projects.ts';
import { loadProjectWithPlace } from '../services/proposals.ts';
import { actingAs } from './acting.ts';
import { done, refusal, refusedFor, useCase, type Caller } from './use-case.ts';
import { typedText } from '../services/text-fields.ts';
import { say } from '#messages/say.ts';

export const EventInput = z.strictObject({
  event: z.enum(PROJECT_EVENTS),
  reason: typedText(2000).optional(),
});


/** No published project by this code (drafts are not projects yet). */
export function noSuchProject(caller: Pick<Caller, 'locale'>) {
  return refusal('not_found', 404, say.reasons(caller.locale, 'project.not_found'));
}

export const projectStepCase = useCase({
  name: 'project.step',
  input: EventInput,
  async run(caller, { event, reason }, { code }: { code: string }) {
    const { ctx, auth } = caller;
    const found = await loadProjectWithPlace(ctx.database.db, { code });
    if (!found || found.p.state === 'draft') return noSuchProject(caller);
    if (!BARE_EVENTS.has(event)) return refusedFor(caller, 'decided_elsewhere');
    const roles = EVENT_ROLES[event].filter((r) => r !== 'system');
    const r = await applyProjectEvent(ctx.database, { projectId: found.p.id, event, reason }, auth?.actor ?? null, actingAs(caller, roles), ctx.now());
    if (r.ok) return done({ from: r.from, to: r.to });
    if (r.code === 'not_found') return noSuchProject(caller);
    if (r.code === 'conflict') return refusal('conflict', 409, 'conflict');
    return refusedFor(caller, r.code);
  },
});
