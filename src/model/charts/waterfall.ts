/**
 * The waterfall (a bridge): steps on a running base — a total resets the base to its value, a
 * delta moves it — and how far the last total is from the running sum that leads to it.
 * `values` + `labels` (+ `types`: cells reading `total`/`delta`), optionally between a `start` and
 * an `end` total (labelled by `options.startLabel`/`endLabel`). Without types or start/end, the
 * first value is the starting total and a closing total is computed (a user's own waterfall).
 */
import type { Bilingual } from '../bilingual';
import { pickText } from '../bilingual';
import { chartModel } from './bindings';
import type { Cell } from '../bindingCells';
import { toNumber } from '../bindingCells';
import { cellLabel } from '../cellLabels';

export type StepKind = 'total' | 'delta';

export interface WaterfallStep {
  label: string;
  kind: StepKind;
  /** The running base the bar starts from (0 for a total). */
  start: number;
  end: number;
  value: number;
  cell?: Cell;
}

export interface WaterfallData {
  steps: WaterfallStep[];
  /** Last total minus the running sum that leads to it: 0 when the bridge reconciles. */
  balance: number;
  format?: string;
  problems: string[];
}

/** Steps with their running base: a total resets the base to its value, a delta moves it. */
export function waterfallSteps(rows: { label: string; value: number; kind: StepKind; cell?: Cell }[]): { steps: WaterfallStep[]; balance: number } {
  let running = 0;
  let balance = 0;
  const steps = rows.map((r, i) => {
    if (r.kind === 'total') {
      if (i > 0) balance = r.value - running;
      running = r.value;
      return { label: r.label, kind: r.kind, start: 0, end: r.value, value: r.value, cell: r.cell };
    }
    const start = running;
    running += r.value;
    return { label: r.label, kind: r.kind, start, end: running, value: r.value, cell: r.cell };
  });
  return { steps, balance };
}

export const waterfallModel = chartModel(
  {
    start: { role: 'cell', checked: true },
    end: { role: 'cell', checked: true },
    values: { role: 'cells', required: true, checked: true },
    labels: { role: 'labels' },
    types: { role: 'cells' },
  },
  (r, item, locale): WaterfallData => {
    const { start, end, values, labels, types } = r.data;
    const option = (key: string) => pickText(item.options?.[key] as Bilingual | undefined, locale);
    const explicit = r.ref.types !== undefined;
    const rows: { label: string; value: number; kind: StepKind; cell?: Cell }[] = [];
    if (start) rows.push({ label: option('startLabel') || cellLabel(start, locale), value: toNumber(start.value) ?? 0, kind: 'total', cell: start });
    values.forEach((c, i) => {
      const typed = String(types[i]?.value ?? '').trim().toLowerCase();
      const kind: StepKind = explicit ? (typed === 'total' ? 'total' : 'delta') : !start && i === 0 ? 'total' : 'delta';
      rows.push({ label: labels[i] !== undefined ? labels[i] : c.addr, value: toNumber(c.value) ?? 0, kind, cell: c });
    });
    if (end) rows.push({ label: option('endLabel') || cellLabel(end, locale), value: toNumber(end.value) ?? 0, kind: 'total', cell: end });
    const { steps, balance } = waterfallSteps(rows);
    if (!explicit && !end && steps.length > 1) {
      const last = steps[steps.length - 1].end;
      steps.push({ label: option('endLabel') || 'Σ', kind: 'total', start: 0, end: last, value: last });
    }
    return { steps, balance, format: r.formats.start ?? r.formats.end ?? r.formats.values, problems: r.problems };
  },
);
