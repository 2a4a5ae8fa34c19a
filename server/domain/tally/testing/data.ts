/**
 * Locates the shared pabulib data used by the reference tests. It lives
 * outside the repository: PABULIB_DATA names the folder (CI sets it), else
 * ../shared/data next to the checkout. A folder that is not there is an error
 * naming the path, never a silent skip: the reference tests are what proves
 * the tally right. Only PABULIB_SKIP (a reason, set by .ci/run when the data
 * is not on the machine) skips them, and the reason is printed.
 */
import { it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data, seen from the checkout's root. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));

export interface PabulibFolders {
  readonly dataDir: string;
  /** pabulib/, with reference.json; ends with a slash. */
  readonly referenceDir: string;
  /** pabulib-more/; ends with a slash. */
  readonly moreDir: string;
}

export type PabulibData =
  | ({ readonly kind: 'found' } & PabulibFolders)
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'missing'; readonly message: string };

type Env = Readonly<Record<string, string | undefined>>;

export function locatePabulibData(env: Env = process.env): PabulibData {
  const skip = env['PABULIB_SKIP']?.trim();
  if (skip) return { kind: 'skip', reason: skip };
  const given = env['PABULIB_DATA']?.trim();
  const dataDir = resolve(given || DEFAULT_DATA_DIR);
  const referenceDir = join(dataDir, 'pabulib') + '/';
  const moreDir = join(dataDir, 'pabulib-more') + '/';
  const missing = [join(referenceDir, 'reference.json'), moreDir].filter((p) => !existsSync(p));
  if (missing.length === 0) return { kind: 'found', dataDir, referenceDir, moreDir };
  const from = given ? `PABULIB_DATA=${given}` : `the default ../shared/data (no PABULIB_DATA set)`;
  return {
    kind: 'missing',
    message:
      `pabulib reference data not found: ${missing.join(' and ')} missing (data folder ${dataDir}, from ${from}). ` +
      'Point PABULIB_DATA at the folder holding pabulib/ and pabulib-more/, or set PABULIB_SKIP to a reason to skip these tests.',
  };
}

/**
 * The data folders, for a test file to call while its tests are collected:
 * throws (failing the file, naming the folder) when they are missing. When
 * PABULIB_SKIP asks to skip, prints the reason, registers a skipped test
 * carrying it (so the count of skipped tests shows it) and returns null.
 */
export function pabulibDataOrSkip(env: Env = process.env): PabulibFolders | null {
  const d = locatePabulibData(env);
  if (d.kind === 'missing') throw new Error(d.message);
  if (d.kind === 'skip') {
    console.warn(`SKIPPING the pabulib reference tests: PABULIB_SKIP=${d.reason}`);
    it.skip(`the pabulib reference tests (skipped: PABULIB_SKIP=${d.reason})`, () => {});
    return null;
  }
  return d;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function pbFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.pb')).sort();
}
