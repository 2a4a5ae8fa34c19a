/**
 * `tsc` does not read .astro files and the project has no `astro check`: a
 * page that uses a name it no longer imports builds fine and fails only when
 * rendered. Each .astro file is compiled to JavaScript with Astro's own
 * compiler and read by TypeScript for names that are used but never declared
 * or imported.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transform } from '@astrojs/compiler-rs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function astroFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? astroFiles(p) : p.endsWith('.astro') ? [p] : [];
  });
}

describe('pages and components', () => {
  it('every .astro file uses only names it declares or imports', () => {
    const files = new Map<string, string>();
    for (const f of astroFiles(join(ROOT, 'src'))) {
      const name = relative(ROOT, f) + '.js';
      files.set(name, transform(readFileSync(f, 'utf8'), { filename: relative(ROOT, f) }).code);
    }
    const options: ts.CompilerOptions = { allowJs: true, checkJs: true, noEmit: true, noResolve: true, types: [], lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'], target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext };
    const host = ts.createCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang, ...rest) => (files.has(name) ? ts.createSourceFile(name, files.get(name)!, lang, true, ts.ScriptKind.JS) : read(name, lang, ...rest));
    host.fileExists = (name) => files.has(name) || ts.sys.fileExists(name);
    const program = ts.createProgram([...files.keys()], options, host);
    const unknown: string[] = [];
    for (const name of files.keys()) {
      for (const d of program.getSemanticDiagnostics(program.getSourceFile(name))) {
        // 2304 "Cannot find name", 2552 "Cannot find name … Did you mean".
        if (d.code === 2304 || d.code === 2552) unknown.push(`${name.replace(/\.js$/, '')}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
      }
    }
    expect(files.size).toBeGreaterThan(50);
    expect(unknown).toEqual([]);
  });
});
