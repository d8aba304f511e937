/**
 * The bonus plan's payout curve f(A) (spec §8, `E_Bonus!I23`), in its two forms side by side: the
 * Excel formula the bonus generator writes into every payout cell, and the same rule in numbers,
 * which the payout-curve chart draws between its kinks (a polyline through the sheet's sample
 * table would cut the corners). They change together; a unit test holds the second to the
 * engine's values of the first.
 */

import type { PayoutParams, PayoutRule } from '../../src/model/charts/payout';

export type { PayoutParams } from '../../src/model/charts/payout';

/**
 * The formula on the attainment in `cell`, `target` the cell of the attainment target: 0 below the
 * threshold, then `PO_AT_THRESHOLD` rising with `PO_SLOPE_LOW` to 100% at target, then
 * `1 + PO_ACCEL·(A − target)`, never above `PO_CAP`.
 */
export const payoutFormula = (cell: string, target = '$C$8'): string =>
  `=IF(${cell}<PO_THRESHOLD,0,MIN(PO_CAP,IF(${cell}<${target},PO_AT_THRESHOLD+PO_SLOPE_LOW*(${cell}-PO_THRESHOLD),1+PO_ACCEL*(${cell}-${target}))))`;

/**
 * The formula's value at `attainment`. Attainment is rounded to 6 decimals first, so 0.7999999
 * from float noise is not below 80%.
 */
export function payoutAt(attainment: number, p: PayoutParams): number {
  const a = Math.round(attainment * 1e6) / 1e6;
  if (a < p.threshold) return 0;
  return Math.min(p.cap, a < p.target ? p.atThreshold + p.slopeLow * (a - p.threshold) : 1 + p.accel * (a - p.target));
}

/** Attainment from which the cap binds, or undefined when it never does. */
export function capAttainment(p: PayoutParams): number | undefined {
  if (p.cap >= 1) return p.accel > 0 ? p.target + (p.cap - 1) / p.accel : undefined;
  // A cap below 100% binds on the way up to target (or right at the threshold).
  return p.slopeLow > 0 ? Math.max(p.threshold, p.threshold + (p.cap - p.atThreshold) / p.slopeLow) : p.threshold;
}

/**
 * The curve as the vertices of a polyline over [xMin, xMax]: every kink (threshold jump, target,
 * where the cap binds) is a vertex, so straight segments between them are exact. The jump at the
 * threshold is two vertices at the same attainment.
 */
export function payoutCurve(p: PayoutParams, xMin: number, xMax: number): { x: number; y: number }[] {
  const kinks = [p.threshold, p.target, capAttainment(p)];
  const xs = [xMin, xMax, ...kinks.filter((x): x is number => x !== undefined && Number.isFinite(x) && x > xMin && x < xMax)];
  const sorted = [...new Set(xs)].sort((a, b) => a - b);
  const points: { x: number; y: number }[] = [];
  for (const x of sorted) {
    if (x === p.threshold && x > xMin) points.push({ x, y: 0 });
    points.push({ x, y: payoutAt(x, p) });
  }
  return points;
}

/** What the payout-curve chart asks of the rule (`src/model/charts/payout.ts` stays free of it). */
export const PAYOUT_RULE: PayoutRule = { curve: payoutCurve, capAt: capAttainment };
