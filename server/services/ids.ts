/** @module Random ids for new rows (16 chars of Lucia's alphabet, ~80 bits). */
import { randomToken } from '../auth/sessions.ts';

export function newId(): string {
  return randomToken(16);
}
