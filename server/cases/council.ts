/**
 * @module The council's use cases: adding and ending a council term; and the
 * input shapes the council features take (a day, a project code).
 */
import { z } from '@hono/zod-openapi';
import { addTerm, communityBySlug, endTerm } from '../services/council.ts';
import { done, useCase } from './use-case.ts';
import { CALENDAR_DAY, filledText } from '../services/text-fields.ts';
import { actingAs, councilRefusal } from './acting.ts';

export const IsoDay = z.string().regex(new RegExp(CALENDAR_DAY), { message: 'input.iso_day' });
export const ProjectCode = z.object({ code: z.string().regex(/^[A-Z]{2,8}-[A-Z]{2,8}-\d{4}-\d{2,4}$/).openapi({ example: 'SGJD-SXSQ-2026-04' }) });

export const TermInput = z.strictObject({
  login: filledText(64).openapi({ description: 'The person’s username or mobile number; they must be a verified resident of the community' }),
  role: z.enum(['chair', 'member']),
  startsOn: IsoDay,
  endsOn: IsoDay.nullable().optional(),
});

/** Staff add a council term (chair or member) for a verified resident of the community in the path. */
export const addTermCase = useCase({
  name: 'council.addTerm',
  input: TermInput,
  async run(caller, input, params: { slug: string }) {
    const { ctx } = caller;
    const community = await communityBySlug(ctx.database.db, params.slug);
    if (!community) return councilRefusal(caller, 'not_found');
    const r = await addTerm(ctx, community.id, input, caller.auth?.actor ?? null, actingAs(caller, ['staff']));
    return r.ok ? done({ id: r.id }) : councilRefusal(caller, r.code);
  },
});

export const EndTermInput = z.strictObject({ endsOn: IsoDay });

/** Staff end a council term on a day; the role is revoked once no term covers today. */
export const endTermCase = useCase({
  name: 'council.endTerm',
  input: EndTermInput,
  async run(caller, input, params: { termId: string }) {
    const r = await endTerm(caller.ctx, params.termId, input.endsOn, caller.auth?.actor ?? null, actingAs(caller, ['staff']));
    return r.ok ? done(null) : councilRefusal(caller, r.code);
  },
});
