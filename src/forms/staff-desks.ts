/**
 * @module The forms of a community's staff desks: the register import
 * (/staff/<slug>), screening (opinions, decisions, sending on to the
 * council), paper ballots, the phase control (posting to /staff/<slug>/phase)
 * and an officer's decision on a phase request (/staff/phase-requests/<id>);
 * with the delivery desk's (src/forms/delivery.ts). The phase forms post to
 * an address that answers by redirect: done or refused, the browser goes
 * back to the page the form was on, with what happened in the query string.
 */
import { eq } from 'drizzle-orm';
import type { PageForm } from '#http/form-edge.ts';
import { notSignedIn, refusedFor, type Caller, type Refusal } from '#cases/use-case.ts';
import { importRegisterCase } from '#cases/register.ts';
import { opinionCase, sendToCouncilCase } from '#cases/screening.ts';
import { councilRefusal } from '#cases/acting.ts';
import { projectStepCase } from '#cases/projects.ts';
import { enterPaperBallotCase } from '#cases/ballots.ts';
import { decidePhaseRequestCase, extendPhaseCase, forwardPhaseCase, requestPhaseChangeCase } from '#cases/cycles.ts';
import { getCommunity } from '#services/catalog.ts';
import { communityBySlug } from '#services/council.ts';
import { STANCES } from '#services/screening.ts';
import { decodeCsvBytes } from '#domain/register-csv.ts';
import { cycles, projects } from '#db/schema.ts';
import { safeNext } from '../lib/view.ts';
import { DELIVERY_FORMS, filled } from './delivery.ts';

type Values = Record<string, string>;
type Path = Record<string, string | undefined>;

// ---------------------------------------------------------------------------
// The register (/staff/<slug>)
// ---------------------------------------------------------------------------

const REGISTER: PageForm = {
  page: '/staff/[slug]',
  useCase: importRegisterCase,
  params: (path) => ({ slug: path.slug ?? '' }),
  // A file, when one is chosen, else the pasted text. The file's text is kept as the form's `csv`, so a refused import gives it back to fix in place.
  read: async (values, form) => {
    const file = form.get('file');
    if (file && typeof file !== 'string' && file.size > 0) values.csv = decodeCsvBytes(new Uint8Array(await file.arrayBuffer())).text;
    return filled(values, 'csv');
  },
  next: (v, path) => `/staff/${path.slug}?imported=${v.imported}&skipped=${v.skipped}`,
};

// ---------------------------------------------------------------------------
// Screening (/staff/<slug>/screening)
// ---------------------------------------------------------------------------

const SCREENING = '/staff/[slug]/screening';

/** The proposal a form names (by id), if it is one of this community's. */
async function screenedProject(path: Path, caller: Caller, values: Values): Promise<{ code: string } | Refusal> {
  const db = caller.ctx.database.db;
  const community = await communityBySlug(db, path.slug ?? '');
  const p = (await db.select({ code: projects.code, communityId: projects.communityId }).from(projects).where(eq(projects.id, values.project ?? '')).limit(1))[0];
  if (!community || !p || p.communityId !== community.id) return councilRefusal(caller, 'not_found');
  return { code: p.code };
}

/** The screening page of the cycle the form was on, saying what was done. */
const screening = (path: Path, values: Values, extra: string) => `/staff/${path.slug}/screening?cycle=${encodeURIComponent(values.cycle ?? '')}${extra}`;

const SCREENING_FORMS: PageForm[] = [
  {
    page: SCREENING,
    pick: { field: 'action', value: 'opinion' },
    useCase: opinionCase,
    params: screenedProject,
    read: (values) => ({ stance: (STANCES as readonly string[]).includes(values.stance ?? '') ? values.stance : 'note', ...filled(values, 'body') }),
    next: (_v, path, values) => screening(path, values, `&done=opinion#p-${values.project}`),
  },
  {
    page: SCREENING,
    pick: { field: 'action', value: 'screen' },
    useCase: projectStepCase,
    params: screenedProject,
    read: (values) => ({ event: values.decision === 'out' ? 'screen_out' : 'screen_in', ...filled(values, 'reason') }),
    next: (_v, path, values) => screening(path, values, '&done=screened'),
  },
  {
    page: SCREENING,
    pick: { field: 'action', value: 'send' },
    useCase: sendToCouncilCase,
    params: async (path, caller, values) => {
      const community = await getCommunity(caller.ctx.database, path.slug ?? '', caller.ctx.now());
      return community?.cycles.some((c) => c.id === values.cycle) ? { cycleId: values.cycle! } : councilRefusal(caller, 'not_found');
    },
    read: () => ({}),
    next: (v, path, values) => screening(path, values, `&done=sent&codes=${encodeURIComponent(v.sent.join(','))}`),
  },
];

// ---------------------------------------------------------------------------
// Paper ballots (/staff/<slug>/paper-ballots)
// ---------------------------------------------------------------------------

/** The one-time note of the entry just made, for the page it redirects to (never in its address: it holds a receipt code). */
export const PAPER_FLASH = 'wss_paper';

/** The choices as the ballot form has them: a points field per project (`points.<id>`), or ticked projects. */
function choices(values: Values, form: FormData) {
  const named = Object.keys(values).filter((k) => k.startsWith('points.'));
  if (named.length === 0) return { projects: form.getAll('projects').filter((x): x is string => typeof x === 'string').slice(0, 200) };
  const points: Record<string, number> = {};
  for (const k of named) {
    const raw = values[k]!.normalize('NFKC').trim();
    if (raw !== '') points[k.slice('points.'.length)] = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  }
  return { points };
}

