/**
 * Open-data downloads stream a page of rows at a time (keyset paging), so a
 * whole city's dataset never sits in the server's memory. Read in pages of
 * seven — so every dataset of the demo's history spans many pages, and rows
 * with equal sort values straddle page breaks — each dataset must come out
 * exactly as read in one go: the same rows in the same order, none lost or
 * repeated, and the same CSV and JSON bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '#tests/fixtures.ts';
import { dataset, datasetCsv, datasetStream, DATASETS } from './open-data.ts';

const NOW = new Date('2026-12-07T10:00:00+08:00');
let t: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  t = await testApp({ seed: true, history: true, now: () => NOW });
}, 120_000);
afterAll(() => t.close());

// Decoded keeping the byte-order mark (Response.text() would drop it).
const text = async (s: ReadableStream<Uint8Array>) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(s).arrayBuffer());

describe('open-data downloads, page by page', () => {
  for (const name of DATASETS) {
    it(`${name}: pages of seven give the same rows, CSV and JSON as one read of the whole`, async () => {
      const whole = await dataset(t.ctx.database, name, {}, NOW, 1_000_000);
      expect(whole.rows.length).toBeGreaterThan(14);
      const paged = await dataset(t.ctx.database, name, {}, NOW, 7);
      expect(paged.rows).toEqual(whole.rows);
      expect(await text(datasetStream(t.ctx.database, name, {}, NOW, 'csv', 7))).toBe(datasetCsv(whole));
      expect(JSON.parse(await text(datasetStream(t.ctx.database, name, {}, NOW, 'json', 7)))).toEqual({ dataset: name, columns: whole.columns, items: whole.rows });
    });
  }

  it('an empty selection is a header line in CSV and an empty list in JSON', async () => {
    expect(await text(datasetStream(t.ctx.database, 'payments', { communitySlug: 'no-such-place' }, NOW, 'csv', 7))).toBe('\uFEFFproject_code,project_title,batch_no,paid_on,amount_fen,amount_yuan,note\r\n');
    expect(JSON.parse(await text(datasetStream(t.ctx.database, 'payments', { communitySlug: 'no-such-place' }, NOW, 'json', 7)))).toMatchObject({ dataset: 'payments', items: [] });
  });

  it('every project that is not a draft is in the projects dataset once', async () => {
    const { rows } = await t.ctx.database.client.execute("select count(*) as n from projects where state <> 'draft'");
    const paged = await dataset(t.ctx.database, 'projects', {}, NOW, 7);
    expect(paged.rows.length).toBe(Number(rows[0]!.n));
    expect(new Set(paged.rows.map((r) => r.code)).size).toBe(paged.rows.length);
  });
});
