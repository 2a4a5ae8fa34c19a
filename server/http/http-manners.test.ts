import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ seed: true });
});
afterAll(() => t.close());

describe('HTTP manners', () => {
  it('a wrong method on a known path answers 405 with Allow', async () => {
    const c = client(t.app);
    // (TRACE itself cannot be made by fetch; curl -X TRACE gets the same answer from the server.)
    const trace = await t.app.request('/api/health', { method: 'PATCH' });
    expect(trace.status).toBe(405);
    expect(trace.headers.get('allow')).toBe('GET, HEAD');
    expect((await trace.json()).error.code).toBe('method_not_allowed');
    const del = await t.app.request('/api/projects/LTJD-LHSQ-2026-01', { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    // A path with more than one method lists them all.
    const put = await t.app.request('/api/notifications/read', { method: 'GET' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('POST');
    // An unknown path is still 404.
    expect((await c.get('/api/no/such/thing')).status).toBe(404);
  });

  it('a query parameter the operation does not declare is refused with 400, naming it', async () => {
    const health = await t.app.request('/api/health?verbose=1');
    expect(health.status).toBe(400);
    expect(await health.json()).toEqual({ error: { code: 'validation_failed', message: '提交的内容有误，请检查标出的字段。', fields: { verbose: '不认识的字段' } } });
    const project = await t.app.request('/api/projects/LTJD-LHSQ-2026-01?lang=en&x=1', { headers: { 'accept-language': 'en' } });
    expect(project.status).toBe(400);
    expect((await project.json()).error.fields).toEqual({ lang: 'Unknown field', x: 'Unknown field' });
    // Declared ones pass, with GET and HEAD alike; a state-changing operation is checked the same way.
    expect((await t.app.request('/api/projects?limit=1&sort=newest')).status).toBe(200);
    expect((await t.app.request('/api/open-data/projects.csv?community=lianhua', { method: 'HEAD' })).status).toBe(200);
    // Every GET operation of the document, those with query parameters of their own too.
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const EXAMPLES: Record<string, string> = { slug: 'lianhua', file: 'projects.csv', code: 'LTJD-LHSQ-2026-01', id: 'cy-lianhua-2026', itemId: 'x', attachmentId: 'x' };
    const answers: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!ops.get) continue;
      const res = await t.app.request(`${path.replace(/\{(\w+)\}/g, (_, k: string) => EXAMPLES[k]!)}?zz=1`);
      const fields = res.status === 400 ? ((await res.json()) as { error: { fields?: Record<string, string> } }).error.fields : undefined;
      if (fields?.zz !== '不认识的字段') answers.push(`GET ${path}: ${res.status} ${JSON.stringify(fields)}`);
    }
    expect(answers).toEqual([]);
    const post = await t.app.request('/api/auth/sign-in?next=/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'officer', password: DEMO_PASSWORD }) });
    expect(post.status).toBe(400);
    expect((await post.json()).error.fields).toEqual({ next: '不认识的字段' });
  });

  it('a body of a media type the operation does not take, or a body where it takes none, answers 415 unsupported_media_type', async () => {
    const text = await t.app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ login: 'officer', password: DEMO_PASSWORD }) });
    expect(text.status).toBe(415);
    expect((await text.json()).error.code).toBe('unsupported_media_type');
    const json = await t.app.request('/api/proposals/LTJD-LHSQ-2026-01/attachments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expect((await json.json()).error.code).toBe('unsupported_media_type');
    // A form without its files is not the multipart form the document lists, though it could carry every field but the photos.
    const form = await t.app.request('/api/projects/SGJD-SXSQ-2026-01/progress', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'reportedOn=2026-12-01&percent=50&body=x' });
    expect([form.status, (await form.json()).error.code]).toEqual([415, 'unsupported_media_type']);
    // An operation that takes no body refuses one, rather than ignore it.
    const submit = await t.app.request('/api/proposals/LTJD-LHSQ-2026-01/submit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"x"}' });
    expect(submit.status).toBe(415);
    expect((await submit.json()).error).toEqual({ code: 'unsupported_media_type', message: '这个操作不接受请求体。' });
  });

  it('a body over the limit answers 413 on an operation that takes none', async () => {
    const res = await t.app.request('/api/proposals/LTJD-LHSQ-2026-01/submit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ padding: 'x'.repeat(70 * 1024) }) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('HEAD is answered wherever GET is', async () => {
    for (const path of ['/api/health', '/api/projects?limit=1', '/api/open-data/projects.csv', '/api/audit?limit=1']) {
      const res = await t.app.request(path, { method: 'HEAD' });
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toBe('');
    }
  });

  it('open-data downloads answer 304 when unchanged', async () => {
    const c = client(t.app);
    const first = await c.get('/api/open-data/projects.csv');
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(/^W\/"\d+-[0-9a-f]{16}-\d{4}-\d{2}-\d{2}"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await c.get('/api/open-data/projects.csv', { 'if-none-match': tag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    // JSON, the .pb file and the audit log the same way.
    for (const path of ['/api/open-data/payments.json', '/api/audit?limit=5']) {
      const r = await c.get(path);
      expect((await c.get(path, { 'if-none-match': r.headers.get('etag')! })).status, path).toBe(304);
    }
    // Something changes (a resident comments): the tag moves and the download is sent again.
    const resident = client(t.app);
    await resident.post('/api/auth/sign-in', { login: 'resident_lt', password: DEMO_PASSWORD });
    expect((await resident.post('/api/projects/LTJD-LHSQ-2026-01/comments', { body: '支持' })).status).toBe(201);
    const changed = await c.get('/api/open-data/projects.csv', { 'if-none-match': tag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
    // An auditor reads the whole log: a different tag from the public's.
    const auditor = client(t.app);
    await auditor.post('/api/auth/sign-in', { login: 'auditor', password: DEMO_PASSWORD });
    const pub = (await c.get('/api/audit?limit=5')).headers.get('etag')!;
    expect((await auditor.get('/api/audit?limit=5', { 'if-none-match': pub })).status).toBe(200);
  });
});
