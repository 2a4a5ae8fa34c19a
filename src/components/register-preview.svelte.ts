/** State for the register preview island: parse the CSV in the browser with the same pure parser the server uses. */
import { decodeCsvBytes, MAX_REGISTER_ROWS } from '#domain/register-csv.ts';
import { parseRegisterCsv } from '#messages/register-words.ts';
import { describeCsvProblem, type RegisterWords } from '#messages/register-words.ts';

export class RegisterPreviewState {
  rows = $state<number | null>(null);
  problems = $state<string[]>([]);
  words: RegisterWords;

  constructor(words: RegisterWords) {
    this.words = words;
  }

  /** A picked file: decoded the same way the server will (UTF-8, else GB18030 from Excel). */
  checkBytes(bytes: Uint8Array) {
    this.check(decodeCsvBytes(bytes).text);
  }

  check(text: string) {
    if (text.trim() === '') {
      this.rows = null;
      this.problems = [];
      return;
    }
    const r = parseRegisterCsv(text);
    if (r.ok) {
      this.rows = r.rows.length;
      this.problems = [];
    } else {
      this.rows = null;
      this.problems = r.problems.slice(0, 10).map((p) => describeCsvProblem(p, this.words, MAX_REGISTER_ROWS));
    }
  }
}
