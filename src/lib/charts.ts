/**
 * @module Charts drawn on the server with Observable Plot (a well-kept
 * charting library; linkedom gives it a document to draw into), as plain SVG
 * in the page: no JavaScript in the browser. Each chart carries a <title> and
 * a <desc> that say its figures in words, and every page that shows one puts
 * the same figures in a table beside it.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Colours with at least 4.5:1 against white; the table beside each chart carries the meaning too. */
export const PALETTE = ['#0b57d0', '#1e6b34', '#8a5300', '#6a3fb5', '#b3261e', '#00677d', '#4d5566', '#7d5260'];

type Labelled = { id: string; title: string; desc: string };

function withTitle(svg: Element, doc: Document, { id, title, desc }: Labelled): void {
  const t = doc.createElementNS(SVG_NS, 'title');
  t.setAttribute('id', `${id}-title`);
  t.textContent = title;
  const d = doc.createElementNS(SVG_NS, 'desc');
  d.setAttribute('id', `${id}-desc`);
  d.textContent = desc;
  svg.insertBefore(d, svg.firstChild);
  svg.insertBefore(t, svg.firstChild);
  // The chart is one image to assistive technology: Plot's labels on its groups (aria-label on a <g> without a role,
  // which ARIA does not allow) would only repeat the <desc>.
  for (const el of Array.from(svg.querySelectorAll('[aria-label], [aria-description]'))) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title ${id}-desc`);
  svg.removeAttribute('aria-label');
  svg.setAttribute('width', '100%');
  svg.removeAttribute('height');
}

/**
 * Charts already drawn, by what they were drawn from: the same figures make
 * the same SVG, and drawing one with Plot costs a few milliseconds of the
 * server's one thread (a city's or district's statistics page is asked for
 * again and again with the same figures). The oldest are forgotten first.
 */
const drawn = new Map<string, string>();
const DRAWN_MAX = 500;
function remembered(key: unknown, draw: () => string): string {
  const k = JSON.stringify(key);
  const hit = drawn.get(k);
  if (hit !== undefined) {
    drawn.delete(k);
    drawn.set(k, hit);
    return hit;
  }
  const svg = draw();
  drawn.set(k, svg);
  if (drawn.size > DRAWN_MAX) drawn.delete(drawn.keys().next().value!);
  return svg;
}

function render(build: (document: Document) => Element, label: Labelled): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = build(document as unknown as Document);
  // With a legend Plot wraps the chart in a <figure> whose first svgs are the legend's swatches: the chart is the figure's own svg child.
  const svg = node.tagName.toLowerCase() === 'svg' ? node : (Array.from(node.children).find((c) => c.tagName.toLowerCase() === 'svg') ?? null);
  if (svg) withTitle(svg, document as unknown as Document, label);
  return node.outerHTML;
}

/** Horizontal bars, one per row: names down the left, so long Chinese names stay readable at 360 px. */
export function barsChart(label: Labelled, rows: readonly { name: string; value: number }[], opts: { unit: string; percent?: boolean } = { unit: '' }): string {
  return remembered(['bars', label, rows, opts], () => drawBars(label, rows, opts));
}

function drawBars(label: Labelled, rows: readonly { name: string; value: number }[], opts: { unit: string; percent?: boolean }): string {
  const longest = Math.max(2, ...rows.map((r) => [...r.name].length));
  const marginLeft = Math.min(150, 14 * longest + 10);
  return render(
    (document) =>
      Plot.plot({
        document,
        width: 340,
        height: Math.max(80, rows.length * 30 + 50),
        marginLeft,
        marginRight: 20,
        style: { fontSize: '13px', background: 'transparent' },
        x: { label: opts.unit, grid: true, percent: opts.percent ?? false, nice: true },
        y: { label: null, domain: rows.map((r) => r.name) },
        marks: [Plot.barX(rows, { x: 'value', y: 'name', fill: PALETTE[0] }), Plot.ruleX([0])],
      }) as unknown as Element,
    label,
  );
}

/** Stacked columns: one column per year, one colour per series (e.g. money by category), with a legend. */
export function stackedColumnsChart(label: Labelled, rows: readonly { x: string; series: string; value: number }[], opts: { unit: string; series: readonly string[] }): string {
  return remembered(['columns', label, rows, opts], () => drawColumns(label, rows, opts));
}

function drawColumns(label: Labelled, rows: readonly { x: string; series: string; value: number }[], opts: { unit: string; series: readonly string[] }): string {
  return render(
    (document) =>
      Plot.plot({
        document,
        width: 340,
        height: 240,
        marginLeft: 50,
        style: { fontSize: '13px', background: 'transparent' },
        x: { label: null, type: 'band' },
        y: { label: opts.unit, grid: true, nice: true },
        color: { domain: [...opts.series], range: PALETTE.slice(0, opts.series.length), legend: true },
        marks: [Plot.barY(rows, { x: 'x', y: 'value', fill: 'series' }), Plot.ruleY([0])],
      }) as unknown as Element,
    label,
  );
}
