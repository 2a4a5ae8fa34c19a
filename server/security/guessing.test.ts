/**
 * Guessing throttles (server/auth/throttle.ts, server/services/sign-in.ts):
 * passwords, receipt codes and residency codes. Only wrong guesses count;
 * past a free allowance the waits double; a browser that signed in to an
 * account before (its device cookie) keeps signing in with the right
 * password while the account is under attack from elsewhere; and the counts
 * live in the database, so a second app instance on the same database sees
 * them at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createContext } from '../context.ts';
import { parseEnv } from '../env.ts';
import { testApp } from '#tests/fixtures.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { waitFor } from '../auth/throttle.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let clock = new Date('2026-12-06T10:00:00+08:00').getTime();
beforeEach(async () => {
  clock = new Date('2026-12-06T10:00:00+08:00').getTime();
  t = await testApp({ seed: true, now: () => new Date(clock) });
});
afterEach(() => t.close());

type App = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };
function signIn(app: App, login: string, password: string, opts: { ip?: string; device?: string } = {}) {
  return app.request('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-real-ip': opts.ip ?? '10.0.0.1', ...(opts.device ? { cookie: `wss_device=${opts.device}` } : {}) },
    body: JSON.stringify({ login, password }),
  });
}
const deviceOf = (res: Response) => /wss_device=([^;]+)/.exec(res.headers.getSetCookie().join('\n'))?.[1];
async function retryAfter(res: Response) {
  expect(res.status).toBe(429);
  expect((await res.json()).error.code).toBe('rate_limited');
  return Number(res.headers.get('retry-after'));
}

describe('signing in under attack', () => {
  it('wrong passwords from browsers the account never used are slowed after five, with waits that double', async () => {
    for (let i = 0; i < 6; i++) expect((await signIn(t.app, 'staff_xh', 'wrong password', { ip: `10.1.0.${i}` })).status).toBe(401);
    // Six failures, one past the allowance: two seconds, whatever the address.
    expect(await retryAfter(await signIn(t.app, 'staff_xh', 'wrong password', { ip: '10.1.9.9' }))).toBe(2);
    expect(await retryAfter(await signIn(t.app, 'staff_xh', DEMO_PASSWORD, { ip: '10.1.9.9' }))).toBe(2);
    clock += 2_000;
    expect((await signIn(t.app, 'staff_xh', 'wrong password')).status).toBe(401);
    expect(await retryAfter(await signIn(t.app, 'staff_xh', 'wrong password'))).toBe(4);
    // Other names are untouched.
    expect((await signIn(t.app, 'staff2_xh', DEMO_PASSWORD)).status).toBe(200);
    expect(waitFor({ free: 5, baseMs: 2_000, maxMs: 900_000 }, 30)).toBe(900_000);
  });

  it('a correct password from a known device signs in during an attack on the account', async () => {
    // The staff member's own browser signed in last week.
    const first = await signIn(t.app, 'staff_xh', DEMO_PASSWORD, { ip: '10.2.0.1' });
    expect(first.status).toBe(200);
    const device = deviceOf(first)!;
    expect(device).toMatch(/^[a-z2-9]{32}$/);
    // An attacker tries fifty passwords from many addresses.
    const answers = new Set<number>();
    for (let i = 0; i < 50; i++) answers.add((await signIn(t.app, 'staff_xh', `guess ${i}`, { ip: `10.66.${i}.1` })).status);
    expect([...answers].sort()).toEqual([401, 429]);
    // The right password from an untrusted browser waits; from the staff member's own browser it goes through.
    await retryAfter(await signIn(t.app, 'staff_xh', DEMO_PASSWORD, { ip: '10.2.0.1' }));
    const mine = await signIn(t.app, 'staff_xh', DEMO_PASSWORD, { ip: '10.2.0.1', device });
    expect(mine.status).toBe(200);
    expect(deviceOf(mine)).toBe(device);
    // The device cookie speaks only for its own account.
    await retryAfter(await signIn(t.app, 'staff_xh', DEMO_PASSWORD, { device: deviceOf(await signIn(t.app, 'staff2_xh', DEMO_PASSWORD))! }));
  });

  it('a stolen device cookie buys ten guesses, then counts as untrusted', async () => {
    const device = deviceOf(await signIn(t.app, 'resident_xh', DEMO_PASSWORD))!;
    for (let i = 0; i < 10; i++) expect((await signIn(t.app, 'resident_xh', `guess ${i}`, { device })).status).toBe(401);
    // The eleventh failure puts the device under a wait, so it is judged as untrusted: the name's own allowance.
    expect((await signIn(t.app, 'resident_xh', 'guess 10', { device })).status).toBe(401);
    for (let i = 0; i < 6; i++) expect((await signIn(t.app, 'resident_xh', `again ${i}`, { device })).status).toBe(401);
    await retryAfter(await signIn(t.app, 'resident_xh', DEMO_PASSWORD, { device }));
  });

  it('one address sweeping many names is slowed after thirty failures', async () => {
    let limitedAt = -1;
    for (let i = 0; i < 40 && limitedAt < 0; i++) {
      const res = await signIn(t.app, `sweep_${i}`, 'password1', { ip: '10.3.3.3' });
      if (res.status === 429) limitedAt = i;
    }
    expect(limitedAt).toBe(31);
    expect((await signIn(t.app, 'resident_xh', DEMO_PASSWORD, { ip: '10.4.4.4' })).status).toBe(200);
  });

  it('the counts hold across app instances on one database', async () => {
    const ctxB = await createContext(parseEnv({ DATABASE_URL: t.url, NODE_ENV: 'test' }), { now: () => new Date(clock) });
    const b = createApp(ctxB);
    try {
      for (let i = 0; i < 6; i++) expect((await signIn(i % 2 ? b : t.app, 'council_xh', 'wrong password', { ip: `10.5.0.${i}` })).status).toBe(401);
      await retryAfter(await signIn(b, 'council_xh', 'wrong password'));
      await retryAfter(await signIn(t.app, 'council_xh', 'wrong password'));
    } finally {
      ctxB.database.close();
    }
  });
});

describe('guessing codes', () => {
  it('receipt codes that match no ballot are slowed after twenty from one address', async () => {
    const check = (code: string, ip = '10.7.0.1') => t.app.request(`/api/receipts/${code}`, { headers: { 'x-real-ip': ip } });
    for (let i = 0; i < 21; i++) expect((await check(`ABCDE-FGH${(i % 7) + 2}${(i % 5) + 3}`)).status).toBe(404);
    await retryAfter(await check('ABCDE-FGH23'));
    expect((await check('ABCDE-FGH23', '10.7.0.2')).status).toBe(404);
  });

  it('residency codes that match no slip are slowed after ten, per account and per address', async () => {
    const c = await signIn(t.app, 'newcomer', DEMO_PASSWORD);
    const cookie = /wss_session=[^;]+/.exec(c.headers.getSetCookie().join('\n'))![0];
    const verify = (code: string, ip = '10.8.0.1') => t.app.request('/api/residency/verify', { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-real-ip': ip }, body: JSON.stringify({ code }) });
    // Codes of the slips' form (eight of their symbols: no 0, 1, I, L or O) that no slip has.
    for (let i = 0; i < 11; i++) expect((await verify(`ZZZZ-${'23456789ABC'[i]}ZZZ`)).status).toBe(422);
    expect(await retryAfter(await verify('ZZZZ-ZZZZ'))).toBe(5);
    // Another address does not help the same account.
    await retryAfter(await verify('ZZZZ-ZZZY', '10.8.0.2'));
    // A code not of that form cannot match a slip: it is refused as bad input, and is not a guess.
    const malformed = await verify('ZZZZ-1000', '10.8.0.3');
    expect([malformed.status, (await malformed.json()).error.fields]).toEqual([400, { code: '核验码是纸条上的 8 位字母和数字（不含 0、1、I、L、O）' }]);
  });
});
