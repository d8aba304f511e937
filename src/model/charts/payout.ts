/**
 * The payout curve: the curve's parameters as the bonus sheet holds them (`threshold`,
 * `atThreshold`, `target`, `accel`, `cap`, and `slopeLow`, else derived), the curve's vertices by
 * the template's rule, the sheet's own sample points (`tableX`/`tableY`) and the reps as dots
 * (`repX`/`repY`, named by `repLabels`).
 */
import { minOf } from '../arrays';
import { chartModel } from './bindings';
import type { Cell } from '../bindingCells';
import { toNumber } from '../bindingCells';

/** The curve's parameters, as the bonus sheet holds them. */
export interface PayoutParams {
  threshold: number;
  atThreshold: number;
  target: number;
  accel: number;
  cap: number;
  slopeLow: number;
}

/**
 * The payout rule itself belongs to the template that writes its formula
 * (`templates/generators/payoutRule.ts`); the chart kind hands it in.
 */
export interface PayoutRule {
  /** The curve's vertices over [xMin, xMax]. */
  curve(p: PayoutParams, xMin: number, xMax: number): { x: number; y: number }[];
  /** Attainment from which the cap binds, or undefined. */
  capAt(p: PayoutParams): number | undefined;
}

export interface PayoutData {
  params: PayoutParams;
  curve: { x: number; y: number }[];
  /** The sheet's own curve table (the item's `tableX`/`tableY`), drawn as small markers. */
  table: { x: number; y: number }[];
  reps: { label: string; x: number; y: number }[];
  capAt?: number;
  xMin: number;
  xMax: number;
  format?: string;
  problems: string[];
}

const param = { role: 'cell', required: true, checked: true } as const;

const PAYOUT_BINDINGS = {
  threshold: param,
  atThreshold: param,
  target: param,
  accel: param,
  cap: param,
  slopeLow: { role: 'cell', checked: true },
  tableX: { role: 'cells' },
  tableY: { role: 'cells' },
  repLabels: { role: 'labels', personal: true },
  repX: { role: 'cells', checked: true },
  repY: { role: 'cells', checked: true },
} as const;

/** The payout curve's model, drawing the curve by `rule`. */
export function payoutModel(rule: PayoutRule) {
  return chartModel(PAYOUT_BINDINGS, (r): PayoutData => {
    const d = r.data;
    const [threshold, atThreshold, target, accel, cap] = [d.threshold, d.atThreshold, d.target, d.accel, d.cap].map((c) => toNumber(c?.value) ?? 0);
    const derived = target !== threshold ? (target - atThreshold) / (target - threshold) : 0;
    const params: PayoutParams = { threshold, atThreshold, target, accel, cap, slopeLow: toNumber(d.slopeLow?.value) ?? derived };
    const pairs = (xs: Cell[], ys: Cell[]) =>
      xs.flatMap((c, i) => {
        const x = toNumber(c.value);
        const y = toNumber(ys[i]?.value);
        return x === null || y === null ? [] : [{ x, y, i }];
      });
    const table = pairs(d.tableX, d.tableY).map(({ x, y }) => ({ x, y }));
    const reps = pairs(d.repX, d.repY).map(({ x, y, i }) => ({ label: d.repLabels[i] ?? '', x, y }));
    const capAt = rule.capAt(params);
    const xs = [...table.map((t) => t.x), ...reps.map((p) => p.x)];
    const xMin = minOf(xs, Math.min(0.5, threshold - 0.1));
    const xMax = Math.max(1.7, (capAt ?? 0) + 0.2, ...xs);
    return { params, curve: rule.curve(params, xMin, xMax), table, reps, capAt, xMin, xMax, format: d.threshold?.format, problems: r.problems };
  });
}
