/**
 * Excel's rounding in the real engine: ROUND, ROUNDUP, ROUNDDOWN and MROUND take the value at 15
 * significant digits and round the decimal half away from zero, as Excel does (figures from Excel).
 */
import { describe, expect, it } from 'vitest';
import { EngineNotebook } from '../../workers/engineCore';
import { excelRound } from '../../workers/excelRounding';

function compute(formulas: string[]): unknown[] {
  const cells: Record<string, string> = {};
  formulas.forEach((f, i) => (cells[`A${i + 1}`] = f));
  const book = new EngineNotebook({ sheets: [{ name: 'S', cells }], names: [] });
  const v = book.allValues().S;
  book.destroy();
  return formulas.map((_f, i) => v[`A${i + 1}`]);
}

describe('Excel rounding', () => {
  it('rounds binary near-halves as Excel does', () => {
    expect(compute([
      '=ROUND(243.54/12,2)', '=ROUND(1.005,2)', '=ROUND(2.675,2)', '=ROUND(-2.5,0)', '=ROUND(2.5,0)', '=ROUND(1234.5678,-2)',
      '=ROUND(0.285,2)', '=ROUND(1.45,1)', '=ROUND(-1.005,2)', '=ROUND(5.015,2)', '=ROUND(1234567.891,-3)', '=ROUND(123.456,2.9)',
    ])).toEqual([20.3, 1.01, 2.68, -3, 3, 1200, 0.29, 1.5, -1.01, 5.02, 1235000, 123.46]);
  });

  it('ROUNDUP and ROUNDDOWN work on the 15-digit value (0.1+0.2 is 0.3)', () => {
    expect(compute(['=ROUNDUP(0.1+0.2,1)', '=ROUNDDOWN(0.1+0.2,1)', '=ROUNDUP(-3.14159,2)', '=ROUNDDOWN(-3.14159,2)', '=ROUNDUP(1.1*3,1)', '=ROUNDDOWN(31415.92654,-2)', '=ROUNDUP(2.3)']))
      .toEqual([0.3, 0.3, -3.15, -3.14, 3.3, 31400, 3]);
  });

  it('MROUND: nearest multiple, half away from zero; different signs are #NUM!', () => {
    const [a, b, c, d, e, f] = compute(['=MROUND(10,3)', '=MROUND(-10,-3)', '=MROUND(1.3,0.2)', '=MROUND(5,-2)', '=MROUND(7.5,5)', '=MROUND(3,0)']);
    expect([a, b, c, e, f]).toEqual([9, -9, 1.4, 10, 0]);
    expect(d).toMatchObject({ error: '#NUM!' });
  });

  it('text and errors go through the engine’s own argument rules', () => {
    const [a, b, c] = compute(['=ROUND("2.345",2)', '=ROUND(1/0,2)', '=ROUND("x",1)']);
    expect(a).toBe(2.35);
    expect(b).toMatchObject({ error: '#DIV/0!' });
    expect(c).toMatchObject({ error: '#VALUE!' });
  });

  it('the helper never returns −0 and keeps non-finite values', () => {
    expect(Object.is(excelRound(-0.001, 2), 0)).toBe(true);
    expect(excelRound(Infinity, 2)).toBe(Infinity);
  });

  it('numbers in scientific notation as Excel writes them (2.5E+3, 1.5E-7) compute; text and names that look alike stay', () => {
    const [a, b, c, d, e] = compute(['=ROUND(2.5E+3,-3)', '=1.5E-7*2E+3', '=2E2+.5E1', '="1E5"&"x"', '=LEN("3E2")']);
    expect([a, b, c, d, e]).toEqual([3000, 3e-4, 205, '1E5x', 3]);
  });
});
