/**
 * Property-based fuzz (fast-check) of every route's input. Each request is
 * sent by someone the route lets in (so it reaches every check, not just the
 * sign-in one) and is broken on purpose in one way — malformed JSON, a body
 * that is not an object, a field of the wrong type, an unknown field, a
 * string far over any limit, money that cannot be money, a path parameter
 * that names nothing — while every other string field is filled with
 * unicode edge cases (lone surrogates, zero-width and bidi marks, NUL,
 * combining marks, astral characters, markup).
 *
 * Every answer must be a 4xx with `error.code` and `error.message`, never a
 * 5xx; and the database must be byte-for-byte what it was before the route's
 * runs (every table's rows, the audit chain head).
 *
 * Bounded: FUZZ_RUNS runs per route (default 12 for bodies, 6 for paths), so
 * the suite stays well under a minute; raise it locally to search harder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACCESS, fillPath, type Entry } from '#tests/security/access-table.ts';
import { buildTemplate, fingerprint, openWorld, ROLES, type Role, type Template } from '#tests/security/world.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const PATH_RUNS = Math.max(3, Math.ceil(RUNS / 2));

let template: Template;
beforeAll(async () => {
  template = await buildTemplate();
}, 120_000);
afterAll(() => template?.close());

// --- what to send ---------------------------------------------------------

const EDGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u200b\u200b\u200b',
  '\u202e\u202dabc',
  '\ufeff',
  '\ud800',
  '\udfff\ud800',
  '𠮷𠮷𠮷',
  'e\u0301\u0301\u0301',
  '🏳️‍🌈👨‍👩‍👧‍👦',
  '<script>window.__xss=1</script>',
  "'; drop table accounts; --",
  '../../../etc/passwd',
  '%00%2e%2e%2f',
  '\r\n\r\nSet-Cookie: x=1',
  'Ｔｅｓｔ　全角',
  '\u0085\u2028\u2029',
];
const edgeString = fc.oneof(fc.constantFrom(...EDGE_STRINGS), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }));
/** Money as a person could never mean it: negative, not a number, not finite, finer than a fen, beyond any budget a float can count. */
const badMoney = fc.constantFrom('-1', '-0.01', '-35000', 'NaN', 'Infinity', '-Infinity', '1e309', '0.001', '12.345', '99999999999999999999999', '--5', '5-', '0x1F', '1,2,3.4.5', '￥-30');
const badNumber = fc.constantFrom(-1, -1e308, 1e308, 2 ** 53 + 2, 0.5, Number.MAX_SAFE_INTEGER);
const MONEY_FIELDS = new Set(['estimatedCost', 'agreedAmount', 'amount']);
const NUMBER_FIELDS = new Set(['score', 'year', 'percent', 'beneficiaryCount', 'implementerRating']);

type Mutation =
  | { kind: 'malformed'; text: string }
  | { kind: 'not_an_object'; value: unknown }
  | { kind: 'wrong_type'; key: string; value: unknown }
  | { kind: 'unknown_field'; key: string }
  | { kind: 'huge'; key: string; length: number }
  | { kind: 'bad_money'; key: string; value: string }
  | { kind: 'bad_number'; key: string; value: number };

function wrongTypeFor(v: unknown): fc.Arbitrary<unknown> {
  if (typeof v === 'string') return fc.constantFrom(42, -1, true, [], {}, ['x']);
  if (typeof v === 'number') return fc.constantFrom('42', true, [], {}, 'NaN');
  if (typeof v === 'boolean') return fc.constantFrom('true', 1, [], {});
  if (Array.isArray(v)) return fc.constantFrom('x', 1, { 0: 'x' }, true);
  return fc.constantFrom('x', 1, [], true);
}

