/**
 * The chart kinds as a registry of data: each kind names how its data is extracted from the cells
 * (`src/model/layout.ts`), how it is drawn, and the sentence that summarises it for screen readers
 * (the chart's `aria-label` and `<title>`). The layout stores only the kind's name.
 */
import type { LayoutItem, Locale } from '../../model/notebook';
import type { Bilingual } from '../../model/bilingual';
import { pickText } from '../../model/bilingual';
import type { CellReader } from '../../model/layout';
import {
  ansoffTiles, bulletData, payoutData, seriesData, sortedByValue, tdBuData, tornadoData, waterfallData,
} from '../../model/layout';
import { t } from '../../i18n';
import { PAYOUT_RULE } from '../../../templates/generators/payoutRule';
import { drawBar, drawGrouped, drawLine, drawPaired, drawStacked } from './drawSeries';
import { drawTornado, drawWaterfall } from './drawBridge';
import { drawBullet, drawPayout } from './drawBonus';
import { drawAnsoff, drawTdBu } from './drawGrid';
import { drawHeatmap } from './drawHeatmap';
import type { DrawContext, Drawn } from './plotKit';
import { fmt, signed } from './plotKit';

export interface ChartKind<D = unknown> {
  extract(item: LayoutItem, reader: CellReader, locale: Locale): D & { problems: string[] };
  draw(data: D, ctx: DrawContext): Drawn;
  summary(data: D, title: string): string;
  /** Offered in "Add a chart" (with the label key `kind.<name>`). */
  userKind?: boolean;
}

const list = (xs: string[], max = 6) => (xs.length > max ? [...xs.slice(0, max), '…'] : xs).join(', ');

type Series = ReturnType<typeof seriesData>;
const seriesSummary = (d: Series, title: string) =>
  t('sum.series', {
    title,
    series: list(d.series.map((s) => `${s.label} (${list(s.values.map((v, i) => `${d.categories[i]} ${fmt(v, s.cells[i]?.format ?? d.format)}`), 4)})`), 5),
    categories: list(d.categories),
  });

const seriesKind = (draw: (d: Series, ctx: DrawContext) => Drawn, userKind = false): ChartKind<Series> => ({
  extract: (item, reader, locale) => {
    const d = seriesData(item, reader, locale);
    return item.options?.sort === 'desc' ? sortedByValue(d) : d;
  },
  draw,
  summary: seriesSummary,
  userKind,
});

type Paired = Series & { groups: string[]; pair: string[] };

