/**
 * npm run audit:verify — recompute the audit log's hash chain from the
 * database named by DATABASE_URL. Exit 0 and print
 * "audit log intact: <N> entries, head <hash>", or exit 1 naming the first
 * entry that does not match.
 */
import { env } from '../server/env.ts';
import { openDatabase } from '../db/client.ts';
import { verifyAuditLog } from '../server/services/audit.ts';

const config = env();
const database = await openDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
try {
  const r = await verifyAuditLog(database);
  if (r.ok) {
    console.log(`audit log intact: ${r.count} entries, head ${r.head}`);
    process.exitCode = 0;
  } else {
    const what = { hash_mismatch: 'its content does not match its hash (edited)', prev_hash_mismatch: 'it does not link to the entry before it (an earlier entry was replaced or inserted)', sequence_gap: 'the sequence has a gap or an extra entry (deleted or inserted)' }[r.problem];
    console.error(`audit log broken at entry ${r.badSeq}: ${what}; ${r.count} entries before it are intact`);
    process.exitCode = 1;
  }
} finally {
  database.close();
}
