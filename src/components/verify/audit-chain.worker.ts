/**
 * The browser's audit-log verifier, in a Web Worker so the page stays
 * responsive over millions of entries: downloads the published log
 * (GET /api/audit.ndjson, gzip undone by the browser), recomputes every hash
 * with WebCrypto's SHA-256 and checks the signed checkpoints with WebCrypto's
 * Ed25519, by the same walk as `npm run audit:verify -- --url`
 * (server/domain/audit-checkpoint.ts).
 *
 * In: { given: {seq, hash}[] }. Out: {type:'progress', n, total} now and then,
 * then {type:'done', ...RemoteVerifyResult-like} or {type:'error', message}.
 */
import { ChainWalker, checkCheckpoints, type SignedCheckpoint } from '#domain/audit-checkpoint.ts';
import { apiClient } from '#http/api-client.ts';

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
const unhex = (s: string) => new Uint8Array(s.match(/../g)!.map((h) => Number.parseInt(h, 16)));
const encoder = new TextEncoder();

async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

async function verifyEd25519(publicKeyHex: string, message: string, signatureHex: string): Promise<boolean> {
  try {
    if (!/^[0-9a-f]{64}$/.test(publicKeyHex) || !/^[0-9a-f]{128}$/.test(signatureHex)) return false;
    const key = await crypto.subtle.importKey('raw', unhex(publicKeyHex), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, unhex(signatureHex), encoder.encode(message));
  } catch {
    return false;
  }
}

/** The key and checkpoint reads go through the client typed by the API document; the NDJSON stream below is a plain fetch. */
const api = apiClient({ baseUrl: self.location.origin, headers: { accept: 'application/json' } });

async function run(given: { seq: number; hash: string }[]) {
  const key = await api.GET('/api/audit/key');
  if (!key.data) throw new Error(`/api/audit/key: HTTP ${key.response.status}`);
  const signed: SignedCheckpoint[] = [];
  for (let after = 0; ; ) {
    const page = await api.GET('/api/audit/checkpoints', { params: { query: { after } } });
    if (!page.data) throw new Error(`/api/audit/checkpoints: HTTP ${page.response.status}`);
    signed.push(...page.data.items);
    if (page.data.next === null) break;
    after = page.data.next;
  }
  const walker = new ChainWalker(sha256Hex, new Set([...signed, ...given].map((c) => c.seq)));
  const res = await fetch('/api/audit.ndjson', { cache: 'no-store' });
  if (!res.ok || !res.body) throw new Error(`/api/audit.ndjson: HTTP ${res.status}`);
  const total = Number(res.headers.get('x-audit-head-seq') ?? 0);
  postMessage({ type: 'progress', n: 0, total });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  let lastPost = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const lines = (rest + value).split('\n');
    rest = lines.pop()!;
    for (const line of lines) if (!(await walker.addLine(line))) break;
    if (walker.problem) {
      await reader.cancel();
      break;
    }
    if (performance.now() - lastPost > 100) {
      lastPost = performance.now();
      postMessage({ type: 'progress', n: walker.count, total });
    }
  }
  if (!walker.problem && rest.trim()) await walker.addLine(rest);
  postMessage({ type: 'progress', n: walker.count, total });
  const checkpoints = await checkCheckpoints(walker, signed, given, key.data.keys, verifyEd25519);
  return { ok: !walker.problem && checkpoints.problems.length === 0, count: walker.count, head: walker.head, chain: walker.problem, checkpoints };
}

onmessage = async (e: MessageEvent<{ given: { seq: number; hash: string }[] }>) => {
  try {
    postMessage({ type: 'done', ...(await run(e.data.given)) });
  } catch (err) {
    postMessage({ type: 'error', message: (err as Error).message });
  }
};
