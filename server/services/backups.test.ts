/**
 * The server's own backup schedule, from a real server process (the
 * production boot without the pages): BACKUP_DIR, BACKUP_EVERY, BACKUP_KEEP.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startApiServer, tempDir, type Started } from '#bench/lib/server.ts';
import { parseEnv } from '../env.ts';
import { createContext } from '../context.ts';
import { seedDemo } from './demo-seed.ts';
import { check, parseEvery, pruneBackups } from './backups.ts';

let dir: string;
let site: Started | null = null;

beforeAll(async () => {
  dir = tempDir('wss-backup-test-');
  const ctx = await createContext(parseEnv({ DATABASE_URL: `file:${join(dir, 'site.db')}`, NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
  await seedDemo(ctx);
  ctx.database.close();
}, 120_000);

afterAll(async () => {
  await site?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('scheduled backups', () => {
  it('the server takes a scheduled backup and health reports it', async () => {
    const backups = join(dir, 'backups');
    site = await startApiServer({ port: await freePort(), databaseUrl: `file:${join(dir, 'site.db')}`, env: { LOG_LEVEL: 'silent', BACKUP_DIR: backups, BACKUP_EVERY: '1s', BACKUP_KEEP: '2' } });
    type Health = { backup: { everySeconds: number; lastSuccessAt: string | null; lastBytes: number | null; lastFailureAt: string | null; failures: number } | null };
    const health = async (): Promise<Health> => (await fetch(`${site!.url}/api/health`)).json();
    // The first backup is taken at start, then one a second; wait for a few.
    let first: Health['backup'] = null;
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      const h = (await health()).backup;
      if (h?.lastSuccessAt) {
        first ??= h;
        if (Date.parse(h.lastSuccessAt) - Date.parse(first.lastSuccessAt!) >= 2000) break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const h = (await health()).backup!;
    expect(h).toMatchObject({ everySeconds: 1, lastFailureAt: null, failures: 0 });
    expect(Date.parse(h.lastSuccessAt!) - Date.parse(first!.lastSuccessAt!)).toBeGreaterThanOrEqual(2000);
    expect(h.lastBytes).toBeGreaterThan(100_000);
    // Only the newest two are kept, each a whole, checked database.
    const files = readdirSync(backups).filter((n) => n.endsWith('.db'));
    expect(files.length).toBeLessThanOrEqual(2);
    expect(files.length).toBeGreaterThanOrEqual(1);
    const newest = files.sort().at(-1)!;
    expect((await check(`file:${join(backups, newest)}`)).ok).toBe(true);
  }, 60_000);

  it('a server without BACKUP_DIR takes none and says so', async () => {
    await site?.stop();
    site = await startApiServer({ port: await freePort(), databaseUrl: `file:${join(dir, 'site.db')}`, env: { LOG_LEVEL: 'silent' } });
    expect((await (await fetch(`${site.url}/api/health`)).json()).backup).toBeNull();
  });

  it('reads durations and keeps only the newest backups it named', () => {
    expect([parseEvery('30s'), parseEvery('15m'), parseEvery('6h'), parseEvery('1d'), parseEvery('0s'), parseEvery('6 h'), parseEvery('h')]).toEqual([30, 900, 21_600, 86_400, null, null, null]);
    const d = tempDir('wss-prune-');
    try {
      for (const n of ['2026-01-01T00-00-00Z.db', '2026-01-02T00-00-00Z.db', '2026-01-03T00-00-00Z.db', 'mine.db']) writeFileSync(join(d, n), 'x');
      expect(pruneBackups(d, 2)).toEqual(['2026-01-01T00-00-00Z.db']);
      expect(readdirSync(d).sort()).toEqual(['2026-01-02T00-00-00Z.db', '2026-01-03T00-00-00Z.db', 'mine.db']);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('refuses a bad schedule at boot', () => {
    expect(() => parseEnv({ BACKUP_DIR: '/tmp/x', BACKUP_EVERY: 'often' })).toThrow(/BACKUP_EVERY: must be a number followed by s, m, h or d/);
    expect(() => parseEnv({ BACKUP_EVERY: '0h' })).toThrow(/BACKUP_EVERY: must be at least 1s/);
    expect(() => parseEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
  });
});
