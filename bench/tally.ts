/**
 * Tally benchmark: one line per file and rule with seconds and peak memory.
 *
 *   node bench/tally.ts                 the largest elections, every rule
 *   node bench/tally.ts --all           every file in ../shared/data/pabulib and pabulib-more
 *   node bench/tally.ts --rules mes-add1 --files Poland_Lodz_2022.pb,Poland_Warszawa_2026.pb
 *
 * Each (file, rule) runs `node scripts/tally.ts --json` in a fresh process (as a
 * user would) and reports its wall time (Node startup, parsing and the tally),
 * its peak resident memory, and, from a second fresh process running the same
 * code in-process, the split between parsing and computing.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';

const repo = fileURLToPath(new URL('../', import.meta.url));
const data = process.env.PABULIB_DATA ?? join(repo, '../shared/data/');
const DIRS = [join(data, 'pabulib'), join(data, 'pabulib-more')];
const RULES = ['greedy', 'greedy-meta', 'mes', 'mes-greedy', 'mes-add1'];
const LARGEST = [
  'Poland_Lodz_2022.pb',
  'Poland_Warszawa_2026.pb',
  'Poland_Krakow_2024.pb',
  'Poland_Wroclaw_2017.pb',
  'Poland_Katowice_2023.pb',
  'Hungary_Budapest_2024.pb',
  'Poland_Warszawa_2024_Mokotow.pb',
  'Poland_Warszawa_2023_Mokotow.pb',
];

if (process.argv[2] === '--child') {
  // in-process phases for one file and rule
  const [file, rule] = [process.argv[3]!, process.argv[4]!];
  const { parsePrepared } = await import('../server/domain/pabulib/parse.ts');
  const { tallyPrepared } = await import('../server/domain/tally/tally.ts');
  const t0 = performance.now();
  const P = parsePrepared(readFileSync(file, 'utf8')).prepared;
  const t1 = performance.now();
  const r = tallyPrepared(P, rule as 'mes');
  const t2 = performance.now();
  process.stdout.write(JSON.stringify({ parse: (t1 - t0) / 1000, compute: (t2 - t1) / 1000, selected: r.selected.length, voters: P.n, projects: P.m, add1Steps: r.add1?.steps ?? null }) + '\n');
  process.exit(0);
}

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const all = args.includes('--all');
const rules = (opt('--rules') ?? RULES.join(',')).split(',');
const wanted = opt('--files')?.split(',');
const node = existsSync(join(repo, 'node_modules/.bin/node')) ? join(repo, 'node_modules/.bin/node') : process.execPath;
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const files: string[] = [];
for (const dir of DIRS) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.pb')).sort()) {
    if (wanted ? wanted.includes(f) : all || LARGEST.includes(f)) files.push(join(dir, f));
  }
}
if (files.length === 0) {
  process.stderr.write(`no .pb files found under ${DIRS.join(', ')}\n`);
  process.exit(1);
}

process.stdout.write(`${'file'.padEnd(46)} ${'rule'.padEnd(11)} ${'wall s'.padStart(7)} ${'peak MB'.padStart(8)} ${'parse s'.padStart(8)} ${'tally s'.padStart(8)}  notes\n`);
for (const file of files) {
  const name = file.split('/').pop()!;
  for (const rule of rules) {
    // 1) the CLI as a user runs it: wall time and peak memory
    const cmd = [join(repo, 'scripts/tally.ts'), '--rule', rule, '--json', file];
    const t0 = performance.now();
    const r = timeBin ? spawnSync(timeBin, ['-f', '%M', node, ...cmd], { encoding: 'utf8', maxBuffer: 1 << 26 }) : spawnSync(node, cmd, { encoding: 'utf8', maxBuffer: 1 << 26 });
    const wall = (performance.now() - t0) / 1000;
    let peak = '?';
    if (timeBin) {
      const lines = r.stderr.trim().split('\n');
      const kb = Number(lines[lines.length - 1]);
      if (Number.isFinite(kb)) peak = (kb / 1024).toFixed(0);
    }
    if (r.status !== 0) {
      process.stdout.write(`${name.padEnd(46)} ${rule.padEnd(11)} FAILED (exit ${r.status}): ${r.stderr.slice(0, 200)}\n`);
      continue;
    }
    // 2) phases, in a fresh process
    const c = spawnSync(node, [fileURLToPath(import.meta.url), '--child', file, rule], { encoding: 'utf8', maxBuffer: 1 << 26 });
    let parse = '?';
    let compute = '?';
    let notes = '';
    try {
      const j = JSON.parse(c.stdout) as { parse: number; compute: number; selected: number; voters: number; projects: number; add1Steps: number | null };
      parse = j.parse.toFixed(3);
      compute = j.compute.toFixed(3);
      notes = `${j.voters} voters, ${j.projects} projects, ${j.selected} funded${j.add1Steps !== null ? `, ${j.add1Steps} Add1 steps` : ''}`;
    } catch {
      notes = 'phase split unavailable';
    }
    const size = (statSync(file).size / 1e6).toFixed(1);
    process.stdout.write(`${name.padEnd(46)} ${rule.padEnd(11)} ${wall.toFixed(2).padStart(7)} ${peak.padStart(8)} ${parse.padStart(8)} ${compute.padStart(8)}  ${notes}, ${size} MB file\n`);
  }
}
