/**
 * The tornado: for each input, the result at −Δ (`low`) and +Δ (`high`) around the `base`, bars
 * ordered by swing (`swing`, else |high − low|), largest first; `labels`, and the input's ±Δ
 * (`delta`) for the bar's label.
 */
import { chartModel } from './bindings';
import type { Cell } from '../bindingCells';
import { toNumber } from '../bindingCells';

export interface TornadoChartBar {
  label: string;
  low: number;
  high: number;
  swing: number;
  /** The input's ±Δ, for the label (e.g. "±10%"). */
  delta?: Cell;
}

export interface TornadoData {
  base: number;
  /** Largest swing first. */
  bars: TornadoChartBar[];
  format?: string;
  problems: string[];
}

export const tornadoModel = chartModel(
  {
    base: { role: 'cell', checked: true },
    low: { role: 'cells', required: true, checked: true },
    high: { role: 'cells', required: true, checked: true },
    swing: { role: 'cells', checked: true },
    labels: { role: 'labels' },
    delta: { role: 'cells' },
  },
  (r): TornadoData => {
    const { base, low, high, swing, labels, delta } = r.data;
    const bars = low.map((c, i) => {
      const lo = toNumber(c.value) ?? 0;
      const hi = toNumber(high[i]?.value) ?? 0;
      return { label: labels[i] || c.addr, low: lo, high: hi, swing: toNumber(swing[i]?.value) ?? Math.abs(hi - lo), delta: delta[i] };
    });
    // Stable: equal swings keep the sheet's order.
    const order = bars.map((b, i) => ({ b, i })).sort((x, y) => y.b.swing - x.b.swing || x.i - y.i).map((x) => x.b);
    return { base: toNumber(base?.value) ?? 0, bars: order, format: r.formats.base ?? r.formats.low ?? r.formats.high, problems: r.problems };
  },
);
