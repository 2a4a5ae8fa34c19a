/** Locates the shared pabulib data used by the slow tests (outside the repository). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));

export const DATA_DIR = process.env.PABULIB_DATA ?? root;
export const REFERENCE_DIR = DATA_DIR + 'pabulib/';
export const MORE_DIR = DATA_DIR + 'pabulib-more/';
export const HAVE_DATA = existsSync(REFERENCE_DIR + 'reference.json');

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function pbFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pb')).sort() : [];
}
