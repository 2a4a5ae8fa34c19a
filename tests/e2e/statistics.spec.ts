/**
 * Programme oversight in the browser (issue 15): place pages, the three
 * measures, charts beside their tables, an officer's desk, the annual report
 * on A4 and the CSV downloads. Figures are read off the page and checked
 * against the statistics API and the open-data downloads. Other journeys
 * change the current year's data while these run, so the figures compared
 * are those of a finished year (STATS_YEAR) that no journey touches.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { api, expect, signIn, test } from './helpers.ts';

/** A finished year of the demo history. */
const STATS_YEAR = 2024;
const DISTRICT = { slug: 'lh', name: '罗湖区' };

/** A place's statistics (GET /api/stats/…), through the client typed by the API document. */
async function statsOf(request: APIRequestContext, place: 'city' | { district: string } | { street: string }, year?: number) {
  const client = api(request);
  const query = year === undefined ? {} : { year };
  const r =
    place === 'city' ? await client.GET('/api/stats/city', { params: { query } })
      : 'district' in place ? await client.GET('/api/stats/districts/{slug}', { params: { path: { slug: place.district }, query } })
        : await client.GET('/api/stats/streets/{slug}', { params: { path: { slug: place.street }, query } });
  expect(r.response.status, r.response.url).toBe(200);
  // Without `format` the answer is the JSON one (the document also allows text/csv).
  if (r.data === undefined || typeof r.data === 'string') throw new Error(`${r.response.url}: not JSON statistics`);
  return r.data;
}

const wan = (fen: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(fen / 1_000_000);
const pct = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(v));
const int = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
const fig = (page: Page, id: string) => page.getByTestId(`fig-${id}`);

