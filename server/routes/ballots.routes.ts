/**
 * @module The resident vote over HTTP: the ballot (read, cast), paper ballots
 * (staff double entry and the queue of entries still to check), public
 * receipt checks, and the counted results.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, errorResponses, fail, jsonBody, jsonContent, type AppEnv } from '../http/router.ts';
import { perform, refused } from '../http/use-case-route.ts';
import { clientKey } from '../http/middleware.ts';
import {
  paperQueue,
  voterView,
  type BallotRefusal,
} from '../services/ballots.ts';
import { checkReceiptCase } from '../cases/receipts.ts';
import { getResults } from '../services/results.ts';
import type { Ballot } from '../domain/ballot-rules.ts';
import { describeVoteRule } from '#messages/ballot-words.ts';
import { BallotBody, PaperInput, ballotReasonText, ballotRefusal, castBallotCase, enterPaperBallotCase } from '../cases/ballots.ts';
import { say } from '#messages/say.ts';
import { TYPED_RECEIPT } from '../domain/receipts.ts';

const Id = z.object({ id: z.string().min(1).max(64).openapi({ example: 'cy-xianhu-2026' }) });

const BallotContent = z.object({ method: z.enum(['approval', 'basket', 'points']), projects: z.array(z.string()).optional(), points: z.record(z.string(), z.number()).optional() }).openapi('BallotContent');

const Reason = z.object({ code: z.string(), message: z.string() });

const VoterBallotSchema = z
  .object({
    cycle: z.object({ id: z.string(), titleZh: z.string(), titleEn: z.string(), phase: z.string().nullable(), budgetFen: z.number().int() }),
    community: z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() }),
    rules: z.object({
      method: z.enum(['none', 'approval', 'basket', 'points']),
      maxChoices: z.number().int().optional(),
      minShare: z.object({ num: z.number().int(), den: z.number().int() }).optional(),
      points: z.number().int().optional(),
      maxPerProject: z.number().int().optional(),
      description: z.string(),
    }),
    projects: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), category: z.string(), costFen: z.number().int() })),
    canCast: z.boolean(),
    reason: Reason.nullable(),
    current: z.object({ channel: z.enum(['online', 'paper']), castAt: z.string(), ballot: BallotContent }).nullable(),
  })
  .openapi('VoterBallot');

const CastSchema = z
  .object({ receiptCode: z.string().openapi({ example: 'ABCDE-FGH23' }), castAt: z.string(), replaced: z.boolean(), ballot: BallotContent })
  .openapi('CastBallot');

const Cycle = z.object({ id: z.string(), titleZh: z.string(), titleEn: z.string() });
const ReceiptSchema = z
  .object({
    status: z.enum(['vote_open', 'superseded', 'counted']),
    message: z.string(),
    cycle: Cycle,
    channel: z.enum(['online', 'paper']).optional().openapi({ description: 'When counted: how it was cast. Never what it said: a receipt proves inclusion, not content' }),
  })
  .openapi('Receipt');

const PaperResultSchema = z
  .object({ status: z.enum(['pending', 'matched', 'mismatch', 'resolved']), entries: z.number().int(), message: z.string(), receiptCode: z.string().optional() })
  .openapi('PaperBallotEntry');

const PaperQueueSchema = z
  .object({
    counted: z.number().int(),
    items: z.array(z.object({ paperSerial: z.string(), status: z.enum(['pending', 'mismatch']), entries: z.array(z.object({ enteredBy: z.string(), at: z.string() })), differs: z.array(z.enum(['registerNo', 'choices'])) })),
  })
  .openapi('PaperBallotQueue');

const Outcome = z.object({ funded: z.boolean(), code: z.string(), explanation: z.object({ 'zh-CN': z.string(), en: z.string() }) });
const RuleSummary = z.object({ rule: z.string(), name: z.string(), note: z.string(), selected: z.array(z.string()).openapi({ description: 'codes of the funded projects' }), totalCostFen: z.number().int() });
const ResultsSchema = z
  .object({
    cycleId: z.string(),
    ballotCount: z.number().int(),
    computedAt: z.string(),
    budgetFen: z.number().int(),
    official: RuleSummary,
    comparison: RuleSummary.nullable(),
    projects: z.array(
      z.object({ code: z.string(), title: z.string(), costFen: z.number().int(), votes: z.number().int(), score: z.number().int(), scoreUnit: z.enum(['votes', 'points']), official: Outcome, comparison: Outcome.nullable() }),
    ),
  })
  .openapi('VoteResults');

type C = Context<AppEnv>;

/** A refusal from the ballot services as an error body: rule breaks name their fields. */
function refuseBallot(c: C, r: BallotRefusal) {
  return refused(c, ballotRefusal({ locale: c.get('locale') }, r));
}

function ballotJson(b: Ballot) {
  return b.method === 'points' ? { method: b.method, points: b.points } : { method: b.method, projects: b.projects };
}

