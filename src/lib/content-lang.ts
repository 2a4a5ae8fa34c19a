/**
 * @module The language of what people wrote (project titles, descriptions,
 * comments, reasons), which the page's language does not change: on an
 * English page Chinese text is marked lang="zh-CN", so a screen reader reads
 * it with a Chinese voice instead of spelling it out (WCAG 3.1.2).
 */
import type { Locale } from '../i18n/messages.ts';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** `lang` for a piece of people's text on a page in `locale`: set only where it differs from the page's. */
export function langOf(locale: Locale, text: string | null | undefined): 'zh-CN' | undefined {
  return locale === 'en' && !!text && HAN.test(text) ? 'zh-CN' : undefined;
}

/**
 * A line of the site's English words around what someone wrote in Chinese
 * ("Note: 本轮预算 64 万元…"): the part from the first Chinese character on is
 * theirs, and carries lang="zh-CN" on English pages.
 */
export function splitLang(locale: Locale, text: string): { head: string; tail: string; lang: 'zh-CN' | undefined } {
  if (locale !== 'en') return { head: text, tail: '', lang: undefined };
  const at = text.search(HAN);
  return at < 0 ? { head: text, tail: '', lang: undefined } : { head: text.slice(0, at), tail: text.slice(at), lang: 'zh-CN' };
}
