/**
 * Playwright's web server: the production build on a fresh throwaway
 * database with the demo data, plus test-only fixtures (tests/e2e/fixtures/*.ts,
 * each exporting `seedFixture(ctx)`) that journeys need for themselves — e.g.
 * a cycle that a journey may close without disturbing the others. Fixtures go
 * through the services like the demo seed; the demo data itself stays as the
 * README describes it.
 */
import { rmSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { dirname, resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const file = process.env.E2E_DB || 'test-results/e2e.db';
mkdirSync(dirname(file), { recursive: true });
for (const f of [file, `${file}-wal`, `${file}-shm`, process.env.LOG_FILE ?? '']) if (f) rmSync(f, { force: true });
process.env.DATABASE_URL = `file:${resolve(file)}`;
process.env.NODE_ENV ??= 'test';
// The demo's day: the journeys see the demo's phases as they were written, whatever day they run on.
const { DEMO_CLOCK_START } = await import('../db/seed.ts');
process.env.CLOCK_START ??= DEMO_CLOCK_START;

const { env } = await import('../server/env.ts');
const { createContext } = await import('../server/context.ts');
const { seedDemo } = await import('../server/services/demo-seed.ts');
const ctx = await createContext(env());
// As served: the demo with its generated history (the journeys see what a visitor sees).
await seedDemo(ctx, { history: true });
const dir = resolve('tests/e2e/fixtures');
if (existsSync(dir)) {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) {
    const mod = (await import(pathToFileURL(join(dir, name)).href)) as { seedFixture?: (c: typeof ctx) => Promise<void> };
    if (mod.seedFixture) await mod.seedFixture(ctx);
  }
}
ctx.database.close();
// The server goes on from the seeding's clock rather than starting the demo's day again: otherwise what the
// seeding wrote would be later than what the journeys write in their first minute or so (how long seeding took),
// and a journey that looks for its own entry among the newest would not find it.
const seedingClock = ctx.now;

const { start } = await import('../server/serve.ts');
await start({
  // Every browser of the suite signs in from 127.0.0.1, and a few journeys try
  // wrong passwords on purpose: the per-address guessing throttle would slow
  // later journeys at random. The throttles are tested where they can be
  // exact, in server/security/rate-limits.test.ts; everything else stays as in
  // production.
  adjust: (ctx) => {
    ctx.now = seedingClock;
    ctx.throttle.signInAddress = { ...ctx.throttle.signInAddress, free: 10_000 };
  },
});
