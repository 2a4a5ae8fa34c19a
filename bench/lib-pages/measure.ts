/**
 * @module What a page costs: the bytes a browser downloads on a first visit
 * (the HTML, then every stylesheet, script, module it imports, and image the
 * page names), the JavaScript among them gzip-compressed, and how long the
 * server takes to answer the HTML (time to the last byte, sequential requests
 * on one keep-alive connection, so it is the server's render time plus a
 * loopback round trip).
 */
import { request, Agent } from 'node:http';
import { gzipSync } from 'node:zlib';

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

export type Fetched = { status: number; wireBytes: number; body: Buffer; contentType: string; ms: number };

/** One GET as a browser sends it (accepting compression), counting the bytes that cross the wire. */
export function get(url: string, cookie?: string): Promise<Fetched> {
  return new Promise((ok, fail) => {
    const t0 = process.hrtime.bigint();
    const req = request(url, { agent, headers: { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,*/*', ...(cookie ? { cookie } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        // Header bytes are left out: they are the same few hundred bytes for every page.
        ok({ status: res.statusCode ?? 0, wireBytes: body.length, body, contentType: String(res.headers['content-type'] ?? ''), ms });
      });
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

export type PageCost = {
  status: number;
  htmlBytes: number;
  cssBytes: number;
  jsBytes: number;
  jsGzip: number;
  otherBytes: number;
  totalBytes: number;
  jsFiles: string[];
};

const attr = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!.replace(/&amp;/g, '&'));

/** Static imports and dynamic import() of a built module, resolved against its URL. */
function moduleImports(code: string, from: string): string[] {
  const specs = [
    ...attr(code, /\bimport\s*["'`]([^"'`]+)["'`]/g),
    ...attr(code, /\bfrom\s*["'`]([^"'`]+)["'`]/g),
    ...attr(code, /\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g),
  ];
  return specs.filter((s) => s.startsWith('.') || s.startsWith('/')).map((s) => new URL(s, from).href);
}

/** Everything a first visit to `path` downloads, as served. */
export async function pageCost(base: string, path: string, cookie?: string): Promise<PageCost> {
  const page = await get(base + path, cookie);
  const html = page.body.toString('utf8');
  const css = attr(html, /<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g).concat(attr(html, /<link[^>]+href="([^"]+)"[^>]*rel="stylesheet"/g));
  const scripts = [
    ...attr(html, /<script[^>]+src="([^"]+)"/g),
    ...attr(html, /component-url="([^"]+)"/g),
    ...attr(html, /renderer-url="([^"]+)"/g),
    ...attr(html, /<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g),
  ];
  const images = attr(html, /<img[^>]+src="([^"]+)"/g).concat(attr(html, /<link[^>]+rel="icon"[^>]*href="([^"]+)"/g));
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).filter((s) => s.trim() && !/^\s*[[{]/.test(s));

  const abs = (u: string) => new URL(u, base + path).href;
  let cssBytes = 0;
  for (const u of new Set(css.map(abs))) cssBytes += (await get(u)).wireBytes;
  let otherBytes = 0;
  for (const u of new Set(images.map(abs))) otherBytes += (await get(u)).wireBytes;

  // Modules and the modules they import, each once.
  const seen = new Set<string>();
  const queue = scripts.map(abs);
  let jsBytes = 0;
  let jsGzip = 0;
  while (queue.length) {
    const u = queue.shift()!;
    if (seen.has(u)) continue;
    seen.add(u);
    const r = await get(u);
    jsBytes += r.wireBytes;
    jsGzip += gzipSync(r.body, { level: 9 }).length;
    queue.push(...moduleImports(r.body.toString('utf8'), u));
  }
  // Inline scripts (Astro's island loader) travel inside the HTML; their gzip size counts as JavaScript shipped.
  for (const s of inline) jsGzip += gzipSync(Buffer.from(s), { level: 9 }).length;

  return {
    status: page.status,
    htmlBytes: page.wireBytes,
    cssBytes,
    jsBytes,
    jsGzip,
    otherBytes,
    totalBytes: page.wireBytes + cssBytes + jsBytes + otherBytes,
    jsFiles: [...seen].map((u) => new URL(u).pathname),
  };
}

/**
 * Server render times of several pages: a few warm-up requests each, then `n`
 * rounds of one request per page, one at a time. Taking the pages in turn
 * spreads any burst of load on the machine over all of them rather than on
 * whichever page was being timed. Median and p95 in ms, per page.
 */
export async function renderTimes(base: string, pages: { path: string; cookie?: string }[], n: number): Promise<{ median: number; p95: number }[]> {
  for (const p of pages) for (let i = 0; i < 5; i++) await get(base + p.path, p.cookie);
  const ms: number[][] = pages.map(() => []);
  for (let round = 0; round < n; round++) {
    for (const [i, p] of pages.entries()) ms[i]!.push((await get(base + p.path, p.cookie)).ms);
  }
  return ms.map((xs) => {
    xs.sort((a, b) => a - b);
    const at = (q: number) => xs[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;
    return { median: at(0.5), p95: at(0.95) };
  });
}

export function closeAgent() {
  agent.destroy();
}
