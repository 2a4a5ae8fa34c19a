// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import svelte from '@astrojs/svelte';

// Middleware mode: server/serve.ts owns the socket, answers /api/* with Hono
// and hands pages to Astro with the shared AppContext in `locals`.
export default defineConfig({
  output: 'server',
  // Separate build folders let several checkouts or test runs build side by side.
  outDir: process.env.WSS_DIST_DIR || './dist',
  // Pages accept uploads (proposal files, register CSVs) up to ~32 MB; the default is 1 GB.
  adapter: node({ mode: 'middleware', bodySizeLimit: 32 * 1024 * 1024 }),
  integrations: [svelte()],
  // Our middleware checks Origin / Sec-Fetch-Site on every state-changing
  // request (forms and JSON alike, and behind a proxy), so Astro's form-only
  // check is off to avoid two rules that could disagree.
  security: { checkOrigin: false },
  i18n: undefined,
  vite: {
    // Islands must run in WeChat's in-app browser (ES2019). Astro sets the client build's target to
    // esnext itself (a top-level build.target reaches only the server build), so a plugin sets it on
    // the client environment; the server runs on Node 24 and keeps modern syntax.
    plugins: [
      {
        name: 'weishishi:client-es2019',
        configEnvironment(name) {
          if (name === 'client') return { build: { target: 'es2019' } };
        },
      },
    ],
    server: { watch: { ignored: ['**/data/**', '**/test-results/**'] } },
  },
});
