import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { readOpsbookData, toOpsbookFile } from '../../src/model/fileFormat';
import { exportXlsx } from '../../src/io/xlsxExport';
import { importXlsx } from '../../src/io/xlsxImport';
import { EngineNotebook } from '../../workers/engineCore';
import { engineImportOptions, sameValue } from '../../scripts/compatCore';
import { expectedValues, templateById, TEMPLATE_SHEET_NAMES } from '../../templates';
import { parseWorkbookXml } from '../../src/io/workbookXml';
import { entryText, samplePlan } from './ioFixtures';

async function exportedPlan() {
  const nb = samplePlan();
  const engine = new EngineNotebook(nb);
  const values = engine.allValues();
  engine.destroy();
  return { nb, values, bytes: await exportXlsx(nb, values) };
}

async function readBack(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('xlsx export', () => {
  it('writes formulas with our computed values as cached results', async () => {
    const { values, bytes } = await exportedPlan();
    const ws = (await readBack(bytes)).getWorksheet('My Plan')!;
    const b1 = ws.getCell('B1').model as { formula?: string; result?: unknown };
    expect(b1.formula).toBe('Inputs!B1*(1+GROWTH)');
    expect(b1.result).toBe(1200);
    expect(values['My Plan'].B1).toBe(1200);
    expect((ws.getCell('B5').model as { result?: unknown }).result).toEqual({ error: '#DIV/0!' });
    expect((ws.getCell('B4').model as { result?: unknown }).result).toBe('yes');
    // Functions newer than Excel 2007 need their file prefix, or Excel shows #NAME?.
    expect((ws.getCell('B6').model as { formula?: string }).formula).toBe('_xlfn.IFNA(NA(),"fallback")');
  });

  it('writes literal text as text, numbers as numbers, and keeps formats, widths and frozen panes', async () => {
    const { bytes } = await exportedPlan();
    const ws = (await readBack(bytes)).getWorksheet('Inputs')!;
    expect(ws.getCell('B3').value).toBe('5');
    expect(ws.getCell('B4').value).toBe('10%');
    expect(ws.getCell('B7').value).toBe('=1+1');
    expect(ws.getCell('B1').value).toBe(1000);
    expect(ws.getCell('B2').numFmt).toBe('0.0%');
    expect(ws.getColumn('A').width).toBeCloseTo((160 - 5) / 7, 1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
  });

  it('colours inputs blue on a light fill, formulas black and cross-sheet links green', async () => {
    const { bytes } = await exportedPlan();
    const wb = await readBack(bytes);
    const input = wb.getWorksheet('Inputs')!.getCell('B1');
    expect(input.font?.color?.argb).toBe('FF0000FF');
    expect(input.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } });
    const plan = wb.getWorksheet('My Plan')!;
    expect(plan.getCell('B2').font?.color?.argb).toBe('FF000000');
    expect(plan.getCell('B1').font?.color?.argb).toBe('FF008000');
  });

  it('writes every name, including formulas and constants, as a defined name', async () => {
    const { bytes } = await exportedPlan();
    const xml = await entryText(bytes, 'xl/workbook.xml');
    expect(parseWorkbookXml(xml).definedNames).toEqual([
      { name: 'GROWTH', text: 'Inputs!$B$2' },
      { name: 'BASE_TOTAL', text: "SUM('My Plan'!$B$1:$B$2)" },
      { name: 'TAX_RATE', text: '0.25' },
    ]);
    expect(xml).toContain('fullCalcOnLoad="1"');
  });

  it('exports link stubs as ordinary sheets and appends plain extra sheets', async () => {
    const nb = samplePlan();
    const bytes = await exportXlsx(nb, {}, [{ name: 'Inputs', rows: [['Scenario', 'Growth'], ['Base', 0.2]] }]);
    const wb = await readBack(bytes);
    // the last sheet, very hidden, carries the rest of the notebook (src/io/xlsxNotebookPart.ts)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Inputs', 'My Plan', 'Targets', 'Inputs (2)', '_opsbook']);
    expect(wb.getWorksheet('_opsbook')!.state).toBe('veryHidden');
    expect(wb.getWorksheet('Targets')!.getCell('C5').value).toBe(42);
    expect(wb.getWorksheet('Inputs (2)')!.getCell('B2').value).toBe(0.2);
  });
});

