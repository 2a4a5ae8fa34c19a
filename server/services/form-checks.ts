/**
 * @module Would the server accept this form from this person now? For every
 * kind of form the site's pages show (where it posts, and the hidden field
 * that picks the use case), the permission check the server applies when it
 * is sent: who may (roles for this place), and whether the world allows it
 * now (the project's state, the cycle's phase, the meeting's status). Field
 * contents are not checked: only whether the control should be there at all.
 *
 * Pages render a control only when its check passes, or show it disabled
 * with the reason; `POST /api/forms/check` answers the same question for the
 * browser test that visits every page as every role and asks it of every
 * form shown ("no page shows a control that its user would be refused"). A
 * form kind missing here answers `unknown_form`, so a new page's new form
 * fails that test until its check is declared.
 */
import { and, eq } from 'drizzle-orm';
import { agendaItems, comments, communities, meetings, notices, objections, projects, registerEntries } from '#db/schema.ts';
import type { AppContext } from '../context.ts';
import { reasonCannot, roleReason, type Actor, type Place } from '../domain/permissions.ts';
import { BARE_EVENTS, PROJECT_EVENTS, cycleRules, transition, type ProjectEvent } from '../domain/project-states.ts';
import { whyNotAnswer, whyNotObject } from '../domain/notice.ts';
import { whyNotPay } from '../domain/delivery.ts';
import { whyNotEditAgenda, whyNotInSession, whyNotOpen } from '../domain/meeting.ts';
import { getCommunity } from './catalog.ts';
import { listDistricts } from './rulebook-admin.ts';
import { loadProjectForStep, staffReason, placeOfCommunity } from './council.ts';
import { canSee, loadCycleBundle, whyCannotEdit, whyCannotPropose } from './proposals.ts';
import { whyCannotReply } from './comments.ts';
import { deliveryActions, loadProject, paymentStanding } from './delivery.ts';
import { voterView } from './ballots.ts';
import { getNotice } from './notices.ts';
import { forwardView, whyCannotDecidePhaseRequest } from './cycles.ts';
import { whyCannotCloseAccount } from './account-closure.ts';

/** A form as a page shows it: the path it posts to, and its fields' values (hidden ones and the submit button's). */
export type ShownForm = { action: string; fields: Record<string, string> };

export type FormCheck = { known: false } | { known: true; reason: string | null };

type Check = (ctx: AppContext, actor: Actor, params: Record<string, string>, fields: Record<string, string>) => Promise<string | null>;

/** One kind of form: its route (`:name` segments), the field that picks the use case and its value, and the check. */
type FormKind = { route: string; field?: string; value?: string; check: Check };

const signedIn: Check = async (_ctx, actor) => (actor === null ? 'not_signed_in' : null);
const anyone: Check = async () => null;

/** A project this person can see (a draft only its proposer, or for a paper form its staff), with its place, rulebook and phase. */
async function project(ctx: AppContext, code: string, actor: Actor) {
  const row = (await ctx.database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, code)).limit(1))[0];
  const loaded = row ? await loadProjectForStep(ctx.database.db, row.id, ctx.now()) : null;
  return loaded && canSee(loaded.project, loaded.place, actor) ? loaded : null;
}

type SeenProject = NonNullable<Awaited<ReturnType<typeof project>>>;

/** A check on the project in the path (`:code`): `not_found` when there is none this person can see. */
function onProject(check: (ctx: AppContext, actor: Actor, l: SeenProject, fields: Record<string, string>) => Promise<string | null> | string | null): Check {
  return async (ctx, actor, params, fields) => {
    const l = await project(ctx, params.code!, actor);
    return l ? check(ctx, actor, l, fields) : 'not_found';
  };
}

async function projectStep(ctx: AppContext, actor: Actor, code: string, event: string): Promise<string | null> {
  if (!(PROJECT_EVENTS as readonly string[]).includes(event)) return 'unknown_event';
  if (!BARE_EVENTS.has(event as ProjectEvent)) return 'decided_elsewhere';
  const l = await project(ctx, code, actor);
  if (!l) return 'not_found';
  const r = transition(
    { state: l.project.state, proposerAccountId: l.project.proposerAccountId, proposerType: l.project.proposerType, ...l.place },
    event as ProjectEvent,
    actor,
    { reason: 'x', ...cycleRules(l.rulebook), phase: l.phase },
  );
  return r.ok ? null : r.reason;
}

