// Experiment: castBallot throughput in-process with variants of the write path.
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { readFileSync, copyFileSync, rmSync, openSync, fsync, closeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import * as schema from '../../db/schema.ts';
import { createRateLimiters } from '../../server/auth/rate-limit.ts';
import { authenticate } from '../../server/services/accounts.ts';
import { castBallot } from '../../server/services/ballots.ts';

const [ckpt, sync] = [process.argv[2] ?? 'auto', process.argv[3] ?? 'full'];
const N = Number(process.argv[4] ?? 3000), C = Number(process.argv[5] ?? 64);
const path = '/tmp/prof/exp.db';
copyFileSync('/tmp/prof/site-clean.db', path); for (const f of ['-wal', '-shm']) rmSync(path + f, { force: true });
const data = JSON.parse(readFileSync('/tmp/prof/data.json', 'utf8'));
const readClient = createClient({ url: `file:${path}`, timeout: 5000 });
await readClient.execute('PRAGMA journal_mode=WAL');
const writeClient = createClient({ url: `file:${path}`, timeout: 5000, concurrency: 1 });
if (sync === 'async') await writeClient.execute('PRAGMA synchronous=NORMAL');
if (ckpt === 'bg') await writeClient.execute('PRAGMA wal_autocheckpoint=0');
const db = drizzle(readClient, { schema });
const wdb = drizzle(writeClient, { schema });
let worker: Worker | undefined;
if (ckpt === 'bg') {
  worker = new Worker(`
    const { parentPort } = require('node:worker_threads');
    const Database = require('/work/main/node_modules/libsql');
    const db = new Database('${path}', { timeout: 5000 });
    let stop = false; parentPort.on('message', () => { stop = true; db.close(); process.exit(0); });
    const tick = () => { if (stop) return; try { db.prepare('PRAGMA wal_checkpoint(PASSIVE)').all(); } catch (e) {} setTimeout(tick, 200); };
    tick();
  `, { eval: true });
}
let walFd = -1;
const syncs: number[] = [];
function fsyncWal(): Promise<void> {
  if (walFd < 0) walFd = openSync(path + '-wal', 'r');
  const t = performance.now();
  return new Promise((ok, fail) => fsync(walFd, (e) => { syncs.push(performance.now() - t); e ? fail(e) : ok(); }));
}
// group commit, pipelined when sync=async
type Job = { fn: (tx: any) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };
const queue: Job[] = []; let draining = false; const commits: number[] = []; const batches: number[] = [];
let syncing: Promise<void> | null = null; let wantSync: { resolve: () => void }[] = []; 
function requestSync(): Promise<void> {
  return new Promise((resolve) => { wantSync.push({ resolve }); if (!syncing) runSync(); });
}
function runSync() {
  const waiting = wantSync; wantSync = [];
  syncing = fsyncWal().then(() => { for (const w of waiting) w.resolve(); syncing = null; if (wantSync.length) runSync(); });
}
async function runBatch(batch: Job[]) {
  const outcomes: any[] = [];
  let commitT = 0;
  await wdb.transaction(async (tx) => {
    for (const job of batch) {
      try { outcomes.push({ ok: true, value: await tx.transaction((sp) => job.fn(sp)) }); } catch (error) { outcomes.push({ ok: false, error }); }
    }
    commitT = performance.now();
  });
  commits.push(performance.now() - commitT); batches.push(batch.length);
  const settle = () => batch.forEach((job, i) => (outcomes[i].ok ? job.resolve(outcomes[i].value) : job.reject(outcomes[i].error)));
  if (sync === 'async') requestSync().then(settle); else settle();
}
async function drain() { draining = true; while (queue.length) await runBatch(queue.splice(0, 200)); draining = false; }
function write<T>(fn: (tx: any) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => { queue.push({ fn, resolve: resolve as any, reject }); if (!draining) void drain(); });
}
const ctx: any = { database: { db, client: readClient, url: `file:${path}`, write, close() {} }, limits: createRateLimiters(), now: () => new Date(), secureCookies: false, allowedOrigins: [] };
let i = 0; const lat: number[] = [];
const t0 = performance.now(); const c0 = process.cpuUsage();
async function w() {
  while (i < N) {
    const k = i++; const v = data.voters[k % data.voters.length]; const s = performance.now();
    const auth = await authenticate(ctx, v.token);
    const r = await castBallot(ctx, data.cycleId, { projects: data.projectIds.slice(0, 1 + (k % 3)) }, auth!.actor);
    if (!r.ok) throw new Error(JSON.stringify(r));
    lat.push(performance.now() - s);
  }
}
await Promise.all(Array.from({ length: C }, w));
const el = performance.now() - t0; const cu = process.cpuUsage(c0);
lat.sort((a, b) => a - b); commits.sort((a, b) => a - b); syncs.sort((a, b) => a - b);
const q = (a: number[], p: number) => (a.length ? a[Math.min(a.length - 1, Math.floor(a.length * p))].toFixed(1) : '-');
console.log(`${ckpt}/${sync}: ${(N / el * 1000).toFixed(0)}/s cpu/op ${((cu.user + cu.system) / N).toFixed(0)}µs; lat p50 ${q(lat, .5)} p99 ${q(lat, .99)}; commits ${commits.length} (avg batch ${(batches.reduce((a, b) => a + b, 0) / batches.length).toFixed(1)}) commit ms p50 ${q(commits, .5)} p90 ${q(commits, .9)} max ${q(commits, 1)} sum ${commits.reduce((a, b) => a + b, 0).toFixed(0)}; fsyncs ${syncs.length} p50 ${q(syncs, .5)} max ${q(syncs, 1)}`);
worker?.postMessage('stop');
readClient.close(); writeClient.close();
