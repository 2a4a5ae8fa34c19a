/**
 * @module Council meetings: schedule with an agenda, publish it, open, take
 * attendance, record the presentation, discussion and each present member's
 * vote, decide each item (outcome computed from the votes; adoption enters
 * public notice, refused over the remaining budget), close with minutes (an
 * undecided item must be carried over with a reason, or the close is refused
 * naming it), and correct a closed meeting only by an addendum.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../http/router.ts';
import { perform } from '../http/use-case-route.ts';
import { communityBySlug } from '../services/council.ts';
import { canSeeUnpublished, getMeeting, listMeetings, type MeetingView } from '../services/meetings.ts';
import {
  addAddendumCase,
  AddendumInput,
  AgendaInput,
  AttendanceInput,
  CloseInput,
  closeMeetingCase,
  decideItemCase,
  NotesInput,
  openMeetingCase,
  publishAgendaCase,
  recordAttendanceCase,
  recordNotesCase,
  recordVotesCase,
  scheduleMeetingCase,
  ScheduleInput,
  setAgendaCase,
  VotesInput,
} from '../cases/meetings.ts';
import { CycleId, JsonObject, Ok, reasonAnswer, Slug } from './council-http.ts';

const MeetingId = z.object({ id: z.string().min(1).max(64) });
const ItemParams = z.object({ id: z.string().min(1).max(64), itemId: z.string().min(1).max(64) });

function serialize(v: MeetingView) {
  const m = v.meeting;
  return {
    id: m.id,
    title: m.title,
    scheduledAt: m.scheduledAt,
    place: m.place,
    status: m.status,
    agendaPublishedAt: m.agendaPublishedAt?.toISOString() ?? null,
    openedAt: m.openedAt?.toISOString() ?? null,
    closedAt: m.closedAt?.toISOString() ?? null,
    minutes: m.minutes,
    cycle: { id: v.cycle.id, titleZh: v.cycle.titleZh, titleEn: v.cycle.titleEn, phase: v.cycle.phase },
    rules: { quorum: { num: v.rulebook.quorum.num, den: v.rulebook.quorum.den }, passThreshold: v.rulebook.passThreshold },
    members: v.members,
    quorum: v.quorum,
    items: v.items.map((i) => ({ ...i, decidedAt: i.decidedAt?.toISOString() ?? null })),
    addenda: v.addenda.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    budget: v.budget,
  };
}

const itemOf = (p: { id: string; itemId: string }) => ({ meetingId: p.id, itemId: p.itemId });

const stepResponses = { 200: jsonContent(JsonObject, 'Done'), ...errorResponses(400, 401, 403, 404, 409, 422) };
const staffStep = (summary: string, path: string) => createRoute({ method: 'post', path, tags: ['council'], summary, request: { params: MeetingId }, responses: stepResponses });
const staffStepWith = <B extends z.ZodType>(summary: string, path: string, body: B) =>
  createRoute({ method: 'post', path, tags: ['council'], summary, request: { params: MeetingId, body: jsonBody(body) }, responses: stepResponses });

export const meetingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/communities/{slug}/meetings',
      tags: ['council'],
      summary: 'Council meetings of a community whose agenda is published, newest first',
      request: { params: Slug },
      responses: { 200: jsonContent(z.object({ items: z.array(JsonObject) }), 'Meetings'), ...errorResponses(404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const community = await communityBySlug(ctx.database.db, c.req.valid('param').slug);
      if (!community) return reasonAnswer(c, 'not_found');
      const auth = c.get('auth');
      const items = await listMeetings(ctx.database.db, { communityId: community.id, includeUnpublished: canSeeUnpublished(auth?.actor ?? null, community.place) });
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/meetings',
      tags: ['council'],
      summary: 'Staff schedule a council meeting with an agenda of projects under deliberation (publish it before the meeting)',
      request: { params: CycleId, body: jsonBody(ScheduleInput) },
      responses: { 201: jsonContent(z.object({ id: z.string() }), 'Scheduled'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => perform(c, scheduleMeetingCase, c.req.valid('json'), { cycleId: c.req.valid('param').id }, (v) => c.json({ id: v.id }, 201)),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/meetings/{id}',
      tags: ['council'],
      summary: 'A meeting: agenda, attendance and quorum, each member’s vote by name, computed outcomes, minutes and addenda (unpublished agendas only for staff)',
      request: { params: MeetingId },
      responses: { 200: jsonContent(JsonObject, 'Meeting'), ...errorResponses(404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const v = await getMeeting(ctx, c.req.valid('param').id);
      if (!v || (v.meeting.agendaPublishedAt === null && !canSeeUnpublished(c.get('auth')?.actor ?? null, v.place))) return reasonAnswer(c, 'not_found');
      return c.json(serialize(v), 200);
    },
  )
  .openapi(staffStepWith('Replace the agenda (before it is published)', '/meetings/{id}/agenda', AgendaInput), async (c) =>
    perform(c, setAgendaCase, c.req.valid('json'), { meetingId: c.req.valid('param').id }, () => c.json({ ok: true as const }, 200)),
  )
  .openapi(staffStep('Publish the agenda; it cannot change afterwards', '/meetings/{id}/publish'), async (c) =>
    perform(c, publishAgendaCase, {}, { meetingId: c.req.valid('param').id }, () => c.json({ ok: true as const }, 200)),
  )
  .openapi(staffStep('Open the meeting: the agenda must be published, and not before its scheduled time (meeting_not_yet)', '/meetings/{id}/open'), async (c) =>
    perform(c, openMeetingCase, {}, { meetingId: c.req.valid('param').id }, () => c.json({ ok: true as const }, 200)),
  )
  .openapi(
    staffStepWith(
      'Take attendance: the members present (by account id, from GET /meetings/{id}); every other member in office is recorded absent. Answers with the quorum.',
      '/meetings/{id}/attendance',
      AttendanceInput,
    ),
    async (c) => perform(c, recordAttendanceCase, c.req.valid('json'), { meetingId: c.req.valid('param').id }, (v) => c.json({ quorum: v.quorum }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/meetings/{id}/items/{itemId}/notes',
      tags: ['council'],
      summary: 'Record the proposer’s presentation and the discussion summary of an agenda item',
      request: { params: ItemParams, body: jsonBody(NotesInput) },
      responses: { 200: jsonContent(Ok, 'Recorded'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => perform(c, recordNotesCase, c.req.valid('json'), itemOf(c.req.valid('param')), () => c.json({ ok: true as const }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/meetings/{id}/items/{itemId}/votes',
      tags: ['council'],
      summary: 'Record present members’ votes on an item (staff: anyone present; a council member: only their own). Refused without quorum.',
      request: {
        params: ItemParams,
        body: jsonBody(VotesInput),
      },
      responses: { 200: jsonContent(Ok, 'Recorded'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => perform(c, recordVotesCase, c.req.valid('json'), itemOf(c.req.valid('param')), () => c.json({ ok: true as const }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/meetings/{id}/items/{itemId}/decide',
      tags: ['council'],
      summary: 'Decide an item once every present member has voted: the outcome is computed; adopted → public notice (refused over the remaining budget, naming the shortfall), otherwise rejected with the computed outcome as the published reason',
      request: { params: ItemParams },
      responses: { 200: jsonContent(JsonObject, 'Decided'), ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => perform(c, decideItemCase, {}, itemOf(c.req.valid('param')), (v) => c.json(v, 200)),
  )
  .openapi(
    staffStepWith(
      'Close the meeting and publish its minutes. Every agenda item must be decided or carried over (`carryOver`: the project code and the reason, published with the meeting; the project stays under deliberation for a later agenda). Otherwise 409 undecided_items, whose message names each undecided item (code and title) and whose `fields` has `carryOver.<code>` → title for each; 422 not_undecided when a carry-over names an item that is not undecided on this agenda.',
      '/meetings/{id}/close',
      CloseInput,
    ),
    async (c) => perform(c, closeMeetingCase, c.req.valid('json'), { meetingId: c.req.valid('param').id }, () => c.json({ ok: true as const }, 200)),
  )
  .openapi(staffStepWith('Add an addendum to a closed meeting (the only way to correct it; logged)', '/meetings/{id}/addenda', AddendumInput), async (c) =>
    perform(c, addAddendumCase, c.req.valid('json'), { meetingId: c.req.valid('param').id }, (v) => c.json({ id: v.id }, 200)),
  );