export const ballotRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}/ballot',
      tags: ['voting'],
      summary: 'The ballot of a cycle’s resident vote: its rules and projects, whether you can vote now (and why not), and your current ballot',
      request: { params: Id },
      responses: { 200: jsonContent(VoterBallotSchema, 'Ballot'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const locale = c.get('locale');
      const auth = c.get('auth');
      const v = await voterView(ctx, c.req.valid('param').id, auth?.actor ?? null);
      if (!v) return fail(c, 404, 'not_found', say.reasons(locale, 'ballot.not_found'));
      const { setup, why, current } = v;
      const message = why ? ballotReasonText(locale, why) : null;
      return c.json(
        {
          cycle: { id: setup.cycle.id, titleZh: setup.cycle.titleZh, titleEn: setup.cycle.titleEn, phase: setup.cycle.phase, budgetFen: setup.cycle.budgetFen },
          community: setup.community,
          rules: { ...setup.vote, description: describeVoteRule(setup.vote, setup.cycle.budgetFen, say.voting.table(locale), locale) },
          projects: setup.projects.map((p) => ({ id: p.id, code: p.code, title: p.title, category: p.category, costFen: p.costFen })),
          canCast: why === null,
          reason: why ? { code: why, message: message! } : null,
          current: current ? { channel: current.channel, castAt: current.castAt.toISOString(), ballot: ballotJson(current.ballot) } : null,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/ballot',
      tags: ['voting'],
      summary: 'Cast your ballot (verified residents, while the vote is open). Casting again replaces your ballot. A ballot that breaks a rule is refused whole.',
      request: { params: Id, body: jsonBody(BallotBody) },
      responses: { 201: jsonContent(CastSchema, 'Cast; keep the receipt code'), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) =>
      perform(c, castBallotCase, c.req.valid('json'), { cycleId: c.req.valid('param').id }, (v) =>
        c.json({ receiptCode: v.receiptCode, castAt: v.castAt.toISOString(), replaced: v.replaced, ballot: ballotJson(v.ballot) }, 201),
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/receipts/{code}',
      tags: ['voting'],
      summary: 'Check a ballot receipt (anyone): after the count, whether the ballot was counted or replaced; never what it said, nor who cast it',
      request: { params: z.object({ code: z.string().min(1).max(32).openapi({ pattern: TYPED_RECEIPT, example: 'ABCDE-FGH23', description: 'The ten symbols of the receipt, in either case, with or without the hyphen; anything else is answered 400 `receipt_malformed`' }) }) },
      responses: { 200: jsonContent(ReceiptSchema, 'Receipt'), ...errorResponses(400, 404, 429) },
    }),
    async (c) => perform(c, checkReceiptCase, { code: c.req.valid('param').code }, undefined, (r) => c.json({ ...r, message: say.voting(c.get('locale'), `receipt.outcome.${r.status}`) }, 200)),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cycles/{id}/paper-ballots',
      tags: ['voting'],
      summary: 'Enter a paper ballot (community staff). Each paper ballot is entered twice by two different staff accounts; a mismatch is flagged for a third check.',
      request: { params: Id, body: jsonBody(PaperInput) },
      responses: { 201: jsonContent(PaperResultSchema, 'Entry recorded'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => perform(c, enterPaperBallotCase, c.req.valid('json'), { cycleId: c.req.valid('param').id }, (r) => c.json({ ...r, message: say.voting(c.get('locale'), `paper.entered.${r.status}`) }, 201)),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}/paper-ballots',
      tags: ['voting'],
      summary: 'Paper ballots waiting for a second entry or a third check (community staff); never their contents',
      request: { params: Id },
      responses: { 200: jsonContent(PaperQueueSchema, 'Queue'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const auth = c.get('auth');
      const r = await paperQueue(c.get('ctx'), c.req.valid('param').id, auth?.actor ?? null);
      if (!r.ok) return refuseBallot(c, r);
      return c.json({ counted: r.counted, items: r.items.map((i) => ({ ...i, entries: i.entries.map((e) => ({ enteredBy: e.enteredBy, at: e.at.toISOString() })) })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cycles/{id}/results',
      tags: ['voting'],
      summary: 'The counted result of a cycle’s resident vote: the official rule and the other rule side by side, each project with its votes and why it was or was not funded',
      request: { params: Id },
      responses: { 200: jsonContent(ResultsSchema, 'Results'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const locale = c.get('locale');
      const r = await getResults(c.get('ctx').database, c.req.valid('param').id);
      if (!r) return fail(c, 404, 'not_counted', say.reasons(locale, 'results.not_counted'));
      const codeOf = new Map(r.projects.map((p) => [p.id, p.code]));
      const summary = (s: NonNullable<typeof r.comparison>) => ({ ...s, selected: s.selected.map((id) => codeOf.get(id) ?? id), name: say.tally(locale, `rule.${s.rule}.name`), note: say.tally(locale, `rule.${s.rule}.note`) });
      return c.json(
        {
          cycleId: r.cycleId,
          ballotCount: r.ballotCount,
          computedAt: r.computedAt.toISOString(),
          budgetFen: r.budgetFen,
          official: summary(r.official),
          comparison: r.comparison ? summary(r.comparison) : null,
          projects: r.projects.map(({ id: _id, ...p }) => p),
        },
        200,
      );
    },
  );
