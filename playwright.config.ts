import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Which Chromium: an explicit CHROMIUM_PATH (or PLAYWRIGHT_CHROMIUM_EXECUTABLE),
 * else Playwright's own download if `npx playwright install chromium` was run,
 * else a system Chromium (Debian's `chromium` package).
 */
function chromiumPath(): string | undefined {
  const explicit = process.env.CHROMIUM_PATH ?? process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (explicit) return explicit;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined;
  } catch {}
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (existsSync(p)) return p;
  return undefined;
}

const PORT = Number(process.env.E2E_PORT ?? 4399);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: 'tests/e2e',
  // After the run: no personal data in the server's log of it.
  globalTeardown: './tests/e2e/logs-teardown.ts',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
        ...(isRoot ? ['--no-sandbox'] : []),
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node scripts/e2e-server.ts',
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    // The server seeds the demo with its generated history first (seconds; longer on a busy machine).
    timeout: 180_000,
    // The server logs every request of the run to a file, which the teardown reads.
    env: { PORT: String(PORT), HOST: '127.0.0.1', SEED_DEMO: '1', LOG_LEVEL: 'info', LOG_FILE: process.env.E2E_LOG || 'test-results/e2e-server.log' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
