/**
 * `npm run test:mutation -- [rules] [tally] [services]`: mutation testing,
 * one part of the code after another (stryker.config.mjs names the parts;
 * without arguments, all three), then the summary of every part's last
 * report (scripts/mutation-summary.ts):
 *
 *   mutation: score S%, killed K, survived V, timeout T, files F
 *
 * with a line per area and its target, exiting 1 when a part failed to run,
 * a part has no report yet, or an area misses its target. Each part is
 * incremental (reports/mutation/<part>.incremental.json): a rerun tests only
 * the mutants of code or tests that changed since that part last ran.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PARTS = ['rules', 'tally', 'services'];
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
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [stryker, 'run'], { stdio: 'inherit', env: { ...process.env, MUTATION_PART: part } });
  console.error(`mutation: part ${part} ${r.status === 0 ? 'ran' : `FAILED (exit ${r.status ?? r.signal})`} in ${((performance.now() - t0) / 60_000).toFixed(1)} min`);
  if (r.status !== 0) failed = true;
}
const summary = spawnSync(process.execPath, [fileURLToPath(new URL('./mutation-summary.ts', import.meta.url))], { stdio: 'inherit' });
process.exitCode = failed || summary.status !== 0 ? 1 : 0;
