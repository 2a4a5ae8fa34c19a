import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { testApp, type TestApp } from '#tests/fixtures.ts';
import { auditLog, ballots, communities, cycles, meetings, projects, registerEntries } from '#db/schema.ts';
import { generateDemoHistory, OUTCOME_STATE } from '#db/demo-history.ts';
import { DEMO_PROJECTS } from '#db/seed.ts';
import { verifyAuditLog } from './audit.ts';
import { seedDemoHistory } from './demo-history.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const h = generateDemoHistory();

/** `npm run audit:verify` as a person would run it: a separate process, on the database file. */
function auditVerify(url: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(resolve(ROOT, 'node_modules/.bin/node'), ['scripts/audit-verify.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' } }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The last audit entry before the 2026 demo begins: the head of the history's part of the chain. */
async function historyHead(t: TestApp) {
  const first2026 = (await t.ctx.database.db.select({ seq: auditLog.seq }).from(auditLog).where(gte(auditLog.at, '2026-01-01')).orderBy(asc(auditLog.seq)).limit(1))[0]!.seq;
  return (await t.ctx.database.db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, first2026 - 1)))[0]!;
}

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  // Two databases seeded the same way, one after the other (seeding is one writer's work anyway).
  a = await testApp({ seed: true, history: true });
  b = await testApp({ seed: true, history: true });
}, 180_000);
afterAll(() => {
  a?.close();
  b?.close();
});

describe('the demo seeded with its history', () => {
  it('passes npm run audit:verify', async () => {
    const r = await verifyAuditLog(a.ctx.database);
    expect(r.ok).toBe(true);
    const run = await auditVerify(a.url);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^audit log intact: \d+ entries, head [0-9a-f]{64}$/m);
  });

  it('writes the same history twice from the same seed: the same rows and the same audit chain up to the 2026 demo', async () => {
    const ha = await historyHead(a);
    const hb = await historyHead(b);
    expect(hb).toEqual(ha);
    // The history's projects (the main seed's own, 笋西 2024 included, have random ids as always).
    const inHistory = sql`${projects.cycleId} in (select value from json_each(${JSON.stringify(h.cycles.map((c) => c.id))}))`;
    const rows = (t: TestApp) => t.ctx.database.db.select({ id: projects.id, code: projects.code, state: projects.state }).from(projects).where(inHistory).orderBy(asc(projects.code));
    const ra = await rows(a);
    expect(ra.length).toBe(h.cycles.reduce((n, c) => n + c.projects.length, 0));
    expect(await rows(b)).toEqual(ra);
  });

  it('reads in date order through the history, before the 2026 demo', async () => {
    const head = await historyHead(a);
    const back = await a.ctx.database.db
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(and(lt(auditLog.seq, head.seq + 1), sql`${auditLog.at} < (select p.at from audit_log p where p.seq = ${auditLog.seq} - 1)`));
    expect(back[0]!.n).toBe(0);
  });

  it('leaves every project where the generator said its story ends, and every history cycle closed', async () => {
    const got = new Map((await a.ctx.database.db.select({ code: projects.code, state: projects.state }).from(projects)).map((p) => [p.code, p.state]));
    for (const p of h.cycles.flatMap((c) => c.projects)) expect(got.get(p.code), p.code).toBe(OUTCOME_STATE[p.outcome]);
    for (const c of h.cycles) {
      const row = (await a.ctx.database.db.select({ openPhase: cycles.openPhase }).from(cycles).where(eq(cycles.id, c.id)))[0]!;
      expect(row.openPhase, c.id).toBe('closed');
    }
    const ballotCount = await a.ctx.database.db.select({ n: sql<number>`count(*)` }).from(ballots).where(sql`${ballots.cycleId} in (select value from json_each(${JSON.stringify(h.cycles.map((c) => c.id))}))`);
    expect(ballotCount[0]!.n).toBe(h.cycles.reduce((s, c) => s + c.ballots.length, 0));
    // 仙湖's 2025 council never met; 田贝's 2024 meeting had no quorum.
    expect(await a.ctx.database.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.cycleId, 'cy-xianhu-2025'))).toEqual([]);
    const tianbei = (await a.ctx.database.db.select().from(meetings).where(eq(meetings.cycleId, 'cy-tianbei-2024')))[0]!;
    expect(tianbei.membersTotal).toBe(7);
  });

  it('keeps the existing demo as it was: its places, cycles, projects and registers', async () => {
    const db = a.ctx.database.db;
    for (const id of ['cy-lianhua-2026', 'cy-xianhu-2026', 'cy-sunxi-2026', 'cy-sunxi-2024']) expect((await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, id))).length, id).toBe(1);
    const titles = new Map((await db.select({ code: projects.code, title: projects.title }).from(projects)).map((p) => [p.title, p.code]));
    for (const p of DEMO_PROJECTS) expect(titles.has(p.title), p.title).toBe(true);
    expect(titles.get('老旧小区视频监控（天网补点）')).toBe('SGJD-SXSQ-2026-01');
    const names = (await db.select({ slug: communities.slug }).from(communities)).map((c) => c.slug);
    for (const slug of ['lianhua', 'xianhu', 'sunxi']) expect(names).toContain(slug);
    const demoSlips = await db.select({ n: sql<number>`count(*)` }).from(registerEntries).where(eq(registerEntries.id, 'c-lianhua-reg-1'));
    expect(demoSlips[0]!.n).toBe(1);
  });

  it('does nothing when the history is already there', async () => {
    expect(await seedDemoHistory(a.ctx)).toBe(false);
  });
});
