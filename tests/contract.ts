/**
 * @module The contract lane (`npm run test:contract`): with CONTRACT=1, every
 * request an API test sends through `testApp` and every answer it gets are
 * checked against the OpenAPI document the server serves — an answer with a
 * status the operation does not declare, a JSON body that does not match the
 * declared schema, or an accepted request (2xx) whose body or query the
 * document does not describe is a violation, and the test file fails when it
 * closes its app, listing them. Validation is JSON Schema (ajv) over the
 * document's own schemas.
 */
import AjvModule from 'ajv';

type Op = { method: string; template: string; re: RegExp; op: OperationDoc };
type OperationDoc = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};
type Doc = { paths: Record<string, Record<string, OperationDoc>> };

export const CONTRACT = process.env.CONTRACT === '1';

const Ajv = (AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule;

type Checker = { ops: Op[]; ajv: InstanceType<typeof Ajv> };
let checker: Promise<Checker> | null = null;

/** JSON pointer segment, then made safe for a URI fragment. */
const seg = (s: string) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));

async function load(app: { request: (p: string) => Response | Promise<Response> }): Promise<Checker> {
  const doc = (await (await app.request('/api/openapi.json')).json()) as Doc;
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
  ajv.addSchema(doc as object, 'doc');
  const ops: Op[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    const re = new RegExp(`^${template.replace(/[.+?^$|()[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    for (const [method, op] of Object.entries(methods)) ops.push({ method: method.toUpperCase(), template, re, op });
  }
  return { ops, ajv };
}

const validators = new Map<string, (data: unknown) => boolean>();
function validate(c: Checker, pointer: string, data: unknown): string | null {
  let v = validators.get(pointer);
  if (!v) {
    const compiled = c.ajv.compile({ $ref: `doc#${pointer}` });
    v = (d: unknown) => {
      const ok = compiled(d) as boolean;
      (v as unknown as { errors: unknown }).errors = compiled.errors;
      return ok;
    };
    validators.set(pointer, v);
  }
  if (v(data)) return null;
  const errors = (v as unknown as { errors: { instancePath: string; message?: string }[] }).errors ?? [];
  return errors.slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

export type Violation = string;

/** Wrap `app` so that every request through it is checked; violations are collected into `out`. */
export function contractChecked<A extends { request: (input: string, init?: RequestInit) => Response | Promise<Response> }>(app: A, out: Violation[]): A {
  const request = async (input: string, init?: RequestInit): Promise<Response> => {
    const res = await app.request(input, init);
    try {
      await check(app, input, init, res.clone(), out);
    } catch (err) {
      out.push(`${init?.method ?? 'GET'} ${input}: the contract check itself failed: ${String(err)}`);
    }
    return res;
  };
  return new Proxy(app, { get: (target, key) => (key === 'request' ? request : Reflect.get(target, key)) });
}

async function check(app: { request: (p: string) => Response | Promise<Response> }, input: string, init: RequestInit | undefined, res: Response, out: Violation[]) {
  checker ??= load(app);
  const c = await checker;
  const url = new URL(input, 'http://localhost');
  if (!url.pathname.startsWith('/api/') || url.pathname === '/api/openapi.json') return;
  const method = (init?.method ?? 'GET').toUpperCase();
  const asked = method === 'HEAD' ? 'GET' : method;
  const found = c.ops.find((o) => o.method === asked && o.re.test(url.pathname));
  // No such operation: the server's 404 or 405, which are about the path, not an operation.
  if (!found) return;
  const where = `${method} ${found.template} (${url.pathname}${url.search})`;
  const status = String(res.status);
  const declared = found.op.responses[status] ?? found.op.responses.default;
  if (!declared) {
    out.push(`${where}: answered ${status}, which the document does not declare (it declares ${Object.keys(found.op.responses).join(', ')})`);
    return;
  }
  const base = `/paths/${seg(found.template)}/${found.method.toLowerCase()}`;
  const type = res.headers.get('content-type') ?? '';
  if (method !== 'HEAD' && res.status !== 304 && res.status !== 204 && type.startsWith('application/json')) {
    if (!declared.content?.['application/json']?.schema) out.push(`${where}: answered ${status} with JSON, which the document does not describe`);
    else {
      const why = validate(c, `${base}/responses/${status in found.op.responses ? status : 'default'}/content/application~1json/schema`, await res.json());
      if (why) out.push(`${where}: the ${status} body does not match the document: ${why}`);
    }
  }
  // A request the server accepted must be one the document describes.
  if (res.status >= 200 && res.status < 300) {
    const declaredQuery = new Set((found.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of new Set(url.searchParams.keys())) if (!declaredQuery.has(name)) out.push(`${where}: accepted the query parameter \`${name}\`, which the document does not declare`);
    const sent = typeof init?.body === 'string' && (new Headers(init.headers).get('content-type') ?? '').startsWith('application/json') ? init.body : null;
    if (sent !== null) {
      if (!found.op.requestBody?.content?.['application/json']?.schema) out.push(`${where}: accepted a JSON body, which the document does not describe`);
      else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(sent);
        } catch {
          return;
        }
        const why = validate(c, `${base}/requestBody/content/application~1json/schema`, parsed);
        if (why) out.push(`${where}: accepted a body the document would refuse: ${why}`);
      }
    }
  }
}
