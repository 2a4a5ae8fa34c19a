/**
 * @module UI strings of 我的信息 (a person's own data: seeing, downloading,
 * correcting, closing the account) and of the privacy notice (隐私政策),
 * Chinese first. Same shape as messages.ts: `pv(locale, key, vars)` fills
 * `{name}` placeholders.
 */
import type { Locale } from './messages.ts';

import zh from '#messages/zh-CN/privacy.json' with { type: 'json' };
import en from '#messages/en/privacy.json' with { type: 'json' };
import { catalogue } from '#messages/catalogue.ts';

export type PrivacyKey = keyof typeof zh;

/** `pv(locale, key, vars)`: the key's message in that locale (Chinese where English lacks it), formatted (messages/catalogue.ts). */
export const pv = catalogue<PrivacyKey>(zh, en);

export function pvtranslator(locale: Locale) {
  return (key: PrivacyKey, vars?: Record<string, string | number>) => pv(locale, key, vars);
}

/**
 * The privacy notice (隐私政策) itself, in plain words, section by section:
 * privacy.json's `notice.*` (`notice.<section>.heading`, then its items
 * `notice.<section>.1`, `.2`, …). `days` is the security log's retention
 * (SECURITY_LOG_DAYS).
 */
export type NoticeSection = { id: string; heading: string; items: string[] };

const NOTICE_SECTIONS = ['what', 'why', 'who', 'how-long', 'rights'] as const;

export function privacyNotice(locale: Locale, days: number): { title: string; lead: string; sections: NoticeSection[] } {
  const text = (key: string) => pv(locale, key as PrivacyKey, { days });
  const items = (id: string) => {
    const out: string[] = [];
    for (let n = 1; Object.hasOwn(zh, `notice.${id}.${n}`); n++) out.push(text(`notice.${id}.${n}`));
    return out;
  };
  return {
    title: text('notice.title'),
    lead: text('notice.lead'),
    sections: NOTICE_SECTIONS.map((id) => ({ id, heading: text(`notice.${id}.heading`), items: items(id) })),
  };
}
