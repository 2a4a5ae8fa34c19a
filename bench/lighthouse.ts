/**
 * Lighthouse benchmark: the home page, the project list, a project and the
 * ballot, on the production build (WSS_DIST_DIR, default dist/) with the
 * same data as bench/pages.ts (the demo with a 1,000-project cycle), each
 * in Lighthouse's default mobile emulation (a mid-range phone on a slow 4G
 * connection, simulated). The ballot is opened as a resident who can vote,
 * so Lighthouse sees the form and its island.
 *
 *   npm run bench:lighthouse          (builds first)
 *   node bench/lighthouse.ts          (an existing build; BENCH_PORT, default 4468)
 *
 * Each page is measured RUNS times (default 3) and the run with the median
 * performance score is reported, as Lighthouse's own docs advise: one run on
 * a shared machine can be a cold browser or a busy moment.
 *
 * Chromium: CHROME_PATH, default /usr/bin/chromium. Targets: performance ≥ 95,
 * accessibility 100, best practices ≥ 95.
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { signInCookie, startBenchServer } from './lib-pages/server.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4468);
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const log = (s: string) => console.log(s);

const server = await startBenchServer(PORT, log);
const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const base = server.base;
  const resident = await signInCookie(base, 'resident_xh');
  const pages: { name: string; path: string; cookie?: string }[] = [
    { name: 'home', path: '/' },
    { name: 'project list', path: '/projects' },
    { name: 'project', path: '/projects/SGJD-SXSQ-2026-02' },
    { name: 'ballot', path: '/cycles/cy-xianhu-2026/vote', cookie: resident },
  ];
  const rows: { name: string; path: string; scores: Record<string, number>; notes: string[] }[] = [];
  for (const p of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(
        base + p.path,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES], ...(p.cookie ? { extraHeaders: { Cookie: p.cookie } } : {}) },
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${p.path}`);
      if (result.lhr.runtimeError) throw new Error(`Lighthouse could not load ${p.path}: ${result.lhr.runtimeError.message}`);
      runs.push(result.lhr);
    }
    runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
    const lhr = runs[Math.floor(runs.length / 2)]!;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    // What cost points, so a miss can be acted on.
    const notes: string[] = [];
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a && a.score !== null && a.score < 0.9) notes.push(`${c}: ${a.id} (${a.displayValue ?? a.score})`);
      }
    }
    const m = (id: string) => lhr.audits[id]?.displayValue ?? '—';
    notes.push(`FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}`);
    if (runs.length > 1) notes.push(`performance over ${runs.length} runs: ${runs.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100)).join(', ')} (the median run shown)`);
    rows.push({ name: p.name, path: p.path, scores, notes });
  }

  log('');
  log(`${'page'.padEnd(14)} ${'performance'.padStart(11)} ${'accessibility'.padStart(13)} ${'best practices'.padStart(14)}`);
  for (const r of rows) {
    log(`${r.name.padEnd(14)} ${String(r.scores.performance).padStart(11)} ${String(r.scores.accessibility).padStart(13)} ${String(r.scores['best-practices']).padStart(14)}   ${r.path}`);
    for (const n of r.notes) log(`${''.padEnd(16)}${n}`);
  }
  const min = (c: (typeof CATEGORIES)[number]) => Math.min(...rows.map((r) => r.scores[c]!));
  log('targets: performance ≥ 95, accessibility 100, best practices ≥ 95 (mobile emulation)');
  log(`lighthouse: performance ${min('performance')}, accessibility ${min('accessibility')}, best-practices ${min('best-practices')} (lowest of ${rows.map((r) => r.name).join(', ')})`);
} finally {
  chrome.kill();
  await server.stop();
}
