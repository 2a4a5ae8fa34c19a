/**
 * City benchmark (issue 18): serves a copy of a generated city
 * (`npm run city:generate`) with the production server and prints, one line
 * each:
 *
 *   city: communities C, projects P, residents R, ballots B, audit A, size_mb S
 *   pages: urls U, p50 X ms, p99 Y ms, max Z ms, errors E
 *   stats: p50 X ms, p99 Y ms
 *   exports: datasets D, mb M, seconds S, peak_rss_mb R
 *   audit-verify: entries N, per_s V, peak_rss_mb R
 *   backup: seconds S, mb M, integrity ok
 *   tally: cycles N, seconds S, slowest_ms T
 *   mixed: reads_per_s R, ballots_per_s B, read_p99 X ms, ballot_p99 Y ms, errors E
 *
 * URLs come from the database: every kind of public page (home, project list
 * with search, filters and deep pages, projects, places and their statistics,
 * results, money, tracker, audit with filters, open data, meetings) and the
 * signed-in desks (staff, street and district officers, auditors, residents),
 * with sessions made directly in the database as bench/lib/seed.ts does. Details
 * (the slowest kinds of page, errors by URL) go to standard error.
 *
 *   node bench/city.ts --db FILE [--requests 2000] [--stats 400] [--clients 8] [--seconds 60] [--voters 10000] [--only pages,stats,…]
 *
 * `--only` measures some of the lines (names as printed: pages, stats, mixed,
 * exports, tally, audit-verify, backup); the others print "not measured".
 */
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import Database from 'libsql';
import { createContext } from '../server/context.ts';
import { parseEnv } from '../server/env.ts';
import { createSession, SESSION_COOKIE } from '../server/auth/sessions.ts';
import { tallyAll } from '../server/domain/tally/tally.ts';
import { DATASETS } from '../server/services/open-data.ts';
import { mulberry32 } from '../server/domain/seeded-random.ts';
import { STAGES } from '../db/city.ts';
import { ensureBuild, freePort, startSite, tempDir, ROOT } from './lib/server.ts';
import { drive } from './lib/load.ts';
import { apiClient, apiPath, ballotRequest } from './lib/api.ts';

const { values: a } = parseArgs({
  options: {
    db: { type: 'string' },
    requests: { type: 'string', default: '2000' },
    stats: { type: 'string', default: '400' },
    clients: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '60' },
    voters: { type: 'string', default: '10000' },
    only: { type: 'string' },
  },
});
const only = a.only ? new Set(a.only.split(',').map((x) => x.trim())) : null;
const want = (what: string) => !only || only.has(what);
if (!a.db || !existsSync(a.db)) {
  console.error('usage: npm run bench:city -- --db FILE   (make one with npm run city:generate -- --out FILE)');
  process.exit(2);
}
const log = (s: string) => console.error(`  ${s}`);
/** Each result line goes to standard error as it comes and, at the end, to standard output in the order. */
const ORDER = ['city', 'pages', 'stats', 'exports', 'audit-verify', 'backup', 'tally', 'mixed'] as const;
const lines = new Map<string, string>();
const line = (text: string) => {
  lines.set(text.slice(0, text.indexOf(':')), text);
  console.error(text);
};
const dir = tempDir('wss-city-bench-');
const file = join(dir, 'city.db');
copyFileSync(a.db, file);
if (existsSync(`${a.db}-wal`)) copyFileSync(`${a.db}-wal`, `${file}-wal`);
const url = `file:${file}`;
aheadOfTheClock(file, new Date());
const rand = mulberry32(18);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/**
 * A generated city is dated by its seed, not by the day it is served on, so by
 * the time the bench runs every phase of its last year has ended on paper and
 * the server's phase clock would close them all on starting (the open votes
 * first, so the mixed line would measure only refusals). In the bench's copy,
 * each cycle still running gets a plan around today instead: its current phase
 * from two weeks ago to a month ahead, the phases before it in the month before
 * each other, the ones after it in the months after. Nothing else is touched;
 * the audit chain does not hold phase plans.
 */
