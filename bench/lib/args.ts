/** @module Tiny `--name value` argument reader for the bench scripts. */
export function args(argv: string[], defaults: Record<string, number>): Record<string, number> {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]!);
    if (!m || !(m[1]! in defaults)) throw new Error(`unknown argument ${argv[i]}; known: ${Object.keys(defaults).map((k) => `--${k}`).join(' ')}`);
    const raw = m[2] ?? argv[++i];
    const v = Number(raw);
    if (!Number.isFinite(v) || v < 0) throw new Error(`--${m[1]} needs a number, got ${raw}`);
    out[m[1]!] = v;
  }
  return out;
}
