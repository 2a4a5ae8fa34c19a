/**
 * @module The forms of a project's page: its bare state-machine steps, the
 * comments (comment, official reply, hide) and the satisfaction rating, all
 * posting to the page itself; and the council's part of the page
 * (src/components/CouncilProjectSections.astro) — a screening opinion, an
 * objection, staff's answer — posting to /projects/<code>/council, which
 * answers by sending the browser back to the project page with what
 * happened in the query string.
 */
import type { PageForm } from '#http/form-edge.ts';
import type { Refusal } from '#cases/use-case.ts';
import { notSignedIn } from '#cases/use-case.ts';
import { projectStepCase } from '#cases/projects.ts';
import { commentCase, hideCommentCase, replyCase } from '#cases/comments.ts';
import { rateCase } from '#cases/ratings.ts';
import { opinionCase } from '#cases/screening.ts';
import { answerObjectionCase, objectCase } from '#cases/notices.ts';
import { PROJECT_EVENTS } from '#domain/project-states.ts';
import { STANCES } from '#services/screening.ts';
import { normalizeProjectCode } from '#domain/project-code.ts';

type Path = Record<string, string | undefined>;

const PAGE = '/projects/[code]';
const COUNCIL = '/projects/[code]/council';

/** The project's code as its page writes it (the page itself sends other spellings on with a 301). */
const codeOf = (path: Path) => normalizeProjectCode(path.code ?? '') ?? path.code ?? '';
const project = (path: Path) => ({ code: codeOf(path) });
const page = (path: Path, query: string, anchor: string) => `/projects/${codeOf(path)}?${query}#${anchor}`;
/** A comment's id as a form sends it: at most 64 characters. */
const commentOf = (values: Record<string, string>) => ({ commentId: (values.commentId ?? '').slice(0, 64) });

const STEPS: PageForm[] = PROJECT_EVENTS.map((event) => ({
  page: PAGE,
  pick: { field: 'event', value: event },
  useCase: projectStepCase,
  read: (v) => ({ event: v.event, reason: (v.reason ?? '').slice(0, 2000) }),
  params: project,
  next: (_v, path) => `/projects/${codeOf(path)}?done=${event}`,
}));

const COMMENTS: PageForm[] = [
  {
    page: PAGE,
    pick: { field: 'intent', value: 'comment' },
    useCase: commentCase,
    read: (v) => ({ body: v.body ?? '' }),
    params: project,
    next: (_v, path) => page(path, 'posted=comment', 'comments'),
  },
  {
    page: PAGE,
    pick: { field: 'intent', value: 'reply_comment' },
    useCase: replyCase,
    read: (v) => ({ body: v.body ?? '' }),
    params: (_path, _caller, values) => commentOf(values),
    next: (_v, path, values) => page(path, 'posted=reply', `comment-${encodeURIComponent(commentOf(values).commentId)}`),
  },
  {
    page: PAGE,
    pick: { field: 'intent', value: 'hide_comment' },
    useCase: hideCommentCase,
    read: (v) => ({ reason: v.reason ?? '' }),
    params: (_path, _caller, values) => commentOf(values),
    next: (_v, path) => page(path, 'posted=hidden', 'comments'),
  },
  {
    page: PAGE,
    pick: { field: 'intent', value: 'rate' },
    useCase: rateCase,
    read: (v) => ({ score: v.score ? Number(v.score) : undefined, comment: v.comment ?? '' }),
    params: project,
    next: (_v, path) => page(path, 'posted=rating', 'rating'),
  },
];

/**
 * The council's forms answer on the project page: done or refused, the
 * browser goes back there with `council_done` or `council_error` (a reason
 * code the page words); someone signed out is asked to sign in first.
 */
function council(action: 'opinion' | 'objection' | 'answer', anchor: string, rest: Pick<PageForm, 'useCase' | 'read' | 'params' | 'next'>): PageForm {
  return {
    page: COUNCIL,
    pick: { field: 'action', value: action },
    ...rest,
    params: (path, caller, values, form) => (caller.auth ? rest.params!(path, caller, values, form) : notSignedIn(caller)),
    back: (r: Refusal, path) => {
      if (r.code === 'not_signed_in') return `/signin?next=${encodeURIComponent(`/projects/${codeOf(path)}`)}`;
      // The one thing the form itself can get wrong is leaving the text empty.
      return page(path, `council_error=${r.code === 'validation_failed' ? 'reason_required' : r.code}`, anchor);
    },
  };
}

/** Up to 2000 characters of a text field, trimmed (the textarea takes no more). */
const text = (v: string | undefined) => (v ?? '').trim().slice(0, 2000);

const COUNCIL_FORMS: PageForm[] = [
  council('opinion', 'opinions', {
    useCase: opinionCase,
    read: (v) => ({ stance: (STANCES as readonly string[]).includes(v.stance ?? '') ? v.stance : 'note', body: text(v.body) }),
    params: project,
    next: (_v, path) => page(path, 'council_done=opinion', 'opinions'),
  }),
  council('objection', 'notice', {
    useCase: objectCase,
    read: (v) => ({ reason: text(v.reason) }),
    params: project,
    next: (_v, path) => page(path, 'council_done=objection', 'notice'),
  }),
  council('answer', 'notice', {
    useCase: answerObjectionCase,
    read: (v) => ({ decision: v.decision === 'uphold' ? 'uphold' : 'dismiss', answer: text(v.answer) }),
    params: (_path, _caller, values) => ({ objectionId: values.objection ?? '' }),
    next: (v: { status: string }, path) => page(path, `council_done=${v.status}`, 'notice'),
  }),
];

export const PROJECT_FORMS: PageForm[] = [...STEPS, ...COMMENTS, ...COUNCIL_FORMS];
