/**
 * The operator's metrics, from a real server process (the production boot
 * without the pages) on a database with bench voters: /metrics exists only
 * with a token, answers only with it, and counts what happened.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startApiServer, tempDir, type Started } from '#bench/lib/server.ts';
import { seedBench, type BenchData } from '#bench/lib/seed.ts';

const TOKEN = 'metrics-token-for-the-test-0123456789';
let dir: string;
let databaseUrl: string;
let data: BenchData;
let site: Started | null = null;

beforeAll(async () => {
  dir = tempDir('wss-metrics-test-');
  databaseUrl = `file:${join(dir, 'site.db')}`;
  data = await seedBench(databaseUrl, 5);
}, 120_000);

afterAll(async () => {
  await site?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The value of one sample line of the exposition text, e.g. `wss_ballots_cast_total{channel="online"}`. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('metrics', () => {
  it('metrics require the token and count ballots cast', async () => {
    // Without a token configured, there is no such address.
    site = await startApiServer({ port: await freePort(), databaseUrl, env: { LOG_LEVEL: 'silent' } });
    expect((await fetch(`${site.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${site.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    await site.stop();

    site = await startApiServer({ port: await freePort(), databaseUrl, env: { LOG_LEVEL: 'silent', METRICS_TOKEN: TOKEN } });
    const anonymous = await fetch(`${site.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect((await fetch(`${site.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${site.url}/metrics`, { headers: { authorization: TOKEN } })).status).toBe(401);

    const scrape = async () => {
      const res = await fetch(`${site!.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      return res.text();
    };
    const before = await scrape();
    expect(sample(before, 'wss_ballots_cast_total{channel="online"}')).toBeUndefined();
    expect(sample(before, 'wss_open_votes')).toBeGreaterThanOrEqual(1);

    // Three residents vote; one ballot is refused (an unknown project).
    for (const v of data.voters.slice(0, 3)) {
      const res = await fetch(`${site.url}/api/cycles/${data.cycleId}/ballot`, { method: 'POST', headers: { 'content-type': 'application/json', origin: site.url, cookie: `wss_session=${v.token}` }, body: JSON.stringify({ projects: [data.projectIds[0]] }) });
      expect(res.status).toBe(201);
    }
    const bad = await fetch(`${site.url}/api/cycles/${data.cycleId}/ballot`, { method: 'POST', headers: { 'content-type': 'application/json', origin: site.url, cookie: `wss_session=${data.voters[3]!.token}` }, body: JSON.stringify({ projects: ['no-such-project'] }) });
    expect(bad.status).toBe(422);

    const after = await scrape();
    expect(sample(after, 'wss_ballots_cast_total{channel="online"}')).toBe(3);
    expect(sample(after, 'wss_http_request_duration_seconds_count{route="/api/cycles/:id/ballot",method="POST",status="2xx"}')).toBe(3);
    expect(sample(after, 'wss_http_request_duration_seconds_count{route="/api/cycles/:id/ballot",method="POST",status="4xx"}')).toBe(1);
    expect(sample(after, 'wss_db_write_seconds_count')).toBeGreaterThanOrEqual(4);
    expect(sample(after, 'wss_db_writes_pending')).toBe(0);
    expect(sample(after, 'wss_process_resident_memory_bytes')).toBeGreaterThan(0);
    // Route patterns only: no voter, token or project id in any label.
    for (const v of data.voters.slice(0, 4)) expect(after).not.toContain(v.token);
    expect(after).not.toContain(data.projectIds[0]);
  });
});
