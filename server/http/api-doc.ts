/**
 * @module The API document in the reader's language. GET /api/openapi.json
 * answers in the language the rest of the API answers in (the `lang` cookie,
 * then `Accept-Language`; Chinese by default): the document generated from
 * the route declarations (English) gets its tags and introduction in that
 * language and, in Chinese, every summary and description from the
 * catalogue area api-doc (read by ./api-doc-text.ts). Paths, schemas, codes and examples are the
 * same in both, so a client generated from either is the same client.
 */
import type { Locale } from './errors.ts';
import { API_INTRO, API_TAGS, OPERATIONS_EN, OPERATIONS_ZH, TEXT_EN, TEXT_ZH } from './api-doc-text.ts';

type Operation = { operationId?: string; summary?: string; description?: string; tags?: string[] };
export type ApiDocument = {
  info: { description?: string; [k: string]: unknown };
  tags?: { name: string; description?: string; 'x-displayName'?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: Record<string, unknown>;
  [k: string]: unknown;
};

/** Keys under which a `description` is data (an example or a default value), not text of the document. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);

/** Every English `description` of answers, parameters and schemas, with a visitor for changing it. */
function eachDescription(x: unknown, visit: (text: string) => string): void {
  if (Array.isArray(x)) return x.forEach((v) => eachDescription(v, visit));
  if (x === null || typeof x !== 'object') return;
  const o = x as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'description' && typeof v === 'string') o[k] = visit(v);
    else if (!DATA_KEYS.has(k)) eachDescription(v, visit);
  }
}

/** The document as generated (English), made into `locale`'s; the input is not changed. */
export function localizedDocument(generated: ApiDocument, locale: Locale): ApiDocument {
  const doc = structuredClone(generated);
  doc.info.description = API_INTRO[locale];
  doc.tags = API_TAGS.map((t) => ({ name: t.name, description: t.description[locale], 'x-displayName': t.title[locale] }));
  if (locale === 'en') return doc;
  for (const ops of Object.values(doc.paths)) {
    for (const op of Object.values(ops)) {
      const zh = op.operationId ? OPERATIONS_ZH[op.operationId] : undefined;
      if (zh) {
        op.summary = zh.summary;
        if (op.description !== undefined && zh.description) op.description = zh.description;
      }
      const { summary: _s, description: _d, ...rest } = op;
      eachDescription(rest, (text) => TEXT_ZH[text] ?? text);
    }
  }
  eachDescription([doc.components, doc.servers], (text) => TEXT_ZH[text] ?? text);
  return doc;
}

/** What the Chinese document would still say in English: each text the catalogue lacks, named by where it is. */
export function untranslated(generated: ApiDocument): string[] {
  const missing: string[] = [];
  for (const [path, ops] of Object.entries(generated.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const zh = op.operationId ? OPERATIONS_ZH[op.operationId] : undefined;
      if (!zh) missing.push(`${method.toUpperCase()} ${path}: the summary of ${op.operationId}`);
      else if (op.description !== undefined && !zh.description) missing.push(`${method.toUpperCase()} ${path}: the description of ${op.operationId}`);
      // The catalogue's English of the operation is the declaration's own.
      const en = op.operationId ? OPERATIONS_EN[op.operationId] : undefined;
      if (zh && (en?.summary !== op.summary || en?.description !== op.description)) missing.push(`${method.toUpperCase()} ${path}: the English of ${op.operationId} in api-doc.json is not the declaration's`);
      const { summary: _s, description: _d, ...rest } = op;
      eachDescription(rest, (text) => {
        if (!(text in TEXT_ZH) || TEXT_EN[text] !== text) missing.push(`${method.toUpperCase()} ${path}: ${JSON.stringify(text)}`);
        return text;
      });
    }
  }
  eachDescription([generated.components, generated.servers], (text) => {
    if (!(text in TEXT_ZH) || TEXT_EN[text] !== text) missing.push(`components or servers: ${JSON.stringify(text)}`);
    return text;
  });
  const used = new Set(Object.values(generated.paths).flatMap((ops) => Object.values(ops).flatMap((op) => op.tags ?? [])));
  for (const tag of used) if (!API_TAGS.some((t) => t.name === tag)) missing.push(`the tag ${JSON.stringify(tag)} has no title or description`);
  return missing;
}
