import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { testApp } from '../tests/fixtures.ts';
import { appendAudit, verifyAuditLog } from '../server/services/audit.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
  for (let i = 0; i < 5; i++) {
    await t.ctx.database.write((tx) =>
      appendAudit(tx, { actor: { accountId: 'a', role: 'staff', name: '王芳' }, action: 'test.step', subjectType: 'project', subjectId: `p${i}`, after: { i }, at: new Date(Date.UTC(2026, 0, i + 1)) }),
    );
  }
});
afterEach(() => t.close());

/** A raw connection, as someone editing the file behind the application's back would have. */
async function tamper(url: string, sql: string) {
  const raw = createClient({ url });
  await raw.execute('DROP TRIGGER IF EXISTS audit_log_no_update');
  await raw.execute('DROP TRIGGER IF EXISTS audit_log_no_delete');
  await raw.execute(sql);
  raw.close();
}

describe('the audit log', () => {
  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(t.ctx.database.client.execute("update audit_log set reason = 'x' where seq = 2")).rejects.toThrow(/append-only/);
    await expect(t.ctx.database.client.execute('delete from audit_log where seq = 2')).rejects.toThrow(/append-only/);
  });

  it('verifies intact and reports its head', async () => {
    const r = await verifyAuditLog(t.ctx.database);
    expect(r).toMatchObject({ ok: true, count: 5 });
  });

  it('catches an edited row', async () => {
    await tamper(t.url, "update audit_log set actor_name = '别人' where seq = 3");
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: false, badSeq: 3 });
  });

  it('catches a deleted row', async () => {
    await tamper(t.url, 'delete from audit_log where seq = 2');
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: false, badSeq: 3 });
  });

  it('catches an inserted row', async () => {
    await tamper(t.url, "insert into audit_log (seq, at, actor_role, actor_name, action, subject_type, subject_id, prev_hash, hash) values (6, '2026-02-01T00:00:00.000Z', 'staff', 'x', 'forged', 'project', 'p9', 'abc', 'def')");
    expect(await verifyAuditLog(t.ctx.database)).toMatchObject({ ok: false, badSeq: 6 });
  });
});
