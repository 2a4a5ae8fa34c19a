/**
 * @module The world the security tests run in: the demo data plus the e2e
 * fixtures (tests/e2e/fixtures/*.ts: council meetings and notices, delivery,
 * two more voting communities), built once per test file into a template
 * database with a signed-in session for every demo account; then each test
 * that changes things opens its own copy of that file (cheap: a file copy),
 * so one request's side effects never decide another's outcome.
 *
 * Roles are people of the demo, chosen per community so that "resident" is
 * a resident *of the place the request is about* and "other" a resident of
 * a different community.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import { accounts, districts, roleAssignments } from '#db/schema.ts';
import { createApp } from '#server/app.ts';
import { createContext, type AppContext } from '#server/context.ts';
import { parseEnv } from '#server/env.ts';
import { createSession, SESSION_COOKIE } from '#server/auth/sessions.ts';
import { hashPassword } from '#server/auth/passwords.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { seedDemo } from '#services/demo-seed.ts';
import { loadActor } from '#services/accounts.ts';
import type { Actor } from '#domain/permissions.ts';
import type { AuditActor } from '#services/audit.ts';

export const ROLES = ['anonymous', 'other', 'resident', 'council', 'staff', 'officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export type PlaceName = 'lianhua' | 'xianhu' | 'sunxi';

/** Who plays each role for a request about a place. */
export const CAST: Record<PlaceName, Record<Exclude<Role, 'anonymous'>, string>> = {
  lianhua: { other: 'resident_xh', resident: 'resident_lt', council: 'council_lt', staff: 'staff_lt', officer: 'officer', auditor: 'auditor' },
  xianhu: { other: 'resident_lt', resident: 'resident_xh', council: 'council_xh', staff: 'staff_xh', officer: 'officer', auditor: 'auditor' },
  sunxi: { other: 'resident_lt', resident: 'resident_sx', council: 'council_sx', staff: 'staff_sx', officer: 'officer', auditor: 'auditor' },
};

/**
 * People who hold a role, only not over the place a request is about: for
 * each place, someone of another community, street or district in every role
 * that may act somewhere. Whatever state the thing asked about is in, each of
 * them must be told 403, and always for the same reason. `street_sg`,
 * `officer_elsewhere` and `auditor_elsewhere` exist only in this world (see
 * addOutsiders).
 */
export const OUTSIDERS: Record<PlaceName, Record<string, string>> = {
  lianhua: { 'a resident of another community': 'resident_xh', 'a council member of another community': 'council_xh', 'staff of another community': 'staff_xh', 'an officer of another street': 'street_sg', 'an officer of another district': 'officer_elsewhere', 'an auditor of another district': 'auditor_elsewhere' },
  xianhu: { 'a resident of another community': 'resident_lt', 'a council member of another community': 'council_lt', 'staff of another community': 'staff_lt', 'an officer of another street': 'street_sg', 'an officer of another district': 'officer_elsewhere', 'an auditor of another district': 'auditor_elsewhere' },
  sunxi: { 'a resident of another community': 'resident_lt', 'a council member of another community': 'council_lt', 'staff of another community': 'staff_lt', 'an officer of another street': 'street_lt', 'an officer of another district': 'officer_elsewhere', 'an auditor of another district': 'auditor_elsewhere' },
};

/** A fixed clock, so notice periods and council terms read the same in every run. */
export const NOW = new Date();

export type Template = { dir: string; file: string; tokens: Map<string, string>; close(): void };

