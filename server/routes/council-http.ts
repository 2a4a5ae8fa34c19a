/**
 * @module Small helpers the council routes share: answer a reason code with
 * its status and sentence, and who a signed-in person acts as in the audit log.
 */
import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { fail, type AppEnv } from '../http/router.ts';
import { actingRole, auditActorOf } from '../services/accounts.ts';
import { councilReasonMessage, councilReasonStatus } from '../services/council-reasons.ts';
import type { AuditActor } from '../services/audit.ts';

/** Answer a refusal: the code picks the status and the sentence; `project` names the project it concerns. */
export function reasonAnswer(c: Context<AppEnv>, code: string, opts: { message?: string; project?: string; fields?: Record<string, string> } = {}) {
  const locale = c.get('locale');
  const base = opts.message ?? councilReasonMessage(code, locale);
  const message = opts.project ? `${base}${locale === 'en' ? ': ' : '：'}${opts.project}` : base;
  return fail(c, councilReasonStatus(code), code, message, opts.fields);
}

export function actorOf(c: Context<AppEnv>, roles: readonly string[]): AuditActor {
  const auth = c.get('auth');
  return auth ? auditActorOf(auth, actingRole(auth, roles)) : { accountId: null, role: 'anonymous', name: '-' };
}

/** Loose schema for larger read models (documented in the route summary). */
export const JsonObject = z.record(z.string(), z.unknown());
export const Ok = z.object({ ok: z.literal(true) });
export const ProjectCode = z.object({ code: z.string().regex(/^[A-Z]{2,8}-[A-Z]{2,8}-\d{4}-\d{2,4}$/).openapi({ example: 'SGJD-SXSQ-2026-04' }) });
export const CycleId = z.object({ id: z.string().min(1).max(64).openapi({ example: 'cy-lianhua-2026' }) });
export const Slug = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/).openapi({ example: 'sunxi' }) });
export const IsoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '日期格式应为 YYYY-MM-DD|Dates are YYYY-MM-DD' });
