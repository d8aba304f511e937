// Client workbooks computed as Excel computed them (issue 18): broken references, text dates,
// names the engine rejects, external links and data tables — each through the real importer and engine.
import { describe, expect, it } from 'vitest';
import { fromExcelFormula } from '../../src/io/excelFormula';
import { importXlsx } from '../../src/io/xlsxImport';
import type { XlsxImportOptions } from '../../src/io/xlsxImport';
import { engineImportOptions } from '../../scripts/compatCore';
import { EngineNotebook } from '../../workers/engineCore';
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
