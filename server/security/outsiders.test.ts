/**
 * People who hold the very role a route needs, only over another place: staff
 * of another community, officers of another street or district, council
 * members of another council. For every route of the API that such a role may
 * use over its own place — reads of staff-only data as well as changes — each
 * of them is refused with 403 and a reason code about who they are, and the
 * database is unchanged, row for row. The routes come from access-table.ts,
 * which the authorisation matrix keeps in step with the app's own route
 * table, so a new route cannot be missed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, fillPath } from '#tests/security/access-table.ts';
import { buildTemplate, fingerprint, openWorld, OUTSIDERS, type Role, type Template } from '#tests/security/world.ts';

let template: Template;
beforeAll(async () => {
  template = await buildTemplate();
}, 120_000);
afterAll(() => template?.close());

/** Reason codes that are about the person (not the thing asked about). */
const ABOUT_THE_PERSON = new Set(['not_in_community', 'role_required', 'not_resident_of_community', 'scope_too_narrow', 'not_a_member']);

/** Who stands in for a role, over another place. */
const STAND_INS: { role: Role; who: string[]; title: string }[] = [
  { role: 'staff', who: ['staff of another community'], title: 'staff of another community are refused on every staff route' },
  { role: 'officer', who: ['an officer of another street', 'an officer of another district'], title: 'officers of another street or district are refused on every officer route' },
  { role: 'council', who: ['a council member of another community'], title: 'council members of another council are refused on every council route' },
  { role: 'auditor', who: ['an auditor of another district'], title: 'auditors of another district are refused on every auditor route' },
];

async function refusals(role: Role, who: readonly string[]): Promise<{ asked: number; wrong: string[] }> {
  const wrong: string[] = [];
  let asked = 0;
  // Routes this role may use over its own place, that are not open to everyone signed in.
  const routes = Object.entries(ACCESS).filter(([, e]) => e.expect[role] === 'allow' && e.expect.other !== 'allow');
  for (const [key, entry] of routes) {
    const [method, path] = key.split(' ') as [string, string];
    for (const label of who) {
      const username = OUTSIDERS[entry.place][label]!;
      const w = await openWorld(template);
      try {
        const params = { ...(entry.params ?? {}), ...(entry.setup ? await entry.setup(w) : {}) };
        const body = typeof entry.body === 'function' ? await (entry.body as (...a: unknown[]) => unknown)(w, params, username) : entry.body;
        const before = await fingerprint(w);
        const res = await w.request(method, fillPath(path, params), username, body);
        const text = await res.text();
        let code = '';
        try {
          code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? '';
        } catch {}
        asked++;
        if (res.status !== 403 || !ABOUT_THE_PERSON.has(code)) wrong.push(`${key}: ${label} (${username}) got ${res.status} ${code || text.slice(0, 80)}`);
        if ((await fingerprint(w)) !== before) wrong.push(`${key}: ${label} (${username}) changed the database`);
      } finally {
        w.close();
      }
    }
  }
  return { asked, wrong };
}

describe('people holding a role over another place', () => {
  for (const { role, who, title } of STAND_INS) {
    it(title, async () => {
      const { asked, wrong } = await refusals(role, who);
      expect(wrong).toEqual([]);
      // The table really holds such routes (35 staff routes when this was written).
      expect(asked).toBeGreaterThan(role === 'staff' ? 30 : 0);
    }, 600_000);
  }
});
