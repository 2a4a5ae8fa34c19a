/**
 * @module Council meetings' use cases: schedule a meeting with its agenda,
 * replace and publish the agenda, open, take attendance, record an item's
 * presentation and discussion and the members' votes, decide an item, close
 * with minutes (undecided items carried over with a reason), and add an
 * addendum. Each refusal is worded once here (a budget shortfall, the
 * undecided items by name, when the meeting may open).
 */
import { z } from '@hono/zod-openapi';
import { COUNCIL_VOTES, type BudgetCheck } from '../domain/meeting.ts';
import { formatFen } from '#messages/money.ts';
import { describeOpensAt, listItems } from '#messages/meeting-words.ts';
import { say } from '#messages/say.ts';
import { councilReasonMessage } from './council-reasons.ts';
import {
  addAddendum,
  closeMeeting,
  decideItem,
  openMeeting,
  publishAgenda,
  recordAttendance,
  recordItemNotes,
  recordVotes,
  scheduleMeeting,
  setAgenda,
  type MeetingFailure,
} from '../services/meetings.ts';
import { done, useCase, type Caller, type Locale, type Refusal, type UseCase } from './use-case.ts';
import { filledText } from '../services/text-fields.ts';
import { actingAs, councilRefusal } from './acting.ts';
import { ProjectCode } from './council.ts';

const Codes = z.array(ProjectCode.shape.code).min(1).max(50);

export const ScheduleInput = z.strictObject({
  title: filledText(100),
  scheduledAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'input.meeting_time' }).openapi({ example: '2026-11-25T19:30' }),
  place: filledText(200),
  agenda: Codes,
});
export const AgendaInput = z.strictObject({ projects: Codes });
/** A step that takes nothing but the meeting (and item) it concerns. */
export const NoInput = z.object({});
export const AttendanceInput = z.strictObject({ present: z.array(z.string().min(1).max(64)).max(100) });
export const NotesInput = z.strictObject({ presentationNote: z.string().max(4000), discussionSummary: z.string().max(8000) });
export const VotesInput = z.strictObject({ votes: z.array(z.strictObject({ accountId: z.string().min(1).max(64), vote: z.enum(COUNCIL_VOTES) })).max(100) });
export const CloseInput = z.strictObject({
  minutes: filledText(20000),
  carryOver: z.array(z.strictObject({ project: ProjectCode.shape.code, reason: filledText(2000) })).max(50).optional(),
});
export const AddendumInput = z.strictObject({ body: filledText(8000) });

export type MeetingParams = { meetingId: string };
export type ItemParams = { meetingId: string; itemId: string };

/** "超出本轮剩余预算：剩余 50万元，本项目 50.000001万元，缺口 0.01元。" */
export function describeShortfall(check: Extract<BudgetCheck, { ok: false }>, costFen: number, locale: Locale): string {
  return say.reasons(locale, 'meeting.over_budget.detail', { remaining: formatFen(check.remainingFen, locale), cost: formatFen(costFen, locale), shortfall: formatFen(check.shortfallFen, locale) });
}

/** A meeting step's refusal, in the caller's words: the shortfall, the undecided items by name, when the meeting may open. */
export function meetingRefusal(caller: Pick<Caller, 'locale'>, r: MeetingFailure): Refusal {
  const { locale } = caller;
  if (r.code === 'over_budget' && 'shortfallFen' in r) {
    return councilRefusal(caller, r.code, { message: describeShortfall({ ok: false, reason: 'over_budget', remainingFen: r.remainingFen, shortfallFen: r.shortfallFen }, r.costFen, locale) });
  }
  if (r.code === 'undecided_items' && 'items' in r) {
    // The message names every undecided item; `fields` points at the carry-over each one lacks.
    return councilRefusal(caller, r.code, {
      message: say.reasons(locale, 'join.detail', { reason: councilReasonMessage(r.code, locale), detail: listItems(r.items, locale) }),
      fields: Object.fromEntries(r.items.map((i) => [`carryOver.${i.code}`, i.title])),
    });
  }
  if (r.code === 'meeting_not_yet' && 'opensAt' in r) {
    return councilRefusal(caller, r.code, { message: say.reasons(locale, 'meeting.meeting_not_yet.withTime', { reason: councilReasonMessage(r.code, locale), detail: describeOpensAt(r.opensAt, locale) }) });
  }
  return councilRefusal(caller, r.code, { project: 'project' in r ? r.project : undefined });
}

