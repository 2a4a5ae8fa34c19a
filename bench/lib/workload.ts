/**
 * @module The voting workload, shared by bench:votes and bench:crash. Voters
 * come in groups of GROUP; each group casts CASTS rounds (a first ballot, then
 * changes of mind) before the next group starts, so whatever the throughput
 * every voter who votes also changes their ballot a few times, a few hundred
 * requests apart — well inside the per-account vote limit (10 at once, then
 * one every 3 s). Each ballot is a fresh random approval ballot (1–5 of the
 * projects on the ballot). The baseline sends the same bodies to the bare
 * insert endpoint.
 */
import type { BenchData } from './seed.ts';
import type { Outgoing } from './load.ts';
import type { Ack } from './check.ts';
import { ballotRequest, receiptOf } from './api.ts';

function randomChoice(projectIds: string[]): string[] {
  const k = 1 + Math.floor(Math.random() * Math.min(5, projectIds.length));
  const pool = [...projectIds];
  const out: string[] = [];
  for (let j = 0; j < k; j++) out.push(pool.splice(Math.floor(Math.random() * pool.length), 1)[0]!);
  return out;
}

const GROUP = 500;
const CASTS = 3;

/** Which voter sends the i-th request. */
export function voterOf(i: number, voters: number): number {
  const group = Math.min(GROUP, voters);
  const round = Math.floor(i / group);
  return (Math.floor(round / CASTS) * group + (i % group)) % voters;
}

export function ballotWorkload(data: BenchData, offset = 0) {
  const n = data.voters.length;
  return {
    next(i: number): Outgoing {
      const v = voterOf(offset + i, n);
      return { ...ballotRequest(data.cycleId, { projects: randomChoice(data.projectIds) }), tag: v, headers: { cookie: `wss_session=${data.voters[v]!.token}` } };
    },
    accept(_status: number, body: string, tag: number): Ack | undefined {
      const receipt = receiptOf(body);
      return receipt === undefined ? undefined : { receipt, registerEntryId: data.voters[tag]!.registerEntryId };
    },
  };
}

export function baselineWorkload(data: BenchData) {
  const n = data.voters.length;
  return {
    next(i: number): Outgoing {
      const v = voterOf(i, n);
      return { path: '/api/_bench/insert', tag: v, headers: {}, body: JSON.stringify({ voter: data.voters[v]!.registerEntryId, projects: randomChoice(data.projectIds) }) };
    },
    accept(_status: number, body: string): number | undefined {
      try {
        const id = (JSON.parse(body) as { id?: unknown }).id;
        return typeof id === 'number' ? id : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
