import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '#messages/format.ts';
import { REASON_CODES } from '#domain/permissions.ts';
import { PROJECT_EVENTS, PROJECT_STATES } from '#domain/project-states.ts';
import { CYCLE_PHASES } from '#domain/cycle-phases.ts';
import { IMPLEMENTER_TYPES } from '#domain/delivery.ts';
import { BALLOT_ISSUE_CODES } from '#domain/ballot-rules.ts';
import { CSV_REASONS } from '#domain/register-csv.ts';
import { MEETING_REASONS } from '#domain/meeting.ts';
import { NOTICE_REASONS } from '#domain/notice.ts';
import { RULEBOOK_ISSUE_REASONS } from '#domain/rulebook.ts';
import { TERM_REASONS } from '#services/council.ts';
import { RULEBOOK_REASONS } from '#services/rulebook-admin.ts';
import { PHASE_OUTCOMES } from '#services/cycles.ts';
import { CLOSE_PROBLEMS } from '#services/account-closure.ts';
import { BALLOT_CODES } from '#services/ballots.ts';
import { COUNCIL_EXTRA_STATUS } from '#cases/council-reasons.ts';
import { COMMENT_PROBLEMS } from '#services/comments.ts';
import { RATING_PROBLEMS } from '#services/ratings.ts';
import { FILE_PROBLEM_CODES } from '#services/uploads.ts';
import { DELIVERY_PROBLEMS } from '#domain/delivery.ts';
import { IMPORT_STATUS } from '#services/ballot-imports.ts';
import { VERIFY_PROBLEMS } from '#services/residents.ts';
import { DETAILS_PROBLEMS } from '#services/personal-details.ts';
import { PROPOSAL_ISSUE_CODES } from '#domain/proposal-checks.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CATALOGUES = join(ROOT, 'messages');
const LOCALES = ['zh-CN', 'en'] as const;

const areas = (locale: string) => readdirSync(join(CATALOGUES, locale)).filter((f) => f.endsWith('.json')).sort();
const load = (locale: string, area: string): Record<string, string> => JSON.parse(readFileSync(join(CATALOGUES, locale, area), 'utf8'));

/** The argument names a message uses, anywhere in it (plural branches included). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if ('value' in e && e.type !== TYPE.literal) into.add(String(e.value));
    if ('options' in e) for (const o of Object.values(e.options)) argumentsOf((o as { value: MessageFormatElement[] }).value, into);
    if (e.type === TYPE.tag) argumentsOf(e.children, into);
  }
  return into;
}

describe('the message catalogues', () => {
  it('every message key exists in zh-CN and en', () => {
    expect(areas('en')).toEqual(areas('zh-CN'));
    const problems: string[] = [];
    for (const area of areas('zh-CN')) {
      const zh = load('zh-CN', area);
      const en = load('en', area);
      for (const k of Object.keys(zh)) if (!(k in en)) problems.push(`${area} ${k}: missing in en`);
      for (const k of Object.keys(en)) if (!(k in zh)) problems.push(`${area} ${k}: missing in zh-CN`);
      for (const k of Object.keys(zh)) {
        if (!(k in en)) continue;
        const args: Record<string, string> = {};
        for (const locale of LOCALES) {
          const text = (locale === 'en' ? en : zh)[k]!;
          if (typeof text !== 'string' || text.trim() === '') {
            problems.push(`${area} ${k}: empty in ${locale}`);
            continue;
          }
          try {
            args[locale] = [...argumentsOf(parse(text, { ignoreTag: true }))].sort().join(',');
          } catch (e) {
            problems.push(`${area} ${k}: not ICU MessageFormat in ${locale} (${(e as Error).message})`);
          }
        }
        // Money may be given in 万元 to the Chinese and in yuan to the English: the only difference allowed.
        const differ = (a: string, b: string) => {
          const x = new Set(a.split(',')), y = new Set(b.split(','));
          return [...x, ...y].some((n) => !(x.has(n) && y.has(n)) && n !== 'wan' && n !== 'yuan');
        };
        if (args['zh-CN'] !== undefined && args.en !== undefined && differ(args['zh-CN'], args.en)) problems.push(`${area} ${k}: arguments differ (zh-CN ${args['zh-CN']}; en ${args.en})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the areas the browser islands use keep to plain {name} arguments', () => {
    // Islands fill messages without the parser (messages/fill.ts), so these areas use no plural, number, date or quoting.
    const fancy: string[] = [];
    // voting.json: the keys the ballot island and messages/ballot-words.ts fill.
    const islandKeys: [area: string, keys: RegExp][] = [['participation.json', /./], ['recount.json', /./], ['register.json', /./], ['voting.json', /^(meter|issue|rule)\./]];
    for (const [area, keys] of islandKeys)
      for (const locale of LOCALES)
        for (const [k, text] of Object.entries(load(locale, area))) if (keys.test(k) && /\{[^}]*[,#]|'[{}#']/.test(text)) fancy.push(`${locale}/${area} ${k}`);
    expect(fancy).toEqual([]);
  });

  it('messages are formatted as ICU MessageFormat, plurals and numbers included', () => {
    expect(formatMessage('en', '{n, plural, one {# ballot} other {# ballots}}', { n: 1 })).toBe('1 ballot');
    expect(formatMessage('en', '{n, plural, one {# ballot} other {# ballots}}', { n: 1200 })).toBe('1,200 ballots');
    expect(formatMessage('zh-CN', '共 {n, number} 票', { n: 12000 })).toBe('共 12,000 票');
    expect(formatMessage('zh-CN', '还剩 {days} 天', { days: 3 })).toBe('还剩 3 天');
    // An argument not given stays as written.
    expect(formatMessage('zh-CN', '请 {s} 秒后再试')).toBe('请 {s} 秒后再试');
  });
});

/**
 * Every code a refusal can carry, by family: its words are reasons.json's
 * `family.code`. A code added to one of these lists without words fails here
 * (and a call naming a key that is not in the catalogue fails the type check).
 */
