/** The Ansoff 2×2: each tile's planned revenue, share of the gap, cost, probability and risk. */
import type { AnsoffData } from '../../../model/charts/ansoff';
import { ansoffModel } from '../../../model/charts/ansoff';
import { t } from '../../../i18n';
import { drawAnsoff } from '../draw/drawGrid';
import { fmt } from '../draw/plotKit';
import type { ChartKind } from './kind';

export const ansoffGridKind: ChartKind<AnsoffData> = {
  model: ansoffModel,
  draw: drawAnsoff,
  summary: (d, title) =>
    t('sum.ansoff', {
      title,
      tiles: d.tiles
        .map((x) => `${x.label} ${fmt(x.planned, d.formats.planned)} (${fmt(x.share, d.formats.share)} ${t('a.ofGap')}, ${t('a.cost')} ${fmt(x.cost, d.formats.cost)}, ${t('a.prob')} ${fmt(x.prob, d.formats.prob)}, ${t('a.risk')} ${x.risk})`)
        .join('; '),
    }),
};
