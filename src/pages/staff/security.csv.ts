/**
 * GET /staff/security.csv: the security log as the filters select it (kind,
 * account, from, to), for district officers and auditors. Downloading it is
 * itself an export of personal data (addresses), and is logged.
 */
import type { APIRoute } from 'astro';
import { mayReadSecurityLog, recordSecurityEvent, securityEventsCsv } from '#services/security-log.ts';
import { readSecurityFilter } from '#ui/lib/security-filter.ts';

export const GET: APIRoute = async ({ locals, url, clientAddress }) => {
  const { ctx, auth } = locals;
  if (!auth) return new Response('Sign in first', { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (!mayReadSecurityLog(auth.actor)) return new Response('Forbidden', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const { filter, ok, errors } = readSecurityFilter(url.searchParams);
  if (!ok) return new Response(`Bad date: ${Object.entries(errors).map(([k, v]) => `${k} ${v}`).join(', ')}`, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const csv = await securityEventsCsv(ctx, filter);
  await recordSecurityEvent(ctx, { kind: 'personal_data_export', accountId: auth.account.id, address: clientAddress ?? null, what: 'security_log.csv', outcome: 'ok', detail: { rows: csv.split('\r\n').length - 2 } });
  return new Response(`\uFEFF${csv}`, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="security-log.csv"', 'cache-control': 'no-store' },
  });
};
