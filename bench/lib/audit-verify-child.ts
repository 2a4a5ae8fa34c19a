/**
 * @module bench:city's audit-verify step in a process of its own, so that its
 * peak RSS is the verification's alone: verifies DATABASE_URL's chain and
 * prints one JSON line {ok, count, seconds, peakRssMb}.
 */
import { openDatabase } from '../../db/client.ts';
import { verifyAuditLog } from '../../server/services/audit.ts';

const database = await openDatabase(process.env.DATABASE_URL!);
const t0 = performance.now();
const r = await verifyAuditLog(database);
const seconds = (performance.now() - t0) / 1000;
database.close();
// maxRSS is in kilobytes.
console.log(JSON.stringify({ ok: r.ok, count: r.count, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
