/**
 * @module The API fuzzer (`npm run fuzz:api`, bench/fuzz-api.ts; a short
 * seeded run is a test of the contract lane, tests/contract.test.ts).
 *
 * It builds a throwaway database with the demo data and the browser
 * journeys' fixtures (meetings, notices, delivery, imports: more of the API
 * has something to act on), makes sessions for a dozen demo people, starts
 * the real server on it (server/serve.ts over the production build, or its
 * API alone, scripts/api-server.ts, which needs no build), reads
 * /api/openapi.json and, for every operation in turn, sends requests that
 * fast-check generates from the operation's own schemas: valid ones, and
 * ones broken on purpose — a wrong type, a required field left out, a field
 * too many, empty and blank text, lengths and numbers at and past their
 * bounds, odd Unicode, very long and odd path parameters, a method the path
 * does not have, another content type, malformed or oversized bodies, a
 * request from another site, HEAD, If-None-Match, a bad session cookie —
 * anonymously and as residents, a newcomer, a council member, staff, a
 * street officer, the district officer and the auditor.
 *
 * Every answer goes through the contract lane's own checker (tests/contract.ts),
 * with its `refusedValid` check on: a status, header, media type or body the
 * document does not declare, an accepted request it would refuse, a request
 * it accepts refused as bad input, a wrong method not answered 405 with the
 * document's methods in Allow — each is a contradiction; a 5xx (or a dropped
 * connection) is a server error as well.
 *
 * The clock is the demo's day (CLOCK_START, NODE_ENV=test, as the browser
 * journeys run), so the demo's phases are as README describes them.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contractChecked, newTally } from '#tests/contract.ts';
import { createContext, type AppContext } from '#server/context.ts';
import { parseEnv } from '#server/env.ts';
import { createSession, SESSION_COOKIE } from '#server/auth/sessions.ts';
import { DEMO_CLOCK_START } from '#db/seed.ts';
import { seedDemo } from '#services/demo-seed.ts';
import { ROOT, ensureBuild, freePort, startApiServer, startSite, tempDir, type Started } from './server.ts';
import { arbitraryOf, isFile, resolve, type FileValue, type JsonSchema } from './schema-arbitrary.ts';

/** The demo people the fuzzer acts as (README, "Demo accounts"), besides nobody. */
export const PEOPLE = ['resident_xh', 'resident_lt', 'newcomer', 'council_xh', 'staff_xh', 'staff_lt', 'staff_sx', 'street_lt', 'officer', 'auditor'] as const;
type Who = 'anonymous' | (typeof PEOPLE)[number];
const WHO: readonly Who[] = ['anonymous', ...PEOPLE];
/** Sessions made for each person: signing out (or closing the account) uses one up. */
const SESSIONS_EACH = 48;
/** Where each person acts (how their community, street or cycles are written in codes, slugs and ids): most of their requests aim there. */
const HOME: Partial<Record<Who, string[]>> = {
  resident_xh: ['XHSQ', 'xianhu'],
  council_xh: ['XHSQ', 'xianhu'],
  staff_xh: ['XHSQ', 'xianhu'],
  resident_lt: ['LHSQ', 'lianhua'],
  staff_lt: ['LHSQ', 'lianhua'],
  staff_sx: ['SXSQ', 'sunxi'],
  street_lt: ['LTJD', 'lianhua', 'xianhu'],
};

export type FuzzOptions = {
  requests: number;
  seed: number;
  /** Serve the API alone (scripts/api-server.ts: no build needed) instead of the whole production server. */
  apiOnly?: boolean;
  port?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** The browser journeys' fixtures on top of the demo data (the default): more of the API has something to act on, at some seconds' cost. */
  fixtures?: boolean;
  log?: (line: string) => void;
};

/** One answer that contradicts the document: which operation, what was sent, what came back, and why. */
export type Finding = { operation: string; request: string; answer: string; problems: string[] };

export type FuzzReport = {
  operations: number;
  requests: number;
  contradictions: Finding[];
  serverErrors: Finding[];
  /** Answers by operation and status, for a reader who wants to see what was reached. */
  statuses: Map<string, Map<number, number>>;
  /** The server's own log lines at level error (what a 5xx was). */
  serverLog: string[];
};

