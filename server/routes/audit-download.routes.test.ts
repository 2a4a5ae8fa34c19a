/**
 * The audit log as anyone can check it from the outside (issue 19): the
 * whole published log as one NDJSON download, signed checkpoints of it, the
 * key that signs them, and `audit:verify --url`, which recomputes it all
 * from those public endpoints and fails, naming the cause, on a log that was
 * cut or rewritten after a checkpoint went out.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { serve, type ServerType } from '@hono/node-server';
import { client, freePort, seededTemplate, type TestApp } from '#tests/fixtures.ts';
import { auditCheckpoints } from '#db/schema.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { ChainWalker, checkpointMessage, checkpointText, parseCheckpointText } from '../domain/audit-checkpoint.ts';
import { GENESIS_HASH } from '../domain/audit-chain.ts';
import { advanceDuePhases } from '../services/cycles.ts';
import { checkpointTick, latestCheckpoint, publishCheckpoint } from '../services/audit-checkpoints.ts';
import { loadOrCreateAuditKey, verifyEd25519 } from '../services/audit-key.ts';
import { verifyRemoteLog } from '../services/audit-remote-verify.ts';

const run = promisify(execFile);
const ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

let template: Awaited<ReturnType<typeof seededTemplate>>;
let t: TestApp;
let clock: Date;

beforeAll(async () => {
  template = await seededTemplate();
});
afterAll(() => template.close());
beforeEach(async () => {
  // 7 December 2026: 仙湖's vote is held open, 莲花 is collecting proposals until the 15th.
  clock = new Date('2026-12-07T10:00:00+08:00');
  t = await template.fresh({ now: () => clock });
});
afterEach(() => t.close());

async function download(query = '', headers: Record<string, string> = {}) {
  const res = await t.app.request(`/api/audit.ndjson${query}`, { headers });
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(res.headers.get('content-encoding') === 'gzip' ? gunzipSync(bytes) : bytes);
  return { res, bytes, text, lines: text.split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

async function rawExec(sql: string) {
  await t.ctx.database.client.execute(sql);
}

describe('GET /api/audit.ndjson', () => {
  it('downloads every published entry oldest first, one per line, and the chain recomputes to the published head', async () => {
    const { res, text, lines } = await download();
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const head = (await (await client(t.app).get('/api/audit?limit=1')).json()).head;
    expect(Number(res.headers.get('x-audit-head-seq'))).toBe(head.seq);
    expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: head.seq }, (_, i) => i + 1));
    expect(Object.keys(lines[0])).toEqual(['seq', 'at', 'actorRole', 'actorName', 'action', 'subjectType', 'subjectId', 'before', 'after', 'reason', 'prevHash', 'hash']);
    expect(lines[0].prevHash).toBe(GENESIS_HASH);
    const walker = new ChainWalker(sha256Hex);
    for (const line of text.split('\n')) expect(await walker.addLine(line)).toBe(true);
    expect(walker.problem).toBeNull();
    expect({ count: walker.count, head: walker.head }).toEqual({ count: head.seq, head: head.hash });
  });

  it('after=SEQ gives only the newer entries, so a mirror keeps up from where it stopped', async () => {
    const all = (await download()).lines;
    const last = all.at(-1).seq;
    const { lines } = await download(`?after=${last - 3}`);
    expect(lines.map((l) => l.seq)).toEqual([last - 2, last - 1, last]);
    expect(lines).toEqual(all.slice(-3));
    expect((await download(`?after=${last}`)).lines).toEqual([]);
  });

  it('is compressed with gzip when the client accepts it, and the same lines come out', async () => {
    const plain = await download('', { 'accept-encoding': 'identity' });
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    const zipped = await download('', { 'accept-encoding': 'gzip, deflate' });
    expect(zipped.res.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.res.headers.get('vary')).toContain('Accept-Encoding');
    expect(zipped.text).toBe(plain.text);
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 3);
  });

  it('answers 304 to a mirror that already has the current download', async () => {
    const first = await t.app.request('/api/audit.ndjson?after=5');
    const tag = first.headers.get('etag')!;
    expect(tag).toBeTruthy();
    expect((await t.app.request('/api/audit.ndjson?after=5', { headers: { 'if-none-match': tag } })).status).toBe(304);
    // Another starting point is another answer.
    expect((await t.app.request('/api/audit.ndjson?after=6', { headers: { 'if-none-match': tag } })).status).toBe(200);
  });

  it('refuses a starting point that is not a whole number, naming the field', async () => {
    for (const q of ['?after=-1', '?after=abc', '?after=1.5', '?from=3']) {
      const res = await t.app.request(`/api/audit.ndjson${q}`);
      expect(res.status, q).toBe(400);
      expect(await res.json(), q).toMatchObject({ error: { code: expect.any(String), fields: { [q.slice(1).split('=')[0]!]: expect.any(String) } } });
    }
  });
});

describe('signed checkpoints', () => {
  it('the first tick signs the published head, and the signature checks out with the published key', async () => {
    expect(await latestCheckpoint(t.ctx.database)).toBeNull();
    const c = await checkpointTick(t.ctx);
    const head = (await (await client(t.app).get('/api/audit?limit=1')).json()).head;
    expect(c).toMatchObject({ seq: head.seq, hash: head.hash, at: clock.toISOString(), reason: 'daily', publicKey: t.ctx.auditKey.publicKey });
    const key = await (await client(t.app).get('/api/audit/key')).json();
    expect(key).toEqual({ algorithm: 'Ed25519', publicKey: t.ctx.auditKey.publicKey, keys: [t.ctx.auditKey.publicKey] });
    const listed = await (await client(t.app).get('/api/audit/checkpoints')).json();
    expect(listed.next).toBeNull();
    expect(listed.items).toHaveLength(1);
    const [only] = listed.items;
    expect(verifyEd25519(key.publicKey, checkpointMessage(only), only.signature)).toBe(true);
    expect(verifyEd25519(key.publicKey, checkpointMessage({ ...only, seq: only.seq - 1 }), only.signature)).toBe(false);
    expect(verifyEd25519(key.publicKey, checkpointMessage({ ...only, hash: GENESIS_HASH }), only.signature)).toBe(false);
  });

  it('signs again when a vote is counted and when a phase moves, and once a day, but not on every tick', async () => {
    await checkpointTick(t.ctx);
    clock = new Date('2026-12-07T18:00:00+08:00');
    expect(await checkpointTick(t.ctx)).toBeNull();
    // 仙湖's staff close the vote (it ran until 30 November): it is counted and published.
    const staff = client(t.app);
    expect((await staff.post('/api/auth/sign-in', { login: 'staff_xh', password: DEMO_PASSWORD })).status).toBe(200);
    expect((await staff.post('/api/cycles/cy-xianhu-2026/phase', { phase: 'deliberation' })).status).toBe(200);
    const counted = await checkpointTick(t.ctx);
    const head = async () => Number((await t.app.request('/api/audit.ndjson')).headers.get('x-audit-head-seq'));
    expect(counted).toMatchObject({ reason: 'vote_closed', seq: await head() });
    expect(await checkpointTick(t.ctx)).toBeNull();
    // 莲花's collection ends on the 15th: on the 16th the clock opens screening.
    clock = new Date('2026-12-16T09:00:00+08:00');
    expect(await advanceDuePhases(t.ctx)).toContainEqual({ cycleId: 'cy-lianhua-2026', from: 'collection', to: 'screening' });
    const moved = await checkpointTick(t.ctx);
    expect(moved).toMatchObject({ reason: 'phase', seq: await head() });
    expect(moved!.seq).toBeGreaterThan(counted!.seq);
    expect(await checkpointTick(t.ctx)).toBeNull();
    clock = new Date('2026-12-17T00:30:00+08:00');
    // Nothing was written since: the day's checkpoint witnesses that the log still ends there.
    expect(await checkpointTick(t.ctx)).toMatchObject({ reason: 'daily', seq: moved!.seq, hash: moved!.hash });
    const { items } = await (await client(t.app).get('/api/audit/checkpoints')).json();
    expect(items.map((c: { reason: string }) => c.reason)).toEqual(['daily', 'vote_closed', 'phase', 'daily']);
  });

  it('a checkpoint is never edited or deleted, even by a bug in the server', async () => {
    await publishCheckpoint(t.ctx, 'manual');
    await expect(rawExec("update audit_checkpoints set hash = 'x'")).rejects.toThrow(/append-only/);
    await expect(rawExec('delete from audit_checkpoints')).rejects.toThrow(/append-only/);
    expect(await t.ctx.database.db.select().from(auditCheckpoints)).toHaveLength(1);
  });

  it('pages the list with after and limit, and refuses a bad page', async () => {
    for (const day of ['2026-12-07', '2026-12-08', '2026-12-09']) {
      clock = new Date(`${day}T09:00:00+08:00`);
      await checkpointTick(t.ctx);
    }
    const c = client(t.app);
    const first = await (await c.get('/api/audit/checkpoints?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = await (await c.get(`/api/audit/checkpoints?limit=2&after=${first.next}`)).json();
    expect(second).toMatchObject({ next: null });
    expect(second.items.map((i: { at: string }) => i.at)).toEqual(['2026-12-09T01:00:00.000Z']);
    expect((await c.get('/api/audit/checkpoints?limit=0')).status).toBe(400);
    expect((await c.get('/api/audit/checkpoints?limit=1001')).status).toBe(400);
  });
});

describe('the signing key', () => {
  it('is made at first start in a file beside the database, private to its owner, and the same key after a restart', async () => {
    const file = join(dirname(t.url.slice('file:'.length)), 'audit-signing-key.pem');
    expect(t.ctx.auditKey.file).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadOrCreateAuditKey(file);
    expect(again.publicKey).toBe(t.ctx.auditKey.publicKey);
    expect(again.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyEd25519(again.publicKey, 'x', t.ctx.auditKey.sign('x'))).toBe(true);
  });
});

describe('checkpoint text on a printed notice', () => {
  it('reads back what a visitor types from a notice, forgiving spaces and capitals, and nothing else', () => {
    const hash = 'ab'.repeat(32);
    expect(checkpointText({ seq: 42, hash })).toBe(`42:${hash}`);
    expect(parseCheckpointText(`42:${hash}`)).toEqual({ seq: 42, hash });
    expect(parseCheckpointText(` #42 ： ${hash.toUpperCase().replace(/(.{16})/g, '$1 ')} `)).toEqual({ seq: 42, hash });
    for (const bad of ['42', `0:${hash}`, `42:${hash.slice(1)}`, `42:${hash}0`, `x:${hash}`, `42:${'g'.repeat(64)}`]) expect(parseCheckpointText(bad), bad).toBeNull();
  });
});

describe('audit:verify --url, from the public endpoints only', () => {
  let server: ServerType;
  let base: string;
  beforeEach(async () => {
    const port = await freePort();
    server = serve({ fetch: t.app.fetch, port, hostname: '127.0.0.1' });
    base = `http://127.0.0.1:${port}`;
  });
  afterEach(() => new Promise<void>((ok) => server.close(() => ok())));

  async function cli(...args: string[]) {
    try {
      const r = await run(process.execPath, [join(ROOT, 'scripts', 'audit-verify.ts'), '--url', base, ...args], { cwd: ROOT });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  }

  /** What a vandal with the database file would do: lift the guard, cut the newest entries (and, in one case, the checkpoints too). */
  async function cutTail(keep: number, alsoCheckpoints = false) {
    await rawExec('drop trigger audit_log_no_delete');
    await rawExec(`delete from audit_log where seq > ${keep}`);
    if (alsoCheckpoints) {
      await rawExec('drop trigger audit_checkpoints_no_delete');
      await rawExec('delete from audit_checkpoints');
    }
  }

  it('passes on an intact log with every checkpoint, signed and given, and prints the exact line', async () => {
    const c1 = (await publishCheckpoint(t.ctx, 'manual'))!;
    const r = await cli('--checkpoint', checkpointText(c1));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(`audit log intact: ${c1.seq} entries, head ${c1.hash}, checkpoints 2/2`);
  });

  it('fails, naming the cut, when the newest entries were deleted after a checkpoint was published', async () => {
    const c = (await publishCheckpoint(t.ctx, 'manual'))!;
    await cutTail(c.seq - 4);
    const r = await cli();
    expect(r.code).toBe(1);
    expect(r.err).toContain(`the log ends at entry ${c.seq - 4}, but a signed checkpoint covers entry ${c.seq}: its newest entries were cut off`);
    expect(r.out).toBe('');
  });

  it('still fails on a printed checkpoint when the signed ones were deleted with the tail', async () => {
    const c = (await publishCheckpoint(t.ctx, 'manual'))!;
    await cutTail(c.seq - 4, true);
    expect((await cli()).code).toBe(0);
    const r = await cli('--checkpoint', checkpointText(c));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`but a given checkpoint covers entry ${c.seq}: its newest entries were cut off`);
    expect(r.err).toContain('checkpoints 0/1');
  });

  it('fails on a checkpoint whose hash the log does not have, and on a forged signature', async () => {
    const c = (await publishCheckpoint(t.ctx, 'manual'))!;
    const wrong = await verifyRemoteLog(base, [{ seq: c.seq - 1, hash: c.hash }]);
    expect(wrong.ok).toBe(false);
    expect(wrong.checkpoints.problems).toEqual([{ kind: 'rewritten', seq: c.seq - 1, expected: c.hash, found: expect.stringMatching(/^[0-9a-f]{64}$/), source: 'given' }]);
    await t.ctx.database.write(async (tx) => {
      await tx.insert(auditCheckpoints).values({ ...c, at: '2026-12-07T03:00:00.000Z', signature: c.signature.replace(/^./, (x) => (x === '0' ? '1' : '0')) });
    });
    const forged = await verifyRemoteLog(base);
    expect(forged.checkpoints.problems).toEqual([{ kind: 'bad_signature', seq: c.seq }]);
    const r = await cli();
    expect(r.code).toBe(1);
    expect(r.err).toContain(`the checkpoint at entry ${c.seq} has a bad signature`);
  });

  it('fails naming the entry when an entry was edited in the database', async () => {
    await rawExec('drop trigger audit_log_no_update');
    await rawExec("update audit_log set reason = '改过' where seq = 7");
    const r = await cli();
    expect(r.code).toBe(1);
    expect(r.err).toContain('entry 7 does not match its hash: it was edited');
  });
});
