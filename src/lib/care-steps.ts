/**
 * @module The plan of a step-by-step form in the 长辈版 (CareStep.astro): the
 * screens' anchors in order and the one shown first. The proposal form's
 * screens are one question each; a refused submission opens on the first
 * screen with a problem.
 */

export type StepPlan = { ids: string[]; start: string };

/** The proposal form's questions, top to bottom, each with the fields it holds. */
export const PROPOSAL_STEPS = [
  ['title', ['title']],
  ['category', ['category']],
  ['theme', ['theme']],
  ['estimatedCost', ['estimatedCost']],
  ['description', ['description']],
  ['address', ['address', 'lat', 'lng']],
  ['beneficiaries', ['beneficiaries', 'beneficiaryCount']],
  ['files', ['files']],
] as const satisfies readonly (readonly [string, readonly string[]])[];

export const stepAnchor = (key: string) => `step-${key}`;

/** The proposal form's plan: an opening screen, its questions, a last screen to check and send. */
export function proposalPlan(errors: Record<string, string>, withFiles: boolean): StepPlan {
  const steps = PROPOSAL_STEPS.filter(([key]) => withFiles || key !== 'files');
  const ids = ['step-intro', ...steps.map(([key]) => stepAnchor(key)), 'step-review'];
  const broken = steps.find(([, fields]) => fields.some((f) => errors[f]));
  const start = broken ? stepAnchor(broken[0]) : Object.keys(errors).length > 0 ? 'step-review' : 'step-intro';
  return { ids, start };
}

/** Where a screen sits in its plan: its number, and the screens before and after it. */
export function stepPlace(plan: StepPlan, id: string): { n: number; total: number; prev?: string; next?: string; start: boolean } {
  const i = plan.ids.indexOf(id);
  if (i < 0) throw new Error(`no step ${id} in the plan`);
  return { n: i + 1, total: plan.ids.length, prev: plan.ids[i - 1], next: plan.ids[i + 1], start: plan.start === id };
}
