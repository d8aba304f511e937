/**
 * Functions the engine lacks, added as a plugin, in the real engine: CONCAT and FORECAST /
 * FORECAST.LINEAR, with Excel's results.
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



  it('FORECAST and FORECAST.LINEAR: the least-squares line (Excel’s documented example gives 10.607253)', () => {
    const data = { A1: 6, A2: 7, A3: 9, A4: 15, A5: 21, B1: 20, B2: 28, B3: 31, B4: 38, B5: 40 };
    const [a, b, c] = compute(data, ['=FORECAST(30,A1:A5,B1:B5)', '=FORECAST.LINEAR(30,A1:A5,B1:B5)', '=FORECAST(1,A1:A2,B1:B3)']);
    expect(a).toBeCloseTo(10.607253, 6);
    expect(b).toBeCloseTo(10.607253, 6);
    expect(c).toMatchObject({ error: '#N/A' });
  });
});
