/** Paired bars: each group's two bars (FY2025 → FY2026) per category. */
import type { PairedData } from '../../../model/charts/series';
import { pairedModel } from '../../../model/charts/series';
import { t } from '../../../i18n';
import { drawPaired } from '../draw/drawSeries';
import { fmt } from '../draw/plotKit';
import type { ChartKind } from './kind';
import { list } from './kind';

export const pairedBarsKind: ChartKind<PairedData> = {
  model: pairedModel,
  draw: drawPaired,
  summary: (d, title) =>
    t('sum.series', {
      title,
      series: list(d.groups.map((g, gi) => `${g}: ${list(d.categories.map((c, ci) => `${c} ${fmt(d.series[gi * 2]?.values[ci], d.format)} → ${fmt(d.series[gi * 2 + 1]?.values[ci], d.format)}`))}`)),
      categories: list(d.categories),
    }),
};
