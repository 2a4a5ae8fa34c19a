import { openDatabase } from '/work/main/db/client.ts';
import { sessions, accounts } from '/work/main/db/schema.ts';
import { eq, sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
const data = JSON.parse(readFileSync('/tmp/prof/data.json', 'utf8'));
const d = await openDatabase('file:/tmp/prof/site-clean.db');
const ids = data.voters.map((v: any) => v.token.split('.')[0]);
const N = 5000;
async function time(name: string, f: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 500; i++) await f(i);
  const t = performance.now();
  for (let i = 0; i < N; i++) await f(i);
  console.log(name.padEnd(30), ((performance.now() - t) / N * 1000).toFixed(0), 'µs');
}
await time('client.execute select', (i) => d.client.execute({ sql: 'select * from sessions where id = ?', args: [ids[i % ids.length]] }));
await time('client.execute select 1', () => d.client.execute('select 1'));
await time('drizzle select join', (i) => d.db.select({ s: sessions, a: accounts }).from(sessions).innerJoin(accounts, eq(accounts.id, sessions.accountId)).where(eq(sessions.id, ids[i % ids.length])).limit(1));
const p = d.db.select({ s: sessions, a: accounts }).from(sessions).innerJoin(accounts, eq(accounts.id, sessions.accountId)).where(eq(sessions.id, sql.placeholder('id'))).limit(1).prepare();
await time('drizzle prepared join', (i) => p.execute({ id: ids[i % ids.length] }));
await time('drizzle raw sql all', (i) => d.db.all(sql`select * from sessions where id = ${ids[i % ids.length]}`));
d.close();
