/**
 * @module Who may call which API route: the expected outcome for every route
 * of the OpenAPI document (keyed "METHOD /api/path") and every role of
 * tests/security/world.ts. server/security/authorization.test.ts sends each request and
 * fails on a route missing here, on an entry without a route, and on any
 * outcome that differs.
 *
 * Outcomes: 'allow' — the role gets past every permission check (2xx, or a
 * 4xx that is not about who they are: 400/404/409/422/429); 401 / 403 — the
 * exact denial; 404 — the thing is hidden from this role (a draft is private
 * to its proposer), which is also a denial.
 *
 * Each entry says which community the request is about (`place`, picking who
 * plays "resident", "staff" …, see CAST), the concrete URL and body, and may
 * set things up first in its own copy of the world (a meeting in the right
 * state, a draft, an objection), so that the role is the only reason for a
 * refusal.
 *
 * A route only some people may use also says how its subject can be in a
 * state that refuses the step (`refusedStates`: a meeting already closed, a
 * project past that step, a cycle in another phase), or why nothing about
 * its subject ever refuses it (`stateless`). People of another community,
 * street or district are then asked in every state, and must get 403 for the
 * same reason in each: who may act on a place is checked before the state of
 * anything there, so a refusal never tells an outsider what state it is in.
 */
import { eq } from 'drizzle-orm';
import { councilTerms, cycles, projects, rulebooks } from '#db/schema.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { DEFAULT_RULEBOOK_SETTINGS } from '#domain/rulebook.ts';
import type { CyclePhase } from '#domain/cycle-phases.ts';
import { addRulebookVersion } from '#services/rulebooks.ts';
import { SYSTEM_AUDIT_ACTOR } from '#services/audit.ts';
import { importBallotsPb, reviewBallotImport } from '#services/ballot-imports.ts';
import { createProposal, addAttachments } from '#services/proposals.ts';
import { addComment, hideComment } from '#services/comments.ts';
import { castBallot } from '#services/ballots.ts';
import { answerObjection, closeDueNotices, lodgeObjection } from '#services/notices.ts';
import { closeSurvey, recordAcceptance, recordAgreement } from '#services/delivery.ts';
import { completeAudit } from '#services/findings.ts';
import { decidePhaseRequest, extendPhase, pendingRequestOf, requestPhaseChange, setCyclePhase } from '#services/cycles.ts';
import { addTerm, endTerm } from '#services/council.ts';
import { applyProjectEvent } from '#services/projects.ts';
import { decideItem, getMeeting, openMeeting, publishAgenda, recordAttendance, recordVotes, scheduleMeeting } from '#services/meetings.ts';
import { NOW, type PlaceName, type Role, type World } from './world.ts';

export type Outcome = 'allow' | 401 | 403 | 404;
export type Expectation = Record<Role, Outcome>;

type Params = Record<string, string>;
export type Entry = {
  place: PlaceName;
  /** Objects this route needs, made in this route's own copy of the world. */
  setup?: (w: World) => Promise<Params>;
  /** The concrete URL (defaults to the key's path with `params` filled in). */
  params?: Params;
  /** A JSON body, or a function making one (or a FormData) for this world, these params and this caller. */
  body?: Record<string, unknown> | ((w: World, p: Params, username: string | null) => unknown);
  headers?: (role: Role) => Record<string, string>;
  expect: Expectation;
  /** Why the expectation is what it is, where it is not obvious. */
  note?: string;
  /** Why no role gets a 2xx here (otherwise the test wants at least one). */
  noSuccess?: string;
  /**
   * For a route only some people may use: set-ups (each in a fresh copy of the
   * world) that leave its subject in a state in which even those people are
   * refused (409/422) — `what` says which.
   */
  refusedStates?: { what: string; setup: (w: World) => Promise<Params> }[];
  /** Instead of `refusedStates`: why no state of the subject ever refuses this step. */
  stateless?: string;
};

// --- expectations ---------------------------------------------------------

const row = (o: Partial<Expectation> & { rest: Outcome }): Expectation => ({
  anonymous: o.anonymous ?? o.rest,
  other: o.other ?? o.rest,
  resident: o.resident ?? o.rest,
  council: o.council ?? o.rest,
  staff: o.staff ?? o.rest,
  officer: o.officer ?? o.rest,
  auditor: o.auditor ?? o.rest,
});
/** Anyone, signed in or not. */
const PUBLIC = row({ rest: 'allow' });
/** Anyone signed in. */
const SIGNED_IN = row({ anonymous: 401, rest: 'allow' });
/** Verified residents of the place (a council member is one too). */
const RESIDENTS = row({ anonymous: 401, rest: 403, resident: 'allow', council: 'allow' });
/** Staff of the place's community workstation. */
const STAFF = row({ anonymous: 401, rest: 403, staff: 'allow' });
/** The place's office: its staff and the members of its council (官方回复). */
const OFFICE = row({ anonymous: 401, rest: 403, staff: 'allow', council: 'allow' });
const STAFF_OR_OFFICER = row({ anonymous: 401, rest: 403, staff: 'allow', officer: 'allow' });
const AUDIT = row({ anonymous: 401, rest: 403, auditor: 'allow', officer: 'allow' });
/** The district officer only (rulebooks). */
const OFFICER = row({ anonymous: 401, rest: 403, officer: 'allow' });
/** A resident's own draft: hidden (404) from everyone else; changing it needs signing in first (401). */
const PROPOSER = row({ anonymous: 401, rest: 404, resident: 'allow' });
/** Reading a draft: hidden from everyone but its proposer, the public included. */
const PROPOSER_READ = row({ rest: 404, resident: 'allow' });

// --- things to act on -----------------------------------------------------

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0d, 0x0a, 0x2d, 0xb4, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const PROPOSAL = { title: '楼道声控灯更换', category: 'goods', theme: 'care', description: '更换楼道里损坏的声控灯。', address: '莲花社区 3 栋', estimatedCost: '30000', beneficiaries: '3 栋居民', beneficiaryCount: 120 };
/** A pabulib file with one approval ballot for one of 仙湖's projects (ids are project codes). */
const PB_FILE = ['META', 'key;value', 'description;test', 'country;China', 'unit;仙湖社区', 'instance;2026', 'num_projects;1', 'num_votes;1', 'budget;1000000', 'vote_type;approval', 'rule;greedy', 'PROJECTS', 'project_id;cost;name', 'LTJD-XHSQ-2026-01;100000;x', 'VOTES', 'voter_id;vote', 'XHSQ-0001;LTJD-XHSQ-2026-01', ''].join('\n');
const AGREEMENT_INPUT = { implementerName: '深圳市某某工程有限公司', implementerType: 'contractor' as const, registrationNo: '91440300MA5XXXXXXX', implementerRating: null, agreementDate: '2026-06-05', agreedAmountFen: 3_000_000, plannedStart: '2026-06-10', plannedEnd: '2026-08-10' };
const AGREEMENT = { implementerName: '深圳市某某工程有限公司', implementerType: 'contractor', registrationNo: '91440300MA5XXXXXXX', agreementDate: '2026-06-05', agreedAmount: '30000', plannedStart: '2026-06-10', plannedEnd: '2026-08-10' };

