/**
 * @module The test set the mutation lane (`npm run test:mutation`, Stryker)
 * runs against mutants: the fast unit and API tests of the code it mutates
 * (server/domain, server/auth, the audit module, the ballot service). Tests
 * that spawn a process (the tally CLI, sqld) are left out: a mutant lives in
 * the test worker's memory and a child process would never see it. So are
 * the tally's reference elections (tally/reference.test.ts): on code
 * instrumented with every mutant they run for minutes instead of seconds,
 * and tally/mes.test.ts, tally.test.ts and pabulib/parse.test.ts test the
 * same rules on small and random elections.
 */
import { defineConfig } from 'vitest/config';

/** The domain's own tests: pure, milliseconds each. */
const DOMAIN_TESTS = ['server/domain/**/*.test.ts'];

/**
 * The parts of the pure domain (rules, tally) are tested by the domain's own
 * tests alone. The API and security tests below each start a seeded app, so
 * a mutant of code they all pass through (money's formatting, the state
 * names) cost half a minute apiece: the first run of the rules part did 1,900
 * mutants in 40 minutes, then 50 in the next 20. The three service parts
 * need them, each its own: a part's first step runs all of its tests once,
 * and Stryker then runs, for each mutant, only the tests that reach it.
 */
const SERVICE_TESTS: Record<string, string[]> = {
  auth: [
    'server/auth/*.test.ts',
    'server/routes/auth.routes.test.ts',
    'server/security/sessions.test.ts',
    'server/security/guessing.test.ts',
    'server/security/rate-limits.test.ts',
    'server/security/authorization.test.ts',
  ],
  audit: [
    'server/services/audit.test.ts',
    'server/services/audit-disclosure.test.ts',
    'server/services/audit-tamper.test.ts',
    'server/routes/audit-download.routes.test.ts',
    'server/routes/audit.routes.test.ts',
    'server/security/audit-integrity.test.ts',
    'db/audit-log.test.ts',
  ],
  ballots: [
    'server/services/ballots.test.ts',
    'server/services/results.test.ts',
    'server/routes/ballots.routes.test.ts',
    'server/routes/ballot-imports.routes.test.ts',
    'server/security/outsiders.test.ts',
    'server/security/guessing.test.ts',
  ],
};
const part = process.env.MUTATION_PART;
const serviceTests = part && part in SERVICE_TESTS ? SERVICE_TESTS[part]! : Object.values(SERVICE_TESTS).flat();

export default defineConfig({
  test: {
    // The domain's tests reach no service (the layers only import downwards).
    include: part === 'rules' || part === 'tally' ? DOMAIN_TESTS : part ? serviceTests : [...DOMAIN_TESTS, ...serviceTests],
    exclude: ['server/domain/tally/cli.test.ts', 'server/domain/tally/add1-reference.test.ts', 'server/domain/tally/testing/data.test.ts', 'server/domain/tally/reference.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
