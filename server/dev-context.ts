/**
 * @module For `astro dev` only: there is no server/serve.ts to hand pages the
 * AppContext, so the first request creates one (migrated and seeded) and
 * keeps it on globalThis across hot reloads.
 */
import { env } from './env.ts';
import { createContext, type AppContext } from './context.ts';
import { seedDemo } from './services/demo-seed.ts';

const KEY = Symbol.for('weishishi.devContext');

export function devContext(): Promise<AppContext> {
  const g = globalThis as unknown as Record<symbol, Promise<AppContext> | undefined>;
  g[KEY] ??= (async () => {
    const ctx = await createContext(env());
    if (env().SEED_DEMO === '1') await seedDemo(ctx, { history: true });
    return ctx;
  })();
  return g[KEY]!;
}
