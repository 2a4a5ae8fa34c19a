/**
 * @module Attachments on proposals: photos (JPEG, PNG, WebP) and PDFs.
 *
 * A file is judged by its content (magic bytes), never by its name or the
 * type the browser claims; it is stored under a name we make up
 * (<uploads>/<projectId>/<attachmentId>.<ext>), and the name the uploader
 * gave is kept only to show. The uploads folder sits next to the database
 * file (data/app.db → data/uploads), or ./data/uploads for a remote database.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { and, eq, notExists, sql } from 'drizzle-orm';
import { attachments, progressPhotos } from '#db/schema.ts';
import type { Database, Db, Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import { codesOf } from '../domain/reason-codes.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { newId } from './ids.ts';

export const UPLOAD_LIMITS = { maxBytes: 5 * 1024 * 1024, maxFiles: 6 } as const;

export const ATTACHMENT_TYPES = {
  'image/jpeg': { kind: 'photo', ext: 'jpg' },
  'image/png': { kind: 'photo', ext: 'png' },
  'image/webp': { kind: 'photo', ext: 'webp' },
  'application/pdf': { kind: 'pdf', ext: 'pdf' },
} as const;
export type AttachmentMime = keyof typeof ATTACHMENT_TYPES;

/** What the content says it is, or null when it is none of the accepted types. */
export function sniffMime(bytes: Uint8Array): AttachmentMime | null {
  const at = (i: number, ...b: number[]) => b.every((x, k) => bytes[i + k] === x);
  if (bytes.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (bytes.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  // RIFF <size> WEBP
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  if (bytes.length >= 5 && at(0, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}

export type UploadFile = { name: string; bytes: Uint8Array };
export type CheckedFile = UploadFile & { mime: AttachmentMime; sha256: string };
/** What is wrong with an uploaded file (words: reasons.json `upload.<code>`), each with its HTTP status: 413 for size, 415 for type, 422 for count. */
export const FILE_PROBLEM_STATUS = {
  unsupported_type: 415,
  file_too_large: 413,
  empty_file: 422,
  too_many_files: 422,
} as const satisfies Record<string, 413 | 415 | 422>;
export type FileProblemCode = keyof typeof FILE_PROBLEM_STATUS;
export const FILE_PROBLEM_CODES = codesOf(FILE_PROBLEM_STATUS);
export type FileProblem = { name: string; code: FileProblemCode };

/** Check files before anything is stored: size, content type, and how many the project may still take. */
export function checkFiles(files: readonly UploadFile[], alreadyAttached: number): { ok: true; files: CheckedFile[] } | { ok: false; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const checked: CheckedFile[] = [];
  if (alreadyAttached + files.length > UPLOAD_LIMITS.maxFiles) problems.push({ name: '', code: 'too_many_files' });
  for (const f of files) {
    const name = displayName(f.name);
    if (f.bytes.length === 0) problems.push({ name, code: 'empty_file' });
    else if (f.bytes.length > UPLOAD_LIMITS.maxBytes) problems.push({ name, code: 'file_too_large' });
    else {
      const mime = sniffMime(f.bytes);
      if (!mime) problems.push({ name, code: 'unsupported_type' });
      else checked.push({ name, bytes: f.bytes, mime, sha256: createHash('sha256').update(f.bytes).digest('hex') });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, files: checked };
}

/** The uploader's file name, only for showing: no path, no control characters, at most 100 characters. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001F\u007F]/g, '').trim();
  return Array.from(clean).slice(-100).join('');
}

export function uploadsDir(database: Pick<Database, 'url' | 'uploadDir'>): string {
  if (database.uploadDir) return database.uploadDir;
  const url = database.url;
  if (url.startsWith('file:') && !url.includes(':memory:')) {
    const path = url.slice('file:'.length).split('?')[0]!;
    return join(dirname(resolve(path)), 'uploads');
  }
  return resolve('data', 'uploads');
}

function absolutePath(database: Pick<Database, 'url' | 'uploadDir'>, storedPath: string): string {
  const root = uploadsDir(database);
  const abs = resolve(root, storedPath);
  if (!abs.startsWith(root + sep)) throw new Error(`attachment path escapes the uploads folder: ${storedPath}`);
  return abs;
}

export async function countAttachments(db: Db | Tx, projectId: string): Promise<number> {
  const r = await db.select({ n: sql<number>`count(*)` }).from(attachments).where(eq(attachments.projectId, projectId));
  return r[0]?.n ?? 0;
}

export type StoreOutcome = { ok: true; ids: string[] } | { ok: false; problems: FileProblem[] };

/**
 * Store checked files for a project: files to disk first, then the rows and
 * one audit entry per file in one transaction. If the transaction fails (or
 * the project filled up meanwhile) the files written are removed again.
 */
export async function storeAttachments(ctx: AppContext, projectId: string, files: readonly CheckedFile[], auditActor: AuditActor): Promise<StoreOutcome> {
  const at = ctx.now();
  const planned = files.map((f) => {
    const id = newId();
    return { ...f, id, storedPath: `${projectId}/${id}.${ATTACHMENT_TYPES[f.mime].ext}` };
  });
  await mkdir(join(uploadsDir(ctx.database), projectId), { recursive: true });
  const written: string[] = [];
  try {
    for (const p of planned) {
      const abs = absolutePath(ctx.database, p.storedPath);
      await writeFile(abs, p.bytes, { flag: 'wx' });
      written.push(abs);
    }
    const result = await ctx.database.write(async (tx): Promise<StoreOutcome> => {
      if ((await countAttachments(tx, projectId)) + planned.length > UPLOAD_LIMITS.maxFiles) {
        return { ok: false, problems: [{ name: '', code: 'too_many_files' }] };
      }
      for (const p of planned) {
        await tx.insert(attachments).values({
          id: p.id,
          projectId,
          kind: ATTACHMENT_TYPES[p.mime].kind,
          originalName: p.name,
          mime: p.mime,
          sizeBytes: p.bytes.length,
          sha256: p.sha256,
          storedPath: p.storedPath,
          uploadedBy: auditActor.accountId,
          createdAt: at,
        });
        // The uploader's file name can carry personal data, so the public log has only the content's fingerprint.
        await appendAudit(tx, {
          actor: auditActor,
          action: 'proposal.attachment_added',
          subjectType: 'project_attachment',
          subjectId: projectId,
          after: { attachmentId: p.id, kind: ATTACHMENT_TYPES[p.mime].kind, mime: p.mime, sizeBytes: p.bytes.length, sha256: p.sha256 },
          at,
        });
      }
      return { ok: true, ids: planned.map((p) => p.id) };
    });
    if (!result.ok) await Promise.all(written.map((f) => rm(f, { force: true })));
    return result;
  } catch (err) {
    await Promise.all(written.map((f) => rm(f, { force: true })));
    throw err;
  }
}

export type AttachmentRow = typeof attachments.$inferSelect;

export async function listAttachments(db: Db | Tx, projectId: string) {
  return db
    .select({ id: attachments.id, kind: attachments.kind, originalName: attachments.originalName, mime: attachments.mime, sizeBytes: attachments.sizeBytes, createdAt: attachments.createdAt })
    .from(attachments)
    // The proposal's own files: progress-report photos are shown with their report, not here.
    .where(and(eq(attachments.projectId, projectId), notExists(db.select({ x: sql`1` }).from(progressPhotos).where(eq(progressPhotos.attachmentId, attachments.id)))))
    // Files sent together share a time; rowid keeps the order they were sent in.
    .orderBy(attachments.createdAt, sql`rowid`);
}

export async function getAttachmentRow(db: Db | Tx, id: string): Promise<AttachmentRow | null> {
  const r = await db.select().from(attachments).where(eq(attachments.id, id)).limit(1);
  return r[0] ?? null;
}

export async function readAttachmentBytes(database: Pick<Database, 'url' | 'uploadDir'>, row: Pick<AttachmentRow, 'storedPath'>): Promise<Uint8Array | null> {
  try {
    return await readFile(absolutePath(database, row.storedPath));
  } catch {
    return null;
  }
}

/** Remove one attachment's row (in the caller's transaction) and, after commit, its file. */
export async function deleteAttachmentRow(tx: Tx, row: Pick<AttachmentRow, 'id'>) {
  await tx.delete(attachments).where(eq(attachments.id, row.id));
}

export async function removeStoredFile(database: Pick<Database, 'url' | 'uploadDir'>, row: Pick<AttachmentRow, 'storedPath'>) {
  await rm(absolutePath(database, row.storedPath), { force: true });
}

/**
 * Content-Disposition that cannot be used to inject headers or paths: an
 * ASCII fallback name with the extension of the real type, and the original
 * name percent-encoded (RFC 6266 / 5987). Photos show inline; PDFs download.
 */
export function contentDisposition(originalName: string, mime: AttachmentMime): string {
  const ext = ATTACHMENT_TYPES[mime].ext;
  const base = displayName(originalName).replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'attachment';
  const ascii = base.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 60) || 'attachment';
  const utf8 = encodeURIComponent(`${base}.${ext}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const type = ATTACHMENT_TYPES[mime].kind === 'photo' ? 'inline' : 'attachment';
  return `${type}; filename="${ascii}.${ext}"; filename*=UTF-8''${utf8}`;
}

/** Largest form post with files we read at all: six files of 5 MB and the text around them. */
export const MAX_UPLOAD_REQUEST_BYTES = UPLOAD_LIMITS.maxFiles * UPLOAD_LIMITS.maxBytes + 256 * 1024;

/** The non-empty files of a posted form field (a file input left empty posts one empty, nameless file). */
export async function filesFromForm(form: FormData, field = 'files'): Promise<UploadFile[]> {
  const out: UploadFile[] = [];
  for (const v of form.getAll(field)) {
    if (typeof v === 'string' || (v.size === 0 && v.name === '')) continue;
    out.push({ name: v.name, bytes: new Uint8Array(await v.arrayBuffer()) });
  }
  return out;
}

export function isAttachmentMime(m: string): m is AttachmentMime {
  return Object.hasOwn(ATTACHMENT_TYPES, m);
}
