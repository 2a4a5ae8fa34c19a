/**
 * @module A district's rulebooks' use cases: publish a new version (district
 * officers; shapes checked by the input, meaning by validateRulebook, whose
 * problems come back per field) and bind a cycle to another version of its
 * year before its vote or deliberation opens.
 */
import { z } from '@hono/zod-openapi';
import { RESULT_RULES, VOTE_HELD, VOTE_EFFECTS, SCREENING_MODES, VOTE_METHODS, type RulebookIssue } from '../domain/rulebook.ts';
import { bindCycleRulebook, createRulebookVersion } from '../services/rulebook-admin.ts';
import { done, useCase, type Locale } from './use-case.ts';
import { say } from '#messages/say.ts';
import { actingAs, councilRefusal } from './acting.ts';
import { filledText } from '../services/text-fields.ts';

/** validateRulebook's issues as { field path: sentence }, for the API's error body and the form. */
export function issueFields(issues: RulebookIssue[], locale: Locale): Record<string, string> {
  return Object.fromEntries(issues.map((i) => [i.field, say.reasons(locale, `rulebookIssue.${i.reason}`)]));
}

const Bilingual = z.strictObject({ zh: filledText(200), en: filledText(300) });
const Fen = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Fraction = z.strictObject({ num: z.number().int().min(0).max(1000), den: z.number().int().min(1).max(1000) });
export const RulebookSettingsInput = z
  .strictObject({
    categories: z.array(z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), name: Bilingual, capFen: Fen })).min(1).max(20),
    themes: z.array(z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), name: Bilingual })).max(40),
    communityBudgetFen: Fen,
    quorum: Fraction.extend({ strict: z.literal(true) }),
    passThreshold: Fraction,
    noticeDays: z.number().int().min(1).max(90),
    negativeList: z.array(z.strictObject({ term: filledText(40), rule: Bilingual })).max(60),
    vote: z.strictObject({
      method: z.enum(VOTE_METHODS),
      maxChoices: z.number().int().positive().max(100).optional(),
      minShare: Fraction.optional(),
      points: z.number().int().positive().max(1000).optional(),
      maxPerProject: z.number().int().positive().max(1000).optional(),
      effect: z.enum(VOTE_EFFECTS).optional().openapi({ description: 'What the vote decides: `binding` (only the projects it funds go to the council; the default) or `advisory` (held and published, the shortlist follows it, but the council may also take up projects it did not choose). Not with method `none`.' }),
      held: z.enum(VOTE_HELD).optional().openapi({ description: 'Where the resident vote is held: `here` (online and paper ballots on this site; the default) or `elsewhere` (an offline vote whose ballots are imported afterwards as a .pb file and count once a second person approves the import).' }),
    }),
    resultRule: z.enum(RESULT_RULES),
    screening: z.enum(SCREENING_MODES).optional().openapi({ description: 'When proposals are screened: `after_collection` (in the screening phase; the default) or `rolling` (as they come in, during collection too).' }),
  })
  .openapi('RulebookSettings');

export const NewRulebookInput = z.strictObject({ year: z.number().int().min(2000).max(2100), settings: RulebookSettingsInput });

/** A district officer publishes a new rulebook version for a year (the next version number). */
export const createRulebookCase = useCase({
  name: 'rulebook.create',
  input: NewRulebookInput,
  async run(caller, input, params: { districtId: string }) {
    const r = await createRulebookVersion(caller.ctx, { districtId: params.districtId, year: input.year, settings: input.settings }, caller.auth?.actor ?? null, actingAs(caller, ['officer']));
    if (!r.ok) return councilRefusal(caller, r.code, { fields: 'issues' in r ? issueFields(r.issues, caller.locale) : undefined });
    return done({ id: r.id, version: r.version });
  },
});

export const BindRulebookInput = z.strictObject({ rulebookId: z.string().min(1).max(64) });

/** A district officer binds a cycle to another version of the district's rulebook for its year. */
export const bindRulebookCase = useCase({
  name: 'rulebook.bind',
  input: BindRulebookInput,
  async run(caller, input, params: { cycleId: string }) {
    const r = await bindCycleRulebook(caller.ctx, params.cycleId, input.rulebookId, caller.auth?.actor ?? null, actingAs(caller, ['officer']));
    return r.ok ? done(null) : councilRefusal(caller, r.code, { project: r.category });
  },
});
