// Client workbooks computed as Excel computed them (issue 18): broken references, text dates,
// names the engine rejects, external links and data tables — each through the real importer and engine.
import { describe, expect, it } from 'vitest';
import { fromExcelFormula } from '../../src/io/excelFormula';
import { importXlsx } from '../../src/io/xlsxImport';
import type { XlsxImportOptions } from '../../src/io/xlsxImport';
import { engineImportOptions } from '../../scripts/compatCore';
import { HyperFormula } from 'hyperformula';
import { ENGINE_CONFIG, EngineNotebook, toEngineContent } from '../../workers/engineCore';
import { EXCEL_DATE_CONFIG, parseExcelDateText } from '../../workers/excelDates';
import { parseA1 } from '../../src/model/address';
import type { Notebook } from '../../src/model/notebook';
import { minimalXlsx, sheetXml } from './ioFixtures';
import type { SheetPart } from './ioFixtures';

async function computed(sheets: SheetPart[], definedNames = '', extra: { name: string; xml: string }[] = [], opts: XlsxImportOptions = engineImportOptions()) {
  const r = await importXlsx(minimalXlsx(sheets, definedNames, extra), opts);
  if (!r.ok) throw new Error(`${r.problem.code}: ${r.problem.detail}`);
  const engine = new EngineNotebook(r.notebook);
  const value = (sheet: string, addr: string) => engine.value(sheet, addr);
  return { ...r, value, done: () => engine.destroy() };
}

const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;

describe('broken references (#REF! in a formula)', () => {
  it('compute to #REF! as in Excel, however the reference was written; #REF! in text stays text', async () => {
    const formulas = ['OFFSET(#REF!,1,0)', 'Sheet1!#REF!', "'My sheet'!#REF!*2", '#REF!A1', 'SUM(A1:#REF!)', 'VLOOKUP(1,Data!#REF!,2,FALSE)'];
    const r = await computed([
      { name: 'Sheet1', xml: sheetXml([row(1, '<c r="A1"><v>1</v></c>' + formulas.map((f, i) => `<c r="${String.fromCharCode(66 + i)}1"><f>${f.replace(/'/g, '&apos;')}</f><v>#REF!</v></c>`).join(''))]) },
      { name: 'My sheet', xml: sheetXml([row(1, '<c r="A1" t="str"><f>IFERROR(OFFSET(Sheet1!#REF!,1,0),"gone")&amp;" #REF! "&amp;\'My sheet\'!B1</f><v>gone #REF! </v></c>')]) },
    ]);
    expect(formulas.map((_, i) => r.value('Sheet1', `${String.fromCharCode(66 + i)}1`))).toEqual(formulas.map(() => expect.objectContaining({ error: '#REF!' })));
    expect(r.value('My sheet', 'A1')).toBe('gone #REF! ');
    r.done();
  });

  it('leave strings and quoted sheet names alone', () => {
    expect(fromExcelFormula(`"#REF!"&'a#REF!'!A1&'Wow!'!A1`)).toBe(`="#REF!"&'a#REF!'!A1&'Wow!'!A1`);
    expect(fromExcelFormula('IFERROR(OFFSET(#REF!,1,0,OFFSET(#REF!,1,1)),0)+SUM(#REF!$B$2:$C$3)')).toBe('=IFERROR(#REF!,0)+SUM(#REF!)');
  });
});

describe('dates', () => {
  it('date cells (t="d", ISO 8601) read as Excel serials, not as their year; formulas on them compute', async () => {
    const r = await computed([
      {
        name: 'Sheet1',
        xml: sheetXml([
          row(1, '<c r="A1" t="d"><v>2026-08-08</v></c><c r="B1" t="d"><v>2021-01-01T12:00:00</v></c><c r="C1" t="d"><v>1900-01-01</v></c><c r="D1" t="d"><v>not a date</v></c>'),
          row(2, '<c r="A2"><f>A1+1</f><v>46243</v></c><c r="B2"><f>YEAR(B1)*100+MONTH(B1)</f><v>202101</v></c><c r="C2" t="d"><f>A1</f><v>2026-08-08</v></c>'),
        ]),
      },
    ]);
    const cells = r.notebook.sheets[0].cells;
    expect([cells.A1, cells.B1, cells.C1]).toEqual([46242, 44197.5, 1]);
    expect([r.value('Sheet1', 'A2'), r.value('Sheet1', 'B2'), r.value('Sheet1', 'C2')]).toEqual([46243, 202101, 46242]);
    expect(r.report.cachedValues.Sheet1.C2).toBe(46242);
    expect(cells.D1).toBe('not a date'); // kept as the text it was, nothing lost
    r.done();
  });

  it('text dates coerce in arithmetic and DATEVALUE as Excel reads them (ISO, y/m/d, m/d/y, month names)', async () => {
    const formulas: [string, number | string][] = [
      ['"2026-08-08"+0', 46242], ['"2021/01/01"+1', 44198], ['"1/1/2021"*1', 44197], ['DATEVALUE("1/13/2021")', 44209],
      ['DATEVALUE("2024-02-29 06:00")', 45351], ['DATEVALUE("8-Aug-2026")', 46242], ['DATEVALUE("Aug 8, 2026")', 46242],
      ['"2026-08-08T10:30:00"*1', 46242.4375], ['A2-A1', 365], ['IFERROR(DATEVALUE("2026-02-30"),"bad")', 'bad'],
    ];
    const r = await importXlsx(minimalXlsx([{
      name: 'Sheet1',
      xml: sheetXml([
        row(1, '<c r="A1" t="inlineStr"><is><t>2021-01-01</t></is></c>'),
        row(2, '<c r="A2" t="inlineStr"><is><t>2022-01-01</t></is></c>'),
        ...formulas.map(([f], i) => row(i + 3, `<c r="B${i + 3}"><f>${f.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</f></c>`)),
      ]),
    }]), engineImportOptions());
    if (!r.ok) throw new Error(r.problem.detail);
    const hf = engineFor(r.notebook);
    expect(formulas.map((_, i) => hf.getCellValue({ sheet: 0, row: i + 2, col: 1 }))).toEqual(formulas.map(([, v]) => v));
    hf.destroy();
    expect(parseExcelDateText('13/1/2021')).toBeUndefined(); // no 13th month, as in Excel en-US
  });
});

/** An engine with the date config (EXCEL_DATE_CONFIG) over an imported notebook. */
function engineFor(nb: Notebook): HyperFormula {
  const sheets: Record<string, unknown[][]> = {};
  for (const s of nb.sheets) {
    const rows: unknown[][] = [];
    for (const [addr, raw] of Object.entries(s.cells)) {
      const p = parseA1(addr)!;
      (rows[p.row] ??= [])[p.col] = toEngineContent(raw);
    }
    sheets[s.name] = Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null));
  }
  return HyperFormula.buildFromSheets(sheets as never, { ...ENGINE_CONFIG, ...EXCEL_DATE_CONFIG });
}