async function community(ctx: AppContext, slug: string) {
  return getCommunity(ctx.database, slug, ctx.now());
}

async function meeting(ctx: AppContext, id: string) {
  const m = (await ctx.database.db.select().from(meetings).where(eq(meetings.id, id)).limit(1))[0];
  if (!m) return null;
  return { m, place: (await placeOfCommunity(ctx.database.db, m.communityId)) as Place };
}

/** Staff of this meeting's community, and the meeting in one of `statuses`. */
function meetingStep(statuses: readonly string[], extra?: (m: typeof meetings.$inferSelect) => string | null): Check {
  return async (ctx, actor, params) => {
    const l = await meeting(ctx, params.id!);
    if (!l) return 'not_found';
    const who = staffReason(actor, l.place);
    if (who) return who;
    if (!statuses.includes(l.m.status)) return l.m.status === 'closed' ? 'meeting_closed' : 'meeting_not_open';
    return extra ? extra(l.m) : null;
  };
}

async function deliveryCan(ctx: AppContext, actor: Actor, params: Record<string, string>) {
  const c = await community(ctx, params.slug!);
  const loaded = c ? await loadProject(ctx.database.db, { code: params.code! }, ctx.now()) : null;
  if (!c || !loaded || loaded.project.communityId !== c.id) return null;
  const agreement = await paymentStanding(ctx.database.db, loaded.project.id);
  return { loaded, agreement, can: deliveryActions(loaded, agreement, actor), place: c.place };
}

function delivery(step: keyof ReturnType<typeof deliveryActions>): Check {
  return async (ctx, actor, params) => {
    const d = await deliveryCan(ctx, actor, params);
    if (!d) return 'not_found';
    if (actor === null) return 'not_signed_in';
    const who = roleReason(actor, ['staff'], d.place);
    if (who) return who;
    if (d.can[step]) return null;
    // Nothing left to pay: the service's own refusal.
    return step === 'payment' && d.agreement && whyNotPay(d.agreement.agreedFen, d.agreement.paidFen) ? 'fully_paid' : 'wrong_state';
  };
}

function auditorStep(): Check {
  return async (ctx, actor, params) => {
    const c = await community(ctx, params.slug!);
    if (!c) return 'not_found';
    return reasonCannot('record_audit_finding', { area: c.place }, actor);
  };
}

/** The place-wide staff pages: the person must hold one of these roles for the community. */
function staffPage(action: 'enter_paper' | 'review_ballot_import' | 'verify_residents' | 'import_register' | 'manage_phases'): Check {
  return async (ctx, actor, params) => {
    const c = await community(ctx, params.slug!);
    if (!c) return 'not_found';
    return reasonCannot(action, { area: c.place }, actor);
  };
}

/** Staff of the community in the path. */
const communityStaff: Check = async (ctx, actor, params) => {
  const c = await community(ctx, params.slug!);
  return c ? staffReason(actor, c.place) : 'not_found';
};

/** A project page's form whose permission is the action of the same name, on the project's place and state. */
function projectIntent(action: 'comment' | 'rate'): FormKind {
  return {
    route: '/projects/:code', field: 'intent', value: action,
    check: onProject((_ctx, actor, l) => reasonCannot(action, { area: l.place, projectState: l.project.state }, actor)),
  };
}