function aheadOfTheClock(path: string, today: Date) {
  const db = new Database(path) as unknown as { prepare(s: string): { all(...x: unknown[]): Row[]; run(...x: unknown[]): unknown }; exec(s: string): void; close(): void };
  const iso = (offsetDays: number) => new Date(today.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const order = [...STAGES, 'closed'] as string[];
  const running = db.prepare("select id, open_phase from cycles where open_phase <> 'closed'").all();
  const redate = db.prepare('update cycle_phases set starts_on = ?, ends_on = ? where cycle_id = ? and phase = ?');
  db.exec('begin');
  for (const c of running) {
    const k = order.indexOf(String(c.open_phase));
    order.forEach((phase, i) => redate.run(iso((i - k) * 45 - 14), iso((i - k) * 45 + 30), c.id, phase));
  }
  db.exec('commit');
  db.close();
  log(`phases of ${running.length} running cycles planned around ${iso(0)}`);
}

// --- what is in it -----------------------------------------------------------------------------
type Row = Record<string, unknown>;
const sq = new Database(file, { readonly: true }) as unknown as { prepare(s: string): { all(...x: unknown[]): Row[]; get(...x: unknown[]): Row }; close(): void };
const n = (s: string) => Number(Object.values(sq.prepare(s).get())[0]);
const col = (s: string) => sq.prepare(s).all().map((r) => String(Object.values(r)[0]));
line(
  `city: communities ${n('select count(*) from communities')}, projects ${n('select count(*) from projects')}, residents ${n('select count(*) from register_entries')}, ` +
    `ballots ${n('select count(*) from ballots')}, audit ${n('select coalesce(max(seq), 0) from audit_log')}, size_mb ${(statSync(file).size / 1e6).toFixed(0)}`,
);
const sample = (s: string, k: number) => {
  const all = col(s);
  return Array.from({ length: Math.min(k, all.length) }, () => pick(all));
};
const codes = sample('select code from projects', 300);
const communities = col('select slug from communities');
const streets = col('select lower(code) from streets');
const districts = col('select lower(code) from districts');
const cycles = sample("select id from cycles where open_phase in ('closed', 'implementation', 'acceptance', 'audit')", 200);
const meetings = sample('select id from meetings', 100);
const years = col('select distinct year from cycles order by year');
const words = ['照明', '长者', '消防', '绿化', '篮球', '书屋'];
const states = ['in_progress', 'approved', 'accepted', 'not_shortlisted', 'screened_in', 'archived'];
const actions = ['ballot.cast', 'project.adopt', 'delivery.payment_recorded', 'meeting.item_decided'];
const staffOf = sq.prepare("select c.slug slug, ra.account_id id from role_assignments ra join communities c on c.id = ra.scope_id where ra.role = 'staff' order by c.id").all().filter((_, i) => i % 7 === 0).slice(0, 60);
const streetOfficers = col("select account_id from role_assignments where role = 'officer' and scope_kind = 'street' order by account_id").slice(0, 20);
const districtOfficers = col("select account_id from role_assignments where role = 'officer' and scope_kind = 'district' order by account_id");
const auditorIds = col("select account_id from role_assignments where role = 'auditor' order by account_id");
const voteCycles = sq.prepare("select id, community_id from cycles where open_phase = 'resident_vote' order by id").all();
const onBallot = new Map<string, string[]>(voteCycles.map((c) => [String(c.id), col(`select id from projects where cycle_id = '${c.id}' and state = 'screened_in' order by id`)]));
const voterRows = sq
  .prepare(`select r.claimed_by_account_id account, cy.id cycle from register_entries r join cycles cy on cy.community_id = r.community_id and cy.open_phase = 'resident_vote' where r.claimed_by_account_id is not null order by r.id limit ${Number(a.voters)}`)
  .all()
  .filter((v) => (onBallot.get(String(v.cycle))?.length ?? 0) > 0);
sq.close();

// --- sessions, made in the database --------------------------------------------------------------
const ctx = await createContext(parseEnv({ DATABASE_URL: url, NODE_ENV: 'production' }));
const now = new Date();
const session = async (accountId: string) => `${SESSION_COOKIE}=${(await createSession(ctx.database, accountId, now)).token}`;
const staffCookies = await Promise.all(staffOf.map(async (s) => ({ slug: String(s.slug), cookie: await session(String(s.id)) })));
const officerCookies = await Promise.all([...streetOfficers, ...districtOfficers].map(session));
const auditorCookies = await Promise.all(auditorIds.map(session));
const voters: { cookie: string; cycle: string }[] = [];
for (let i = 0; i < voterRows.length; i += 2000) {
  voters.push(...(await Promise.all(voterRows.slice(i, i + 2000).map(async (v) => ({ cookie: await session(String(v.account)), cycle: String(v.cycle) })))));
}
ctx.database.close();
log(`${staffCookies.length} staff, ${officerCookies.length} officers, ${auditorCookies.length} auditors, ${voters.length} voters in ${voteCycles.length} open votes signed in`);

// --- the URLs --------------------------------------------------------------------------------------
type Req = { kind: string; path: string; cookie?: string };
const statsReqs = (): Req[] => {
  const y = pick(years);
  const c = pick(communities);
  const s = pick(streets);
  const d = pick(districts);
  return [
    { kind: 'city', path: '/city' },
    { kind: 'city', path: `/city?year=${y}` },
    { kind: 'district', path: `/districts/${d}?year=${y}` },
    { kind: 'district', path: `/districts/${d}` },
    { kind: 'street', path: `/streets/${s}` },
    { kind: 'street', path: `/streets/${s}?year=${y}` },
    { kind: 'community-stats', path: `/communities/${c}/stats` },
    { kind: 'report', path: `/city/report?year=${y}` },
    // The API's statistics go through the same timed GETs as the pages; their paths are checked against the API document.
    { kind: 'api-stats', path: apiPath('/api/stats/city', {}, { year: Number(y) }) },
    { kind: 'api-stats', path: apiPath('/api/stats/districts/{slug}', { slug: d }) },
    { kind: 'api-stats', path: apiPath('/api/stats/streets/{slug}', { slug: s }, { year: Number(y) }) },
    { kind: 'api-stats', path: apiPath('/api/stats/communities/{slug}', { slug: c }, { format: 'csv' }) },
  ];
};
function pageReqs(): Req[] {
  const c = pick(communities);
  const staff = pick(staffCookies);
  const voter = voters.length ? pick(voters) : null;
  return [
    { kind: 'home', path: '/' },
    { kind: 'list', path: `/projects?q=${encodeURIComponent(pick(words))}` },
    { kind: 'list', path: `/projects?state=${pick(states)}&community=${c}` },
    { kind: 'list', path: `/projects?state=${pick(states)}&category=engineering&theme=safety` },
    { kind: 'list-deep', path: `/projects?page=${1 + Math.floor(rand() * 500)}` },
    { kind: 'project', path: `/projects/${pick(codes)}` },
    { kind: 'project', path: `/projects/${pick(codes)}` },
    { kind: 'community', path: `/communities/${c}` },
    { kind: 'council', path: `/communities/${c}/council` },
    { kind: 'results', path: `/cycles/${pick(cycles)}/results` },
    { kind: 'money', path: `/cycles/${pick(cycles)}/money` },
    { kind: 'tracker', path: '/tracker' },
    { kind: 'tracker', path: `/tracker?community=${c}` },
    { kind: 'audit', path: '/audit' },
    { kind: 'audit', path: `/audit?action=${pick(actions)}` },
    { kind: 'audit', path: `/audit?subject=${pick(codes)}` },
    { kind: 'open-data', path: '/open-data' },
    { kind: 'meetings', path: `/meetings?community=${c}` },
    { kind: 'meeting', path: `/meetings/${pick(meetings)}` },
    ...statsReqs(),
    { kind: 'staff-desk', path: `/staff/${staff.slug}`, cookie: staff.cookie },
    { kind: 'staff-desk', path: `/staff/${staff.slug}/screening`, cookie: staff.cookie },
    { kind: 'staff-desk', path: `/staff/${staff.slug}/delivery`, cookie: staff.cookie },
    { kind: 'todo', path: '/todo', cookie: staff.cookie },
    { kind: 'officer-desk', path: '/staff', cookie: pick(officerCookies) },
    { kind: 'todo', path: '/todo', cookie: pick(officerCookies) },
    { kind: 'todo', path: '/todo', cookie: pick(auditorCookies) },
    ...(voter ? [{ kind: 'vote', path: `/cycles/${voter.cycle}/vote`, cookie: voter.cookie }, { kind: 'account', path: '/account', cookie: voter.cookie }] : []),
  ];
}

// --- a small GET driver: `clients` at once, latency per request -----------------------------------
type Timed = { kind: string; path: string; ms: number; status: number };
async function getAll(base: string, reqs: Req[], clients: number): Promise<Timed[]> {
  const out: Timed[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < reqs.length) {
        const r = reqs[next++]!;
        const t = performance.now();
        let status = 0;
        try {
          const res = await fetch(base + r.path, { headers: r.cookie ? { cookie: r.cookie } : {}, redirect: 'manual', signal: AbortSignal.timeout(120_000) });
          await res.arrayBuffer();
          status = res.status;
        } catch {}
        out.push({ kind: r.kind, path: r.path, ms: performance.now() - t, status });
        if (reqs.length >= 20 && out.length % 20 === 0) log(`${out.length} of ${reqs.length} requests`);
      }
    }),
  );
  return out;
}
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]! : NaN;
};
const bad = (t: Timed) => t.status === 0 || t.status >= 400;
function details(ts: Timed[]) {
  const kinds = new Map<string, number[]>();
  for (const t of ts) kinds.set(t.kind, [...(kinds.get(t.kind) ?? []), t.ms]);
  for (const [k, ms] of [...kinds].sort((x, y) => q(y[1], 0.99) - q(x[1], 0.99))) log(`${k}: n ${ms.length}, p50 ${q(ms, 0.5).toFixed(0)} ms, p99 ${q(ms, 0.99).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`);
  const errs = ts.filter(bad);
  for (const e of errs.slice(0, 20)) log(`error ${e.status}: ${e.path}`);
}
const vmRssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
const vmHwmMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