test('the public reads a district\'s totals: projects, money agreed and paid, turnout, by year', async ({ page, request }) => {
  await page.goto('/');
  await page.getByTestId('nav-stats').click();
  await expect(page).toHaveURL(/\/city$/);
  await page.getByTestId('children-table').getByRole('link', { name: DISTRICT.name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${DISTRICT.name}民生微实事统计`);
  await expect(page.getByTestId('breadcrumbs').getByRole('link', { name: '全市' })).toBeVisible();

  await page.getByTestId('year-picker').getByRole('link', { name: `${STATS_YEAR} 年` }).click();
  await expect(page).toHaveURL(new RegExp(`/districts/${DISTRICT.slug}\\?year=${STATS_YEAR}$`));
  await expect(page.getByTestId('year-picker').getByRole('link', { name: `${STATS_YEAR} 年` })).toHaveAttribute('aria-current', 'page');
  const s = await statsOf(request, { district: DISTRICT.slug }, STATS_YEAR);
  expect(s.projects_total).toBeGreaterThan(0);
  await expect(fig(page, 'projects_total')).toHaveText(int(s.projects_total));
  await expect(fig(page, 'state-adopted')).toHaveText(int(s.projects_adopted));
  await expect(fig(page, 'money_budget')).toHaveText(wan(s.money_budget_fen));
  await expect(fig(page, 'money_agreed')).toHaveText(wan(s.money_agreed_fen));
  await expect(fig(page, 'money_paid')).toHaveText(wan(s.money_paid_fen));
  await expect(fig(page, 'ballots')).toHaveText(int(s.ballots));
  await expect(fig(page, 'eligible_voters')).toHaveText(int(s.eligible_voters));
  await expect(fig(page, 'turnout')).toHaveText(pct(s.ballots / s.eligible_voters));
  await expect(page.getByTestId('headline')).toContainText(`${STATS_YEAR} 年，实施项目 ${int(s.projects_adopted)} 个，投入 ${wan(s.money_agreed_fen)} 万元。`);

  // The year's projects are the district's rows of the public projects dataset for that year.
  let rows = 0;
  for (const street of s.children) {
    const st = await statsOf(request, { street: street.slug }, STATS_YEAR);
    for (const c of st.children) {
      const data = await (await request.get(`/api/open-data/projects.json?community=${c.slug}`)).json();
      rows += (data.items as { year: number }[]).filter((p) => p.year === STATS_YEAR).length;
    }
  }
  expect(rows).toBe(s.projects_total);

  // All years again: the figures change back to the totals.
  await page.getByTestId('year-picker').getByRole('link', { name: '全部年份' }).click();
  const all = await statsOf(request, { district: DISTRICT.slug });
  expect(all.projects_total).toBeGreaterThan(s.projects_total);
  await expect(page.getByTestId('headline')).toContainText('累计实施项目');

  // A malformed year is said so, not ignored.
  await page.goto(`/districts/${DISTRICT.slug}?year=20x4`);
  await expect(page.getByTestId('bad-query')).toHaveText('地址中的年份或排序无效，已按默认显示。');
  expect((await page.request.get('/districts/no-such-place')).status()).toBe(404);
});

test('the city page compares districts with a chart and the same figures as a table', async ({ page, request }) => {
  await page.goto(`/city?year=${STATS_YEAR}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('全市民生微实事统计');
  const s = await statsOf(request, 'city', STATS_YEAR);
  const chart = page.getByTestId('chart-turnout').locator('svg[role="img"]');
  await expect(chart).toHaveCount(1);
  const withVotes = s.children.filter((c) => c.eligible_voters > 0);
  expect(withVotes.length).toBeGreaterThan(0);
  // The chart says its figures in words (for screen readers) and draws one bar per district that voted.
  await expect(chart.locator('title')).toHaveText('全市各下级单位投票率');
  for (const d of withVotes) await expect(chart.locator('desc')).toContainText(`${d.name} ${pct(d.ballots / d.eligible_voters)}`);
  await expect(chart.locator('rect')).toHaveCount(withVotes.length);

  const table = page.getByTestId('children-table');
  const rows = table.getByTestId('child-row');
  await expect(rows).toHaveCount(s.children.length);
  for (const d of s.children) {
    const row = table.locator(`tr[data-slug="${d.slug}"]`);
    await expect(row.getByRole('rowheader')).toHaveText(d.name);
    const cells = row.getByRole('cell');
    await expect(cells.nth(0)).toHaveText(int(d.projects_total));
    await expect(cells.nth(1)).toHaveText(int(d.projects_adopted));
    await expect(cells.nth(3)).toHaveText(wan(d.money_agreed_fen));
    await expect(cells.nth(4)).toHaveText(wan(d.money_paid_fen));
    await expect(cells.nth(6)).toHaveText(d.eligible_voters ? pct(d.ballots / d.eligible_voters) : '—');
  }
  // Sorting by money paid puts the largest first on the second click, and says so.
  await table.getByTestId('sort-money_paid_fen').click();
  await table.getByTestId('sort-money_paid_fen').click();
  await expect(page).toHaveURL(/sort=money_paid_fen&dir=desc/);
  const top = [...s.children].sort((a, b) => b.money_paid_fen - a.money_paid_fen || a.slug.localeCompare(b.slug))[0]!;
  await expect(page.getByTestId('children-table').getByTestId('child-row').first()).toHaveAttribute('data-slug', top.slug);
  await expect(page.getByTestId('children-table').locator('th[aria-sort="descending"]')).toHaveCount(1);
});

test('the three measures are shown with how each is computed', async ({ page, request }) => {
  await page.goto(`/districts/${DISTRICT.slug}?year=${STATS_YEAR}`);
  const s = await statsOf(request, { district: DISTRICT.slug }, STATS_YEAR);
  const measures = page.getByTestId('measures');
  await expect(measures.locator('dt')).toHaveText(['广泛性', '参与性', '草根性']);
  for (const k of ['breadth', 'participation', 'grassroots'] as const) {
    const m = s.measures[k];
    expect(m.den, k).toBeGreaterThan(0);
    const box = page.getByTestId(`measure-${k}`);
    await expect(page.getByTestId(`measure-${k}-value`)).toHaveText(pct(m.num / m.den));
    await expect(box.locator('.formula')).toHaveText(`${int(m.num)} ÷ ${int(m.den)}`);
  }
  await expect(page.getByTestId('measure-breadth')).toContainText('参与居民 ÷ 登记居民');
  await expect(page.getByTestId('measure-participation')).toContainText('选票 ÷ 可投票人次');
  await expect(page.getByTestId('measure-grassroots')).toContainText('由居民提出（网上或纸质问需表）的已采纳项目 ÷ 全部已采纳项目');
  // The numbers in the formulas are the page's own figures.
  expect(s.measures.participation.num).toBe(s.ballots);
  expect(s.measures.participation.den).toBe(s.eligible_voters);
  expect(s.measures.grassroots.den).toBe(s.projects_adopted);
  // And in English.
  await page.context().addCookies([{ name: 'lang', value: 'en', url: page.url() }]);
  await page.reload();
  await expect(page.getByTestId('measures').locator('dt')).toHaveText(['Breadth (广泛性)', 'Participation (参与性)', 'Grassroots (草根性)']);
});

test('a street officer sees which councils look inactive and why', async ({ page, request }) => {
  await signIn(page, 'street_lt');
  await expect(page).toHaveURL(/\/staff$/);
  const desk = page.getByTestId('officer-desk');
  await expect(desk.getByRole('heading', { level: 2 })).toHaveText('莲塘街道工作台');
  const s = await statsOf(request, { street: 'ltjd' });
  const flagged = s.council_flags as unknown as { slug: string; name_zh: string; flags: { code: string; evidence: string }[] }[];
  expect(flagged.length).toBeGreaterThan(0);
  const health = desk.getByTestId('council-health');
  await expect(health.getByTestId('flagged-community')).toHaveCount(flagged.length);
  for (const c of flagged) {
    const card = health.locator(`[data-testid="flagged-community"][data-slug="${c.slug}"]`);
    await expect(card.getByRole('link', { name: c.name_zh })).toBeVisible();
    await expect(card.getByTestId('health-flag')).toHaveCount(c.flags.length);
    for (const [i, f] of c.flags.entries()) {
      const li = card.getByTestId('health-flag').nth(i);
      await expect(li).toHaveAttribute('data-code', f.code);
      await expect(li.getByRole('link', { name: '查看依据' })).toHaveAttribute('href', f.evidence);
    }
  }
  await expect(health).toContainText('判断规则');
  // The evidence of the first sign opens.
  const first = health.getByTestId('health-flag').first().getByRole('link', { name: '查看依据' });
  const href = await first.getAttribute('href');
  await first.click();
  await expect(page).toHaveURL(new RegExp(href!.replace(/[?]/g, '\\?') + '$'));
  expect((await page.request.get(href!)).status()).toBe(200);
});

test('the annual report prints on A4 with the cumulative projects and money', async ({ page, request }) => {
  await page.goto(`/districts/${DISTRICT.slug}`);
  await page.getByTestId('report-link').click();
  await page.goto(`/districts/${DISTRICT.slug}/report?year=${STATS_YEAR}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${DISTRICT.name} ${STATS_YEAR} 年民生微实事年度报告`);
  const all = await statsOf(request, { district: DISTRICT.slug });
  const year = await statsOf(request, { district: DISTRICT.slug }, STATS_YEAR);
  await expect(page.getByTestId('report-cumulative')).toContainText(`累计实施项目 ${int(all.projects_adopted)} 个，投入 ${wan(all.money_agreed_fen)} 万元。`);
  await expect(page.getByTestId('report-year-headline')).toHaveText(`${STATS_YEAR} 年，实施项目 ${int(year.projects_adopted)} 个，投入 ${wan(year.money_agreed_fen)} 万元。`);
  // The list behind the figures: one row per adopted project, adding up to the adopted amount.
  await expect(page.getByTestId('report-projects').locator('tbody tr')).toHaveCount(year.projects_adopted);
  await expect(page.getByTestId('report-total-agreed')).toHaveText(wan(year.money_agreed_fen));
  await expect(page.getByTestId('report-year-headline').getByRole('link')).toHaveAttribute('href', '#projects');

  // Printed: no site header, navigation or buttons; A4 pages, the projects on a page of their own.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印本报告' })).toBeHidden();
  await expect(page.getByTestId('report-cumulative')).toBeVisible();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(3);
  // Every page is A4: 210 × 297 mm, 595 × 842 points.
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  expect(boxes.length).toBe(pages.length);
  for (const b of boxes) expect(b).toEqual([595, 842]);
});

test('a place\'s statistics download as CSV with the page\'s figures', async ({ page }) => {
  await page.goto(`/streets/sgjd?year=${STATS_YEAR}`);
  const shown = {
    projects_total: (await fig(page, 'projects_total').textContent())!,
    money_agreed: (await fig(page, 'money_agreed').textContent())!,
    money_paid: (await fig(page, 'money_paid').textContent())!,
    ballots: (await fig(page, 'ballots').textContent())!,
  };
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  expect(download.suggestedFilename()).toBe(`stats-street-sgjd-${STATS_YEAR}-places.csv`);
  const bytes = await (await import('node:fs/promises')).readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
  const header = lines[0]!.split(',');
  const row = lines[1]!.split(',');
  const col = (name: string) => row[header.indexOf(name)]!;
  expect(header).toEqual(expect.arrayContaining(['money_agreed_fen', 'money_agreed_yuan', 'money_paid_fen', 'money_paid_yuan']));
  expect(col('level')).toBe('street');
  expect(col('slug')).toBe('sgjd');
  expect(col('year')).toBe(String(STATS_YEAR));
  expect(int(Number(col('projects_total')))).toBe(shown.projects_total);
  expect(wan(Number(col('money_agreed_fen')))).toBe(shown.money_agreed);
  expect(wan(Number(col('money_paid_fen')))).toBe(shown.money_paid);
  expect(Number(col('money_paid_yuan').replace(/,/g, ''))).toBe(Number(col('money_paid_fen')) / 100);
  expect(int(Number(col('ballots')))).toBe(shown.ballots);
  // One line per community after the street's own.
  expect(lines.length - 2).toBe(await page.getByTestId('children-table').getByTestId('child-row').count());
});
