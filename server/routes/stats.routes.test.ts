/**
 * The statistics API on the demo data: exact figures the open-data downloads
 * can confirm, children that add up, CSV with both units, bad input refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededTemplate, type TestApp } from '#tests/fixtures.ts';
import { FIGURE_KEYS } from '../domain/stats.ts';

let t: TestApp;
beforeAll(async () => {
  t = await (await seededTemplate()).fresh();
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
type Body = Record<string, unknown> & { children: Record<string, unknown>[]; place: { slug: string; name: string } };

describe('GET /api/stats', () => {
  it('a district answers its totals with every integer field named in the contract, equal to the sum of its streets', async () => {
    const res = await get('/api/stats/districts/lh');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Body;
    expect(body.place).toMatchObject({ level: 'district', slug: 'lh', name: '罗湖区' });
    for (const k of ['projects_total', 'projects_adopted', 'money_budget_fen', 'money_agreed_fen', 'money_paid_fen', 'ballots', 'eligible_voters']) expect(Number.isInteger(body[k]), k).toBe(true);
    expect(body.children.map((c) => c.slug)).toEqual(expect.arrayContaining(['ltjd', 'sgjd']));
    for (const k of FIGURE_KEYS) expect(body.children.reduce((n, c) => n + (c[k] as number), 0), k).toBe(body[k]);
  });

  it('projects_total and money_paid_fen agree with the open-data downloads for each community', async () => {
    const communities = ((await (await get('/api/communities')).json()) as { items: { slug: string }[] }).items;
    expect(communities.length).toBeGreaterThan(0);
    for (const { slug } of communities) {
      const s = (await (await get(`/api/stats/communities/${slug}`)).json()) as Body;
      const projects = (await (await get(`/api/open-data/projects.json?community=${slug}`)).json()) as { items: unknown[] };
      const payments = (await (await get(`/api/open-data/payments.json?community=${slug}`)).json()) as { items: { amount_fen: number }[] };
      expect(s.projects_total, slug).toBe(projects.items.length);
      expect(s.money_paid_fen, slug).toBe(payments.items.reduce((n, p) => n + p.amount_fen, 0));
    }
  });

  it('a year narrows the figures, and the city adds up its districts', async () => {
    const all = (await (await get('/api/stats/city')).json()) as Body & { years: number[] };
    expect(all.years.length).toBeGreaterThan(0);
    let sum = 0;
    for (const y of all.years) {
      const one = (await (await get(`/api/stats/city?year=${y}`)).json()) as Body;
      expect(one.year).toBe(y);
      sum += one.projects_total as number;
    }
    expect(sum).toBe(all.projects_total);
  });

  it('CSV is UTF-8 with a byte-order mark and labels fen and yuan', async () => {
    const res = await get('/api/stats/districts/lh?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="stats-district-lh-all-places.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes); // drops the mark
    const header = text.split('\r\n')[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['money_paid_fen', 'money_paid_yuan', 'money_budget_fen', 'money_budget_yuan', 'turnout']));
    const json = (await (await get('/api/stats/districts/lh')).json()) as Body;
    const first = text.split('\r\n')[1]!.split(',');
    expect(first[header.indexOf('slug')]).toBe('lh');
    expect(Number(first[header.indexOf('money_paid_fen')])).toBe(json.money_paid_fen);
  });

  it('refuses bad input with the field named, and answers 404 for an unknown place', async () => {
    for (const [path, field] of [['/api/stats/city?year=19', 'year'], ['/api/stats/city?year=abc', 'year'], ['/api/stats/city?format=xml', 'format'], ['/api/stats/city?table=people&format=csv', 'table'], ['/api/stats/city?other=1', 'other']] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(body.error.code, path).toBe('validation_failed');
      expect(Object.keys(body.error.fields), path).toContain(field);
    }
    const missing = await get('/api/stats/districts/nowhere');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await get('/api/stats/streets/Bad_Slug')).status).toBe(400);
  });
});