describe('xlsx round trip', () => {
  it('gives back the same raw contents, names and layout, in a new notebook', async () => {
    const { nb, bytes } = await exportedPlan();
    const r = await importXlsx(bytes, { title: 'Round trip', locale: 'en' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const back = r.notebook;
    expect(back.id).not.toBe(nb.id);
    expect(back.sheets.map((s) => s.name)).toEqual(nb.sheets.map((s) => s.name));
    for (const [i, sheet] of nb.sheets.entries()) {
      expect(back.sheets[i].cells).toEqual(sheet.cells);
      expect(back.sheets[i].formats).toEqual(sheet.formats);
      expect(back.sheets[i].colWidths).toEqual(sheet.colWidths);
      expect(back.sheets[i].frozen).toEqual(sheet.frozen);
    }
    expect(back.names).toEqual(nb.names);
    expect(readOpsbookData(toOpsbookFile(back)).ok).toBe(true);
  });

  it('computes the same values through the engine, and reports them as the cached values', async () => {
    const { values, bytes } = await exportedPlan();
    const r = await importXlsx(bytes);
    if (!r.ok) throw new Error(r.problem.detail);
    const engine = new EngineNotebook(r.notebook);
    expect(engine.allValues()).toEqual(values);
    engine.destroy();
    const plan = r.report.cachedValues['My Plan'];
    expect(plan.B1).toBe(1200);
    expect(plan.B4).toBe('yes');
    expect(plan.B5).toEqual({ error: '#DIV/0!' });
    expect(plan.B8).toBe(true);
    expect(plan.B9).toBe(values['My Plan'].B9); // a date-formatted formula: exceljs hands over a Date
  });

  it('round-trips the annual plan: same contents, and the spec value in every spec cell', async () => {
    const nb = templateById('annual-plan')!.create({ locale: 'en' });
    const engine = new EngineNotebook(nb);
    const bytes = await exportXlsx(nb, engine.allValues());
    engine.destroy();
    const r = await importXlsx(bytes, engineImportOptions());
    if (!r.ok) throw new Error(r.problem.detail);
    expect(r.report.unsupported).toEqual([]);
    expect(r.notebook.names).toEqual(nb.names);
    for (const [i, sheet] of nb.sheets.entries()) {
      expect(r.notebook.sheets[i].cells).toEqual(sheet.cells);
      expect(r.notebook.sheets[i].formats).toEqual(sheet.formats);
    }
    const back = new EngineNotebook(r.notebook);
    const wrong: string[] = [];
    let checked = 0;
    for (const sheet of TEMPLATE_SHEET_NAMES) {
      for (const [addr, want] of Object.entries(expectedValues(sheet))) {
        checked++;
        const got = back.value(sheet, addr);
        if (!sameValue(got, want)) wrong.push(`${sheet}!${addr}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
      }
    }
    back.destroy();
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('refuses nothing and reports no unsupported function for its own export', async () => {
    const { bytes } = await exportedPlan();
    const r = await importXlsx(bytes, engineImportOptions());
    if (!r.ok) throw new Error(r.problem.detail);
    expect(r.report.unsupported).toEqual([]);
    expect(r.report.warnings).toEqual([]);
  });
});

describe('xlsx import of Excel features', () => {
  it('expands shared formulas, keeps array formulas at their anchor, and strips _xlfn prefixes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('A3').value = 3;
    ws.getCell('B1').value = { formula: 'A1*$A$1+A$1', result: 2, shareType: 'shared', ref: 'B1:B3' } as ExcelJS.CellValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 3 } as ExcelJS.CellValue;
    ws.getCell('B3').value = { sharedFormula: 'B1', result: 4 } as ExcelJS.CellValue;
    ws.getCell('C1').value = { formula: 'A1:A3*10', result: 10, shareType: 'array', ref: 'C1:C3' } as ExcelJS.CellValue;
    ws.getCell('C2').value = 20;
    ws.getCell('C3').value = 30;
    ws.getCell('D1').value = { formula: '_xlfn.IFS(TRUE,"a")', result: 'a' };
    ws.getCell('D2').value = { formula: 'IF(A1>0,TRUE,FALSE)', result: true };
    const r = await importXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!r.ok) throw new Error(r.problem.detail);
    const cells = r.notebook.sheets[0].cells;
    expect(cells.B2).toBe('=A2*$A$1+A$1');
    expect(cells.B3).toBe('=A3*$A$1+A$1');
    expect(cells.C1).toBe('=A1:A3*10');
    expect(cells.C2).toBeUndefined();
    expect(cells.D1).toBe('=IFS(TRUE(),"a")');
    expect(cells.D2).toBe('=IF(A1>0,TRUE(),FALSE())');
    const engine = new EngineNotebook(r.notebook);
    expect([engine.value('S', 'B3'), engine.value('S', 'C3'), engine.value('S', 'D1'), engine.value('S', 'D2')]).toEqual([4, 30, 'a', true]);
    engine.destroy();
  });

  it('lists functions the engine lacks, with the cells and the values Excel had computed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.getCell('A1').value = { formula: 'FOOBAR(1)+SUM(1)', result: 42 };
    ws.getCell('A2').value = { formula: 'SUM(_xlfn.ANCHORARRAY(B1))', result: 'a' };
    ws.getCell('A3').value = { formula: 'SUM(1,2)', result: 3 };
    const r = await importXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), { supportedFunctions: HyperFormula.getRegisteredFunctionNames('enGB') });
    if (!r.ok) throw new Error(r.problem.detail);
    expect(r.report.unsupported).toEqual([
      { sheet: 'Data', addr: 'A1', functions: ['FOOBAR'], cached: 42 },
      { sheet: 'Data', addr: 'A2', functions: ['ANCHORARRAY'], cached: 'a' },
    ]);
    expect(r.report.unsupportedFunctions).toEqual(['ANCHORARRAY', 'FOOBAR']);
  });
});
