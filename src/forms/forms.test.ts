import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_FORMS } from './index.ts';
import { FORM_KINDS } from '#services/form-checks.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PAGES = join(ROOT, 'src', 'pages');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [relative(ROOT, p)];
  });
}

describe('one write edge per use case', () => {
  it('no page under src/pages handles a POST itself: its form goes to the use case declared for it', () => {
    const handling: string[] = [];
    for (const f of files(PAGES)) {
      if (f === 'src/pages/api/[...path].ts') continue; // the API itself, under `astro dev`
      const text = readFileSync(join(ROOT, f), 'utf8');
      const handles = f.endsWith('.astro')
        ? /request\.method|formData\(|readForm\(/.test(text)
        : /export\s+(const|async\s+function|function)\s+(POST|PUT|PATCH|DELETE|ALL)\b/.test(text);
      if (handles) handling.push(f);
    }
    expect(handling).toEqual([]);
  });

  it('every form the pages show is declared once, over one use case, and the controls check knows it', () => {
    const kinds = FORM_KINDS.map((k) => ({ page: k.route.replace(/:(\w+)/g, '[$1]'), pick: k.field ? `${k.field}=${k.value}` : '' }));
    const declared = PAGE_FORMS.map((f) => ({ page: f.page, pick: f.pick ? `${f.pick.field}=${f.pick.value}` : '' }));
    const key = (x: { page: string; pick: string }) => `${x.page} ${x.pick}`.trim();
    // Declared once each.
    const seen = declared.map(key);
    expect(seen.filter((k, i) => seen.indexOf(k) !== i)).toEqual([]);
    // Every kind of form the controls check knows has its declaration…
    expect(kinds.filter((k) => !seen.includes(key(k))).map(key)).toEqual([]);
    // …and every declaration is a kind of form the controls check knows.
    expect(declared.filter((d) => !kinds.some((k) => key(k) === key(d))).map(key)).toEqual([]);
  });
});