function mutations(valid: Record<string, unknown>): fc.Arbitrary<Mutation> {
  const keys = Object.keys(valid);
  const strings = keys.filter((k) => typeof valid[k] === 'string');
  const text = JSON.stringify(valid);
  const options: fc.Arbitrary<Mutation>[] = [
    fc.oneof(
      fc.integer({ min: 1, max: Math.max(1, text.length - 1) }).map((n) => text.slice(0, n)),
      fc.constantFrom('{', '{"a":', '{"a":1,}', "{'a':1}", '{"a":undefined}', 'nul', '\u0000', '{"a":"\\x"}', '[1,2', '{"__proto__":'),
    ).map((t): Mutation => ({ kind: 'malformed', text: t })),
    fc.constantFrom<unknown>([], [valid], 'string', 123, null, true).map((value): Mutation => ({ kind: 'not_an_object', value })),
    fc.constantFrom('isAdmin', 'role', 'accountId', '__proto__', 'constructor', 'id').map((key): Mutation => ({ kind: 'unknown_field', key })),
  ];
  if (keys.length) options.push(fc.constantFrom(...keys).chain((key) => wrongTypeFor(valid[key]).map((value): Mutation => ({ kind: 'wrong_type', key, value }))));
  if (strings.length) options.push(fc.tuple(fc.constantFrom(...strings), fc.integer({ min: 20_001, max: 80_000 })).map(([key, length]): Mutation => ({ kind: 'huge', key, length })));
  const money = keys.filter((k) => MONEY_FIELDS.has(k));
  if (money.length) options.push(fc.tuple(fc.constantFrom(...money), badMoney).map(([key, value]): Mutation => ({ kind: 'bad_money', key, value })));
  const numbers = keys.filter((k) => NUMBER_FIELDS.has(k) && typeof valid[k] === 'number');
  if (numbers.length) options.push(fc.tuple(fc.constantFrom(...numbers), badNumber).map(([key, value]): Mutation => ({ kind: 'bad_number', key, value })));
  return fc.oneof(...options);
}

/** The request body text: the mutation applied, every other string field a unicode edge case. */
function render(valid: Record<string, unknown>, m: Mutation, noise: string[]): string {
  if (m.kind === 'malformed') return m.text;
  if (m.kind === 'not_an_object') return JSON.stringify(m.value);
  const body: Record<string, unknown> = { ...valid };
  // Unicode noise only where it cannot make a refused body acceptable: in string fields other than the broken one.
  let i = 0;
  for (const k of Object.keys(body)) if (typeof body[k] === 'string' && k !== ('key' in m ? m.key : '')) body[k] = noise[i++ % noise.length];
  if (m.kind === 'wrong_type') body[m.key] = m.value;
  if (m.kind === 'huge') body[m.key] = 'x'.repeat(m.length);
  if (m.kind === 'bad_money') body[m.key] = m.value;
  if (m.kind === 'bad_number') body[m.key] = m.value;
  let out = JSON.stringify(body);
  if (m.kind === 'unknown_field') out = `${out.slice(0, -1)}${Object.keys(body).length ? ',' : ''}${JSON.stringify(m.key)}:true}`;
  return out;
}

// --- checking -------------------------------------------------------------

