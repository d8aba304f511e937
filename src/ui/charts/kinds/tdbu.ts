/** Top-down vs bottom-up: each region's two figures and its deviation, flagged beyond the band. */
import type { TdBuData } from '../../../model/charts/tdbu';
import { tdBuModel } from '../../../model/charts/tdbu';
import { t } from '../../../i18n';
import { drawTdBu } from '../draw/drawGrid';
import { fmt } from '../draw/plotKit';
import type { ChartKind } from './kind';

export const tdbuKind: ChartKind<TdBuData> = {
  model: tdBuModel,
  draw: drawTdBu,
  summary: (d, title) =>
    t('sum.tdbu', {
      title,
      rows: d.rows.map((r) => `${r.label} ${t('td.td')} ${fmt(r.td, d.format)}, ${t('td.bu')} ${fmt(r.bu, d.format)} (${fmt(r.dev, d.devFormat)}${r.alert ? ' ⚠' : ''})`).join('; '),
    }),
};
