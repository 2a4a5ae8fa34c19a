/**
 * @module The forms of the meeting pages: staff scheduling a meeting
 * (/staff/<slug>/meetings) and running it (/staff/<slug>/meetings/<id>, one
 * form per step, picked by `action`), and a council member's own vote on the
 * public meeting page (/meetings/<id>).
 */
import type { PageForm } from '#http/form-edge.ts';
import { notSignedIn, type Caller, type Refusal } from '#cases/use-case.ts';
import { councilRefusal } from '#cases/acting.ts';
import {
  addAddendumCase,
  closeMeetingCase,
  decideItemCase,
  openMeetingCase,
  publishAgendaCase,
  recordAttendanceCase,
  recordNotesCase,
  recordVotesCase,
  scheduleMeetingCase,
  setAgendaCase,
  type ItemParams,
  type MeetingParams,
} from '#cases/meetings.ts';
import { getCommunity } from '#services/catalog.ts';
import { communityBySlug } from '#services/council.ts';
import { communityOfMeeting } from '#services/meetings.ts';
import { COUNCIL_VOTES } from '#domain/meeting.ts';

type Path = Record<string, string | undefined>;

const strings = (form: FormData, name: string) => form.getAll(name).filter((x): x is string => typeof x === 'string');

/** The projects ticked for the agenda; none ticked is refused as the service words it, at the agenda's boxes. */
function agendaOf(form: FormData, caller: Caller): string[] | Refusal {
  const codes = strings(form, 'agenda');
  return codes.length ? codes : { ...councilRefusal(caller, 'agenda_empty'), field: 'agenda' };
}

/** The meeting in the path, if it is a meeting of the community in the path (else there is no such page). */
async function meetingOfPage(path: Path, caller: Caller): Promise<MeetingParams | Refusal> {
  const db = caller.ctx.database.db;
  const community = await communityBySlug(db, path.slug ?? '');
  const communityId = community ? await communityOfMeeting(db, path.id ?? '') : null;
  return community && communityId === community.id ? { meetingId: path.id! } : councilRefusal(caller, 'not_found');
}

async function itemOfPage(path: Path, caller: Caller, values: Record<string, string>): Promise<ItemParams | Refusal> {
  const m = await meetingOfPage(path, caller);
  return 'meetingId' in m ? { ...m, itemId: values.item ?? '' } : m;
}

/** Back to the meeting with what was done, at the item it concerned. */
const doneHere = (_v: unknown, _path: Path, values: Record<string, string>, url: URL) => `${url.pathname}?done=${values.action}${values.item ? `#item-${values.item}` : ''}`;

const STAFF_MEETING = '/staff/[slug]/meetings/[id]';
const step = (action: string) => ({ page: STAFF_MEETING, pick: { field: 'action', value: action }, next: doneHere });

export const MEETING_FORMS: PageForm[] = [
  // Scheduling: the cycle is the one the page shows (a hidden field), of the community in the path.
  {
    page: '/staff/[slug]/meetings',
    useCase: scheduleMeetingCase,
    read: (v, form, caller) => {
      const agenda = agendaOf(form, caller);
      return 'ok' in agenda ? agenda : { title: v.title ?? '', scheduledAt: (v.scheduledAt ?? '').slice(0, 16), place: v.place ?? '', agenda };
    },
    params: async (path, caller, values) => {
      const community = await getCommunity(caller.ctx.database, path.slug ?? '', caller.ctx.now());
      return community?.cycles.some((cy) => cy.id === values.cycle) ? { cycleId: values.cycle! } : councilRefusal(caller, 'not_found');
    },
    next: (v, path) => `/staff/${path.slug}/meetings/${v.id}?done=scheduled`,
  },
  {
    ...step('agenda'),
    useCase: setAgendaCase,
    read: (_v, form, caller) => {
      const projects = agendaOf(form, caller);
      return 'ok' in projects ? projects : { projects };
    },
    fieldsOnForm: { projects: 'agenda' },
    params: meetingOfPage,
  },
  { ...step('publish'), useCase: publishAgendaCase, params: meetingOfPage },
  { ...step('open'), useCase: openMeetingCase, params: meetingOfPage },
  { ...step('attendance'), useCase: recordAttendanceCase, read: (_v, form) => ({ present: strings(form, 'present') }), params: meetingOfPage },
  { ...step('notes'), useCase: recordNotesCase, params: itemOfPage },
  {
    // The show of hands: one radio group per present member, `vote-<accountId>`.
    ...step('votes'),
    useCase: recordVotesCase,
    read: (v) => ({
      votes: Object.entries(v)
        .filter(([k, vote]) => k.startsWith('vote-') && (COUNCIL_VOTES as readonly string[]).includes(vote))
        .map(([k, vote]) => ({ accountId: k.slice('vote-'.length), vote })),
    }),
    params: itemOfPage,
  },
  { ...step('decide'), useCase: decideItemCase, params: itemOfPage },
  {
    // Each undecided item ticked `carry-<itemId>` (its value the project's code) goes over with its `carryReason-<itemId>`, in the form's order.
    ...step('close'),
    useCase: closeMeetingCase,
    read: (v) => ({
      minutes: v.minutes ?? '',
      carryOver: Object.entries(v)
        .filter(([k]) => k.startsWith('carry-'))
        .map(([k, project]) => ({ project, reason: v[`carryReason-${k.slice('carry-'.length)}`] ?? '' })),
    }),
    params: meetingOfPage,
  },
  { ...step('addendum'), useCase: addAddendumCase, params: meetingOfPage },
  // A council member's own vote on the public page: the item and the member (a hidden field), the vote its button.
  {
    page: '/meetings/[id]',
    useCase: recordVotesCase,
    read: (v) => ({ votes: [{ accountId: v.member ?? '', vote: v.vote ?? '' }] }),
    fieldsOnForm: { 'votes.0.vote': 'vote', 'votes.0.accountId': 'member' },
    // Signed out (a session that ended): refused before the form is read, so the edge sends the person to sign in.
    params: (path, caller, values) => (caller.auth ? { meetingId: path.id ?? '', itemId: values.item ?? '' } : notSignedIn(caller)),
    next: (_v, _path, values, url) => `${url.pathname}?done=vote#my-${values.item}`,
  },
];
