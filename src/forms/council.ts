/**
 * @module The forms of the council's pages: a community's council terms,
 * running a meeting (staff), a member's own vote at an open meeting, and a
 * district's rulebooks. Each runs its use case (server/cases/council.ts,
 * meetings.ts, rulebooks.ts); the pages only read.
 */
import type { PageForm } from '#http/form-edge.ts';
import { addTermCase, endTermCase } from '#cases/council.ts';
import { MEETING_FORMS } from './meetings.ts';
import { RULEBOOK_FORMS } from './rulebooks.ts';

const TERM_FORMS: PageForm[] = [
  {
    page: '/staff/[slug]/council',
    pick: { field: 'action', value: 'add' },
    useCase: addTermCase,
    read: (v) => ({ login: v.login ?? '', role: v.role ?? '', startsOn: v.startsOn ?? '', endsOn: (v.endsOn ?? '').trim() || null }),
    params: (path) => ({ slug: path.slug ?? '' }),
    next: (_v, _path, _values, url) => `${url.pathname}?done=added`,
  },
  {
    page: '/staff/[slug]/council',
    pick: { field: 'action', value: 'end' },
    useCase: endTermCase,
    params: (_path, _caller, values) => ({ termId: values.term ?? '' }),
    next: (_v, _path, _values, url) => `${url.pathname}?done=ended`,
  },
];

export const COUNCIL_FORMS: PageForm[] = [...TERM_FORMS, ...MEETING_FORMS, ...RULEBOOK_FORMS];
