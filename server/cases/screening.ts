/**
 * @module Screening (初审): a council member's opinion on a submitted
 * proposal (POST /api/projects/{code}/opinions, the opinion forms of a
 * project's page and of the screening desk), and staff sending the projects
 * ready for the council on to it (POST /api/cycles/{id}/deliberation, the
 * screening desk). The screen-in / screen-out decision itself is a project
 * step (server/cases/projects.ts).
 */
import { z } from '@hono/zod-openapi';
import { addOpinion, sendToDeliberation, STANCES } from '../services/screening.ts';
import { loadProjectWithPlace } from '../services/proposals.ts';
import { actingAs, councilRefusal } from './acting.ts';
import { done, useCase } from './use-case.ts';
import { filledText } from '../services/text-fields.ts';

const CODE = z.string().regex(/^[A-Z]{2,8}-[A-Z]{2,8}-\d{4}-\d{2,4}$/).openapi({ example: 'SGJD-SXSQ-2026-04' });

export const OpinionInput = z.strictObject({ stance: z.enum(STANCES), body: filledText(2000) });
export const SendInput = z.strictObject({ projects: z.array(CODE).max(200).optional() });

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

/** The named projects, or every ready one; all or nothing. A refusal about one project names it. */
export const sendToCouncilCase = useCase({
  name: 'screening.send',
  input: SendInput,
  async run(caller, input, on: { cycleId: string }) {
    const r = await sendToDeliberation(caller.ctx, on.cycleId, input.projects ?? 'ready', caller.auth?.actor ?? null, actingAs(caller, ['staff']));
    return r.ok ? done({ sent: r.sent }) : councilRefusal(caller, r.code, { project: r.project });
  },
});