export const FORM_KINDS: readonly FormKind[] = [
  // Everyone's: the language switch, signing in and out, accounts, receipts.
  { route: '/lang', check: anyone },
  { route: '/display', check: anyone },
  { route: '/signin', check: anyone },
  { route: '/signup', check: anyone },
  { route: '/receipts', check: anyone },
  { route: '/signout', check: signedIn },
  { route: '/account', check: signedIn },
  { route: '/verify', check: signedIn },
  { route: '/notifications', check: signedIn },
  // 我的信息: correcting one's own account and register entry, closing the account.
  { route: '/account/data', field: 'intent', value: 'details', check: signedIn },
  {
    route: '/account/data', field: 'intent', value: 'residency',
    check: async (ctx, actor, _p, f) => {
      if (actor === null || actor.system) return 'not_signed_in';
      const mine = await ctx.database.db
        .select({ id: registerEntries.id })
        .from(registerEntries)
        .innerJoin(communities, eq(communities.id, registerEntries.communityId))
        .where(and(eq(communities.slug, f.community ?? ''), eq(registerEntries.claimedByAccountId, actor.accountId)))
        .limit(1);
      return mine.length ? null : 'not_resident_of_community';
    },
  },
  {
    route: '/account/data', field: 'intent', value: 'close',
    check: async (ctx, actor) => (actor === null || actor.system ? 'not_signed_in' : whyCannotCloseAccount(ctx, actor.accountId)),
  },

  // A project's page.
  ...PROJECT_EVENTS.map((e): FormKind => ({ route: '/projects/:code', field: 'event', value: e, check: (ctx, actor, p) => projectStep(ctx, actor, p.code!, e) })),
  projectIntent('comment'),
  {
    route: '/projects/:code', field: 'intent', value: 'reply_comment',
    check: onProject((_ctx, actor, l) => whyCannotReply({ state: l.project.state, place: l.place }, actor)),
  },
  {
    route: '/projects/:code', field: 'intent', value: 'hide_comment',
    check: onProject(async (ctx, actor, l, f) => {
      const who = staffReason(actor, l.place);
      if (who) return who;
      const c = (await ctx.database.db.select({ hiddenAt: comments.hiddenAt }).from(comments).where(and(eq(comments.id, f.commentId ?? ''), eq(comments.projectId, l.project.id))))[0];
      if (!c) return 'not_found';
      return c.hiddenAt ? 'already_hidden' : null;
    }),
  },
  projectIntent('rate'),
  // The council's part of a project page.
  {
    route: '/projects/:code/council', field: 'action', value: 'opinion',
    check: onProject((_ctx, actor, l) => reasonCannot('record_screening_opinion', { area: l.place, projectState: l.project.state, phase: l.phase }, actor)),
  },
  {
    route: '/projects/:code/council', field: 'action', value: 'objection',
    check: onProject(async (ctx, actor, l) => {
      const who = reasonCannot('object', { area: l.place, projectState: l.project.state, phase: l.phase }, actor);
      if (who) return who;
      const n = await getNotice(ctx.database.db, l.project.id, ctx.now(), actor!.accountId);
      if (!n) return 'wrong_state';
      return whyNotObject(n, n.objections.filter((o) => o.mine).map((o) => o.status), ctx.now());
    }),
  },
  {
    route: '/projects/:code/council', field: 'action', value: 'answer',
    check: onProject(async (ctx, actor, l, f) => {
      const who = staffReason(actor, l.place);
      if (who) return who;
      const o = (await ctx.database.db.select().from(objections).where(and(eq(objections.id, f.objection ?? ''), eq(objections.projectId, l.project.id))))[0];
      if (!o) return 'not_found';
      const n = (await ctx.database.db.select().from(notices).where(eq(notices.id, o.noticeId)))[0]!;
      return whyNotAnswer(n, o.status);
    }),
  },
  // A draft's own page.
  ...(['save', 'remove'] as const).map((intent): FormKind => ({
    route: '/projects/:code/edit', field: 'intent', value: intent,
    check: onProject((_ctx, actor, l) => whyCannotEdit(l.project, l.place, l.phase, actor)),
  })),
  { route: '/projects/:code/edit', field: 'intent', value: 'submit', check: (ctx, actor, p) => projectStep(ctx, actor, p.code!, 'submit') },
  { route: '/projects/:code/edit', field: 'intent', value: 'withdraw', check: (ctx, actor, p) => projectStep(ctx, actor, p.code!, 'withdraw') },
  // Proposing, and the resident vote.
  ...(['save', 'submit'] as const).map((intent): FormKind => ({
    route: '/cycles/:id/propose', field: 'intent', value: intent,
    check: async (ctx, actor, p) => {
      const b = await loadCycleBundle(ctx, p.id!);
      return b ? whyCannotPropose(b, actor) : 'not_found';
    },
  })),
  {
    route: '/cycles/:id/vote',
    check: async (ctx, actor, p) => {
      const v = await voterView(ctx, p.id!, actor);
      return v ? v.why : 'not_found';
    },
  },
  // A council member's vote at an open meeting.
  {
    route: '/meetings/:id',
    check: async (ctx, actor, p, f) => {
      const l = await meeting(ctx, p.id!);
      if (!l) return 'not_found';
      const it = (await ctx.database.db.select().from(agendaItems).where(and(eq(agendaItems.id, f.item ?? ''), eq(agendaItems.meetingId, l.m.id))))[0];
      if (!it) return 'not_found';
      const who = reasonCannot('cast_council_vote', { area: l.place, projectState: 'under_deliberation' }, actor);
      if (who) return who;
      return whyNotInSession(l.m.status) ?? (it.outcome !== null ? 'item_decided' : null);
    },
  },

  // Staff desks of a community.
  { route: '/staff/:slug', check: staffPage('import_register') },
  // Opening the next phase: the staff's right, and the world's (not past public notice while a project is on notice).
  {
    route: '/staff/:slug/phase', field: 'move', value: 'forward',
    check: async (ctx, actor, p, f) => {
      const who = await staffPage('manage_phases')(ctx, actor, p, f);
      if (who) return who;
      const next = await forwardView(ctx, f.cycle ?? '');
      if (!next) return 'not_found';
      return next.next === null ? 'unknown_phase' : (next.held?.code ?? null);
    },
  },
  // Extending the open phase, asking to move back or skip; and an older control's form without `move` (a step forward).
  { route: '/staff/:slug/phase', field: 'move', value: 'extend', check: staffPage('manage_phases') },
  { route: '/staff/:slug/phase', field: 'move', value: 'request', check: staffPage('manage_phases') },
  { route: '/staff/:slug/phase', check: staffPage('manage_phases') },
  // A street or district officer confirms or declines a request to move a cycle back or skip a phase (not their own).
  { route: '/staff/phase-requests/:id', check: (ctx, actor, p, f) => whyCannotDecidePhaseRequest(ctx, p.id!, actor, f.decision) },
  { route: '/staff/:slug/paper-ballots', check: staffPage('enter_paper') },
  {
    route: '/staff/:slug/paper-proposal',
    check: async (ctx, actor, p) => {
      const c = await community(ctx, p.slug!);
      if (!c) return 'not_found';
      const current = c.cycles.find((x) => x.phase === 'collection') ?? c.cycles[0];
      const b = current ? await loadCycleBundle(ctx, current.id) : null;
      return b ? whyCannotPropose(b, actor, true) : 'wrong_phase';
    },
  },
  // A community's council terms: adding one, ending one.
  ...(['add', 'end'] as const).map((action): FormKind => ({ route: '/staff/:slug/council', field: 'action', value: action, check: communityStaff })),
  {
    route: '/staff/:slug/screening', field: 'action', value: 'opinion',
    check: async (ctx, actor, p, f) => {
      const l = await loadProjectForStep(ctx.database.db, f.project ?? '', ctx.now());
      const c = await community(ctx, p.slug!);
      if (!l || !c || l.project.communityId !== c.id) return 'not_found';
      return reasonCannot('record_screening_opinion', { area: l.place, projectState: l.project.state, phase: l.phase }, actor);
    },
  },
  {
    route: '/staff/:slug/screening', field: 'action', value: 'screen',
    check: async (ctx, actor, p, f) => {
      const c = await community(ctx, p.slug!);
      const l = await loadProjectForStep(ctx.database.db, f.project ?? '', ctx.now());
      if (!c || !l || l.project.communityId !== c.id) return 'not_found';
      // The page's two buttons: decision=in or out.
      return projectStep(ctx, actor, l.project.code, f.decision === 'out' ? 'screen_out' : 'screen_in');
    },
  },
  {
    route: '/staff/:slug/screening', field: 'action', value: 'send',
    check: communityStaff,
  },
  ...(['agenda', 'publish'] as const).map((action): FormKind => ({
    route: '/staff/:slug/meetings/:id', field: 'action', value: action,
    check: meetingStep(['scheduled', 'open'], (m) => whyNotEditAgenda({ status: m.status, agendaPublished: m.agendaPublishedAt !== null })),
  })),
  {
    route: '/staff/:slug/meetings/:id', field: 'action', value: 'open',
    check: async (ctx, actor, p, f) => {
      const who = await meetingStep(['scheduled', 'open', 'closed'])(ctx, actor, p, f);
      if (who) return who;
      const m = (await meeting(ctx, p.id!))!.m;
      return whyNotOpen({ status: m.status, agendaPublished: m.agendaPublishedAt !== null, scheduledAt: m.scheduledAt }, ctx.now());
    },
  },
  ...(['attendance', 'notes', 'votes', 'decide', 'close'] as const).map((action): FormKind => ({ route: '/staff/:slug/meetings/:id', field: 'action', value: action, check: meetingStep(['open']) })),
  { route: '/staff/:slug/meetings/:id', field: 'action', value: 'addendum', check: meetingStep(['closed']) },
  {
    route: '/staff/:slug/meetings',
    check: communityStaff,
  },
  { route: '/staff/:slug/delivery/:code', field: 'intent', value: 'agreement', check: delivery('recordAgreement') },
  { route: '/staff/:slug/delivery/:code', field: 'intent', value: 'amend', check: delivery('amendAgreement') },
  { route: '/staff/:slug/delivery/:code', field: 'intent', value: 'start', check: delivery('start') },
  { route: '/staff/:slug/delivery/:code', field: 'intent', value: 'progress', check: delivery('progress') },
  { route: '/staff/:slug/delivery/:code', field: 'intent', value: 'payment', check: delivery('payment') },
  { route: '/staff/:slug/delivery/:code', field: 'intent', value: 'acceptance', check: delivery('acceptance') },
  { route: '/staff/:slug/delivery/:code', field: 'intent', value: 'resume', check: delivery('resume') },
  { route: '/staff/:slug/delivery/:code', field: 'intent', value: 'close_survey', check: delivery('closeSurvey') },
  { route: '/staff/:slug/delivery/:code', field: 'intent', value: 'archive', check: delivery('archive') },
  { route: '/staff/:slug/delivery/:code', field: 'intent', value: 'finding', check: auditorStep() },
  { route: '/staff/:slug/delivery/:code', field: 'intent', value: 'audit', check: auditorStep() },
  { route: '/staff/:slug/delivery/import', field: 'action', value: 'upload', check: staffPage('enter_paper') },
  { route: '/staff/:slug/delivery/import', field: 'action', value: 'review', check: staffPage('review_ballot_import') },
  // A district's rulebooks.
  ...(['bind', 'create'] as const).map((action): FormKind => ({
    route: '/staff/rulebooks', field: 'action', value: action,
    // Without ?district= the page shows the officer's own district, else the first.
    check: async (ctx, actor, _p, f) => {
      const own = actor?.assignments.find((a) => a.role === 'officer' && a.scope.kind === 'district')?.scope.id;
      const districtId = f.district ?? own ?? (await listDistricts(ctx.database.db))[0]?.id ?? '';
      return reasonCannot('set_rulebook', { area: { districtId } }, actor);
    },
  })),
];

