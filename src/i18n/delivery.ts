/**
 * @module UI strings of delivery and public audit (agreement, progress,
 * payments, acceptance, the tracker, money, open data, print views, the
 * staff delivery desk), Chinese first. Same shape as messages.ts:
 * `td(locale, key, vars)` fills `{name}` placeholders. `describeEntry`
 * names the delivery facts of the audit log for timelines.
 */
import type { Locale } from './messages.ts';
import { isParticipationKey, pt } from './participation.ts';
import { formatFen } from '#domain/money.ts';
import { say } from '#messages/say.ts';

import zh from '#messages/zh-CN/delivery.json' with { type: 'json' };
import en from '#messages/en/delivery.json' with { type: 'json' };
import { formatMessage } from '#messages/format.ts';

export type DeliveryKey = keyof typeof zh;

const TABLE: Record<Locale, Record<DeliveryKey, string>> = { 'zh-CN': zh, en };

export function td(locale: Locale, key: DeliveryKey, vars: Record<string, string | number> = {}): string {
  const s: string = TABLE[locale][key] ?? zh[key] ?? key;
  return formatMessage(locale, s, vars);
}

export function deliveryTranslator(locale: Locale) {
  return (key: DeliveryKey, vars?: Record<string, string | number>) => td(locale, key, vars);
}

export function implementerTypeName(locale: Locale, type: string): string {
  const key = `implementer.${type}`;
  return say.names.has(key) ? say.names(locale, key) : type;
}

const ACTION_NAMES: Record<string, Record<Locale, string>> = {
  'delivery.agreement_recorded': { 'zh-CN': '登记实施协议', en: 'Agreement recorded' },
  'delivery.agreement_amended': { 'zh-CN': '变更实施协议', en: 'Agreement amended' },
  'delivery.progress_reported': { 'zh-CN': '进度报告', en: 'Progress report' },
  'delivery.payment_recorded': { 'zh-CN': '付款', en: 'Payment' },
  'delivery.acceptance_recorded': { 'zh-CN': '验收记录', en: 'Acceptance record' },
  'audit.finding_recorded': { 'zh-CN': '审计发现', en: 'Audit finding' },
  'rating.added': { 'zh-CN': '居民满意度评价', en: 'Satisfaction rating' },
  'comment.added': { 'zh-CN': '居民留言', en: 'Comment' },
  'comment.hidden': { 'zh-CN': '留言被隐藏', en: 'Comment hidden' },
  'comment.replied': { 'zh-CN': '官方回复', en: 'Official reply' },
  'attachment.added': { 'zh-CN': '添加附件', en: 'Attachment added' },
  'project.created': { 'zh-CN': '项目登记', en: 'Project recorded' },
  'proposal.draft_edited': { 'zh-CN': '修改草稿', en: 'Draft edited' },
  'proposal.attachment_added': { 'zh-CN': '添加附件', en: 'Attachment added' },
  'ballot.cast': { 'zh-CN': '居民投票', en: 'Ballot cast' },
  'paper_ballot.entered': { 'zh-CN': '录入纸质选票', en: 'Paper ballot entered' },
  'register.imported': { 'zh-CN': '导入居民名册', en: 'Resident register imported' },
  'resident.verified': { 'zh-CN': '居民身份核验', en: 'Residency verified' },
  'register.exported': { 'zh-CN': '导出居民名册（下载或打印核验纸条）', en: 'Resident register exported (downloaded or slips printed)' },
  'resident.register_corrected': { 'zh-CN': '居民更正名册上的本人信息', en: 'A resident corrected their register entry' },
  'account.details_corrected': { 'zh-CN': '更正账号信息', en: 'Account details corrected' },
  'account.closed': { 'zh-CN': '注销账号', en: 'Account closed' },
  'proposal.draft_deleted': { 'zh-CN': '删除草稿（提议人注销账号）', en: 'Draft deleted (its proposer closed their account)' },
  'rulebook.version_added': { 'zh-CN': '新增规则版本', en: 'Rulebook version added' },
  'cycle.created': { 'zh-CN': '创建年度轮次', en: 'Cycle created' },
  'places.created': { 'zh-CN': '建立区、街道、社区', en: 'Places created' },
  'accounts.seeded': { 'zh-CN': '建立示例账户', en: 'Demo accounts created' },
  'proposal.attachment_removed': { 'zh-CN': '删除附件', en: 'Attachment removed' },
  'ballots.import_started': { 'zh-CN': '开始导入选票', en: 'Ballot import started' },
  'ballots.imported': { 'zh-CN': '导入选票', en: 'Ballots imported' },
  'ballots.import_pending': { 'zh-CN': '导入的选票等待核对', en: 'Imported ballots await review' },
  'ballots.import_approved': { 'zh-CN': '批准导入的选票', en: 'Imported ballots approved' },
  'ballots.import_rejected': { 'zh-CN': '驳回导入的选票', en: 'Imported ballots rejected' },
  'ballots.import_failed': { 'zh-CN': '选票导入失败', en: 'Ballot import failed' },
  'cycle.vote_counted': { 'zh-CN': '居民投票计票', en: 'Resident vote counted' },
  'cycle.phase_opened': { 'zh-CN': '开启阶段', en: 'Phase opened' },
  'cycle.phase_closed_on_time': { 'zh-CN': '阶段按计划结束（系统自动）', en: 'Phase closed on its planned end (automatic)' },
  'cycle.phase_extended': { 'zh-CN': '延长阶段', en: 'Phase extended' },
  'cycle.phase_change_requested': { 'zh-CN': '申请调整阶段（退回或跳过）', en: 'Asked to move the cycle back or skip a phase' },
  'cycle.phase_change_confirmed': { 'zh-CN': '确认阶段调整', en: 'Phase change confirmed' },
  'cycle.phase_change_declined': { 'zh-CN': '驳回阶段调整申请', en: 'Phase change declined' },
};

