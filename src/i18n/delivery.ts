/**
 * @module UI strings of delivery and public audit (agreement, progress,
 * payments, acceptance, the tracker, money, open data, print views, the
 * staff delivery desk), Chinese first. Same shape as messages.ts:
 * `td(locale, key, vars)` fills `{name}` placeholders. `describeEntry`
 * names the delivery facts of the audit log for timelines.
 */
import type { Locale } from './messages.ts';
import { isParticipationKey, pt } from './participation.ts';
import { formatFen } from '#messages/money.ts';
import { say } from '#messages/say.ts';

import zh from '#messages/zh-CN/delivery.json' with { type: 'json' };
import en from '#messages/en/delivery.json' with { type: 'json' };
import { catalogue } from '#messages/catalogue.ts';

export type DeliveryKey = keyof typeof zh;

/** `td(locale, key, vars)`: the key's message in that locale (Chinese where English lacks it), formatted (messages/catalogue.ts). */
export const td = catalogue<DeliveryKey>(zh, en);

export function deliveryTranslator(locale: Locale) {
  return (key: DeliveryKey, vars?: Record<string, string | number>) => td(locale, key, vars);
}

export function implementerTypeName(locale: Locale, type: string): string {
  const key = `implementer.${type}`;
  return say.names.has(key) ? say.names(locale, key) : type;
}


/** The name of an audit-log action that is not a state-machine step (delivery.json's `action.<action>`), or null when unknown here. */
export function actionName(action: string, locale: Locale): string | null {
  const key = `action.${action}`;
  return isDeliveryKey(key) ? td(locale, key) : null;
}

/** Every action this module names, for the audit page's action filter. */
export const NAMED_ACTIONS = (Object.keys(zh) as DeliveryKey[]).filter((k) => k.startsWith('action.')).map((k) => k.slice('action.'.length));

function isDeliveryKey(key: string): key is DeliveryKey {
  return Object.hasOwn(zh, key);
}

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
  const t = (key: DeliveryKey, vars?: Record<string, string | number>) => td(locale, key, vars);
  const money = (v: unknown) => (num(v) !== null ? formatFen(num(v)!, locale) : '');
  // As a template literal would write them: a missing value reads "null".
  const text = (v: unknown) => String(v);
  switch (e.action) {
    case 'delivery.agreement_recorded':
      return t('log.agreement', { implementer: text(str(a.implementerName)), type: implementerTypeName(locale, String(a.implementerType)), amount: money(a.agreedAmountFen), start: text(str(a.plannedStart)), end: text(str(a.plannedEnd)) });
    case 'delivery.agreement_amended': {
      const parts = Object.entries(a).map(([k, v]) => (k === 'agreedAmountFen' ? t('log.amended.amount', { amount: money(v) }) : k === 'plannedEnd' ? t('log.amended.end', { end: text(str(v)) }) : `${k}: ${String(v)}`));
      return parts.join(t('log.separator'));
    }
    case 'delivery.progress_reported': {
      const photos = Array.isArray(a.photos) ? a.photos.length : 0;
      return t('log.progress', { percent: text(num(a.percent)), on: text(str(a.reportedOn)), photos: photos ? t('log.progress.photos', { n: photos }) : '', body: str(a.body) ?? '' });
    }
    case 'delivery.payment_recorded':
      return t('log.payment', {
        batch: text(num(a.batchNo)),
        on: text(str(a.paidOn)),
        amount: money(a.amountFen),
        paid: money(a.paidTotalFen),
        agreed: money(a.agreedAmountFen),
        note: str(a.note) ? t('log.payment.note', { note: str(a.note)! }) : '',
      });
    case 'delivery.acceptance_recorded':
    case 'project.pass_acceptance':
    case 'project.fail_acceptance': {
      const acc = (e.action === 'delivery.acceptance_recorded' ? a : (a.acceptance as Record<string, unknown> | undefined)) ?? null;
      if (!acc) return null;
      // On a pass/fail step the notes are the entry's published reason, shown right under this line.
      const notes = e.action === 'delivery.acceptance_recorded' ? str(acc.notes) : null;
      return t('log.acceptance', { on: text(str(acc.acceptedOn)), inspector: text(str(acc.inspector)), notes: notes ? t('log.acceptance.notes', { notes }) : '' });
    }
    case 'project.close_survey': {
      const s = a.satisfaction as Record<string, unknown> | undefined;
      if (!s) return null;
      const n = num(s.responses) ?? 0;
      if (n === 0) return t('log.survey.none');
      const mean = ((num(s.scoreSum) ?? 0) / n).toFixed(1);
      return t('log.survey', { n, mean, satisfied: text(num(s.satisfied)) });
    }
    case 'project.start_implementation':
      return str(a.plannedEnd) ? t('log.start', { end: str(a.plannedEnd)! }) : null;
    case 'project.record_audit':
      return num(a.findings) !== null ? t('log.audit', { n: num(a.findings)! }) : null;
    case 'audit.finding_recorded':
      return t('log.finding', { severity: td(locale, `delivery.severity.${String(a.severity)}` as DeliveryKey), body: str(a.body) ?? '' });
    case 'project.submit':
      // What was submitted: a draft is private until then (server/services/projects.ts).
      return str(a.title) ? t('log.submit', { title: str(a.title)!, amount: money(a.estimatedCostFen) }) : null;
    case 'proposal.draft_edited': {
      // Only which fields changed: a draft's content is its proposer's until submitted.
      if (!Array.isArray(a.changed)) return null;
      const names = (a.changed as unknown[]).map((f) => String(f)).map((f) => {
        const key = `field.${f === 'estimatedCostFen' ? 'estimatedCost' : f}`;
        return isParticipationKey(key) ? pt(locale, key) : f;
      });
      return t('log.draftEdited', { fields: names.join(t('log.listSeparator')) });
    }
    case 'rating.added':
      return num(a.score) !== null ? t('log.rating', { score: num(a.score)! }) : null;
    case 'register.exported': {
      // How many rows and in what form; never the rows.
      const how = t(a.format === 'slips' ? 'log.exported.slips' : 'log.exported.download');
      const which = a.all === false ? t('log.exported.unclaimed') : '';
      return t('log.exported', { rows: text(num(a.rows)), how, which });
    }
    case 'resident.register_corrected':
    case 'account.details_corrected': {
      // Which fields, never their values.
      if (!Array.isArray(a.fields)) return null;
      const list = (a.fields as unknown[]).map((f) => {
        const key = `log.field.${String(f)}`;
        return isDeliveryKey(key) ? t(key) : String(f);
      });
      return t('log.corrected', { fields: list.join(t('log.listSeparator')), again: a.reverify === true ? t('log.corrected.again') : '' });
    }
    default:
      return null;
  }
}
