/**
 * Casting a ballot on the production server runs its transaction on the
 * writer thread (db/writer-thread.ts). The same requests must get the same
 * answers as on the calling thread, refusals included, and under concurrent
 * load every acknowledged ballot is stored exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { createContext } from '../context.ts';
import { parseEnv } from '../env.ts';
import { createApp } from '../app.ts';
import { verifyAuditLog } from '../services/audit.ts';
import { seedBench } from '#bench/lib/seed.ts';

const CYCLE = 'cy-xianhu-2026';
type T = Awaited<ReturnType<typeof testApp>>;

/** One scripted voting session; each answer as [status, body with receipts and times blanked]. */
async function script(t: T) {
  const ids = (await t.ctx.database.client.execute(`select id, code from projects where cycle_id = '${CYCLE}' order by code`)).rows;
  const id = (n: string) => String(ids.find((r) => String(r.code).endsWith(`-${n}`))!.id);
  const sign = async (username: string) => {
    const c = client(t.app);
    expect((await c.post('/api/auth/sign-in', { login: username, password: DEMO_PASSWORD })).status).toBe(200);
    return c;
  };
  const xh = await sign('resident_xh');
  const lt = await sign('resident_lt');
  const anon = client(t.app);
  const out: [number, unknown][] = [];
  const say = async (res: Response) => {
    // Project ids are random per database (and a ballot lists its projects in id order): compare them by code, sorted.
    const code = new Map(ids.map((r) => [String(r.id), String(r.code)]));
    const body = JSON.parse((await res.text()) || 'null', (k, v) =>
      k === 'receiptCode' || k === 'castAt' || k === 'requestId' ? `<${k}>`
        : typeof v === 'string' && code.has(v) ? code.get(v)
          : k === 'projects' && Array.isArray(v) ? [...(v as string[])].sort()
            : v,
    );
    out.push([res.status, body]);
  };
  const cast = (c: ReturnType<typeof client>, projects: unknown, cycle = CYCLE) => c.post(`/api/cycles/${cycle}/ballot`, { projects });
  await say(await cast(anon, [id('01')]));
  await say(await cast(lt, [id('01')]));
  await say(await cast(xh, [id('01'), id('02')]));
  await say(await cast(xh, [id('01'), id('01')]));
  await say(await cast(xh, ['no-such-project']));
  await say(await cast(xh, []));
  await say(await cast(xh, [id('05')]));
  await say(await cast(xh, [id('03')]));
  await say(await cast(xh, [id('01')], 'no-such-cycle'));
  await say(await xh.get(`/api/cycles/${CYCLE}/ballot`));
  return out;
}

describe('casting on the writer thread', () => {
  let here: T;
  let there: T;
  beforeAll(async () => {
    [here, there] = await Promise.all([testApp({ seed: true }), testApp({ seed: true, writerThread: true })]);
  });
  afterAll(() => {
    here?.close();
    there?.close();
  });

  it('answers every request exactly as the calling thread does: receipts, changes of mind and each refusal', async () => {
    expect([here.ctx.database.hasWriterThread, there.ctx.database.hasWriterThread]).toEqual([false, there.url.startsWith('file:')]);
    const a = await script(here);
    const b = await script(there);
    // The script itself covers what it should: signed out, wrong community, cast, four refusals, a change, no such cycle, the ballot read back.
    expect(a.map(([s]) => s)).toEqual([401, 403, 201, 422, 422, 422, 422, 201, 404, 200]);
    expect(b).toEqual(a);
    expect(await verifyAuditLog(there.ctx.database)).toMatchObject({ ok: true });
  });
});

describe('many residents at once, on the writer thread', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wss-writer-load-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores every acknowledged ballot exactly once, one current ballot per voter, and the audit log verifies', async () => {
    const url = `file:${join(dir, 'load.db')}`;
    const data = await seedBench(url, 150);
    const ctx = await createContext(parseEnv({ DATABASE_URL: url, NODE_ENV: 'test' }), { writerThread: true });
    try {
      expect(ctx.database.hasWriterThread).toBe(true);
      const app = createApp(ctx);
      const requests = Array.from({ length: 450 }, (_, i) => {
        const v = data.voters[i % data.voters.length]!;
        const pick = data.projectIds.filter((_, j) => (i + j) % 2 === 0).slice(0, 3);
        return app.request(`/api/cycles/${data.cycleId}/ballot`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: `wss_session=${v.token}` },
          body: JSON.stringify({ projects: pick.length ? pick : [data.projectIds[0]] }),
        });
      });
      const answers = await Promise.all(
        requests.map(async (req, i) => {
          const res = await req;
          return [data.voters[i % data.voters.length]!.registerEntryId, res.status, ((await res.json()) as { receiptCode?: string }).receiptCode] as const;
        }),
      );
      expect(answers.map(([, s]) => s)).toEqual(answers.map(() => 201));
      const stored = (await ctx.database.client.execute(`select register_entry_id, receipt_code, superseded_at from ballots where cycle_id = '${data.cycleId}' and register_entry_id like 'bench-%'`)).rows;
      const byReceipt = new Map(stored.map((r) => [String(r.receipt_code), String(r.register_entry_id)]));
      expect(stored).toHaveLength(450);
      for (const [entry, , receipt] of answers) expect(byReceipt.get(receipt!)).toBe(entry);
      const current = stored.filter((r) => r.superseded_at === null);
      expect(current).toHaveLength(150);
      expect(new Set(current.map((r) => r.register_entry_id)).size).toBe(150);
      const casts = Number((await ctx.database.client.execute(`select count(*) as n from audit_log where action = 'ballot.cast'`)).rows[0]!.n);
      expect(casts).toBe(450 + Number((await ctx.database.client.execute(`select count(*) as n from ballots where register_entry_id not like 'bench-%' and channel = 'online'`)).rows[0]!.n));
      expect(await verifyAuditLog(ctx.database)).toMatchObject({ ok: true });
    } finally {
      ctx.database.close();
    }
  }, 60_000);
});
