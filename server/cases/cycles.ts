/**
 * @module A cycle's phases: staff open the next phase (ending the current
 * one early with a published reason), extend the open one, or ask to move
 * the cycle back or skip a phase; a street or district officer confirms or
 * declines that request. Refusals take their status and words from the one
 * table of council reasons (with the notices' count and last end when they
 * hold the cycle).
 */
import { z } from '@hono/zod-openapi';
import { councilReasonMessage, councilReasonStatus } from './council-reasons.ts';
import { decidePhaseRequest, extendPhase, PHASE_REASON_MAX, requestPhaseChange, setCyclePhase, type PhaseRefusal } from '../services/cycles.ts';
import { CYCLE_PHASES } from '../domain/cycle-phases.ts';
import { actingAs } from './acting.ts';
import { done, refusal, useCase, type Caller, type Locale, type Refusal } from './use-case.ts';
import { CALENDAR_DAY, filledText, typedText } from '../services/text-fields.ts';
import { say } from '#messages/say.ts';
import { docExample } from '#http/doc-words.ts';

const Reason = filledText(PHASE_REASON_MAX).openapi({ description: 'Published with the step', example: docExample('phaseReason') });
/** A calendar day: as delivery's (server/cases/delivery.ts), one that is no day is refused as 422 bad_date. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ pattern: CALENDAR_DAY, description: 'A calendar day, YYYY-MM-DD (422 for one that does not exist)', example: '2026-12-20' });

/**
 * The refusal's sentence with what it depends on: for 'projects_in_notice',
 * how many projects and when the last notice ends (for the API's message;
 * pages say the same from src/i18n/phases.ts).
 */
export function phaseRefusalMessage(r: { code: string; inNotice?: number; lastNoticeEndsAt?: Date | null }, locale: Locale): string | undefined {
  if (r.code !== 'projects_in_notice' || !r.inNotice) return undefined;
  const reason = say.reasons(locale, 'phase.projects_in_notice');
  if (!r.lastNoticeEndsAt) return say.reasons(locale, 'phase.projects_in_notice.count', { reason, count: r.inNotice });
  const when = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(r.lastNoticeEndsAt);
  return say.reasons(locale, 'phase.projects_in_notice.until', { reason, count: r.inNotice, when });
}

export const ForwardInput = z.strictObject({ phase: z.enum(CYCLE_PHASES), reason: Reason.optional().openapi({ description: 'Required when the current phase ends before its planned end; published' }) });
export const ExtendInput = z.strictObject({ endsOn: Day, reason: Reason });
export const PhaseRequestInput = z.strictObject({ to: z.enum(CYCLE_PHASES), reason: Reason, endsOn: Day.optional().openapi({ description: 'The new planned end of the phase moved to; required when its planned end has passed' }) });
export const PhaseDecisionInput = z.strictObject({ decision: z.enum(['confirm', 'decline']), note: typedText(PHASE_REASON_MAX).optional() });

/** The cycle a move is on. */
export type OnCycle = { id: string };

/** A refusal of the phase services: its status and words from the council reasons, each field it names in words. */
export function phaseRefusal(caller: Pick<Caller, 'locale'>, r: Omit<PhaseRefusal, 'ok'>, fields = r.fields): Refusal {
  const message = phaseRefusalMessage(r, caller.locale) ?? councilReasonMessage(r.code, caller.locale);
  const named = fields ? Object.fromEntries(Object.entries(fields).map(([f, why]) => [f, councilReasonMessage(why, caller.locale)])) : undefined;
  return refusal(r.code, councilReasonStatus(r.code), message, named ? { fields: named } : {});
}

export const forwardPhaseCase = useCase({
  name: 'cycle.forward',
  input: ForwardInput,
  async run(caller, input, on: OnCycle) {
    const r = await setCyclePhase(caller.ctx, on.id, input.phase, caller.auth?.actor ?? null, actingAs(caller, ['staff']), { reason: input.reason });
    if (r.ok) return done({ from: r.from, to: r.to });
    return phaseRefusal(caller, r, r.fields ?? (r.code === 'unknown_phase' || r.code === 'same_phase' || r.code === 'needs_confirmation' ? { phase: r.code } : undefined));
  },
});

export const extendPhaseCase = useCase({
  name: 'cycle.extend',
  input: ExtendInput,
  async run(caller, input, on: OnCycle) {
    const r = await extendPhase(caller.ctx, on.id, input, caller.auth?.actor ?? null, actingAs(caller, ['staff']));
    return r.ok ? done({ from: r.from, to: r.to }) : phaseRefusal(caller, r);
  },
});

export const requestPhaseChangeCase = useCase({
  name: 'cycle.requestPhaseChange',
  input: PhaseRequestInput,
  async run(caller, input, on: OnCycle) {
    const r = await requestPhaseChange(caller.ctx, on.id, input, caller.auth?.actor ?? null, actingAs(caller, ['staff']));
    return r.ok ? done({ id: r.id }) : phaseRefusal(caller, r);
  },
});

export const decidePhaseRequestCase = useCase({
  name: 'cycle.decidePhaseRequest',
  input: PhaseDecisionInput,
  async run(caller, input, on: { requestId: string }) {
    const r = await decidePhaseRequest(caller.ctx, on.requestId, input, caller.auth?.actor ?? null, actingAs(caller, ['officer']));
    return r.ok ? done({ from: r.from, to: r.to }) : phaseRefusal(caller, r);
  },
});
