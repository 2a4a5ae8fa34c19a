/**
 * @module A problem in a resident register's CSV, in words (register.json):
 * "第 3 行，“姓名”列：不能为空", "Line 2, column "name": Must not be empty".
 * The parser (server/domain/register-csv.ts) finds the problem; this says it,
 * on the server and in the import form's browser preview alike, from the
 * area's messages for one locale (`say.register.table(locale)` on the
 * server; the page hands the same table to the island).
 */
import { parseRegisterCsv as parseWith, type Column, type ColumnHeaders } from '#domain/register-csv.ts';
import { fillArguments } from './fill.ts';
import type { say } from './say.ts';
import registerZh from './zh-CN/register.json' with { type: 'json' };
import registerEn from './en/register.json' with { type: 'json' };

/** The names a register's header may give each column, in either language (`csv.column.<column>`, comma-separated), whatever the reader's language. */
export const REGISTER_COLUMN_HEADERS: ColumnHeaders = Object.fromEntries(
  (['register_no', 'name', 'address', 'phone'] as const satisfies readonly Column[]).map((c) => [c, [registerZh, registerEn].flatMap((w) => w[`csv.column.${c}`].split(','))]),
) as Record<Column, string[]>;

/** A resident register's CSV read with its headers in Chinese or English (server/domain/register-csv.ts). */
export function parseRegisterCsv(text: string): ReturnType<typeof parseWith> {
  return parseWith(text, REGISTER_COLUMN_HEADERS);
}

export type RegisterWords = ReturnType<typeof say.register.table>;

export type CsvProblemFacts = { line: number; column?: string; reason: string; detail?: string; otherLine?: number };

export function describeCsvProblem(p: CsvProblemFacts, words: RegisterWords, maxRows: number): string {
  const say = (key: keyof RegisterWords, vars: Record<string, string | number> = {}) => fillArguments(words[key], vars);
  const reason = `csv.${p.reason}` as keyof RegisterWords;
  return say('csv.problem', {
    where: p.column ? say('csv.lineColumn', { line: p.line, column: p.column }) : say('csv.line', { line: p.line }),
    message: Object.hasOwn(words, reason) ? say(reason, { max: maxRows }) : p.reason,
    other: p.otherLine ? say('csv.sameAs', { line: p.otherLine }) : '',
    detail: p.detail ? say('csv.detail', { detail: p.detail }) : '',
  });
}
