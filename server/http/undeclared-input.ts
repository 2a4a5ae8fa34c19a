/**
 * @module Input an operation does not declare is refused, on every operation
 * alike, so that the API document is the whole list of what each one takes:
 *
 * - a query parameter it does not declare: 400 `validation_failed`, each
 *   one named under `fields`. Routes that take query parameters read them
 *   through closed schemas, but the others ignored any they were sent, so
 *   `?colour=red` was refused on one path and silently dropped on the next;
 *   a client generated from the document cannot tell which, and a misspelt
 *   filter must not quietly be ignored. server/http/http-manners.test.ts
 *   sends one to every GET operation;
 * - a body sent to an operation that takes none: 415
 *   `unsupported_media_type` (what it carries would be ignored); and a body
 *   of a media type the operation does not list, the same (the route's own
 *   check takes a urlencoded form where multipart/form-data is declared, and
 *   any `application/…+json` where JSON is).
 *
 * What each operation declares is read from the API document itself, once,
 * so the check and the document cannot disagree.
 */
import type { MiddlewareHandler } from 'hono';
import { errorBody, genericMessage, localeOf, unknownFieldMessage } from './errors.ts';

type Parameter = { name: string; in: string };
type Operation = { parameters?: (Parameter | { $ref: string })[]; requestBody?: { content?: Record<string, unknown> } };
export type DocumentShape = { paths: Record<string, Record<string, Operation>>; components?: { parameters?: Record<string, Parameter> } };
type Declared = { method: string; re: RegExp; query: Set<string>; body: string[] };

/** Each operation of the document: its method, a pattern of its path, the query parameters it declares and the media types of the bodies it takes. */
export function declaredInput(doc: DocumentShape): Declared[] {
  const out: Declared[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    const re = new RegExp(`^${template.replace(/[.+?^$|()[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters ?? []).map((p) => ('$ref' in p ? doc.components?.parameters?.[p.$ref.split('/').at(-1)!] : p)).filter((p): p is Parameter => p !== undefined);
      out.push({ method: method.toUpperCase(), re, query: new Set(params.filter((p) => p.in === 'query').map((p) => p.name)), body: Object.keys(op.requestBody?.content ?? {}) });
    }
  }
  return out;
}

/** Does the request carry a body? Judged on Content-Length where it says, else by reading it (the body limit has run). */
async function carriesBody(raw: Request, read: () => Promise<ArrayBuffer>): Promise<boolean> {
  const length = raw.headers.get('content-length');
  if (length !== null && !raw.headers.has('transfer-encoding')) return Number(length) > 0;
  if (raw.body === null) return false;
  return (await read()).byteLength > 0;
}

/** Refuse a request to an operation of `doc()` with a query parameter, or a body, the operation does not declare. */
export function refuseUndeclaredInput(doc: () => DocumentShape): MiddlewareHandler {
  let byMethod: Map<string, Declared[]> | null = null;
  return async (c, next) => {
    if (!byMethod) {
      byMethod = new Map();
      for (const d of declaredInput(doc())) byMethod.set(d.method, [...(byMethod.get(d.method) ?? []), d]);
    }
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const path = c.req.path;
    // Two templates can match one path (/proposals/mine, /proposals/{code}): what either declares is allowed.
    const matching = (byMethod.get(method) ?? []).filter((d) => d.re.test(path));
    if (matching.length === 0) return next();
    const url = c.req.url;
    const q = url.indexOf('?');
    // An operation that declares query parameters reads them through a closed schema, which names an unknown
    // one together with every other problem of the query: this check is for the operations that declare none.
    if (q >= 0 && matching.every((d) => d.query.size === 0)) {
      const unknown = [...new Set(new URLSearchParams(url.slice(q + 1)).keys())].filter((name) => !matching.some((d) => d.query.has(name)));
      if (unknown.length > 0) {
        const locale = localeOf(c);
        return c.json(errorBody('validation_failed', genericMessage('validation_failed', locale), Object.fromEntries(unknown.map((name) => [name, unknownFieldMessage(locale)]))), 400);
      }
    }
    if (method !== 'GET') {
      const types = matching.flatMap((d) => d.body);
      if (types.length === 0 && (await carriesBody(c.req.raw, () => c.req.arrayBuffer()))) return c.json(errorBody('unsupported_media_type', genericMessage('no_body', localeOf(c))), 415);
      // A body of another media type than the operation lists: a form sent to an operation that takes JSON, or a
      // form without files (application/x-www-form-urlencoded) where it lists multipart/form-data.
      const named = c.req.header('content-type');
      if (types.length > 0 && named !== undefined && !types.includes(named.split(';')[0]!.trim().toLowerCase())) {
        return c.json(errorBody('unsupported_media_type', genericMessage('unsupported_media_type', localeOf(c))), 415);
      }
    }
    return next();
  };
}
