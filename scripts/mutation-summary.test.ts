import { describe, expect, it } from 'vitest';
import { merged, summarise, type MutantStatus, type MutationReport } from './mutation-summary.ts';

function report(files: Record<string, MutantStatus[]>): MutationReport {
  return { files: Object.fromEntries(Object.entries(files).map(([f, ss]) => [f, { mutants: ss.map((status) => ({ status })) }])) };
}

const n = (k: number, s: MutantStatus) => Array<MutantStatus>(k).fill(s);

describe('the mutation summary', () => {
  it('prints the fixed headline, counting mutants no test reached as survivors', () => {
    const r = report({
      'server/domain/money.ts': [...n(17, 'Killed'), ...n(1, 'Timeout'), ...n(1, 'Survived'), ...n(1, 'NoCoverage'), 'CompileError', 'Ignored'],
      'server/auth/sessions.ts': [...n(8, 'Killed'), ...n(2, 'Survived')],
    });
    const { lines } = summarise(r);
    // (17 + 1 + 8) detected of 30 that ran = 86.66…%, printed rounded down.
    expect(lines[0]).toBe('mutation: score 86.6%, killed 25, survived 4, timeout 1, files 2');
  });

  it('passes when every area meets its target and fails naming the one that does not', () => {
    const good = summarise(report({ 'server/domain/money.ts': n(85, 'Killed').concat(n(15, 'Survived')), 'server/auth/sessions.ts': n(3, 'Killed').concat(n(1, 'Survived')) }));
    expect(good.ok).toBe(true);
    expect(good.lines.find((l) => l.includes('server/domain:'))).toContain('score 85.0% (target 85%)');

    const bad = summarise(report({ 'server/domain/money.ts': n(84, 'Killed').concat(n(16, 'NoCoverage')), 'server/auth/sessions.ts': n(3, 'Killed').concat(n(1, 'Survived')) }));
    expect(bad.ok).toBe(false);
    expect(bad.lines.find((l) => l.includes('server/domain:'))).toContain('score 84.0% (target 85%, MISSED), killed 84, survived 16 (16 reached by no test)');
    expect(bad.lines.find((l) => l.includes('rest:'))).toContain('score 75.0% (target 75%)');
  });

  it('counts the audit module’s files wherever they live, and only them', () => {
    const { lines, ok } = summarise(
      report({
        'server/domain/audit-chain.ts': n(9, 'Killed').concat(n(1, 'Survived')),
        'server/services/audit.ts': n(7, 'Killed').concat(n(3, 'Survived')),
        'server/services/ballots.ts': n(10, 'Killed'),
      }),
    );
    expect(lines.find((l) => l.includes('audit:'))).toContain('score 80.0% (target 85%, MISSED), killed 16, survived 4 (0 reached by no test), timeout 0, files 2');
    expect(lines.find((l) => l.includes('rest:'))).toContain('killed 10, survived 0 (0 reached by no test), timeout 0, files 1');
    expect(ok).toBe(false);
  });

  it('fails an interrupted run whose mutants are still pending', () => {
    const { ok, lines } = summarise(report({ 'server/domain/money.ts': ['Killed', 'Pending'] }));
    expect(ok).toBe(false);
    expect(lines.at(-1)).toContain('1 mutants were never run');
  });

  it('adds up the parts’ reports, each file counted once', () => {
    const rules = report({ 'server/domain/money.ts': [...n(9, 'Killed'), 'Survived'] });
    const services = report({ 'server/auth/sessions.ts': [...n(3, 'Killed'), 'NoCoverage'], 'server/services/audit.ts': n(2, 'Timeout') });
    const { lines } = summarise(merged([rules, services]));
    expect(lines[0]).toBe('mutation: score 87.5%, killed 12, survived 2, timeout 2, files 3');
  });
});
