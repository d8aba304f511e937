/** The tornado: the base, the driver with the largest swing, and each driver's range. */
import type { TornadoData } from '../../../model/charts/tornado';
import { tornadoModel } from '../../../model/charts/tornado';
import { t } from '../../../i18n';
import { drawTornado } from '../draw/drawBridge';
import { fmt } from '../draw/plotKit';
import type { ChartKind } from './kind';
import { list } from './kind';

export const tornadoKind: ChartKind<TornadoData> = {
  model: tornadoModel,
  draw: drawTornado,
  summary: (d, title) =>
    t('sum.tornado', { title, base: fmt(d.base, d.format), top: d.bars[0]?.label ?? '', swing: fmt(d.bars[0]?.swing, d.format) }) +
    ` ${list(d.bars.map((b) => `${b.label} ${fmt(b.low, d.format)}–${fmt(b.high, d.format)}`))}.`,
};