// --- serve it --------------------------------------------------------------------------------------
ensureBuild(log);
const port = await freePort();
// A generated city's clocks catch up when the server starts (notices that ended, phases past their planned end: thousands
// of writes, each answered only once on disk) before it listens: minutes on a busy machine.
const site = await startSite({ port, databaseUrl: url, startTimeoutMs: 600_000 });
try {
  const base = site.url;
  // pages
  const reqs: Req[] = [];
  while (reqs.length < Number(a.requests)) reqs.push(...pageReqs());
  await getAll(base, reqs.slice(0, 40), 4); // warm-up: the first render of each page compiles it
  if (want('pages')) {
    const pages = await getAll(base, reqs, Number(a.clients));
    const ms = pages.map((t) => t.ms);
    line(`pages: urls ${new Set(pages.map((t) => t.path)).size}, p50 ${q(ms, 0.5).toFixed(0)} ms, p99 ${q(ms, 0.99).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms, errors ${pages.filter(bad).length}`);
    details(pages);
  }

  // stats alone
  if (want('stats')) {
    const sreqs: Req[] = [];
    while (sreqs.length < Number(a.stats)) sreqs.push(...statsReqs());
    const cpu0 = site.cpuSeconds();
    const stats = await getAll(base, sreqs, Number(a.clients));
    line(`stats: p50 ${q(stats.map((t) => t.ms), 0.5).toFixed(0)} ms, p99 ${q(stats.map((t) => t.ms), 0.99).toFixed(0)} ms`);
    // The server's own CPU per request: what the latencies above are made of, on a machine shared with others.
    log(`stats: server cpu ${(((site.cpuSeconds() - cpu0) * 1000) / stats.length).toFixed(1)} ms a request, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    details(stats);
  }

  // mixed: reads of every kind while residents of the open votes cast ballots
  if (!want('mixed')) {
    // not measured
  } else if (voters.length === 0) line('mixed: no open vote in this city');
  else {
    const seconds = Number(a.seconds);
    let stop = false;
    const reads: Timed[] = [];
    const readers = (async () => {
      while (!stop) {
        const batch = pageReqs();
        reads.push(...(await getAll(base, batch, 4)));
      }
    })();
    const GROUP = 500;
    const r = await drive({
      url: base,
      connections: 16,
      seconds,
      next: (i) => {
        // Voters in groups of 500, each group casting three times (a first ballot, two changes of mind).
        const v = voters[(Math.floor(Math.floor(i / GROUP) / 3) * GROUP + (i % GROUP)) % voters.length]!;
        const ids = onBallot.get(v.cycle)!;
        const k = 1 + Math.floor(rand() * Math.min(5, ids.length));
        const pool = [...ids];
        const choice = Array.from({ length: k }, () => pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
        return { ...ballotRequest(v.cycle, { projects: choice }), tag: 0, headers: { cookie: v.cookie, origin: base } };
      },
      accept: (status) => (status === 201 ? true : undefined),
    });
    stop = true;
    await readers;
    const non2xx = Object.entries(r.statuses).filter(([s]) => Number(s) >= 300).reduce((x, [, c]) => x + c, 0);
    const rms = reads.map((t) => t.ms);
    line(
      `mixed: reads_per_s ${(reads.length / r.seconds).toFixed(0)}, ballots_per_s ${(r.acknowledged.length / r.seconds).toFixed(0)}, read_p99 ${q(rms, 0.99).toFixed(0)} ms, ` +
        `ballot_p99 ${r.latency.p99} ms, errors ${reads.filter(bad).length + non2xx + r.errors + r.timeouts}`,
    );
    log(`mixed ballot statuses ${JSON.stringify(r.statuses)}; read errors ${reads.filter(bad).length}`);
  }
  // exports: every dataset of the whole city, as CSV and JSON, one after another
  if (want('exports')) {
    const pid = site.proc.pid!;
    const before = vmHwmMb(pid);
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
    } catch (e) {
      log(`cannot reset the server's peak RSS (${String(e)}): the figure is its peak since it started`);
    }
    log(`server RSS before the exports: peak so far ${before.toFixed(0)} MB, now ${vmRssMb(pid).toFixed(0)} MB, peak after reset ${vmHwmMb(pid).toFixed(0)} MB`);
    const t0 = performance.now();
    let bytes = 0;
    let datasets = 0;
    const api = apiClient({ baseUrl: base });
    for (const d of DATASETS)
      for (const ext of ['csv', 'json']) {
        try {
          const { response: res } = await api.GET('/api/open-data/{file}', { params: { path: { file: `${d}.${ext}` } }, parseAs: 'stream', signal: AbortSignal.timeout(300_000) });
          if (!res.ok || !res.body) {
            log(`export ${d}.${ext}: ${res.status}`);
            continue;
          }
          for await (const chunk of res.body) bytes += (chunk as Uint8Array).length;
          datasets++;
        } catch (e) {
          log(`export ${d}.${ext}: ${String(e)}`);
        }
      }
    line(`exports: datasets ${datasets}, mb ${(bytes / 1e6).toFixed(1)}, seconds ${((performance.now() - t0) / 1000).toFixed(1)}, peak_rss_mb ${vmHwmMb(pid).toFixed(0)}`);
  }
} finally {
  await site.stop();
}