async function projectId(w: World, code: string) {
  return (await w.ctx.database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, code)))[0]!.id;
}

/** A draft proposal of resident_lt in 莲花's collecting cycle, with one photo. */
async function draft(w: World): Promise<Params> {
  const me = await w.person('resident_lt');
  const r = await createProposal(w.ctx, { cycleId: 'cy-lianhua-2026', fields: PROPOSAL }, me.actor, me.audit);
  if (!r.ok) throw new Error(`setup draft: ${r.code}`);
  const a = await addAttachments(w.ctx, r.code, [{ name: 'photo.png', bytes: PNG }], me.actor, me.audit);
  if (!a.ok) throw new Error(`setup attachment: ${a.code}`);
  return { code: r.code, attachmentId: a.ids[0]!, id: a.ids[0]! };
}

/** A meeting of 笋西's council on the 2025 cycle about a project under deliberation, taken as far as `stage`. */
async function meeting(w: World, stage: 'scheduled' | 'published' | 'opened' | 'attended' | 'voted'): Promise<Params> {
  const staff = await w.person('staff_sx');
  // At midnight today (China): a meeting opens at its scheduled time, not before, and this one must be open to take its steps.
  const s = await scheduleMeeting(w.ctx, 'cy-sunxi-2025', { title: '议事会会议（测试）', scheduledAt: `${TODAY}T00:00`, place: '三楼会议室', agenda: ['SGJD-SXSQ-2025-03'] }, staff.actor, staff.audit);
  if (!s.ok) throw new Error(`setup meeting: ${s.code}`);
  if (stage !== 'scheduled') await publishAgenda(w.ctx, s.id, staff.actor, staff.audit);
  if (stage === 'opened' || stage === 'attended' || stage === 'voted') await openMeeting(w.ctx, s.id, staff.actor, staff.audit);
  const view = (await getMeeting(w.ctx, s.id))!;
  if (stage === 'attended' || stage === 'voted') {
    const r = await recordAttendance(w.ctx, s.id, view.members.map((m) => m.accountId), staff.actor, staff.audit);
    if (!r.ok) throw new Error(`setup attendance: ${r.code}`);
  }
  if (stage === 'voted') {
    const r = await recordVotes(w.ctx, s.id, view.items[0]!.id, view.members.map((m) => ({ accountId: m.accountId, vote: 'for' as const })), staff.actor, staff.audit);
    if (!r.ok) throw new Error(`setup votes: ${r.code}`);
  }
  return { id: s.id, itemId: view.items[0]!.id, members: view.members.map((m) => m.accountId).join(',') };
}

/** 仙湖's vote is held offline (a new rulebook version says so) and has closed: ballots may be imported. */
async function offlineVoteClosed(w: World) {
  const rb = await w.ctx.database.write((tx) =>
    addRulebookVersion(tx, { districtId: 'd-lh', year: 2026, settings: { ...DEFAULT_RULEBOOK_SETTINGS, vote: { method: 'approval', maxChoices: 5, held: 'elsewhere' } }, actor: SYSTEM_AUDIT_ACTOR, at: new Date() }),
  );
  await w.ctx.database.write((tx) => tx.update(cycles).set({ rulebookId: rb.id, openPhase: 'deliberation' }).where(eq(cycles.id, 'cy-xianhu-2026')));
}

/** A file of 仙湖's offline vote uploaded by staff2_xh, stored and waiting for a second person. */
async function pendingImport(w: World): Promise<Params> {
  await offlineVoteClosed(w);
  const uploader = await w.person('staff2_xh');
  const r = await importBallotsPb(w.ctx, 'cy-xianhu-2026', { name: 'votes.pb', text: PB_FILE }, { actor: uploader.actor, auditActor: uploader.audit });
  if (!r.ok) throw new Error(`setup import: ${r.code}`);
  await r.done;
  return { id: r.importId };
}

/** The council fixture's project whose notice period has ended: the clock approves it. */
async function approved(w: World): Promise<Params> {
  await closeDueNotices(w.ctx, NOW);
  const r = await w.ctx.database.client.execute("select code from projects where state = 'approved' and cycle_id = 'cy-sunxi-2025' limit 1");
  return { code: String(r.rows[0]!.code) };
}

/** A closed meeting of the council fixture (its minutes are published). */
async function closedMeeting(w: World): Promise<Params> {
  const r = await w.ctx.database.client.execute("select id from meetings where status = 'closed' limit 1");
  return { id: String(r.rows[0]!.id) };
}

/** The meeting above, also decided: its project has left deliberation for public notice. */
async function decidedMeeting(w: World): Promise<Params> {
  const p = await meeting(w, 'voted');
  const staff = await w.person('staff_sx');
  const r = await decideItem(w.ctx, p.id!, p.itemId!, staff.actor, staff.audit);
  if (!r.ok) throw new Error(`setup decide: ${r.code}`);
  return p;
}

/** 莲花's 2026 cycle and another 2026 rulebook of the district to bind it to. */
async function otherRulebook(w: World): Promise<Params> {
  const r = await w.ctx.database.client.execute("select id from rulebooks where year = 2026 and id <> (select rulebook_id from cycles where id = 'cy-lianhua-2026') limit 1");
  return { id: 'cy-lianhua-2026', rulebookId: String(r.rows[0]!.id) };
}

/** A comment of resident_xh on a published project of 仙湖. */
async function residentComment(w: World): Promise<Params> {
  const me = await w.person('resident_xh');
  const r = await addComment(w.ctx, await projectId(w, 'LTJD-XHSQ-2026-01'), '一条评论', me.actor, me.audit);
  if (!r.ok) throw new Error(`setup comment: ${r.code}`);
  return { id: r.id };
}

