/**
 * Statistics benchmark: builds (once, into bench/.scratch/stats-city-<N>.db)
 * the generated city of `npm run city:generate` (db/city.ts) — 10 districts,
 * 80 streets, 800 communities, five yearly cycles each, ~160,000 projects
 * across every state, meetings, delivery, ratings, comments, ~1,000,000
 * register entries and ~930,000 ballots, with their audit chain — then
 * times the statistics of each level of place (city, a district, a street, a
 * community; all years and one year; the city's once more counted straight
 * from the records, as before they were kept), the council-health flags, an officer's
 * desk and the to-do desks of a district officer and auditor, a street
 * officer and a community's staff, as the pages call them, and prints one
 * line each:
 *
 *   stats: <what> <ms> ms (median of N)
 *
 *   node bench/stats.ts [--communities 800] [--rebuild] [--runs 5]
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCity } from '../db/city.ts';
import { createContext } from '../server/context.ts';
import { parseEnv } from '../server/env.ts';
import { placeStats } from '../server/services/stats.ts';
import { referencePlaceStats } from '../server/services/stats-reference.ts';
import { councilHealth } from '../server/services/council-health.ts';
import { officerDesk } from '../server/services/officer-desk.ts';
import { todoDesk } from '../server/services/todo.ts';
import type { Person } from '../server/domain/permissions.ts';

const { values: args } = parseArgs({ options: { communities: { type: 'string', default: '800' }, rebuild: { type: 'boolean', default: false }, runs: { type: 'string', default: '5' } } });
const COMMUNITIES = Number(args.communities);
const RUNS = Number(args.runs);
const dir = fileURLToPath(new URL('./.scratch/', import.meta.url));
mkdirSync(dir, { recursive: true });
const file = `${dir}stats-city-${COMMUNITIES}.db`;
if (args.rebuild) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
if (!existsSync(file)) {
  // The city of `npm run city:generate` (db/city.ts), built once into bench/.scratch and reused.
  const t0 = performance.now();
  const n = await generateCity(file, { communities: COMMUNITIES, log: (s) => console.error(`  ${s}`) });
  console.log(`stats: built ${n.communities} communities, ${n.projects} projects, ${n.residents} residents, ${n.ballots} ballots, ${n.audit} audit entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const ctx = await createContext(parseEnv({ DATABASE_URL: `file:${file}`, NODE_ENV: 'production' }), { now: () => new Date('2026-12-06T12:00:00+08:00') });

const now = ctx.now();
async function time(what: string, fn: () => Promise<unknown>) {
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  console.log(`stats: ${what} ${xs[xs.length >> 1]!.toFixed(0)} ms (median of ${RUNS})`);
}
const db = ctx.database;
// The first district, street and community (ids d0, s0, c0) by their slugs, as the pages name them.
const slugs = (await ctx.database.client.execute("select (select lower(code) from districts where id = 'd0') d, (select lower(code) from streets where id = 's0') s, (select slug from communities where id = 'c0') c")).rows[0]!;
const [D0, S0, C0] = [String(slugs.d), String(slugs.s), String(slugs.c)];
await time('city, all years', () => placeStats(db, 'city', 'city', null, now));
// The same figures counted straight from the records, as every page did before they were kept (db/stats-cells.ts).
{
  const t = performance.now();
  await referencePlaceStats(db, 'city', 'city', null, now);
  console.log(`stats: city, all years, counted from the records ${(performance.now() - t).toFixed(0)} ms (once)`);
}
await time('city, 2025', () => placeStats(db, 'city', 'city', 2025, now));
await time('district, all years', () => placeStats(db, 'district', D0, null, now));
await time('street, 2025', () => placeStats(db, 'street', S0, 2025, now));
await time('community, all years', () => placeStats(db, 'community', C0, null, now));
await time('council health, city, 2025', () => councilHealth(db, 'city', 'city', 2025, now));
await time('council health, district, all years', () => councilHealth(db, 'district', D0, null, now));
await time('officer desk, district', () => officerDesk(db, { level: 'district', id: 'd0', slug: D0, nameZh: '', nameEn: '' }, now));
const person = (...assignments: Person['assignments']): Person => ({ accountId: 'bench', assignments });
await time('to-do desk, district officer and auditor', () => todoDesk(db, person({ role: 'officer', scope: { kind: 'district', id: 'd0' } }, { role: 'auditor', scope: { kind: 'district', id: 'd0' } }), now));
await time('to-do desk, street officer', () => todoDesk(db, person({ role: 'officer', scope: { kind: 'street', id: 's0' } }), now));
await time('to-do desk, community staff', () => todoDesk(db, person({ role: 'staff', scope: { kind: 'community', id: 'c0' } }), now));
ctx.database.close();
