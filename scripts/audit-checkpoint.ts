/**
 * npm run audit:checkpoint — sign a checkpoint of the published audit log now
 * (with the key in AUDIT_KEY_FILE, or next to the database file) and print it:
 * "audit checkpoint: seq N, hash H, at T, key K".
 */
import { env } from '../server/env.ts';
import { createContext } from '../server/context.ts';
import { publishCheckpoint } from '../server/services/audit-checkpoints.ts';
import { checkpointText } from '../server/domain/audit-checkpoint.ts';

const ctx = await createContext(env());
try {
  const c = await publishCheckpoint(ctx, 'manual');
  if (!c) console.log('audit checkpoint: the log is empty, nothing to sign');
  else {
    console.log(`audit checkpoint: seq ${c.seq}, hash ${c.hash}, at ${c.at}, key ${c.publicKey}`);
    console.log(`for a notice: ${checkpointText(c)}`);
  }
} finally {
  ctx.database.close();
}
