/**
 * Functions the engine lacks, added as a plugin, in the real engine: CONCAT, RANK / RANK.EQ /
 * RANK.AVG, LOOKUP (vector and array forms) and FORECAST / FORECAST.LINEAR, with Excel's results.
 */
import { describe, expect, it } from 'vitest';
import { EngineNotebook } from '../../workers/engineCore';

function compute(data: Record<string, number | string | boolean>, formulas: string[]): unknown[] {
  const cells: Record<string, number | string | boolean> = { ...data };
  formulas.forEach((f, i) => (cells[`Z${i + 1}`] = f));
  const book = new EngineNotebook({ sheets: [{ name: 'S', cells }], names: [] });
  const v = book.allValues().S;
  book.destroy();
  return formulas.map((_f, i) => v[`Z${i + 1}`]);
}

describe('functions the engine lacks', () => {
  it('CONCAT joins values and ranges as Excel shows them', () => {
    expect(compute({ A1: 'a', A2: 1.5, A3: true, B1: 'x' }, ['=CONCAT(A1:A4,"-",B1)', '=CONCAT(1/4,"")', '=CONCAT(A1:B2)']))
      .toEqual(['a1.5TRUE-x', '0.25', 'ax1.5']);
  });

  it('RANK, RANK.EQ and RANK.AVG: ties, both orders, a number not in the list', () => {
    const data = { A1: 7, A2: 3.5, A3: 3.5, A4: 1, A5: 2, A6: 'text' };
    const [a, b, c, d, e, f] = compute(data, ['=RANK(A2,A1:A6)', '=RANK.EQ(7,A1:A6,1)', '=RANK.AVG(3.5,A1:A6)', '=RANK.AVG(1,A1:A6,1)', '=RANK.EQ(2,A1:A6)', '=RANK(9,A1:A6)']);
    expect([a, b, c, d, e]).toEqual([2, 5, 2.5, 1, 4]);
    expect(f).toMatchObject({ error: '#N/A' });
  });

  it('LOOKUP: the last key not after the value; vector and array forms; below every key is #N/A', () => {
    const data = { A1: 10, A2: 20, A3: 30, B1: 'ten', B2: 'twenty', B3: 'thirty', D1: 'a', E1: 'b', F1: 'c', D2: 1, E2: 2, F2: 3 };
    const [a, b, c, d, e, f] = compute(data, ['=LOOKUP(25,A1:A3,B1:B3)', '=LOOKUP(30,A1:A3,B1:B3)', '=LOOKUP(99,A1:B3)', '=LOOKUP("B",D1:F2)', '=LOOKUP(20,A1:A3)', '=LOOKUP(5,A1:A3,B1:B3)']);
    expect([a, b, c, d, e]).toEqual(['twenty', 'thirty', 'thirty', 2, 20]);
    expect(f).toMatchObject({ error: '#N/A' });
  });

  it('FORECAST and FORECAST.LINEAR: the least-squares line (Excel’s documented example gives 10.607253)', () => {
    const data = { A1: 6, A2: 7, A3: 9, A4: 15, A5: 21, B1: 20, B2: 28, B3: 31, B4: 38, B5: 40 };
    const [a, b, c] = compute(data, ['=FORECAST(30,A1:A5,B1:B5)', '=FORECAST.LINEAR(30,A1:A5,B1:B5)', '=FORECAST(1,A1:A2,B1:B3)']);
    expect(a).toBeCloseTo(10.607253, 6);
    expect(b).toBeCloseTo(10.607253, 6);
    expect(c).toMatchObject({ error: '#N/A' });
  });
});
