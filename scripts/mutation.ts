/**
 * `npm run test:mutation -- [rules] [tally] [auth] [audit] [ballots]`: mutation testing,
 * one part of the code after another (stryker.config.mjs names the parts;
 * without arguments, all of them), then the summary of every part's last
 * report (scripts/mutation-summary.ts):
 *
 *   mutation: score S%, killed K, survived V, timeout T, files F
 *
 * with a line per area and its target, exiting 1 when a part failed to run,
 * a part has no report yet, or an area misses its target. Each part is
 * incremental (reports/mutation/<part>.incremental.json): a rerun tests only
 * the mutants of code or tests that changed since that part last ran.
 *
 * A first run of every part takes hours on two cores, so each part's last
 * results are kept in the repository, compressed, as
 * tests/mutation/<part>.json.gz: a fresh checkout starts from them (a rerun
 * tests only what changed since they were made), a part that ran leaves its
 * new results there to be committed, and the summary reads them for a part
 * not run on this machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

import { incrementalFile, keptFile, PARTS as PART_NAMES } from './mutation-summary.ts';
const PARTS: readonly string[] = PART_NAMES;
const asked = process.argv.slice(2);
for (const p of asked) {
  if (!PARTS.includes(p)) {
    console.error(`mutation: no part called ${p}; the parts are ${PARTS.join(', ')}`);
    process.exit(2);
  }
}
const stryker = fileURLToPath(new URL('../node_modules/@stryker-mutator/core/bin/stryker.js', import.meta.url));
let failed = false;
for (const part of asked.length ? asked : PARTS) {
  const incremental = incrementalFile(part);
  if (!existsSync(incremental) && existsSync(keptFile(part))) {
    mkdirSync(dirname(incremental), { recursive: true });
    writeFileSync(incremental, gunzipSync(readFileSync(keptFile(part))));
    console.error(`mutation: part ${part} starts from the results kept in ${keptFile(part)}`);
  }
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [stryker, 'run'], { stdio: 'inherit', env: { ...process.env, MUTATION_PART: part } });
  console.error(`mutation: part ${part} ${r.status === 0 ? 'ran' : `FAILED (exit ${r.status ?? r.signal})`} in ${((performance.now() - t0) / 60_000).toFixed(1)} min`);
  if (r.status !== 0) failed = true;
  else {
    mkdirSync(dirname(keptFile(part)), { recursive: true });
    writeFileSync(keptFile(part), gzipSync(readFileSync(incremental), { level: 9 }));
  }
}
const summary = spawnSync(process.execPath, [fileURLToPath(new URL('./mutation-summary.ts', import.meta.url))], { stdio: 'inherit' });
process.exitCode = failed || summary.status !== 0 ? 1 : 0;
