/**
 * @module The contract lane, `npm run test:contract`: tests/contract.test.ts
 * alone, which checks the contract checker and then runs the API integration
 * tests under it in a child vitest (CONTRACT=1). Kept out of vitest.config.ts's
 * files so that `npm run test:unit` does not run those tests twice over.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/contract.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
