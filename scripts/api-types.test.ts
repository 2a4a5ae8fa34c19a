/**
 * server/http/api-types.ts is generated (`npm run api:types`, which
 * `npm run typecheck` and `npm run test:unit` run first; the file is not
 * committed); this fails when it is not what the document the app serves now
 * would give, naming the fix.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiDocument, apiTypesSource } from './api-types.ts';

describe('the generated API types', () => {
  it('server/http/api-types.ts is what npm run api:types writes from the current document', async () => {
    const fresh = await apiTypesSource(await apiDocument());
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    if (committed === fresh) return;
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const at = a.findIndex((line, i) => line !== b[i]);
    const line = at === -1 ? a.length : at;
    expect.fail(`server/http/api-types.ts is stale: run \`npm run api:types\`. First difference at line ${line + 1}:\n  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'}`);
  });
});
