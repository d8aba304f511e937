import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { inlineNames, nameProblem } from '../../src/io/definedNames';
import { fromExcelFormula, functionsCalled, toExcelFormula } from '../../src/io/excelFormula';
import { importXlsx } from '../../src/io/xlsxImport';
import { ENGINE_CONFIG, EngineNotebook } from '../../workers/engineCore';
import { minimalXlsx, sheetXml } from './ioFixtures';

describe('defined names', () => {
  it('are vetted exactly as HyperFormula vets them (else the engine would refuse the notebook)', () => {
    const hf = HyperFormula.buildFromSheets({ Sheet1: [[1]], 'My Sheet': [[2]] }, ENGINE_CONFIG);
    const cases: [string, string][] = [
      ['RATE', '=Sheet1!$A$1'], ['NC.4', '=Sheet1!$A$1'], ['_hidden', '=1'], ['Café', '=1'], ['Über_2', '=2'],
      ['A1', '=1'], ['XFD1', '=1'], ['ABCD1', '=1'], ['Sheet1', '=1'], ['R1C1', '=1'], ['r2c', '=1'], ['R', '=1'], ['C', '=1'],
      ['中文', '=1'], ['1abc', '=1'], ['a b', '=1'], ['RANGE', '=Sheet1!$A$1:$B$2'], ['REL', '=Sheet1!A1'],
      ['HALF', '=Sheet1!$A1'], ['COLS', '=Sheet1!$A:$B'], ['COLR', '=Sheet1!A:B'], ['ROWS', '=Sheet1!$1:$2'], ['ROWR', '=Sheet1!1:2'],
      ['QUOTED', "='My Sheet'!$A$1"], ['QREL', "='My Sheet'!A1"], ['FORMULA', '=SUM(Sheet1!$A$1:$A$9)*2'], ['TEXT', '="A1 and B2"'],
      ['LOGX', '=LOG10(100)'], ['CONST', '=0.5'],
    ];
    for (const [name, expression] of cases) {
      expect({ name, expression, ok: nameProblem(name, expression) === null }).toEqual({
        name,
        expression,
        ok: hf.isItPossibleToAddNamedExpression(name, expression),
      });
    }
    hf.destroy();
  });

  it('are imported at workbook scope; sheet-level ones promoted when unique, inlined when they clash', async () => {
    const xlsx = minimalXlsx(
      [
        { name: 'Inputs', xml: sheetXml(['<row r="1"><c r="A1"><v>10</v></c><c r="B1"><v>3</v></c></row>']) },
        { name: 'Left', xml: sheetXml(['<row r="1"><c r="A1"><v>5</v></c><c r="B1"><f>local*2</f><v>10</v></c><c r="C1"><f>ONLY_HERE+1</f><v>4</v></c></row>']) },
        { name: 'Right', xml: sheetXml(['<row r="1"><c r="A1"><v>7</v></c><c r="B1"><f>local*2</f><v>14</v></c></row>']) },
      ],
      [
        '<definedName name="TOTAL">Inputs!$A$1</definedName>',
        '<definedName name="local" localSheetId="1">Left!$A$1</definedName>',
        '<definedName name="local" localSheetId="2">Right!$A$1</definedName>',
        '<definedName name="ONLY_HERE" localSheetId="1">Inputs!$B$1</definedName>',
        '<definedName name="_xlnm.Print_Area" localSheetId="0">Inputs!$A$1:$B$1</definedName>',
        '<definedName name="RELATIVE">Inputs!A1</definedName>',
        '<definedName name="EXTERNAL">[1]Prices!$A$1</definedName>',
        '<definedName name="AB12">Inputs!$A$1</definedName>',
      ].join(''),
    );
    const r = await importXlsx(xlsx);
    if (!r.ok) throw new Error(r.problem.detail);
    expect(r.notebook.names).toEqual([
      { name: 'TOTAL', expression: '=Inputs!$A$1' },
      { name: 'ONLY_HERE', expression: '=Inputs!$B$1' },
    ]);
    expect(r.notebook.sheets[1].cells.B1).toBe('=Left!$A$1*2');
    expect(r.notebook.sheets[2].cells.B1).toBe('=Right!$A$1*2');
    expect(r.report.warnings.map((w) => w.code).sort()).toEqual(
      ['localNameInlined', 'localNameInlined', 'localNamePromoted', 'nameSkipped', 'nameSkipped', 'relativeNameInlined'],
    );
    expect(r.report.names).toEqual({ imported: 2, skipped: 2 });
    const engine = new EngineNotebook(r.notebook);
    expect([engine.value('Left', 'B1'), engine.value('Left', 'C1'), engine.value('Right', 'B1')]).toEqual([10, 4, 14]);
    engine.destroy();
  });

  it('inline a non-reference expression in parentheses and leave strings and sheet names alone', () => {
    expect(inlineNames('=x*2&"x"&x!A1', [{ name: 'x', expression: '=1+2' }])).toBe('=(1+2)*2&"x"&x!A1');
  });
});

describe('Excel formula dialect', () => {
  it('strips file prefixes, spells booleans as functions and doubled quotes as CHAR(34)', () => {
    expect(fromExcelFormula('_xlfn._xlws.SORT(A1:A3)+_xlfn.LET(_xlpm.x,1,_xlpm.x)')).toBe('=SORT(A1:A3)+LET(x,1,x)');
    expect(fromExcelFormula('IF(TRUE,FALSE,"TRUE")&\'TRUE sheet\'!A1')).toBe('=IF(TRUE(),FALSE(),"TRUE")&\'TRUE sheet\'!A1');
    expect(fromExcelFormula('"say ""hi"""')).toBe('=("say "&CHAR(34)&"hi"&CHAR(34)&"")');
  });

  it('puts the prefixes back on export, outside strings only', () => {
    expect(toExcelFormula('=IFNA(XLOOKUP(A1,B:B,C:C),"IFNA(")+SORT(A1:A2)')).toBe('_xlfn.IFNA(_xlfn.XLOOKUP(A1,B:B,C:C),"IFNA(")+_xlfn._xlws.SORT(A1:A2)');
    expect(toExcelFormula('=SUM(A1)')).toBe('SUM(A1)');
  });

  it('lists the functions a formula calls', () => {
    expect(functionsCalled('=F.DIST(1,2,TRUE())+log10(A1)+"SUM(x)"&Sheet1!A1')).toEqual(['F.DIST', 'TRUE', 'LOG10']);
  });
});