// ---------------------------------------------------------------------------
// The world: demo data, the journeys' fixtures, sessions, and ids to aim at
// ---------------------------------------------------------------------------

type Pools = Record<string, string[]>;

async function buildWorld(dir: string, withFixtures: boolean, log: (line: string) => void): Promise<{ url: string; sessions: Record<string, string[]>; pools: Pools }> {
  const url = `file:${join(dir, 'fuzz.db')}`;
  const ctx = await createContext(parseEnv({ DATABASE_URL: url, NODE_ENV: 'test', CLOCK_START: DEMO_CLOCK_START }));
  try {
    const t0 = Date.now();
    await seedDemo(ctx);
    log(`fuzz: demo data in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const fixtures = join(ROOT, 'tests/e2e/fixtures');
    for (const name of withFixtures ? readdirSync(fixtures).filter((n) => n.endsWith('.ts')).sort() : []) {
      const mod = (await import(pathToFileURL(join(fixtures, name)).href)) as { seedFixture?: (c: AppContext) => Promise<void> };
      await mod.seedFixture?.(ctx);
    }
    const sessions: Record<string, string[]> = {};
    for (const username of PEOPLE) {
      const row = (await ctx.database.client.execute({ sql: 'select id from accounts where username = ?', args: [username] })).rows[0];
      if (!row) throw new Error(`no demo account ${username}`);
      // Made together, so the write queue commits them together.
      sessions[username] = (await Promise.all(Array.from({ length: SESSIONS_EACH }, () => createSession(ctx.database, String(row.id), ctx.now())))).map((x) => x.token);
    }
    const column = async (sql: string) => (await ctx.database.client.execute(sql)).rows.map((r) => String(Object.values(r)[0]));
    const pools: Pools = {
      community: await column('select slug from communities'),
      district: await column('select id from districts'),
      districtSlug: await column('select lower(code) from districts'),
      streetSlug: await column('select lower(code) from streets'),
      cycle: await column('select id from cycles'),
      projectCode: await column('select code from projects'),
      projectId: await column('select id from projects'),
      meeting: await column('select id from meetings'),
      item: await column('select id from agenda_items'),
      comment: await column('select id from comments'),
      phaseRequest: await column('select id from phase_change_requests'),
      term: await column('select id from council_terms'),
      objection: await column('select id from objections'),
      rulebook: await column('select id from rulebooks'),
      ballotImport: await column('select id from ballot_imports'),
      attachment: await column('select id from attachments'),
      receipt: await column('select receipt_code from ballots where receipt_code is not null limit 200'),
      account: await column('select id from accounts limit 300'),
      username: await column('select username from accounts where username is not null'),
      registerNo: await column('select register_no from register_entries limit 300'),
      slipCode: await column('select verification_code from register_entries where claimed_at is null limit 300'),
      notification: await column('select id from notifications limit 300'),
    };
    await ctx.database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    return { url, sessions, pools };
  } finally {
    ctx.database.close();
  }
}

/** Which pool of real ids a path parameter takes its values from: by the path segment before it and its name. */
function poolOfPathParam(template: string, name: string): string | null {
  const segments = template.split('/');
  const before = segments[segments.indexOf(`{${name}}`) - 1];
  const table: Record<string, string> = {
    'communities/slug': 'community',
    'residencies/slug': 'community',
    'districts/slug': 'districtSlug',
    'streets/slug': 'streetSlug',
    'districts/id': 'district',
    'projects/code': 'projectCode',
    'proposals/code': 'projectCode',
    'receipts/code': 'receipt',
    'cycles/id': 'cycle',
    'meetings/id': 'meeting',
    'items/itemId': 'item',
    'comments/id': 'comment',
    'phase-requests/id': 'phaseRequest',
    'council-terms/id': 'term',
    'objections/id': 'objection',
    'rulebooks/id': 'rulebook',
    'ballot-imports/id': 'ballotImport',
    'attachments/id': 'attachment',
    'attachments/attachmentId': 'attachment',
  };
  return table[`${before}/${name}`] ?? null;
}

/** Body fields (and query parameters) that name something: by their name, the pool of real values. */
const FIELD_POOLS: Record<string, string> = {
  rulebookId: 'rulebook',
  accountId: 'account',
  present: 'account',
  registerNo: 'registerNo',
  login: 'username',
  code: 'slipCode',
  ids: 'notification',
  project: 'projectCode',
  community: 'community',
  cycle: 'cycle',
};

// ---------------------------------------------------------------------------
// The document's operations
// ---------------------------------------------------------------------------

type Param = { name: string; in: string; required?: boolean; schema?: JsonSchema };
type Operation = {
  key: string;
  method: string;
  template: string;
  /** Methods the document lists on this path. */
  methods: string[];
  path: Param[];
  query: Param[];
  body: { type: 'json' | 'multipart'; schema: JsonSchema; required: boolean } | null;
};
type Doc = { paths: Record<string, Record<string, { parameters?: (Param | { $ref: string })[]; requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> } }>> };

function operationsOf(doc: Doc): Operation[] {
  const ops: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []).map((p) => resolve(p as JsonSchema, doc) as unknown as Param);
      const content = op.requestBody?.content ?? {};
      const type = content['application/json'] ? 'json' : content['multipart/form-data'] ? 'multipart' : null;
      const schema = type === 'json' ? content['application/json']!.schema : type === 'multipart' ? content['multipart/form-data']!.schema : undefined;
      ops.push({
        key: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        methods: Object.keys(methods).map((m) => m.toUpperCase()),
        path: params.filter((p) => p.in === 'path'),
        query: params.filter((p) => p.in === 'query'),
        body: type && schema ? { type, schema, required: op.requestBody?.required ?? false } : null,
      });
    }
  }
  return ops;
}

// ---------------------------------------------------------------------------
// Cases: what fast-check generates for each request, and how it is broken
// ---------------------------------------------------------------------------

const KINDS = [
  ['valid', 30],
  ['body', 20],
  ['unicode', 5],
  ['param', 6],
  ['query', 5],
  ['method', 5],
  ['content-type', 6],
  ['malformed', 3],
  ['oversized', 2],
  ['cross-site', 3],
  ['head', 3],
  ['conditional', 3],
  ['session', 3],
] as const;
type Kind = (typeof KINDS)[number][0];

type Case = { who: Who; kind: Kind; salt: number; path: Record<string, unknown>; query: Record<string, unknown>; body: unknown };

function caseArbitrary(op: Operation, doc: Doc): fc.Arbitrary<Case> {
  const recordOf = (params: Param[]) =>
    fc.record(Object.fromEntries(params.map((p) => [p.name, arbitraryOf(p.schema ?? { type: 'string' }, doc)])), { requiredKeys: params.filter((p) => p.required).map((p) => p.name) }) as fc.Arbitrary<Record<string, unknown>>;
  const body = op.body ? (op.body.required ? arbitraryOf(op.body.schema, doc) : fc.option(arbitraryOf(op.body.schema, doc), { nil: undefined })) : fc.constant(undefined);
  return fc.record({
    who: fc.constantFrom(...WHO),
    kind: fc.oneof(...KINDS.map(([k, weight]) => ({ arbitrary: fc.constant(k as Kind), weight }))),
    salt: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    path: recordOf(op.path),
    query: recordOf(op.query),
    body,
  });
}

/** mulberry32: the choices a case makes beyond what fast-check generated, from its salt. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const ODD_TEXT = [
  '',
  ' ',
  '   ',
  '\t\n ',
  '\u3000',
  '\u00a0',
  '\u200b',
  '\u0000',
  '\u0007bell',
  '\ud800',
  '\udfff lone',
  '😀👍🏽👨‍👩‍👧',
  'e\u0301\u0301\u0301',
  '\u202eabc',
  'ｆｕｌｌ１２３',
  '３．５万',
  '<script>alert(1)</script>',
  "'; drop table projects; --",
  '../../etc/passwd',
  '%00%2F',
  '\\',
  '"',
  '\r\n\r\n',
  'null',
  'undefined',
  ' lead',
  'trail ',
  '0',
  '-1',
  '1e999',
  'NaN',
  '𠀀𠀁𠀂',
];
const WRONG_VALUES: unknown[] = [0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, true, false, null, [], {}, '', 'text', '123', [1, 2], { a: 1 }];
const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

type Slot = { get: () => unknown; set: (v: unknown) => void; remove?: () => void; schema: JsonSchema; parent?: Record<string, unknown>; requiredHere?: boolean };

/** Every value inside a body, each with its schema and a way to replace it. */
function slotsOf(value: unknown, schema: JsonSchema, doc: Doc, set: (v: unknown) => void, out: Slot[] = [], depth = 0): Slot[] {
  const s = resolve(schema, doc);
  out.push({ get: () => value, set, schema: s });
  if (depth > 6) return out;
  if (Array.isArray(value) && s.items) value.forEach((v, i) => slotsOf(v, s.items!, doc, (x) => (value[i] = x), out, depth + 1));
  else if (value && typeof value === 'object' && !isFile(value)) {
    const o = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) {
      const child = s.properties?.[k] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
      if (!child) continue;
      const before = out.length;
      slotsOf(v, child, doc, (x) => (o[k] = x), out, depth + 1);
      out[before]!.remove = () => delete o[k];
      out[before]!.parent = o;
      out[before]!.requiredHere = (s.required ?? []).includes(k);
    }
  }
  return out;
}

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);

/** Break one value of a body: its type, its presence, its length or size, its characters. */
function breakBody(body: unknown, schema: JsonSchema, doc: Doc, r: Rng, unicode: boolean): unknown {
  const holder = { body: structuredClone(body) as unknown };
  const slots = slotsOf(holder.body, schema, doc, (v) => (holder.body = v));
  const strings = slots.filter((s) => typeof s.get() === 'string');
  if (unicode) {
    if (strings.length === 0) return holder.body;
    const slot = r.pick(strings);
    const odd = r.pick(ODD_TEXT);
    slot.set(r.chance(0.5) ? odd : `${String(slot.get())}${odd}`);
    return holder.body;
  }
  const slot = r.pick(slots);
  const s = slot.schema;
  const value = slot.get();
  const moves: (() => void)[] = [
    () => {
      const types = new Set(Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
      const wrong = WRONG_VALUES.filter((w) => !types.has(typeOf(w)) && !(types.has('number') && typeof w === 'number'));
      slot.set(structuredClone(r.pick(wrong)));
    },
    () => {
      // A required field left out (of this value's object, or of one inside it).
      const objects = slots.filter((x) => x.parent && x.requiredHere && x.remove);
      if (objects.length) r.pick(objects).remove!();
      else slot.set(undefined);
    },
    () => {
      const objects = slots.filter((x) => x.get() && typeof x.get() === 'object' && !Array.isArray(x.get()) && !isFile(x.get()));
      if (objects.length) (r.pick(objects).get() as Record<string, unknown>)[r.pick(['unexpected', 'admin', '__proto__', 'constructor', ''])] = r.pick([1, 'x', true, null]);
    },
  ];
  if (typeof value === 'string') {
    const max = s.maxLength ?? 64;
    const min = s.minLength ?? 0;
    moves.push(
      () => slot.set(r.pick(['', ' ', '  \t', '\n', '\u3000', '\u00a0 \u00a0'])),
      () => slot.set(r.pick(['a', '字', '😀']).repeat(r.pick([max, max + 1, max * 2 + 1, Math.max(0, min - 1)]))),
      () => slot.set(` ${'a'.repeat(Math.max(0, max - 1))} `),
    );
  }
  if (typeof value === 'number') {
    const lo = s.minimum ?? s.exclusiveMinimum ?? 0;
    const hi = s.maximum ?? s.exclusiveMaximum ?? 100;
    moves.push(() => slot.set(r.pick([lo - 1, lo, hi, hi + 1, lo + 0.5, -0, 1e308, -1e308, 2 ** 53, Number.MAX_SAFE_INTEGER + 2])));
  }
  if (Array.isArray(value)) {
    moves.push(
      () => slot.set([]),
      () => slot.set(Array.from({ length: (s.maxItems ?? 50) + 1 }, (_, i) => value[i % Math.max(1, value.length)] ?? 'x')),
    );
  }
  if (slot.get() === holder.body) moves.push(() => (holder.body = r.pick([[], 'text', 42, null, [{}]])));
  r.pick(moves)();
  return holder.body;
}

/** Fill pooled names (a rulebook id, account ids, project codes) into a generated body, so more of it reaches past "not found". */
function aimBody(body: unknown, pools: Pools, r: Rng): unknown {
  const visit = (v: unknown, key?: string): unknown => {
    const pool = key ? pools[FIELD_POOLS[key] ?? ''] : undefined;
    if (typeof v === 'string' && pool?.length && r.chance(0.6)) return r.pick(pool);
    if (Array.isArray(v)) {
      const items = key === 'projects' ? (v.some((x) => typeof x === 'string' && /^[A-Z]{2,8}-/.test(x)) ? pools.projectCode : pools.projectId) : pool;
      if (items?.length && v.length && r.chance(0.7)) return v.map(() => r.pick(items));
      return v.map((x) => visit(x));
    }
    if (v && typeof v === 'object' && !isFile(v)) {
      const o = v as Record<string, unknown>;
      if (key === 'points' && pools.projectId?.length && r.chance(0.7)) return Object.fromEntries(Object.values(o).map((n) => [r.pick(pools.projectId!), n]));
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, visit(x, k)]));
    }
    return v;
  };
  return visit(body);
}

/** A request as sent: what fetch needs, and how it is shown in a report. */
type Planned = { op: Operation; who: Who; kind: Kind; method: string; path: string; headers: Record<string, string>; body?: string | Uint8Array | Record<string, unknown>; multipart?: boolean };

/** Percent-encoded; a lone surrogate (which has no UTF-8) goes as the bytes a careless client would send for it. */
function encodeParam(v: unknown): string {
  const s = String(v);
  try {
    return encodeURIComponent(s);
  } catch {
    return `${encodeURIComponent(s.toWellFormed())}%ED%A0%80`;
  }
}

function plan(op: Operation, c: Case, pools: Pools, doc: Doc, etags: Map<string, string>): Planned {
  const r = rng(c.salt);
  const pathValues: Record<string, string> = {};
  const home = HOME[c.who];
  for (const p of op.path) {
    const pool = pools[poolOfPathParam(op.template, p.name) ?? ''];
    const near = home && pool ? pool.filter((v) => home.some((h) => v.includes(h))) : [];
    pathValues[p.name] = near.length && r.chance(0.6) ? r.pick(near) : pool?.length && r.chance(0.75) ? r.pick(pool) : String(c.path[p.name] ?? 'x');
  }
  const query: [string, string][] = [];
  for (const [k, v] of Object.entries(c.query)) {
    if (v === undefined) continue;
    const pool = pools[FIELD_POOLS[k] ?? ''];
    query.push([k, pool?.length && r.chance(0.5) ? r.pick(pool) : String(v)]);
  }
  let method = op.method;
  const headers: Record<string, string> = {};
  let body: Planned['body'];
  let multipart = false;
  let value = op.body ? aimBody(c.body, pools, r) : undefined;
  const kind: Kind = c.kind;

  switch (kind) {
    case 'body':
      if (op.body?.type === 'json' && value !== undefined) value = breakBody(value, op.body.schema, doc, r, false);
      else if (op.body?.type === 'multipart' && value && typeof value === 'object') {
        const o = value as Record<string, unknown>;
        const keys = Object.keys(o);
        if (keys.length && r.chance(0.5)) delete o[r.pick(keys)];
        else o[r.pick(['unexpected', ...keys])] = r.pick(['', ' ', '-1', '101', '1.5', 'abc', '2026-13-45', '😀']);
      }
      break;
    case 'unicode':
      if (op.body?.type === 'json' && value !== undefined) value = breakBody(value, op.body.schema, doc, r, true);
      else if (query.length) query[r.int(query.length)]![1] = r.pick(ODD_TEXT);
      else if (op.path.length) pathValues[r.pick(op.path).name] = r.pick(ODD_TEXT);
      break;
    case 'param':
      if (op.path.length) {
        const p = r.pick(op.path);
        pathValues[p.name] = r.pick(['x'.repeat(65), '0'.repeat(65), 'x'.repeat(300), 'a'.repeat(3000), '..', '.', 'a/b', 'a b', '😀', '%00', '-1', 'null', ' ', 'ＡＢＣ', pathValues[p.name]!.toLowerCase(), `${pathValues[p.name]}x`]);
      } else query.push(['x'.repeat(r.pick([10, 300])), 'y']);
      break;
    case 'query': {
      if (op.query.length && r.chance(0.8)) {
        const p = r.pick(op.query);
        const bad = r.pick(['', 'abc', '-1', '0', '1.5', '1e3', 'null', 'true', '99999999999999999999', String(2 ** 53), '[]', 'x'.repeat(300), '2026-12-07', 'ALL']);
        const i = query.findIndex(([k]) => k === p.name);
        if (i >= 0 && r.chance(0.3)) query.push([p.name, bad]);
        else if (i >= 0) query[i] = [p.name, bad];
        else query.push([p.name, bad]);
      } else query.push([r.pick(['unknown', 'page', 'sort', 'lang', 'x']), r.pick(['1', '', 'yes'])]);
      break;
    }
    case 'method':
      method = r.pick(OTHER_METHODS.filter((m) => !op.methods.includes(m) && !(m === 'HEAD' && op.methods.includes('GET'))));
      break;
    case 'head':
      if (op.method === 'GET') method = 'HEAD';
      break;
    case 'conditional':
      headers['if-none-match'] = r.pick([etags.get(op.template) ?? '"nothing"', '*', 'W/"x"', '"a", "b"', '']);
      break;
    case 'cross-site':
      Object.assign(headers, r.pick([{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }]));
      break;
    case 'session':
      Object.assign(headers, r.pick([{ 'accept-language': 'en-US,en;q=0.9' }, { 'accept-language': '*' }, { 'x-lang': 'en' }]));
      break;
    default:
      break;
  }

  // The body as sent.
  if (kind === 'oversized') {
    body = JSON.stringify({ ...(value && typeof value === 'object' && !Array.isArray(value) ? (value as object) : {}), padding: 'x'.repeat(70 * 1024) });
    headers['content-type'] = 'application/json';
  } else if (kind === 'malformed') {
    body = r.pick(['{', '{"a":', 'nul', '', '[1,2', '\u0000', '\ufeff{}', '{"a":1,"a":2}', "{'a':1}", '{"a":1}garbage']);
    headers['content-type'] = 'application/json';
  } else if (kind === 'content-type' && op.body?.type === 'multipart' && value && typeof value === 'object' && r.chance(0.5)) {
    // A form without its files, as a browser posts a form that has no file input.
    const fields = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && !isFile(v) && !Array.isArray(v));
    body = new URLSearchParams(fields.map(([k, v]) => [k, String(v)])).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (kind === 'content-type') {
    const text = value === undefined ? '{}' : JSON.stringify(value, (_k, v: unknown) => (isFile(v) ? 'file' : v));
    const t = r.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json', 'none', 'application/json; charset=utf-8']);
    if (op.body?.type === 'json' && t === 'application/json') headers['content-type'] = 'text/plain';
    else if (t !== 'none') headers['content-type'] = t;
    body = t === 'none' ? new TextEncoder().encode(text) : text;
  } else if (value !== undefined && op.body?.type === 'multipart' && value && typeof value === 'object' && !Array.isArray(value)) {
    body = value as Record<string, unknown>;
    multipart = true;
  } else if (value !== undefined) {
    body = JSON.stringify(value);
    headers['content-type'] = 'application/json';
  }

  const path = op.template.replace(/\{(\w+)\}/g, (_, name: string) => encodeParam(pathValues[name]));
  const qs = query.length ? `?${query.map(([k, v]) => `${encodeParam(k)}=${encodeParam(v)}`).join('&')}` : '';
  return { op, who: c.who, kind, method, path: path + qs, headers, body, multipart };
}

function formOf(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  const add = (k: string, v: unknown) => {
    if (isFile(v)) form.append(k, new Blob([(v as FileValue).bytes as Uint8Array<ArrayBuffer>], { type: (v as FileValue).type }), (v as FileValue).name);
    else if (v !== undefined) form.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  };
  for (const [k, v] of Object.entries(fields)) {
    if (Array.isArray(v)) v.forEach((x) => add(k, x));
    else add(k, v);
  }
  return form;
}

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

const shorten = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}… (${s.length} characters)` : s);

function describeRequest(p: Planned): string {
  const headers = Object.entries(p.headers).map(([k, v]) => `${k}: ${v}`).join('; ');
  const body = p.body === undefined ? '' : p.multipart ? ` multipart ${shorten(JSON.stringify(p.body, (_k, v: unknown) => (isFile(v) ? `<file ${(v as FileValue).name} ${(v as FileValue).bytes.length} bytes>` : v)))}` : typeof p.body === 'string' ? ` body ${shorten(p.body)}` : ` ${p.body.length} bytes without a content type`;
  return `${p.method} ${shorten(p.path, 200)} as ${p.who} [${p.kind}]${headers ? ` {${headers}}` : ''}${body}`;
}

export async function fuzzApi(opts: FuzzOptions): Promise<FuzzReport> {
  const log = opts.log ?? (() => {});
  const dir = tempDir('wss-fuzz-');
  const t0 = Date.now();
  const world = await buildWorld(dir, opts.fixtures ?? true, log);
  log(`fuzz: demo data${(opts.fixtures ?? true) ? ', fixtures' : ''} and sessions ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const port = opts.port ?? (await freePort());
  const logFile = join(dir, 'server.log');
  const env = { NODE_ENV: 'test', CLOCK_START: DEMO_CLOCK_START, LOG_LEVEL: 'error', LOG_FILE: logFile, AUDIT_CHECKPOINT_EVERY_MS: '600000' };
  let server: Started;
  if (opts.apiOnly) server = await startApiServer({ port, databaseUrl: world.url, env });
  else {
    ensureBuild(log);
    server = await startSite({ port, databaseUrl: world.url, env });
  }
  log(`fuzz: ${opts.apiOnly ? 'the API server (scripts/api-server.ts)' : 'the production server (server/serve.ts)'} on ${server.url}, started in ${((Date.now() - t0) / 1000).toFixed(1)} s from the start`);
  try {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`, { headers: { 'accept-language': 'en' } })).json()) as Doc;
    const ops = operationsOf(doc);
    const perOp = Math.ceil(opts.requests / ops.length);
    const t1 = Date.now();
    const cases = ops.map((op, i) => fc.sample(caseArbitrary(op, doc), { seed: opts.seed * 1009 + i, numRuns: perOp }));
    log(`fuzz: ${perOp} cases for each of ${ops.length} operations generated in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    const order: [Operation, Case][] = [];
    for (let k = 0; k < perOp; k++) for (let i = 0; i < ops.length; i++) if (order.length < opts.requests) order.push([ops[i]!, cases[i]![k]!]);

    const sessions = Object.fromEntries(Object.entries(world.sessions).map(([who, tokens]) => [who, [...tokens]]));
    const etags = new Map<string, string>();
    const tally = newTally();
    const requester = { request: (input: string, init?: RequestInit) => fetch(`${server.url}${input}`, { ...init, redirect: 'manual' }) };
    const contradictions: Finding[] = [];
    const serverErrors: Finding[] = [];
    const statuses = new Map<string, Map<number, number>>();
    let sent = 0;
    const started = Date.now();

    const one = async (op: Operation, c: Case) => {
      const p = plan(op, c, world.pools, doc, etags);
      const token = p.who === 'anonymous' ? undefined : sessions[p.who]![0];
      const headers: Record<string, string> = { ...p.headers };
      const cookies = [token ? `${SESSION_COOKIE}=${token}` : '', p.kind === 'session' && rng(c.salt + 1).chance(0.5) ? `${SESSION_COOKIE}=${rng(c.salt).pick(['garbage', 'a.b', 'x'.repeat(400), ''])}` : '', p.headers['x-lang'] ? 'lang=en' : ''].filter(Boolean);
      delete headers['x-lang'];
      if (cookies.length) headers.cookie = cookies.join('; ');
      const init: RequestInit = { method: p.method, headers };
      if (p.body !== undefined && p.method !== 'GET' && p.method !== 'HEAD') init.body = p.multipart ? formOf(p.body as Record<string, unknown>) : (p.body as string | Uint8Array<ArrayBuffer>);
      const out: string[] = [];
      const checked = contractChecked(requester, out, tally, { refusedValid: true });
      let res: Response;
      try {
        res = await checked.request(p.path, init);
      } catch (err) {
        const cause = (err as { cause?: unknown }).cause;
        serverErrors.push({ operation: op.key, request: describeRequest(p), answer: `no answer: ${String(err)}${cause ? ` (${String(cause)})` : ''}`, problems: ['the connection failed'] });
        return;
      } finally {
        sent++;
      }
      const text = p.method === 'HEAD' ? '' : await res.text().catch(() => '');
      const byStatus = statuses.get(op.key) ?? new Map<number, number>();
      byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
      statuses.set(op.key, byStatus);
      const answer = `${res.status} ${res.headers.get('content-type') ?? ''} ${shorten(text)}`.trim();
      if (out.length) contradictions.push({ operation: op.key, request: describeRequest(p), answer, problems: [...new Set(out)] });
      if (res.status >= 500) serverErrors.push({ operation: op.key, request: describeRequest(p), answer, problems: [`answered ${res.status}`] });
      const etag = res.headers.get('etag');
      if (etag && res.status === 200) etags.set(op.template, etag);
      // Signing out ends the session used; a changed password comes with a new one; a closed account has none.
      if (token && res.ok && p.method === 'POST') {
        if (op.template === '/api/auth/sign-out' && sessions[p.who]![0] === token) sessions[p.who]!.shift();
        if (op.template === '/api/me/close') sessions[p.who] = [];
        if (op.template === '/api/me/password') {
          const fresh = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(res.headers.getSetCookie().join('\n'))?.[1];
          if (fresh) sessions[p.who] = [fresh];
        }
        if (sessions[p.who]!.length === 0) log(`fuzz: ${p.who} has no session left; asking as nobody instead`);
      }
    };

    let next = 0;
    let lastNote = Date.now();
    const worker = async () => {
      while (next < order.length) {
        const [op, c] = order[next++]!;
        await one(op, c);
        if (Date.now() - lastNote > 15_000) {
          lastNote = Date.now();
          log(`fuzz: ${sent} of ${order.length} requests sent (${Math.round(sent / ((Date.now() - started) / 1000))}/s), contradictions so far ${contradictions.length}, server errors ${serverErrors.length}`);
        }
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
    log(`fuzz: ${sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const serverLog = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean) : [];
    return { operations: ops.length, requests: sent, contradictions, serverErrors, statuses, serverLog };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A report's findings grouped by operation and what was wrong (the values in it left out), each with one example. */
export function grouped(findings: Finding[]): { key: string; count: number; example: Finding }[] {
  const groups = new Map<string, { key: string; count: number; example: Finding }>();
  for (const f of findings) {
    for (const problem of f.problems) {
      const refused = /refused as bad input \(400 validation_failed: (\{.*?\})\) a request the document accepts/.exec(problem);
      let fields = '';
      try {
        fields = refused ? Object.keys(JSON.parse(refused[1]!) as object).sort().join(', ') : '';
      } catch {}
      const what = refused ? `refused as bad input (fields ${fields}) a request the document accepts` : problem.replace(/^[A-Z]+ \S+ \([^)]*\): /, '').replace(/^[A-Z]+ \S+: /, '').replace(/"[^"]*"/g, '"…"').replace(/=\S+,? which/g, '=… which').replace(/\{.*\}/, '{…}');
      const key = `${f.operation}: ${what}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { key, count: 1, example: f });
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
