// @ts-check
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
/**
 * Mutation testing (`npm run test:mutation`): Stryker changes one thing at a
 * time in the code below and checks that some test fails. A separate lane
 * from `npm test`, read like a benchmark; scripts/mutation-summary.ts prints
 * the score and checks the targets (README, "Testing").
 *
 * Incremental: each part's results are kept in
 * reports/mutation/<part>.incremental.json, so a rerun only tests mutants in
 * code or tests that changed since. Delete that file for a run from scratch.
 */

// The tally's reference tests find the pabulib data at ../shared/data from
// the checkout; Stryker runs them from a copy in .stryker-tmp/, so name the
// folder outright (its test workers inherit this environment).
const sharedData = fileURLToPath(new URL('../shared/data/', import.meta.url));
if (!process.env.PABULIB_DATA && !process.env.PABULIB_SKIP && existsSync(sharedData)) process.env.PABULIB_DATA = sharedData;

/**
 * The code under mutation, in five parts run one at a time by
 * scripts/mutation.ts (`npm run test:mutation -- [part …]`), each with its
 * own incremental file and report, so that a long first run can be done a
 * part at a time and a change reruns only its own part's mutants: the
 * domain's rules, the tally (and its pabulib formats), then the three
 * services, whose tests start a seeded app and so cost seconds a mutant:
 * sessions and the rest of server/auth, the audit module's service half,
 * and the ballot service. Each of those is small enough to run in one
 * sitting. MUTATION_PART picks one; without it, all of them.
 *
 * @type {Record<string, string[]>}
 */
export const PARTS = {
  rules: ['server/domain/*.ts', '!server/domain/*.test.ts'],
  tally: ['server/domain/tally/**/*.ts', 'server/domain/pabulib/**/*.ts', '!server/domain/**/*.test.ts', '!server/domain/tally/testing/**'],
  auth: ['server/auth/**/*.ts', '!server/auth/**/*.test.ts'],
  audit: ['server/services/audit.ts', 'server/services/audit-disclosure.ts'],
  ballots: ['server/services/ballots.ts'],
};
const part = process.env.MUTATION_PART || null;
if (part && !(part in PARTS)) throw new Error(`MUTATION_PART=${part}: the parts are ${Object.keys(PARTS).join(', ')}`);
const name = part ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate: part ? PARTS[part] : Object.values(PARTS).flat(),
  // A static mutant (one only reached while modules load: a constant, a
  // table built at import) can only be tested by reloading everything and
  // running every related test, minutes apiece here; Stryker marks them
  // Ignored and scripts/mutation-summary.ts prints how many there are.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  reporters: ['json', 'html', 'progress'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  // Two workers at most: the machine has two cores and is shared.
  concurrency: 2,
  // A loaded machine makes honest test runs slow; only a real hang should count as a timeout.
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 20,
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'data', 'test-results', 'playwright-report', 'blob-report', 'coverage', 'reports', 'bench/.scratch', '.astro'],
};