export const CHART_KINDS: Record<string, ChartKind<never>> = {
  bar: seriesKind(drawBar, true),
  stackedBar: seriesKind(drawStacked, true),
  line: seriesKind(drawLine, true),
  groupedBar: seriesKind(drawGrouped),
  heatmap: seriesKind(drawHeatmap),
  pairedBars: {
    extract: (item, reader, locale) => ({
      ...seriesData({ ...item, options: { ...item.options, series: 'rows' } }, reader, locale),
      groups: ((item.options?.groups as Bilingual[] | undefined) ?? []).map((g) => pickText(g, locale)),
      pair: ((item.options?.pair as Bilingual[] | undefined) ?? []).map((g) => pickText(g, locale)),
    }),
    draw: drawPaired,
    summary: (d: Paired, title) =>
      t('sum.series', {
        title,
        series: list(d.groups.map((g, gi) => `${g}: ${list(d.categories.map((c, ci) => `${c} ${fmt(d.series[gi * 2]?.values[ci], d.format)} → ${fmt(d.series[gi * 2 + 1]?.values[ci], d.format)}`))}`)),
        categories: list(d.categories),
      }),
  } satisfies ChartKind<Paired>,
  waterfall: {
    extract: waterfallData,
    draw: drawWaterfall,
    summary: (d, title) => {
      const first = d.steps[0];
      const last = d.steps[d.steps.length - 1];
      return t('sum.waterfall', {
        title,
        first: first ? `${first.label} ${fmt(first.value, d.format)}` : '',
        last: last ? `${last.label} ${fmt(last.value, d.format)}` : '',
        n: d.steps.length,
        steps: list(d.steps.slice(1, -1).map((s) => `${s.label} ${s.kind === 'total' ? fmt(s.value, d.format) : signed(s.value, d.format)}`), 8),
      });
    },
    userKind: true,
  } satisfies ChartKind<ReturnType<typeof waterfallData>>,
  tornado: {
    extract: tornadoData,
    draw: drawTornado,
    summary: (d, title) =>
      t('sum.tornado', { title, base: fmt(d.base, d.format), top: d.bars[0]?.label ?? '', swing: fmt(d.bars[0]?.swing, d.format) }) +
      ` ${list(d.bars.map((b) => `${b.label} ${fmt(b.low, d.format)}–${fmt(b.high, d.format)}`))}.`,
  } satisfies ChartKind<ReturnType<typeof tornadoData>>,
  payoutCurve: {
    extract: (item, reader, locale) => payoutData(item, reader, locale, PAYOUT_RULE),
    draw: drawPayout,
    summary: (d, title) => {
      const f = d.format ?? '0.0%';
      const p = d.params;
      const below = d.reps.filter((r) => Math.round(r.x * 1e6) / 1e6 < p.threshold).length;
      return t('sum.payout', {
        title,
        threshold: t('p.threshold', { a: fmt(p.threshold, f), p: fmt(p.atThreshold, f) }),
        target: t('p.target', { a: fmt(p.target, f), p: fmt(1, f) }),
        cap: t('p.cap', { p: fmt(p.cap, f), a: fmt(d.capAt, f) }),
        reps: `${t('p.belowThreshold', { n: below, total: d.reps.length })}: ${list(d.reps.map((r) => `${r.label} ${fmt(r.x, f)} → ${fmt(r.y, f)}`), 12)}`,
      });
    },
  } satisfies ChartKind<ReturnType<typeof payoutData>>,
  ansoffGrid: {
    extract: ansoffTiles,
    draw: drawAnsoff,
    summary: (d, title) =>
      t('sum.ansoff', {
        title,
        tiles: d.tiles
          .map((x) => `${x.label} ${fmt(x.planned, d.formats.planned)} (${fmt(x.share, d.formats.share)} ${t('a.ofGap')}, ${t('a.cost')} ${fmt(x.cost, d.formats.cost)}, ${t('a.prob')} ${fmt(x.prob, d.formats.prob)}, ${t('a.risk')} ${x.risk})`)
          .join('; '),
      }),
  } satisfies ChartKind<ReturnType<typeof ansoffTiles>>,
  tdbu: {
    extract: tdBuData,
    draw: drawTdBu,
    summary: (d, title) =>
      t('sum.tdbu', {
        title,
        rows: d.rows.map((r) => `${r.label} ${t('td.td')} ${fmt(r.td, d.format)}, ${t('td.bu')} ${fmt(r.bu, d.format)} (${fmt(r.dev, d.devFormat)}${r.alert ? ' ⚠' : ''})`).join('; '),
      }),
  } satisfies ChartKind<ReturnType<typeof tdBuData>>,
  bullet: {
    extract: (item, reader) => bulletData(item, reader),
    draw: drawBullet,
    summary: (d, title) => t('sum.bullet', { title, value: fmt(d.value, d.format), budget: fmt(d.budget, d.format), target: fmt(d.target, d.format) }),
  } satisfies ChartKind<ReturnType<typeof bulletData>>,
} as unknown as Record<string, ChartKind<never>>;

/** Kinds a user can pick for a chart of their own. */
export const USER_KINDS = Object.entries(CHART_KINDS)
  .filter(([, k]) => k.userKind)
  .map(([name]) => name);

/** Item kinds that are not charts. */
export const CARD_KINDS = new Set(['kpi', 'note']);

export function isChart(item: LayoutItem): boolean {
  return !CARD_KINDS.has(item.kind);
}

/** The title shown for an item: the user's own, else the layout's bilingual label. */
export function itemTitle(item: LayoutItem, locale: Locale): string {
  return item.title || pickText(item.options?.label as Bilingual | undefined, locale) || t(`kind.${item.kind}`);
}
