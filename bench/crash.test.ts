/**
 * The short version of `npm run bench:crash`, run by `npm test` (before the
 * build): one real server process with the writer thread on an embedded
 * database file (scripts/api-server.ts, the production boot without the
 * pages), ballots cast by 800 signed-in residents over 12 connections, a
 * SIGKILL at a random moment once 100 of them have been acknowledged, a
 * restart on the same file, and the same checks as the bench
 * (bench/lib/crash.ts): every ballot answered 201 with a receipt is stored
 * exactly once, for its voter; no voter has two current ballots; the last 50
 * receipts are found by the restarted server; the audit chain verifies.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startApiServer, tempDir, type Started } from './lib/server.ts';
import { seedBench, type BenchData } from './lib/seed.ts';
import { checkAfterCrash, killDuringVoting } from './lib/crash.ts';

const RESIDENTS = 800;
const KILL_AFTER_ACKS = 100;

describe('crash during voting', () => {
  let dir: string;
  let databaseUrl: string;
  let data: BenchData;
  let site: Started | null = null;
  // Both stops vote on the same database: the second continues the workload and checks every ballot acknowledged in either.
  const allAcks: Awaited<ReturnType<typeof killDuringVoting>>['load']['acknowledged'] = [];
  let sent = 0;

  beforeAll(async () => {
    dir = tempDir('wss-crash-test-');
    databaseUrl = `file:${join(dir, 'site.db')}`;
    data = await seedBench(databaseUrl, RESIDENTS);
  }, 120_000);

  afterAll(async () => {
    await site?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a server killed during voting loses no acknowledged ballot', async () => {
    // The restart takes a fresh port, so that nothing else can have taken the old one meanwhile.
    const start = async () => (site = await startApiServer({ port: await freePort(), databaseUrl }));
    const killed = await killDuringVoting({
      site: await start(),
      restart: start,
      data,
      offset: 0,
      connections: 12,
      afterAcks: KILL_AFTER_ACKS,
      thenMs: Math.random() * 1500,
      seconds: 30,
    });
    const acks = killed.load.acknowledged;
    allAcks.push(...acks);
    sent += killed.load.sent;
    const load = `${acks.length} acknowledged, answers ${JSON.stringify(killed.load.statuses)}, ${killed.load.errors} connection errors, killed after ${killed.killedAfterMs} ms`;
    // The kill came while ballots were still being sent, after some had been acknowledged.
    expect(killed.duringLoad, load).toBe(true);
    expect(acks.length, load).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    const after = await checkAfterCrash({ databaseUrl, cycleId: data.cycleId, acks, siteUrl: killed.site.url });
    expect(after.problems).toEqual([]);
    expect(after.check).toMatchObject({ acknowledged: acks.length, lost: 0, misfiled: 0, duplicated: 0, extraCurrent: 0, storedTwice: 0, acknowledgedTwice: 0 });
    expect(after.sample).toEqual({ checked: 50, found: 50, missing: [] });
    expect(after.audit.ok).toBe(true);
  }, 120_000);

  it('SIGTERM during voting loses no acknowledged ballot and exits cleanly', async () => {
    const start = async () => (site = await startApiServer({ port: await freePort(), databaseUrl }));
    const stopped = await killDuringVoting({
      site: site ?? (await start()),
      restart: start,
      data,
      offset: sent,
      connections: 12,
      afterAcks: KILL_AFTER_ACKS,
      thenMs: Math.random() * 1000,
      seconds: 30,
      signal: 'SIGTERM',
    });
    const acks = stopped.load.acknowledged;
    allAcks.push(...acks);
    const load = `${acks.length} acknowledged, answers ${JSON.stringify(stopped.load.statuses)}, ${stopped.load.errors} connection errors, stopped after ${stopped.killedAfterMs} ms`;
    expect(stopped.duringLoad, load).toBe(true);
    // A graceful stop: the requests in flight were answered, the database closed, exit code 0.
    expect(stopped.exitCode, load).toBe(0);
    const after = await checkAfterCrash({ databaseUrl, cycleId: data.cycleId, acks: allAcks, siteUrl: stopped.site.url });
    expect(after.problems).toEqual([]);
    expect(after.check).toMatchObject({ acknowledged: allAcks.length, lost: 0, misfiled: 0, duplicated: 0, extraCurrent: 0, storedTwice: 0, acknowledgedTwice: 0 });
    expect(after.audit.ok).toBe(true);
  }, 120_000);
});