/** The name of an audit-log action that is not a state-machine step, or null when unknown here. */
export function actionName(action: string, locale: Locale): string | null {
  return ACTION_NAMES[action]?.[locale] ?? null;
}

/** Every action this module names, for the audit page's action filter. */
export const NAMED_ACTIONS = Object.keys(ACTION_NAMES);

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * One line saying what a delivery fact in the log was ("第 2 批付款 8.28万元，
 * 累计 16.56万元 / 协议 27.6万元"), from the entry's public `after`; null when
 * the entry is not one of these.
 */
export function entryDetail(e: { action: string; after: string | null }, locale: Locale): string | null {
  const a = parse(e.after);
  if (!a) return null;
  const en = locale === 'en';
  const money = (v: unknown) => (num(v) !== null ? formatFen(num(v)!, locale) : '');
  switch (e.action) {
    case 'delivery.agreement_recorded':
      return en
        ? `${str(a.implementerName)} (${implementerTypeName(locale, String(a.implementerType))}), ${money(a.agreedAmountFen)}, ${str(a.plannedStart)} to ${str(a.plannedEnd)}`
        : `${str(a.implementerName)}（${implementerTypeName(locale, String(a.implementerType))}），协议金额 ${money(a.agreedAmountFen)}，工期 ${str(a.plannedStart)} 至 ${str(a.plannedEnd)}`;
    case 'delivery.agreement_amended': {
      const parts = Object.entries(a).map(([k, v]) => (k === 'agreedAmountFen' ? `${en ? 'amount' : '协议金额'} ${money(v)}` : k === 'plannedEnd' ? `${en ? 'planned end' : '计划完工'} ${str(v)}` : `${k}: ${String(v)}`));
      return parts.join(en ? '; ' : '；');
    }
    case 'delivery.progress_reported': {
      const photos = Array.isArray(a.photos) ? a.photos.length : 0;
      const head = en ? `${num(a.percent)}% done (${str(a.reportedOn)})` : `完成 ${num(a.percent)}%（${str(a.reportedOn)}）`;
      const pics = photos ? (en ? `, ${photos} photo${photos > 1 ? 's' : ''}` : `，照片 ${photos} 张`) : '';
      return `${head}${pics}${en ? ': ' : '：'}${str(a.body) ?? ''}`;
    }
    case 'delivery.payment_recorded':
      return en
        ? `Batch ${num(a.batchNo)} on ${str(a.paidOn)}: ${money(a.amountFen)} (${money(a.paidTotalFen)} paid of ${money(a.agreedAmountFen)})${str(a.note) ? ` — ${str(a.note)}` : ''}`
        : `第 ${num(a.batchNo)} 批，${str(a.paidOn)} 支付 ${money(a.amountFen)}（累计 ${money(a.paidTotalFen)} / 协议 ${money(a.agreedAmountFen)}）${str(a.note) ? `：${str(a.note)}` : ''}`;
    case 'delivery.acceptance_recorded':
    case 'project.pass_acceptance':
    case 'project.fail_acceptance': {
      const acc = (e.action === 'delivery.acceptance_recorded' ? a : (a.acceptance as Record<string, unknown> | undefined)) ?? null;
      if (!acc) return null;
      // On a pass/fail step the notes are the entry's published reason, shown right under this line.
      const notes = e.action === 'delivery.acceptance_recorded' ? str(acc.notes) : null;
      return en ? `Inspected ${str(acc.acceptedOn)} by ${str(acc.inspector)}${notes ? `: ${notes}` : ''}` : `${str(acc.acceptedOn)} 验收，验收人：${str(acc.inspector)}${notes ? `。${notes}` : ''}`;
    }
    case 'project.close_survey': {
      const s = a.satisfaction as Record<string, unknown> | undefined;
      if (!s) return null;
      const n = num(s.responses) ?? 0;
      if (n === 0) return en ? 'No responses' : '无人参与评价';
      const mean = ((num(s.scoreSum) ?? 0) / n).toFixed(1);
      return en ? `${n} responses, mean ${mean}, ${num(s.satisfied)} satisfied (4 or 5)` : `${n} 人评价，平均 ${mean} 分，满意（4–5 分）${num(s.satisfied)} 人`;
    }
    case 'project.start_implementation':
      return str(a.plannedEnd) ? (en ? `Due ${str(a.plannedEnd)}` : `计划 ${str(a.plannedEnd)} 完工`) : null;
    case 'project.record_audit':
      return num(a.findings) !== null ? (en ? `${num(a.findings)} findings` : `审计发现 ${num(a.findings)} 条`) : null;
    case 'audit.finding_recorded':
      return `${td(locale, `delivery.severity.${String(a.severity)}` as DeliveryKey)}${en ? ': ' : '：'}${str(a.body) ?? ''}`;
    case 'project.submit':
      // What was submitted: a draft is private until then (server/services/projects.ts).
      return str(a.title) ? (en ? `“${str(a.title)}”, estimated ${money(a.estimatedCostFen)}` : `${str(a.title)}，估算金额 ${money(a.estimatedCostFen)}`) : null;
    case 'proposal.draft_edited': {
      // Only which fields changed: a draft's content is its proposer's until submitted.
      if (!Array.isArray(a.changed)) return null;
      const names = (a.changed as unknown[]).map((f) => String(f)).map((f) => {
        const key = `field.${f === 'estimatedCostFen' ? 'estimatedCost' : f}`;
        return isParticipationKey(key) ? pt(locale, key) : f;
      });
      return en ? `Changed: ${names.join(', ')}` : `修改了：${names.join('、')}`;
    }
    case 'rating.added':
      return num(a.score) !== null ? (en ? `${num(a.score)} of 5` : `${num(a.score)} 分（满分 5 分）`) : null;
    case 'register.exported': {
      // How many rows and in what form; never the rows.
      const how = a.format === 'slips' ? (en ? 'slips printed' : '打印核验纸条') : en ? 'downloaded' : '下载';
      const which = a.all === false ? (en ? ' (unclaimed entries)' : '（未认领的条目）') : '';
      return en ? `${num(a.rows)} rows, ${how}${which}` : `${num(a.rows)} 行，${how}${which}`;
    }
    case 'resident.register_corrected':
    case 'account.details_corrected': {
      // Which fields, never their values.
      if (!Array.isArray(a.fields)) return null;
      const names: Record<string, [string, string]> = { name: ['姓名', 'name'], address: ['住址', 'address'], phone: ['电话', 'phone'], displayName: ['称呼', 'name to show'], mobile: ['手机号', 'mobile number'] };
      const list = (a.fields as unknown[]).map((f) => names[String(f)]?.[en ? 1 : 0] ?? String(f));
      const again = a.reverify === true ? (en ? '; residency to be verified again' : '；居民身份需重新核验') : '';
      return en ? `Corrected: ${list.join(', ')}${again}` : `更正了：${list.join('、')}${again}`;
    }
    default:
      return null;
  }
}
