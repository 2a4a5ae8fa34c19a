/**
 * @module Place statistics as the API's JSON body and as CSV tables (UTF-8
 * with a byte-order mark; every sum of money twice, in fen and in yuan, each
 * column named for its unit). The page's download links and the API serve
 * these same tables, so a spreadsheet shows what the page shows.
 */
import { FIGURE_KEYS, derive, type Figures, type Ratio } from '../domain/stats.ts';
import { fenToYuanText, toCsv, type CsvValue } from '../domain/delivery.ts';
import type { PlaceRef, PlaceStats } from './stats.ts';

export const STATS_TABLES = ['places', 'years', 'categories', 'themes'] as const;
export type StatsTable = (typeof STATS_TABLES)[number];

type Locale = 'zh-CN' | 'en';
const nameOf = (p: PlaceRef, locale: Locale) => (locale === 'en' ? p.nameEn : p.nameZh);
const share = (r: Ratio) => (r.value === null ? null : Math.round(r.value * 10_000) / 10_000);

/** Figures, with each money figure also in yuan, and the ratios, as one flat row. */
function flat(f: Figures): Record<string, CsvValue> {
  const out: Record<string, CsvValue> = {};
  for (const k of FIGURE_KEYS) {
    out[k] = f[k];
    if (k.endsWith('_fen')) out[k.replace(/_fen$/, '_yuan')] = fenToYuanText(f[k]);
  }
  const d = derive(f);
  out.turnout = share(d.turnout);
  out.paid_share = share(d.paidShare);
  out.proposals_per_1000_residents = d.proposalsPer1000 === null ? null : Math.round(d.proposalsPer1000 * 10) / 10;
  out.mean_satisfaction = d.meanSatisfaction === null ? null : Math.round(d.meanSatisfaction * 100) / 100;
  return out;
}

const FLAT_COLUMNS = Object.keys(flat(Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Figures));

/** The API body: the figures at the top level, then the measures, the splits, the years and the child places. */
export function statsBody(s: PlaceStats, locale: Locale) {
  const ref = (p: PlaceRef) => ({ level: p.level, slug: p.slug, name: nameOf(p, locale), name_zh: p.nameZh, name_en: p.nameEn });
  const ratios = (d: ReturnType<typeof derive>) => ({ turnout: d.turnout, paid_share: d.paidShare, proposals_per_1000_residents: d.proposalsPer1000, mean_satisfaction: d.meanSatisfaction });
  return {
    place: ref(s.place),
    parents: s.parents.map(ref),
    year: s.year,
    years: s.years,
    ...s.figures,
    ratios: ratios(s.derived),
    measures: s.measures,
    by_category: s.byCategory.map((c) => ({ category: c.key, projects_adopted: c.adopted, money_agreed_fen: c.agreedFen, money_contracted_fen: c.contractedFen, money_paid_fen: c.paidFen })),
    by_theme: s.byTheme.map((t) => ({ theme: t.key, projects_adopted: t.adopted, money_agreed_fen: t.agreedFen })),
    by_year: s.byYear.map((y) => ({ year: y.year, ...y.figures })),
    children: s.children.map((c) => ({ ...ref(c), ...c.figures, ratios: ratios(c.derived) })),
  };
}

/** One table as CSV: `places` is the place itself then each child place; `years`, `categories` and `themes` are the place's splits. */
export function statsCsv(s: PlaceStats, table: StatsTable, locale: Locale): { fileName: string; text: string } {
  const period = s.year === null ? 'all' : String(s.year);
  const base = `stats-${s.place.level}-${s.place.slug}-${period}`;
  let columns: string[];
  let rows: Record<string, CsvValue>[];
  switch (table) {
    case 'places':
      columns = ['level', 'slug', 'name', 'year', ...FLAT_COLUMNS];
      rows = [s.place, ...s.children].map((p) => ({ level: p.level, slug: p.slug, name: nameOf(p, locale), year: period, ...flat(p === s.place ? s.figures : (p as (typeof s.children)[number]).figures) }));
      break;
    case 'years':
      columns = ['year', ...FLAT_COLUMNS];
      rows = s.byYear.map((y) => ({ year: y.year, ...flat(y.figures) }));
      break;
    case 'categories':
      columns = ['year', 'category', 'projects_adopted', 'money_agreed_fen', 'money_agreed_yuan', 'money_contracted_fen', 'money_contracted_yuan', 'money_paid_fen', 'money_paid_yuan'];
      rows = s.byCategory.map((c) => ({ year: period, category: c.key, projects_adopted: c.adopted, money_agreed_fen: c.agreedFen, money_agreed_yuan: fenToYuanText(c.agreedFen), money_contracted_fen: c.contractedFen, money_contracted_yuan: fenToYuanText(c.contractedFen), money_paid_fen: c.paidFen, money_paid_yuan: fenToYuanText(c.paidFen) }));
      break;
    case 'themes':
      columns = ['year', 'theme', 'projects_adopted', 'money_agreed_fen', 'money_agreed_yuan'];
      rows = s.byTheme.map((t) => ({ year: period, theme: t.key, projects_adopted: t.adopted, money_agreed_fen: t.agreedFen, money_agreed_yuan: fenToYuanText(t.agreedFen) }));
      break;
  }
  return { fileName: `${base}-${table}.csv`, text: '\uFEFF' + toCsv(columns, rows) };
}
