/**
 * One money format (server/domain/money.ts formatFen): every amount the site
 * writes on a page, in either language, is written exactly as the formatter
 * writes it, so a table never mixes '6万元' and '¥35,000'. The pages are the
 * crawled ones of pages.ts (signed out and as each role, one per kind of
 * page), read in Chinese and, signed out, in English.
 *
 * What counts as an amount: a number with '元' or '万元' after it, or '¥'
 * before it. In Chinese, '¥' never appears; '48万元' must read back through
 * parseYuan and be written again identically. A number, a space, then '万元'
 * is a sentence that writes the unit itself (the statistics headlines, and
 * residents' own text): its number must be the formatter's number part
 * (formatWan, at most two places). In English, '¥…' must be formatFen's
 * English form, and no '元' appears outside residents' own text.
 *
 * Left out on purpose: the contract's figures beside the amount in words on
 * the printed agreement (协议书: '¥340,000.00', marked data-money="contract"),
 * which contracts write that way; form fields (what a person typed); and
 * text a person wrote (titles, descriptions, comments, reasons: marked by
 * the lang attribute the pages put on them, or quoted in 「」).
 */
import { request } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { formatFen, parseYuan } from '#messages/money.ts';
import { expect, test, signInApi } from './helpers.ts';
import { ROLES, siteMap, type Visit } from './pages.ts';

type Lang = 'zh-CN' | 'en';

/** The site's own text of a page: header and main, without form fields, scripts, contract figures and people's own words. */
export function siteText(html: string): string {
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll('script, style, textarea, input, select, [data-money="contract"], body [lang]')) el.remove();
  // Text node by text node, so that the text of neighbouring cells ('2025' | '71万元') is never read as one number.
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
    else for (const child of node.childNodes) walk(child);
  };
  for (const el of document.querySelectorAll('header, main')) walk(el);
  return parts.join('\n').replace(/\s+/gu, ' ');
}

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;

/** Each amount in `text` not written the one way, with why. */
export function strayAmounts(text: string, lang: Lang): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(new RegExp(String.raw`-?¥\s?${NUM}`, 'gu'))) {
    const token = m[0];
    const r = parseYuan(token.replace(/\s/gu, ''));
    if (lang === 'zh-CN') out.push(`${token}: '¥' in Chinese`);
    else if (!r.ok || formatFen(r.fen, 'en') !== token) out.push(`${token}: not ${r.ok ? formatFen(r.fen, 'en') : 'an amount'}`);
  }
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\d.,¥])(-?${NUM})(\s?)(万元|元)`, 'gu'))) {
    const [token, num, space, unit] = m as unknown as [string, string, string, string];
    if (lang === 'en') {
      out.push(`${token}: Chinese units in English`);
      continue;
    }
    if (space) {
      // A sentence writing the unit itself: '投入 53.5 万元'.
      if (unit !== '万元' || !/^-?\d{1,3}(,\d{3})*(\.\d{1,2})?$/u.test(num)) out.push(`${token}: not the number part of 万元`);
      continue;
    }
    const r = parseYuan(token);
    if (!r.ok || formatFen(r.fen, 'zh-CN') !== token) out.push(`${token}: not ${r.ok ? formatFen(r.fen, 'zh-CN') : 'an amount'}`);
  }
  return out;
}

test('the money checker knows the one format from the others', () => {
  expect(strayAmounts('预算 200万元，已用 3.5万元，余 1,234.5元；投入 53.5 万元。', 'zh-CN')).toEqual([]);
  expect(strayAmounts('费用 ¥35,000，另 6万元，35000元，0.5万元，1,234.50元', 'zh-CN')).toEqual([
    "¥35,000: '¥' in Chinese",
    '35000元: not 3.5万元',
    '0.5万元: not 5,000元',
    '1,234.50元: not 1,234.5元',
  ]);
  expect(strayAmounts('Cost ¥35,000, budget ¥2,000,000; paid ¥1,234.5 and 6万元', 'en')).toEqual(['¥1,234.5: not ¥1,234.50', '6万元: Chinese units in English']);
});

test('every page writes money one way, in Chinese and in English', async ({ baseURL }) => {
  test.setTimeout(300_000);
  const map = await siteMap(baseURL!);
  const found: string[] = [];
  const check = async (who: string | null, lang: Lang, pages: Visit[]) => {
    const api = await request.newContext({ baseURL, extraHTTPHeaders: lang === 'en' ? { cookie: 'lang=en' } : {} });
    if (who) await signInApi(api, who);
    let amounts = 0;
    for (const { path, status } of pages) {
      const res = await api.get(path);
      expect(res.status(), path).toBe(status);
      const text = siteText(await res.text());
      amounts += [...text.matchAll(/¥|元/gu)].length;
      for (const s of strayAmounts(text, lang)) found.push(`${path} [${who ?? 'signed out'}, ${lang}] ${s}`);
    }
    await api.dispose();
    return amounts;
  };
  // The check has something to check: the pages do show money.
  expect(await check(null, 'zh-CN', map.visitor)).toBeGreaterThan(50);
  expect(await check(null, 'en', map.visitor)).toBeGreaterThan(50);
  for (const who of ROLES) await check(who, 'zh-CN', map.roles[who]);
  expect(found).toEqual([]);
});
