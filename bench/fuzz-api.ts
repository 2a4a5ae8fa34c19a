/**
 * `npm run fuzz:api -- [--requests 30000] [--seed 1] [--api-only] [--no-fixtures] [--concurrency 4] [--statuses]`:
 * an OpenAPI fuzzer over every operation of /api/openapi.json, against the
 * production server on a throwaway demo database (bench/lib/fuzz.ts says
 * what it sends and how each answer is checked). Lists each contradiction
 * — grouped by operation and what was wrong, with one request and answer —
 * and each server error, then prints one line
 *
 *   fuzz: operations O, requests N, contradictions C, server_errors E
 *
 * and exits 1 when C or E is above 0. The same seed sends the same requests
 * (answers can differ a little, four at a time). `--statuses` also lists what
 * each operation answered; `--api-only` serves the API without the pages
 * (scripts/api-server.ts, no build needed); `--no-fixtures` seeds the demo
 * data alone, without the browser journeys' fixtures.
 */
import { fuzzApi, grouped } from './lib/fuzz.ts';

function options(argv: string[]) {
  const o = { requests: 30_000, seed: 1, apiOnly: false, concurrency: 4, statuses: false, fixtures: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = Number(argv[++i]);
      if (!Number.isSafeInteger(v) || v < 0) throw new Error(`${a} needs a whole number, got ${argv[i]}`);
      return v;
    };
    if (a === '--requests') o.requests = value();
    else if (a === '--seed') o.seed = value();
    else if (a === '--concurrency') o.concurrency = Math.max(1, value());
    else if (a === '--api-only') o.apiOnly = true;
    else if (a === '--statuses') o.statuses = true;
    else if (a === '--no-fixtures') o.fixtures = false;
    else throw new Error(`unknown argument ${a}; known: --requests N --seed S --concurrency K --api-only --no-fixtures --statuses`);
  }
  return o;
}

const o = options(process.argv.slice(2));
const report = await fuzzApi({ ...o, log: (line) => console.error(line) });
for (const g of grouped(report.contradictions)) {
  console.log(`\ncontradiction ×${g.count}: ${g.key}\n  request: ${g.example.request}\n  answer:  ${g.example.answer}`);
}
for (const g of grouped(report.serverErrors)) {
  console.log(`\nserver error ×${g.count}: ${g.key}\n  request: ${g.example.request}\n  answer:  ${g.example.answer}`);
}
if (o.statuses) {
  // What each operation answered, to see how far the requests reached.
  for (const [op, byStatus] of [...report.statuses].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${op}: ${[...byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')}`);
  }
}
if (report.serverLog.length) console.log(`\nthe server's error log (first lines):\n${report.serverLog.slice(0, 20).join('\n')}`);
console.log(`fuzz: operations ${report.operations}, requests ${report.requests}, contradictions ${report.contradictions.length}, server_errors ${report.serverErrors.length}`);
process.exit(report.contradictions.length > 0 || report.serverErrors.length > 0 ? 1 : 0);