async function expectClearRefusal(res: Response, what: string) {
  const text = await res.text();
  expect(res.status, `${what} → ${res.status} ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  let body: { error?: { code?: unknown; message?: unknown } } = {};
  try {
    body = JSON.parse(text);
  } catch {}
  expect(typeof body.error?.code === 'string' && body.error.code.length > 0, `${what}: error.code in ${text.slice(0, 200)}`).toBe(true);
  expect(typeof body.error?.message === 'string' && body.error.message.length > 0, `${what}: error.message in ${text.slice(0, 200)}`).toBe(true);
}

/** Someone the route lets in: a signed-in role where there is one (so the request reaches the body checks). */
function insider(entry: Entry): Role {
  return ROLES.find((r) => r !== 'anonymous' && entry.expect[r] === 'allow') ?? 'anonymous';
}

/** Routes whose answer to a well-formed but wrong body is the list of problems (200), not a refusal. */
const LIVE_CHECKS = new Set(['POST /api/cycles/{id}/proposal-check']);

const jsonRoutes = Object.entries(ACCESS).filter(([key, e]) => !key.startsWith('GET ') && e.body !== undefined && !(typeof e.body === 'function' && e.body.length === 0));

describe('fuzzing every JSON body', () => {
  for (const [key, entry] of jsonRoutes) {
    it(`${key}: any broken body is a clear 4xx and changes nothing`, async () => {
      const [method, path] = key.split(' ') as [string, string];
      const w = await openWorld(template);
      try {
        const params = { ...(entry.params ?? {}), ...(entry.setup ? await entry.setup(w) : {}) };
        const username = w.who(insider(entry), entry.place);
        const valid = (typeof entry.body === 'function' ? await (entry.body as (...a: unknown[]) => unknown)(w, params, username) : entry.body) as Record<string, unknown>;
        const url = fillPath(path, params);
        const before = await fingerprint(w);
        await fc.assert(
          fc.asyncProperty(mutations(valid), fc.array(edgeString, { minLength: 1, maxLength: 4 }), async (m, noise) => {
            const body = render(valid, m, noise);
            const res = await w.app.request(url, { method, headers: { ...w.cookieOf(username), 'content-type': 'application/json' }, body });
            const what = `${key} ${m.kind}${'key' in m ? ` ${m.key}` : ''}`;
            if (LIVE_CHECKS.has(key) && res.status === 200 && 'key' in m) {
              // The live check's job is to say what is wrong: 200 with the field named.
              const answer = (await res.json()) as { fields?: Record<string, string> };
              expect(answer.fields?.[m.key], `${what}: names the field`).toBeTruthy();
              return;
            }
            await expectClearRefusal(res, what);
          }),
          { numRuns: RUNS },
        );
        expect(await fingerprint(w), 'the database changed').toBe(before);
      } finally {
        w.close();
      }
    });
  }
});

describe('fuzzing every path parameter', () => {
  const weird = fc.oneof(fc.constantFrom(...EDGE_STRINGS.filter((s) => s.trim() !== '')), fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), fc.constantFrom('x'.repeat(5000), '-1', '0', '9'.repeat(400), '..', '%', '%E4%B8', 'null', 'undefined'));
  for (const [key, entry] of Object.entries(ACCESS).filter(([k]) => k.includes('{'))) {
    it(`${key}: a parameter that names nothing is a clear 4xx and changes nothing`, async () => {
      const [method, path] = key.split(' ') as [string, string];
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const w = await openWorld(template);
      try {
        const params = { ...(entry.params ?? {}), ...(entry.setup ? await entry.setup(w) : {}) };
        const username = w.who(insider(entry), entry.place);
        const valid = typeof entry.body === 'function' ? await (entry.body as (...a: unknown[]) => unknown)(w, params, username) : entry.body;
        const before = await fingerprint(w);
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...names), weird, async (name, value) => {
            // Encoded as a browser would; a raw '%' or '..' goes through as typed.
            const url = path.replace(/\{(\w+)\}/g, (_, k: string) => (k === name ? (/^(%|\.\.|%E4%B8)$/.test(value) ? value : encodeLoosely(value)) : encodeURIComponent(params[k]!)));
            const init: RequestInit = { method, headers: w.cookieOf(username) };
            if (valid instanceof FormData) init.body = valid;
            else if (valid !== undefined) {
              init.body = JSON.stringify(valid);
              (init.headers as Record<string, string>)['content-type'] = 'application/json';
            }
            const res = await w.app.request(url, init);
            await expectClearRefusal(res, `${method} ${url.slice(0, 120)}`);
          }),
          { numRuns: PATH_RUNS },
        );
        expect(await fingerprint(w), 'the database changed').toBe(before);
      } finally {
        w.close();
      }
    });
  }
});

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as the invalid UTF-8 a sloppy client would send. */
function encodeLoosely(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s].map((ch) => {
      const c = ch.charCodeAt(0);
      if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) return `%${(0xe0 | (c >> 12)).toString(16).toUpperCase()}%${(0x80 | ((c >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (c & 0x3f)).toString(16).toUpperCase()}`;
      return encodeURIComponent(ch);
    }).join('');
  }
}

void fillPath;
