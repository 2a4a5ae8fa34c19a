/** The command-line tally (scripts/tally.ts), run as a child process. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locatePabulibData, readText } from './testing/data.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const localNode = join(repo, 'node_modules/.bin/node');
// scripts run on the Node 24 of node_modules (type stripping), not on an older system Node
const NODE = existsSync(localNode) ? localNode : process.execPath;

function cli(...args: string[]) {
  const r = spawnSync(NODE, [join(repo, 'scripts/tally.ts'), ...args], { encoding: 'utf8', cwd: repo });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run tally', () => {
  it('prints exactly one JSON object with the selected ids in natural order and an explanation per project', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-'));
    const file = join(dir, 'small.pb');
    writeFileSync(
      file,
      'META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n10;30\n2;50\n9;40\nVOTES\nvoter_id;vote\n1;10,2\n2;2,9\n3;10,9,2\n',
    );
    const r = cli('--rule', 'greedy', '--json', file);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { rule: string; selected: string[]; totalCost: string; explanations: Record<string, string> };
    expect(Object.keys(out)).toEqual(['rule', 'selected', 'totalCost', 'explanations']);
    expect(out.rule).toBe('greedy');
    expect(out.selected).toEqual(['2', '10']);
    expect(out.totalCost).toBe('80');
    expect(Object.keys(out.explanations)).toEqual(['2', '9', '10']);
    expect(out.explanations['9']).toMatch(/did not fit in the remaining budget of 20/);
    expect(r.out.trim().split('\n')).toHaveLength(1);
  });

  it('prints a readable table without --json, in English or Chinese', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-'));
    const file = join(dir, 'small.pb');
    writeFileSync(file, 'META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\na;40\nb;70\nVOTES\nvoter_id;vote\n1;a,b\n2;b\n');
    const en = cli('--rule', 'mes', file);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/project\s+cost\s+votes\s+funded\s+why/);
    const zh = cli('--rule', 'mes', '--lang', 'zh-CN', file);
    expect(zh.out).toMatch(/项目\s+费用/);
  });

  it('exits with status 2 naming the line for a malformed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-'));
    const file = join(dir, 'bad.pb');
    writeFileSync(file, 'META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\na;40\nVOTES\nvoter_id;vote\n1;a,zz\n');
    const r = cli('--rule', 'greedy', '--json', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/line 10: vote names project "zz", which is not in PROJECTS/);
  });

  it('exits with status 2 listing the rules for an unknown rule, and for a missing file', () => {
    const r = cli('--rule', 'borda', '--json', 'x.pb');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown rule "borda"; rules: greedy, greedy-meta, mes, mes-greedy, mes-add1/);
    const m = cli('--rule', 'mes', '--json', join(tmpdir(), 'no-such-file.pb'));
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/file not found/);
  });

  // fails naming the folder when the data is missing; skipped only when PABULIB_SKIP gives a reason
  const data = locatePabulibData();
  it.skipIf(data.kind === 'skip')('reproduces reference.json through the CLI (--threads is still accepted, and changes nothing)', () => {
    if (data.kind !== 'found') throw new Error(data.kind === 'missing' ? data.message : data.reason);
    const REFERENCE_DIR = data.referenceDir;
    const ref = JSON.parse(readText(REFERENCE_DIR + 'reference.json')) as { instances: Record<string, { results: Record<string, { selected: string[] }> }> };
    for (const [file, rule] of [
      ['Netherlands_Assen_2024.pb', 'mes-add1'],
      ['Poland_Katowice_2023.pb', 'mes-add1'],
      ['Poland_Warszawa_2019_Goclaw.pb', 'greedy'],
    ] as const) {
      for (const extra of [[], ['--threads']]) {
        const r = cli('--rule', rule, '--json', ...extra, REFERENCE_DIR + file);
        expect(r.code, r.err).toBe(0);
        expect((JSON.parse(r.out) as { selected: string[] }).selected, `${file} ${rule} ${extra.join(' ')}`).toEqual(ref.instances[file]!.results[rule]!.selected);
      }
    }
  }, 60_000);
});
