/**
 * @module Rating an accepted project (residents of its community, once
 * each): POST /api/projects/{code}/ratings and the survey form of a
 * project's page.
 */
import { z } from '@hono/zod-openapi';
import { auditActorOf } from '../services/accounts.ts';
import { rateProject, RATING_COMMENT_MAX } from '../services/ratings.ts';
import { say } from '#messages/say.ts';
import { canSee, loadProjectWithPlace } from '../services/proposals.ts';
import { noSuchProject } from './projects.ts';
import { done, notSignedIn, refusal, refusedFor, useCase, type Caller, type Refusal } from './use-case.ts';
import type { RatingOutcome } from '../services/ratings.ts';

/** A refused rating: a second one is 409 already_rated; a field only for what the form itself got wrong (422). */
function ratingRefusal(caller: Pick<Caller, 'locale'>, r: Exclude<RatingOutcome, { ok: true }>): Refusal {
  const { locale } = caller;
  switch (r.code) {
    case 'not_found':
      return refusal(r.code, 404, say.reasons(locale, 'rating.not_found'));
    case 'already_rated':
      return refusal(r.code, 409, say.reasons(locale, 'rating.already_rated'));
    case 'no_register_entry':
      return refusal(r.code, 403, say.reasons(locale, 'rating.no_register_entry'));
    case 'bad_score':
    case 'comment_too_long':
      return refusal(r.code, 422, say.reasons(locale, `rating.${r.code}`, { max: RATING_COMMENT_MAX }), { field: r.field });
    default:
      return refusedFor(caller, r.code);
  }
}

export const RatingInput = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().max(5000).optional().openapi({ description: `At most ${RATING_COMMENT_MAX} characters once control characters are dropped and the ends trimmed (422 \`comment_too_long\` otherwise)` }),
});

export const rateCase = useCase({
  name: 'project.rate',
  input: RatingInput,
  async run(caller, input, { code }: { code: string }) {
    const { ctx, auth } = caller;
    const loaded = await loadProjectWithPlace(ctx.database.db, { code });
    if (!loaded || !canSee(loaded.p, loaded.place, auth?.actor ?? null)) return noSuchProject(caller);
    if (!auth) return notSignedIn(caller);
    const r = await rateProject(ctx, loaded.p.id, input, auth.actor, auditActorOf(auth, 'resident'));
    if (r.ok) return done({ id: r.id });
    return ratingRefusal(caller, r);
  },
});
