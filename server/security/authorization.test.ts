/**
 * The authorisation matrix: every route of the API (read from the app's own
 * route table and OpenAPI document) × every role, against the expectations
 * in access-table.ts. A route without an entry, or an entry without a route,
 * fails the first test; a role that gets in where it should not (or is kept
 * out where it should get in) fails that route's test, which prints the
 * whole row: expected vs actual, with status and error code.
 *
 * Then every route that changes something and that only some people may use
 * is asked again by people of other communities, streets and districts, with
 * its subject in each state the table names (ready, and states that refuse
 * the step even to those allowed): always 403, always for the same reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, fillPath, type Outcome } from '#tests/security/access-table.ts';
import { buildTemplate, openWorld, OUTSIDERS, ROLES, type Role, type Template, type World } from '#tests/security/world.ts';

let template: Template;
beforeAll(async () => {
  template = await buildTemplate();
}, 120_000);
afterAll(() => template?.close());

/** "METHOD /api/path/{param}" for every route the app answers, from Hono's router and the OpenAPI document. */
async function routeKeys(): Promise<{ fromRouter: string[]; fromOpenApi: string[] }> {
  const w = await openWorld(template);
  try {
    const fromRouter = [
      ...new Set(
        w.app.routes
          .filter((r) => r.method !== 'ALL')
          .map((r) => `${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`),
      ),
    ].sort();
    const doc = (await (await w.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const fromOpenApi = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    // Not operations: the document itself, and the reference page that shows it with its script (server/http/api-docs-page.ts).
    const NOT_OPERATIONS = ['GET /api/openapi.json', 'GET /api/docs', 'GET /api/docs/reference.js'];
    return { fromRouter: fromRouter.filter((k) => !NOT_OPERATIONS.includes(k)), fromOpenApi };
  } finally {
    w.close();
  }
}

/** Status and error code of an answer. */
async function answerOf(res: Response): Promise<{ status: number; code: string }> {
  const text = await res.text();
  let code = '';
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? '';
  } catch {}
  return { status: res.status, code };
}

/** Routes that change something and that only some people may use (a resident of another community is refused). */
const GUARDED = Object.entries(ACCESS).filter(([key, e]) => !key.startsWith('GET ') && e.expect.other === 403);

/** Who, among those allowed, shows that a state refuses the step to everyone. */
const INSIDER_ORDER: Role[] = ['staff', 'officer', 'auditor', 'council', 'resident'];

const outcomeOf = (status: number): Outcome | `error ${number}` => (status === 401 || status === 403 || status === 404 ? status : status >= 500 ? `error ${status}` : 'allow');

describe('the authorisation matrix', () => {
  it('covers every route of the API, and only routes that exist', async () => {
    const { fromRouter, fromOpenApi } = await routeKeys();
    // Every handler is documented, and the table names exactly the documented routes.
    expect({ undocumented: fromRouter.filter((k) => !fromOpenApi.includes(k)), documentedOnly: fromOpenApi.filter((k) => !fromRouter.includes(k)) }).toEqual({ undocumented: [], documentedOnly: [] });
    const table = Object.keys(ACCESS).sort();
    expect({ missingFromTable: fromOpenApi.filter((k) => !table.includes(k)), notARoute: table.filter((k) => !fromOpenApi.includes(k)) }).toEqual({ missingFromTable: [], notARoute: [] });
    expect(fromOpenApi.length * ROLES.length).toBeGreaterThanOrEqual(80 * 7);
  });

  for (const [key, entry] of Object.entries(ACCESS)) {
    it(`${key}: ${describeRow(entry.expect)}`, async () => {
      const [method, path] = key.split(' ') as [string, string];
      const w = await openWorld(template);
      try {
        const params = { ...(entry.params ?? {}), ...(entry.setup ? await entry.setup(w) : {}) };
        const url = fillPath(path, params);
        // Those who must be kept out go first, so nobody's success changes the state they are judged in.
        const order = [...ROLES].sort((a, b) => Number(entry.expect[a] === 'allow') - Number(entry.expect[b] === 'allow'));
        const wrong: string[] = [];
        const succeeded: string[] = [];
        for (const role of order) {
          const username = w.who(role, entry.place);
          const body = typeof entry.body === 'function' ? await (entry.body as (...a: unknown[]) => unknown)(w, params, username) : entry.body;
          const { status, code } = await answerOf(await w.request(method, url, username, body, entry.headers?.(role) ?? {}));
          const got = outcomeOf(status);
          if (status < 300) succeeded.push(role);
          if (got !== entry.expect[role]) wrong.push(`${role} (${username ?? 'anonymous'}): expected ${entry.expect[role]}, got ${status} ${code}`.trim());
        }
        expect(wrong).toEqual([]);
        // The request itself is right (a real object, a valid body): someone allowed gets it done.
        if (!entry.noSuccess) expect(succeeded, 'no role succeeded').not.toEqual([]);
      } finally {
        w.close();
      }
    });
  }

  it('an out-of-scope user gets 403 whatever the state', async () => {
    const wrong: string[] = [];
    for (const [key, entry] of GUARDED) {
      if (!entry.refusedStates?.length && !entry.stateless) {
        wrong.push(`${key}: names no state that refuses the step (refusedStates), nor why none does (stateless)`);
        continue;
      }
      const [method, path] = key.split(' ') as [string, string];
      const insider = INSIDER_ORDER.find((r) => entry.expect[r] === 'allow')!;
      const states = [{ what: 'ready', setup: entry.setup, refused: false }, ...(entry.refusedStates ?? []).map((s) => ({ ...s, refused: true }))];
      /** Each outsider's first answer, which every other state must repeat. */
      const first = new Map<string, string>();
      for (const state of states) {
        const w = await openWorld(template);
        try {
          const params = { ...(entry.params ?? {}), ...(state.setup ? await state.setup(w) : {}) };
          const url = fillPath(path, params);
          const ask = async (w: World, username: string | null) => {
            const body = typeof entry.body === 'function' ? await (entry.body as (...a: unknown[]) => unknown)(w, params, username) : entry.body;
            return answerOf(await w.request(method, url, username, body));
          };
          for (const [who, username] of [['a visitor who is not signed in', null] as const, ...Object.entries(OUTSIDERS[entry.place])]) {
            const { status, code } = await ask(w, username);
            const want = username === null ? 401 : 403;
            const got = `${status} ${code}`;
            if (status !== want) wrong.push(`${key}, ${state.what}: ${who} (${username ?? '-'}) got ${got}, not ${want}`);
            else if (first.has(who) && first.get(who) !== got) wrong.push(`${key}: ${who} (${username}) got ${first.get(who)} when ready, but ${got} when ${state.what}`);
            if (!first.has(who)) first.set(who, got);
          }
          if (state.refused) {
            // The state does refuse the step: even someone allowed is told so.
            const { status, code } = await ask(w, w.who(insider, entry.place));
            if (status !== 409 && status !== 422) wrong.push(`${key}, ${state.what}: ${insider} got ${status} ${code}; this state should refuse even them (409/422)`);
          }
        } finally {
          w.close();
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);
});

function describeRow(e: Record<Role, Outcome>): string {
  const allowed = ROLES.filter((r) => e[r] === 'allow');
  if (allowed.length === ROLES.length) return 'anyone';
  const denied = ROLES.filter((r) => e[r] !== 'allow').map((r) => `${r} ${e[r]}`);
  return `${allowed.join(', ') || 'nobody'} allowed; ${denied.join(', ')}`;
}
