/**
 * Top-down vs bottom-up per region: `td` and `bu` with their deviation (`dev`, else BU/TD − 1),
 * flagged beyond the ± alert `band` (e.g. ALERT_DEV); `labels` name the rows.
 */
import { chartModel } from './bindings';
import { toNumber } from '../bindingCells';

export interface TdBuRow {
  label: string;
  td: number;
  bu: number;
  dev: number;
  /** |deviation| above the alert band. */
  alert: boolean;
}

export interface TdBuData {
  rows: TdBuRow[];
  band: number;
  format?: string;
  devFormat?: string;
  problems: string[];
}

export const tdBuModel = chartModel(
  {
    labels: { role: 'labels' },
    td: { role: 'cells', required: true, checked: true },
    bu: { role: 'cells', required: true, checked: true },
    dev: { role: 'cells', checked: true },
    band: { role: 'cell' },
  },
  (r): TdBuData => {
    const { labels, td, bu, dev } = r.data;
    const band = toNumber(r.data.band?.value) ?? 0;
    const rows = td.map((c, i) => {
      const t = toNumber(c.value) ?? 0;
      const b = toNumber(bu[i]?.value) ?? 0;
      const d = toNumber(dev[i]?.value) ?? (t === 0 ? 0 : b / t - 1);
      return { label: labels[i] || c.addr, td: t, bu: b, dev: d, alert: band > 0 && Math.abs(d) > band };
    });
    return { rows, band, format: r.formats.td ?? r.formats.bu, devFormat: r.formats.dev, problems: r.problems };
  },
);
