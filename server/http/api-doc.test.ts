/**
 * The API document in both languages (server/http/api-doc.ts) and the
 * interactive reference page that reads it (server/http/api-docs-page.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '#tests/fixtures.ts';
import { localizedDocument, untranslated, type ApiDocument } from './api-doc.ts';
import { API_TAGS } from './api-doc-text.ts';
import { DOCS_CSP } from './api-docs-page.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: false });
});
afterAll(() => t.close());

const docIn = async (headers: Record<string, string>) => {
  const res = await t.app.request('/api/openapi.json', { headers });
  expect(res.status).toBe(200);
  return { doc: (await res.json()) as ApiDocument, language: res.headers.get('content-language'), vary: res.headers.get('vary') };
};

/** The document without its words: what a client is generated from. */
function shape(doc: ApiDocument): unknown {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (x === null || typeof x !== 'object') return x;
    return Object.fromEntries(
      Object.entries(x)
        .filter(([k, v]) => !((k === 'description' || k === 'summary' || k === 'x-displayName') && typeof v === 'string'))
        .map(([k, v]) => [k, strip(v)]),
    );
  };
  return strip({ ...doc, info: { ...doc.info, description: undefined } });
}

describe('the API document in two languages', () => {
  it('answers in Chinese by default and in English when the cookie or Accept-Language asks', async () => {
    const zh = await docIn({});
    expect(zh.language).toBe('zh-CN');
    expect(zh.vary).toBe('Cookie, Accept-Language');
    expect(zh.doc.paths['/api/health']!.get!.summary).toBe('服务在线与数据库检查');
    expect(zh.doc.info.description).toMatch(/^民生微实事：/);
    expect(zh.doc.tags!.find((x) => x.name === 'voting')).toMatchObject({ 'x-displayName': '居民投票', description: expect.stringMatching(/选票/) });
    const responses = (zh.doc.paths['/api/cycles/{id}/ballot']!.post as unknown as { responses: Record<string, { description: string }> }).responses;
    expect(responses['429']!.description).toBe('请求过于频繁（见 Retry-After）');

    for (const headers of [{ 'accept-language': 'en-GB,en;q=0.9' }, { cookie: 'lang=en' }] as Record<string, string>[]) {
      const en = await docIn(headers);
      expect(en.language).toBe('en');
      expect(en.doc.paths['/api/health']!.get!.summary).toBe('Liveness and database check');
      expect(en.doc.tags!.find((x) => x.name === 'voting')).toMatchObject({ 'x-displayName': 'Resident vote' });
      // Only the words differ: paths, parameters, schemas and codes are the same document.
      expect(shape(en.doc)).toEqual(shape(zh.doc));
    }
  });

  it('every summary and description, every tag the operations use, has its Chinese', async () => {
    const { doc } = await docIn({ 'accept-language': 'en' });
    expect(untranslated(doc)).toEqual([]);
    const used = new Set(Object.values(doc.paths).flatMap((ops) => Object.values(ops).flatMap((op) => op.tags ?? [])));
    expect(API_TAGS.map((x) => x.name).sort()).toEqual([...used].sort());
  });

  it('localizing does not change the generated document it starts from', async () => {
    const { doc } = await docIn({ 'accept-language': 'en' });
    const before = JSON.stringify(doc);
    localizedDocument(doc, 'zh-CN');
    expect(JSON.stringify(doc)).toBe(before);
    // Nor does a request in one language leave its words in the next one's document.
    await docIn({});
    expect((await docIn({ 'accept-language': 'en' })).doc.paths['/api/health']!.get!.summary).toBe('Liveness and database check');
  });
});

describe('the API reference page, /api/docs', () => {
  it("serves Scalar's reference from this site, in the visitor's language, under a policy of its own", async () => {
    const res = await t.app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(DOCS_CSP);
    expect(DOCS_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<p class="title" data-testid="docs-title">API 参考</p>');
    // Every script is a file of this site; none is inline.
    expect([...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!.trim())).toEqual(['type="application/json" id="api-docs-config"', expect.stringMatching(/^src="\/api\/docs\/reference\.js\?v=[\d.]+"$/)]);
    // No address of another host anywhere on the page.
    expect(html.match(/(?:src|href|action)="(?!\/)[^"]*"/g)).toBeNull();
    const config = JSON.parse(/<script type="application\/json" id="api-docs-config">([^<]*)<\/script>/.exec(html)![1]!);
    expect(config).toMatchObject({ url: '/api/openapi.json', withDefaultFonts: false, telemetry: false, agent: { disabled: true }, mcp: { disabled: true }, hideClientButton: true, localization: { locale: 'zh-CN' } });
    expect(config).not.toHaveProperty('proxyUrl');

    const en = await (await t.app.request('/api/docs', { headers: { cookie: 'lang=en' } })).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<p class="title" data-testid="docs-title">API reference</p>');
    expect(en).toContain('"localization":{"locale":"en"}');
  });

  it('serves its script, Scalar between a line before and the start after (gzip when asked), and answers a wrong method with 405', async () => {
    const plain = await t.app.request('/api/docs/reference.js');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const js = await plain.text();
    expect(js.length).toBeGreaterThan(1_000_000);
    expect(js.startsWith('window.__zod_globalConfig = Object.assign(window.__zod_globalConfig || {}, { jitless: true });\n')).toBe(true);
    expect(js.trimEnd().endsWith("window.Scalar.createApiReference('#reference', config);\n})();")).toBe(true);
    expect(js).not.toMatch(/sourceMappingURL/);
    const gz = await t.app.request('/api/docs/reference.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const etag = gz.headers.get('etag')!;
    expect((await t.app.request('/api/docs/reference.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const post = await t.app.request('/api/docs', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
