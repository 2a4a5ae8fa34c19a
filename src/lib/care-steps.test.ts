import { describe, expect, it } from 'vitest';
import { proposalPlan, stepPlace } from './care-steps.ts';

describe('the 长辈版 proposal form, one question per screen', () => {
  it('opens on its first screen and ends on the screen that sends it', () => {
    const plan = proposalPlan({}, true);
    expect(plan.start).toBe('step-intro');
    expect(plan.ids).toEqual(['step-intro', 'step-title', 'step-category', 'step-theme', 'step-estimatedCost', 'step-description', 'step-address', 'step-beneficiaries', 'step-files', 'step-review']);
    expect(stepPlace(plan, 'step-intro')).toEqual({ n: 1, total: 10, prev: undefined, next: 'step-title', start: true });
    expect(stepPlace(plan, 'step-review')).toEqual({ n: 10, total: 10, prev: 'step-files', next: undefined, start: false });
  });

  it('a refused form opens on the first screen, in the form’s order, that holds a field with a problem', () => {
    expect(proposalPlan({ beneficiaryCount: 'x', description: 'y' }, true).start).toBe('step-description');
    expect(proposalPlan({ lng: 'x' }, true).start).toBe('step-address');
  });

  it('a problem with no field of its own opens on the last screen, where the buttons are', () => {
    expect(proposalPlan({ _: 'rate limited' }, true).start).toBe('step-review');
  });

  it('a form without files has no files screen', () => {
    expect(proposalPlan({}, false).ids).not.toContain('step-files');
  });

  it('a screen not in the plan is a mistake, said at once', () => {
    expect(() => stepPlace(proposalPlan({}, true), 'step-nowhere')).toThrow('no step step-nowhere');
  });
});
