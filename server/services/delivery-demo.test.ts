import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { createClient } from '@libsql/client';
import { testApp } from '#tests/fixtures.ts';
import { agreements, cycles, payments, projects } from '#db/schema.ts';
import { auditHead } from './audit.ts';
import { PAST_CYCLE_ID, seedDeliveryDemo, seedPastCycleDemo } from './delivery-demo.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** `npm run audit:verify` as a person would run it: a separate process, on the database file. */
function auditVerify(url: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(resolve(ROOT, 'node_modules/.bin/node'), ['scripts/audit-verify.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' } }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A raw connection that drops the append-only triggers first, like someone editing the file behind the application's back. */
async function tamper(url: string, sql: string) {
  const raw = createClient({ url });
  await raw.execute('DROP TRIGGER IF EXISTS audit_log_no_update');
  await raw.execute('DROP TRIGGER IF EXISTS audit_log_no_delete');
  await raw.execute(sql);
  raw.close();
}

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ seed: true });
});
afterAll(() => t.close());

describe('the delivery demo', () => {
  // The demo seed may already have run these (then the first call here does nothing too).
  it('gives the 笋西 projects in delivery their agreements and payments, once', async () => {
    await seedDeliveryDemo(t.ctx);
    expect(await seedDeliveryDemo(t.ctx)).toBe(false);
    const rows = (await t.ctx.database.db.select({ code: projects.code, agreed: projects.agreedAmountFen, signed: agreements.agreedAmountFen, end: agreements.plannedEnd }).from(agreements).innerJoin(projects, eq(projects.id, agreements.projectId))).filter((r) => r.code.includes('-2026-'));
    expect(rows.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: 'SGJD-SXSQ-2026-01', agreed: 27_600_000, signed: 27_600_000, end: '2026-10-31' },
      { code: 'SGJD-SXSQ-2026-02', agreed: 4_150_000, signed: 4_150_000, end: '2026-08-20' },
    ]);
    const paid2026 = await t.ctx.database.db.select({ code: projects.code }).from(payments).innerJoin(projects, eq(projects.id, payments.projectId));
    expect(paid2026.filter((r) => r.code.includes('-2026-')).length).toBe(4);
  });

  it('adds 笋西’s finished 2024 cycle, counted and delivered, once', async () => {
    await seedPastCycleDemo(t.ctx);
    expect(await seedPastCycleDemo(t.ctx)).toBe(false);
    const cy = (await t.ctx.database.db.select().from(cycles).where(eq(cycles.id, PAST_CYCLE_ID)))[0]!;
    expect([cy.year, cy.openPhase, cy.budgetFen]).toEqual([2024, 'closed', 60_000_000]);
    const states = await t.ctx.database.db.select({ code: projects.code, state: projects.state, votes: projects.residentVotes }).from(projects).where(eq(projects.cycleId, PAST_CYCLE_ID));
    expect(states.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: 'SGJD-SXSQ-2024-01', state: 'audited', votes: 5 },
      { code: 'SGJD-SXSQ-2024-02', state: 'not_shortlisted', votes: 4 },
      { code: 'SGJD-SXSQ-2024-03', state: 'archived', votes: 6 },
      { code: 'SGJD-SXSQ-2024-04', state: 'evaluated', votes: 2 },
    ]);
  });
});

describe('npm run audit:verify on the demo database', () => {
  it('exits 0 and prints the count and head', async () => {
    const head = await auditHead(t.ctx.database);
    const r = await auditVerify(t.url);
    expect(r).toEqual({ code: 0, stdout: `audit log intact: ${head.seq} entries, head ${head.hash}\n`, stderr: '' });
    expect(head.seq).toBeGreaterThan(150);
  }, 30_000);

  it('exits 1 naming the entry after one row is edited, and 0 again once it is put back', async () => {
    const raw = createClient({ url: t.url });
    const original = (await raw.execute('select reason from audit_log where seq = 40')).rows[0]!.reason as string | null;
    raw.close();
    await tamper(t.url, "update audit_log set reason = '没有异议' where seq = 40");
    const r = await auditVerify(t.url);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('audit log broken at entry 40: its content does not match its hash (edited); 39 entries before it are intact\n');
    const c = createClient({ url: t.url });
    await c.execute({ sql: 'update audit_log set reason = ? where seq = 40', args: [original] });
    c.close();
    expect((await auditVerify(t.url)).code).toBe(0);
  }, 30_000);

  it('exits 1 naming the entry after a row is deleted', async () => {
    await tamper(t.url, 'delete from audit_log where seq = 77');
    const r = await auditVerify(t.url);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('audit log broken at entry 78: the sequence has a gap or an extra entry (deleted or inserted); 76 entries before it are intact\n');
  }, 30_000);
});