/** Staff move a cycle to another phase: the next one directly; a step back or a skip through a request the district officer confirms. */
async function inPhase(w: World, cycleId: string, to: CyclePhase, staff: string): Promise<Params> {
  const me = await w.person(staff);
  const r = await setCyclePhase(w.ctx, cycleId, to, me.actor, me.audit, { reason: '（测试）提前开启下一阶段' });
  if (r.ok) return { id: cycleId };
  if (r.code !== 'needs_confirmation') throw new Error(`setup phase ${to}: ${r.code}`);
  const officer = await w.person('officer');
  // A request already waiting (the demo's, in 仙湖) is declined first.
  const waiting = await pendingRequestOf(w.ctx, cycleId);
  if (waiting) await decidePhaseRequest(w.ctx, waiting.id, { decision: 'decline', note: '（测试）' }, officer.actor, officer.audit);
  const asked = await requestPhaseChange(w.ctx, cycleId, { to, reason: '（测试）调整阶段', endsOn: '2099-12-31' }, me.actor, me.audit);
  if (!asked.ok) throw new Error(`setup phase request ${to}: ${asked.code}`);
  const d = await decidePhaseRequest(w.ctx, asked.id, { decision: 'confirm' }, officer.actor, officer.audit);
  if (!d.ok) throw new Error(`setup phase confirm ${to}: ${d.code}`);
  return { id: cycleId };
}

/** Staff extend the open phase of a cycle to `endsOn`. */
async function extended(w: World, cycleId: string, endsOn: string): Promise<Params> {
  const me = await w.person('staff_lt');
  const r = await extendPhase(w.ctx, cycleId, { endsOn, reason: '延长（测试）' }, me.actor, me.audit);
  if (!r.ok) throw new Error(`setup extension: ${r.code}`);
  return { id: cycleId };
}

/** 莲花's staff ask to skip screening; `decided` has the street officer decline it first. */
async function phaseRequest(w: World, decided?: 'decline'): Promise<string> {
  const me = await w.person('staff_lt');
  const r = await requestPhaseChange(w.ctx, 'cy-lianhua-2026', { to: 'deliberation', reason: '跳过初审（测试）' }, me.actor, me.audit);
  if (!r.ok) throw new Error(`setup phase request: ${r.code}`);
  if (decided) {
    const officer = await w.person('street_lt');
    const d = await decidePhaseRequest(w.ctx, r.id, { decision: decided, note: '不同意（测试）' }, officer.actor, officer.audit);
    if (!d.ok) throw new Error(`setup phase request decision: ${d.code}`);
  }
  return r.id;
}

/** A 2025 cycle of 仙湖 under the council fixture's rulebook, which has no resident vote. */
async function xianhuWithoutVote(w: World): Promise<Params> {
  const rb = (await w.ctx.database.db.select({ id: cycles.rulebookId }).from(cycles).where(eq(cycles.id, 'cy-sunxi-2025')))[0]!.id;
  await w.ctx.database.db.insert(cycles).values({ id: 'cy-xianhu-2025', communityId: 'c-xianhu', year: 2025, rulebookId: rb, titleZh: '仙湖社区 2025 年度（测试）', titleEn: 'Xianhu 2025 (test)', budgetFen: 100_000_000, openPhase: 'deliberation', createdAt: NOW });
  return { id: 'cy-xianhu-2025' };
}

/** Take a project a step on, as its community's staff (or the district officer, for screening). */
async function stepped(w: World, code: string, event: 'screen_in'): Promise<Params> {
  const officer = await w.person('officer');
  const r = await applyProjectEvent(w.ctx.database, { projectId: await projectId(w, code), event }, officer.actor, officer.audit, NOW);
  if (!r.ok) throw new Error(`setup ${event}: ${r.code}`);
  return { code };
}

/** 笋西's 2026-01, in progress, after an acceptance inspection (`pass` → accepted; `fail` → acceptance failed). */
async function inspected(w: World, result: 'pass' | 'fail'): Promise<Params> {
  const staff = await w.person('staff_sx');
  const r = await recordAcceptance(w.ctx, await projectId(w, 'SGJD-SXSQ-2026-01'), { result, acceptedOn: TODAY, inspector: '验收人', notes: result === 'fail' ? '扶手未安装牢固' : '' }, { actor: staff.actor, auditActor: staff.audit });
  if (!r.ok) throw new Error(`setup acceptance: ${r.code}`);
  return { code: 'SGJD-SXSQ-2026-01' };
}

/** A project whose state every delivery step but auditing and archiving refuses: 2024-04, evaluated. */
const EVALUATED = { what: 'the project is evaluated (delivery is over)', setup: async () => ({ code: 'SGJD-SXSQ-2024-04' }) };
/** A project still in public notice: nothing may be recorded about its delivery yet. */
const IN_NOTICE = { what: 'the project is still in public notice', setup: async () => ({ code: 'SGJD-SXSQ-2025-05' }) };

// --- the table ------------------------------------------------------------

