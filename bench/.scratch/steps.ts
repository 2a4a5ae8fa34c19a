import { readFileSync, copyFileSync, rmSync } from 'node:fs';
import { sql, eq, desc } from 'drizzle-orm';
import { createContext } from '../../server/context.ts';
import { parseEnv } from '../../server/env.ts';
import { appendAudit } from '../../server/services/audit.ts';
import { auditLog, sessions, accounts } from '../../db/schema.ts';
import { validateSessionToken } from '../../server/auth/sessions.ts';
import { loadActor } from '../../server/services/accounts.ts';
copyFileSync('/tmp/prof/site-clean.db', '/tmp/prof/steps.db'); for (const f of ['-wal', '-shm']) rmSync('/tmp/prof/steps.db' + f, { force: true });
const data = JSON.parse(readFileSync('/tmp/prof/data.json', 'utf8'));
const ctx = await createContext(parseEnv({ DATABASE_URL: 'file:/tmp/prof/steps.db', NODE_ENV: 'production' }));
const N = 2000;
async function t(name: string, f: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await f(i);
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) await f(i);
  const cu = process.cpuUsage(c0);
  console.log(name.padEnd(40), ((cu.user + cu.system) / N).toFixed(0).padStart(6), 'µs');
}
const now = new Date();
await t('validateSessionToken', (i) => validateSessionToken(ctx.database, data.voters[i].token, now));
await t('loadActor', (i) => loadActor(ctx, data.voters[i].accountId));
await t('raw: session+account join', (i) => ctx.database.db.all(sql`select s.id, s.secret_hash, s.expires_at, a.id, a.display_name, a.username, a.mobile, a.locale from sessions s join accounts a on a.id = s.account_id where s.id = ${data.voters[i].token.split('.')[0]}`));
await t('raw: roles', (i) => ctx.database.db.all(sql`select role, scope_kind, scope_id from role_assignments where account_id = ${data.voters[i].accountId} and revoked_at is null`));
await t('write(): empty job', () => ctx.database.write(async () => 1));
await t('write(): 2 empty jobs concurrently', () => Promise.all([ctx.database.write(async () => 1), ctx.database.write(async () => 1)]));
await ctx.database.write(async (tx) => {
  await t('  tx: audit head select (builder)', () => tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1));
  await t('  tx: appendAudit', () => appendAudit(tx, { actor: { accountId: 'x', role: 'resident', name: '居民' }, action: 'ballot.cast', subjectType: 'cycle', subjectId: 'c', after: { channel: 'online', replaced: false }, at: now }));
  await t('  tx: savepoint (tx.transaction)', () => tx.transaction(async () => 1));
  await t('  tx: raw select 1', () => tx.all(sql`select 1`));
  await t('  tx: raw run (update no rows)', () => tx.run(sql`update ballots set superseded_at = 1 where id = 'nope'`));
});
ctx.database.close();
