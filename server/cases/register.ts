/** @module The resident register: staff (or an officer above them) import its rows from CSV. */
import { getCommunity } from '../services/catalog.ts';
import { ImportInput, importRegister } from '../services/residents.ts';
import { MAX_REGISTER_ROWS } from '../domain/register-csv.ts';
import { describeCsvProblem } from '#messages/register-words.ts';
import { say } from '#messages/say.ts';
import { actingAs } from './acting.ts';
import { done, refusal, refusedFor, useCase } from './use-case.ts';


export const importRegisterCase = useCase({
  name: 'register.import',
  input: ImportInput,
  async run(caller, { csv }, on: { slug: string }) {
    const { ctx, auth } = caller;
    const found = await getCommunity(ctx.database, on.slug, ctx.now());
    if (!found) return refusal('not_found', 404, say.reasons(caller.locale, 'community.not_found'));
    const r = await importRegister(ctx, found.place, csv, auth?.actor ?? null, actingAs(caller, ['staff', 'officer']));
    if (r.ok) return done({ imported: r.imported, skipped: r.skipped });
    if (r.code === 'invalid_csv') {
      // Each problem by its line (and column): `csv:3:2`.
      const words = say.register.table(caller.locale);
      const fields = Object.fromEntries(r.problems.map((p) => [`csv:${p.line}${p.column ? `:${p.column}` : ''}`, describeCsvProblem(p, words, MAX_REGISTER_ROWS)]));
      return refusal('invalid_csv', 422, describeCsvProblem(r.problems[0]!, words, MAX_REGISTER_ROWS), { fields });
    }
    return refusedFor(caller, r.code);
  },
});
