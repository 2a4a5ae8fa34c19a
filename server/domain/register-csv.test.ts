import { describe, expect, it } from 'vitest';
import { splitCsv, decodeCsvBytes, MAX_REGISTER_ROWS, type CsvProblem } from './register-csv.ts';
import { parseRegisterCsv } from '#messages/register-words.ts';
import { describeCsvProblem as describeIn } from '#messages/register-words.ts';
import { say } from '#messages/say.ts';

const describeCsvProblem = (p: CsvProblem, locale: 'zh-CN' | 'en') => describeIn(p, say.register.table(locale), MAX_REGISTER_ROWS);

describe('register CSV', () => {
  it('reads English headers, quoted fields with commas, CRLF and a BOM', () => {
    const csv = '\ufeffregister_no,name,address,phone\r\nA-001,张三,"3栋, 201",13800000000\r\nA-002,"李""四""",5栋 302,\r\n';
    const r = parseRegisterCsv(csv);
    expect(r).toEqual({
      ok: true,
      rows: [
        { line: 2, registerNo: 'A-001', name: '张三', address: '3栋, 201', phone: '13800000000' },
        { line: 3, registerNo: 'A-002', name: '李"四"', address: '5栋 302', phone: null },
      ],
    });
  });

  it('reads Chinese headers and skips blank lines', () => {
    const r = parseRegisterCsv('登记号,姓名,地址\n\nB1,王五,1栋\n');
    expect(r).toMatchObject({ ok: true, rows: [{ line: 3, registerNo: 'B1', name: '王五', address: '1栋' }] });
  });

  it('names the line and column of an empty required field', () => {
    const r = parseRegisterCsv('register_no,name,address\nA1,,1栋\n');
    expect(r).toEqual({ ok: false, problems: [{ line: 2, column: 'name', reason: 'required' }] });
    if (!r.ok) expect(describeCsvProblem(r.problems[0], 'zh-CN')).toBe('第 2 行，“name”列：不能为空');
    if (!r.ok) expect(describeCsvProblem(r.problems[0], 'en')).toBe('Line 2, column "name": Must not be empty');
  });

  it('reports a missing column in the header', () => {
    expect(parseRegisterCsv('register_no,name\nA1,x\n')).toEqual({ ok: false, problems: [{ line: 1, column: 'address', reason: 'missing_column' }] });
  });

  it('reports an unknown column, a wrong field count and a duplicate number', () => {
    expect(parseRegisterCsv('register_no,name,address,age\n')).toMatchObject({ ok: false, problems: [{ line: 1, column: 'age', reason: 'unknown_column' }] });
    expect(parseRegisterCsv('register_no,name,address\nA1,x\n')).toMatchObject({ ok: false, problems: [{ line: 2, reason: 'wrong_field_count' }] });
    expect(parseRegisterCsv('register_no,name,address\nA1,x,y\nA1,z,w\n')).toMatchObject({
      ok: false,
      problems: [{ line: 3, column: 'register_no', reason: 'duplicate_in_file' }],
    });
  });

  it('reports an unclosed quote at the line where it opened', () => {
    expect(splitCsv('a,b\n"x,y\nz')).toEqual({ problem: { line: 2, reason: 'unterminated_quote' } });
  });

  it('names the column as the file wrote it and points a duplicate at its twin, in Chinese', () => {
    const r = parseRegisterCsv('登记号,姓名,地址\nA1,甲,1栋\nA2,,2栋\nA1,乙,3栋\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => describeCsvProblem(p, 'zh-CN'))).toEqual(['第 3 行，“姓名”列：不能为空', '第 4 行，“登记号”列：登记号在文件中重复（与第 2 行相同）']);
    }
  });

  it('refuses a file with a header and no residents', () => {
    expect(parseRegisterCsv('register_no,name,address\n')).toEqual({ ok: false, problems: [{ line: 1, reason: 'no_rows' }] });
  });

  it('decodes a GBK file from Excel instead of garbling the names', () => {
    // "登记号,姓名,地址\nA1,张三,1栋\n" in GB18030.
    const gbk = new Uint8Array([0xb5, 0xc7, 0xbc, 0xc7, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xb5, 0xd8, 0xd6, 0xb7, 0x0a, 0x41, 0x31, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31, 0xb6, 0xb0, 0x0a]);
    const d = decodeCsvBytes(gbk);
    expect(d.encoding).toBe('gb18030');
    expect(parseRegisterCsv(d.text)).toMatchObject({ ok: true, rows: [{ registerNo: 'A1', name: '张三', address: '1栋' }] });
    expect(decodeCsvBytes(new TextEncoder().encode('a,b')).encoding).toBe('utf-8');
  });

  it('refuses an empty file and a malformed phone number', () => {
    expect(parseRegisterCsv('')).toEqual({ ok: false, problems: [{ line: 1, reason: 'empty_file' }] });
    expect(parseRegisterCsv('register_no,name,address,phone\nA1,x,y,abc\n')).toMatchObject({ ok: false, problems: [{ line: 2, column: 'phone', reason: 'bad_phone' }] });
  });
});
