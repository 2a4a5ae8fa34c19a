/**
 * The dependency direction is server/domain ← db ← server ← src
 * (CONVENTIONS.md). This test reads every source file's imports and fails on
 * one that points the wrong way, so the rule holds without a linter plugin.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const p = join(ROOT, dir, name);
    // Test support (a `testing/` folder, like *.test.ts files) may read fixtures from disk; it is not the core.
    if (statSync(p).isDirectory()) return name === 'migrations' || name === 'testing' ? [] : files(relative(ROOT, p));
    return /\.(ts|astro|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [relative(ROOT, p)] : [];
  });
}

/** package.json's "imports": `#domain/x.ts` → `./server/domain/x.ts`. */
const ALIASES = Object.entries((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { imports: Record<string, string> }).imports).map(([from, to]) => [from.replace(/\*$/, ''), to.replace(/\*$/, '')] as const);

/** What a file imports, as written. */
function specifiers(file: string): string[] {
  const src = readFileSync(join(ROOT, file), 'utf8');
  return [...src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** What a file imports, an alias written out as the relative path it stands for (packages as they are). */
function imports(file: string): string[] {
  return specifiers(file).map((spec) => {
    const alias = ALIASES.find(([from]) => spec.startsWith(from));
    return alias ? relative(dirname(join(ROOT, file)), join(ROOT, alias[1], spec.slice(alias[0].length))).replace(/^(?!\.)/, './') : spec;
  });
}

function layerOf(path: string): 'docs' | 'domain' | 'messages' | 'db' | 'server' | 'src' | 'other' {
  // Documents (the audit chain's specification) are text any layer may show.
  if (path.startsWith('docs/')) return 'docs';
  if (path.startsWith('server/domain/')) return 'domain';
  // The message catalogues word the domain's codes and values: above the domain, which never words anything.
  if (path.startsWith('messages/')) return 'messages';
  if (path.startsWith('db/')) return 'db';
  if (path.startsWith('server/')) return 'server';
  if (path.startsWith('src/')) return 'src';
  return 'other';
}

const RANK = { docs: -1, domain: 0, messages: 0.5, db: 1, server: 2, src: 3, other: 4 } as const;

describe('module boundaries', () => {
  it('the domain core imports nothing from Astro, Hono, drizzle, zod or node', () => {
    const bad: string[] = [];
    for (const f of files('server/domain')) {
      for (const spec of imports(f)) {
        if (spec.startsWith('.') || spec.startsWith('@oslojs/')) continue;
        bad.push(`${f} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no layer imports from a layer above it (domain ← db ← server ← src)', () => {
    const bad: string[] = [];
    for (const dir of ['server', 'db', 'messages', 'src']) {
      for (const f of files(dir)) {
        const from = layerOf(f);
        for (const spec of imports(f)) {
          if (!spec.startsWith('.')) continue;
          const target = relative(ROOT, resolve(ROOT, dirname(f), spec));
          const to = layerOf(target);
          if (RANK[to] > RANK[from]) bad.push(`${f} (${from}) imports ${target} (${to})`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('imports only go down the layers and form no circle', () => {
    // The layers, lowest first: documents; the pure domain; the message catalogues and their words for the
    // domain's codes and values; the database; the services (and the context, settings, sign-in and the
    // operator's log and metrics they use); the HTTP edge (app, routes, security, the server); the pages.
    // A file may import from its own layer or below.
    const rank = (path: string): number => {
      if (path.startsWith('docs/')) return 0;
      if (path.startsWith('server/domain/')) return 1;
      if (path.startsWith('messages/')) return 1.5;
      if (path.startsWith('db/')) return 2;
      if (/^server\/(services|auth|ops)\//.test(path) || path === 'server/context.ts' || path === 'server/env.ts') return 3;
      if (path.startsWith('server/')) return 4;
      if (path.startsWith('src/')) return 5;
      return 6;
    };
    const graph = new Map<string, string[]>();
    const wrongWay: string[] = [];
    for (const dir of ['server', 'db', 'messages', 'src']) {
      for (const f of files(dir)) {
        const targets = imports(f)
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => relative(ROOT, resolve(ROOT, dirname(f), spec)));
        graph.set(f, targets);
        for (const t of targets) if (rank(t) > rank(f)) wrongWay.push(`${f} imports ${t}, a layer above it`);
      }
    }
    // Every circle, type-only imports included (a type that two modules need belongs to the lower one).
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      path.push(f);
      for (const t of graph.get(f) ?? []) {
        if (!graph.has(t)) continue;
        if (state.get(t) === 'open') circles.push(path.slice(path.indexOf(t)).concat(t).join(' -> '));
        else if (!state.has(t)) visit(t);
      }
      path.pop();
      state.set(f, 'done');
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(graph.size).toBeGreaterThan(200);
    expect(wrongWay).toEqual([]);
    expect(circles).toEqual([]);
  });

  it('no import climbs more than one folder: further than that, it names its room (#domain/…, #services/…)', () => {
    const climbing: string[] = [];
    const everyFile = (dir: string): string[] =>
      readdirSync(join(ROOT, dir)).flatMap((name) => {
        const p = join(ROOT, dir, name);
        if (statSync(p).isDirectory()) return name === 'node_modules' || name === '.scratch' ? [] : everyFile(relative(ROOT, p));
        return /\.(ts|mjs|astro|svelte)$/.test(name) ? [relative(ROOT, p)] : [];
      });
    for (const dir of ['server', 'db', 'messages', 'src', 'scripts', 'bench', 'tests']) {
      for (const f of everyFile(dir)) for (const spec of specifiers(f)) if (spec.startsWith('../../')) climbing.push(`${f}: ${spec}`);
    }
    expect(climbing).toEqual([]);
    // And every alias names a folder that exists.
    for (const [, to] of ALIASES) expect(statSync(join(ROOT, to)).isDirectory(), to).toBe(true);
  });
});
