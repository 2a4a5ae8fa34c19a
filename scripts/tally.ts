/**
 * npm run tally -- --rule <greedy|greedy-meta|mes|mes-greedy|mes-add1> [--json] [--lang en|zh-CN] <file.pb>
 *
 * With --json (and `npm run --silent`) standard output is exactly one JSON object:
 * {"rule": "...", "selected": [...], "totalCost": "...", "explanations": {"<id>": "..."}}
 * Without --json: a readable table. Exit status 2 for a malformed file (naming
 * the line), an unknown rule, or a missing file.
 *
 * --threads and --no-threads are accepted and do nothing (mes-add1 used to run an
 * optional helper thread; it no longer computes steps one by one).
 */

import { readFileSync, statSync } from 'node:fs';
import process from 'node:process';
import { parsePrepared, PbParseError } from '../server/domain/pabulib/parse.ts';
import { RULES, isRuleName, tallyPrepared } from '../server/domain/tally/tally.ts';
import type { TallyResult } from '../server/domain/tally/tally.ts';
import { TallyInputError } from '../server/domain/tally/decimal.ts';
import { renderExplanation } from '../messages/explanation.ts';
import type { Language } from '../server/domain/tally/explanation.ts';
import { naturalCompare } from '../server/domain/tally/natural.ts';

const USAGE = `usage: npm run tally -- --rule <${RULES.join('|')}> [--json] [--lang en|zh-CN] <file.pb>`;

function fail(message: string): never {
  process.stderr.write(`tally: ${message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  let rule: string | undefined;
  let json = false;
  let lang: Language = 'en';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--rule' || a === '-r') {
      rule = argv[++i];
      if (rule === undefined) fail(`--rule needs a value; rules: ${RULES.join(', ')}\n${USAGE}`);
    } else if (a.startsWith('--rule=')) rule = a.slice(7);
    else if (a === '--lang') lang = (argv[++i] ?? 'en') as Language;
    else if (a.startsWith('--lang=')) lang = a.slice(7) as Language;
    else if (a === '--threads' || a === '--no-threads') continue; // accepted, no effect
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      return;
    } else if (a.startsWith('-') && a !== '-') fail(`unknown option ${a}\n${USAGE}`);
    else files.push(a);
  }
  if (rule === undefined) fail(`no rule given; rules: ${RULES.join(', ')}\n${USAGE}`);
  if (!isRuleName(rule)) fail(`unknown rule "${rule}"; rules: ${RULES.join(', ')}`);
  if (lang !== 'en' && lang !== 'zh-CN') fail(`unknown language "${lang}"; languages: en, zh-CN`);
  if (files.length !== 1) fail(`${files.length === 0 ? 'no file given' : 'give exactly one file'}\n${USAGE}`);
  const file = files[0]!;
  try {
    const st = statSync(file);
    if (st.isDirectory()) fail(`${file} is a directory, not a .pb file`);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file}: ${(e as Error).message}`);
  }
  let result: TallyResult;
  try {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      fail(`cannot read ${file}: ${(e as Error).message}`);
    }
    result = tallyPrepared(parsePrepared(text).prepared, rule);
  } catch (e) {
    if (e instanceof PbParseError) fail(`${file}: ${e.message}`);
    if (e instanceof TallyInputError) fail(`${file}: ${e.message}`);
    throw e;
  }
  if (json) {
    const explanations: Record<string, string> = {};
    for (const id of Object.keys(result.explanations).sort(naturalCompare)) {
      explanations[id] = renderExplanation(result.explanations[id]!, lang);
    }
    process.stdout.write(JSON.stringify({ rule: result.rule, selected: result.selected, totalCost: result.totalCost, explanations }) + '\n');
    return;
  }
  process.stdout.write(table(file, result, lang));
}

/** The readable (non-JSON) output. */
function table(file: string, result: TallyResult, lang: Language): string {
  const ids = Object.keys(result.explanations).sort(naturalCompare);
  const unit = Object.values(result.explanations)[0]?.scoreUnit === 'points' ? (lang === 'zh-CN' ? '分数' : 'points') : lang === 'zh-CN' ? '票数' : 'votes';
  const rows = ids.map((id) => {
    const e = result.explanations[id]!;
    return [id, e.cost, String(e.score), e.funded ? (lang === 'zh-CN' ? '是' : 'yes') : '-', renderExplanation(e, lang)];
  });
  const head = lang === 'zh-CN' ? ['项目', '费用', unit, '资助', '说明'] : ['project', 'cost', unit, 'funded', 'why'];
  const widths = head.slice(0, 4).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.slice(0, 4).map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ') + '  ' + r[4];
  const out: string[] = [];
  out.push(file);
  out.push(
    lang === 'zh-CN'
      ? `规则 ${result.rule}：${ids.length} 个项目中资助 ${result.selected.length} 个，总费用 ${result.totalCost}，预算 ${result.budget}（${result.voters} 位投票人）`
      : `rule ${result.rule}: ${result.selected.length} of ${ids.length} projects funded, total cost ${result.totalCost} of budget ${result.budget} (${result.voters} voters)`,
  );
  if (result.add1) {
    out.push(
      lang === 'zh-CN'
        ? `Add1：每人预算由 ${result.add1.startBudget} 提高到 ${result.add1.reachedBudget}（${result.add1.steps} 步）`
        : `Add1: per-voter budget raised from ${result.add1.startBudget} to ${result.add1.reachedBudget} (${result.add1.steps} steps, stopped: ${result.add1.stop})`,
    );
  }
  out.push('');
  out.push(line(head));
  for (const r of rows) out.push(line(r));
  out.push('');
  out.push(`${lang === 'zh-CN' ? '获资助' : 'selected'}: ${result.selected.join(', ')}`);
  return out.join('\n') + '\n';
}

main(process.argv.slice(2));
