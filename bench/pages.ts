/**
 * Page benchmark: the production build (WSS_DIST_DIR, default dist/) on the
 * demo data with 莲花社区's 2026 cycle scaled up to 1,000 projects. For each
 * public page: the JavaScript it ships (gzip), everything a first visit
 * downloads (as served), and the server's render time (median and p95 of 50
 * requests, one at a time, the pages taken in turn). Also the two pages that
 * exist for a signed-in resident: the ballot and the proposal form.
 *
 *   npm run bench:pages            (builds first)
 *   node bench/pages.ts            (an existing build; BENCH_PORT, default 4467)
 *
 * The last line sums it up:
 *   js-read       the most JavaScript any page ships to someone who only reads (every signed-out page)
 *   js-ballot     the JavaScript of the ballot, for a resident who can vote
 *   list-transfer the heaviest first visit among the pages that list the 1,000-project cycle
 *                 (/projects, /projects?community=…, /communities/…)
 *   render-*      the slowest page's median and the slowest page's p95
 */
import { cpus, loadavg } from 'node:os';
import { closeAgent, get, pageCost, renderTimes, type PageCost } from './lib-pages/measure.ts';
import { signInCookie, startBenchServer } from './lib-pages/server.ts';
import { BENCH_COMMUNITY, BENCH_CYCLE } from './lib-pages/seed.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4467);
const N = Number(process.env.BENCH_REQUESTS ?? 50);
const log = (s: string) => console.log(s);

type Row = { name: string; path: string; who?: string; kind: 'read' | 'list' | 'ballot' | 'form'; cost?: PageCost; median?: number; p95?: number };

const server = await startBenchServer(PORT, log);
try {
  const base = server.base;
  // A project of the big cycle, found as a visitor would: the first card of its list.
  const list = (await get(`${base}/projects?community=${BENCH_COMMUNITY}`)).body.toString('utf8');
  const benchProject = /href="(\/projects\/[A-Z]{4}-[A-Z]{4}-\d{4}-\d+)"/.exec(list)?.[1];
  if (!benchProject) throw new Error('no project in the bench cycle list');

  const rows: Row[] = [
    { name: 'home', path: '/', kind: 'read' },
    { name: 'project list', path: '/projects', kind: 'list' },
    { name: 'project list, 1,000-project community', path: `/projects?community=${BENCH_COMMUNITY}`, kind: 'list' },
    { name: 'project list, page 40', path: `/projects?community=${BENCH_COMMUNITY}&page=40`, kind: 'list' },
    { name: 'community with 1,000 projects', path: `/communities/${BENCH_COMMUNITY}`, kind: 'list' },
    { name: 'community in delivery', path: '/communities/sunxi', kind: 'read' },
    { name: 'project (1,000-project cycle)', path: benchProject, kind: 'read' },
    { name: 'project with delivery record', path: '/projects/SGJD-SXSQ-2026-02', kind: 'read' },
    { name: 'public notice (A4)', path: '/projects/SGJD-SXSQ-2026-04/notice', kind: 'read' },
    { name: 'vote page, signed out', path: '/cycles/cy-xianhu-2026/vote', kind: 'read' },
    { name: 'propose page, signed out', path: `/cycles/${BENCH_CYCLE}/propose`, kind: 'read' },
    { name: 'money (1,000-project cycle)', path: `/cycles/${BENCH_CYCLE}/money`, kind: 'read' },
    { name: 'money (delivery)', path: '/cycles/cy-sunxi-2026/money', kind: 'read' },
    { name: 'tracker', path: '/tracker', kind: 'read' },
    { name: 'audit log', path: '/audit', kind: 'read' },
    { name: 'open data', path: '/open-data', kind: 'read' },
    { name: 'council meetings', path: '/meetings', kind: 'read' },
    { name: 'receipt check', path: '/receipts', kind: 'read' },
    { name: 'sign in', path: '/signin', kind: 'read' },
    { name: 'sign up', path: '/signup', kind: 'read' },
    { name: 'not found', path: '/projects/NO-SUCH-PROJECT', kind: 'read' },
    { name: 'ballot (resident_xh)', path: '/cycles/cy-xianhu-2026/vote', who: 'resident_xh', kind: 'ballot' },
    { name: 'proposal form (resident_lt)', path: `/cycles/${BENCH_CYCLE}/propose`, who: 'resident_lt', kind: 'form' },
  ];

  const cookies = new Map<string, string>();
  for (const who of new Set(rows.map((r) => r.who).filter((w): w is string => !!w))) cookies.set(who, await signInCookie(base, who));

  const withCookie = rows.map((r) => ({ path: r.path, cookie: r.who ? cookies.get(r.who) : undefined }));
  for (const [i, r] of rows.entries()) r.cost = await pageCost(base, r.path, withCookie[i]!.cookie);
  const times = await renderTimes(base, withCookie, N);
  for (const [i, r] of rows.entries()) {
    r.median = times[i]!.median;
    r.p95 = times[i]!.p95;
  }

  const kb = (b: number) => (b / 1024).toFixed(1);
  const ms = (x: number) => x.toFixed(1);
  log('');
  log(`${'page'.padEnd(40)} ${'status'.padStart(6)} ${'JS gzip'.padStart(8)} ${'transfer'.padStart(9)} ${'HTML'.padStart(8)} ${'median'.padStart(8)} ${'p95'.padStart(8)}`);
  for (const r of rows) {
    const c = r.cost!;
    log(`${r.name.padEnd(40)} ${String(c.status).padStart(6)} ${`${kb(c.jsGzip)} KB`.padStart(8)} ${`${kb(c.totalBytes)} KB`.padStart(9)} ${`${kb(c.htmlBytes)} KB`.padStart(8)} ${`${ms(r.median!)} ms`.padStart(8)} ${`${ms(r.p95!)} ms`.padStart(8)}   ${r.path}`);
  }
  const bad = rows.filter((r) => r.cost!.status >= 500 || (r.cost!.status >= 400 && r.name !== 'not found'));
  if (bad.length) throw new Error(`pages that failed: ${bad.map((r) => `${r.path} (${r.cost!.status})`).join(', ')}`);
  const ballot = rows.find((r) => r.kind === 'ballot')!;
  if (!ballot.cost!.jsFiles.some((f) => f.includes('BallotMeter'))) throw new Error('the ballot page did not ship its BallotMeter island: is resident_xh able to vote?');

  const signedOut = rows.filter((r) => !r.who);
  const jsRead = Math.max(...signedOut.map((r) => r.cost!.jsGzip));
  const listTransfer = Math.max(...rows.filter((r) => r.kind === 'list').map((r) => r.cost!.totalBytes));
  const median = Math.max(...rows.map((r) => r.median!));
  const p95 = Math.max(...rows.map((r) => r.p95!));
  log('');
  log(`JavaScript files of the ballot: ${ballot.cost!.jsFiles.join(', ')}`);
  // Render times are wall-clock on this machine: a busy machine (load above its CPU count) inflates them.
  log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  log(`targets: js-read ≤ 30 KB, js-ballot ≤ 60 KB, list-transfer ≤ 150 KB, render-median ≤ 30 ms (${N} requests per page, slowest page shown)`);
  log(`pages: js-read ${kb(jsRead)} KB, js-ballot ${kb(ballot.cost!.jsGzip)} KB, list-transfer ${kb(listTransfer)} KB, render-median ${ms(median)} ms, render-p95 ${ms(p95)} ms`);
} finally {
  closeAgent();
  await server.stop();
}
