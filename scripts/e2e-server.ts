/** Playwright's web server: the production build on a fresh throwaway database. */
import { rmSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const file = process.env.E2E_DB || 'test-results/e2e.db';
mkdirSync(dirname(file), { recursive: true });
for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
process.env.DATABASE_URL = `file:${resolve(file)}`;
process.env.NODE_ENV ??= 'test';
const { start } = await import('../server/serve.ts');
await start();