function match(route: string, path: string): Record<string, string> | null {
  const r = route.split('/');
  const s = path.split('/');
  if (r.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < r.length; i++) {
    if (r[i]!.startsWith(':')) {
      if (s[i] === '') return null;
      const value = decoded(s[i]!);
      if (value === null) return null;
      params[r[i]!.slice(1)] = value;
    } else if (r[i] !== s[i]) return null;
  }
  return params;
}

/** A path segment's text, or null when its %-escapes are not UTF-8 (no form has such a path). */
function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The form's address on this site, or null when it names no path here (`//host`, `/\\host`). */
function onSite(action: string): URL | null {
  try {
    const url = new URL(action, 'http://x');
    return url.host === 'x' ? url : null;
  } catch {
    return null;
  }
}

/** The server's permission check for a form as shown: `known: false` when no such form kind is declared. */
export async function checkForm(ctx: AppContext, actor: Actor, form: ShownForm): Promise<FormCheck> {
  const url = onSite(form.action);
  if (!url) return { known: false };
  const path = url.pathname.replace(/\/$/, '') || '/';
  const fields = { ...Object.fromEntries(url.searchParams), ...form.fields };
  // The most specific route wins: /staff/rulebooks before /staff/:slug.
  let best: { kind: FormKind; params: Record<string, string>; vars: number } | null = null;
  for (const kind of FORM_KINDS) {
    const params = match(kind.route, path);
    if (!params) continue;
    if (kind.field !== undefined && fields[kind.field] !== kind.value) continue;
    const vars = Object.keys(params).length;
    if (!best || vars < best.vars) best = { kind, params, vars };
  }
  if (!best) return { known: false };
  return { known: true, reason: await best.kind.check(ctx, actor, best.params, fields) };
}
