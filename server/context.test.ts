/**
 * The test and demo clock (CLOCK_START): a server on it reads the given
 * instant and runs on in real time from there, so that tests and journeys
 * written for the demo's dates behave the same on any day; production
 * refuses it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockFrom, createContext, type AppContext } from './context.ts';
import { parseEnv } from './env.ts';

let ctx: AppContext | null = null;
const dir = mkdtempSync(join(tmpdir(), 'wss-clock-'));
afterEach(() => {
  ctx?.database.close();
  ctx = null;
});

describe('the clock', () => {
  it('a server given CLOCK_START reads that instant and runs on from there', async () => {
    ctx = await createContext(parseEnv({ DATABASE_URL: `file:${join(dir, 'a.db')}`, NODE_ENV: 'test', CLOCK_START: '2026-12-07T10:00:00+08:00' }));
    const first = ctx.now().getTime();
    expect(Math.abs(first - Date.parse('2026-12-07T02:00:00Z'))).toBeLessThan(5_000);
    await new Promise((r) => setTimeout(r, 30));
    expect(ctx.now().getTime() - first).toBeGreaterThanOrEqual(25);
  });

  it('without CLOCK_START the server runs on the real clock', async () => {
    ctx = await createContext(parseEnv({ DATABASE_URL: `file:${join(dir, 'b.db')}`, NODE_ENV: 'test' }));
    expect(Math.abs(ctx.now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it('a production server refuses CLOCK_START', async () => {
    await expect(createContext(parseEnv({ DATABASE_URL: `file:${join(dir, 'c.db')}`, NODE_ENV: 'production', CLOCK_START: '2026-12-07T10:00:00+08:00' }))).rejects.toThrow(/CLOCK_START/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a clock started in the past keeps its distance from real time', () => {
    const clock = clockFrom(new Date('2020-01-01T00:00:00Z'));
    const gap = Date.now() - clock().getTime();
    expect(Math.abs(gap - (Date.now() - Date.parse('2020-01-01T00:00:00Z')))).toBeLessThan(1_000);
  });
});
