/**
 * @module The contract lane (`npm run test:contract`): with CONTRACT=1, every
 * request an API test sends through `testApp` and every answer it gets are
 * checked against the OpenAPI document the server serves. A violation is
 *
 * - an answer with a status the operation does not declare;
 * - an answer whose media type the declared answer does not list, or a body
 *   where the document declares none;
 * - a JSON body that does not match the declared schema;
 * - a declared answer header that is required and missing, or present and
 *   not matching its schema;
 * - an accepted request (2xx) whose query parameter, path parameter value or
 *   JSON body the document does not describe or would refuse;
 * - a method the document does not list on one of its paths answered with
 *   anything but 405 and an Allow header naming the methods it lists;
 * - with `refusedValid` (the fuzzer, bench/fuzz-api.ts): a request the
 *   document accepts, refused as bad input (400 `validation_failed`).
 *
 * The test file fails when it closes its app, listing them; tests/contract.test.ts
 * runs the API tests this way and checks that it happened. Validation is JSON
 * Schema (ajv) over the document's own schemas.
 */
import AjvModule from 'ajv';

type Schema = unknown;
type Param = { name: string; in: string; required?: boolean; schema?: Schema };
type OperationDoc = {
  parameters?: Param[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }>; headers?: Record<string, { required?: boolean; schema?: Schema }> }>;
};
type Op = { method: string; template: string; re: RegExp; names: string[]; op: OperationDoc };
type Doc = { paths: Record<string, Record<string, OperationDoc>> };

export const CONTRACT = process.env.CONTRACT === '1';

const Ajv = (AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule;
type AjvInstance = InstanceType<typeof Ajv>;

/** Bodies are checked as sent; parameters and headers arrive as text, so their validator coerces ("20" is an integer). */
type Checker = { ops: Op[]; bodies: AjvInstance; texts: AjvInstance };
let checker: Promise<Checker> | null = null;

/** JSON pointer segment, then made safe for a URI fragment. */
const seg = (s: string) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));

type Requester = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

async function load(app: Requester): Promise<Checker> {
  const doc = (await (await app.request('/api/openapi.json')).json()) as Doc;
  const bodies = new Ajv({ strict: false, allErrors: false, validateFormats: false });
  const texts = new Ajv({ strict: false, allErrors: false, validateFormats: false, coerceTypes: 'array' });
  bodies.addSchema(doc as object, 'doc');
  texts.addSchema(doc as object, 'doc');
  const ops: Op[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const re = new RegExp(`^${template.replace(/[.+?^$|()[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`);
    for (const [method, op] of Object.entries(methods)) ops.push({ method: method.toUpperCase(), template, re, names, op });
  }
  return { ops, bodies, texts };
}

