/**
 * Implicit intersection: in an ordinary (not array) formula Excel takes, for a range where one
 * value is expected, the range's cell in the formula's row or column. The importer makes that
 * explicit; expected values are what Excel computes (and caches) for such cells.
 */
import { describe, expect, it } from 'vitest';
import { intersectImplicitly } from '../../src/io/implicitIntersection';
import { importXlsx } from '../../src/io/xlsxImport';
import { EngineNotebook } from '../../workers/engineCore';
import { engineImportOptions, scalarArgument } from '../../workers/importCore';
import { minimalXlsx, sheetXml } from './ioFixtures';

/** Row and column are 0-based: (4, 6) is G5. */
const at = (formula: string, row: number, col: number) => intersectImplicitly(formula, row, col, scalarArgument);

describe('implicit intersection rewritten at import', () => {
  it('a one-column range takes the formula’s row, a one-row range its column, whole columns and rows too', () => {
    expect(at('=H21:H26', 22, 0)).toBe('=H23');
    expect(at('=A7:J7*B15', 20, 3)).toBe('=D7*B15');
    expect(at('=FLOOR($A3,$AD$47:$AH$47)', 2, 32)).toBe('=FLOOR($A3,AG$47)');
    expect(at('=CEILING($AM:$AM,B$2)', 4, 1)).toBe('=CEILING($AM5,B$2)');
    expect(at('=EXP(2:2)', 9, 2)).toBe('=EXP(C2)');
    expect(at('=ISO.CEILING($A175,$47:$47)', 174, 32)).toBe('=ISO.CEILING($A175,AG$47)');
    expect(at("='My sheet'!B1:B9+Other!$C$1:$C$9", 3, 5)).toBe("='My sheet'!B4+Other!$C4");
  });

  it('leaves ranges that functions take whole, ranges that do not meet the cell, and text alone', () => {
    for (const f of ['=SUM(A1:A5)', '=INDEX(A1:A5,2)', '=SUMPRODUCT(A1:A5*B1:B5)', '=VLOOKUP(1,A1:B5,2)', '=COUNTIF(A1:A5,">1")', '=AND(A1:A5)', '=ROWS(A1:A5)', '=ROW(A1:A5)', '=MULTINOMIAL(A1:A3)', '=DCOUNT(A1:C9,"x",E1:E2)', '="A1:A5"&B1', '=A1:B5', '=SUM(A1:A5:B7)'])
      expect(at(f, 2, 7)).toBe(f);
    expect(at('=A1:A5', 8, 2)).toBe('=A1:A5');
    expect(at('=SUM(ABS(A1:A5))', 2, 2)).toBe('=SUM(ABS(A1:A5))');
    // Inside a value argument, even nested: IF's condition, ROUND's number.
    expect(at('=IF(A1:A5>2,ROUND(B1:B5,0),0)', 2, 7)).toBe('=IF(A3>2,ROUND(B3,0),0)');
  });

  it('an imported workbook computes Excel’s values; array formulas keep spilling', async () => {
    const v = (n: number) => `<v>${n}</v>`;
    const xml = sheetXml([
      `<row r="1"><c r="A1">${v(1)}</c><c r="C1">${v(7)}</c><c r="D1">${v(8)}</c><c r="E1">${v(9)}</c><c r="F1"><f t="array" ref="F1:F5">A1:A5*2</f>${v(2)}</c></row>`,
      `<row r="2"><c r="A2">${v(2)}</c><c r="B2"><f t="shared" ref="B2:B4" si="0">A1:A5*10</f>${v(20)}</c></row>`,
      `<row r="3"><c r="A3">${v(3)}</c><c r="B3"><f t="shared" si="0"/>${v(30)}</c></row>`,
      `<row r="4"><c r="A4">${v(4)}</c><c r="B4"><f t="shared" si="0"/>${v(40)}</c><c r="D4"><f>ROUND(C$1:E$1/3,0)</f>${v(3)}</c><c r="E4"><f>SUM(A1:A5)</f>${v(15)}</c></row>`,
      `<row r="5"><c r="A5">${v(5)}</c></row>`,
    ]);
    const r = await importXlsx(minimalXlsx([{ name: 'S', xml }]), engineImportOptions());
    if (!r.ok) throw new Error(r.problem.detail);
    const cells = r.notebook.sheets[0].cells;
    expect([cells.B2, cells.B3, cells.D4, cells.E4, cells.F1]).toEqual(['=A2*10', '=A3*10', '=ROUND(D$1/3,0)', '=SUM(A1:A5)', '=A1:A5*2']);
    const engine = new EngineNotebook(r.notebook);
    expect(['B2', 'B3', 'B4', 'D4', 'E4', 'F1', 'F5'].map((a) => engine.value('S', a))).toEqual([20, 30, 40, 3, 15, 2, 10]);
    engine.destroy();
  });
});
