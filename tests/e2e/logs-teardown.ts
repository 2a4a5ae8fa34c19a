/**
 * After every browser journey has run: the server's log of the whole run
 * (test-results/e2e-server.log, one JSON line per request and the server's
 * own messages) must carry no personal data. It is read against the run's
 * own database: every name and residency code on a register, every account's
 * name and mobile number, and the demo password. A line that carries one
 * fails the run, naming it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient } from '@libsql/client';

export const E2E_LOG = resolve(process.env.E2E_LOG || 'test-results/e2e-server.log');

export default async function checkLogs() {
  if (!existsSync(E2E_LOG)) throw new Error(`no server log at ${E2E_LOG}: the e2e server must log there (playwright.config.ts sets LOG_FILE)`);
  const log = readFileSync(E2E_LOG, 'utf8');
  const lines = log.split('\n').filter(Boolean);
  const requests = lines.filter((l) => l.includes('"msg":"request"')).length;
  if (requests === 0) throw new Error(`the server log ${E2E_LOG} has no request lines: the server did not log the run`);

  const db = createClient({ url: `file:${resolve(process.env.E2E_DB || 'test-results/e2e.db')}` });
  const names = new Set<string>();
  const tokens = new Set<string>(['demo12345']);
  for (const r of (await db.execute('select name, verification_code from register_entries')).rows) {
    names.add(String(r.name));
    tokens.add(String(r.verification_code));
  }
  for (const r of (await db.execute('select display_name, mobile from accounts')).rows) {
    // A display name like 王芳（示例） is the name 王芳 with a demo marker.
    names.add(String(r.display_name).replace(/（.*$/, ''));
    if (r.mobile) tokens.add(String(r.mobile));
  }
  db.close();

  const found: string[] = [];
  for (const line of lines) {
    // Names (Chinese, some with letters or digits, as 示例居民H2): every run of such characters that has
    // Chinese in it, and each part of it as long as a name.
    for (const run of line.match(/[\u3400-\u9fffA-Za-z0-9]{2,}/g) ?? []) {
      if (!/[\u3400-\u9fff]/.test(run)) continue;
      for (let i = 0; i < run.length; i++) for (let n = 2; n <= 12 && i + n <= run.length; n++) if (names.has(run.slice(i, i + n))) found.push(`${run.slice(i, i + n)} in ${line.slice(0, 200)}`);
    }
    // Codes, mobile numbers, the password: every word-like token.
    for (const tok of line.match(/[A-Za-z0-9-]{8,}/g) ?? []) if (tokens.has(tok)) found.push(`${tok} in ${line.slice(0, 200)}`);
  }
  if (found.length) throw new Error(`personal data in the server log (${found.length}):\n${found.slice(0, 10).join('\n')}`);
  console.log(`server log: ${lines.length} lines (${requests} requests), no names, mobile numbers, residency codes or passwords`);
}
