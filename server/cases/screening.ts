/**
 * @module Screening (初审): council members' opinions on a submitted
 * proposal, and staff sending the projects ready for the council on to it.
 * (The screen-in / screen-out decision itself is a project step:
 * server/cases/project-steps.ts.) Refusals take their status and words from
 * the one table of council reasons.
 */
import { z } from '@hono/zod-openapi';
import { actingRole, auditActorOf, type SignedIn } from '../services/accounts.ts';
import type { AuditActor } from '../services/audit.ts';
import { getProject } from '../services/catalog.ts';
import { councilReasonMessage, councilReasonStatus } from '../services/council-reasons.ts';
import { addOpinion, sendToDeliberation, STANCES } from '../services/screening.ts';
import { done, refusal, useCase, type Caller, type Refusal } from './use-case.ts';

const CODE = z.string().regex(/^[A-Z]{2,8}-[A-Z]{2,8}-\d{4}-\d{2,4}$/).openapi({ example: 'SGJD-SXSQ-2026-04' });

export const OpinionInput = z.strictObject({ stance: z.enum(STANCES), body: z.string().trim().min(1).max(2000) });
export const SendInput = z.strictObject({ projects: z.array(CODE).max(200).optional() });

const anonymous: AuditActor = { accountId: null, role: 'anonymous', name: '-' };
const acting = (auth: SignedIn | null, roles: readonly string[]) => (auth ? auditActorOf(auth, actingRole(auth, roles)) : anonymous);

/** A council reason as a refusal; `project` names the project it concerns. */
export function councilRefusal(caller: Pick<Caller, 'locale'>, code: string, project?: string): Refusal {
  const base = councilReasonMessage(code, caller.locale);
  return refusal(code, councilReasonStatus(code), project ? `${base}${caller.locale === 'en' ? ': ' : '：'}${project}` : base);
}

export const opinionCase = useCase({
  name: 'screening.opinion',
  input: OpinionInput,
  async run(caller, input, on: { code: string }) {
    const { ctx } = caller;
    const found = await getProject(ctx.database, on.code, ctx.now());
    if (!found) return councilRefusal(caller, 'not_found');
    const r = await addOpinion(ctx, found.project.id, input, caller.auth?.actor ?? null, acting(caller.auth, ['council_member']));
    return r.ok ? done({ id: r.id }) : councilRefusal(caller, r.code);
  },
});

export const sendToCouncilCase = useCase({
  name: 'screening.send',
  input: SendInput,
  async run(caller, input, on: { cycleId: string }) {
    const r = await sendToDeliberation(caller.ctx, on.cycleId, input.projects ?? 'ready', caller.auth?.actor ?? null, acting(caller.auth, ['staff']));
    return r.ok ? done({ sent: r.sent }) : councilRefusal(caller, r.code, r.project);
  },
});
