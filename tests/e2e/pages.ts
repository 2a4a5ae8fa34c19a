/**
 * @module Which pages the site has, for the journeys that visit them all
 * (accessibility.spec.ts, and the headers check in security.spec.ts): the
 * pages found by following links from / as a visitor would, signed out and as
 * each role, plus the few addresses no link leads to (a search's and a
 * filter's results, unknown addresses). The crawl is bounded: pages are told
 * apart by their route pattern (ids replaced, query parameter names kept), a
 * project page also by its state, and by the set of parts its main content
 * shows (its data-testid values), so one page stands for each kind; a role's
 * list holds only the kinds that neither a visitor nor a role before it saw.
 */
import { type APIRequestContext } from '@playwright/test';
import { apiContext, expect } from './helpers.ts';
import { COUNCIL_FIXTURE } from './fixtures/council.ts';

export const hrefs = (html: string, re: RegExp) => [...new Set([...html.matchAll(re)].map((m) => m[1]!.replace(/&amp;/g, '&')))];

export async function html(request: APIRequestContext, path: string): Promise<string> {
  const res = await request.get(path);
  expect(res.status(), path).toBeLessThan(400);
  return res.text();
}

/** A project of 笋西 in public notice, where the demo has residents who may object; not one the council journeys object to or adopt. */
export async function sunxiNotice(request: APIRequestContext): Promise<string> {
  const busy: string[] = [COUNCIL_FIXTURE.toObject.title, COUNCIL_FIXTURE.toAdopt.title];
  const inNoticeSunxi = [...(await html(request, '/projects?state=in_public_notice&community=sunxi')).matchAll(/href="(\/projects\/[A-Z]{4}-[A-Z]{4}-\d{4}-\d+)"[^>]*>([^<]+)</g)]
    .filter((m) => !busy.includes(m[2]!.trim()))
    .map((m) => m[1]!);
  expect(inNoticeSunxi.length, 'a project of 笋西 in public notice').toBeGreaterThan(0);
  return inNoticeSunxi[0]!;
}

/** A page to visit and the status it must answer with. */
type Status = 200 | 403 | 404 | 409;
export type Visit = { path: string; status: Status };

/** The roles whose pages are crawled, in the order their lists are deduplicated. */
export const ROLES = ['resident_lt', 'resident_xh', 'resident_sx', 'newcomer', 'council_sx', 'council_xh', 'staff_lt', 'staff_xh', 'staff_sx', 'officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
/** Each role's own community: its links are followed first, so a site with many communities does not crowd them out. */
const OWN: Partial<Record<Role, string>> = { resident_lt: 'lianhua', resident_xh: 'xianhu', resident_sx: 'sunxi', council_sx: 'sunxi', council_xh: 'xianhu', staff_lt: 'lianhua', staff_xh: 'xianhu', staff_sx: 'sunxi' };

/** Addresses no link leads to: the project list's and the audit log's search and filter forms sent, the list of every meeting, and unknown addresses. */
export const UNLINKED: Visit[] = [
  { path: '/audit?action=project.submit', status: 200 },
  { path: '/meetings', status: 200 },
  { path: '/projects?community=lianhua&state=submitted&sort=cost_desc', status: 200 },
  { path: '/projects?q=%E7%85%A7%E6%98%8E', status: 200 },
  { path: '/projects/NO-SUCH-PROJECT', status: 404 },
  { path: '/no/such/page', status: 404 },
];

/** Not pages: the API, built assets, uploaded files and downloads. */
const NOT_A_PAGE = /^\/(api|_astro|files)\/|\.(svg|png|jpe?g|webp|pdf|csv|json|pb|zip|txt|ico)(\?|$)/;
/** A path segment after one of these is an id or slug, except the static names beside them. */
const ID_AFTER = new Set(['communities', 'cycles', 'meetings', 'projects', 'staff', 'delivery', 'districts', 'streets']);
const STATIC_NAMES = new Set(['rulebooks', 'import', 'security']);
/** How many pages of one route pattern the crawl opens (project pages: enough to meet every state), and keeps per pattern and state. */
const OPEN_PER_PATTERN = 8;
const OPEN_PROJECTS = 100;
const KEEP_PER_KIND = 1;
/**
 * Links known to lead to a page that refuses with its reason: the staff index
 * links every community's paper-proposal form whatever its phase and whoever
 * reads it, and the form answers 409 (wrong phase, outside collection) or 403
 * (a district officer, who may not enter paper forms). Any other link must
 * answer 200.
 */
const REFUSED: Record<string, Status[]> = { '/staff/:/paper-proposal': [403, 409] };

/** The statistics pages of a place and its reports. */
const STATISTICS = /^\/(city|districts|streets)(\/|\?| |$)|^\/communities\/:\/stats/;
/** Query parameters that only reorder a page (a table's sort): the same kind of page. */
const VIEW_ONLY = new Set(['sort', 'dir']);

/** `/projects/SGJD-SXSQ-2026-02/form?x=1&y=2` → `/projects/:/form?x&y`. */
export function routePattern(path: string): string {
  const u = new URL(path, 'http://x');
  const segs = u.pathname.split('/');
  const p = segs.map((s, i) => (i > 0 && ID_AFTER.has(segs[i - 1]!) && !STATIC_NAMES.has(s) ? ':' : s)).join('/');
  const q = [...new Set(u.searchParams.keys())].filter((k) => !VIEW_ONLY.has(k) || p === '/projects').sort().join('&');
  return q ? `${p}?${q}` : p;
}

/** What kind of page this is: its pattern, a project's state, and the parts its main content shows. */
function kindOf(pattern: string, page: string): { kind: string; key: string } {
  const main = page.slice(page.indexOf('<main'), page.lastIndexOf('</main>'));
  const state = /data-testid="project-state"[^>]*>([^<]+)</.exec(main)?.[1] ?? '';
  const parts = [...new Set([...main.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]!))].sort();
  const kind = `${pattern} ${state}`;
  // Statistics pages and reports are one kind per route pattern: their parts vary with the figures (a chart, a flag),
  // not with who reads them, and each is a large page; one of each is checked.
  if (STATISTICS.test(pattern)) return { kind, key: kind };
  return { kind, key: `${kind} ${parts.join(',')}` };
}

