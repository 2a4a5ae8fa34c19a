/**
 * Nobody can break the public audit chain by what they type. SQLite keeps a
 * string with a NUL character but reads it back cut at the NUL, and libSQL
 * stores a lone UTF-16 surrogate as U+FFFD: an entry hashed over the text as
 * sent, but read back different, made `audit:verify` report the whole log
 * as broken from that entry on — and a resident's objection reason was
 * enough (found by the XSS corpus, payload 33). The audit log now records,
 * and hashes, text exactly as it will read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { projects } from '../../db/schema.ts';
import { appendAudit, verifyAuditLog } from '../services/audit.ts';
import { buildTemplate, openWorld, type Template, type World } from './world.ts';

let template: Template;
let w: World;
beforeAll(async () => {
  template = await buildTemplate();
  w = await openWorld(template);
}, 120_000);
afterAll(() => {
  w?.close();
  template?.close();
});

const NASTY = ['理由\u0000之后的内容', '半个字\ud800符', '\udfff开头', '结尾\ud83d', 'NUL\u0000\u0000两个', '正常的𠮷字与表情👍'];

describe('the audit chain survives any text', () => {
  it('a resident objecting with NULs and lone surrogates in the reason leaves the chain intact', async () => {
    for (const [i, reason] of NASTY.entries()) {
      const code = `SGJD-SXSQ-2025-0${5 + (i % 3)}`;
      const who = ['resident_sx', 'council_sx'][Math.floor(i / 3)]!;
      const res = await w.request('POST', `/api/projects/${code}/objections`, who, { reason });
      expect(res.status, `${JSON.stringify(reason)} → ${await res.clone().text()}`).toBeLessThan(500);
    }
    expect(await verifyAuditLog(w.ctx.database)).toMatchObject({ ok: true });
  });

  it('staff reasons, council opinions and withdrawals with such text leave it intact too', async () => {
    const id = (await w.ctx.database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, 'SGJD-SXSQ-2025-01')))[0]!.id;
    expect((await w.request('POST', '/api/projects/SGJD-SXSQ-2025-01/opinions', 'council_sx', { stance: 'note', body: NASTY[0] })).status).toBe(201);
    expect((await w.request('POST', '/api/projects/SGJD-SXSQ-2025-02/events', 'officer', { event: 'screen_out', reason: NASTY[1] })).status).toBe(200);
    expect(id).toBeTruthy();
    expect(await verifyAuditLog(w.ctx.database)).toMatchObject({ ok: true });
  });

  it('appendAudit itself stores what it hashes, whatever the actor name and reason', async () => {
    for (const s of NASTY) {
      await w.ctx.database.write((tx) => appendAudit(tx, { actor: { accountId: null, role: 'staff', name: s }, action: 'test.text', subjectType: 'test', subjectId: s, before: { s }, after: [s], reason: s, at: new Date() }));
    }
    expect(await verifyAuditLog(w.ctx.database)).toMatchObject({ ok: true });
  });
});
