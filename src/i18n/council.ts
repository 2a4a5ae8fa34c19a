/**
 * @module UI strings of the council pages (screening, membership, meetings,
 * public notice, rulebooks), Chinese first, in the same shape as
 * ./messages.ts: `ct(locale, key, vars)` fills `{name}` placeholders.
 */
import type { Locale } from './messages.ts';

import zh from '#messages/zh-CN/council.json' with { type: 'json' };
import en from '#messages/en/council.json' with { type: 'json' };
import { formatMessage } from '#messages/format.ts';

export type CouncilKey = keyof typeof zh;

const TABLE: Record<Locale, Record<CouncilKey, string>> = { 'zh-CN': zh, en };

export function ct(locale: Locale, key: CouncilKey, vars: Record<string, string | number> = {}): string {
  const s: string = TABLE[locale][key] ?? zh[key] ?? key;
  return formatMessage(locale, s, vars);
}

export function councilTranslator(locale: Locale) {
  return (key: CouncilKey, vars?: Record<string, string | number>) => ct(locale, key, vars);
}

/** Names for the council's audit actions, for a project's history and the audit page. */
const ACTION_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  'project.screening_opinion': { 'zh-CN': '议事会成员发表初审意见', en: 'Council member’s screening opinion' },
  'project.objection_lodged': { 'zh-CN': '居民提出异议', en: 'Objection lodged' },
  'project.objection_dismissed': { 'zh-CN': '异议不成立', en: 'Objection dismissed' },
  'project.notice_recorded': { 'zh-CN': '登记公示期', en: 'Notice period recorded' },
  'meeting.scheduled': { 'zh-CN': '安排会议', en: 'Meeting scheduled' },
  'meeting.agenda_changed': { 'zh-CN': '修改议程', en: 'Agenda changed' },
  'meeting.agenda_published': { 'zh-CN': '公布议程', en: 'Agenda published' },
  'meeting.opened': { 'zh-CN': '开始会议', en: 'Meeting opened' },
  'meeting.attendance_recorded': { 'zh-CN': '登记出席', en: 'Attendance recorded' },
  'meeting.item_notes': { 'zh-CN': '记录介绍与讨论', en: 'Presentation and discussion recorded' },
  'meeting.votes_recorded': { 'zh-CN': '登记表决', en: 'Votes recorded' },
  'meeting.item_decided': { 'zh-CN': '作出决议', en: 'Item decided' },
  'meeting.closed': { 'zh-CN': '闭会，公布纪要', en: 'Meeting closed, minutes published' },
  'meeting.addendum_added': { 'zh-CN': '补充更正说明', en: 'Addendum added' },
  'council.term_added': { 'zh-CN': '新增议事会成员任期', en: 'Council term added' },
  'council.term_ended': { 'zh-CN': '结束议事会成员任期', en: 'Council term ended' },
  'council.role_granted': { 'zh-CN': '任期开始，授予议事会成员身份', en: 'Term began; council role granted' },
  'council.role_revoked': { 'zh-CN': '任期结束，撤销议事会成员身份', en: 'Term ended; council role revoked' },
  'cycle.rulebook_bound': { 'zh-CN': '更换所用规则版本', en: 'Rulebook version changed' },
};

export function councilActionName(action: string, locale: Locale): string | null {
  return ACTION_NAMES[action]?.[locale] ?? null;
}
