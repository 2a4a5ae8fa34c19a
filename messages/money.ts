/**
 * @module Money in words: the site's one money format (`formatFen`) and a
 * contract's amount in words (`fenToChineseUpper`), with their Chinese units
 * and numerals from the catalogue area money (money.json). Everything else
 * about money (parsing what a person types, fen, 万 as a number) is the
 * domain's (server/domain/money.ts), re-exported here so that a page imports
 * money from one place. The catalogue is read as it is, without the message
 * formatter, since browser islands (the ballot meter) format money too.
 * English amounts are '¥' and yuan and use none of these words; a contract's
 * amount in words is Chinese on every page, so en/money.json repeats it.
 */
import { formatWan, formatYuan, yuanDecimalText, type MoneyLocale } from '#domain/money.ts';
import words from './zh-CN/money.json' with { type: 'json' };

export * from '#domain/money.ts';

const FEN_PER_WAN = 1_000_000; // 10,000 yuan

/**
 * An amount for people to read: the one money format of the site (pages,
 * notices, print views, results, messages). In Chinese, an amount of 1万元 or
 * more is written in 万元, exactly, as notices and reports do ('3.5万元',
 * '48万元', '8.28万元', '2,000万元'); a smaller one in 元 ('1,234.5元',
 * '800元', '0.01元'). In English it is '¥' and yuan ('¥35,000', '¥1,234.50':
 * decimals only when there are fen). Both read back through `parseYuan`.
 */
export function formatFen(fen: number, locale: MoneyLocale): string {
  if (locale === 'en') return fen < 0 ? `-¥${formatYuan(-fen)}` : `¥${formatYuan(fen)}`;
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  if (abs >= FEN_PER_WAN) return `${sign}${formatWan(abs)}${words['unit.wan']}`;
  return `${sign}${yuanDecimalText(abs)}${words['unit.yuan']}`;
}

/** Whole 万 (10,000 yuan) as a person types them into a form: '100万' (parseYuan reads it back). */
export function wanInput(wan: number): string {
  return `${wan}${words['upper.wan']}`;
}

const UPPER_DIGITS = words['upper.digits'];
const UPPER_UNITS = ['', ...words['upper.units']];
const UPPER_SECTIONS = ['', words['upper.wan'], words['upper.yi'], words['upper.wan'] + words['upper.yi']];
const ZERO = words['upper.zero'];

function integerUpper(n: number): string {
  if (n === 0) return ZERO;
  const groups: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 10_000)) groups.push(x % 10_000);
  let out = '';
  let pendingZero = false;
  for (let gi = groups.length - 1; gi >= 0; gi--) {
    const g = groups[gi]!;
    if (g === 0) {
      if (out) pendingZero = true;
      continue;
    }
    const digits = String(g).padStart(4, '0');
    for (let i = 0; i < 4; i++) {
      const d = digits.charCodeAt(i) - 48;
      if (d === 0) {
        if (out) pendingZero = true;
        continue;
      }
      if (pendingZero) out += ZERO;
      pendingZero = false;
      out += UPPER_DIGITS[d]! + UPPER_UNITS[3 - i]!;
    }
    out += UPPER_SECTIONS[gi]!;
  }
  return out;
}

/** The amount in words of a Chinese contract (大写金额): 人民币, then 元, 角 and 分, and 整 when there are no fen. */
export function fenToChineseUpper(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`fenToChineseUpper: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = yuan > 0 || fen === 0 ? integerUpper(yuan) + words['upper.yuan'] : '';
  if (jiao === 0 && cents === 0) return words['upper.currency'] + out + words['upper.whole'];
  if (jiao > 0) out += UPPER_DIGITS[jiao]! + words['upper.jiao'];
  else if (yuan > 0) out += ZERO;
  if (cents > 0) out += UPPER_DIGITS[cents]! + words['upper.fen'];
  return words['upper.currency'] + out;
}
