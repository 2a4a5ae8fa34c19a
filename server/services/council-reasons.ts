/**
 * @module One lookup for every reason code the council features can answer
 * with — permissions and the state machine (domain/permissions.ts), meetings
 * (domain/meeting.ts), notices (domain/notice.ts), membership and rulebook
 * administration — so the API picks a status and pages a sentence from the
 * same place.
 */
import { REASON_MESSAGES, REASON_STATUS, type Locale } from '../domain/permissions.ts';
import { MEETING_REASON_MESSAGES, MEETING_REASON_STATUS } from '../domain/meeting.ts';
import { NOTICE_REASON_MESSAGES, NOTICE_REASON_STATUS } from '../domain/notice.ts';
import { TERM_REASON_MESSAGES, TERM_REASON_STATUS } from './council.ts';
import { RULEBOOK_REASON_MESSAGES, RULEBOOK_REASON_STATUS } from './rulebook-admin.ts';
import { PHASE_REASON_MESSAGES, PHASE_REASON_STATUS } from './cycles.ts';
import { CLOSE_MESSAGES } from './account-closure.ts';

const EXTRA: Record<string, { status: 400 | 404 | 409 | 422; 'zh-CN': string; en: string }> = {
  not_found: { status: 404, 'zh-CN': '找不到', en: 'Not found' },
  nothing_to_send: { status: 409, 'zh-CN': '没有可以提交议事会的项目', en: 'No project is ready to go to the council' },
  same_phase: { status: 409, 'zh-CN': '本轮已经处于这个阶段', en: 'The cycle is already in this phase' },
  unknown_phase: { status: 422, 'zh-CN': '本轮没有这个阶段', en: 'This cycle has no such phase' },
  // The delivery desk's payment form, when the agreed amount is paid in full (server/services/delivery.ts, recordPayment).
  fully_paid: { status: 409, 'zh-CN': '协议金额已全部付清，不能再登记付款', en: 'The agreed amount has been paid in full; no further payment can be recorded' },
  // 我的信息 (server/services/account-closure.ts): closing the account while an office is held.
  holds_office: { status: 409, ...CLOSE_MESSAGES.holds_office },
};

type Table = Readonly<Record<string, Readonly<Record<Locale, string>>>>;
const TABLES: [Table, Readonly<Record<string, number>>][] = [
  [REASON_MESSAGES, REASON_STATUS],
  [MEETING_REASON_MESSAGES, MEETING_REASON_STATUS],
  [NOTICE_REASON_MESSAGES, NOTICE_REASON_STATUS],
  [TERM_REASON_MESSAGES, TERM_REASON_STATUS],
  [RULEBOOK_REASON_MESSAGES, RULEBOOK_REASON_STATUS],
  [PHASE_REASON_MESSAGES, PHASE_REASON_STATUS],
];

export function councilReasonMessage(code: string, locale: Locale): string {
  for (const [messages] of TABLES) if (Object.hasOwn(messages, code)) return messages[code]![locale];
  return EXTRA[code]?.[locale] ?? code;
}

export function councilReasonStatus(code: string): 400 | 401 | 403 | 404 | 409 | 422 {
  for (const [messages, statuses] of TABLES) if (Object.hasOwn(messages, code)) return statuses[code] as 400 | 401 | 403 | 404 | 409 | 422;
  return EXTRA[code]?.status ?? 400;
}

/** Is this a known code? (Pages show only known codes from a query string, never arbitrary text.) */
export function isCouncilReason(code: string): boolean {
  return TABLES.some(([messages]) => Object.hasOwn(messages, code)) || Object.hasOwn(EXTRA, code);
}
