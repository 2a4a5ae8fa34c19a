/**
 * Every page and every API read, on a generated city, through indexes (issue
 * 18): the production build serves a small generated city
 * (`generateCity`, 20 communities, two years, with ANALYZE's statistics as the
 * generator leaves them) through scripts/plan-server.ts, which writes down
 * each distinct SQL statement the server runs. Each kind of page is asked
 * for, one at a time, as the visitor it is for (anonymous, a resident of an
 * open vote, a community's staff, a street and a district officer, an
 * auditor), and every GET operation of the API document likewise; then each
 * statement a page or route ran is asked `EXPLAIN QUERY PLAN` on the same
 * file, and none may read a whole large table (db/query-plan.ts). Statements
 * are caught from the server, not copied here, and the page list is checked
 * against src/pages and the API document: a new page or route without a
 * request here fails the test, and so does its new query that scans.
 */
import { expect, test } from './helpers.ts';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'libsql';
import { generateCity } from '#db/city.ts';
import { fullScans, partialIndexes, scaleStatistics, type Statement } from '#db/query-plan.ts';
import { createContext } from '#server/context.ts';
import { parseEnv } from '#server/env.ts';
import { createSession, SESSION_COOKIE } from '#server/auth/sessions.ts';
import { DATASETS } from '#services/open-data.ts';
import { ensureBuild, freePort, startProcess, tempDir, distDir, ROOT, type Started } from '#bench/lib/server.ts';

test.describe.configure({ mode: 'serial', timeout: 600_000 });

type Row = Record<string, unknown>;
type Conn = { prepare(sql: string): { all(...a: unknown[]): Row[]; get(...a: unknown[]): Row | undefined }; close(): void };
type Visit = { path: string; as: Who; status?: number[] };
type Who = 'anon' | 'resident' | 'voter' | 'staff' | 'street' | 'district' | 'auditor';

/** Pages that read nothing of the city (or only what the layout reads on every page), or answer only a POST. */
const NO_CITY_READS = new Set([
  '404',
  '500',
  '[...missing]',
  'privacy',
  'signin',
  'signup',
  'signout',
  'lang',
  'display',
  'account/closed',
  'audit/spec',
  'api/[...path]',
  'staff/[slug]/phase',
  'staff/phase-requests/[id]',
]);

let dir: string;
let file: string;
let site: Started | null = null;
let log: string;
const ran = new Map<string, { statement: Statement; by: string }>();
const answered: { path: string; as: Who; status: number }[] = [];

