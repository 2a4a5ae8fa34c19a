/**
 * @module Values a JSON Schema (an OpenAPI 3.1 document's) accepts, as
 * fast-check arbitraries: the fuzzer (bench/fuzz-api.ts) builds every valid
 * request body and parameter from the document this way, then breaks some on
 * purpose. Covers what the API's document uses: `$ref`, `type` (one or a
 * list), `enum`, `const`, strings with `pattern`, `minLength`, `maxLength`
 * and `format: binary` (a file), numbers with `minimum`, `maximum` and
 * `exclusiveMinimum`/`exclusiveMaximum`, arrays with `minItems`/`maxItems`,
 * objects with `properties`, `required`, `additionalProperties`,
 * `propertyNames` and `maxProperties`, and `anyOf`/`oneOf`/`allOf`.
 *
 * Lengths are counted in code points, as JSON Schema counts them.
 */
import fc from 'fast-check';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  minProperties?: number;
  maxProperties?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  example?: unknown;
};

/** A file a multipart field carries (made into a Blob when the request is sent). */
export type FileValue = { file: true; name: string; type: string; bytes: Uint8Array };

export const isFile = (v: unknown): v is FileValue => typeof v === 'object' && v !== null && (v as FileValue).file === true;

/** Resolve `#/components/schemas/…` (and any other local pointer) in `doc`. */
export function resolve(schema: JsonSchema, doc: unknown): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref && i < 20; i++) {
    const path = s.$ref.replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    s = path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], doc) as JsonSchema;
  }
  return s;
}

const INT32 = 2 ** 31 - 1;

const CJK_CHAR = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((n) => String.fromCodePoint(n));

/** Text people type here, `minLength` to `maxLength` code points (mostly short): ASCII, Chinese, any code point at all. */
function text(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const max = Math.min(maxLength, Math.max(minLength, 40));
  return fc.oneof(
    { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength, maxLength: max }), weight: 4 },
    { arbitrary: fc.array(CJK_CHAR, { minLength, maxLength: max }).map((a) => a.join('')), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', minLength, maxLength: max }), weight: 1 },
  );
}

const codePoints = (s: string) => Array.from(s).length;

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  const fits = (v: string) => codePoints(v) >= min && codePoints(v) <= max;
  if (s.pattern) {
    const re = new RegExp(s.pattern, 'u');
    // Small repetitions (`\s*`, `{1,13}`), so that most fit the length at once.
    if (s.pattern.startsWith('^')) return fc.stringMatching(new RegExp(s.pattern), { size: 'xsmall' }).filter((v) => fits(v) && re.test(v));
    // An unanchored pattern (`\S`: not blank): any text, mended when it misses.
    return text(min, max).map((v) => (re.test(v) ? v : `x${Array.from(v).slice(0, Math.max(0, max - 1)).join('')}`)).filter((v) => fits(v) && re.test(v));
  }
  // Mostly short; now and then exactly as long as allowed.
  return fc.oneof({ arbitrary: text(min, max), weight: 9 }, { arbitrary: fc.constant('字'.repeat(max)), weight: 1 });
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  let min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : integer ? -1_000_000 : -1e6);
  let max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : integer ? 1_000_000 : 1e6);
  if (!integer) return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
  min = Math.ceil(min);
  max = Math.floor(max);
  const inner = fc.integer({ min: Math.max(min, -INT32), max: Math.min(max, INT32) });
  return min < -INT32 || max > INT32 ? fc.oneof({ arbitrary: inner, weight: 9 }, { arbitrary: fc.constantFrom(min, max), weight: 1 }) : inner;
}

/** A small file of a kind uploads meet: images and a PDF by their first bytes, text, bytes of nothing in particular. */
export const fileArb: fc.Arbitrary<FileValue> = fc
  .tuple(
    fc.constantFrom(
      { name: 'a.png', type: 'image/png', head: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
      { name: 'a.jpg', type: 'image/jpeg', head: [0xff, 0xd8, 0xff, 0xe0] },
      { name: 'a.webp', type: 'image/webp', head: [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50] },
      { name: 'a.pdf', type: 'application/pdf', head: [...new TextEncoder().encode('%PDF-1.4\n')] },
      { name: 'ballots.pb', type: 'text/plain', head: [...new TextEncoder().encode('META\nkey;value\nvote_type;approval\n')] },
      { name: 'x.bin', type: 'application/octet-stream', head: [] },
      { name: '', type: 'application/octet-stream', head: [] },
    ),
    fc.uint8Array({ maxLength: 2048 }),
  )
  .map(([k, rest]) => ({ file: true as const, name: k.name, type: k.type, bytes: Uint8Array.from([...k.head, ...rest]) }));

/** Every value of `schema` (as far as fast-check can reach), `doc` holding what `$ref`s point to; now and then the document's own example, which names real things more often than chance does. */
export function arbitraryOf(schema: JsonSchema, doc: unknown, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  const any = valuesOf(s, doc, depth);
  return s.example !== undefined ? fc.oneof({ arbitrary: fc.constant(s.example), weight: 2 }, { arbitrary: any, weight: 3 }) : any;
}

function valuesOf(s: JsonSchema, doc: unknown, depth: number): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf)!.map((x) => arbitraryOf(x, doc, depth + 1)));
  if (s.allOf) {
    const parts = s.allOf.map((x) => resolve(x, doc));
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const p of parts) {
      Object.assign(merged.properties!, p.properties ?? {});
      merged.required!.push(...(p.required ?? []));
    }
    return arbitraryOf(merged, doc, depth + 1);
  }
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : s.items ? ['array'] : [];
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  if (types.length > 1) return fc.oneof(...types.map((t) => arbitraryOf({ ...s, type: t }, doc, depth)));
  switch (types[0]) {
    case 'string':
      return s.format === 'binary' ? fileArb : stringArb(s);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items ? arbitraryOf(s.items, doc, depth + 1) : fc.jsonValue({ maxDepth: 1 }), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 6, 6)) });
    case 'object': {
      const props = s.properties ?? {};
      const required = s.required ?? [];
      const named = Object.keys(props).length
        ? fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arbitraryOf(v, doc, depth + 1)])), { requiredKeys: required.filter((k) => k in props) })
        : fc.constant({} as Record<string, unknown>);
      if (typeof s.additionalProperties !== 'object') return named;
      const keys = s.propertyNames ? (arbitraryOf({ type: 'string', ...resolve(s.propertyNames, doc) }, doc, depth + 1) as fc.Arbitrary<string>) : fc.string({ minLength: 0, maxLength: 12 });
      const extra = fc.dictionary(keys, arbitraryOf(s.additionalProperties, doc, depth + 1), { minKeys: s.minProperties ?? 0, maxKeys: Math.min(s.maxProperties ?? 5, 5) });
      return fc.tuple(named, extra).map(([a, b]) => ({ ...b, ...a }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
