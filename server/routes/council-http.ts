/**
 * @module Small helpers the council routes share: answer a reason code with
 * its status and sentence, and who a signed-in person acts as in the audit log.
 */
import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/router.ts';
import { callerOf, refused } from '../http/use-case-route.ts';
import { actingAs, councilRefusal } from '../cases/acting.ts';
import type { AuditActor } from '../services/audit.ts';

export { IsoDay, ProjectCode } from '../cases/council.ts';

/** Answer a refusal: the code picks the status and the sentence; `project` names the project it concerns. */
export function reasonAnswer(c: Context<AppEnv>, code: string, opts: { message?: string; project?: string; fields?: Record<string, string> } = {}) {
  return refused(c, councilRefusal({ locale: c.get('locale') }, code, opts));
}

export function actorOf(c: Context<AppEnv>, roles: readonly string[]): AuditActor {
  return actingAs(callerOf(c), roles);
}

/** Loose schema for larger read models (documented in the route summary). */
export const JsonObject = z.record(z.string(), z.unknown());
export const Ok = z.object({ ok: z.literal(true) });
export const CycleId = z.object({ id: z.string().min(1).max(64).openapi({ example: 'cy-lianhua-2026' }) });
export const Slug = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/).openapi({ example: 'sunxi' }) });
