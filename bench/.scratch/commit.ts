import { openDatabase } from '../../db/client.ts';
import { sql } from 'drizzle-orm';
import { rmSync } from 'node:fs';
for (const sync of ['FULL', 'NORMAL']) {
  for (const f of ['', '-wal', '-shm']) rmSync('/tmp/prof/commit.db' + f, { force: true });
  const d = await openDatabase('file:/tmp/prof/commit.db');
  await d.client.execute('create table t (id integer primary key, v text)');
  // time commits directly
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const tx = await d.client.transaction('write');
    await tx.execute(`PRAGMA synchronous=${sync}`).catch(() => {});
    for (let j = 0; j < 50; j++) await tx.execute({ sql: 'insert into t (v) values (?)', args: ['x'.repeat(100)] });
    const t = performance.now();
    await tx.commit();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const chk = await d.client.execute('PRAGMA synchronous');
  console.log(sync, 'commit ms p50', times[100].toFixed(2), 'p90', times[180].toFixed(2), 'max', times[199].toFixed(2), chk.rows[0]);
  d.close();
}
