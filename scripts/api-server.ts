/**
 * The production server without the pages: `start({ apiOnly: true })` from
 * server/serve.ts — the same environment, the same context with the writer
 * thread (casting commits there with synchronous=FULL), the same write queue
 * and the same node:http listener for /api/*; any other path answers 404.
 * It needs no `astro build`, so tests that run before the build (the crash
 * test in bench/crash.test.ts) can start a real server process and kill it.
 *
 *   DATABASE_URL=file:/tmp/x.db PORT=4460 HOST=127.0.0.1 node scripts/api-server.ts
 */
import { start } from '../server/serve.ts';

await start({ apiOnly: true });
