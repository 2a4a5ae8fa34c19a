/** @module The `{name}` arguments of a catalogue message, filled without a parser: what the browser's islands use (see format.ts). */
export type Vars = Record<string, string | number | Date>;

export function fillArguments(text: string, vars: Vars = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
}