test.afterAll(async () => {
  await site?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('every page and API read of a generated city goes through an index', async () => {
  ensureBuild();
  dir = tempDir('wss-query-plans-');
  file = join(dir, 'city.db');
  log = join(dir, 'plans.jsonl');
  await generateCity(file, { communities: 20, years: 2 });
  // The planner as on the 800-community city (db/query-plan.ts): its statistics, forty times these.
  const w = new Database(file) as unknown as Parameters<typeof scaleStatistics>[0] & { close(): void };
  scaleStatistics(w, 40);
  w.close();

  // --- what is in it -----------------------------------------------------------------------------
  const sq = new Database(file, { readonly: true }) as unknown as Conn;
  const one = (sql: string) => {
    const r = sq.prepare(sql).get();
    return r ? String(Object.values(r)[0]) : null;
  };
  const community = one('select slug from communities order by id limit 1 offset 3')!;
  const street = one('select lower(code) from streets order by id limit 1')!;
  const district = one('select lower(code) from districts order by id limit 1')!;
  const districtId = one('select id from districts order by id limit 1')!;
  const year = one('select min(year) from cycles')!;
  // A community with delivered projects, and its staff.
  const delivered = one("select code from projects where state in ('in_progress', 'accepted', 'archived') order by id limit 1")!;
  const staff = sq
    .prepare("select c.slug slug, c.id cid, ra.account_id id from projects p join cycles cy on cy.id = p.cycle_id join communities c on c.id = cy.community_id join role_assignments ra on ra.scope_id = c.id and ra.role = 'staff' where p.code = ? limit 1")
    .get(delivered)!;
  const slug = String(staff.slug);
  const cid = String(staff.cid);
  const ofCommunity = (sql: string) => {
    const r = sq.prepare(sql).get(cid);
    return r ? String(Object.values(r)[0]) : null;
  };
  const cycleIn = (phase: string) => one(`select id from cycles where open_phase = '${phase}' order by id limit 1`);
  const closedCycle = ofCommunity("select id from cycles where community_id = ? and open_phase = 'closed' order by year limit 1") ?? cycleIn('closed')!;
  const openCycle = ofCommunity("select id from cycles where community_id = ? order by year desc limit 1")!;
  const voteCycle = cycleIn('resident_vote')!;
  const collectionCycle = cycleIn('collection');
  const meeting = ofCommunity('select m.id from meetings m join cycles c on c.id = m.cycle_id where c.community_id = ? order by m.id limit 1') ?? one('select id from meetings order by id limit 1')!;
  const voter = sq.prepare("select r.claimed_by_account_id account from register_entries r join cycles cy on cy.community_id = r.community_id and cy.id = ? where r.claimed_by_account_id is not null order by r.id limit 1").get(voteCycle)!;
  const streetOfficer = one("select account_id from role_assignments where role = 'officer' and scope_kind = 'street' order by account_id limit 1")!;
  const districtOfficer = one("select account_id from role_assignments where role = 'officer' and scope_kind = 'district' order by account_id limit 1")!;
  const auditor = one("select account_id from role_assignments where role = 'auditor' order by account_id limit 1")!;
  const receipt = one('select receipt_code from ballots order by id limit 1')!;
  const ids: Record<string, string | null> = {
    comment: one('select id from comments order by id limit 1'),
    term: ofCommunity('select id from council_terms where community_id = ? order by id limit 1'),
    rulebook: one('select id from rulebooks order by id limit 1'),
    attachment: one('select id from attachments order by id limit 1'),
    phaseRequest: one('select id from phase_change_requests order by id limit 1'),
    ballotImport: one('select id from ballot_imports order by id limit 1'),
    objection: one('select id from objections order by id limit 1'),
    agendaItem: one('select id from agenda_items order by id limit 1'),
  };
  // A project in each state.
  const projectsByState = sq.prepare('select min(code) code from projects group by state order by state').all().map((r) => String(r.code));
  sq.close();

  // --- sessions, made in the database (as bench/city.ts does) ------------------------------------------
  const ctx = await createContext(parseEnv({ DATABASE_URL: `file:${file}`, NODE_ENV: 'production' }));
  const now = new Date();
  const cookie = async (accountId: string) => `${SESSION_COOKIE}=${(await createSession(ctx.database, accountId, now)).token}`;
  const cookies: Record<Who, string | undefined> = {
    anon: undefined,
    resident: await cookie(String(voter.account)),
    voter: await cookie(String(voter.account)),
    staff: await cookie(String(staff.id)),
    street: await cookie(streetOfficer),
    district: await cookie(districtOfficer),
    auditor: await cookie(auditor),
  };
  ctx.database.close();

  // --- serve it, writing down every statement ----------------------------------------------------------
  const port = await freePort();
  site = await startProcess({
    script: join(ROOT, 'scripts/plan-server.ts'),
    port,
    healthPath: '/api/health',
    startTimeoutMs: 180_000,
    env: { DATABASE_URL: `file:${file}`, SEED_DEMO: '0', NODE_ENV: 'production', WSS_DIST_DIR: distDir(), PLAN_LOG: log, LOG_LEVEL: 'silent' },
  });
  let read = 0;
  /** The statements written down since the last call, put down to `by`. */
  const take = (by: string) => {
    const text = readFileSync(log, 'utf8');
    for (const line of text.slice(read).split('\n').filter(Boolean)) {
      const { sql, args } = JSON.parse(line) as { sql: string; args: Statement['params'] };
      if (!ran.has(sql)) ran.set(sql, { statement: { sql, params: args }, by });
    }
    read = text.length;
  };
  take('start-up');
  const visit = async (v: Visit) => {
    const res = await fetch(site!.url + v.path, { headers: v.as === 'anon' ? {} : { cookie: cookies[v.as]! }, redirect: 'manual' });
    await res.arrayBuffer();
    answered.push({ path: v.path, as: v.as, status: res.status });
    take(`${v.path} (${v.as})`);
    return res.status;
  };

  const wrongStatus: string[] = [];
  // --- the pages -------------------------------------------------------------------------------------
  const enc = encodeURIComponent;
  const pages: Visit[] = [
    { path: '/', as: 'anon' },
    { path: '/', as: 'resident' },
    { path: '/projects', as: 'anon' },
    { path: `/projects?q=${enc('照明')}`, as: 'anon' },
    { path: `/projects?state=in_progress&community=${community}`, as: 'anon' },
    { path: '/projects?state=accepted&category=engineering&theme=safety', as: 'anon' },
    { path: '/projects?sort=votes&page=3', as: 'anon' },
    { path: '/projects?sort=cost_desc&page=40', as: 'anon' },
    { path: `/projects/${delivered}`, as: 'anon' },
    { path: `/projects/${delivered}`, as: 'resident' },
    ...projectsByState.map((c) => ({ path: `/projects/${c}`, as: 'anon' as Who, status: [200, 404] })),
    { path: `/projects/${delivered}/agreement`, as: 'anon' },
    { path: `/projects/${delivered}/council`, as: 'anon', status: [200, 301, 302, 303, 307, 308, 404] },
    { path: `/projects/${delivered}/notice`, as: 'anon', status: [200, 404] },
    { path: `/projects/${delivered}/form`, as: 'anon', status: [200, 404] },
    { path: `/projects/${delivered}/edit`, as: 'resident', status: [200, 302, 303, 403, 404] },
    { path: `/communities/${community}`, as: 'anon' },
    { path: `/communities/${community}/council`, as: 'anon' },
    { path: `/communities/${community}/stats`, as: 'anon' },
    { path: `/streets/${street}`, as: 'anon' },
    { path: `/streets/${street}?year=${year}`, as: 'anon' },
    { path: `/streets/${street}/report?year=${year}`, as: 'anon' },
    { path: `/districts/${district}`, as: 'anon' },
    { path: `/districts/${district}/report?year=${year}`, as: 'anon' },
    { path: '/city', as: 'anon' },
    { path: `/city?year=${year}`, as: 'anon' },
    { path: `/city/report?year=${year}`, as: 'anon' },
    { path: `/cycles/${closedCycle}/results`, as: 'anon' },
    { path: `/cycles/${closedCycle}/money`, as: 'anon' },
    { path: `/cycles/${openCycle}/money`, as: 'anon' },
    { path: `/cycles/${voteCycle}/vote`, as: 'voter' },
    ...(collectionCycle ? [{ path: `/cycles/${collectionCycle}/propose`, as: 'resident' as Who, status: [200, 403] }] : []),
    { path: '/tracker', as: 'anon' },
    { path: '/tracker?page=2', as: 'anon' },
    { path: `/tracker?community=${community}&state=in_progress`, as: 'anon' },
    { path: '/audit', as: 'anon' },
    { path: '/audit?action=ballot.cast', as: 'anon' },
    { path: `/audit?subject=${delivered}`, as: 'anon' },
    { path: '/audit?type=project&before=200', as: 'anon' },
    { path: '/audit?after=100', as: 'anon' },
    { path: '/audit/verify', as: 'anon' },
    { path: '/open-data', as: 'anon' },
    { path: '/meetings', as: 'anon' },
    { path: `/meetings?community=${community}`, as: 'anon' },
    { path: `/meetings/${meeting}`, as: 'anon' },
    { path: '/receipts', as: 'anon' },
    { path: '/verify', as: 'resident', status: [200, 302, 303] },
    { path: '/account', as: 'resident' },
    { path: '/account/data', as: 'resident' },
    { path: '/notifications', as: 'resident' },
    { path: '/todo', as: 'staff' },
    { path: '/todo', as: 'street' },
    { path: '/todo', as: 'auditor' },
    { path: '/staff', as: 'street' },
    { path: '/staff', as: 'district' },
    { path: '/staff', as: 'auditor', status: [200, 302, 303, 403] },
    { path: `/staff/rulebooks?district=${districtId}`, as: 'district', status: [200, 403] },
    { path: '/staff/security', as: 'district', status: [200, 403] },
    { path: '/staff/security.csv', as: 'district', status: [200, 403] },
    { path: `/staff/${slug}`, as: 'staff' },
    { path: `/staff/${slug}/screening`, as: 'staff' },
    { path: `/staff/${slug}/council`, as: 'staff' },
    { path: `/staff/${slug}/delivery`, as: 'staff' },
    { path: `/staff/${slug}/delivery?page=2`, as: 'staff' },
    { path: `/staff/${slug}/delivery/${delivered}`, as: 'staff' },
    { path: `/staff/${slug}/delivery/import`, as: 'staff' },
    { path: `/staff/${slug}/meetings`, as: 'staff' },
    { path: `/staff/${slug}/meetings/${meeting}`, as: 'staff', status: [200, 404] },
    { path: `/staff/${slug}/paper-ballots`, as: 'staff' },
    { path: `/staff/${slug}/paper-proposal`, as: 'staff', status: [200, 409] },
    { path: `/staff/${slug}/slips`, as: 'staff' },
    { path: `/staff/${slug}/slips?all=1`, as: 'staff' },
  ];
  for (const p of pages) {
    const status = await visit(p);
    if (!(p.status ?? [200]).includes(status)) wrongStatus.push(`${p.path} as ${p.as}: ${status}`);
  }

  // Every page of src/pages was asked for.
  const routes: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const f = join(d, name);
      if (statSync(f).isDirectory()) walk(f);
      else if (/\.(astro|ts)$/.test(name)) routes.push(relative(join(ROOT, 'src/pages'), f).replace(/\.(astro|ts)$/, '').replace(/\/index$|^index$/, ''));
    }
  };
  walk(join(ROOT, 'src/pages'));
  const asked = pages.map((p) => p.path.split('?')[0]!);
  const missing = routes
    .filter((r) => !NO_CITY_READS.has(r))
    .filter((r) => {
      const re = new RegExp(`^/${r.replace(/\[\.\.\.[^\]]+\]/g, '.*').replace(/\[[^\]]+\]/g, '[^/]+')}$`);
      return !asked.some((p) => re.test(p));
    });
  expect(missing, 'pages of src/pages that this test does not ask for').toEqual([]);

  // --- the API: every GET operation of its document, as each kind of visitor --------------------------
  const doc = (await (await fetch(`${site.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const values: Record<string, string | null> = {
    slug: community,
    code: delivered,
    file: `${DATASETS[0]}.csv`,
    attachmentId: ids.attachment,
    itemId: ids.agendaItem,
  };
  const idFor = (path: string): string | null => {
    if (path.startsWith('/api/cycles/')) return closedCycle;
    if (path.startsWith('/api/meetings/')) return meeting;
    if (path.startsWith('/api/comments/')) return ids.comment;
    if (path.startsWith('/api/council-terms/')) return ids.term;
    if (path.startsWith('/api/rulebooks/')) return ids.rulebook;
    if (path.startsWith('/api/districts/')) return districtId;
    if (path.startsWith('/api/attachments/')) return ids.attachment;
    if (path.startsWith('/api/phase-requests/')) return ids.phaseRequest;
    if (path.startsWith('/api/ballot-imports/')) return ids.ballotImport;
    if (path.startsWith('/api/objections/')) return ids.objection;
    return null;
  };
  const apiVisits: Visit[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!('get' in ops)) continue;
    let filled = path;
    for (const m of path.matchAll(/\{([a-zA-Z]+)\}/g)) {
      const name = m[1]!;
      let v = name === 'id' ? idFor(path) : name === 'slug' && path.includes('/districts/') ? district : name === 'slug' && path.includes('/streets/') ? street : (values[name] ?? null);
      if (path === '/api/receipts/{code}') v = receipt;
      // No row of that kind in the generated city: the route's not-found answer still runs its reads.
      if (v === null) {
        v = 'nothing-here';
      }
      filled = filled.replace(m[0], enc(v));
    }
    for (const as of ['anon', 'resident', 'staff', 'district', 'auditor'] as Who[]) apiVisits.push({ path: filled, as });
  }
  const query: Visit[] = [
    { path: `/api/projects?q=${enc('照明')}`, as: 'anon' },
    { path: `/api/projects?state=in_progress&community=${community}`, as: 'anon' },
    { path: '/api/projects?page=30', as: 'anon' },
    { path: '/api/audit?action=ballot.cast', as: 'anon' },
    { path: `/api/audit?subject=${delivered}`, as: 'anon' },
    { path: '/api/tracker?page=2', as: 'anon' },
    { path: `/api/tracker?community=${community}`, as: 'anon' },
    { path: `/api/stats/city?year=${year}`, as: 'anon' },
    { path: `/api/stats/communities/${community}?format=csv`, as: 'anon' },
    ...DATASETS.flatMap((d) => [`/api/open-data/${d}.csv`, `/api/open-data/${d}.json`]).map((path) => ({ path, as: 'anon' as Who })),
  ];
  for (const v of [...apiVisits, ...query]) {
    const status = await visit(v);
    if (status >= 500) wrongStatus.push(`${v.path} as ${v.as}: ${status}`);
  }
  expect(apiVisits.length, 'GET operations of the API document').toBeGreaterThan(40);

  // --- the plans -------------------------------------------------------------------------------------
  const conn = new Database(file, { readonly: true }) as unknown as Conn;
  const explain = (s: Statement) => conn.prepare(`explain query plan ${s.sql}`).all(...(Array.isArray(s.params) ? s.params : [s.params])).map((r) => String(r.detail));
  const partial = partialIndexes(conn as unknown as Parameters<typeof partialIndexes>[0]);
  const bad: string[] = [];
  let reads = 0;
  for (const { statement, by } of ran.values()) {
    if (!/^\s*(select|with)\b/i.test(statement.sql)) continue;
    reads++;
    // An open-data download is the whole city's dataset, streamed in order (by code, by id): its walk over the
    // dataset's table is the point. Its other reads (names, lists for a page of rows) are held to the rule.
    const download = /^\/api\/open-data\/[a-z-]+\.(csv|json) /.test(by);
    for (const line of await fullScans(explain, statement, undefined, partial)) {
      if (download && /^SCAN \S+ USING (COVERING )?INDEX/.test(line) && /\border by\b/i.test(statement.sql)) continue;
      bad.push(`${by}: ${line} in ${statement.sql.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
  }
  conn.close();
  console.log(`query plans: pages ${pages.length}, API requests ${apiVisits.length + query.length}, distinct statements ${ran.size}, reads ${reads}, full scans ${bad.length}`);
  expect(reads).toBeGreaterThan(100);
  expect(bad).toEqual([]);
  expect(wrongStatus, 'pages and routes that did not answer as expected').toEqual([]);
});
