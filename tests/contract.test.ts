/**
 * `npm run test:contract` (vitest.contract.config.ts; not part of
 * `npm run test:unit`, whose files it runs again): first, that the contract
 * checker of tests/contract.ts catches what it is there to catch, on answers
 * planted to contradict the document; then the API integration tests
 * (server/routes, server/http) run in a child vitest with CONTRACT=1, and
 * this test reads its JSON report and the checker's tally: every test file
 * on disk ran and passed (a file fails when its answers contradict the
 * document, listing them), enough tests ran, and the checker matched
 * over a thousand answers to every operation — so an empty or unchecked run
 * cannot pass. Last, a short seeded run of the API fuzzer (`npm run fuzz:api`,
 * bench/fuzz-api.ts) against the real server: no answer the document does
 * not declare, no server error.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractChecked, newTally } from './contract.ts';
import { testApp, type TestApp } from './fixtures.ts';
import { fuzzApi, grouped } from '#bench/lib/fuzz.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** The API integration tests: every `*.test.ts` in these folders. */
const LANE = ['server/routes', 'server/http'];
/** Where the lane leaves its report and tally (kept after the run, for reading when it fails). */
const OUT = join(ROOT, 'test-results', 'contract');

/*
 * Floors a little below what the lane does today (2026-12-07: 28 files, 242
 * tests, 1,319 answers checked), so that losing a good part of it fails.
 * Raise them as the API tests grow. Every operation of the document must be
 * reached: a new operation without an API test, or a test lost, fails the lane.
 */
const MIN_TESTS = 230;
const MIN_CHECKED = 1200;
/** The seeded fuzz run of the lane (bench/lib/fuzz.ts): requests, and its seed. */
const FUZZ_REQUESTS = 1500;
const FUZZ_SEED = 1;

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: false });
});
afterAll(() => t.close());

describe('the contract checker', () => {
  /** An app that serves the real document but answers everything else with `answer`. */
  function planted(answer: (input: string, init?: RequestInit) => Response | Promise<Response>) {
    const out: string[] = [];
    const tally = newTally();
    const app = contractChecked({ request: (input: string, init?: RequestInit) => (input === '/api/openapi.json' ? t.app.request(input) : answer(input, init)) }, out, tally);
    return { app, out, tally };
  }
  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => Response.json(body, { status, headers });
  const real = (input: string, init?: RequestInit) => t.app.request(input, init);

  it('finds nothing wrong with the real answers', async () => {
    const { app, out, tally } = planted(real);
    await app.request('/api/health');
    await app.request('/api/projects?limit=2&sort=newest');
    await app.request('/api/open-data/projects.csv');
    await app.request('/api/meetings/no-such-meeting');
    await app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'nobody', password: 'x' }) });
    expect(out).toEqual([]);
    expect(tally.checked).toBe(5);
    expect([...tally.operations].sort()).toEqual(['GET /api/health', 'GET /api/meetings/{id}', 'GET /api/open-data/{file}', 'GET /api/projects', 'POST /api/auth/sign-in']);
  });

  it('catches an undeclared status, a body that breaks its schema, and an answer of another media type', async () => {
    const { app, out } = planted((input) =>
      input === '/api/health' ? json({ error: { code: 'teapot', message: '' } }, 418)
        : input === '/api/communities' ? json({ items: [{ slug: 42 }] })
          : new Response('<p>hello</p>', { headers: { 'content-type': 'text/html' } }),
    );
    await app.request('/api/health');
    await app.request('/api/communities');
    await app.request('/api/projects/LTJD-LHSQ-2026-01');
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^GET \/api\/health \(\/api\/health\): answered 418, which the document does not declare \(it declares 200/);
    expect(out[1]).toMatch(/^GET \/api\/communities .*: the 200 body does not match the document: \/items\/0/);
    expect(out[2]).toMatch(/^GET \/api\/projects\/\{code\} .*: answered 200 as text\/html, which the document does not list \(it lists application\/json\)/);
  });

  it('catches a declared header missing or malformed', async () => {
    const { app, out } = planted(async (input, init) => {
      const res = await real(input, init);
      const headers = new Headers(res.headers);
      if (input.startsWith('/api/open-data/')) headers.delete('etag');
      else headers.set('x-audit-head-seq', 'many');
      return new Response(res.body, { status: res.status, headers });
    });
    await app.request('/api/open-data/projects.csv');
    await app.request('/api/audit.ndjson');
    expect(out).toEqual([
      expect.stringMatching(/^GET \/api\/open-data\/\{file\} .*: answered 200 without the header etag, which the document says is always there$/),
      expect.stringMatching(/^GET \/api\/audit\.ndjson .*: the 200 header X-Audit-Head-Seq: "many" does not match the document: \/ must be integer$/),
    ]);
  });

  it('catches an accepted request the document does not describe: a query parameter, a value, a body', async () => {
    // A server that accepts anything: each request below is one the document says it would refuse.
    const { app, out } = planted(async (input) => (input.startsWith('/api/auth/') ? json({ account: null }) : real(input.replace(/\?.*/, '?limit=1'))));
    await app.request('/api/projects?colour=red');
    await app.request('/api/projects?limit=5000');
    await app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'a', password: 'b', admin: true }) });
    expect(out).toContainEqual(expect.stringMatching(/^GET \/api\/projects .*: accepted the query parameter `colour`, which the document does not declare$/));
    expect(out).toContainEqual(expect.stringMatching(/^GET \/api\/projects .*: accepted limit=5000, which the document would refuse: \/ must be <= 200$/));
    expect(out).toContainEqual(expect.stringMatching(/^POST \/api\/auth\/sign-in .*: accepted a body the document would refuse: \/ must NOT have additional properties/));
  });
});