const PAPER: PageForm = {
  page: '/staff/[slug]/paper-ballots',
  useCase: enterPaperBallotCase,
  // The community's open resident vote.
  params: async (path, caller) => {
    const community = await getCommunity(caller.ctx.database, path.slug ?? '', caller.ctx.now());
    if (!community) return councilRefusal(caller, 'not_found');
    const open = community.cycles.find((c) => c.phase === 'resident_vote');
    return open ? { cycleId: open.id } : refusedFor(caller, 'wrong_phase');
  },
  read: (values, form) => ({ ...filled(values, 'paperSerial', 'registerNo'), ...choices(values, form) }),
  cookies: (v, path, caller, values) => [
    {
      name: PAPER_FLASH,
      value: [v.status, v.receiptCode ?? '', (values.paperSerial ?? '').trim().toUpperCase().replace(/[^A-Z0-9-]/g, '').slice(0, 40)].join('|'),
      attributes: { path: `/staff/${path.slug}/paper-ballots`, httpOnly: true, sameSite: 'lax', secure: caller.ctx.secureCookies, maxAge: 600 },
    },
  ],
  next: (_v, path) => `/staff/${path.slug}/paper-ballots?entered=1`,
};

// ---------------------------------------------------------------------------
// The phase control (POST /staff/<slug>/phase) and phase requests (POST /staff/phase-requests/<id>)
// ---------------------------------------------------------------------------

const PHASE = '/staff/[slug]/phase';

/** The cycle a phase form names, if it is one of this community's (asked of someone signed in: the others sign in first, and come back). */
async function phaseCycle(path: Path, caller: Caller, values: Values): Promise<{ id: string } | Refusal> {
  if (!caller.auth) return notSignedIn(caller);
  const db = caller.ctx.database.db;
  const community = await communityBySlug(db, path.slug ?? '');
  const cy = (await db.select({ communityId: cycles.communityId }).from(cycles).where(eq(cycles.id, values.cycle ?? '')))[0];
  return community && cy && cy.communityId === community.id ? { id: values.cycle! } : councilRefusal(caller, 'not_found');
}

/** Back to the page the control was on, with what happened (`phase_done`) or why not (`phase_error`), for this cycle. */
function phaseAnswer(path: Path, values: Values, what: 'phase_done' | 'phase_error', value: string): string {
  const back = safeNext(values.back, `/staff/${path.slug}/screening`);
  const [at, hash] = back.split('#');
  const sep = at!.includes('?') ? '&' : '?';
  return `${at}${sep}${what}=${encodeURIComponent(value)}&phase_cycle=${encodeURIComponent(values.cycle ?? '')}${hash ? `#${hash}` : ''}`;
}

/** A bad field stands for the refusal the control names: no reason, a bad date, or no such phase. */
function phaseRefused(r: Refusal, path: Path, values: Values): string {
  if (r.code !== 'validation_failed') return phaseAnswer(path, values, 'phase_error', r.code);
  const field = Object.keys(r.fields ?? {})[0];
  return phaseAnswer(path, values, 'phase_error', field === 'reason' ? 'reason_required' : field === 'endsOn' ? 'bad_date' : 'unknown_phase');
}

/** The next phase, with a reason when it ends the current one early. Older forms of the control posted no `move` (anything else is refused). */
const forward = (pick?: PageForm['pick']): PageForm => ({
  page: PHASE,
  ...(pick ? { pick } : {}),
  useCase: forwardPhaseCase,
  params: phaseCycle,
  read: (values) => ({ ...filled(values, 'phase', 'reason'), ...(values.move !== undefined && values.move !== 'forward' ? { move: values.move } : {}) }),
  next: (v, path, values) => phaseAnswer(path, values, 'phase_done', v.to),
  back: phaseRefused,
});

const PHASE_FORMS: PageForm[] = [
  forward({ field: 'move', value: 'forward' }),
  forward(),
  {
    page: PHASE,
    pick: { field: 'move', value: 'extend' },
    useCase: extendPhaseCase,
    params: phaseCycle,
    read: (values) => filled(values, 'endsOn', 'reason'),
    next: (_v, path, values) => phaseAnswer(path, values, 'phase_done', 'extended'),
    back: phaseRefused,
  },
  {
    page: PHASE,
    pick: { field: 'move', value: 'request' },
    useCase: requestPhaseChangeCase,
    params: phaseCycle,
    // The control names the phase to move to `phase`.
    read: (values) => ({ ...filled(values, 'reason', 'endsOn'), ...(values.phase?.trim() ? { to: values.phase } : {}) }),
    next: (_v, path, values) => phaseAnswer(path, values, 'phase_done', 'requested'),
    back: phaseRefused,
  },
  {
    page: '/staff/phase-requests/[id]',
    useCase: decidePhaseRequestCase,
    params: (path, caller) => (caller.auth ? { requestId: path.id ?? '' } : notSignedIn(caller)),
    read: (values) => ({ ...filled(values, 'decision'), note: values.note ?? '' }),
    next: (_v, _path, values) => `/staff?phase_request_done=${values.decision}#phase-requests-h`,
    back: (r) => {
      const code = r.code !== 'validation_failed' ? r.code : r.fields?.note ? 'reason_required' : 'unknown_action';
      return `/staff?phase_request_error=${code}#phase-requests-h`;
    },
  },
];

export const STAFF_DESK_FORMS: PageForm[] = [REGISTER, ...SCREENING_FORMS, PAPER, ...PHASE_FORMS, ...DELIVERY_FORMS];
