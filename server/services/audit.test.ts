/**
 * The audit module's service half (server/services/audit.ts): what
 * appendAudit stores and hashes, how the log is listed, verified and
 * streamed, and the labels and filters the audit page uses. Exact values
 * throughout: the public chain is checked by others against these bytes.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Database } from '#db/client.ts';
import { projects } from '#db/schema.ts';
import { tempDatabase, testApp } from '#tests/fixtures.ts';
import { entryBytesText, GENESIS_HASH } from '../domain/audit-chain.ts';
import {
  appendAudit,
  auditHead,
  auditVocabulary,
  listAudit,
  ndjsonLine,
  resolveSubject,
  sha256Hex,
  streamAuditNdjson,
  subjectLabels,
  verifyAuditLog,
  type AuditInput,
} from './audit.ts';

const staff = { accountId: null, role: 'staff', name: '王芳' };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 2, minute));
const entry = (n: number, more: Partial<AuditInput> = {}): AuditInput => ({ actor: staff, action: `test.a${n % 3}`, subjectType: n % 2 ? 'odd' : 'even', subjectId: `s${n}`, after: { n }, at: at(n), ...more });

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of stream) text += decoder.decode(chunk, { stream: true });
  return text;
}

describe('the audit log on a new database', () => {
  let temp: Awaited<ReturnType<typeof tempDatabase>>;
  let file: string;
  let database: Database;
  const rows = async () => (await database.client.execute('select seq, actor_role, actor_name, action, subject_type, subject_id, before, after, reason, prev_hash, hash from audit_log order by seq')).rows.map((r) => ({ ...r }));
  // Each test starts from an empty log of its own.
  beforeEach(async () => {
    temp = await tempDatabase();
    ({ database, file } = temp);
  });
  afterEach(() => temp.close());
  const appendEntries = async (from: number, to: number) => {
    for (let n = from; n <= to; n++) await database.write((tx) => appendAudit(tx, entry(n)));
  };

  it('has the genesis head before its first entry, and chains each entry to the one before', async () => {
    expect(await auditHead(database)).toEqual({ seq: 0, hash: GENESIS_HASH });
    const first = await database.write((tx) => appendAudit(tx, entry(1)));
    const second = await database.write((tx) => appendAudit(tx, entry(2)));
    expect([first.seq, second.seq]).toEqual([1, 2]);
    const [r1, r2] = await rows();
    expect(r1).toMatchObject({ seq: 1, prev_hash: GENESIS_HASH, hash: first.hash });
    expect(r2).toMatchObject({ seq: 2, prev_hash: first.hash, hash: second.hash });
    expect(await auditHead(database)).toEqual({ seq: 2, hash: second.hash });
  });

  it('hashes exactly the fields it stores, in the canonical form', async () => {
    const r = await database.write((tx) => appendAudit(tx, { actor: staff, action: 'test.hash', subjectType: 'cycle', subjectId: 'c1', before: { b: 1, a: [2, { d: null, c: '三' }] }, after: 0, reason: '理由', at: at(3) }));
    const stored = (await rows()).find((x) => x.seq === r.seq)!;
    expect(stored).toMatchObject({ before: '{"a":[2,{"c":"三","d":null}],"b":1}', after: '0', reason: '理由', actor_name: '王芳', actor_role: 'staff' });
    const text = entryBytesText(
      { seq: r.seq, at: at(3).toISOString(), actorRole: 'staff', actorName: '王芳', action: 'test.hash', subjectType: 'cycle', subjectId: 'c1', before: stored.before as string, after: '0', reason: '理由' },
      stored.prev_hash as string,
    );
    expect(r.hash).toBe(sha256Hex(text));
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('stores an absent or null before, after and reason as NULL, and false, zero and empty text as themselves', async () => {
    const seqs: number[] = [];
    for (const v of [undefined, null, false, 0, '']) {
      const reason = typeof v === 'number' || typeof v === 'boolean' ? undefined : v;
      seqs.push((await database.write((tx) => appendAudit(tx, { actor: staff, action: 'test.empty', subjectType: 'x', subjectId: 'y', before: v, after: v, reason, at: at(4) }))).seq);
    }
    const stored = (await rows()).filter((x) => seqs.includes(Number(x.seq))).map((x) => [x.before, x.after, x.reason]);
    expect(stored).toEqual([
      [null, null, null],
      [null, null, null],
      ['false', 'false', null],
      ['0', '0', null],
      ['""', '""', ''],
    ]);
    expect(await verifyAuditLog(database)).toMatchObject({ ok: true });
  });

  it('names every resident 居民 whatever name is passed, keeps other actors’ names, and stores text as it will read back', async () => {
    const a = await database.write((tx) => appendAudit(tx, { actor: { accountId: null, role: 'resident', name: '张三' }, action: 'test.who', subjectType: 'x', subjectId: 'y', at: at(5) }));
    const b = await database.write((tx) => appendAudit(tx, { actor: { accountId: null, role: 'council\u0000', name: '李\u0000四\ud800' }, action: 'a\u0000', subjectType: 't\u0000', subjectId: 'i\u0000', reason: 'r\u0000', at: at(5) }));
    const [ra, rb] = (await rows()).filter((x) => x.seq === a.seq || x.seq === b.seq);
    expect(ra).toMatchObject({ actor_name: '居民', actor_role: 'resident' });
    expect(rb).toMatchObject({ actor_role: 'council\uFFFD', actor_name: '李\uFFFD四\uFFFD', action: 'a\uFFFD', subject_type: 't\uFFFD', subject_id: 'i\uFFFD', reason: 'r\uFFFD' });
    expect(await verifyAuditLog(database)).toMatchObject({ ok: true });
  });

  it('verifies an embedded file on a read-only connection of its own, and a server page by page', async () => {
    for (let n = 10; n < 20; n++) await database.write((tx) => appendAudit(tx, entry(n)));
    const count = Number((await database.client.execute('select count(*) as n from audit_log')).rows[0]!.n);
    const head = await auditHead(database);
    const execute = vi.spyOn(database.client, 'execute');
    try {
      expect(await verifyAuditLog(database)).toEqual({ ok: true, count, head: head.hash });
      expect(execute).not.toHaveBeenCalled();
      // Page by page, three entries a page: every page read, and the same answer.
      expect(await verifyAuditLog(database, { pages: true, pageSize: 3 })).toEqual({ ok: true, count, head: head.hash });
      expect(execute).toHaveBeenCalledTimes(Math.floor(count / 3) + 1);
    } finally {
      execute.mockRestore();
    }
    // The file of a URL with a query (libSQL takes `tls` on a file URL) is the same file.
    const same = await openDatabase(`file:${file}?tls=0`);
    const viaQuery = vi.spyOn(same.client, 'execute');
    try {
      expect(await verifyAuditLog(same)).toEqual({ ok: true, count, head: head.hash });
      expect(viaQuery).not.toHaveBeenCalled();
    } finally {
      viaQuery.mockRestore();
      same.close();
    }
  });

  it('names the first changed entry, reading either way, and stops there', async () => {
    await appendEntries(1, 8);
    // The log is append-only; a test of tampering must first take that guard away (audit-tamper.test.ts does the same).
    await database.client.execute('drop trigger audit_log_no_update');
    await database.client.execute("update audit_log set reason = 'changed' where seq = 5");
    await database.client.execute("update audit_log set reason = 'changed' where seq = 7");
    try {
      expect(await verifyAuditLog(database)).toEqual({ ok: false, count: 4, badSeq: 5, problem: 'hash_mismatch' });
      expect(await verifyAuditLog(database, { pages: true, pageSize: 2 })).toEqual({ ok: false, count: 4, badSeq: 5, problem: 'hash_mismatch' });
    } finally {
      // Put both texts back (they were null), so that the chain verifies again.
      await database.client.execute('update audit_log set reason = null where seq in (5, 7)');
    }
    expect(await verifyAuditLog(database)).toMatchObject({ ok: true });
  });

  it('lists newest first with filters and seq bounds, and pages towards newer entries still newest first', async () => {
    await appendEntries(1, 19);
    const all = await listAudit(database, { limit: 500 });
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => b - a));
    const odd = await listAudit(database, { subjectType: 'odd', action: 'test.a1' });
    expect(odd.map((e) => e.subjectId)).toEqual(['s19', 's13', 's7', 's1']);
    expect((await listAudit(database, { subjectId: 's12' })).map((e) => e.action)).toEqual(['test.a0']);
    const seqOf = (id: string) => all.find((e) => e.subjectId === id)!.seq;
    expect((await listAudit(database, { subjectType: 'odd', beforeSeq: seqOf('s15'), limit: 3 })).map((e) => e.subjectId)).toEqual(['s13', 's11', 's9']);
    expect((await listAudit(database, { subjectType: 'odd', afterSeq: seqOf('s13'), limit: 2 })).map((e) => e.subjectId)).toEqual(['s17', 's15']);
    expect((await listAudit(database, { subjectType: 'odd', belowSeq: seqOf('s13'), limit: 2 })).map((e) => e.subjectId)).toEqual(['s11', 's9']);
    expect((await listAudit(database, { subjectType: 'odd', belowSeq: null, limit: 1 })).map((e) => e.subjectId)).toEqual(['s19']);
    expect(all[0]).toEqual({ seq: all[0]!.seq, at: at(19).toISOString(), actorRole: 'staff', actorName: '王芳', action: 'test.a1', subjectType: 'odd', subjectId: 's19', before: null, after: '{"n":19}', reason: null, prevHash: all[1]!.hash, hash: all[0]!.hash });
  });

  it('lists at most 500 entries a page, and 100 unless asked', async () => {
    await database.write(async (tx) => {
      for (let n = 0; n < 510; n++) await appendAudit(tx, { actor: staff, action: 'test.many', subjectType: 'many', subjectId: `m${n}`, at: at(30) });
    });
    expect(await listAudit(database, { subjectType: 'many', limit: 1000 })).toHaveLength(500);
    expect(await listAudit(database, { subjectType: 'many' })).toHaveLength(100);
  });

  it('knows each action and subject type once, in order', async () => {
    expect(await auditVocabulary(database)).toEqual({ actions: [], subjectTypes: [] });
    await appendEntries(1, 6);
    await database.write((tx) => appendAudit(tx, { actor: staff, action: 'a\u0000', subjectType: 'cycle', subjectId: 'y', at: at(7) }));
    expect(await auditVocabulary(database)).toEqual({ actions: ['a\uFFFD', 'test.a0', 'test.a1', 'test.a2'], subjectTypes: ['cycle', 'even', 'odd'] });
  });

  it('writes each entry as one line of JSON, its fields in the published order', () => {
    expect(ndjsonLine({ seq: 3, at: 'T', actorRole: 'r', actorName: 'n', action: 'a', subjectType: 's', subjectId: 'i', before: null, after: '{"x":1}', reason: '因', prevHash: 'p', hash: 'h' })).toBe(
      '{"seq":3,"at":"T","actorRole":"r","actorName":"n","action":"a","subjectType":"s","subjectId":"i","before":null,"after":"{\\"x\\":1}","reason":"因","prevHash":"p","hash":"h"}\n',
    );
  });

  it('streams the log oldest first a page at a time, between its bounds, to the end and no further', async () => {
    await appendEntries(1, 12);
    const seqs = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l).seq as number);
    const head = (await auditHead(database)).seq;
    const whole = await readAll(streamAuditNdjson(database, { after: 0, below: null, pageSize: 7 }));
    expect(seqs(whole)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    expect(whole.split('\n')[0]).toBe(ndjsonLine((await listAudit(database, { belowSeq: 2, limit: 1 }))[0]!).trimEnd());
    expect(seqs(await readAll(streamAuditNdjson(database, { after: 4, below: 10, pageSize: 2 })))).toEqual([5, 6, 7, 8, 9]);
    expect(seqs(await readAll(streamAuditNdjson(database, { after: 4, below: 10 })))).toEqual([5, 6, 7, 8, 9]);
    expect(await readAll(streamAuditNdjson(database, { after: head, below: null }))).toBe('');
    // A page exactly full at the end: the next, empty page ends the stream.
    expect(seqs(await readAll(streamAuditNdjson(database, { after: head - 4, below: null, pageSize: 2 })))).toEqual([head - 3, head - 2, head - 1, head]);
  });
});

describe('the audit log of a database in memory', () => {
  it('is verified through its own client, since no file holds it', async () => {
    for (const url of ['file::memory:', 'file:']) {
      const database = await openDatabase(url);
      try {
        await migrateDatabase(database);
        for (let n = 0; n < 3; n++) await database.write((tx) => appendAudit(tx, entry(n)));
        expect(await verifyAuditLog(database)).toEqual({ ok: true, count: 3, head: (await auditHead(database)).hash });
      } finally {
        database.close();
      }
    }
  });
});

describe('project labels and codes in the audit page', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp({ seed: true });
  });
  afterAll(() => t.close());

  it('labels a project’s entries and its draft entries with its code and title, but not a draft’s, nor other subjects', async () => {
    const [p, d] = await t.ctx.database.db.select({ id: projects.id, code: projects.code, title: projects.title }).from(projects).orderBy(projects.code).limit(2);
    await t.ctx.database.db.update(projects).set({ state: 'draft' }).where(eq(projects.id, d!.id));
    const labels = await subjectLabels(t.ctx.database, [
      { subjectType: 'project', subjectId: p!.id },
      { subjectType: 'project_draft', subjectId: p!.id },
      { subjectType: 'project', subjectId: d!.id },
      { subjectType: 'cycle', subjectId: p!.id },
    ]);
    expect([...labels]).toEqual([[p!.id, { code: p!.code, title: p!.title }]]);
    expect([...(await subjectLabels(t.ctx.database, [{ subjectType: 'project_draft', subjectId: p!.id }]))]).toEqual([[p!.id, { code: p!.code, title: p!.title }]]);
    expect([...(await subjectLabels(t.ctx.database, [{ subjectType: 'project', subjectId: p!.id }]))]).toEqual([[p!.id, { code: p!.code, title: p!.title }]]);
    expect((await subjectLabels(t.ctx.database, [{ subjectType: 'cycle', subjectId: p!.id }])).size).toBe(0);
    expect((await subjectLabels(t.ctx.database, [])).size).toBe(0);
  });

  it('reads a project code typed in any case as that project, and anything else as it was typed', async () => {
    const [p] = await t.ctx.database.db.select({ id: projects.id, code: projects.code }).from(projects).limit(1);
    expect(await resolveSubject(t.ctx.database, p!.code.toLowerCase())).toBe(p!.id);
    expect(await resolveSubject(t.ctx.database, 'cy-xianhu-2026')).toBe('cy-xianhu-2026');
  });
});
