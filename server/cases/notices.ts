/**
 * @module Public notice (公示): a resident lodges an objection while the
 * notice runs; staff answer it (dismiss, or uphold — the project returns to
 * deliberation). The API (server/routes/notices.routes.ts) and the notice
 * forms of a project's page run these.
 */
import { z } from '@hono/zod-openapi';
import { answerObjection, lodgeObjection } from '../services/notices.ts';
import { loadProjectWithPlace } from '../services/proposals.ts';
import { actingAs, councilRefusal } from './acting.ts';
import { done, useCase } from './use-case.ts';
import { filledText } from '../services/text-fields.ts';

export const ObjectionInput = z.strictObject({ reason: filledText(2000) });
export const AnswerInput = z.strictObject({ decision: z.enum(['dismiss', 'uphold']), answer: filledText(2000) });

export const objectCase = useCase({
  name: 'notice.object',
  input: ObjectionInput,
  async run(caller, { reason }, { code }: { code: string }) {
    const { ctx, auth } = caller;
    const found = await loadProjectWithPlace(ctx.database.db, { code });
    if (!found || found.p.state === 'draft') return councilRefusal(caller, 'not_found');
    // Objecting is a resident's right: the log shows 居民, whatever else the person is.
    const r = await lodgeObjection(ctx, found.p.id, reason, auth?.actor ?? null, actingAs(caller, ['resident']));
    return r.ok ? done({ id: r.id }) : councilRefusal(caller, r.code);
  },
});

export const answerObjectionCase = useCase({
  name: 'notice.answer',
  input: AnswerInput,
  async run(caller, input, { objectionId }: { objectionId: string }) {
    const r = await answerObjection(caller.ctx, objectionId, input, caller.auth?.actor ?? null, actingAs(caller, ['staff']));
    return r.ok ? done({ status: r.status, projectState: r.projectState }) : councilRefusal(caller, r.code);
  },
});
