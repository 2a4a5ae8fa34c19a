/**
 * @module `npm run city:generate -- --out FILE [--communities 800] [--years 5] [--seed 1]`:
 * writes a generated city (db/city.ts) into a new libSQL database file and
 * prints what it made and how long it took. Same seed and size, same rows.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCity } from '../db/city.ts';

const { values } = parseArgs({
  options: { out: { type: 'string' }, communities: { type: 'string', default: '800' }, years: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' } },
});
if (!values.out) {
  console.error('usage: npm run city:generate -- --out FILE [--communities 800] [--years 5] [--seed 1]');
  process.exit(2);
}
const file = resolve(values.out);
const t0 = performance.now();
const counts = await generateCity(file, {
  communities: Number(values.communities),
  years: Number(values.years),
  seed: Number(values.seed),
  log: (s) => console.error(`  ${s} (${((performance.now() - t0) / 1000).toFixed(0)} s)`),
});
const seconds = (performance.now() - t0) / 1000;
const mb = statSync(file).size / 1e6;
console.log(
  `city generated: ${file}: districts ${counts.districts}, streets ${counts.streets}, communities ${counts.communities}, cycles ${counts.cycles}, projects ${counts.projects}, ` +
    `residents ${counts.residents}, ballots ${counts.ballots}, meetings ${counts.meetings}, audit ${counts.audit}; ${mb.toFixed(0)} MB in ${seconds.toFixed(1)} s`,
);
