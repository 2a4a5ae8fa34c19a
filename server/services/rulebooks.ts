/** @module Rulebooks: map stored rows to the domain's Rulebook, and record new versions. */
import { and, desc, eq } from 'drizzle-orm';
import { rulebooks } from '#db/schema.ts';
import type { Tx, Db } from '#db/client.ts';
import type { Rulebook, RulebookSettings } from '../domain/rulebook.ts';
import { validateRulebook } from '../domain/rulebook.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { newId } from './ids.ts';

export type RulebookRow = typeof rulebooks.$inferSelect;

export function toRulebook(row: RulebookRow): Rulebook & { id: string } {
  return {
    id: row.id,
    districtId: row.districtId,
    year: row.year,
    version: row.version,
    categories: row.categories as Rulebook['categories'],
    themes: row.themes as Rulebook['themes'],
    communityBudgetFen: row.communityBudgetFen,
    quorum: { num: row.quorumNum, den: row.quorumDen, strict: true },
    passThreshold: { num: row.passNum, den: row.passDen },
    noticeDays: row.noticeDays,
    negativeList: row.negativeList as Rulebook['negativeList'],
    vote: { method: row.voteMethod, ...(row.voteParams as object) },
    resultRule: row.resultRule,
    // Rulebooks stored before the setting existed have none: they screen after collection (screeningMode).
    ...(row.screening ? { screening: row.screening } : {}),
  };
}

export async function getRulebook(db: Db | Tx, id: string) {
  const r = await db.select().from(rulebooks).where(eq(rulebooks.id, id)).limit(1);
  return r[0] ? toRulebook(r[0]) : null;
}

/** Record a new version of a district's rulebook for a year (versions count up from 1). */
export async function addRulebookVersion(
  tx: Tx,
  input: { districtId: string; year: number; settings: RulebookSettings; actor: AuditActor; at: Date },
) {
  const latest = await tx
    .select({ version: rulebooks.version })
    .from(rulebooks)
    .where(and(eq(rulebooks.districtId, input.districtId), eq(rulebooks.year, input.year)))
    .orderBy(desc(rulebooks.version))
    .limit(1);
  const version = (latest[0]?.version ?? 0) + 1;
  const s = input.settings;
  const problems = validateRulebook({ ...s, districtId: input.districtId, year: input.year, version });
  if (problems.length) throw new Error(`invalid rulebook: ${JSON.stringify(problems)}`);
  const { method, ...voteParams } = s.vote;
  const id = newId();
  await tx.insert(rulebooks).values({
    id,
    districtId: input.districtId,
    year: input.year,
    version,
    communityBudgetFen: s.communityBudgetFen,
    quorumNum: s.quorum.num,
    quorumDen: s.quorum.den,
    passNum: s.passThreshold.num,
    passDen: s.passThreshold.den,
    noticeDays: s.noticeDays,
    voteMethod: method,
    voteParams,
    resultRule: s.resultRule,
    screening: s.screening ?? null,
    categories: s.categories,
    themes: s.themes,
    negativeList: s.negativeList,
    createdAt: input.at,
    createdBy: input.actor.accountId,
  });
  await appendAudit(tx, {
    actor: input.actor,
    action: 'rulebook.version_added',
    subjectType: 'rulebook',
    subjectId: id,
    after: { districtId: input.districtId, year: input.year, version },
    at: input.at,
  });
  return { id, version };
}
