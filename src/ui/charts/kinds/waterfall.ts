/** The waterfall: its first and last totals and the steps between them. */
import type { WaterfallData } from '../../../model/charts/waterfall';
import { waterfallModel } from '../../../model/charts/waterfall';
import { t } from '../../../i18n';
import { drawWaterfall } from '../draw/drawBridge';
import { fmt, signed } from '../draw/plotKit';
import type { ChartKind } from './kind';
import { list } from './kind';

export const waterfallKind: ChartKind<WaterfallData> = {
  model: waterfallModel,
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
};
