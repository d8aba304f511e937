/** Bar, stacked bar, line, grouped bar and heatmap: series over categories, summarised alike. */
import type { SeriesData } from '../../../model/charts/series';
import { seriesModel } from '../../../model/charts/series';
import { t } from '../../../i18n';
import { drawBar, drawGrouped, drawLine, drawStacked } from '../draw/drawSeries';
import { drawHeatmap } from '../draw/drawHeatmap';
import type { DrawContext, Drawn } from '../draw/plotKit';
import { fmt } from '../draw/plotKit';
import type { ChartKind } from './kind';
import { list } from './kind';

const summary = (d: SeriesData, title: string) =>
  t('sum.series', {
    title,
    series: list(d.series.map((s) => `${s.label} (${list(s.values.map((v, i) => `${d.categories[i]} ${fmt(v, s.cells[i]?.format ?? d.format)}`), 4)})`), 5),
    categories: list(d.categories),
  });

const seriesKind = (draw: (d: SeriesData, ctx: DrawContext) => Drawn, userKind = false): ChartKind<SeriesData> => ({ model: seriesModel, draw, summary, userKind });

export const barKind = seriesKind(drawBar, true);
export const stackedBarKind = seriesKind(drawStacked, true);
export const lineKind = seriesKind(drawLine, true);
export const groupedBarKind = seriesKind(drawGrouped);
export const heatmapKind = seriesKind(drawHeatmap);
