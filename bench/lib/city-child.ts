/**
 * @module bench:city's heavy steps in a process of their own, so that each
 * one's peak RSS is its own and running out of memory fails the step, not
 * the bench. `verify`: verify DATABASE_URL's audit chain. `backup OUT`:
 * snapshot it into OUT and check the copy (integrity and chain), as
 * `db:backup` does. Prints one JSON line.
 */
import { statSync } from 'node:fs';
import { openDatabase } from '#db/client.ts';
import { verifyAuditLog } from '#services/audit.ts';
import { snapshot, check } from '#services/backups.ts';

const url = process.env.DATABASE_URL!;
const t0 = performance.now();
const seconds = () => (performance.now() - t0) / 1000;
// maxRSS is in kilobytes.
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
if (process.argv[2] === 'backup') {
  const out = process.argv[3]!;
  await snapshot(url, undefined, out);
  const c = await check(`file:${out}`);
  console.log(JSON.stringify({ ok: c.ok, line: c.line, seconds: seconds(), mb: statSync(out).size / 1e6, peakRssMb: peakRssMb() }));
} else {
  const database = await openDatabase(url);
  const r = await verifyAuditLog(database);
  const s = seconds();
  database.close();
  console.log(JSON.stringify({ ok: r.ok, count: r.count, seconds: s, peakRssMb: peakRssMb() }));
}
