/** Write tasks for db/writer-thread.test.ts (the thread loads them by URL, as it loads server/services/write-tasks.ts). */
import type { RawExec } from './client.ts';

export const tasks: Record<string, (raw: RawExec, payload: never) => Promise<unknown>> = {
  insert: async (raw, p: { v: string }) => {
    await raw.run('insert into t (v) values (?)', [p.v]);
    return p.v;
  },
  fail: async (raw, p: { v: string }) => {
    await raw.run('insert into t (v) values (?)', [p.v]);
    throw Object.assign(new Error('changed my mind'), { code: 'E_TEST' });
  },
  synchronous: async (raw) => (await raw.all<{ synchronous: number }>('pragma synchronous', []))[0]!.synchronous,
  // process.exit in a worker ends that thread only.
  die: async () => process.exit(3),
};
