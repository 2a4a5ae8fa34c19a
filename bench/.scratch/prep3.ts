import { createClient } from '@libsql/client';
import Database from 'libsql';
import { readFileSync } from 'node:fs';
const data = JSON.parse(readFileSync('/tmp/prof/data.json', 'utf8'));
const q = `
    select c.community_id, cm.street_id, st.district_id, c.budget_fen, c.open_phase, r.vote_method, r.vote_params,
      e.id as entry_id,
      (select json_array(b.id, b.channel) from ballots b
        where b.cycle_id = c.id and b.register_entry_id = e.id and b.superseded_at is null limit 1) as current,
      (select json_group_array(json_array(p.id, p.estimated_cost_fen)) from projects p
        where p.cycle_id = c.id and p.state = 'screened_in') as on_ballot
    from cycles c
    join rulebooks r on r.id = c.rulebook_id
    join communities cm on cm.id = c.community_id
    join streets st on st.id = cm.street_id
    left join (select id, community_id from register_entries where claimed_by_account_id = ?) e on e.community_id = c.community_id
    where c.id = ?
    limit 1`;
const N = 3000;
const client = createClient({ url: 'file:/tmp/prof/site-clean.db' });
async function t(name: string, f: (i: number) => unknown) {
  for (let i = 0; i < 300; i++) await f(i);
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) await f(i);
  const cu = process.cpuUsage(c0);
  console.log(name.padEnd(30), ((cu.user + cu.system) / N).toFixed(0), 'µs');
}
await t('client.execute castingState', (i) => client.execute({ sql: q, args: [data.voters[i].accountId, data.cycleId] }));
const db = new Database('/tmp/prof/site-clean.db');
await t('libsql prepare+all', (i) => db.prepare(q).all([data.voters[i].accountId, data.cycleId]));
const st = db.prepare(q);
await t('libsql cached all', (i) => st.all([data.voters[i].accountId, data.cycleId]));
const tx = await client.transaction('write');
await t('client tx.execute castingState', (i) => tx.execute({ sql: q, args: [data.voters[i].accountId, data.cycleId] }));
await tx.rollback();
