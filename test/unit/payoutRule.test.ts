/**
 * The payout rule's two forms (templates/generators/payoutRule.ts) agree: the formula the bonus
 * generator writes, computed by the real engine, equals the rule in numbers the chart draws, for
 * any parameters and attainments.
 */
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { payoutAt, payoutFormula } from '../../templates/generators/payoutRule';
import type { PayoutParams } from '../../src/model/charts/payout';
import E_BONUS from '../../templates/data/E_Bonus.json';

const NAMES = ['PO_THRESHOLD', 'PO_AT_THRESHOLD', 'PO_SLOPE_LOW', 'PO_ACCEL', 'PO_CAP'] as const;

function engineValues(p: PayoutParams, attainments: number[]): number[] {
  // Row 1: the parameters (B1 the target); column A from row 2: attainments, B: the formula.
  const sheet = [[null, p.target, p.threshold, p.atThreshold, p.slopeLow, p.accel, p.cap], ...attainments.map((a, i) => [a, payoutFormula(`A${i + 2}`, '$B$1')])];
  const names = NAMES.map((name, i) => ({ name, expression: `=Sheet1!$${String.fromCharCode(67 + i)}$1` }));
  const hf = HyperFormula.buildFromSheets({ Sheet1: sheet }, { licenseKey: 'gpl-v3' }, names);
  const out = attainments.map((_a, i) => hf.getCellValue({ sheet: 0, row: i + 1, col: 1 }) as number);
  hf.destroy();
  return out;
}

describe('the payout rule', () => {
  it('in numbers equals its formula in the engine, for any parameters and attainments', () => {
    const params = fc.record({
      threshold: fc.double({ min: 0.5, max: 0.95, noNaN: true }),
      atThreshold: fc.double({ min: 0, max: 0.9, noNaN: true }),
      target: fc.constant(1),
      accel: fc.double({ min: 0, max: 4, noNaN: true }),
      cap: fc.double({ min: 0.5, max: 3, noNaN: true }),
    }).map((p) => ({ ...p, slopeLow: (p.target - p.atThreshold) / (p.target - p.threshold) }));
    fc.assert(
      fc.property(params, fc.array(fc.double({ min: 0, max: 2.5, noNaN: true }), { minLength: 1, maxLength: 20 }), (p, xs) => {
        // Attainments on the 6-decimal grid the rule rounds to, as a sheet's inputs are.
        const as = xs.map((x) => Math.round(x * 1e6) / 1e6);
        const engine = engineValues(p, as);
        as.forEach((a, i) => expect(payoutAt(a, p)).toBeCloseTo(engine[i], 9));
      }),
      { numRuns: 60 },
    );
  });

  it('is the spec’s formula: the sample sheet’s E_Bonus!I23 is the generator’s, word for word', () => {
    expect(payoutFormula('G23', '$C$8')).toBe(E_BONUS.cells.I23);
  });
});
