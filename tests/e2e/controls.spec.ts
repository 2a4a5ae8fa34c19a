/**
 * Shown means permitted: every role of the demo follows the links the site
 * shows it (tests/e2e/pages.ts), and every form a page shows — an enabled
 * submit button — is put to the server's own permission check for that
 * person (POST /api/forms/check, which changes nothing). A page that shows a
 * control its user would be refused, or a new kind of form whose check is
 * not declared (server/services/form-checks.ts), fails here.
 */
import { parseHTML } from 'linkedom';
import { api as client, test, expect } from './helpers.ts';
import { visitAll } from './pages.ts';

/** Signed out, a newcomer, residents, council members, staff, a street and a district officer, an auditor. */
const WHO = [null, 'newcomer', 'resident_lt', 'resident_xh', 'resident_sx', 'council_sx', 'council_xh', 'staff_xh', 'staff_lt', 'staff_sx', 'street_lt', 'officer', 'auditor'] as const;

type Shown = { page: string; action: string; fields: Record<string, string>; button: string };

/** The forms a page shows that post, one per enabled submit button (a form with "save" and "submit" is two). */
function formsOf(path: string, html: string): Shown[] {
  const { document } = parseHTML(html);
  const out: Shown[] = [];
  for (const form of document.querySelectorAll('main form, header form')) {
    if ((form.getAttribute('method') ?? 'get').toLowerCase() !== 'post') continue;
    if (form.closest('fieldset[disabled]')) continue;
    const action = new URL(form.getAttribute('action') || path, `http://x${path}`);
    const hidden: Record<string, string> = {};
    for (const input of form.querySelectorAll('input[type="hidden"][name]')) hidden[input.getAttribute('name')!] = input.getAttribute('value') ?? '';
    const buttons = [...form.querySelectorAll('button:not([type]), button[type="submit"], input[type="submit"]')].filter((b) => !b.hasAttribute('disabled'));
    for (const b of buttons) {
      const fields = { ...hidden };
      if (b.getAttribute('name')) fields[b.getAttribute('name')!] = b.getAttribute('value') ?? '';
      // A select of the use case (a screening decision) is offered whole: each option is a control.
      out.push({ page: path, action: action.pathname + action.search, fields, button: (b.textContent ?? b.getAttribute('value') ?? '').trim() });
    }
  }
  return out;
}

/** A form's kind: where it posts (ids and slugs as `:`) and the field that picks its use case. */
const kindOf = (f: Shown) =>
  `${f.action.replace(/\?.*/, '').replace(/\/(projects|cycles|meetings|staff|delivery)\/(?!rulebooks|import)[^/]+/g, '/$1/:')} ${Object.entries(f.fields).filter(([k]) => ['intent', 'action', 'event'].includes(k)).map(([k, v]) => `${k}=${v}`).join(',')}`.trim();

/**
 * Kinds of form the demo shows someone, so a crawl that stopped reaching
 * them would fail here rather than pass with nothing checked.
 */
const MUST_SEE = [
  '/projects/: event=withdraw',
  '/projects/: intent=comment',
  '/projects/: intent=reply_comment',
  '/projects/: intent=hide_comment',
  '/projects/: intent=rate',
  '/projects/:/council action=objection',
  '/projects/:/council action=opinion',
  '/projects/:/edit intent=submit',
  '/cycles/:/propose intent=submit',
  '/cycles/:/vote',
  '/staff/:/screening action=screen',
  '/staff/:/delivery/: intent=payment',
  '/staff/:/delivery/: intent=finding',
  '/staff/:/phase',
  '/staff/:/paper-ballots',
  '/staff/rulebooks action=create',
];

test('no page shows a control that its user would be refused', async ({ baseURL }) => {
  test.setTimeout(900_000);
  const refused: string[] = [];
  const kinds = new Set<string>();
  let checked = 0;
  for (const who of WHO) {
    const shown: Shown[] = [];
    const api = await visitAll(baseURL!, who, (path, html) => shown.push(...formsOf(path, html)));
    // One check per distinct form (the same language switch is on every page).
    const distinct = [...new Map(shown.map((f) => [`${f.action} ${JSON.stringify(f.fields)}`, f])).values()];
    for (const f of distinct) {
      const { data, error, response } = await client(api).POST('/api/forms/check', { body: { action: f.action, fields: f.fields }, headers: { origin: baseURL! } });
      checked++;
      kinds.add(kindOf(f));
      if (response.status === 200 && data?.allowed === true) continue;
      // Other journeys run alongside and move phases and meetings on: a refusal counts only if the page,
      // read again now, still shows the same control (the page and the server must agree at any one moment).
      const again = await api.get(f.page);
      const stillShown = formsOf(f.page, await again.text()).some((g) => g.action === f.action && JSON.stringify(g.fields) === JSON.stringify(f.fields));
      if (!stillShown) continue;
      const recheck = await client(api).POST('/api/forms/check', { body: { action: f.action, fields: f.fields }, headers: { origin: baseURL! } });
      if (recheck.response.status !== 200 || recheck.data?.allowed !== true) refused.push(`${who ?? 'visitor'} on ${f.page}: 「${f.button}」 → ${f.action} ${JSON.stringify(f.fields)}: ${recheck.data?.reason ?? JSON.stringify(recheck.error ?? recheck.data)} ${recheck.data?.message ?? ''}`);
    }
    await api.dispose();
  }
  expect(checked, 'forms checked').toBeGreaterThan(100);
  expect(MUST_SEE.filter((k) => !kinds.has(k)), 'kinds of form the demo shows').toEqual([]);
  expect(refused).toEqual([]);
});