const actor = (caller: Caller) => caller.auth?.actor ?? null;
const staff = (caller: Caller) => actingAs(caller, ['staff']);

/**
 * A meeting step's declaration: `step` calls the service as whoever is
 * acting; the answer is `answer` of what the service returns (nothing, unless
 * given), and a refusal is worded by meetingRefusal.
 */
function meetingCase<I, P, R extends { ok: true }, V = null>(
  name: string,
  input: z.ZodType<I>,
  step: (caller: Caller, input: I, params: P) => Promise<R | MeetingFailure>,
  answer: (r: R) => V = () => null as V,
): UseCase<I, P, V> {
  return useCase({
    name,
    input,
    async run(caller, value, params) {
      const r = await step(caller, value, params);
      return r.ok ? done(answer(r)) : meetingRefusal(caller, r);
    },
  });
}

/** Staff schedule a council meeting of a cycle with its agenda (published later). */
export const scheduleMeetingCase = meetingCase(
  'meeting.schedule',
  ScheduleInput,
  (caller, input, params: { cycleId: string }) => scheduleMeeting(caller.ctx, params.cycleId, input, actor(caller), staff(caller)),
  (r) => ({ id: r.id }),
);

export const setAgendaCase = meetingCase(
  'meeting.setAgenda',
  AgendaInput,
  (caller, input, params: MeetingParams) => setAgenda(caller.ctx, params.meetingId, input.projects, actor(caller), staff(caller)),
);

export const publishAgendaCase = meetingCase(
  'meeting.publishAgenda',
  NoInput,
  (caller, _input, params: MeetingParams) => publishAgenda(caller.ctx, params.meetingId, actor(caller), staff(caller)),
);

export const openMeetingCase = meetingCase(
  'meeting.open',
  NoInput,
  (caller, _input, params: MeetingParams) => openMeeting(caller.ctx, params.meetingId, actor(caller), staff(caller)),
);

export const recordAttendanceCase = meetingCase(
  'meeting.recordAttendance',
  AttendanceInput,
  (caller, input, params: MeetingParams) => recordAttendance(caller.ctx, params.meetingId, input.present, actor(caller), staff(caller)),
  (r) => ({ quorum: r.quorum }),
);

export const recordNotesCase = meetingCase(
  'meeting.recordNotes',
  NotesInput,
  (caller, input, params: ItemParams) => recordItemNotes(caller.ctx, params.meetingId, params.itemId, input, actor(caller), staff(caller)),
);

/** Votes on an item: staff record any present member's (the show of hands); a council member casts only their own. */
export const recordVotesCase = meetingCase(
  'meeting.recordVotes',
  VotesInput,
  (caller, input, params: ItemParams) => recordVotes(caller.ctx, params.meetingId, params.itemId, input.votes, actor(caller), actingAs(caller, ['staff', 'council_member'])),
);

export const decideItemCase = meetingCase(
  'meeting.decideItem',
  NoInput,
  (caller, _input, params: ItemParams) => decideItem(caller.ctx, params.meetingId, params.itemId, actor(caller), staff(caller)),
  (r) => ({ outcome: r.outcome, reason: r.reason, tally: r.tally, projectState: r.projectState }),
);

export const closeMeetingCase = meetingCase(
  'meeting.close',
  CloseInput,
  (caller, input, params: MeetingParams) => closeMeeting(caller.ctx, params.meetingId, input.minutes, actor(caller), staff(caller), input.carryOver ?? []),
);

export const addAddendumCase = meetingCase(
  'meeting.addAddendum',
  AddendumInput,
  (caller, input, params: MeetingParams) => addAddendum(caller.ctx, params.meetingId, input.body, actor(caller), staff(caller)),
  (r) => ({ id: r.id }),
);
