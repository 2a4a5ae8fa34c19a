/**
 * @module A new person for the 我的信息 tests: signed up through the API (a
 * unique mobile number and name), then a verified resident of each community
 * asked for, with an unclaimed slip of its register, as a person would be.
 */
import { expect } from 'vitest';
import { client, type TestApp } from './fixtures.ts';

let n = 0;

export type Person = { c: ReturnType<typeof client>; accountId: string; mobile: string; displayName: string; password: string; registerNames: string[] };

/** `communities`: ids such as `c-lianhua`; the person claims one unclaimed register entry in each. */
export async function newResident(t: TestApp, communities: string[] = [], opts: { mobile?: string; displayName?: string } = {}): Promise<Person> {
  n++;
  const mobile = opts.mobile ?? `1370${String(process.pid % 1000).padStart(3, '0')}${String(n).padStart(4, '0')}`;
  const displayName = opts.displayName ?? `测试居民甄${n}号`;
  const password = 'a long password 1';
  const c = client(t.app);
  // Each from an address of its own: sign-up is rate-limited per address.
  const up = await c.post('/api/auth/sign-up', { login: mobile, password, displayName }, { 'x-real-ip': `10.9.${Math.floor(n / 250)}.${n % 250}` });
  expect(up.status).toBe(201);
  const { accountId } = (await up.json()) as { accountId: string };
  const registerNames: string[] = [];
  for (const community of communities) {
    const slip = (await t.ctx.database.client.execute({ sql: 'select verification_code as code, name from register_entries where community_id = ? and claimed_at is null order by register_no limit 1', args: [community] })).rows[0]!;
    const v = await c.post('/api/residency/verify', { code: String(slip.code) });
    expect(v.status).toBe(200);
    registerNames.push(String(slip.name));
  }
  return { c, accountId, mobile, displayName, password, registerNames };
}

/** A project's id from its code. */
export async function projectIdOf(t: TestApp, code: string): Promise<string> {
  return String((await t.ctx.database.client.execute({ sql: 'select id from projects where code = ?', args: [code] })).rows[0]!.id);
}
