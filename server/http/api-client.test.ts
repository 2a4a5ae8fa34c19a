/**
 * The API through a client generated from its own document (issue 23, "done
 * when"): openapi-fetch typed by server/http/api-types.ts, with no type
 * written by hand, against the real app. Its `fetch` is the app's
 * `request`, keeping the session cookie the way a browser would; like any
 * client that is not a browser it sends no Origin (server/http/origin.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { apiClient } from './api-client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: true });
});
afterAll(() => t.close());

/** A `fetch` over `app.request` that keeps cookies (the contract lane checks every request it sends). */
function through(app: TestApp['app']) {
  let cookie = '';
  return async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    const headers = new Headers(req.headers);
    if (cookie) headers.set('cookie', cookie);
    const body = req.body ? await req.text() : undefined;
    const res = await app.request(url.pathname + url.search, { method: req.method, headers, body });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const [name] = pair!.split('=');
      cookie = [...cookie.split('; ').filter((c) => c && !c.startsWith(`${name}=`)), pair!].join('; ');
    }
    return res;
  };
}

describe('a client generated from /api/openapi.json', () => {
  it('signs in, reads a cycle and casts a ballot, with no hand-written type', async () => {
    const api = apiClient({ baseUrl: 'http://localhost', fetch: through(t.app) });

    const signedIn = await api.POST('/api/auth/sign-in', { body: { login: 'resident_xh', password: DEMO_PASSWORD } });
    expect(signedIn.response.status).toBe(200);
    const me = await api.GET('/api/me');
    expect(me.data?.account.username).toBe('resident_xh');

    const cycle = await api.GET('/api/cycles/{id}', { params: { path: { id: 'cy-xianhu-2026' } } });
    expect(cycle.error).toBeUndefined();
    expect(cycle.data).toMatchObject({ id: 'cy-xianhu-2026', phase: 'resident_vote' });

    const ballot = await api.GET('/api/cycles/{id}/ballot', { params: { path: { id: 'cy-xianhu-2026' } } });
    expect(ballot.data?.canCast).toBe(true);
    const choice = ballot.data!.projects.slice(0, 2).map((p) => p.id);
    const cast = await api.POST('/api/cycles/{id}/ballot', { params: { path: { id: 'cy-xianhu-2026' } }, body: { projects: choice } });
    expect(cast.response.status).toBe(201);
    expect(cast.data?.receiptCode).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);

    const again = await api.GET('/api/cycles/{id}/ballot', { params: { path: { id: 'cy-xianhu-2026' } } });
    expect(again.data?.current?.channel).toBe('online');
    expect(again.data?.current?.ballot.projects?.toSorted()).toEqual(choice.toSorted());

    // A refusal comes back typed as the document's Error.
    const refused = await api.POST('/api/cycles/{id}/ballot', { params: { path: { id: 'cy-xianhu-2026' } }, body: { projects: ['no-such-project'] } });
    expect(refused.response.status).toBe(422);
    expect(refused.error?.error.code).toEqual(expect.any(String));
  });

  it('is typed by the document: what the document does not allow does not compile', () => {
    const api = apiClient({ baseUrl: 'http://localhost', fetch: through(t.app) });
    // Never called: these lines exist for `npm run typecheck`, which must refuse each of them.
    const typeChecks = () => [
      // @ts-expect-error a path the API does not have
      api.GET('/api/cycle/{id}', { params: { path: { id: 'x' } } }),
      // @ts-expect-error a ballot is a list of project ids, not one id
      api.POST('/api/cycles/{id}/ballot', { params: { path: { id: 'x' } }, body: { projects: 'x' } }),
      // @ts-expect-error sign-in needs a password
      api.POST('/api/auth/sign-in', { body: { login: 'x' } }),
    ];
    expect(typeof typeChecks).toBe('function');
  });
});