const REASON_FAMILIES: Record<string, readonly string[]> = {
  permission: REASON_CODES,
  meeting: MEETING_REASONS,
  notice: NOTICE_REASONS,
  term: TERM_REASONS,
  rulebook: RULEBOOK_REASONS,
  rulebookIssue: RULEBOOK_ISSUE_REASONS,
  phase: PHASE_OUTCOMES,
  council: Object.keys(COUNCIL_EXTRA_STATUS),
  closure: CLOSE_PROBLEMS,
  ballot: BALLOT_CODES,
  comment: [...COMMENT_PROBLEMS, 'not_found'],
  rating: [...RATING_PROBLEMS, 'not_found'],
  proposal: ['not_found', 'conflict', 'rate_limited', 'invalid_proposal'],
  upload: [...FILE_PROBLEM_CODES, 'unnamed'],
  delivery: ['not_found', 'invalid', 'no_agreement', 'agreement_exists', 'not_photo', 'over_agreed_amount', 'fully_paid'],
  deliveryField: DELIVERY_PROBLEMS,
  import: Object.keys(IMPORT_STATUS),
  resident: VERIFY_PROBLEMS,
  details: DETAILS_PROBLEMS,
  // The API's own errors (server/http/errors.ts), and a rate limit that says how long to wait.
  http: ['validation_failed', 'malformed_json', 'payload_too_large', 'not_found', 'rate_limited', 'cross_origin', 'internal', 'unsupported_media_type', 'rate_limited_for', 'unknown_form', 'method_not_allowed', 'cross_origin_form', 'no_body'],
  // A field's problem: zod's issues (`input.kind.<type>` names the type) and every `'input.…'` key a schema or the code names.
  input: ['kind', ...inputKeysInCode()],
  // Small refusals of one route or use case each.
  account: ['login_taken', 'invalid_credentials', 'wrong_password', 'same_password'],
  project: ['not_found'],
  community: ['not_found'],
  receipt: ['receipt_malformed', 'receipt_unknown'],
  results: ['not_counted'],
  openData: ['not_found', 'no_resident_vote', 'ballots_not_yet', 'receipts_not_yet'],
  stats: ['not_found'],
  // How words join: several problems ("；"), a list ("、"), a refusal and what it concerns ("{reason}：{detail}").
  join: ['problems', 'list', 'detail'],
};

/** The `input.<code>` keys the code names as literals (`{ message: 'input.iso_day' }`, `say('input.required')`). */
function inputKeysInCode(): string[] {
  const found = [...codeFiles('server'), ...codeFiles('src')]
    .filter((f) => !/\.test\.ts$/.test(f))
    .flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/'input\.(\w+)'/g)].map((m) => m[1]!));
  return [...new Set(found)];
}

