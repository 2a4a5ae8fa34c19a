/** Where the reference tests find the pabulib data, and what they do when it is not there. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locatePabulibData, pabulibDataOrSkip } from './data.ts';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const localNode = join(repo, 'node_modules/.bin/node');
// vitest needs Node >= 22; use the Node 24 of node_modules, not an older system Node
const NODE = existsSync(localNode) ? localNode : process.execPath;

/** This process's environment without what vitest sets for its own workers, and without any skip. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VITEST') && k !== 'PABULIB_SKIP') env[k] = v;
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

describe('the pabulib data folder', () => {
  it('the pabulib reference tests fail when the data folder is missing', () => {
    const nowhere = join(tmpdir(), `no-pabulib-data-${process.pid}`);
    const wanted = join(nowhere, 'pabulib', 'reference.json');
    expect(locatePabulibData({ PABULIB_DATA: nowhere })).toMatchObject({ kind: 'missing' });
    expect(() => pabulibDataOrSkip({ PABULIB_DATA: nowhere })).toThrow(wanted);

    // The test files themselves, run by vitest with PABULIB_DATA pointing nowhere: they fail
    // (none of their tests is quietly left out), and the output names the missing folder.
    const r = spawnSync(
      NODE,
      [join(repo, 'node_modules/vitest/vitest.mjs'), 'run', 'server/domain/tally/reference.test.ts', 'server/domain/tally/cli.test.ts', '-t', 'reference'],
      { cwd: repo, encoding: 'utf8', env: childEnv({ PABULIB_DATA: nowhere }), timeout: 90_000 },
    );
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.status, out).toBe(1);
    expect(out).toMatch(/FAIL\s+server\/domain\/tally\/reference\.test\.ts/);
    expect(out).toMatch(/FAIL\s+server\/domain\/tally\/cli\.test\.ts > npm run tally > reproduces reference\.json through the CLI/);
    expect(out).toContain(`pabulib reference data not found: ${wanted}`);
    expect(out).toMatch(/Test Files\s+2 failed \(2\)/);
  }, 90_000);

  it('is PABULIB_DATA when set, with or without a trailing slash, else ../shared/data next to the checkout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pabulib-data-'));
    mkdirSync(join(dir, 'pabulib'));
    mkdirSync(join(dir, 'pabulib-more'));
    writeFileSync(join(dir, 'pabulib', 'reference.json'), '{}');
    for (const given of [dir, dir + '/']) {
      expect(locatePabulibData({ PABULIB_DATA: given })).toEqual({ kind: 'found', dataDir: dir, referenceDir: join(dir, 'pabulib') + '/', moreDir: join(dir, 'pabulib-more') + '/' });
    }
    const byDefault = locatePabulibData({});
    const shared = join(repo, '..', 'shared', 'data');
    if (byDefault.kind === 'found') expect(byDefault.dataDir).toBe(shared);
    else expect(byDefault).toMatchObject({ kind: 'missing', message: expect.stringContaining(join(shared, 'pabulib', 'reference.json')) });
  });

  it('a folder without pabulib-more is missing too, and PABULIB_SKIP skips only with a reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pabulib-data-'));
    mkdirSync(join(dir, 'pabulib'));
    writeFileSync(join(dir, 'pabulib', 'reference.json'), '{}');
    const d = locatePabulibData({ PABULIB_DATA: dir });
    expect(d.kind).toBe('missing');
    expect(d.kind === 'missing' && d.message.startsWith(`pabulib reference data not found: ${join(dir, 'pabulib-more')}/ missing`)).toBe(true);
    expect(locatePabulibData({ PABULIB_DATA: dir, PABULIB_SKIP: 'no data on this runner' })).toEqual({ kind: 'skip', reason: 'no data on this runner' });
    expect(locatePabulibData({ PABULIB_DATA: dir, PABULIB_SKIP: '  ' }).kind).toBe('missing');
  });
});