// tally: every counted cycle's election, read from the database and counted by both rules
if (want('tally')) {
  const db = new Database(file, { readonly: true }) as unknown as { prepare(s: string): { all(...x: unknown[]): Row[] }; close(): void };
  const cyc = db.prepare('select id, budget_fen from cycles where exists (select 1 from ballots b where b.cycle_id = cycles.id) order by id').all();
  const projQ = db.prepare("select id, estimated_cost_fen cost from projects where cycle_id = ? and (resident_votes is not null or state = 'screened_in') order by code");
  const ballotQ = db.prepare('select content from ballots where cycle_id = ? and superseded_at is null');
  const yuan = (fen: number) => (fen % 100 ? (fen / 100).toFixed(2) : String(fen / 100));
  let slowest = 0;
  const t0 = performance.now();
  for (const c of cyc) {
    const t = performance.now();
    const ps = projQ.all(c.id);
    const on = new Set(ps.map((p) => String(p.id)));
    const bs = ballotQ.all(c.id).map((b) => (JSON.parse(String(b.content)) as string[]).filter((id) => on.has(id)));
    tallyAll({ budget: yuan(Number(c.budget_fen)), projects: ps.map((p) => ({ id: String(p.id), cost: yuan(Number(p.cost)) })), ballots: bs }, ['greedy', 'mes-add1']);
    slowest = Math.max(slowest, performance.now() - t);
  }
  db.close();
  line(`tally: cycles ${cyc.length}, seconds ${((performance.now() - t0) / 1000).toFixed(1)}, slowest_ms ${slowest.toFixed(0)}`);
}
// audit-verify and backup, each in a process of its own (bench/lib/city-child.ts): its peak RSS is its own
function child(args: string[]): Record<string, number | string | boolean> | string {
  const r = spawnSync(process.execPath, ['--max-semi-space-size=8', join(ROOT, 'bench/lib/city-child.ts'), ...args], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8', maxBuffer: 1 << 20 });
  return r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop()!) : `failed (exit ${r.status ?? r.signal}): ${r.stderr.trim().split('\n').slice(-3).join(' ')}`;
}
if (want('audit-verify')) {
  const v = child(['verify']);
  if (typeof v === 'string') line(`audit-verify: ${v}`);
  else line(`audit-verify: entries ${v.count}, per_s ${(Number(v.count) / Number(v.seconds)).toFixed(0)}, peak_rss_mb ${Number(v.peakRssMb).toFixed(0)}${v.ok ? '' : ', BROKEN'}`);
}
if (want('backup')) {
  const out = join(dir, 'backup.db');
  const b = child(['backup', out]);
  if (typeof b === 'string') line(`backup: ${b}`);
  else line(`backup: seconds ${Number(b.seconds).toFixed(1)}, mb ${Number(b.mb).toFixed(0)}, integrity ${b.ok ? 'ok' : b.line}`);
  rmSync(out, { force: true });
}
rmSync(dir, { recursive: true, force: true });
for (const k of ORDER) console.log(lines.get(k) ?? `${k}: not measured`);
