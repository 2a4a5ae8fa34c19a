import Database from 'libsql';
const db = new Database('/tmp/prof/site-clean.db');
const N = 3000;
function t(name: string, q: string) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) db.prepare(q);
  const cu = process.cpuUsage(c0);
  console.log(name.padEnd(20), ((cu.user + cu.system) / N).toFixed(0), 'µs prepare');
}
t('castingState', `
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
    limit 1`);
t('cycle+rb+place', `select c.community_id, cm.street_id, st.district_id, c.budget_fen, c.open_phase, r.vote_method, r.vote_params from cycles c join rulebooks r on r.id = c.rulebook_id join communities cm on cm.id = c.community_id join streets st on st.id = cm.street_id where c.id = ?`);
t('entry', `select id from register_entries where community_id = ? and claimed_by_account_id = ? limit 1`);
t('current', `select id, channel from ballots where cycle_id = ? and register_entry_id = ? and superseded_at is null limit 1`);
t('projects', `select id, estimated_cost_fen from projects where cycle_id = ? and state = 'screened_in'`);
t('insert ballot', `insert into ballots (id, cycle_id, register_entry_id, account_id, channel, method, content, receipt_code, cast_at) values (?,?,?,?,'online',?,?,?,?)`);
t('audit insert', `insert into "audit_log" ("seq", "at", "actor_account_id", "actor_role", "actor_name", "action", "subject_type", "subject_id", "before", "after", "reason", "prev_hash", "hash") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
t('select 1', 'select 1');
