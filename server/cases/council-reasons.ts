/**
 * @module One lookup for every reason code the council features can answer
 * with — permissions and the state machine (domain/permissions.ts), meetings
 * (domain/meeting.ts), notices (domain/notice.ts), membership and rulebook
 * administration, phase moves — so the API picks a status and pages a
 * sentence from the same place. The words are reasons.json's, by family.
 */
import { REASON_STATUS } from '../domain/permissions.ts';
import { MEETING_REASON_STATUS } from '../domain/meeting.ts';
import { NOTICE_REASON_STATUS } from '../domain/notice.ts';
import { TERM_REASON_STATUS } from '../services/council.ts';
import { RULEBOOK_REASON_STATUS } from '../services/rulebook-admin.ts';
import { PHASE_REASON_STATUS } from '../services/cycles.ts';
import { say, type ReasonKey } from '#messages/say.ts';
import type { Locale } from './use-case.ts';

type Status = 400 | 401 | 403 | 404 | 409 | 422;

/** Codes of the council's own pages that no domain table holds, with their status (words: `council.<code>`). */
export const COUNCIL_EXTRA_STATUS = {
  not_found: 404,
  nothing_to_send: 409,
  same_phase: 409,
  unknown_phase: 422,
  // The delivery desk's payment form, when the agreed amount is paid in full (server/services/delivery.ts, recordPayment).
  fully_paid: 409,
} as const satisfies Record<string, Status>;

/** Each family's statuses, in the order a code is looked up (the first family that has it words it). */
export const COUNCIL_FAMILIES: readonly (readonly [family: string, statuses: Readonly<Record<string, number>>])[] = [
  ['permission', REASON_STATUS],
  ['meeting', MEETING_REASON_STATUS],
  ['notice', NOTICE_REASON_STATUS],
  ['term', TERM_REASON_STATUS],
  ['rulebook', RULEBOOK_REASON_STATUS],
  ['phase', PHASE_REASON_STATUS],
  ['council', COUNCIL_EXTRA_STATUS],
  // 我的信息 (server/services/account-closure.ts): closing the account while an office is held.
  ['closure', { holds_office: 409 }],
];

function familyOf(code: string) {
  return COUNCIL_FAMILIES.find(([, statuses]) => Object.hasOwn(statuses, code));
}

export function councilReasonMessage(code: string, locale: Locale): string {
  const found = familyOf(code);
  return found ? say.reasons(locale, `${found[0]}.${code}` as ReasonKey) : code;
}

export function councilReasonStatus(code: string): Status {
  return (familyOf(code)?.[1][code] ?? 400) as Status;
}

/** Is this a known code? (Pages show only known codes from a query string, never arbitrary text.) */
export function isCouncilReason(code: string): boolean {
  return familyOf(code) !== undefined;
}