export const ACCESS: Record<string, Entry> = {
  'GET /api/health': { place: 'xianhu', expect: PUBLIC },
  'GET /api/audit': { place: 'xianhu', expect: PUBLIC },
  'GET /api/audit.ndjson': { place: 'xianhu', expect: PUBLIC },
  'GET /api/audit/key': { place: 'xianhu', expect: PUBLIC },
  'GET /api/audit/checkpoints': { place: 'xianhu', expect: PUBLIC },
  'GET /api/communities': { place: 'xianhu', expect: PUBLIC },
  'GET /api/communities/{slug}': { place: 'xianhu', params: { slug: 'xianhu' }, expect: PUBLIC },
  'GET /api/communities/{slug}/council': { place: 'sunxi', params: { slug: 'sunxi' }, expect: PUBLIC },
  'GET /api/communities/{slug}/meetings': { place: 'sunxi', params: { slug: 'sunxi' }, expect: PUBLIC },
  'GET /api/cycles/{id}': { place: 'xianhu', params: { id: 'cy-xianhu-2026' }, expect: PUBLIC },
  'GET /api/cycles/{id}/ballot': { place: 'xianhu', params: { id: 'cy-xianhu-2026' }, expect: PUBLIC },
  'GET /api/cycles/{id}/ballots.pb': { place: 'sunxi', params: { id: 'cy-sunxi-2024' }, expect: PUBLIC },
  'GET /api/cycles/{id}/counted-receipts.txt': { place: 'sunxi', params: { id: 'cy-sunxi-2024' }, expect: PUBLIC },
  'GET /api/cycles/{id}/findings': { place: 'sunxi', params: { id: 'cy-sunxi-2024' }, expect: PUBLIC },
  'GET /api/cycles/{id}/money': { place: 'sunxi', params: { id: 'cy-sunxi-2026' }, expect: PUBLIC },
  'GET /api/cycles/{id}/results': { place: 'sunxi', params: { id: 'cy-sunxi-2024' }, expect: PUBLIC },
  'POST /api/cycles/{id}/proposal-check': { place: 'lianhua', params: { id: 'cy-lianhua-2026' }, body: PROPOSAL, expect: PUBLIC, note: 'the live check while typing; it writes nothing' },
  'GET /api/districts/{id}/rulebooks': { place: 'xianhu', params: { id: 'd-lh' }, expect: PUBLIC },
  'GET /api/rulebooks/{id}': {
    place: 'xianhu',
    setup: async (w) => ({ id: (await w.ctx.database.db.select({ id: rulebooks.id }).from(rulebooks).limit(1))[0]!.id }),
    expect: PUBLIC,
  },
  'GET /api/meetings/{id}': { place: 'sunxi', setup: closedMeeting, expect: PUBLIC },
  'GET /api/open-data': { place: 'xianhu', expect: PUBLIC },
  'GET /api/open-data/{file}': { place: 'xianhu', params: { file: 'projects.csv' }, expect: PUBLIC },
  'GET /api/projects': { place: 'xianhu', expect: PUBLIC },
  'GET /api/stats/city': { place: 'xianhu', expect: PUBLIC },
  'GET /api/stats/districts/{slug}': { place: 'xianhu', params: { slug: 'lh' }, expect: PUBLIC },
  'GET /api/stats/streets/{slug}': { place: 'xianhu', params: { slug: 'ltjd' }, expect: PUBLIC },
  'GET /api/stats/communities/{slug}': { place: 'xianhu', params: { slug: 'xianhu' }, expect: PUBLIC },
  'GET /api/projects/{code}': { place: 'xianhu', params: { code: 'LTJD-XHSQ-2026-01' }, expect: PUBLIC },
  'GET /api/projects/{code}/comments': { place: 'xianhu', params: { code: 'LTJD-XHSQ-2026-01' }, expect: PUBLIC },
  'GET /api/projects/{code}/delivery': { place: 'sunxi', params: { code: 'SGJD-SXSQ-2026-01' }, expect: PUBLIC },
  'GET /api/projects/{code}/notice': { place: 'sunxi', params: { code: 'SGJD-SXSQ-2025-05' }, expect: PUBLIC },
  'GET /api/projects/{code}/opinions': { place: 'lianhua', params: { code: 'LTJD-LHSQ-2026-01' }, expect: PUBLIC },
  'GET /api/projects/{code}/ratings': { place: 'sunxi', params: { code: 'SGJD-SXSQ-2026-02' }, expect: PUBLIC },
  'GET /api/receipts/{code}': {
    place: 'xianhu',
    setup: async (w) => {
      const me = await w.person('resident_xh');
      const r = await castBallot(w.ctx, 'cy-xianhu-2026', { projects: [await projectId(w, 'LTJD-XHSQ-2026-01')] }, me.actor);
      if (!r.ok) throw new Error(`setup ballot: ${r.code}`);
      return { code: r.receiptCode };
    },
    expect: PUBLIC,
  },
  'GET /api/tracker': { place: 'sunxi', expect: PUBLIC },

  // Accounts
  'POST /api/auth/sign-up': {
    place: 'xianhu',
    body: (_w, _p, username) => ({ login: `new_${username ?? 'anon'}`, password: 'a long password', displayName: '新居民' }),
    headers: (role) => ({ 'x-real-ip': `10.0.0.${['anonymous', 'other', 'resident', 'council', 'staff', 'officer', 'auditor'].indexOf(role) + 1}` }),
    expect: PUBLIC,
  },
  'POST /api/auth/sign-in': { place: 'xianhu', body: (_w, _p, username) => ({ login: username ?? 'newcomer', password: DEMO_PASSWORD }), expect: PUBLIC },
  'POST /api/auth/sign-out': { place: 'xianhu', expect: PUBLIC, note: 'signing out without a session is harmless' },
  'GET /api/me': { place: 'xianhu', expect: SIGNED_IN },
  'POST /api/me/password': { place: 'xianhu', body: { currentPassword: DEMO_PASSWORD, newPassword: 'another long password' }, expect: SIGNED_IN },
  'POST /api/residency/verify': {
    place: 'xianhu',
    setup: async (w) => {
      const r = await w.ctx.database.client.execute("select verification_code from register_entries where community_id = 'c-xianhu' and claimed_by_account_id is null limit 1");
      return { slip: String(r.rows[0]!.verification_code) };
    },
    body: (_w, p) => ({ code: p.slip }),
    expect: SIGNED_IN,
    note: 'anyone signed in may enter the code on their slip (the first one claims it)',
  },
  'GET /api/notifications': { place: 'xianhu', expect: SIGNED_IN },
  'POST /api/notifications/read': { place: 'xianhu', body: {}, expect: SIGNED_IN },
  // Asks, changes nothing: anyone may ask whether a form would be accepted from them (the answer is in the body).
  'POST /api/forms/check': { place: 'xianhu', body: { action: '/lang', fields: {} }, expect: PUBLIC },
  'GET /api/proposals/mine': { place: 'lianhua', expect: SIGNED_IN },
  // 我的信息: one's own data, read, corrected and erased; the register entry only by the resident who claimed it.
  'GET /api/me/data': { place: 'xianhu', expect: SIGNED_IN },
  'POST /api/me/details': { place: 'xianhu', body: { displayName: '更正后的称呼', mobile: '' }, expect: SIGNED_IN, note: 'every demo account has a username, so the mobile number may be left empty' },
  'POST /api/me/residencies/{slug}': {
    place: 'xianhu',
    params: { slug: 'xianhu' },
    body: { name: '更正后的姓名', address: '仙湖社区 1 栋', phone: '' },
    expect: RESIDENTS,
    note: 'a council member is allowed past the check, then told to ask staff (409 holds_office)',
    stateless: 'a resident may correct their own register entry at any time',
  },
  'POST /api/me/close': { place: 'xianhu', body: { password: DEMO_PASSWORD, confirm: true }, expect: SIGNED_IN, note: 'the officials are allowed past the check, then told to end their office first (409 holds_office)' },

  // The register of residents
  // A register's personal fields: the community's own staff only, not the officers above it (issue 22); each download is audited.
  'GET /api/communities/{slug}/register': { place: 'lianhua', params: { slug: 'lianhua' }, expect: STAFF },
  'POST /api/communities/{slug}/register': { place: 'lianhua', params: { slug: 'lianhua' }, body: { csv: 'register_no,name,address\nT-0001,测试居民,1栋 101室\n' }, expect: STAFF_OR_OFFICER, stateless: 'a register can be imported at any time; numbers already on it are skipped' },

  // Cycles
  'POST /api/cycles/{id}/phase': { place: 'lianhua', params: { id: 'cy-lianhua-2026' }, body: { phase: 'screening', reason: '（测试）征集提前结束' }, expect: STAFF, refusedStates: [{ what: 'the cycle is already in screening', setup: (w) => inPhase(w, 'cy-lianhua-2026', 'screening', 'staff_lt') }] },
  'POST /api/cycles/{id}/phase/extension': { place: 'lianhua', params: { id: 'cy-lianhua-2026' }, body: { endsOn: '2026-12-31', reason: '征集延长' }, expect: STAFF, refusedStates: [{ what: 'the phase already ends on that day', setup: (w) => extended(w, 'cy-lianhua-2026', '2026-12-31') }] },
  'POST /api/cycles/{id}/phase/requests': { place: 'lianhua', params: { id: 'cy-lianhua-2026' }, body: { to: 'deliberation', reason: '跳过初审（测试）' }, expect: STAFF, refusedStates: [{ what: 'a request is already waiting', setup: async (w) => ({ id: 'cy-lianhua-2026', request: await phaseRequest(w) }) }] },
  'POST /api/phase-requests/{id}/decision': {
    place: 'lianhua',
    setup: async (w) => ({ id: await phaseRequest(w) }),
    body: { decision: 'decline', note: '不同意（测试）' },
    expect: row({ anonymous: 401, rest: 403, officer: 'allow' }),
    note: 'a street or district officer over the community, not the person who asked',
    refusedStates: [{ what: 'the request is decided already', setup: async (w) => ({ id: await phaseRequest(w, 'decline') }) }],
  },
  'POST /api/cycles/{id}/rulebook': {
    place: 'lianhua',
    setup: otherRulebook,
    body: (_w, p) => ({ rulebookId: p.rulebookId }),
    expect: OFFICER,
    refusedStates: [
      {
        what: 'the cycle is in deliberation (too late to change its rules)',
        setup: async (w) => {
          await inPhase(w, 'cy-lianhua-2026', 'deliberation', 'staff_lt');
          return otherRulebook(w);
        },
      },
    ],
  },
  'POST /api/districts/{id}/rulebooks': { place: 'lianhua', params: { id: 'd-lh' }, body: { year: 2027, settings: DEFAULT_RULEBOOK_SETTINGS }, expect: OFFICER, stateless: 'a district may publish a new version of its rules at any time' },

  // Proposing
  'POST /api/cycles/{id}/proposals': { place: 'lianhua', params: { id: 'cy-lianhua-2026' }, body: PROPOSAL, expect: RESIDENTS, refusedStates: [{ what: 'the cycle is in screening', setup: (w) => inPhase(w, 'cy-lianhua-2026', 'screening', 'staff_lt') }] },
  'POST /api/cycles/{id}/paper-proposals': { place: 'lianhua', params: { id: 'cy-lianhua-2026' }, body: PROPOSAL, expect: STAFF, refusedStates: [{ what: 'the cycle is in screening', setup: (w) => inPhase(w, 'cy-lianhua-2026', 'screening', 'staff_lt') }] },
  'GET /api/proposals/{code}': { place: 'lianhua', setup: draft, expect: PROPOSER_READ },
  'PUT /api/proposals/{code}': { place: 'lianhua', setup: draft, body: PROPOSAL, expect: PROPOSER },
  'POST /api/proposals/{code}/attachments': {
    place: 'lianhua',
    setup: draft,
    body: () => {
      const f = new FormData();
      f.append('files', new File([PNG], 'more.png', { type: 'image/png' }));
      return f;
    },
    expect: PROPOSER,
  },
  'DELETE /api/proposals/{code}/attachments/{attachmentId}': { place: 'lianhua', setup: draft, expect: PROPOSER },
  'POST /api/proposals/{code}/submit': { place: 'lianhua', setup: draft, expect: PROPOSER },
  'POST /api/proposals/{code}/withdraw': { place: 'lianhua', setup: draft, body: { reason: '不需要了' }, expect: PROPOSER },
  'GET /api/attachments/{id}': { place: 'lianhua', setup: draft, expect: PROPOSER_READ, note: "a draft's attachment is its proposer's until the draft is submitted" },

  // Screening and the council
  'GET /api/cycles/{id}/screening': {
    place: 'sunxi',
    params: { id: 'cy-sunxi-2025' },
    expect: row({ anonymous: 401, rest: 403, council: 'allow', staff: 'allow', officer: 'allow' }),
    note: 'the queue is for officers, staff and council members of the community',
  },
  'POST /api/projects/{code}/opinions': { place: 'sunxi', params: { code: 'SGJD-SXSQ-2025-01' }, body: { stance: 'support', body: '很有必要。' }, expect: row({ anonymous: 401, rest: 403, council: 'allow' }), refusedStates: [{ what: 'the project is screened in', setup: (w) => stepped(w, 'SGJD-SXSQ-2025-01', 'screen_in') }] },
  'POST /api/projects/{code}/events': {
    place: 'sunxi',
    params: { code: 'SGJD-SXSQ-2025-01' },
    body: { event: 'screen_in' },
    expect: STAFF_OR_OFFICER,
    note: 'screening a submitted project in the screening phase',
    refusedStates: [{ what: 'the project is screened in already', setup: (w) => stepped(w, 'SGJD-SXSQ-2025-01', 'screen_in') }],
  },
  'POST /api/cycles/{id}/deliberation': {
    place: 'sunxi',
    setup: async (w) => {
      // Something ready to send (a screened-in project); with nothing to send everyone would get 409 first.
      const officer = await w.person('officer');
      const r = await applyProjectEvent(w.ctx.database, { projectId: await projectId(w, 'SGJD-SXSQ-2025-01'), event: 'screen_in' }, officer.actor, officer.audit, NOW);
      if (!r.ok) throw new Error(`setup screen_in: ${r.code}`);
      return { id: 'cy-sunxi-2025' };
    },
    body: {},
    expect: STAFF,
    refusedStates: [{ what: 'nothing in the cycle is ready for the council', setup: async () => ({ id: 'cy-sunxi-2025' }) }],
  },
  'POST /api/communities/{slug}/council/terms': { place: 'sunxi', params: { slug: 'sunxi' }, body: { login: 'resident_sx', role: 'member', startsOn: TODAY }, expect: STAFF, refusedStates: [
      {
        what: 'the resident already has a term from today',
        setup: async (w) => {
          const staff = await w.person('staff_sx');
          const r = await addTerm(w.ctx, 'c-sunxi', { login: 'resident_sx', role: 'member', startsOn: TODAY }, staff.actor, staff.audit);
          if (!r.ok) throw new Error(`setup term: ${r.code}`);
          return { slug: 'sunxi' };
        },
      },
    ], },
  'POST /api/council-terms/{id}/end': {
    place: 'sunxi',
    setup: async (w) => ({ id: (await w.ctx.database.db.select({ id: councilTerms.id }).from(councilTerms).where(eq(councilTerms.communityId, 'c-sunxi')).limit(1))[0]!.id }),
    body: { endsOn: TODAY },
    expect: STAFF,
    refusedStates: [
      {
        what: 'the term ended on the day it began',
        setup: async (w) => {
          const t = (await w.ctx.database.db.select().from(councilTerms).where(eq(councilTerms.communityId, 'c-sunxi')).limit(1))[0]!;
          const staff = await w.person('staff_sx');
          const r = await endTerm(w.ctx, t.id, t.startsOn, staff.actor, staff.audit);
          if (!r.ok) throw new Error(`setup end term: ${r.code}`);
          return { id: t.id };
        },
      },
    ],
  },
  'POST /api/cycles/{id}/meetings': {
    place: 'sunxi',
    params: { id: 'cy-sunxi-2025' },
    body: { title: '议事会会议', scheduledAt: `${TODAY}T19:30`, place: '三楼会议室', agenda: ['SGJD-SXSQ-2025-03'] },
    expect: STAFF,
    refusedStates: [
      {
        what: 'the project is on the agenda of another meeting',
        setup: async (w) => {
          await meeting(w, 'scheduled');
          return { id: 'cy-sunxi-2025' };
        },
      },
    ],
  },
  'POST /api/meetings/{id}/agenda': { place: 'sunxi', setup: (w) => meeting(w, 'scheduled'), body: { projects: ['SGJD-SXSQ-2025-03', 'SGJD-SXSQ-2025-04'] }, expect: STAFF, refusedStates: [{ what: 'the agenda is published', setup: (w) => meeting(w, 'published') }] },
  'POST /api/meetings/{id}/publish': { place: 'sunxi', setup: (w) => meeting(w, 'scheduled'), expect: STAFF, refusedStates: [{ what: 'the agenda is published already', setup: (w) => meeting(w, 'published') }] },
  'POST /api/meetings/{id}/open': { place: 'sunxi', setup: (w) => meeting(w, 'published'), expect: STAFF, refusedStates: [{ what: 'the agenda is not published', setup: (w) => meeting(w, 'scheduled') }, { what: 'the meeting is open already', setup: (w) => meeting(w, 'opened') }] },
  'POST /api/meetings/{id}/attendance': { place: 'sunxi', setup: (w) => meeting(w, 'opened'), body: (_w, p) => ({ present: p.members!.split(',') }), expect: STAFF, refusedStates: [{ what: 'the meeting is not open', setup: (w) => meeting(w, 'published') }] },
  'POST /api/meetings/{id}/items/{itemId}/notes': { place: 'sunxi', setup: (w) => meeting(w, 'attended'), body: { presentationNote: '提议方介绍。', discussionSummary: '讨论摘要。' }, expect: STAFF, refusedStates: [{ what: 'the meeting is not open', setup: (w) => meeting(w, 'published') }, { what: 'the item is decided', setup: decidedMeeting }] },
  'POST /api/meetings/{id}/items/{itemId}/votes': {
    place: 'sunxi',
    setup: (w) => meeting(w, 'attended'),
    body: async (w, _p, username) => ({ votes: [{ accountId: await w.accountId(username ?? 'council_sx'), vote: 'for' }] }),
    expect: row({ anonymous: 401, rest: 403, council: 'allow', staff: 'allow' }),
    note: 'each caller sends their own vote: staff record anyone present, a council member only themself; others are refused',
    refusedStates: [{ what: 'the meeting is not open', setup: (w) => meeting(w, 'published') }, { what: 'the item is decided (its project is in public notice)', setup: decidedMeeting }],
  },
  'POST /api/meetings/{id}/items/{itemId}/decide': { place: 'sunxi', setup: (w) => meeting(w, 'voted'), expect: STAFF, refusedStates: [{ what: 'no votes are recorded yet', setup: (w) => meeting(w, 'attended') }, { what: 'the item is decided already', setup: decidedMeeting }] },
  'POST /api/meetings/{id}/close': {
    place: 'sunxi',
    setup: (w) => meeting(w, 'attended'),
    // The one agenda item is undecided, so it is carried over (a close leaving it undecided is refused: 409 undecided_items).
    body: { minutes: '会议纪要。', carryOver: [{ project: 'SGJD-SXSQ-2025-03', reason: '留待下次会议表决。' }] },
    expect: STAFF,
    refusedStates: [
      { what: 'the meeting is closed', setup: closedMeeting },
      { what: 'the meeting is not open yet', setup: (w) => meeting(w, 'published') },
      { what: 'the carried-over item has been decided', setup: decidedMeeting },
    ],
  },
  'POST /api/meetings/{id}/addenda': { place: 'sunxi', setup: closedMeeting, body: { body: '更正：第二项的表决时间为 20:15。' }, expect: STAFF, refusedStates: [{ what: 'the meeting is still open', setup: (w) => meeting(w, 'opened') }] },

  // Public notice
  'POST /api/projects/{code}/objections': { place: 'sunxi', params: { code: 'SGJD-SXSQ-2025-05' }, body: { reason: '选址离住宅太近。' }, expect: RESIDENTS, refusedStates: [{ what: 'the notice period is over (approved)', setup: approved }, { what: 'the project is in progress', setup: async () => ({ code: 'SGJD-SXSQ-2026-01' }) }] },
  'POST /api/objections/{id}/answer': {
    place: 'sunxi',
    setup: async (w) => {
      const me = await w.person('resident_sx');
      const r = await lodgeObjection(w.ctx, await projectId(w, 'SGJD-SXSQ-2025-05'), '选址离住宅太近。', me.actor, me.audit);
      if (!r.ok) throw new Error(`setup objection: ${r.code}`);
      return { id: (r as { id: string }).id };
    },
    body: { decision: 'dismiss', answer: '已核实，选址符合规定。' },
    expect: STAFF,
    refusedStates: [
      {
        what: 'the objection is answered already',
        setup: async (w) => {
          const me = await w.person('resident_sx');
          const staff = await w.person('staff_sx');
          const r = await lodgeObjection(w.ctx, await projectId(w, 'SGJD-SXSQ-2025-05'), '选址离住宅太近。', me.actor, me.audit);
          if (!r.ok) throw new Error(`setup objection: ${r.code}`);
          const id = (r as { id: string }).id;
          const a = await answerObjection(w.ctx, id, { decision: 'dismiss', answer: '已核实。' }, staff.actor, staff.audit);
          if (!a.ok) throw new Error(`setup answer: ${a.code}`);
          return { id };
        },
      },
    ],
  },

  // Voting
  'POST /api/cycles/{id}/ballot': { place: 'xianhu', params: { id: 'cy-xianhu-2026' }, body: async (w) => ({ projects: [await projectId(w, 'LTJD-XHSQ-2026-01')] }), expect: RESIDENTS, refusedStates: [{ what: 'the vote has closed (deliberation)', setup: (w) => inPhase(w, 'cy-xianhu-2026', 'deliberation', 'staff_xh') }, { what: 'the cycle has no resident vote', setup: xianhuWithoutVote }] },
  'POST /api/cycles/{id}/paper-ballots': {
    place: 'xianhu',
    params: { id: 'cy-xianhu-2026' },
    body: async (w) => ({ paperSerial: 'XH-9001', registerNo: 'XHSQ-0001', projects: [await projectId(w, 'LTJD-XHSQ-2026-01')] }),
    expect: STAFF,
    refusedStates: [{ what: 'the vote has closed (deliberation)', setup: (w) => inPhase(w, 'cy-xianhu-2026', 'deliberation', 'staff_xh') }, { what: 'the cycle has no resident vote', setup: xianhuWithoutVote }],
  },
  'GET /api/cycles/{id}/paper-ballots': { place: 'xianhu', params: { id: 'cy-xianhu-2026' }, expect: STAFF },
  'POST /api/cycles/{id}/ballot-imports': {
    place: 'xianhu',
    params: { id: 'cy-xianhu-2026' },
    setup: async (w) => {
      await offlineVoteClosed(w);
      return {};
    },
    body: () => {
      const f = new FormData();
      f.append('file', new File([PB_FILE], 'votes.pb', { type: 'text/plain' }));
      return f;
    },
    expect: STAFF,
    refusedStates: [
      { what: 'the vote is held here (and counted)', setup: (w) => inPhase(w, 'cy-xianhu-2026', 'deliberation', 'staff_xh') },
      { what: 'the cycle has no resident vote', setup: xianhuWithoutVote },
      { what: 'the vote held elsewhere is still open', setup: async (w) => (await offlineVoteClosed(w), inPhase(w, 'cy-xianhu-2026', 'resident_vote', 'staff_xh')) },
    ],
  },
  'GET /api/cycles/{id}/ballot-imports': { place: 'xianhu', params: { id: 'cy-xianhu-2026' }, expect: PUBLIC },
  'GET /api/ballot-imports/{id}/file': { place: 'xianhu', setup: pendingImport, expect: row({ anonymous: 401, rest: 403, staff: 'allow', officer: 'allow', auditor: 'allow' }) },
  'POST /api/ballot-imports/{id}/review': {
    place: 'xianhu',
    setup: pendingImport,
    body: { decision: 'approve' },
    expect: STAFF_OR_OFFICER,
    note: 'the file was uploaded by staff2_xh: the staff member acting here is the second person',
    refusedStates: [
      {
        what: 'the import was already approved',
        setup: async (w) => {
          const p = await pendingImport(w);
          const officer = await w.person('street_lt');
          const r = await reviewBallotImport(w.ctx, p.id!, { decision: 'approve' }, { actor: officer.actor, auditActor: officer.audit });
          if (!r.ok) throw new Error(`setup approve: ${r.code}`);
          return p;
        },
      },
    ],
  },
  'GET /api/ballot-imports/{id}': { place: 'xianhu', setup: pendingImport, expect: PUBLIC },

  // Comments and ratings
  'POST /api/projects/{code}/comments': { place: 'xianhu', params: { code: 'LTJD-XHSQ-2026-01' }, body: { body: '支持！' }, expect: RESIDENTS, stateless: 'every published project takes comments (a draft is hidden from all but its proposer: 404)' },
  'POST /api/comments/{id}/hide': {
    place: 'xianhu',
    setup: async (w) => {
      const me = await w.person('resident_xh');
      const r = await addComment(w.ctx, await projectId(w, 'LTJD-XHSQ-2026-01'), '一条评论', me.actor, me.audit);
      if (!r.ok) throw new Error(`setup comment: ${r.code}`);
      return { id: (r as unknown as { id: string }).id };
    },
    body: { reason: '含有个人信息' },
    expect: STAFF,
    refusedStates: [
      {
        what: 'the comment is hidden already',
        setup: async (w) => {
          const me = await w.person('resident_xh');
          const staff = await w.person('staff_xh');
          const r = await addComment(w.ctx, await projectId(w, 'LTJD-XHSQ-2026-01'), '一条评论', me.actor, me.audit);
          if (!r.ok) throw new Error(`setup comment: ${r.code}`);
          const id = (r as unknown as { id: string }).id;
          const h = await hideComment(w.ctx, id, '含有个人信息', staff.actor, staff.audit);
          if (!h.ok) throw new Error(`setup hide: ${h.code}`);
          return { id };
        },
      },
    ],
  },
  'POST /api/comments/{id}/replies': {
    place: 'xianhu',
    setup: (w) => residentComment(w),
    body: { body: '感谢建议，我们会在下次议事会上讨论。' },
    expect: OFFICE,
    note: 'officers and auditors are not the community’s office; residents (council members aside) do not speak for it',
    refusedStates: [
      {
        what: 'the comment is hidden',
        setup: async (w) => {
          const p = await residentComment(w);
          const staff = await w.person('staff_xh');
          const h = await hideComment(w.ctx, p.id!, '含有个人信息', staff.actor, staff.audit);
          if (!h.ok) throw new Error(`setup hide: ${h.code}`);
          return p;
        },
      },
    ],
  },
  'POST /api/projects/{code}/ratings': { place: 'sunxi', params: { code: 'SGJD-SXSQ-2026-02' }, body: { score: 5 }, expect: RESIDENTS, refusedStates: [
      {
        what: 'the survey is closed (evaluated)',
        setup: async (w) => {
          const staff = await w.person('staff_sx');
          const r = await closeSurvey(w.ctx, await projectId(w, 'SGJD-SXSQ-2026-02'), { actor: staff.actor, auditActor: staff.audit });
          if (!r.ok) throw new Error(`setup close survey: ${r.code}`);
          return { code: 'SGJD-SXSQ-2026-02' };
        },
      },
    ], },

  // Delivery (笋西's 2026 projects: 01 in progress, 02 accepted; 2024: 04 evaluated, 01 audited)
  'POST /api/projects/{code}/agreement': { place: 'sunxi', setup: approved, body: AGREEMENT, expect: STAFF, refusedStates: [
      IN_NOTICE,
      {
        what: 'the agreement is recorded already',
        setup: async (w) => {
          const p = await approved(w);
          const staff = await w.person('staff_sx');
          const r = await recordAgreement(w.ctx, await projectId(w, p.code!), { ...AGREEMENT_INPUT }, { actor: staff.actor, auditActor: staff.audit });
          if (!r.ok) throw new Error(`setup agreement: ${r.code}`);
          return p;
        },
      },
    ], },
  'POST /api/projects/{code}/agreement/amendments': { place: 'sunxi', params: { code: 'SGJD-SXSQ-2026-01' }, body: { ...AGREEMENT, agreedAmount: '300000', reason: '增加工程量' }, expect: STAFF, refusedStates: [EVALUATED, { what: 'the work is accepted', setup: (w) => inspected(w, 'pass') }] },
  'POST /api/projects/{code}/start': {
    place: 'sunxi',
    setup: async (w) => {
      const p = await approved(w);
      const staff = await w.person('staff_sx');
      const r = await recordAgreement(w.ctx, await projectId(w, p.code!), { ...AGREEMENT_INPUT }, { actor: staff.actor, auditActor: staff.audit });
      if (!r.ok) throw new Error(`setup agreement: ${r.code}`);
      return p;
    },
    expect: STAFF,
    refusedStates: [{ what: 'the work has started already', setup: async () => ({ code: 'SGJD-SXSQ-2026-01' }) }, IN_NOTICE],
  },
  'POST /api/projects/{code}/progress': {
    place: 'sunxi',
    params: { code: 'SGJD-SXSQ-2026-01' },
    body: () => {
      const f = new FormData();
      f.append('reportedOn', TODAY);
      f.append('percent', '50');
      f.append('body', '完成一半。');
      return f;
    },
    expect: STAFF,
    refusedStates: [EVALUATED, { what: 'the work is accepted', setup: (w) => inspected(w, 'pass') }],
  },
  'POST /api/projects/{code}/payments': { place: 'sunxi', params: { code: 'SGJD-SXSQ-2026-01' }, body: { paidOn: TODAY, amount: '1000' }, expect: STAFF, refusedStates: [EVALUATED, IN_NOTICE] },
  'POST /api/projects/{code}/acceptance': { place: 'sunxi', params: { code: 'SGJD-SXSQ-2026-01' }, body: { result: 'pass', acceptedOn: TODAY, inspector: '验收人' }, expect: STAFF, refusedStates: [{ what: 'the work is accepted already', setup: (w) => inspected(w, 'pass') }, EVALUATED] },
  'POST /api/projects/{code}/resume': {
    place: 'sunxi',
    setup: async (w) => {
      const staff = await w.person('staff_sx');
      const r = await recordAcceptance(w.ctx, await projectId(w, 'SGJD-SXSQ-2026-01'), { result: 'fail', acceptedOn: TODAY, inspector: '验收人', notes: '扶手未安装牢固' }, { actor: staff.actor, auditActor: staff.audit });
      if (!r.ok) throw new Error(`setup failed acceptance: ${r.code}`);
      return { code: 'SGJD-SXSQ-2026-01' };
    },
    body: {},
    expect: STAFF,
    refusedStates: [{ what: 'the work is in progress (nothing failed)', setup: async () => ({ code: 'SGJD-SXSQ-2026-01' }) }],
  },
  'POST /api/projects/{code}/survey/close': { place: 'sunxi', params: { code: 'SGJD-SXSQ-2026-02' }, expect: STAFF, refusedStates: [{ what: 'the work is still in progress', setup: async () => ({ code: 'SGJD-SXSQ-2026-01' }) }, EVALUATED] },
  'POST /api/projects/{code}/archive': { place: 'sunxi', params: { code: 'SGJD-SXSQ-2024-01' }, expect: STAFF_OR_OFFICER, refusedStates: [{ what: 'the project is evaluated, not yet audited', setup: EVALUATED.setup }] },

  // Audit
  'POST /api/projects/{code}/findings': { place: 'sunxi', params: { code: 'SGJD-SXSQ-2026-01' }, body: { severity: 'info', body: '付款凭证齐全。' }, expect: AUDIT, stateless: 'findings may be recorded on a project in any state' },
  'POST /api/cycles/{id}/findings': { place: 'sunxi', params: { id: 'cy-sunxi-2026' }, body: { severity: 'info', body: '本轮资料齐全。' }, expect: AUDIT, stateless: 'findings may be recorded on a cycle in any phase' },
  'POST /api/projects/{code}/audit': { place: 'sunxi', params: { code: 'SGJD-SXSQ-2024-04' }, body: {}, expect: AUDIT, refusedStates: [
      {
        what: 'the audit is complete already',
        setup: async (w) => {
          const auditor = await w.person('auditor');
          const r = await completeAudit(w.ctx, await projectId(w, 'SGJD-SXSQ-2024-04'), {}, { actor: auditor.actor, auditActor: auditor.audit });
          if (!r.ok) throw new Error(`setup audit: ${r.code}`);
          return { code: 'SGJD-SXSQ-2024-04' };
        },
      },
      { what: 'the work is still in progress', setup: async () => ({ code: 'SGJD-SXSQ-2026-01' }) },
    ], },
};

/** Fill `{name}` placeholders of a route path. */
export function fillPath(path: string, params: Params): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`no value for {${k}} in ${path}`);
    return encodeURIComponent(v);
  });
}
