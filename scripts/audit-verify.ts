/**
 * npm run audit:verify — recompute the audit log's hash chain.
 *
 * From the database named by DATABASE_URL: exit 0 and print
 * "audit log intact: <N> entries, head <hash>", or exit 1 naming the first
 * entry that does not match.
 *
 * From a running site, as anyone can (`-- --url BASE [--checkpoint SEQ:HASH]…`):
 * download its published log, recompute every hash, check every signed
 * checkpoint and every checkpoint given here (from a printed notice), and print
 * "audit log intact: <N> entries, head <hash>, checkpoints <K>/<K>", or exit 1
 * naming what failed.
 */
import { parseArgs } from 'node:util';
import { env } from '../server/env.ts';
import { openDatabase } from '../db/client.ts';
import { verifyAuditLog } from '../server/services/audit.ts';
import { parseCheckpointText } from '../server/domain/audit-checkpoint.ts';
import { describeProblem, verifyRemoteLog } from '../server/services/audit-remote-verify.ts';

const { values } = parseArgs({ options: { url: { type: 'string' }, checkpoint: { type: 'string', multiple: true } } });

if (values.url) {
  const given = (values.checkpoint ?? []).map((text) => {
    const c = parseCheckpointText(text);
    if (!c) {
      console.error(`--checkpoint ${text}: expected SEQ:HASH, e.g. 1234:${'0'.repeat(64)}`);
      process.exit(2);
    }
    return c;
  });
  try {
    const r = await verifyRemoteLog(values.url, given);
    const k = `checkpoints ${r.checkpoints.checked}/${r.checkpoints.total}`;
    if (r.ok) console.log(`audit log intact: ${r.count} entries, head ${r.head}, ${k}`);
    else {
      if (r.chain) console.error(`audit log broken: ${describeProblem(r.chain)}; ${r.count} entries before it are intact`);
      for (const p of r.checkpoints.problems) console.error(`audit log fails a checkpoint: ${describeProblem(p)}`);
      console.error(`${r.count} entries checked, ${k}`);
      process.exitCode = 1;
    }
  } catch (err) {
    console.error(`could not read the audit log from ${values.url}: ${(err as Error).message}`);
    process.exitCode = 1;
  }
} else {
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
}
