import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testApp } from '#tests/fixtures.ts';
import { cycles, projects } from '#db/schema.ts';
import { DEFAULT_RULEBOOK_SETTINGS, type RulebookSettings } from '../domain/rulebook.ts';
import { addRulebookVersion, getRulebook } from './rulebooks.ts';
import { applyProjectEvent } from './projects.ts';
import { setCyclePhase } from './cycles.ts';
import { loadActor } from './accounts.ts';
import { SYSTEM_AUDIT_ACTOR } from './audit.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const NOW = new Date('2026-12-07T10:00:00+08:00');
beforeAll(async () => {
  t = await testApp({ seed: true, now: () => NOW });
});
afterAll(() => t.close());

const actor = async (id: string) => (await loadActor(t.ctx, id)).actor;
const who = (id: string, role: string, name: string) => ({ accountId: id, role, name });
const projectId = async (code: string) => (await t.ctx.database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, code)))[0]!.id;
async function bindTo(cycleId: string, settings: RulebookSettings) {
  const rb = await t.ctx.database.write((tx) => addRulebookVersion(tx, { districtId: 'd-lh', year: 2026, settings, actor: SYSTEM_AUDIT_ACTOR, at: NOW }));
  await t.ctx.database.write((tx) => tx.update(cycles).set({ rulebookId: rb.id }).where(eq(cycles.id, cycleId)));
  return rb.id;
}

describe('rulebook options in the services', () => {
  it('a rulebook stored before the options reads as screening after collection and a binding vote', async () => {
    const id = (await t.ctx.database.db.select({ r: cycles.rulebookId }).from(cycles).where(eq(cycles.id, 'cy-lianhua-2026')))[0]!.r;
    await t.ctx.database.client.execute({ sql: 'update rulebooks set screening = null where id = ?', args: [id] });
    const rb = (await getRulebook(t.ctx.database.db, id))!;
    expect(rb.screening).toBeUndefined();
    expect(rb.vote.effect).toBeUndefined();
  });

  it('rolling screening lets staff screen a submitted proposal during collection', async () => {
    const code = 'LTJD-LHSQ-2026-04';
    const staff = await actor('demo-staff_lt');
    const staffAudit = who('demo-staff_lt', 'staff', '王芳（示例）');
    expect(await applyProjectEvent(t.ctx.database, { projectId: await projectId(code), event: 'screen_in' }, staff, staffAudit, NOW)).toEqual({ ok: false, code: 'wrong_phase' });
    await bindTo('cy-lianhua-2026', { ...DEFAULT_RULEBOOK_SETTINGS, screening: 'rolling' });
    expect(await applyProjectEvent(t.ctx.database, { projectId: await projectId(code), event: 'screen_in' }, staff, staffAudit, NOW)).toMatchObject({ ok: true });
  });

  it('under an advisory vote the council may take up a project the vote did not pick; under a binding one it may not', async () => {
    const staff = await actor('demo-staff_xh');
    const staffAudit = who('demo-staff_xh', 'staff', '周敏（示例）');
    expect(await setCyclePhase(t.ctx, 'cy-xianhu-2026', 'deliberation', staff, staffAudit)).toMatchObject({ ok: true });
    const left = (await t.ctx.database.db.select({ id: projects.id, state: projects.state }).from(projects).where(eq(projects.cycleId, 'cy-xianhu-2026'))).find((p) => p.state === 'not_shortlisted')!;
    expect(await applyProjectEvent(t.ctx.database, { projectId: left.id, event: 'send_to_deliberation' }, staff, staffAudit, NOW)).toEqual({ ok: false, code: 'terminal_state' });
    await bindTo('cy-xianhu-2026', { ...DEFAULT_RULEBOOK_SETTINGS, vote: { ...DEFAULT_RULEBOOK_SETTINGS.vote, effect: 'advisory' } });
    expect(await applyProjectEvent(t.ctx.database, { projectId: left.id, event: 'send_to_deliberation' }, staff, staffAudit, NOW)).toMatchObject({ ok: true, from: 'not_shortlisted', to: 'under_deliberation' });
  });
});
