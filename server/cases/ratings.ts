/**
 * @module Rating an accepted project (residents of its community, once
 * each): POST /api/projects/{code}/ratings and the survey form of a
 * project's page.
 */
import { z } from '@hono/zod-openapi';
import { auditActorOf } from '../services/accounts.ts';
import { describeRatingRefusal, rateProject, RATING_COMMENT_MAX } from '../services/ratings.ts';
import { canSee, loadProjectWithPlace } from '../services/proposals.ts';
import { noSuchProject } from './projects.ts';
import { done, notSignedIn, refusal, useCase } from './use-case.ts';

export const RatingInput = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().max(5000).optional().openapi({ description: `At most ${RATING_COMMENT_MAX} characters once control characters are dropped and the ends trimmed (422 \`comment_too_long\` otherwise)` }),
});

export const rateCase = useCase({
  name: 'project.rate',
  input: RatingInput,
  async run(caller, input, { code }: { code: string }) {
    const { ctx, auth, locale } = caller;
    const loaded = await loadProjectWithPlace(ctx.database.db, { code });
    if (!loaded || !canSee(loaded.p, loaded.place, auth?.actor ?? null)) return noSuchProject(caller);
    if (!auth) return notSignedIn(caller);
    const r = await rateProject(ctx, loaded.p.id, input, auth.actor, auditActorOf(auth, 'resident'));
    if (r.ok) return done({ id: r.id });
    const a = describeRatingRefusal(r, locale);
    // A field only for what the form itself got wrong (422), as the API always answered.
    return refusal(a.code, a.status, a.message, a.field && a.status === 422 ? { field: a.field } : {});
  },
});
