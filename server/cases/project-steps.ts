/**
 * @module A bare step of a project's state machine (submit, withdraw, screen
 * in or out, send to deliberation): the steps nothing else decides. Other
 * steps follow from council votes, notices and delivery records
 * (decided_elsewhere).
 */
import { z } from '@hono/zod-openapi';
import { actingRole, auditActorOf } from '../services/accounts.ts';
import { getProject } from '../services/catalog.ts';
import { applyProjectEvent } from '../services/projects.ts';
import { BARE_EVENTS, EVENT_ROLES, PROJECT_EVENTS } from '../domain/project-states.ts';
import { done, refusal, refusedFor, useCase, type Caller, type LocalText } from './use-case.ts';

export const ProjectStepInput = z.strictObject({
  event: z.enum(PROJECT_EVENTS),
  reason: z.string().trim().max(2000).optional(),
});

const NO_SUCH_PROJECT: LocalText = { 'zh-CN': '没有这个项目', en: 'No such project' };
const noSuchProject = (caller: Caller) => refusal('not_found', 404, NO_SUCH_PROJECT[caller.locale]);

export const projectStepCase = useCase({
  name: 'project.step',
  input: ProjectStepInput,
  async run(caller, { event, reason }, on: { code: string }) {
    const { ctx, auth } = caller;
    const found = await getProject(ctx.database, on.code, ctx.now());
    if (!found) return noSuchProject(caller);
    if (!BARE_EVENTS.has(event)) return refusedFor(caller, 'decided_elsewhere');
    const roles = EVENT_ROLES[event].filter((r) => r !== 'system');
    const r = await applyProjectEvent(
      ctx.database,
      { projectId: found.project.id, event, reason },
      auth?.actor ?? null,
      auth ? auditActorOf(auth, actingRole(auth, roles)) : { accountId: null, role: 'anonymous', name: '-' },
      ctx.now(),
    );
    if (r.ok) return done({ from: r.from, to: r.to });
    if (r.code === 'not_found') return noSuchProject(caller);
    // No words of its own: the code is what it says.
    if (r.code === 'conflict') return refusal('conflict', 409, 'conflict');
    return refusedFor(caller, r.code);
  },
});
