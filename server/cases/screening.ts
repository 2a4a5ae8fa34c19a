/**
 * @module A council member's screening opinion on a submitted proposal:
 * POST /api/projects/{code}/opinions and the opinion form of a project's page.
 */
import { z } from '@hono/zod-openapi';
import { addOpinion, STANCES } from '../services/screening.ts';
import { loadProjectWithPlace } from '../services/proposals.ts';
import { actingAs, councilRefusal } from './acting.ts';
import { done, useCase } from './use-case.ts';

export const OpinionInput = z.strictObject({ stance: z.enum(STANCES), body: z.string().trim().min(1).max(2000) });

export const opinionCase = useCase({
  name: 'screening.opinion',
  input: OpinionInput,
  async run(caller, input, { code }: { code: string }) {
    const { ctx, auth } = caller;
    const found = await loadProjectWithPlace(ctx.database.db, { code });
    if (!found || found.p.state === 'draft') return councilRefusal(caller, 'not_found');
    const r = await addOpinion(ctx, found.p.id, input, auth?.actor ?? null, actingAs(caller, ['council_member']));
    return r.ok ? done({ id: r.id }) : councilRefusal(caller, r.code);
  },
});
