/**
 * Every answer of the API, errors included, says `nosniff` (a JSON body or an
 * upload is never run as a script or page) and a referrer policy. The pages'
 * side, with their Content-Security-Policy, is in tests/e2e/security.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, testApp } from '#tests/fixtures.ts';
import { API_BODY_LIMIT } from '../app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ seed: true });
});
afterAll(() => t.close());

describe('security headers on the API', () => {
  it('every API answer, errors included, says nosniff and same-origin referrer policy', async () => {
    const c = client(t.app);
    const answers: [string, Response][] = [
      ['health', await c.get('/api/health')],
      ['a list', await c.get('/api/projects')],
      ['the API document', await c.get('/api/openapi.json')],
      ['an unknown address (404)', await c.get('/api/no-such-thing')],
      ['a bad filter (400)', await c.get('/api/projects?state=flying')],
      ['signed out (401)', await c.get('/api/me')],
      ['malformed JSON (400)', await c.post('/api/auth/sign-in', '{"login":')],
      ['a cross-site post (403)', await c.post('/api/auth/sign-in', { login: 'x', password: 'y' }, { origin: 'https://evil.example' })],
      ['a body too large (413)', await c.post('/api/auth/sign-in', { login: 'x'.repeat(API_BODY_LIMIT), password: 'y' })],
    ];
    expect(answers.map(([, res]) => res.status)).toEqual([200, 200, 200, 404, 400, 401, 400, 403, 413]);
    for (const [what, res] of answers) {
      expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), what).toBe('same-origin');
    }
  });
});
