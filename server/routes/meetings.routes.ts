/**
 * @module Council meetings: schedule with an agenda, publish it, open, take
 * attendance, record the presentation, discussion and each present member's
 * vote, decide each item (outcome computed from the votes; adoption enters
 * public notice, refused over the remaining budget), close with minutes (an
 * undecided item must be carried over with a reason, or the close is refused
 * naming it), and correct a closed meeting only by an addendum.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, errorResponses, type AppEnv } from '../http/router.ts';
import { COUNCIL_VOTES, describeOpensAt, describeShortfall, listItems } from '../domain/meeting.ts';
import { councilReasonMessage } from '../services/council-reasons.ts';
import { communityBySlug } from '../services/council.ts';
import {
  addAddendum,
  canSeeUnpublished,
  closeMeeting,
  decideItem,
  getMeeting,
  listMeetings,
  openMeeting,
  publishAgenda,
  recordAttendance,
  recordItemNotes,
  recordVotes,
  scheduleMeeting,
  setAgenda,
  type MeetingFailure,
  type MeetingView,
} from '../services/meetings.ts';
import { actorOf, CycleId, JsonObject, Ok, ProjectCode, reasonAnswer, Slug } from './council-http.ts';

const MeetingId = z.object({ id: z.string().min(1).max(64) });
const ItemParams = z.object({ id: z.string().min(1).max(64), itemId: z.string().min(1).max(64) });
const Codes = z.array(ProjectCode.shape.code).min(1).max(50);
const ScheduleInput = z.strictObject({
  title: z.string().trim().min(1).max(100),
  scheduledAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: '时间格式应为 YYYY-MM-DDTHH:mm（北京时间）|Time is YYYY-MM-DDTHH:mm (China time)' }).openapi({ example: '2026-11-25T19:30' }),
  place: z.string().trim().min(1).max(200),
  agenda: Codes,
});

function failure(c: Context<AppEnv>, r: MeetingFailure) {
  if (r.code === 'over_budget' && 'shortfallFen' in r) {
    return reasonAnswer(c, r.code, { message: describeShortfall({ ok: false, reason: 'over_budget', remainingFen: r.remainingFen, shortfallFen: r.shortfallFen }, r.costFen, c.get('locale')) });
  }
  if (r.code === 'undecided_items' && 'items' in r) {
    // The message names every undecided item; `fields` points at the carry-over each one lacks.
    const locale = c.get('locale');
    return reasonAnswer(c, r.code, {
      message: `${councilReasonMessage(r.code, locale)}${locale === 'en' ? ': ' : '：'}${listItems(r.items, locale)}`,
      fields: Object.fromEntries(r.items.map((i) => [`carryOver.${i.code}`, i.title])),
    });
  }
  if (r.code === 'meeting_not_yet' && 'opensAt' in r) {
    const locale = c.get('locale');
    return reasonAnswer(c, r.code, { message: `${councilReasonMessage(r.code, locale)}${locale === 'en' ? ' ' : '：'}${describeOpensAt(r.opensAt, locale)}` });
  }
  return reasonAnswer(c, r.code, { project: 'project' in r ? r.project : undefined });
}

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

const stepResponses = { 200: { description: 'Done', content: { 'application/json': { schema: JsonObject } } }, ...errorResponses(400, 401, 403, 404, 409, 422) };
const staffStep = (summary: string, path: string) => createRoute({ method: 'post', path, tags: ['council'], summary, request: { params: MeetingId }, responses: stepResponses });
const staffStepWith = <B extends z.ZodType>(summary: string, path: string, body: B) =>
  createRoute({ method: 'post', path, tags: ['council'], summary, request: { params: MeetingId, body: { content: { 'application/json': { schema: body } }, required: true } }, responses: stepResponses });

export const meetingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/communities/{slug}/meetings',
      tags: ['council'],
      summary: 'Council meetings of a community whose agenda is published, newest first',
      request: { params: Slug },
      responses: { 200: { description: 'Meetings', content: { 'application/json': { schema: z.object({ items: z.array(JsonObject) }) } } }, ...errorResponses(404) },
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
      request: { params: CycleId, body: { content: { 'application/json': { schema: ScheduleInput } }, required: true } },
      responses: { 201: { description: 'Scheduled', content: { 'application/json': { schema: z.object({ id: z.string() }) } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const r = await scheduleMeeting(ctx, c.req.valid('param').id, c.req.valid('json'), c.get('auth')?.actor ?? null, actorOf(c, ['staff']));
      if (!r.ok) return failure(c, r);
      return c.json({ id: r.id }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/meetings/{id}',
      tags: ['council'],
      summary: 'A meeting: agenda, attendance and quorum, each member’s vote by name, computed outcomes, minutes and addenda (unpublished agendas only for staff)',
      request: { params: MeetingId },
      responses: { 200: { description: 'Meeting', content: { 'application/json': { schema: JsonObject } } }, ...errorResponses(404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const v = await getMeeting(ctx, c.req.valid('param').id);
      if (!v || (v.meeting.agendaPublishedAt === null && !canSeeUnpublished(c.get('auth')?.actor ?? null, v.place))) return reasonAnswer(c, 'not_found');
      return c.json(serialize(v), 200);
    },
  )
  .openapi(staffStepWith('Replace the agenda (before it is published)', '/meetings/{id}/agenda', z.strictObject({ projects: Codes })), async (c) => {
    const r = await setAgenda(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').projects, c.get('auth')?.actor ?? null, actorOf(c, ['staff']));
    return r.ok ? c.json({ ok: true as const }, 200) : failure(c, r);
  })
  .openapi(staffStep('Publish the agenda; it cannot change afterwards', '/meetings/{id}/publish'), async (c) => {
    const r = await publishAgenda(c.get('ctx'), c.req.valid('param').id, c.get('auth')?.actor ?? null, actorOf(c, ['staff']));
    return r.ok ? c.json({ ok: true as const }, 200) : failure(c, r);
  })
  .openapi(staffStep('Open the meeting: the agenda must be published, and not before its scheduled time (meeting_not_yet)', '/meetings/{id}/open'), async (c) => {
    const r = await openMeeting(c.get('ctx'), c.req.valid('param').id, c.get('auth')?.actor ?? null, actorOf(c, ['staff']));
    return r.ok ? c.json({ ok: true as const }, 200) : failure(c, r);
  })
  .openapi(
    staffStepWith(
      'Take attendance: the members present (by account id, from GET /meetings/{id}); every other member in office is recorded absent. Answers with the quorum.',
      '/meetings/{id}/attendance',
      z.strictObject({ present: z.array(z.string().min(1).max(64)).max(100) }),
    ),
    async (c) => {
      const r = await recordAttendance(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').present, c.get('auth')?.actor ?? null, actorOf(c, ['staff']));
      return r.ok ? c.json({ quorum: r.quorum }, 200) : failure(c, r);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/meetings/{id}/items/{itemId}/notes',
      tags: ['council'],
      summary: 'Record the proposer’s presentation and the discussion summary of an agenda item',
      request: { params: ItemParams, body: { content: { 'application/json': { schema: z.strictObject({ presentationNote: z.string().max(4000), discussionSummary: z.string().max(8000) }) } }, required: true } },
      responses: { 200: { description: 'Recorded', content: { 'application/json': { schema: Ok } } }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const r = await recordItemNotes(c.get('ctx'), p.id, p.itemId, c.req.valid('json'), c.get('auth')?.actor ?? null, actorOf(c, ['staff']));
      return r.ok ? c.json({ ok: true as const }, 200) : failure(c, r);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/meetings/{id}/items/{itemId}/votes',
      tags: ['council'],
      summary: 'Record present members’ votes on an item (staff: anyone present; a council member: only their own). Refused without quorum.',
      request: {
        params: ItemParams,
        body: { content: { 'application/json': { schema: z.strictObject({ votes: z.array(z.strictObject({ accountId: z.string().min(1).max(64), vote: z.enum(COUNCIL_VOTES) })).max(100) }) } }, required: true },
      },
      responses: { 200: { description: 'Recorded', content: { 'application/json': { schema: Ok } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const r = await recordVotes(c.get('ctx'), p.id, p.itemId, c.req.valid('json').votes, c.get('auth')?.actor ?? null, actorOf(c, ['staff', 'council_member']));
      return r.ok ? c.json({ ok: true as const }, 200) : failure(c, r);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/meetings/{id}/items/{itemId}/decide',
      tags: ['council'],
      summary: 'Decide an item once every present member has voted: the outcome is computed; adopted → public notice (refused over the remaining budget, naming the shortfall), otherwise rejected with the computed outcome as the published reason',
      request: { params: ItemParams },
      responses: { 200: { description: 'Decided', content: { 'application/json': { schema: JsonObject } } }, ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const r = await decideItem(c.get('ctx'), p.id, p.itemId, c.get('auth')?.actor ?? null, actorOf(c, ['staff']));
      return r.ok ? c.json({ outcome: r.outcome, reason: r.reason, tally: r.tally, projectState: r.projectState }, 200) : failure(c, r);
    },
  )
  .openapi(
    staffStepWith(
      'Close the meeting and publish its minutes. Every agenda item must be decided or carried over (`carryOver`: the project code and the reason, published with the meeting; the project stays under deliberation for a later agenda). Otherwise 409 undecided_items, whose message names each undecided item (code and title) and whose `fields` has `carryOver.<code>` → title for each; 422 not_undecided when a carry-over names an item that is not undecided on this agenda.',
      '/meetings/{id}/close',
      z.strictObject({
        minutes: z.string().trim().min(1).max(20000),
        carryOver: z.array(z.strictObject({ project: ProjectCode.shape.code, reason: z.string().trim().min(1).max(2000) })).max(50).optional(),
      }),
    ),
    async (c) => {
      const body = c.req.valid('json');
      const r = await closeMeeting(c.get('ctx'), c.req.valid('param').id, body.minutes, c.get('auth')?.actor ?? null, actorOf(c, ['staff']), body.carryOver ?? []);
      return r.ok ? c.json({ ok: true as const }, 200) : failure(c, r);
    },
  )
  .openapi(staffStepWith('Add an addendum to a closed meeting (the only way to correct it; logged)', '/meetings/{id}/addenda', z.strictObject({ body: z.string().trim().min(1).max(8000) })), async (c) => {
    const r = await addAddendum(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').body, c.get('auth')?.actor ?? null, actorOf(c, ['staff']));
    return r.ok ? c.json({ id: r.id }, 200) : failure(c, r);
  });
