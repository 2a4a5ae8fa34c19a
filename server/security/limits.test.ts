/**
 * Oversized bodies and uploads are refused with 413 before they are read
 * whole — on every JSON route (from the route table), with and without a
 * Content-Length, and on each route with its own larger limit (register
 * CSV, proposal attachments, progress photos, .pb imports) — and uploads
 * are judged by their content, never by their name or declared type.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, fillPath } from '#tests/security/access-table.ts';
import { buildTemplate, openWorld, type Template, type World } from '#tests/security/world.ts';
import { API_BODY_LIMIT, IMPORT_BODY_LIMIT } from '../app.ts';
import { MAX_UPLOAD_REQUEST_BYTES, UPLOAD_LIMITS } from '../services/uploads.ts';
import { PB_IMPORT_MAX_BYTES } from '../services/ballot-imports.ts';

let template: Template;
let w: World;
beforeAll(async () => {
  template = await buildTemplate();
}, 120_000);
afterAll(() => template?.close());
afterEach(() => w?.close());

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
const PROPOSAL = { title: '楼道声控灯更换', category: 'goods', theme: 'care', description: '更换楼道里损坏的声控灯。', address: '莲花社区 3 栋', estimatedCost: '30000' };

/** Files stored, in the whole world (the template's fixtures hold some already: compare, never assume none). */
const attachmentCount = async () => Number((await w.ctx.database.client.execute('select count(*) as n from attachments')).rows[0]!.n);

/** A body of `bytes` bytes sent as a stream, so there is no Content-Length to trust. */
function stream(bytes: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent >= bytes) return c.close();
      const n = Math.min(chunk, bytes - sent);
      sent += n;
      c.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
}

/** A multipart upload of `bytes` bytes with no Content-Length (the limit must count, not trust a header). */
function streamed(url: string, username: string, bytes: number) {
  return w.app.request(url, { method: 'POST', headers: { ...w.cookieOf(username), 'content-type': 'multipart/form-data; boundary=x' }, body: stream(bytes), duplex: 'half' } as RequestInit);
}

async function expect413(res: Response, what: string) {
  const text = await res.text();
  expect(res.status, `${what}: ${text.slice(0, 200)}`).toBe(413);
  expect(JSON.parse(text).error.code, what).toBe('payload_too_large');
}

