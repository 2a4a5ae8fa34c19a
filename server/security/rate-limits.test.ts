/**
 * Rate limits (server/auth/rate-limit.ts buckets) on the routes people could
 * flood: signing up, proposing and uploading, voting. (Guessing passwords,
 * receipts and residency codes is throttled in the database: guessing.test.ts.) Each answers 429
 * with a Retry-After in whole seconds and the error body, and the refused
 * request writes nothing. Commenting is covered in
 * server/routes/comments.routes.test.ts (same shape), and checked here once
 * more against the clock: the bucket refills.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { projects } from '#db/schema.ts';
import { buildTemplate, openWorld, type Template, type World } from '#tests/security/world.ts';

let template: Template;
let w: World;
beforeAll(async () => {
  template = await buildTemplate();
}, 120_000);
afterAll(() => template?.close());
afterEach(() => w?.close());

async function expect429(res: Response) {
  expect(res.status).toBe(429);
  const retry = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retry) && retry > 0, `Retry-After: ${res.headers.get('retry-after')}`).toBe(true);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  return retry;
}

const count = async (table: string) => Number((await w.ctx.database.client.execute(`select count(*) as n from ${table}`)).rows[0]!.n);
const projectId = async (code: string) => (await w.ctx.database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, code)))[0]!.id;
const PROPOSAL = { title: '楼道声控灯更换', category: 'goods', theme: 'care', description: '更换楼道里损坏的声控灯。', address: '莲花社区 3 栋', estimatedCost: '30000' };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);

describe('rate limits answer 429 with Retry-After', () => {
  it('signing up: five accounts from one address, then wait; nothing is created past the limit', async () => {
    w = await openWorld(template);
    for (let i = 0; i < 5; i++) expect((await w.request('POST', '/api/auth/sign-up', null, { login: `burst_${i}`, password: 'a long password', displayName: 'x' }, { 'x-real-ip': '10.2.2.2' })).status).toBe(201);
    const accounts = await count('accounts');
    await expect429(await w.request('POST', '/api/auth/sign-up', null, { login: 'burst_6', password: 'a long password', displayName: 'x' }, { 'x-real-ip': '10.2.2.2' }));
    expect(await count('accounts')).toBe(accounts);
  });

  it('proposing: twenty drafts at once, then one every 30 s; the refused draft is not written', async () => {
    w = await openWorld(template);
    for (let i = 0; i < 20; i++) expect((await w.request('POST', '/api/cycles/cy-lianhua-2026/proposals', 'resident_lt', { ...PROPOSAL, title: `${PROPOSAL.title} ${i}` })).status).toBe(201);
    const before = await count('projects');
    const retry = await expect429(await w.request('POST', '/api/cycles/cy-lianhua-2026/proposals', 'resident_lt', { ...PROPOSAL, title: '再来一个' }));
    expect(retry).toBeLessThanOrEqual(30);
    expect(await count('projects')).toBe(before);
    // Uploading files to a draft draws on the same allowance.
    // One of the drafts this resident just made (other drafts belong to other people: 404).
    const code = (await w.ctx.database.client.execute({ sql: "select code from projects where state = 'draft' and title = ?", args: [`${PROPOSAL.title} 0`] })).rows[0]!.code as string;
    const form = new FormData();
    form.append('files', new File([PNG], 'a.png', { type: 'image/png' }));
    const attachments = await count('attachments');
    await expect429(await w.request('POST', `/api/proposals/${code}/attachments`, 'resident_lt', form));
    expect(await count('attachments')).toBe(attachments);
  });

  it('voting: ten ballots at once, then one every 3 s; the refused ballot does not replace the last one', async () => {
    w = await openWorld(template);
    const ids = [await projectId('LTJD-XHSQ-2026-01'), await projectId('LTJD-XHSQ-2026-02')];
    for (let i = 0; i < 10; i++) expect((await w.request('POST', '/api/cycles/cy-xianhu-2026/ballot', 'resident_xh', { projects: [ids[i % 2]] })).status).toBe(201);
    const ballots = await count('ballots');
    const retry = await expect429(await w.request('POST', '/api/cycles/cy-xianhu-2026/ballot', 'resident_xh', { projects: [ids[0]] }));
    expect(retry).toBeLessThanOrEqual(3);
    expect(await count('ballots')).toBe(ballots);
    // The limit is per person: another resident votes at once.
    expect((await w.request('POST', '/api/cycles/cy-xianhu-2026/ballot', 'council_xh', { projects: [ids[0]] })).status).toBe(201);
  });

  it('commenting: five at once; after the wait it names, the next one goes through', async () => {
    let now = Date.now();
    w = await openWorld(template);
    const ctx = { ...w.ctx, now: () => new Date(now) };
    const { createApp } = await import('../app.ts');
    const app = createApp(ctx);
    const send = (body: string) => app.request('/api/projects/LTJD-XHSQ-2026-01/comments', { method: 'POST', headers: { ...w.cookieOf('resident_xh'), 'content-type': 'application/json' }, body: JSON.stringify({ body }) });
    for (let i = 0; i < 5; i++) expect((await send(`第 ${i + 1} 条`)).status).toBe(201);
    const retry = await expect429(await send('太快了'));
    now += retry * 1000;
    expect((await send('等了一会儿')).status).toBe(201);
  });
});
