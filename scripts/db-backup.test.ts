/**
 * Backups while the site writes, and restores: `npm run db:backup` and
 * `npm run db:restore` as a user runs them (child processes), on a file
 * database and on a libSQL server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { createContext, type AppContext } from '../server/context.ts';
import { parseEnv } from '../server/env.ts';
import { seedDemo } from '../server/services/demo-seed.ts';
import { appendAudit } from '../server/services/audit.ts';
import { startSqld } from '../tests/fixtures.ts';
import { check } from './db-backup.ts';

const NODE = process.execPath;
let dir: string;
let ctx: AppContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wss-backup-'));
  ctx = await createContext(parseEnv({ DATABASE_URL: `file:${join(dir, 'app.db')}`, NODE_ENV: 'test' }));
  await seedDemo(ctx);
}, 120_000);
afterAll(() => {
  ctx?.database.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(script: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(NODE, [resolve(script), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Keep writing (each write with its audit entry) until told to stop; answers how many were committed. */
function keepWriting(c: AppContext) {
  let stop = false;
  let n = 0;
  const done = (async () => {
    await c.database.client.execute('create table if not exists busy (id integer primary key, at integer)');
    while (!stop) {
      await Promise.all(
        Array.from({ length: 20 }, () =>
          c.database.write(async (tx) => {
            await tx.run(sql`insert into busy (at) values (${Date.now()})`);
            await appendAudit(tx, { actor: { accountId: null, role: 'system', name: '测试' }, action: 'test.write', subjectType: 'test', subjectId: 'busy', at: new Date() });
          }),
        ),
      );
      n += 20;
    }
  })();
  return { stop: async () => ((stop = true), await done, n) };
}

describe('db:backup and db:restore', () => {
  it('a backup taken while the site writes is consistent (integrity, audit chain), and restores into a new file that verifies', async () => {
    const writer = keepWriting(ctx);
    await new Promise((r) => setTimeout(r, 200));
    const out = join(dir, 'backups', 'one.db');
    // Asynchronously, so the writer keeps writing while the backup runs in its own process.
    const backup = await new Promise<{ code: number | null; out: string }>((done) => {
      const p = spawn(NODE, [resolve('scripts/db-backup.ts'), '--out', out], { env: { ...process.env, DATABASE_URL: `file:${join(dir, 'app.db')}` } });
      let text = '';
      p.stdout.on('data', (d) => (text += d));
      p.stderr.on('data', (d) => (text += d));
      p.on('exit', (code) => done({ code, out: text }));
    });
    const written = await writer.stop();
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/^backup written: .*one\.db \([\d.]+ [KM]B\), integrity ok, audit log intact: \d+ entries, head [0-9a-f]{64}/);
    expect(written).toBeGreaterThan(0);
    const snap = await check(`file:${out}`);
    expect(snap.ok).toBe(true);

    const restored = run('scripts/db-restore.ts', [out], { DATABASE_URL: `file:${join(dir, 'app.db')}` });
    expect(restored.code, restored.out).toBe(0);
    const path = /restored into (\S+):/.exec(restored.out)![1]!;
    expect(path.startsWith(dir)).toBe(true);
    expect(restored.out).toContain(`serve it with: DATABASE_URL=file:${path} npm start`);
    const verify = run('scripts/audit-verify.ts', [], { DATABASE_URL: `file:${path}` });
    expect(verify.code, verify.out).toBe(0);
    expect(verify.out).toMatch(/^audit log intact: \d+ entries, head [0-9a-f]{64}/);
  }, 120_000);

  it('never overwrites without --replace, nor a database a server has open; replaces a stopped one', async () => {
    const out = join(dir, 'backups', 'two.db');
    const backup = run('scripts/db-backup.ts', ['--out', out], { DATABASE_URL: `file:${join(dir, 'app.db')}` });
    expect(backup.code, backup.out).toBe(0);
    const target = join(dir, 'live.db');
    writeFileSync(target, '');
    expect(run('scripts/db-restore.ts', [out, '--to', target], {}).out).toMatch(/exists: pass --replace/);
    writeFileSync(`${target}-wal`, '');
    const open = run('scripts/db-restore.ts', [out, '--to', target, '--replace'], {});
    expect(open.code).not.toBe(0);
    expect(open.out).toMatch(/a server seems to have .* open\. Stop the site first/);
    rmSync(`${target}-wal`);
    const replaced = run('scripts/db-restore.ts', [out, '--to', target, '--replace'], {});
    expect(replaced.code, replaced.out).toBe(0);
    expect((await check(`file:${target}`)).ok).toBe(true);
  }, 120_000);

  it('refuses to restore a backup whose audit chain is broken', async () => {
    const out = join(dir, 'backups', 'three.db');
    const backup = run('scripts/db-backup.ts', ['--out', out], { DATABASE_URL: `file:${join(dir, 'app.db')}` });
    expect(backup.code, backup.out).toBe(0);
    const { createClient } = await import('@libsql/client');
    const c = createClient({ url: `file:${out}` });
    // Tamper the way an attacker with the file would: drop the trigger, edit an entry.
    await c.execute('drop trigger if exists audit_log_no_update');
    const triggers = await c.execute("select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'");
    for (const t of triggers.rows) await c.execute(`drop trigger "${String(t.name)}"`);
    await c.execute("update audit_log set reason = 'edited' where seq = 3");
    c.close();
    const r = run('scripts/db-restore.ts', [out], { DATABASE_URL: `file:${join(dir, 'app.db')}` });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/refusing to restore .*audit log broken at entry 3/);
  }, 60_000);

  it('backs up a libSQL server (one read transaction) and restores into an empty one', async () => {
    const a = await startSqld(join(dir, 'sqld-a'));
    const b = await startSqld(join(dir, 'sqld-b'));
    try {
      const remote = await createContext(parseEnv({ DATABASE_URL: a.url, NODE_ENV: 'test' }));
      await seedDemo(remote);
      remote.database.close();
      const out = join(dir, 'backups', 'remote.db');
      const backup = run('scripts/db-backup.ts', ['--out', out], { DATABASE_URL: a.url });
      expect(backup.code, backup.out).toBe(0);
      const restored = run('scripts/db-restore.ts', [out, '--to', b.url], { DATABASE_URL: a.url });
      expect(restored.code, restored.out).toBe(0);
      expect(restored.out).toMatch(/restored into http:\/\/127\.0\.0\.1:\d+: integrity ok, audit log intact/);
      expect(run('scripts/db-restore.ts', [out, '--to', b.url], {}).out).toMatch(/is not empty/);
      expect(existsSync(out)).toBe(true);
    } finally {
      a.proc.kill('SIGKILL');
      b.proc.kill('SIGKILL');
    }
  }, 120_000);
});