const validators = new WeakMap<AjvInstance, Map<string, ReturnType<AjvInstance['compile']>>>();
/** Why `data` does not match the schema at `pointer` in the document, or null when it does. */
function validate(ajv: AjvInstance, pointer: string, data: unknown): string | null {
  let byPointer = validators.get(ajv);
  if (!byPointer) validators.set(ajv, (byPointer = new Map()));
  let v = byPointer.get(pointer);
  if (!v) byPointer.set(pointer, (v = ajv.compile({ $ref: `doc#${pointer}` })));
  if (v(data)) return null;
  return (v.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

export type Violation = string;

/** What the lane checked: answers matched to an operation, and which operations ("GET /api/…"). */
export type ContractTally = { checked: number; operations: Set<string> };
export const newTally = (): ContractTally => ({ checked: 0, operations: new Set() });

/** Wrap `app` so that every request through it is checked; violations are collected into `out`, what was checked into `tally`. */
export function contractChecked<A extends Requester>(app: A, out: Violation[], tally: ContractTally = newTally(), options: CheckOptions = {}): A {
  const request = async (input: string, init?: RequestInit): Promise<Response> => {
    const res = await app.request(input, init);
    try {
      await check(app, input, init, res.clone(), out, tally, options);
    } catch (err) {
      out.push(`${init?.method ?? 'GET'} ${input}: the contract check itself failed: ${String(err)}`);
    }
    return res;
  };
  return new Proxy(app, { get: (target, key) => (key === 'request' ? request : Reflect.get(target, key)) });
}

/** What else the checker may be asked to look at (the fuzzer, bench/fuzz-api.ts, asks for both). */
export type CheckOptions = {
  /**
   * A request the document accepts, refused as bad input (400
   * `validation_failed`): a rule the server enforces that the document does
   * not state. (The API tests send such requests on purpose, with values a
   * domain rule refuses, so only the fuzzer asks.)
   */
  refusedValid?: boolean;
};

async function check(app: Requester, input: string, init: RequestInit | undefined, res: Response, out: Violation[], tally: ContractTally, options: CheckOptions = {}) {
  checker ??= load(app);
  const c = await checker;
  const url = new URL(input, 'http://localhost');
  if (!url.pathname.startsWith('/api/') || url.pathname === '/api/openapi.json') return;
  const method = (init?.method ?? 'GET').toUpperCase();
  const asked = method === 'HEAD' ? 'GET' : method;
  const found = c.ops.find((o) => o.method === asked && o.re.test(url.pathname));
  if (!found) {
    // A path of the document asked with a method it does not have: 405, and Allow names the methods the document lists there.
    const there = [...new Set(c.ops.filter((o) => o.re.test(url.pathname)).map((o) => o.method))];
    if (there.length === 0) return;
    tally.checked++;
    const allow = [...there, ...(there.includes('GET') ? ['HEAD'] : [])].sort();
    const where = `${method} ${url.pathname}${url.search}`;
    // What is refused for what it is, whatever its path, is refused before the path is looked at: a body over
    // the limit, a state-changing request from another site (every operation declares these two).
    const before = res.status === 413 || res.status === 403 ? ((await res.clone().json().catch(() => null)) as { error?: { code?: string } } | null)?.error?.code : undefined;
    if (before === 'payload_too_large' || before === 'cross_origin') return;
    if (res.status !== 405) out.push(`${where}: answered ${res.status} to a method the document does not list there (it lists ${allow.join(', ')}), where HTTP says 405`);
    else {
      const given = (res.headers.get('allow') ?? '').split(',').map((m) => m.trim().toUpperCase()).filter(Boolean).sort();
      if (given.join(', ') !== allow.join(', ')) out.push(`${where}: answered 405 with Allow: ${given.join(', ') || '(none)'}, where the document lists ${allow.join(', ')}`);
    }
    return;
  }
  tally.checked++;
  tally.operations.add(`${found.method} ${found.template}`);
  const where = `${method} ${found.template} (${url.pathname}${url.search})`;
  const status = String(res.status);
  const key = status in found.op.responses ? status : 'default';
  const declared = found.op.responses[key];
  if (!declared) {
    out.push(`${where}: answered ${status}, which the document does not declare (it declares ${Object.keys(found.op.responses).join(', ')})`);
    return;
  }
  const base = `/paths/${seg(found.template)}/${found.method.toLowerCase()}`;

  // The body: its media type is one the answer lists, and a JSON body matches its schema.
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const hasBody = method !== 'HEAD' && res.status !== 304 && res.status !== 204;
  let body: unknown;
  if (hasBody && type) {
    const listed = Object.keys(declared.content ?? {});
    if (listed.length === 0) {
      if ((await res.clone().arrayBuffer()).byteLength > 0) out.push(`${where}: answered ${status} with a ${type} body, where the document declares no body`);
    } else if (!listed.some((m) => m === type || m === '*/*' || (m.endsWith('/*') && type.startsWith(m.slice(0, -1))))) {
      out.push(`${where}: answered ${status} as ${type}, which the document does not list (it lists ${listed.join(', ')})`);
    } else if (type === 'application/json') {
      body = await res.json();
      if (!declared.content?.['application/json']?.schema) out.push(`${where}: answered ${status} with JSON, which the document does not describe`);
      else {
        const why = validate(c.bodies, `${base}/responses/${key}/content/application~1json/schema`, body);
        if (why) out.push(`${where}: the ${status} body does not match the document: ${why}`);
      }
    }
  }

  // The answer's declared headers: required ones present, and each one present matching its schema.
  for (const [name, h] of Object.entries(declared.headers ?? {})) {
    const value = res.headers.get(name);
    if (value === null) {
      if (h.required) out.push(`${where}: answered ${status} without the header ${name}, which the document says is always there`);
      continue;
    }
    if (!h.schema) continue;
    const why = validate(c.texts, `${base}/responses/${key}/headers/${seg(name)}/schema`, value);
    if (why) out.push(`${where}: the ${status} header ${name}: ${JSON.stringify(value)} does not match the document: ${why}`);
  }

  // A request the server accepted must be one the document describes.
  if (res.status >= 200 && res.status < 300) {
    for (const problem of requestProblems(c, found, base, url, init)) out.push(`${where}: accepted ${problem}`);
  }

  // And one the document describes is not refused as bad input.
  if (options.refusedValid && res.status === 400) {
    const error = (body as { error?: { code?: string; fields?: Record<string, string> } } | undefined)?.error;
    if (error?.code === 'validation_failed' && judgeable(found, init) && requestProblems(c, found, base, url, init).length === 0) {
      out.push(`${where}: refused as bad input (400 validation_failed: ${JSON.stringify(error.fields ?? {})}) a request the document accepts${describeBody(init)}`);
    }
  }
}

/** The request's JSON body, shortened, for a report. */
function describeBody(init: RequestInit | undefined): string {
  const sent = typeof init?.body === 'string' ? init.body : null;
  return sent === null ? '' : `: ${sent.length > 300 ? `${sent.slice(0, 300)}…` : sent}`;
}

/** The media type of the body a request sent ('' when it named none), or null when it sent no body. */
function sentMediaType(init: RequestInit | undefined): string | null {
  const body = init?.body;
  if (body === undefined || body === null || body === '') return null;
  const named = new Headers(init!.headers).get('content-type');
  if (named !== null) return named.split(';')[0]!.trim().toLowerCase();
  if (body instanceof FormData) return 'multipart/form-data';
  if (body instanceof URLSearchParams) return 'application/x-www-form-urlencoded';
  return typeof body === 'string' ? 'text/plain' : '';
}

/** The JSON body of a request, or null when it sent none as JSON. */
function jsonBodyOf(init: RequestInit | undefined): string | null {
  return typeof init?.body === 'string' && (new Headers(init.headers).get('content-type') ?? '').startsWith('application/json') ? init.body : null;
}

/** Can the checker tell whether the document accepts this request? Not when its body is not JSON (a multipart form, text). */
function judgeable(found: Op, init: RequestInit | undefined): boolean {
  const content = found.op.requestBody?.content;
  const sentBody = init?.body !== undefined && init.body !== null && init.body !== '';
  if (!sentBody) return true;
  if (!content) return false;
  return jsonBodyOf(init) !== null && content['application/json'] !== undefined;
}

/** Why the document would refuse this request (its query, path parameters and JSON body), each worded to follow "accepted …". */
function requestProblems(c: Checker, found: Op, base: string, url: URL, init: RequestInit | undefined): string[] {
  const problems: string[] = [];
  const params = found.op.parameters ?? [];
  const paramPointer = (p: Param) => `${base}/parameters/${params.indexOf(p)}/schema`;
  const query = params.filter((p) => p.in === 'query');
  for (const name of new Set(url.searchParams.keys())) {
    const p = query.find((q) => q.name === name);
    if (!p) {
      problems.push(`the query parameter \`${name}\`, which the document does not declare`);
      continue;
    }
    const values = url.searchParams.getAll(name);
    const why = p.schema === undefined ? null : validate(c.texts, paramPointer(p), values.length === 1 ? values[0] : values);
    if (why) problems.push(`${name}=${values.join(',')}, which the document would refuse: ${why}`);
  }
  for (const p of query) if (p.required && !url.searchParams.has(p.name)) problems.push(`a request without \`${p.name}\`, which the document says is required`);
  const captured = found.re.exec(url.pathname)!.slice(1);
  found.names.forEach((name, i) => {
    const p = params.find((q) => q.in === 'path' && q.name === name);
    if (!p?.schema) return;
    let value: string;
    try {
      value = decodeURIComponent(captured[i]!);
    } catch {
      value = captured[i]!;
    }
    const why = validate(c.texts, paramPointer(p), value);
    if (why) problems.push(`${name}=${JSON.stringify(value)}, which the document would refuse: ${why}`);
  });
  const type = sentMediaType(init);
  const listed = Object.keys(found.op.requestBody?.content ?? {});
  if (type !== null && !listed.includes(type)) {
    if (listed.length) problems.push(`a body of media type ${type || '(none)'}, which the document does not list (it lists ${listed.join(', ')})`);
    else problems.push(type === 'application/json' ? 'a JSON body, which the document does not describe' : `a body (${type || 'no media type'}), which the document does not describe`);
  } else if (type === 'application/json') {
    const sent = jsonBodyOf(init);
    if (sent === null) return problems;
    if (!found.op.requestBody?.content?.['application/json']?.schema) problems.push('a JSON body, which the document does not describe');
    else {
      let parsed: unknown;
      try {
        // A byte order mark before the JSON is read past, as decoders do (RFC 8259 lets a parser ignore it).
        parsed = JSON.parse(sent.replace(/^\ufeff/, ''));
      } catch {
        problems.push('a body that is not JSON');
        return problems;
      }
      const why = validate(c.bodies, `${base}/requestBody/content/application~1json/schema`, parsed);
      if (why) problems.push(`a body the document would refuse: ${why}`);
    }
  } else if (type === null && found.op.requestBody?.required) {
    problems.push('a request without its body, which the document says is required');
  }
  return problems;
}
