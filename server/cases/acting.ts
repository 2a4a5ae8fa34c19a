/**
 * @module What the use cases of projects, proposals and the council share:
 * who the caller acts as in the audit log, and a refusal by a council reason
 * code (the code picks the status and the words, as the council routes did).
 */
import { actingRole, auditActorOf } from '../services/accounts.ts';
import type { AuditActor } from '../services/audit.ts';
import { councilReasonMessage, councilReasonStatus } from './council-reasons.ts';
import { refusal, type Caller, type Refusal } from './use-case.ts';
import { say } from '#messages/say.ts';

/** The caller in the first of `roles` they hold (else the first), or anonymous when signed out. */
export function actingAs(caller: Pick<Caller, 'auth'>, roles: readonly string[]): AuditActor {
  return caller.auth ? auditActorOf(caller.auth, actingRole(caller.auth, roles)) : { accountId: null, role: 'anonymous', name: '-' };
}

/**
 * A refusal by any reason code the council features answer with: the code picks the status and the sentence,
 * unless `message` words it otherwise; `project` names the project it concerns; `fields` the fields.
 */
export function councilRefusal(caller: Pick<Caller, 'locale'>, code: string, opts: { message?: string; project?: string; fields?: Record<string, string> } = {}): Refusal {
  const { locale } = caller;
  const base = opts.message ?? councilReasonMessage(code, locale);
  const message = opts.project ? say.reasons(locale, 'join.detail', { reason: base, detail: opts.project }) : base;
  return refusal(code, councilReasonStatus(code), message, opts.fields ? { fields: opts.fields } : {});
}
