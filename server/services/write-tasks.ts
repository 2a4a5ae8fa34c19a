/**
 * @module The writes the writer thread may run (db/writer-thread.ts): each is
 * a function of a raw executor and plain data, the same function the service
 * runs in its own transaction when there is no writer thread.
 */
import type { RawExec } from '#db/client.ts';
import { castInTx, type CastJob } from './ballots.ts';

export const tasks: Record<string, (raw: RawExec, payload: never) => Promise<unknown>> = {
  castBallot: (raw, job: CastJob) => castInTx(raw, job),
};