/** Seed once: demo data, every e2e fixture, and a session per demo account. */
export async function buildTemplate(): Promise<Template> {
  const dir = mkdtempSync(join(tmpdir(), 'wss-security-'));
  const file = join(dir, 'template.db');
  const ctx = await createContext(parseEnv({ DATABASE_URL: `file:${file}`, NODE_ENV: 'test' }), { now: () => NOW });
  await seedDemo(ctx);
  const fixtures = resolve('tests/e2e/fixtures');
  for (const name of readdirSync(fixtures).filter((n) => n.endsWith('.ts')).sort()) {
    const mod = (await import(pathToFileURL(join(fixtures, name)).href)) as { seedFixture?: (c: AppContext) => Promise<void> };
    await mod.seedFixture?.(ctx);
  }
  await addOutsiders(ctx);
  const tokens = new Map<string, string>();
  const people = await ctx.database.db.select({ id: accounts.id, username: accounts.username }).from(accounts);
  for (const p of people) if (p.username) tokens.set(p.username, (await createSession(ctx.database, p.id, NOW)).token);
  await ctx.database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  ctx.database.close();
  return { dir, file, tokens, close: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Officials the demo lacks: an officer of 笋岗街道 (the demo's street officer
 * is 莲塘's), and an officer and an auditor of a second district.
 */
async function addOutsiders(ctx: AppContext) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = NOW;
  await ctx.database.write(async (tx) => {
    await tx.insert(districts).values({ id: 'd-elsewhere', code: 'QT', nameZh: '其他区（测试）', nameEn: 'Another district (test)' });
    const people = [
      ['street_sg', '笋岗街道干部（测试）', 'officer', 'street', 's-sgjd'],
      ['officer_elsewhere', '其他区干部（测试）', 'officer', 'district', 'd-elsewhere'],
      ['auditor_elsewhere', '其他区审计（测试）', 'auditor', 'district', 'd-elsewhere'],
    ] as const;
    for (const [username, displayName, role, scopeKind, scopeId] of people) {
      const id = `test-${username}`;
      await tx.insert(accounts).values({ id, username, passwordHash, displayName, createdAt: now });
      await tx.insert(roleAssignments).values({ id: `${id}-r0`, accountId: id, role, scopeKind, scopeId, grantedAt: now, grantedBy: 'test-world' });
    }
  });
}

export type World = Awaited<ReturnType<typeof openWorld>>;

/** A private copy of the template (database and uploads) with the API over it. */
export async function openWorld(template: Template) {
  const dir = mkdtempSync(join(tmpdir(), 'wss-world-'));
  const file = join(dir, 'app.db');
  copyFileSync(template.file, file);
  if (existsSync(join(template.dir, 'uploads'))) cpSync(join(template.dir, 'uploads'), join(dir, 'uploads'), { recursive: true });
  const ctx = await createContext(parseEnv({ DATABASE_URL: `file:${file}`, NODE_ENV: 'test' }), { now: () => NOW, migrate: false });
  const app = createApp(ctx);

  const cookieOf = (username: string | null): Record<string, string> => {
    if (!username) return {};
    const token = template.tokens.get(username);
    if (!token) throw new Error(`no session for ${username}`);
    return { cookie: `${SESSION_COOKIE}=${token}` };
  };

  return {
    ctx,
    app,
    dir,
    /** The username playing `role` for a request about `place` (null: anonymous). */
    who(role: Role, place: PlaceName): string | null {
      return role === 'anonymous' ? null : CAST[place][role];
    },
    cookieOf,
    /** Send a request as someone (or anonymously): JSON bodies as JSON, FormData as multipart. */
    async request(method: string, path: string, username: string | null, body?: unknown, headers: Record<string, string> = {}) {
      const init: RequestInit = { method, headers: { ...cookieOf(username), ...headers } };
      if (body instanceof FormData) init.body = body;
      else if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
      return app.request(path, init);
    },
    /** A demo person as a domain actor and audit actor, for setting things up through the services. */
    async person(username: string): Promise<{ actor: Actor; audit: AuditActor }> {
      const acct = (await ctx.database.db.select().from(accounts).where(eq(accounts.username, username)))[0];
      if (!acct) throw new Error(`no account ${username}`);
      const { actor, roles } = await loadActor(ctx, acct.id);
      const role = roles.find((r) => r.role === 'staff')?.role ?? roles.find((r) => r.role === 'officer')?.role ?? roles.find((r) => r.role === 'auditor')?.role ?? roles.find((r) => r.role === 'council_member')?.role ?? 'resident';
      return { actor, audit: { accountId: acct.id, role, name: role === 'resident' ? '居民' : acct.displayName } };
    },
    async accountId(username: string): Promise<string> {
      const acct = (await ctx.database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username)))[0];
      if (!acct) throw new Error(`no account ${username}`);
      return acct.id;
    },
    close() {
      ctx.database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Every row of every table of a world, hashed: any write at all changes it.
 * The one exception is auth_throttle, whose whole purpose is to count wrong
 * guesses (a receipt code that names nothing is one).
 */
export async function fingerprint(w: World): Promise<string> {
  const hash = createHash('sha256');
  // Left out: the guessing counters, and the security log, which records every refusal by design (server/services/security-log.ts).
  const tables = await w.ctx.database.client.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('auth_throttle', 'security_events') order by name");
  for (const t of tables.rows) {
    const name = String(t.name);
    const rows = await w.ctx.database.client.execute(`select * from "${name}" order by rowid`);
    hash.update(name);
    for (const r of rows.rows) hash.update(JSON.stringify(Object.values(r), (_k, v) => (typeof v === 'bigint' ? String(v) : v instanceof ArrayBuffer ? Buffer.from(v).toString('hex') : v)));
  }
  return hash.digest('hex');
}
