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
