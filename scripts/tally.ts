/**
 * npm run tally -- --rule <greedy|greedy-meta|mes|mes-greedy|mes-add1> [--json] [--lang en|zh-CN] <file.pb>
 *
 * With --json (and `npm run --silent`) standard output is exactly one JSON object:
 * {"rule": "...", "selected": [...], "totalCost": "...", "explanations": {"<id>": "..."}}
 * Without --json: a readable table. Exit status 2 for a malformed file (naming
 * the line), an unknown rule, or a missing file.
 *
 * With --threads, mes-add1 on larger files also runs a helper thread that
 * computes speculative Add1 steps (same code, same exact result; see
 * Add1Partner). It is off by default: on an idle two-core machine it saves
 * about a third, on a busy one it can cost more than it saves.
 */

import { readFileSync, statSync } from 'node:fs';
import process from 'node:process';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, workerData, receiveMessageOnPort, MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { parsePrepared, PbParseError } from '../server/domain/pabulib/parse.ts';
import { RULES, isRuleName, tallyPrepared, add1StepUnits } from '../server/domain/tally/tally.ts';
import type { TallyResult } from '../server/domain/tally/tally.ts';
import type { Prepared } from '../server/domain/tally/election.ts';
import { MesEngine } from '../server/domain/tally/mes.ts';
import { add1Step } from '../server/domain/tally/add1.ts';
import type { Add1Partner, Add1Step } from '../server/domain/tally/add1.ts';
import { TallyInputError } from '../server/domain/tally/decimal.ts';
import { renderExplanation } from '../server/domain/tally/explanation.ts';
import type { Language } from '../server/domain/tally/explanation.ts';
import { naturalCompare } from '../server/domain/tally/natural.ts';

const USAGE = `usage: npm run tally -- --rule <${RULES.join('|')}> [--json] [--lang en|zh-CN] [--threads] <file.pb>`;
/** Files at least this large get a helper thread for mes-add1. */
const PARALLEL_MIN_BYTES = 300_000;

function fail(message: string): never {
  process.stderr.write(`tally: ${message}\n`);
  process.exit(2);
}

interface WorkerInit {
  readonly port: MessagePort;
  readonly flag: SharedArrayBuffer;
}

/** Helper thread: receives the prepared election, then computes the Add1 steps it is sent. */
function workerMain(init: WorkerInit): void {
  const flag = new Int32Array(init.flag);
  const signal = (v: number) => {
    Atomics.store(flag, 0, v);
    Atomics.notify(flag, 0);
  };
  let ready: { P: Prepared; engine: MesEngine; step: bigint } | null = null;
  init.port.on('message', (msg: { stop?: boolean; election?: Prepared; k: number; levels: number[] }) => {
    if (msg.stop) {
      init.port.close();
      return;
    }
    try {
      if (msg.election) {
        ready = { P: msg.election, engine: new MesEngine(msg.election), step: add1StepUnits(msg.election) };
        return;
      }
      if (!ready) throw new Error('helper thread has no election');
      const r = add1Step(ready.P, ready.step, ready.engine, msg.k, msg.levels);
      init.port.postMessage({ totalCost: r.totalCost.toString(), exhaustive: r.exhaustive, probeSteps: r.probeSteps });
      signal(1);
    } catch (e) {
      init.port.postMessage({ error: String(e) });
      signal(2);
    }
  });
}

interface Helper {
  /** Hands the prepared election to the helper; returns the Add1 partner. */
  partnerFor(P: Prepared): Add1Partner;
  stop(): void;
}

/** Starts the helper thread (it loads while this thread parses); null if threads are unavailable. */
function startHelper(): Helper | null {
  if (availableParallelism() < 2) return null;
  try {
    const { port1, port2 } = new MessageChannel();
    const flagBuf = new SharedArrayBuffer(4);
    const flag = new Int32Array(flagBuf);
    const worker = new Worker(new URL(import.meta.url), {
      workerData: { port: port2, flag: flagBuf } satisfies WorkerInit,
      transferList: [port2],
    });
    worker.unref();
    let broken = false;
    worker.on('error', () => {
      broken = true;
      Atomics.store(flag, 0, 2);
    });
    const partner: Add1Partner = {
      start(k, levels) {
        Atomics.store(flag, 0, 0);
        port1.postMessage({ k, levels: [...levels] });
      },
      poll(waitMs: number): Add1Step | null {
        if (broken) throw new Error('helper thread failed');
        if (Atomics.load(flag, 0) === 0) {
          if (waitMs <= 0) return null;
          Atomics.wait(flag, 0, 0, waitMs);
          if (Atomics.load(flag, 0) === 0) return null;
        }
        for (let i = 0; i < 1000; i++) {
          const m = receiveMessageOnPort(port1) as { message: { totalCost?: string; exhaustive?: boolean; probeSteps?: number; error?: string } } | undefined;
          if (m) {
            if (m.message.error !== undefined) throw new Error(m.message.error);
            return { totalCost: BigInt(m.message.totalCost!), exhaustive: m.message.exhaustive!, probeSteps: m.message.probeSteps! };
          }
          Atomics.wait(flag, 0, 99, 1);
        }
        throw new Error('helper thread sent no result');
      },
    };
    return {
      partnerFor(P) {
        port1.postMessage({ election: P, k: 0, levels: [] });
        return partner;
      },
      stop() {
        try {
          port1.postMessage({ stop: true, k: 0, levels: [] });
          port1.close();
        } catch {
          // already gone
        }
        void worker.terminate();
      },
    };
  } catch {
    return null;
  }
}

function main(argv: string[]): void {
  let rule: string | undefined;
  let json = false;
  let lang: Language = 'en';
  let threads = false;
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
    else if (a === '--threads') threads = true;
    else if (a === '--no-threads') threads = false;
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
  let size = 0;
  try {
    const st = statSync(file);
    if (st.isDirectory()) fail(`${file} is a directory, not a .pb file`);
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `file not found: ${file}` : `cannot read ${file}: ${(e as Error).message}`);
  }
  // start the helper early so that it loads while this thread parses
  const helper = rule === 'mes-add1' && threads && size >= PARALLEL_MIN_BYTES ? startHelper() : null;
  let result: TallyResult;
  try {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      fail(`cannot read ${file}: ${(e as Error).message}`);
    }
    const P = parsePrepared(text).prepared;
    try {
      result = tallyPrepared(P, rule, helper ? { add1Partner: helper.partnerFor(P) } : {});
    } catch (e) {
      if (!helper || e instanceof TallyInputError) throw e;
      // the helper thread failed: compute alone
      result = tallyPrepared(P, rule, {});
    }
  } catch (e) {
    helper?.stop();
    if (e instanceof PbParseError) fail(`${file}: ${e.message}`);
    if (e instanceof TallyInputError) fail(`${file}: ${e.message}`);
    throw e;
  }
  helper?.stop();
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

if (isMainThread) main(process.argv.slice(2));
else workerMain(workerData as WorkerInit);