describe('the words of every refusal', () => {
  it('every reason code the services and use cases answer with has a message in zh-CN and en', () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const words = load(locale, 'reasons.json');
      for (const [family, codes] of Object.entries(REASON_FAMILIES))
        for (const code of codes) {
          const key = `${family}.${code}`;
          // A code's words, or words for each of its cases (`input.kind.array`, `input.kind.string`, …).
          if (!words[key]?.trim() && !Object.keys(words).some((k) => k.startsWith(`${key}.`))) problems.push(`${locale}: ${key} has no message`);
        }
      // And no words for a code nothing answers with (`family.code.more` words a code with its details).
      for (const key of Object.keys(words)) {
        const [family = '', code = ''] = key.split('.');
        if (!REASON_FAMILIES[family]?.includes(code)) problems.push(`${locale}: ${key} is no code's message`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every broken ballot rule, problem of a register file and proposal field problem has words in zh-CN and en', () => {
    // These are filled in the browser too, so their words live in the islands' areas (voting.json, register.json, participation.json).
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const participation = load(locale, 'participation.json');
      for (const code of PROPOSAL_ISSUE_CODES) if (!participation[`check.issue.${code}`]) problems.push(`${locale}: proposal issue ${code}`);
      const voting = Object.keys(load(locale, 'voting.json'));
      for (const code of BALLOT_ISSUE_CODES) if (!voting.some((k) => k === `issue.${code}` || k.startsWith(`issue.${code}.`))) problems.push(`${locale}: ballot issue ${code}`);
      const register = load(locale, 'register.json');
      for (const reason of CSV_REASONS) if (!register[`csv.${reason}`]) problems.push(`${locale}: register problem ${reason}`);
    }
    expect(problems).toEqual([]);
  });

  it('the permission reasons read as Chinese and English sentences', () => {
    const zh = load('zh-CN', 'reasons.json');
    const en = load('en', 'reasons.json');
    for (const code of REASON_CODES) {
      expect(zh[`permission.${code}`], code).toMatch(/\p{Script=Han}/u);
      expect(en[`permission.${code}`], code).toMatch(/^[A-Z]/);
    }
    expect([zh['permission.not_signed_in'], en['permission.not_signed_in']]).toEqual(['请先登录', 'Please sign in first']);
  });
});

describe('the names of the domain', () => {
  it('has a Chinese and an English name for every state and event', () => {
    const zh = load('zh-CN', 'names.json');
    const en = load('en', 'names.json');
    for (const s of PROJECT_STATES) expect(zh[`state.${s}`]).toMatch(/\p{Script=Han}/u);
    for (const e of PROJECT_EVENTS) expect(en[`event.${e}`] ?? '').not.toBe('');
  });

  it('names every phase in Chinese and English', () => {
    const zh = load('zh-CN', 'names.json');
    const en = load('en', 'names.json');
    for (const p of CYCLE_PHASES) {
      expect(zh[`phase.${p}`]).toMatch(/\p{Script=Han}/u);
      expect(en[`phase.${p}`]).toMatch(/^[A-Z]/);
    }
  });

  it('names every kind of implementer', () => {
    for (const locale of LOCALES) for (const t of IMPLEMENTER_TYPES) expect(load(locale, 'names.json')[`implementer.${t}`], t).toBeTruthy();
  });
});

/**
 * Chinese text written in code (not in comments) rather than the catalogues:
 * none in server/ or src/, outside the demo seed and tests. What the site
 * says is a catalogue message (messages/zh-CN, messages/en); a character a
 * parser accepts as typed (a full-width colon or bar, 万 after an amount) is
 * written as an escape (`\uFF1A`), as TYPED_YUAN does. Data files count
 * too, but for two the domain reads that are a district's or the language's
 * own words rather than the site's: the default rulebook (its categories,
 * themes and negative list, bilingual as every rulebook is) and the phrases
 * a duplicate check ignores in Chinese titles.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]/;
const EXEMPT = [/\.test\.ts$/, /^server\/services\/(demo-seed|demo-history|delivery-demo)\.ts$/, /^server\/domain\/(default-rulebook|title-stop-phrases)\.json$/];

/** Code without its comments (a comment may name a thing by its Chinese term; only what the site says counts). Line breaks stay. */
function withoutComments(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return text
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, (m, before: string) => before + blank(m.slice(before.length)));
}

function codeFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((n) => {
    const p = join(ROOT, dir, n);
    if (statSync(p).isDirectory()) return codeFiles(relative(ROOT, p));
    return /\.(ts|astro|svelte|mjs|json)$/.test(n) ? [relative(ROOT, p)] : [];
  });
}

describe('words outside the catalogues', () => {
  it('no CJK text outside the message catalogues', () => {
    const found: string[] = [];
    for (const f of [...codeFiles('server'), ...codeFiles('src')]) {
      if (EXEMPT.some((r) => r.test(f))) continue;
      withoutComments(readFileSync(join(ROOT, f), 'utf8'))
        .split('\n')
        .forEach((line, i) => {
          if (CJK.test(line)) found.push(`${f}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
