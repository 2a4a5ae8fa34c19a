import { describe, expect, it } from 'vitest';
import { splitCsv, decodeCsvBytes, MAX_REGISTER_ROWS, parseRegisterCsv as parseDomain, type CsvProblem } from './register-csv.ts';
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

describe('splitCsv at its edges', () => {
  const split = (text: string) => {
    const r = splitCsv(text);
    return 'problem' in r ? r : r.records;
  };

  it('drops a byte-order mark, so a quoted first field still reads as quoted', () => {
    expect(split('\ufeff"a,b",c')).toEqual([{ line: 1, fields: ['a,b', 'c'] }]);
  });

  it('keeps counting lines inside a quoted field', () => {
    expect(split('a\n"x\ny",z\nb')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['x\ny', 'z'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it('takes a quote inside a field as a character', () => {
    expect(split('a"b,c')).toEqual([{ line: 1, fields: ['a"b', 'c'] }]);
  });

  it('ends a record at a lone carriage return', () => {
    expect(split('a\rb\r\nc')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
      { line: 3, fields: ['c'] },
    ]);
  });

  it('keeps a last record without a newline, even a single field', () => {
    expect(split('a,b\nc')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c'] },
    ]);
    expect(split('a,')).toEqual([{ line: 1, fields: ['a', ''] }]);
  });

  it('skips lines of spaces, but not a record whose first field is blank', () => {
    expect(split('a\n  \n ,x\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 3, fields: [' ', 'x'] },
    ]);
  });
});

describe('parseRegisterCsv at its edges', () => {
  const HEADERS = { register_no: ['编号'], name: ['姓名'], address: ['地址'], phone: ['电话'] };

  it('knows a column by its own name as well as the names the caller gives, around spaces', () => {
    expect(parseDomain(' Register_No , 姓名,地址 \nA1,甲,1栋\n', HEADERS)).toEqual({ ok: true, rows: [{ line: 2, registerNo: 'A1', name: '甲', address: '1栋', phone: null }] });
  });

  it('trims every field', () => {
    expect(parseDomain('register_no,name,address,phone\n A1 , 甲 , 1栋 , 13800000000 \n')).toEqual({
      ok: true,
      rows: [{ line: 2, registerNo: 'A1', name: '甲', address: '1栋', phone: '13800000000' }],
    });
  });

  it('names a column as the header wrote it, without its spaces, and an unnamed one by its place', () => {
    expect(parseDomain(' 姓名 ,编号,地址\n,A1,1栋\n', HEADERS)).toEqual({ ok: false, problems: [{ line: 2, column: '姓名', reason: 'required' }] });
    expect(parseDomain('register_no,name,address, age ,\n')).toEqual({
      ok: false,
      problems: [
        { line: 1, column: 'age', reason: 'unknown_column' },
        { line: 1, column: '#5', reason: 'unknown_column' },
      ],
    });
  });

  it('says how many fields a row has and how many the header has', () => {
    expect(parseDomain('register_no,name,address\nA1,x\n')).toEqual({ ok: false, problems: [{ line: 2, reason: 'wrong_field_count', detail: '2/3' }] });
  });

  it('refuses an unclosed quote', () => {
    expect(parseDomain('register_no,name,address\n"A1,x,y\n')).toEqual({ ok: false, problems: [{ line: 2, reason: 'unterminated_quote' }] });
  });

  it('takes a name of forty characters and refuses forty-one', () => {
    const name = (n: number) => `register_no,name,address\nA1,${'张'.repeat(n)},1栋\n`;
    expect(parseDomain(name(40)).ok).toBe(true);
    expect(parseDomain(name(41))).toEqual({ ok: false, problems: [{ line: 2, column: 'name', reason: 'too_long' }] });
  });

  it('does not call two rows without a number duplicates', () => {
    expect(parseDomain('register_no,name,address\n,甲,1栋\n,乙,2栋\n')).toEqual({
      ok: false,
      problems: [
        { line: 2, column: 'register_no', reason: 'required' },
        { line: 3, column: 'register_no', reason: 'required' },
      ],
    });
  });

  it('stops at fifty problems', () => {
    const rows = (n: number) => 'register_no,name,address\n' + Array.from({ length: n }, (_, i) => `A${i},,1栋\n`).join('');
    const problems = (n: number) => {
      const r = parseDomain(rows(n));
      return r.ok ? 0 : r.problems.length;
    };
    expect(problems(49)).toBe(49);
    expect(problems(50)).toBe(50);
    expect(problems(60)).toBe(50);
  });

  it(`takes ${MAX_REGISTER_ROWS} residents and refuses one more, at its line`, () => {
    const rows = (n: number) => 'register_no,name,address\n' + Array.from({ length: n }, (_, i) => `A${i},甲,1栋\n`).join('');
    const full = parseDomain(rows(MAX_REGISTER_ROWS));
    expect(full.ok && full.rows.length).toBe(MAX_REGISTER_ROWS);
    expect(parseDomain(rows(MAX_REGISTER_ROWS + 1))).toEqual({ ok: false, problems: [{ line: MAX_REGISTER_ROWS + 2, reason: 'too_many_rows' }] });
  });
});
