/**
 * @module GET /api/docs: the API's interactive reference, Scalar's API
 * reference (its standalone browser bundle from @scalar/api-reference),
 * served by this site alone. The page reads /api/openapi.json, which answers
 * in the visitor's language (server/http/api-doc.ts), and Scalar's own
 * buttons and headings follow the same choice (its zh-CN translations).
 *
 * Nothing comes from another host: the bundle is served from node_modules by
 * the routes below, Scalar's default web fonts (fonts.scalar.com) are turned
 * off, and so are the parts that talk to Scalar's services (the AI agent,
 * MCP, telemetry, the request proxy) or send the visitor there (the "open
 * API client" button, a link to client.scalar.com with this document's
 * address). The page's Content-Security-Policy would refuse requests to
 * other hosts anyway (see DOCS_CSP). "Try it" stays: its requests go to
 * this site.
 *
 * These are routes of the API app, not operations of the API: the document
 * does not list them.
 */
import { Hono } from 'hono';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AppEnv } from './router.ts';
import { localeOf, type Locale } from './errors.ts';
import { say } from '#messages/say.ts';

const require = createRequire(import.meta.url);

/**
 * The page's one script: Scalar's standalone bundle (one file, no chunks),
 * found from the package's entry point, between a line that tells the Zod
 * inside it not to probe for `Function` (its test of whether it may compile
 * validators; the page's policy refuses it, and the refusal would be
 * reported) and the lines that start it with the page's settings, which
 * travel in a JSON block (an inline script would need an exception).
 */
