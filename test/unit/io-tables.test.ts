/**
 * Structured table references in client workbooks: each becomes the range its table covers in
 * the file, in cells and in defined names, for any table name (non-ASCII ones too).
 */
import { describe, expect, it } from 'vitest';
import { importXlsx } from '../../src/io/xlsxImport';
import { translateStructuredRefs } from '../../src/io/structuredRefs';
import type { TableInfo } from '../../src/io/structuredRefs';
import { engineImportOptions } from '../../scripts/compatCore';
import { EngineNotebook } from '../../workers/engineCore';
import { minimalXlsx, sheetTableRels, sheetXml, tableXml } from './ioFixtures';

const str = (r: string, t: string) => `<c r="${r}" t="inlineStr"><is><t>${t}</t></is></c>`;
const num = (r: string, v: number) => `<c r="${r}"><v>${v}</v></c>`;
const fml = (r: string, f: string) => `<c r="${r}"><f>${f.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</f><v>0</v></c>`;

/** tbBudget on Sheet1 (A1:C5, a totals row) and 预算表 on 数据 (A1:C3, a calculated column). */
function budgetWorkbook(): Uint8Array {
  const budget = sheetXml([
    '<row r="1">', str('A1', 'Country'), str('B1', 'Budget'), str('C1', 'Qty'), '</row>',
    '<row r="2">', str('A2', 'FR'), num('B2', 100), num('C2', 1), fml('D2', 'tbBudget[[#This Row],[Qty]]*2'), '</row>',
    '<row r="3">', str('A3', 'DE'), num('B3', 200), num('C3', 2), fml('D3', 'tbBudget[[#This Row],[Qty]]*2'), '</row>',
    '<row r="4">', str('A4', 'FR'), num('B4', 300), num('C4', 3), fml('D4', 'tbBudget[[#This Row],[Qty]]*2'), '</row>',
    '<row r="5">', str('A5', 'Total'), fml('B5', 'SUBTOTAL(109,tbBudget[Budget])'), fml('C5', 'SUBTOTAL(109,[Qty])'), '</row>',
    '<row r="7">',
    fml('A7', 'SUMIFS(tbBudget[Budget],tbBudget[Country],"FR")'),
    fml('B7', 'SUM(tbBudget[#Totals])'),
    fml('C7', 'COUNTA(tbBudget[#Headers])'),
    fml('D7', 'SUM(tbBudget[[Budget]:[Qty]])'),
    fml('E7', 'ROWS(tbBudget)'),
    fml('F7', 'ROWS(tbBudget[#All])'),
    fml('G7', 'TOTAL_BUDGET'),
    fml('H7', 'SUM(预算表[双倍])'),
    fml('I7', 'COUNTIF(tbBudget[Country],"[x]")'),
    '</row>',
  ]);
  const data = sheetXml([
    '<row r="1">', str('A1', '项目'), str('B1', '金额'), str('C1', '双倍'), '</row>',
    '<row r="2">', str('A2', 'a'), num('B2', 5), fml('C2', '[@金额]*2'), '</row>',
    '<row r="3">', str('A3', 'b'), num('B3', 7), fml('C3', '预算表[[#This Row],[金额]]*2'), '</row>',
  ]);
  return minimalXlsx(
    [
      { name: 'Sheet1', xml: budget },
      { name: '数据', xml: data },
    ],
    '<definedName name="TOTAL_BUDGET">SUM(tbBudget[Budget])</definedName>',
    [
      { name: 'xl/tables/table1.xml', xml: tableXml(1, 'tbBudget', 'A1:C5', ['Country', 'Budget', 'Qty'], { totalsRowCount: 1 }) },
      { name: 'xl/tables/table2.xml', xml: tableXml(2, '预算表', 'A1:C3', ['项目', '金额', '双倍']) },
      sheetTableRels(1, ['table1.xml']),
      sheetTableRels(2, ['table2.xml']),
    ],
  );
}

describe('structured table references', () => {
  it('compute as Excel does in cells and names, for any table name', async () => {
    const r = await importXlsx(budgetWorkbook(), engineImportOptions());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const engine = new EngineNotebook(r.notebook);
    const v = (sheet: string, addr: string) => engine.value(sheet, addr);
    expect([v('Sheet1', 'D2'), v('Sheet1', 'D3'), v('Sheet1', 'D4')]).toEqual([2, 4, 6]);
    expect([v('Sheet1', 'B5'), v('Sheet1', 'C5')]).toEqual([600, 6]);
    expect(v('Sheet1', 'A7')).toBe(400);
    expect(v('Sheet1', 'B7')).toBe(606); // the totals row: 600 + 6
    expect(v('Sheet1', 'C7')).toBe(3);
    expect(v('Sheet1', 'D7')).toBe(606);
    expect(v('Sheet1', 'E7')).toBe(3);
    expect(v('Sheet1', 'F7')).toBe(5);
    expect(v('Sheet1', 'G7')).toBe(600);
    expect(v('Sheet1', 'H7')).toBe(24);
    expect(v('Sheet1', 'I7')).toBe(0); // brackets inside a string stay text
    expect([v('数据', 'C2'), v('数据', 'C3')]).toEqual([10, 14]);
    engine.destroy();
  });

  it('grow with the table when a row is inserted inside it', async () => {
    const r = await importXlsx(budgetWorkbook(), engineImportOptions());
    if (!r.ok) throw new Error(r.problem.detail);
    const engine = new EngineNotebook(r.notebook);
    engine.apply([{ type: 'insertRows', sheet: 'Sheet1', at: 3, count: 1 } as never]);
    engine.apply([{ type: 'setCells', sheet: 'Sheet1', writes: [{ addr: 'A4', raw: 'FR' }, { addr: 'B4', raw: 50 }] }]);
    expect(engine.value('Sheet1', 'A8')).toBe(450);
    engine.destroy();
  });

  it('turn an unknown column or a missing totals row into #REF!', () => {
    const t: TableInfo = { name: 'T', sheet: 'S', top: 0, left: 0, bottom: 3, right: 1, headerRows: 1, totalsRows: 0, columns: ['A', 'B'] };
    expect(translateStructuredRefs('SUM(T[Nope])', [t])).toBe('SUM(#REF!)');
    expect(translateStructuredRefs('SUM(T[#Totals])', [t])).toBe('SUM(#REF!)');
    expect(translateStructuredRefs("SUM(T[B])+'T'!A1", [t])).toBe("SUM(S!$B$2:$B$4)+'T'!A1");
    expect(translateStructuredRefs('[1]Sheet1!A1', [t], { sheet: 'S', row: 1, col: 0 })).toBe('[1]Sheet1!A1');
  });
});
