import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CATEGORIES, type Category } from '../core/categories.ts';
import { type Translator, translator } from '../core/i18n/translator.ts';
import { categoryLabel } from '../core/i18n/vocabulary.ts';

export interface WeekCounts {
  /** ISO week, e.g. '2026-W47'; shown as-is on the x axis, in the order given. */
  label: string;
  counts: Partial<Record<Category, number>>;
}

/** Width of the PNG. Chat clients show it at about this size on desktop and scale it down on a phone. */
export const CHART_WIDTH = 900;

/**
 * Okabe–Ito, the usual colour-blind-safe set of 8, fixed per category (not by rank or presence) so a category
 * keeps its colour week to week. Strong warm colours and black go to the critical/high categories.
 */
const PALETTE: Record<Category, string> = {
  threat: '#D55E00', // vermilion
  sexual: '#CC79A7', // reddish purple
  doxxing: '#000000', // black
  hate: '#E69F00', // orange
  complaint: '#56B4E9', // sky blue
  impersonation: '#0072B2', // blue
  pileon: '#F0E442', // yellow
  harassment: '#009E73', // bluish green
};

/** DejaVu Sans is on our Linux images (fonts-dejavu-core), the others on Mac/Windows. resvg silently draws
 * no text if none of them is installed, so a bare server image needs a font package. */
const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';

/**
 * Stacked bars of incidents per week by category, as a PNG for a chat attachment; its title, axis and legend in
 * the language of `t` (the collective's, like the digest it goes with).
 */
export async function renderWeeklyChart(
  weeks: WeekCounts[],
  options: { title?: string; t?: Translator } = {},
): Promise<Buffer> {
  const t = options.t ?? translator('en');
  // Vega draws to SVG headless (no canvas, no DOM); resvg, a Rust renderer shipped as npm binaries, rasterises it.
  const view = new View(parse(compile(chartSpec(weeks, t, options.title ?? t('chart.title'))).spec), {
    renderer: 'none',
  });
  const resvg = new Resvg(await view.toSVG(), {
    fitTo: { mode: 'width', value: CHART_WIDTH },
    font: { loadSystemFonts: true },
  });
  return resvg.render().asPng();
}

/** The chart's words for screen readers, beside the image: what it shows and up to which week. */
export function weeklyChartDescription(t: Translator, week: string): string {
  return t('chart.description', { week });
}

function chartSpec(weeks: WeekCounts[], t: Translator, title: string): TopLevelSpec {
  // One row per week and category, zeros included, so an empty week still gets its slot and label.
  const values = weeks.flatMap((week) =>
    CATEGORIES.map((category, order) => ({
      week: week.label,
      category: categoryLabel(t, category),
      order,
      count: week.counts[category] ?? 0,
    })),
  );
  // An explicit domain keeps every week in its place, even one with no bars drawn at all.
  const week = {
    field: 'week',
    type: 'ordinal',
    scale: { domain: weeks.map((w) => w.label) },
    title: null,
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start', fontSize: 26, offset: 16 },
    width: CHART_WIDTH,
    height: 380,
    // 'fit' makes the whole picture, legend and axes included, exactly CHART_WIDTH wide.
    autosize: { type: 'fit-x', contains: 'padding' },
    padding: 16,
    background: 'white', // else transparent, and black text vanishes on Slack/Discord dark themes
    data: { values },
    // Larger than Vega's 10–11 px defaults: a 900 px image is shown at ~40% on a phone screen.
    config: {
      font: FONT,
      view: { stroke: null },
      axis: { labelFontSize: 16, titleFontSize: 16, gridColor: '#e5e5e5', domainColor: '#888' },
      legend: { labelFontSize: 17, symbolSize: 260, symbolType: 'square', labelLimit: 0 },
    },
    layer: [
      {
        // Zero-height bars would still draw their white outline over the x axis line.
        transform: [{ filter: 'datum.count > 0' }],
        mark: { type: 'bar', stroke: 'white', strokeWidth: 1 }, // thin gaps keep neighbouring segments apart
        encoding: {
          x: { ...week, axis: { labelAngle: -40, labelPadding: 6 } },
          y: {
            aggregate: 'sum',
            field: 'count',
            type: 'quantitative',
            title: t('chart.axis.incidents'),
            // Whole incidents only; the domain floor of 1 keeps an all-zero chart drawable with an axis.
            axis: { format: 'd', tickMinStep: 1 },
            scale: { domainMin: 0, domainMax: values.some((v) => v.count > 0) ? undefined : 1 },
          },
          color: {
            field: 'category',
            type: 'nominal',
            // Full domain, not just present categories, keeps the legend and colours the same every week.
            // 3 columns: Vega sizes the legend from estimated text widths (no canvas here), and 4 overflow.
            scale: {
              domain: CATEGORIES.map((c) => categoryLabel(t, c)),
              range: CATEGORIES.map((c) => PALETTE[c]),
            },
            legend: { title: null, orient: 'bottom', direction: 'horizontal', columns: 3, columnPadding: 24 },
          },
          order: { field: 'order', type: 'quantitative' },
        },
      },
      {
        // Each week's total above its bar, so counts can be read without gridlines (and zeros show as "0").
        transform: [{ aggregate: [{ op: 'sum', field: 'count', as: 'total' }], groupby: ['week'] }],
        mark: { type: 'text', dy: -10, fontSize: 16, fontWeight: 'bold', color: '#333' },
        encoding: { x: week, y: { field: 'total', type: 'quantitative' }, text: { field: 'total' } },
      },
    ],
  };
}
