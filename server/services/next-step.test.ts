/**
 * The next-step panel's facts read from the demo data (no clock running, so
 * 笋西's ended notice is still open): the notice's end, the agreement's
 * implementer and planned end, the staff by name, and the road so far.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '#tests/fixtures.ts';
import { getProject } from './catalog.ts';
import { nextStepPanel } from './next-step.ts';

const NOW = new Date('2026-12-07T12:00:00+08:00');
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: true, now: () => NOW });
}, 60_000);
afterAll(() => t?.close());

async function panel(code: string) {
  const v = (await getProject(t.ctx.database, code, NOW))!;
  return nextStepPanel(t.ctx.database, { project: v.project, place: v.community.place, phases: v.cycle.phases, rulebook: v.rulebook, history: v.history }, NOW);
}

describe('the next-step panel of a project page', () => {
  it('a project in implementation: the implementer named in the agreement, late against its planned end', async () => {
    const p = await panel('SGJD-SXSQ-2026-01');
    expect(p.step).toEqual({ next: 'deliver', actor: 'implementer', person: '深圳市安居智能科技有限公司（示例）', by: '2026-10-31', overdue: true });
    expect(p.current).toBe('in_progress');
    expect(p.done.map((d) => d.state)).toEqual(['submitted', 'screened_in', 'shortlisted', 'under_deliberation', 'in_public_notice', 'approved']);
    expect(p.done.every((d) => d.at !== '')).toBe(true);
    expect(p.ahead.map((a) => a.state)).toEqual(['accepted', 'evaluated', 'audited', 'archived']);
  });

  it('a submitted proposal before screening opens: the screeners by name, the day screening opens', async () => {
    const p = await panel('LTJD-LHSQ-2026-01');
    expect(p.step).toMatchObject({ next: 'screen', actor: 'screeners', opens: '2026-12-16', by: '2026-12-31', overdue: false });
    // 莲花's staff, then 莲塘街道's officer.
    expect(p.step.person).toBe('孙倩（示例）、王芳（示例）、赵磊（示例）');
    expect(p.ahead[0]).toEqual({ state: 'screened_in', phase: { phase: 'screening', startsOn: '2026-12-16', endsOn: '2026-12-31' } });
  });
});
