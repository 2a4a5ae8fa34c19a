import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { testApp } from '#tests/fixtures.ts';
import { attachments, projects } from '#db/schema.ts';
import { checkFiles, contentDisposition, displayName, sniffMime, storeAttachments, uploadsDir, UPLOAD_LIMITS } from './uploads.ts';

const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('judging a file by its content', () => {
  it('recognises JPEG, PNG, WebP and PDF by their magic bytes', () => {
    expect(sniffMime(bytes(...JPEG))).toBe('image/jpeg');
    expect(sniffMime(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffMime(text('RIFF\u0010\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
    expect(sniffMime(text('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses everything else, whatever it is called', () => {
    expect(sniffMime(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffMime(text('GIF89a'))).toBeNull();
    expect(sniffMime(text('RIFF\u0010\u0000\u0000\u0000WAVEfmt '))).toBeNull();
    expect(sniffMime(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffMime(bytes())).toBeNull();
  });

  it('allows exactly 5 MB and refuses one byte more, naming the file', () => {
    const ok = new Uint8Array(UPLOAD_LIMITS.maxBytes);
    ok.set(JPEG);
    const big = new Uint8Array(UPLOAD_LIMITS.maxBytes + 1);
    big.set(JPEG);
    expect(checkFiles([{ name: 'a.jpg', bytes: ok }], 0)).toMatchObject({ ok: true, files: [{ name: 'a.jpg', mime: 'image/jpeg' }] });
    expect(checkFiles([{ name: 'b.jpg', bytes: big }], 0)).toEqual({ ok: false, problems: [{ name: 'b.jpg', code: 'file_too_large' }] });
  });

  it('reports every bad file at once, and too many files for the proposal', () => {
    const r = checkFiles([{ name: 'x.jpg', bytes: text('hello') }, { name: 'empty.png', bytes: bytes() }, { name: 'ok.jpg', bytes: bytes(...JPEG) }], 4);
    expect(r).toEqual({
      ok: false,
      problems: [
        { name: '', code: 'too_many_files' },
        { name: 'x.jpg', code: 'unsupported_type' },
        { name: 'empty.png', code: 'empty_file' },
      ],
    });
  });
});

describe('file names', () => {
  it('keeps only the last path segment, without control characters', () => {
    expect(displayName('C:\\Users\\张三\\身份证.jpg')).toBe('身份证.jpg');
    expect(displayName('../../etc/passwd')).toBe('passwd');
    expect(displayName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
  });

  it('the content-disposition names the real type and cannot carry quotes or new lines', () => {
    expect(contentDisposition('report.html', 'application/pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(contentDisposition('a"\r\nSet-Cookie: x=1.jpg', 'image/jpeg')).toBe(`inline; filename="a_Set-Cookie_x_1.jpg"; filename*=UTF-8''a%22Set-Cookie%3A%20x%3D1.jpg`);
    expect(contentDisposition('.jpg', 'image/jpeg')).toBe(`inline; filename="attachment.jpg"; filename*=UTF-8''attachment.jpg`);
  });
});

describe('storing attachments', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp({ seed: true });
  });
  afterAll(() => t.close());

  it('lives next to the database file, in uploads/', () => {
    expect(uploadsDir({ url: 'file:/srv/wss/data/app.db' })).toBe('/srv/wss/data/uploads');
    expect(uploadsDir({ url: 'http://127.0.0.1:8080' })).toBe(resolve('data', 'uploads'));
  });

  it('writes the file under a made-up name and records it with an audit entry', async () => {
    const p = (await t.ctx.database.db.select({ id: projects.id }).from(projects).limit(1))[0]!;
    const checked = checkFiles([{ name: '../evil.sh', bytes: bytes(...JPEG, 1, 2, 3) }], 0);
    if (!checked.ok) throw new Error('expected ok');
    const r = await storeAttachments(t.ctx, p.id, checked.files, { accountId: null, role: 'staff', name: '测试' });
    expect(r.ok).toBe(true);
    const row = (await t.ctx.database.db.select().from(attachments).where(eq(attachments.projectId, p.id)))[0]!;
    expect(row).toMatchObject({ originalName: 'evil.sh', mime: 'image/jpeg', kind: 'photo', sizeBytes: 7, storedPath: `${p.id}/${row.id}.jpg` });
    expect(existsSync(join(uploadsDir(t.ctx.database), row.storedPath))).toBe(true);
  });

  it('removes the files it wrote when the project filled up meanwhile', async () => {
    const p = (await t.ctx.database.db.select({ id: projects.id }).from(projects).limit(1).offset(1))[0]!;
    const six = checkFiles(Array.from({ length: 6 }, (_, i) => ({ name: `${i}.jpg`, bytes: bytes(...JPEG, i) })), 0);
    if (!six.ok) throw new Error('expected ok');
    expect((await storeAttachments(t.ctx, p.id, six.files, { accountId: null, role: 'staff', name: '测试' })).ok).toBe(true);
    // Checked against an empty project, stored into a full one: the transaction refuses, the files go.
    const late = checkFiles([{ name: 'late.jpg', bytes: bytes(...JPEG, 9) }], 0);
    if (!late.ok) throw new Error('expected ok');
    const r = await storeAttachments(t.ctx, p.id, late.files, { accountId: null, role: 'staff', name: '测试' });
    expect(r).toEqual({ ok: false, problems: [{ name: '', code: 'too_many_files' }] });
    expect(readdirSync(join(uploadsDir(t.ctx.database), p.id))).toHaveLength(6);
  });
});
