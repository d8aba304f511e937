/** A KPI card: the headline cell (`value`) and a secondary figure (`sub`). */
import { parseRange } from '../address';
import { chartModel } from './bindings';
import type { Cell } from '../bindingCells';
import { NAME } from '../bindingCells';

export interface KpiData {
  /** The `data-kpi` key: the name as bound (`TARGET_TOTAL`) or `Sheet!A1`. */
  key: string;
  cell?: Cell;
  sub?: Cell;
}

export const kpiModel = chartModel({ value: { role: 'cell', required: true }, sub: { role: 'cell' } }, (r): KpiData => {
  const ref = r.ref.value ?? '';
  const cell = r.data.value;
  const isName = NAME.test(ref) && !parseRange(ref);
  return { key: isName ? ref : cell ? `${cell.sheet}!${cell.addr}` : ref, cell, sub: r.data.sub };
});
