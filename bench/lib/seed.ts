/**
 * @module Bench data, fast: the demo data (which has 仙湖社区's 2026 cycle open
 * for the resident vote, approval, up to 5 choices) plus N verified residents
 * of 仙湖 — accounts, claimed register entries and resident role assignments
 * inserted in bulk, one audit entry for the lot — and a signed-in session for
 * each, made with the site's own createSession. No argon2 per resident: the
 * bench accounts share one password hash and never sign in by password.
 */
import { eq, and } from 'drizzle-orm';
import { accounts, registerEntries, roleAssignments, projects } from '#db/schema.ts';
import { createContext, type AppContext } from '#server/context.ts';
import { parseEnv } from '#server/env.ts';
import { seedDemo } from '#services/demo-seed.ts';
import { appendAudit } from '#services/audit.ts';
import { hashPassword } from '#server/auth/passwords.ts';
import { createSession } from '#server/auth/sessions.ts';

export const BENCH_CYCLE = 'cy-xianhu-2026';
export const BENCH_COMMUNITY = 'c-xianhu';

export type Voter = { accountId: string; registerEntryId: string; token: string };
export type BenchData = { cycleId: string; projectIds: string[]; voters: Voter[] };

const CHUNK = 500;

/** Seed `residents` voters into a fresh database at `databaseUrl` and return their session tokens. */
export async function seedBench(databaseUrl: string, residents: number, log: (s: string) => void = () => {}): Promise<BenchData> {
  const ctx: AppContext = await createContext(parseEnv({ DATABASE_URL: databaseUrl, NODE_ENV: 'production' }));
  try {
    const t = Date.now();
    if (!(await seedDemo(ctx))) throw new Error(`${databaseUrl} is not empty; the bench needs a fresh database`);
    log(`demo data seeded in ${Date.now() - t} ms`);
    const now = new Date();
    const passwordHash = await hashPassword(`bench-${Math.random()}`);
    const voters: Omit<Voter, 'token'>[] = Array.from({ length: residents }, (_, i) => ({ accountId: `bench-${i}`, registerEntryId: `bench-${i}-reg` }));
    const t1 = Date.now();
    await ctx.database.write(async (tx) => {
      for (let from = 0; from < residents; from += CHUNK) {
        const slice = voters.slice(from, from + CHUNK);
        await tx.insert(accounts).values(slice.map((v, j) => ({ id: v.accountId, username: `bench_${from + j}`, passwordHash, displayName: `压测居民${from + j}`, createdAt: now })));
        await tx.insert(registerEntries).values(
          slice.map((v, j) => ({
            id: v.registerEntryId,
            communityId: BENCH_COMMUNITY,
            registerNo: `BENCH-${String(from + j).padStart(6, '0')}`,
            name: `压测居民${from + j}`,
            address: `${((from + j) % 40) + 1}栋 ${((from + j) % 30) + 101}室`,
            verificationCode: `BNCH-${String(from + j).padStart(6, '0')}`,
            claimedByAccountId: v.accountId,
            claimedAt: now,
            importedAt: now,
          })),
        );
        await tx.insert(roleAssignments).values(slice.map((v) => ({ id: `${v.accountId}-r0`, accountId: v.accountId, role: 'resident' as const, scopeKind: 'community' as const, scopeId: BENCH_COMMUNITY, grantedAt: now, grantedBy: 'bench' })));
      }
      await appendAudit(tx, { actor: { accountId: null, role: 'system', name: '系统（压测数据）' }, action: 'accounts.seeded', subjectType: 'community', subjectId: BENCH_COMMUNITY, after: { benchResidents: residents }, at: now });
    });
    log(`${residents} residents inserted in ${Date.now() - t1} ms`);
    const t2 = Date.now();
    const tokens: string[] = [];
    // createSession goes through the write queue: concurrent calls share group commits.
    for (let from = 0; from < residents; from += 2000) {
      const made = await Promise.all(voters.slice(from, from + 2000).map((v) => createSession(ctx.database, v.accountId, now)));
      tokens.push(...made.map((m) => m.token));
    }
    log(`${residents} sessions created in ${Date.now() - t2} ms`);
    const onBallot = await ctx.database.db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.cycleId, BENCH_CYCLE), eq(projects.state, 'screened_in')))
      .orderBy(projects.code);
    if (onBallot.length === 0) throw new Error(`no projects on ${BENCH_CYCLE}'s ballot`);
    await ctx.database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    return { cycleId: BENCH_CYCLE, projectIds: onBallot.map((p) => p.id), voters: voters.map((v, i) => ({ ...v, token: tokens[i]! })) };
  } finally {
    ctx.database.close();
  }
}
