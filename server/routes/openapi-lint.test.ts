/**
 * The API document as the server serves it, linted by Redocly CLI with its
 * recommended rules, none turned off (redocly.yaml).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '#tests/fixtures.ts';
import { TYPED_YUAN } from '#domain/money.ts';
import { TYPED_RECEIPT } from '#domain/receipts.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let doc: { paths: Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>> };
beforeAll(async () => {
  t = await testApp({ seed: false });
  doc = await (await t.app.request('/api/openapi.json')).json();
});
afterAll(() => t.close());

describe('the API document', () => {
  it("the OpenAPI document passes Redocly's recommended rules", () => {
    const dir = mkdtempSync(join(tmpdir(), 'wss-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      let out: string;
      try {
        out = execFileSync(resolve('node_modules/.bin/redocly'), ['lint', file, '--config', resolve('redocly.yaml'), '--format=json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (err) {
        // Redocly exits 1 when it finds errors; its report is still on stdout.
        out = (err as { stdout: string }).stdout;
      }
      const report = JSON.parse(out) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { pointer?: string }[] }[] };
      const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ''})`);
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('every operation has an operationId and its 4xx answers', () => {
    const without4xx: string[] = [];
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z]+[A-Za-z0-9]*$/);
        expect(ids.has(op.operationId!), `${op.operationId} is unique`).toBe(false);
        ids.add(op.operationId!);
        if (!Object.keys(op.responses).some((s) => s.startsWith('4'))) without4xx.push(`${method} ${path}`);
      }
    }
    expect(without4xx).toEqual([]);
  });

  it('no schema is an allOf of closed objects (no body could satisfy it)', () => {
    const schemas = (doc as unknown as { components: { schemas: Record<string, { allOf?: { $ref?: string; additionalProperties?: boolean }[]; additionalProperties?: boolean }> } }).components.schemas;
    const closed = (s: { $ref?: string; additionalProperties?: boolean }) => (s.$ref ? schemas[s.$ref.split('/').at(-1)!]?.additionalProperties === false : s.additionalProperties === false);
    const impossible = Object.entries(schemas).filter(([, s]) => (s.allOf ?? []).filter(closed).length >= 2).map(([name]) => name);
    expect(impossible).toEqual([]);
    expect(schemas.PaperProposalInput).toMatchObject({ type: 'object', additionalProperties: false });
  });

  it('a nullable reference is an anyOf with null, never an allOf that no null could pass', () => {
    const bad: string[] = [];
    const walk = (x: unknown, path: string) => {
      if (Array.isArray(x)) return x.forEach((v, i) => walk(v, `${path}/${i}`));
      if (x === null || typeof x !== 'object') return;
      const o = x as Record<string, unknown>;
      if (Array.isArray(o.allOf) && o.allOf.some((m) => Array.isArray((m as { type?: unknown }).type) && ((m as { type: string[] }).type.includes('null')))) bad.push(path);
      for (const [k, v] of Object.entries(o)) walk(v, `${path}/${k}`);
    };
    walk(doc, '');
    expect(bad).toEqual([]);
  });

  it('states the rules the server checks on what it is sent, where a generated client can read them', () => {
    const d = doc as unknown as { paths: Record<string, Record<string, { parameters?: { name: string; schema: Record<string, unknown> }[]; requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>>; components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> } };
    const schemas = d.components.schemas;
    const body = (path: string, type = 'application/json') => d.paths[path]!.post!.requestBody!.content[type]!.schema as { properties: Record<string, Record<string, unknown>> };
    // Ballot points: by project id (not empty, at most 64 characters), at most 100 of them, whole numbers of 0 or more.
    expect(schemas.BallotInput!.properties.points).toMatchObject({ propertyNames: { minLength: 1, maxLength: 64 }, maxProperties: 100, additionalProperties: { type: 'integer', minimum: 0 } });
    // Names and other text the server trims and refuses when blank.
    expect(schemas.RulebookSettings!.properties.categories).toMatchObject({ items: { properties: { name: { properties: { zh: { pattern: '\\S', minLength: 1 }, en: { pattern: '\\S' } } } } } });
    expect(schemas.AgreementInput!.properties.implementerName).toMatchObject({ pattern: '\\S', minLength: 1, maxLength: 200 });
    expect(body('/api/auth/sign-up').properties.displayName).toMatchObject({ pattern: '\\S' });
    // Money typed as text: one pattern wherever an amount is.
    for (const amount of [schemas.AgreementInput!.properties.agreedAmount, schemas.PaymentInput!.properties.amount, schemas.ProposalInput!.properties.estimatedCost]) expect(amount).toMatchObject({ pattern: TYPED_YUAN });
    // Codes: a slip's, a receipt's, a sign-up login.
    expect(new RegExp(body('/api/residency/verify').properties.code!.pattern as string).test('abcd efgh')).toBe(true);
    expect(new RegExp(body('/api/residency/verify').properties.code!.pattern as string).test('ABCD-EFG1')).toBe(false);
    expect(d.paths['/api/receipts/{code}']!.get!.parameters![0]!.schema).toMatchObject({ pattern: TYPED_RECEIPT });
    expect(new RegExp(body('/api/auth/sign-up').properties.login!.pattern as string).test(' resident_1 ')).toBe(true);
    // Files sent in a multipart form are files.
    expect(body('/api/proposals/{code}/attachments', 'multipart/form-data').properties.files).toMatchObject({ anyOf: [{ type: 'string', format: 'binary' }, { type: 'array', items: { type: 'string', format: 'binary' } }] });
    expect(body('/api/projects/{code}/progress', 'multipart/form-data').properties).toMatchObject({ percent: { type: 'integer', minimum: 0, maximum: 100 }, photos: { anyOf: [{ format: 'binary' }, { items: { format: 'binary' } }] } });
    expect(body('/api/cycles/{id}/ballot-imports', 'multipart/form-data').properties.file).toMatchObject({ type: 'string', format: 'binary' });
    // Closing an account takes confirm: true and nothing else.
    expect(body('/api/me/close').properties.confirm).toMatchObject({ type: 'boolean', enum: [true] });
  });

  it('every operation declares 400; every one but a GET the cross-origin 403, 413 and 415', () => {
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const want = ['400', ...(method === 'get' ? [] : ['403', '413', '415'])];
        for (const status of want) if (!(status in op.responses)) missing.push(`${method} ${path}: ${status}`);
      }
    }
    expect(missing).toEqual([]);
    expect(doc.paths['/api/proposals/{code}/submit']!.post!.responses['403']).toMatchObject({ description: expect.stringContaining('cross_origin') });
  });
});