/** One line of the checker's tally: one app of one test file (tests/fixtures.ts). */
type Tally = { checked: number; operations: string[]; violations: number };
type Report = {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; message: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
};

/** Run `vitest run <LANE>` with CONTRACT=1 in a child process; its dots go to our output. */
function runLane(report: string, tally: string): Promise<number | null> {
  const env: NodeJS.ProcessEnv = { ...process.env, CONTRACT: '1', CONTRACT_TALLY: tally };
  // The child is a vitest of its own, not a worker of this one.
  for (const k of Object.keys(env)) if (k.startsWith('VITEST')) delete env[k];
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...LANE, '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  return new Promise((ok, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => ok(code));
  });
}

describe('the contract lane', () => {
  it('every API response in the integration tests matches the OpenAPI document', async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const reportFile = join(OUT, 'report.json');
    const tallyFile = join(OUT, 'tally.ndjson');
    const code = await runLane(reportFile, tallyFile);
    expect(existsSync(reportFile), `the lane wrote no report (exit code ${code})`).toBe(true);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;

    // Every file ran and passed; a failure is listed with its message (the violations, for a file whose answers contradict the document).
    const onDisk = LANE.flatMap((dir) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.test.ts')).map((f) => join(ROOT, dir, f))).sort();
    const ran = report.testResults.map((r) => r.name).sort();
    expect({ notRun: onDisk.filter((f) => !ran.includes(f)) }).toEqual({ notRun: [] });
    const failures = report.testResults
      .filter((r) => r.status !== 'passed')
      .map((r) => [`${r.name.slice(ROOT.length + 1)}: ${r.status}`, r.message, ...r.assertionResults.filter((a) => a.status === 'failed').map((a) => `  ✗ ${a.fullName}: ${a.failureMessages[0]?.split('\n')[0] ?? ''}`)].filter(Boolean).join('\n'));
    expect(failures, failures.join('\n\n')).toEqual([]);
    expect(code).toBe(0);
    for (const r of report.testResults) expect(r.assertionResults.filter((a) => a.status === 'passed').length, `${r.name}: tests passed`).toBeGreaterThan(0);
    expect({ failed: report.numFailedTests, skipped: report.numPendingTests, todo: report.numTodoTests }).toEqual({ failed: 0, skipped: 0, todo: 0 });
    expect(report.numPassedTests).toBeGreaterThanOrEqual(MIN_TESTS);

    // The checker was on, and it saw most of the API.
    expect(existsSync(tallyFile), 'no app was checked: was CONTRACT=1 lost on the way?').toBe(true);
    const tallies = readFileSync(tallyFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Tally);
    const checked = tallies.reduce((n, x) => n + x.checked, 0);
    const reached = new Set(tallies.flatMap((x) => x.operations));
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const unreached = operations.filter((o) => !reached.has(o));
    console.log(`contract lane: ${report.testResults.length} files, ${report.numPassedTests} tests, ${checked} answers checked, ${operations.length - unreached.length} of ${operations.length} operations reached${unreached.length ? ` (not reached: ${unreached.join(', ')})` : ''}`);
    expect(tallies.reduce((n, x) => n + x.violations, 0)).toBe(0);
    expect(checked).toBeGreaterThanOrEqual(MIN_CHECKED);
    expect(unreached).toEqual([]);
  }, 30 * 60_000);

  it('a seeded fuzz run over every operation finds no answer the document does not declare', async () => {
    // The API server (scripts/api-server.ts: the production server's boot and listener without the pages, so no build is needed)
    // on the demo data alone (the journeys' fixtures cost some seconds; `npm run fuzz:api` adds them).
    const report = await fuzzApi({ requests: FUZZ_REQUESTS, seed: FUZZ_SEED, apiOnly: true, fixtures: false });
    console.log(`fuzz: operations ${report.operations}, requests ${report.requests}, contradictions ${report.contradictions.length}, server_errors ${report.serverErrors.length}`);
    const shown = (findings: typeof report.contradictions) => grouped(findings).map((g) => `×${g.count} ${g.key}\n  request: ${g.example.request}\n  answer: ${g.example.answer}`);
    expect(shown(report.contradictions)).toEqual([]);
    expect(shown(report.serverErrors)).toEqual([]);
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(report.operations).toBe(Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0));
    expect(report.requests).toBe(FUZZ_REQUESTS);
    // It reached every operation, and not only with refusals.
    expect(report.statuses.size).toBe(report.operations);
    const answered2xx = [...report.statuses.values()].filter((byStatus) => [...byStatus.keys()].some((s) => s >= 200 && s < 300)).length;
    expect(answered2xx).toBeGreaterThan(report.operations / 3);
  }, 5 * 60_000);
});