async function draftOf(username: string): Promise<string> {
  const res = await w.request('POST', '/api/cycles/cy-lianhua-2026/proposals', username, PROPOSAL);
  expect(res.status).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

function filesForm(field: string, files: { name: string; bytes: Uint8Array<ArrayBuffer>; type?: string }[], extra: Record<string, string> = {}) {
  const f = new FormData();
  for (const [k, v] of Object.entries(extra)) f.append(k, v);
  for (const file of files) f.append(field, new File([file.bytes], file.name, { type: file.type ?? 'application/octet-stream' }));
  return f;
}

describe('oversized bodies: 413', () => {
  const jsonRoutes = Object.entries(ACCESS).filter(([k, e]) => !k.startsWith('GET ') && e.body !== undefined && !(typeof e.body === 'function' && e.body.length === 0) && !k.endsWith('/register'));

  it(`every JSON route (${jsonRoutes.length}) refuses a body over ${API_BODY_LIMIT / 1024} KB, with or without Content-Length`, async () => {
    w = await openWorld(template);
    for (const [key] of jsonRoutes) {
      const [method, path] = key.split(' ') as [string, string];
      const url = fillPath(path, new Proxy({}, { get: () => 'x' }) as Record<string, string>);
      const big = JSON.stringify({ title: 'x'.repeat(API_BODY_LIMIT) });
      await expect413(await w.app.request(url, { method, headers: { ...w.cookieOf('staff_lt'), 'content-type': 'application/json' }, body: big }), `${key} (Content-Length)`);
      await expect413(await w.app.request(url, { method, headers: { ...w.cookieOf('staff_lt'), 'content-type': 'application/json' }, body: stream(API_BODY_LIMIT + 1), duplex: 'half' } as RequestInit), `${key} (streamed)`);
    }
  });

  it(`the register import takes up to ${IMPORT_BODY_LIMIT / 1024 / 1024} MB, and no more`, async () => {
    w = await openWorld(template);
    await expect413(await w.request('POST', '/api/communities/lianhua/register', 'staff_lt', JSON.stringify({ csv: 'x'.repeat(IMPORT_BODY_LIMIT) })), 'register');
    // Just under the JSON limit of other routes is fine here: it is read, and judged on its content.
    const ok = await w.request('POST', '/api/communities/lianhua/register', 'staff_lt', { csv: `register_no,name,address\n${'T-1,某人,1栋\n'.repeat(3000)}` });
    expect(ok.status).not.toBe(413);
  });

  it(`proposal attachments: at most ${UPLOAD_LIMITS.maxBytes / 1024 / 1024} MB a file, ${(MAX_UPLOAD_REQUEST_BYTES / 1024 / 1024).toFixed(1)} MB a request`, async () => {
    w = await openWorld(template);
    const code = await draftOf('resident_lt');
    const before = await attachmentCount();
    await expect413(await streamed(`/api/proposals/${code}/attachments`, 'resident_lt', MAX_UPLOAD_REQUEST_BYTES + 1024), 'attachments request');
    const big = new Uint8Array(UPLOAD_LIMITS.maxBytes + 1);
    big.set(PNG);
    const res = await w.request('POST', `/api/proposals/${code}/attachments`, 'resident_lt', filesForm('files', [{ name: 'big.png', bytes: big }]));
    expect(res.status).toBe(413);
    expect(await attachmentCount()).toBe(before);
  });

  it('progress photos and .pb imports have their own limits, and refuse more', async () => {
    w = await openWorld(template);
    await expect413(await streamed('/api/projects/SGJD-SXSQ-2026-01/progress', 'staff_sx', MAX_UPLOAD_REQUEST_BYTES + 1024), 'progress');
    await expect413(await streamed('/api/cycles/cy-xianhu-2026/ballot-imports', 'staff_xh', PB_IMPORT_MAX_BYTES + 128 * 1024), 'pb import');
  });
});

describe('uploads are judged by content, not by name', () => {
  const refused: [string, Uint8Array<ArrayBuffer>, string][] = [
    ['photo.png', new TextEncoder().encode('<html><body><script>window.__xss=1</script></body></html>'), 'text/html named .png'],
    ['photo.jpg', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'an SVG (can carry script)'],
    ['anim.webp', Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0]), 'a GIF named .webp'],
    ['doc.pdf', new TextEncoder().encode('%PDF'), 'four bytes of a PDF header (too short to be one)'],
    ['run.exe', Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), 'a Windows program'],
  ];

  it('refuses what is not a JPEG, PNG, WebP or PDF whatever it is called (415), and stores nothing', async () => {
    w = await openWorld(template);
    const code = await draftOf('resident_lt');
    const before = await attachmentCount();
    for (const [name, bytes, what] of refused) {
      const res = await w.request('POST', `/api/proposals/${code}/attachments`, 'resident_lt', filesForm('files', [{ name, bytes, type: 'image/png' }]));
      expect(res.status, what).toBe(415);
      expect(((await res.json()) as { error: { code: string } }).error.code, what).toBe('unsupported_type');
    }
    expect(await attachmentCount()).toBe(before);
  });

  it('a real image with a dangerous name is kept as what it is, and served so that a browser cannot run it', async () => {
    w = await openWorld(template);
    const code = await draftOf('resident_lt');
    // PNG signature, then HTML: a polyglot. It is a PNG by content; it must never be served as HTML.
    const polyglot = new Uint8Array([...PNG, ...new TextEncoder().encode('<script>window.__xss=1</script>')]);
    const res = await w.request('POST', `/api/proposals/${code}/attachments`, 'resident_lt', filesForm('files', [{ name: '"><img src=x onerror=alert(1)>.html', bytes: polyglot, type: 'text/html' }]));
    expect(res.status).toBe(201);
    const [id] = ((await res.json()) as { ids: string[] }).ids;
    const file = await w.request('GET', `/api/attachments/${id}`, 'resident_lt');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = file.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^inline; filename="[^"\\\r\n]*\.png"; filename\*=UTF-8''/);
    expect(disposition).not.toMatch(/[<>]/);
  });

  it('progress reports take photos only: a PDF (a fine proposal attachment) is refused there', async () => {
    w = await openWorld(template);
    const before = await attachmentCount();
    const pdf = new TextEncoder().encode('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const form = filesForm('photos', [{ name: 'photo.jpg', bytes: pdf, type: 'image/jpeg' }], { reportedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), percent: '40', body: '进度' });
    const res = await w.request('POST', '/api/projects/SGJD-SXSQ-2026-01/progress', 'staff_sx', form);
    expect([415, 422]).toContain(res.status);
    expect(await attachmentCount()).toBe(before);
    expect(Number((await w.ctx.database.client.execute("select count(*) as n from progress_reports where project_id = (select id from projects where code = 'SGJD-SXSQ-2026-01') and body = '进度'")).rows[0]!.n)).toBe(0);
  });

  it('a .pb import that is not text at all is refused with a reason, not a crash', async () => {
    w = await openWorld(template);
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const res = await w.request('POST', '/api/cycles/cy-xianhu-2026/ballot-imports', 'staff_xh', filesForm('file', [{ name: 'votes.pb', bytes: junk }]));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});