/**
 * Follow every link from / breadth first (as `api`, signed in or not), and
 * return the pages of each kind not in `seen` (at most KEEP_PER_KIND per
 * pattern and state), in the order found, adding their keys to `seen`. Every
 * page a link leads to must answer 200 (or its known refusal) with HTML.
 */
async function crawl(api: APIRequestContext, keys: Set<string>, own?: string, onPage?: (path: string, html: string) => void): Promise<Visit[]> {
  const opened = new Map<string, number>();
  const kept = new Map<string, number>();
  const found: Visit[] = [];
  const queue: { path: string; from: string }[] = [{ path: '/', from: '(start)' }];
  const queued = new Set(['/']);
  while (queue.length) {
    const { path, from } = queue.shift()!;
    const pattern = routePattern(path);
    const n = opened.get(pattern) ?? 0;
    if (n >= (pattern === '/projects/:' ? OPEN_PROJECTS : OPEN_PER_PATTERN)) continue;
    opened.set(pattern, n + 1);
    const res = await api.get(path);
    const status = res.status() as Status;
    expect([200, ...(REFUSED[pattern] ?? [])], `${path}, linked from ${from}`).toContain(status);
    expect(res.headers()['content-type'], `${path}, linked from ${from}`).toMatch(/^text\/html/);
    const page = await res.text();
    const url = new URL(res.url());
    const at = url.pathname + url.search;
    onPage?.(at, page);
    const { kind, key } = kindOf(`${routePattern(at)} ${status}`, page);
    if (!keys.has(key) && (kept.get(kind) ?? 0) < KEEP_PER_KIND) {
      keys.add(key);
      kept.set(kind, (kept.get(kind) ?? 0) + 1);
      found.push({ path: at, status });
    }
    for (const m of page.matchAll(/<a\b[^>]*?\shref="(\/[^"#]*)/g)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      if (href.startsWith('//') || NOT_A_PAGE.test(href) || queued.has(href)) continue;
      queued.add(href);
      // The role's own community's pages (and the cycles, meetings and staff pages linked from them) go first.
      const mine = own !== undefined && (href.includes(own) || (at.includes(own) && /^\/(cycles|meetings|staff)\//.test(href)));
      if (mine) queue.unshift({ path: href, from: at });
      else queue.push({ path: href, from: at });
    }
  }
  return found;
}

/**
 * Every page a person reaches by following links from / (signed in as
 * `who`, or signed out), within the crawl's bounds: `onPage` sees each one
 * opened, whatever its kind; the signed-in context is returned (the caller
 * disposes of it). For checks that look at what each page offers
 * its reader (the forms shown), not only at one page of each kind.
 */
export async function visitAll(baseURL: string, who: string | null, onPage: (path: string, html: string) => void): Promise<APIRequestContext> {
  const api = await apiContext(baseURL, who);
  await crawl(api, new Set(), who ? OWN[who as Role] : undefined, onPage);
  return api;
}

export type SiteMap = { visitor: Visit[]; roles: Record<Role, Visit[]> };

let siteMapOnce: Promise<SiteMap> | undefined;

/**
 * The pages to check: a visitor's (crawled, plus UNLINKED), and each role's
 * that no visitor and no role before it in ROLES saw (crawled, plus its home
 * page with the signed-in header). Crawled once per worker.
 */
export function siteMap(baseURL: string): Promise<SiteMap> {
  siteMapOnce ??= (async () => {
    const seen = new Set<string>();
    const visitor = await apiContext(baseURL, null);
    const pages = await crawl(visitor, seen);
    await visitor.dispose();
    const roles = {} as Record<Role, Visit[]>;
    for (const who of ROLES) {
      const api = await apiContext(baseURL, who);
      const found = await crawl(api, seen, OWN[who]);
      await api.dispose();
      roles[who] = [{ path: '/', status: 200 }, ...found.filter((p) => p.path !== '/')];
    }
    return { visitor: [...pages, ...UNLINKED], roles };
  })();
  return siteMapOnce;
}
