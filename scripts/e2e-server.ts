/** Playwright's web server: the production build on a fresh throwaway database. */
import { rmSync, mkdirSync } from 'node:fs';

const file = 'test-results/e2e.db';
mkdirSync('test-results', { recursive: true });
for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
process.env.DATABASE_URL = `file:./${file}`;
process.env.NODE_ENV ??= 'test';
const { start } = await import('../server/serve.ts');
await start();