async function scalarBundle(): Promise<{ version: string; js: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer> }> {
  const dist = dirname(require.resolve('@scalar/api-reference'));
  const version = (JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const standalone = readFileSync(join(dist, 'browser', 'standalone.js'), 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
  const js = new TextEncoder().encode(`${PRELUDE}\n${standalone}\n${START}`);
  // Compressed once, off the event loop (about 0.1 s of work for 4.7 MB → 1.4 MB).
  return { version, js, gzip: new Uint8Array(await promisify(gzip)(js, { level: 9 })) };
}
const PRELUDE = `window.__zod_globalConfig = Object.assign(window.__zod_globalConfig || {}, { jitless: true });`;
const START = `(function () {
  var config = JSON.parse(document.getElementById('api-docs-config').textContent);
  window.Scalar.createApiReference('#reference', config);
})();`;
let bundle: ReturnType<typeof scalarBundle> | undefined;
const theBundle = () => (bundle ??= scalarBundle());

/**
 * The page's policy: the site's own (astro.config.mjs) with two differences,
 * on this route only.
 * - script-src is 'self' with no hashes: the page has no inline script at all
 *   (its settings travel in a JSON block, which is data, and the script
 *   /api/docs/reference.js hands them to Scalar).
 * - img-src adds data: Scalar's stylesheet draws the bullets of Markdown
 *   lists and the icons of Markdown alerts in the document's descriptions
 *   as data: SVG masks (refused, they are reported as violations and the
 *   bullets vanish). A data: image is inside the page already and cannot
 *   reach another host.
 * Styles are 'self' 'unsafe-inline' as on every page of the site: Scalar
 * injects its stylesheet as a <style> element and Vue writes style
 * attributes. connect-src 'self' keeps the document and "try it" requests
 * on this site; fonts fall under default-src 'self'.
 */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** The page's own words: ui.json's `apiDocs.*`. */
const TEXT_KEYS = ['title', 'site', 'lead', 'document', 'openData', 'noscript', 'switchTo', 'switchLabel'] as const;
const textOf = (locale: Locale) => Object.fromEntries(TEXT_KEYS.map((k) => [k, say.ui(locale, `apiDocs.${k}`)])) as Record<(typeof TEXT_KEYS)[number], string>;

/** Scalar's settings for this site (ApiReferenceConfiguration, as JSON). */
function scalarConfig(locale: Locale) {
  return {
    url: '/api/openapi.json',
    localization: { locale },
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    mcp: { disabled: true },
    showDeveloperTools: 'never',
    hideClientButton: true,
    persistAuth: false,
    operationTitleSource: 'summary',
    documentDownloadType: 'json',
    hideDarkModeToggle: false,
    customCss: CUSTOM_CSS,
  };
}

/** System fonts, Chinese ones included, instead of Scalar's Inter (which it would fetch from fonts.scalar.com). */
const CUSTOM_CSS = `.scalar-app, .scalar-api-reference { --scalar-font: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON inside <script type="application/json">: nothing in it may close the element. */
const scriptJson = (x: unknown) => JSON.stringify(x).replace(/</g, '\\u003c');

function page(locale: Locale, version: string): string {
  const t = textOf(locale);
  const other = locale === 'en' ? 'zh-CN' : 'en';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)} · ${escapeHtml(t.site)}</title>
<meta name="description" content="${escapeHtml(t.lead)}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>
  .docs-head { font: 16px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1d2433; background: #fff; border-bottom: 1px solid #d9dde5; padding: 12px 16px; }
  .docs-head .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; }
  .docs-head .site { color: #b3261e; font-weight: 700; text-decoration: none; display: inline-flex; align-items: center; min-height: 44px; }
  .docs-head .title { font-size: 1.25rem; font-weight: 700; margin: 0; color: #1d2433; }
  .docs-head form { margin-left: auto; }
  .docs-head button { font: inherit; min-height: 44px; min-width: 44px; padding: 0 12px; border: 1px solid #d9dde5; border-radius: 8px; background: #fff; color: #0b57d0; cursor: pointer; }
  .docs-head p { margin: 4px 0; max-width: 70em; color: #4d5566; }
  .docs-head .links a { color: #0b57d0; display: inline-flex; align-items: center; min-height: 44px; }
</style>
</head>
<body>
<header class="docs-head">
  <div class="bar">
    <a class="site" href="/">${escapeHtml(t.site)}</a>
    <!-- Not a heading: the page's one h1 is the document's title, which Scalar writes. -->
    <p class="title" data-testid="docs-title">${escapeHtml(t.title)}</p>
    <form method="post" action="/lang">
      <input type="hidden" name="to" value="${other}">
      <input type="hidden" name="back" value="/api/docs">
      <button type="submit" lang="${other}" aria-label="${escapeHtml(t.switchLabel)}" data-testid="lang-switch">${escapeHtml(t.switchTo)}</button>
    </form>
  </div>
  <p data-testid="docs-lead">${escapeHtml(t.lead)}</p>
  <p class="links"><a href="/api/openapi.json">${escapeHtml(t.document)}</a> · <a href="/open-data">${escapeHtml(t.openData)}</a></p>
  <noscript><p>${escapeHtml(t.noscript)} <a href="/api/openapi.json">/api/openapi.json</a></p></noscript>
</header>
<main id="reference" data-testid="api-reference"></main>
<script type="application/json" id="api-docs-config">${scriptJson(scalarConfig(locale))}</script>
<script src="/api/docs/reference.js?v=${encodeURIComponent(version)}"></script>
</body>
</html>
`;
}

const pageHeaders = (locale: Locale) => ({
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': DOCS_CSP,
  'x-frame-options': 'DENY',
  'cache-control': 'no-cache',
  'content-language': locale,
  vary: 'Cookie, Accept-Language',
});

export const apiDocsRoutes = new Hono<AppEnv>()
  .get('/docs', async (c) => {
    const locale = localeOf(c);
    return c.body(page(locale, (await theBundle()).version), 200, pageHeaders(locale));
  })
  .get('/docs/reference.js', async (c) => {
    const bundle = await theBundle();
    const etag = `"scalar-${bundle.version}"`;
    const headers: Record<string, string> = { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400', etag, vary: 'Accept-Encoding' };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.body(bundle.gzip, 200, { ...headers, 'content-encoding': 'gzip' });
    return c.body(bundle.js, 200, headers);
  });
