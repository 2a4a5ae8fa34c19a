/**
 * @module Parse a community's resident register from CSV (RFC 4180: quoted
 * fields, doubled quotes, CRLF, a UTF-8 BOM from Excel). Every problem names
 * its line and column, so staff can fix the spreadsheet and try again.
 * Headers may be English or Chinese.
 */

export type RegisterRow = { line: number; registerNo: string; name: string; address: string; phone: string | null };
/** `column` is the header as written in the file (姓名 or name); `otherLine` points at the clashing line. */
export type CsvProblem = { line: number; column?: string; reason: CsvReason; detail?: string; otherLine?: number };
/** What is wrong (words: messages/…/register.json, `csv.<reason>`). */
export const CSV_REASONS = ['empty_file', 'missing_column', 'unknown_column', 'unterminated_quote', 'wrong_field_count', 'required', 'too_long', 'bad_phone', 'duplicate_in_file', 'too_many_rows', 'no_rows'] as const;
export type CsvReason = (typeof CSV_REASONS)[number];

export const MAX_REGISTER_ROWS = 20_000;

/** The columns, each named in a header by its own name or by one of the names the caller gives (register.json's `csv.column.*`: messages/register-words.ts). */
const COLUMNS = { register_no: ['register_no'], name: ['name'], address: ['address'], phone: ['phone'] } as const;
export type Column = keyof typeof COLUMNS;
export type ColumnHeaders = Readonly<Record<Column, readonly string[]>>;
const REQUIRED: Column[] = ['register_no', 'name', 'address'];
const MAX_LEN: Record<Column, number> = { register_no: 32, name: 40, address: 120, phone: 20 };
/** The longest name, address and phone a register entry holds (also when its resident corrects them). */
export const REGISTER_MAX_LEN = { name: MAX_LEN.name, address: MAX_LEN.address, phone: MAX_LEN.phone } as const;
/** A phone number as the register takes it: 7–20 digits, dashes and spaces between them. */
export const REGISTER_PHONE_RE = /^[0-9][0-9 -]{5,18}[0-9]$/;

/** Split CSV text into records of fields, with the 1-based line each record starts on. */
export function splitCsv(text: string): { records: { line: number; fields: string[] }[] } | { problem: CsvProblem } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { line: number; fields: string[] }[] = [];
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteStartLine = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quoteStartLine = line;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (inQuotes) return { problem: { line: quoteStartLine, reason: 'unterminated_quote' } };
  fields.push(field);
  records.push({ line: recordLine, fields });
  // Blank lines (a lone empty field) are not records; nor is the empty last line after a final newline.
  return { records: records.filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === '')) };
}

export function parseRegisterCsv(text: string, headers: ColumnHeaders = COLUMNS): { ok: true; rows: RegisterRow[] } | { ok: false; problems: CsvProblem[] } {
  const split = splitCsv(text);
  if ('problem' in split) return { ok: false, problems: [split.problem] };
  const [header, ...body] = split.records;
  if (!header) return { ok: false, problems: [{ line: 1, reason: 'empty_file' }] };

  const problems: CsvProblem[] = [];
  const index: Partial<Record<Column, number>> = {};
  const shown: Record<Column, string> = { register_no: 'register_no', name: 'name', address: 'address', phone: 'phone' };
  header.fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const col = (Object.keys(COLUMNS) as Column[]).find((c) => c === name || headers[c].includes(name));
    if (col) {
      index[col] = i;
      shown[col] = raw.trim();
    }
    else problems.push({ line: header.line, column: raw.trim() || `#${i + 1}`, reason: 'unknown_column' });
  });
  for (const col of REQUIRED) if (index[col] === undefined) problems.push({ line: header.line, column: col, reason: 'missing_column' });
  if (problems.length) return { ok: false, problems };
  if (body.length === 0) return { ok: false, problems: [{ line: header.line, reason: 'no_rows' }] };
  if (body.length > MAX_REGISTER_ROWS) return { ok: false, problems: [{ line: body[MAX_REGISTER_ROWS].line, reason: 'too_many_rows' }] };

  const rows: RegisterRow[] = [];
  const seen = new Map<string, number>();
  for (const rec of body) {
    if (rec.fields.length !== header.fields.length) {
      problems.push({ line: rec.line, reason: 'wrong_field_count', detail: `${rec.fields.length}/${header.fields.length}` });
      continue;
    }
    const get = (c: Column) => (index[c] === undefined ? '' : rec.fields[index[c]!].trim());
    for (const col of Object.keys(COLUMNS) as Column[]) {
      const v = get(col);
      if (REQUIRED.includes(col) && v === '') problems.push({ line: rec.line, column: shown[col], reason: 'required' });
      else if ([...v].length > MAX_LEN[col]) problems.push({ line: rec.line, column: shown[col], reason: 'too_long' });
    }
    const phone = get('phone');
    if (phone && !REGISTER_PHONE_RE.test(phone)) problems.push({ line: rec.line, column: shown.phone, reason: 'bad_phone' });
    const no = get('register_no');
    if (no && seen.has(no)) problems.push({ line: rec.line, column: shown.register_no, reason: 'duplicate_in_file', otherLine: seen.get(no) });
    seen.set(no, rec.line);
    // A row with a problem is kept too: with any problem, no row is returned.
    rows.push({ line: rec.line, registerNo: no, name: get('name'), address: get('address'), phone: phone || null });
    if (problems.length >= 50) break;
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

/**
 * Bytes of an uploaded CSV as text. Excel on Chinese Windows saves CSV in
 * GBK/GB18030, not UTF-8: try strict UTF-8 first, then GB18030, so names are
 * never silently garbled. TextDecoder is a web standard (browser and Node).
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
