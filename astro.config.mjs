// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import svelte from '@astrojs/svelte';

// Middleware mode: server/serve.ts owns the socket, answers /api/* with Hono
// and hands pages to Astro with the shared AppContext in `locals`.
// BigInt literals (`0n`) cannot be lowered to ES2019; the build keeps them as they are and warns at
// each one. Only the recount on /audit/verify uses them (the tally counts money exactly with BigInt),
// loaded when asked, and it tells a browser without BigInt that it cannot recount. Other warnings stay.
/** @type {(level: import('rolldown').LogLevel, log: import('rolldown').RolldownLog, handler: import('rolldown').LogOrStringHandler) => void} */
function quietBigInt(level, log, handler) {
  if (log.code === 'TOLERATED_TRANSFORM' && /Big integer literals/.test(log.message)) return;
  handler(level, log);
}

export default defineConfig({
  output: 'server',
  // Separate build folders let several checkouts or test runs build side by side.
  outDir: process.env.WSS_DIST_DIR || './dist',
  // Pages accept uploads (proposal files, register CSVs) up to ~32 MB; the default is 1 GB.
  adapter: node({ mode: 'middleware', bodySizeLimit: 32 * 1024 * 1024 }),
  integrations: [svelte()],
  security: {
    // Our middleware checks Origin / Sec-Fetch-Site on every state-changing
    // request (forms and JSON alike, and behind a proxy), so Astro's form-only
    // check is off to avoid two rules that could disagree.
    checkOrigin: false,
    // Content-Security-Policy on every page, sent as a header (pages render on
    // demand; a <meta> policy could not carry frame-ancestors). Astro hashes
    // the inline scripts it writes itself (the island loader and hydration
    // directives) and adds them to script-src; any other inline script or
    // `on…=` attribute is refused, so page code attaches its handlers from
    // bundled scripts (see PrintButton.astro). Astro leaves the header out in
    // `astro dev`, where Vite injects its own inline scripts: the policy is a
    // property of the build, and the browser tests run against the build.
    csp: {
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "img-src 'self'",
        "connect-src 'self'",
      ],
      // Styles keep 'unsafe-inline': pages and islands set `style` attributes
      // (bar widths, white-space), and a CSP 3 `style-src-attr` split would
      // leave browsers without it (Safari before 15.4) with none of them. Inline
      // CSS cannot reach another site: default-src and img-src are 'self'.
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  // The site has no Markdown; this only stops Astro warning that Shiki's inline styles clash with the CSP.
  markdown: { syntaxHighlight: false },
  i18n: undefined,
  vite: {
    // Islands must run in WeChat's in-app browser (ES2019). Astro sets the client build's target to
    // esnext itself (a top-level build.target reaches only the server build), so a plugin sets it on
    // the client environment; the server runs on Node 24 and keeps modern syntax.
    plugins: [
      {
        name: 'weishishi:client-es2019',
        configEnvironment(name) {
          if (name === 'client') return { build: { target: 'es2019', rolldownOptions: { onLog: quietBigInt } } };
        },
      },
    ],
    server: { watch: { ignored: ['**/data/**', '**/test-results/**'] } },
  },
});
