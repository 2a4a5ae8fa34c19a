import { drive } from '../lib/load.ts';
import { baselineWorkload } from '../lib/workload.ts';
import { readFileSync } from 'node:fs';
const data = JSON.parse(readFileSync('/tmp/prof/data.json', 'utf8'));
const port = process.argv[2] ?? '4454';
const w = baselineWorkload(data);
const r = await drive({ url: `http://127.0.0.1:${port}`, connections: Number(process.argv[4] ?? 64), seconds: Number(process.argv[3] ?? 10), next: w.next, accept: w.accept });
console.log('baseline', (r.acknowledged.length / r.seconds).toFixed(0), r.statuses, r.latency);
