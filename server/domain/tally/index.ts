/**
 * Public API of the tally (pure, no I/O).
 *
 *   tally(election, 'mes-add1')          -> TallyResult
 *   tallyAll(election, ['greedy', 'mes']) -> Record<rule, TallyResult>
 *
 * Its explanations in words: renderExplanation (messages/explanation.ts).
 */
export { RULES, isRuleName, tally, tallyAll, tallyPrepared, metaGreedyOptions } from './tally.ts';
export type { RuleName, TallyResult, TallyOptions } from './tally.ts';
export type { Explanation, ExplanationCode, ExplanationReason, ExplanationBase, MesMiss, Add1Info, Language, RenderOptions } from './explanation.ts';
export type { Election, ProjectInput, BallotInput, VoteType, Prepared } from './election.ts';
export { prepare } from './election.ts';
export { TallyInputError, yuanFromFen, fenFromYuan, parseDecimal, formatScaled } from './decimal.ts';
export type { Money } from './decimal.ts';
export { naturalCompare, naturalSort } from './natural.ts';
export { MesEngine, equalShare } from './mes.ts';
export { runAdd1, isExhaustive } from './add1.ts';
