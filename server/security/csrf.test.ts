/**
 * Cross-site request forgery: every state-changing API route (from the route
 * table) refuses a request another site could make a signed-in browser send
 * — JSON or a plain form post, told apart by Origin or Sec-Fetch-Site — with
 * 403 cross_origin before anything else runs, and nothing is written. The
 * same check guards the pages (src/middleware.ts, tests/e2e/security.spec.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, fillPath } from '#tests/security/access-table.ts';
import { buildTemplate, fingerprint, openWorld, type Template, type World } from '#tests/security/world.ts';
import { createApp } from '../app.ts';

let template: Template;
let w: World;
beforeAll(async () => {
  template = await buildTemplate();
  w = await openWorld(template);
}, 120_000);
afterAll(() => {
  w?.close();
  template?.close();
});

const FORGERIES: { name: string; headers: Record<string, string>; body: (json: string) => { body: string; type: string } }[] = [
  { name: 'JSON from another site (Origin)', headers: { origin: 'https://evil.example', host: 'wss.example' }, body: (j) => ({ body: j, type: 'application/json' }) },
  { name: 'a form post from another site (Origin)', headers: { origin: 'https://evil.example', host: 'wss.example' }, body: () => ({ body: 'a=1&b=2', type: 'application/x-www-form-urlencoded' }) },
  { name: 'a text/plain post from another site (no preflight)', headers: { origin: 'http://wss.example.evil.example', host: 'wss.example' }, body: (j) => ({ body: j, type: 'text/plain' }) },
  { name: 'a sandboxed or file: page (Origin: null)', headers: { origin: 'null', host: 'wss.example' }, body: (j) => ({ body: j, type: 'application/json' }) },
  { name: 'a browser that says cross-site (Sec-Fetch-Site) without Origin', headers: { 'sec-fetch-site': 'cross-site', host: 'wss.example' }, body: (j) => ({ body: j, type: 'application/json' }) },
  { name: 'a sibling subdomain (same-site is not same-origin)', headers: { 'sec-fetch-site': 'same-site', origin: 'https://evil.wss.example', host: 'wss.example' }, body: () => ({ body: 'a=1', type: 'multipart/form-data; boundary=x' }) },
];

describe('cross-origin state-changing requests are refused', () => {
  const changing = Object.entries(ACCESS).filter(([k]) => !k.startsWith('GET '));

  it(`on every one of the ${changing.length} state-changing routes, in ${FORGERIES.length} forms, with nothing written`, async () => {
    const before = await fingerprint(w);
    const wrong: string[] = [];
    let sent = 0;
    for (const [key, entry] of changing) {
      const [method, path] = key.split(' ') as [string, string];
      // A real object where there is one; the check must refuse before looking anyway.
      const url = fillPath(path, new Proxy(entry.params ?? {}, { get: (t, k) => (t as Record<string, string>)[k as string] ?? 'x' }) as Record<string, string>);
      // The strongest victim: a signed-in member of staff, whose cookie the browser would attach.
      const cookie = w.cookieOf(w.who('staff', entry.place));
      for (const f of FORGERIES) {
        const { body, type } = f.body('{"x":1}');
        const res = await w.app.request(url, { method, headers: { ...cookie, ...f.headers, 'content-type': type }, body });
        sent++;
        const code = res.status === 403 ? ((await res.json()) as { error: { code: string } }).error.code : `${res.status}`;
        if (code !== 'cross_origin') wrong.push(`${key} — ${f.name}: ${code}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(sent).toBe(changing.length * FORGERIES.length);
    expect(await fingerprint(w)).toBe(before);
  });

  it('lets the same origin through, and an origin named in ALLOWED_ORIGINS (a proxy that rewrites Host)', async () => {
    const same = await w.app.request('/api/auth/sign-in', { method: 'POST', headers: { origin: 'https://wss.example', host: 'wss.example', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, body: JSON.stringify({ login: 'nobody_x', password: 'x' }) });
    expect(same.status).toBe(401);
    const refused = await w.app.request('/api/auth/sign-in', { method: 'POST', headers: { origin: 'https://wss.example', host: 'internal:4321', 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(403);
    const app = createApp({ ...w.ctx, allowedOrigins: ['https://wss.example'] });
    const allowed = await app.request('/api/auth/sign-in', { method: 'POST', headers: { origin: 'https://wss.example', host: 'internal:4321', 'content-type': 'application/json' }, body: JSON.stringify({ login: 'nobody_x', password: 'x' }) });
    expect(allowed.status).toBe(401);
  });

  it('reading is never blocked: a cross-site GET gets its answer (and can change nothing)', async () => {
    const res = await w.app.request('/api/projects', { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(200);
  });
});
