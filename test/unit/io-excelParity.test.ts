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
import { deflated, makeZip, minimalXlsx, sheetXml } from './ioFixtures';
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

  it('text dates coerce in arithmetic and DATEVALUE as Excel reads them (ISO, y/m/d, month names; d/m/y as the engine reads it)', async () => {
    const formulas: [string, number | string][] = [
      ['"2026-08-08"+0', 46242], ['"2021/01/01"+1', 44198], ['"1/1/2021"*1', 44197], ['DATEVALUE("13/1/2021")', 44209], ['IFERROR(" 2024-01-10 "+0,"padded")', 'padded'],
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
    expect(parseExcelDateText('2026-13-01')).toBeUndefined(); // no 13th month
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

describe('defined names the engine cannot spell', () => {
  it('are renamed, in every formula that uses them (any case, not in strings), and the renaming is reported', async () => {
    const r = await computed(
      [
        {
          name: 'Sheet1',
          xml: sheetXml([
            row(1, '<c r="A1"><v>10</v></c><c r="B1"><v>3</v></c><c r="C1"><v>4</v></c>'),
            row(2, '<c r="A2"><f>Liste2*2</f><v>20</v></c><c r="B2"><f>SUM(sales2024,中文)+Liste2_</f><v>14</v></c>'),
            row(3, '<c r="A3" t="str"><f>"Liste2"&amp;LISTE2</f><v>Liste210</v></c><c r="B3"><f>Double</f><v>20</v></c><c r="C3"><f>AB12</f><v>0</v></c>'),
          ]),
        },
      ],
      [
        '<definedName name="Liste2">Sheet1!$A$1</definedName>',
        '<definedName name="Sales2024">Sheet1!$B$1</definedName>',
        '<definedName name="中文">Sheet1!$C$1</definedName>',
        '<definedName name="Liste2_">7-7</definedName>',
        '<definedName name="Double">Liste2*2</definedName>',
        '<definedName name="AB12">Sheet1!$A$1</definedName>',
      ].join(''),
    );
    expect([r.value('Sheet1', 'A2'), r.value('Sheet1', 'B2'), r.value('Sheet1', 'A3'), r.value('Sheet1', 'B3'), r.value('Sheet1', 'C3')]).toEqual([20, 7, 'Liste210', 20, 0]);
    const renamed = r.report.warnings.filter((w) => w.code === 'nameRenamed').map((w) => w.detail);
    expect(renamed).toEqual(['Liste2 → Liste2__2', 'Sales2024 → Sales2024_', '中文 → NAME']);
    // AB12 is a cell in Excel: a formula's AB12 is the cell, so the name is skipped, not renamed.
    expect(r.report.warnings.filter((w) => w.code === 'nameSkipped').map((w) => w.detail)).toEqual([expect.stringMatching(/^AB12 = /)]);
    r.done();
  });
});

/** A workbook that links to another one (`[1]`), with the values Excel kept of it. */
function linkedXlsx(sheet: string, link: string): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = (id: string, type: string, target: string, mode = '') => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"${mode}/>`;
  const rels = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  return makeZip([
    { name: '[Content_Types].xml', packed: deflated('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>') },
    { name: '_rels/.rels', packed: deflated(rels(rel('rId1', 'officeDocument', 'xl/workbook.xml'))) },
    { name: 'xl/workbook.xml', packed: deflated(`<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets><externalReferences><externalReference r:id="rId9"/></externalReferences></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', packed: deflated(rels(rel('rId1', 'worksheet', 'worksheets/sheet1.xml') + rel('rId9', 'externalLink', 'externalLinks/externalLink1.xml'))) },
    { name: 'xl/worksheets/sheet1.xml', packed: deflated(sheet) },
    { name: 'xl/externalLinks/externalLink1.xml', packed: deflated(link) },
    { name: 'xl/externalLinks/_rels/externalLink1.xml.rels', packed: deflated(rels(rel('rId1', 'externalLinkPath', 'Prices%202026.xlsx', ' TargetMode="External"'))) },
  ]);
}

describe('links to other workbooks and data tables', () => {
  it('compute with the values Excel kept of the other workbook, and are reported as links', async () => {
    const link =
      '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1">' +
      '<sheetNames><sheetName val="Prices"/><sheetName val="My sheet"/></sheetNames><sheetDataSet>' +
      '<sheetData sheetId="0"><row r="1"><cell r="A1"><v>10</v></cell><cell r="B1" t="str"><v>kg</v></cell></row><row r="2"><cell r="A2"><v>-4</v></cell></row></sheetData>' +
      '<sheetData sheetId="1"><row r="1"><cell r="A1"><v>1</v></cell><cell r="B1"><v>2</v></cell></row><row r="2"><cell r="A2"><v>3</v></cell><cell r="B2"><v>4</v></cell></row></sheetData>' +
      '</sheetDataSet></externalBook></externalLink>';
    const sheet = sheetXml([
      row(1, '<c r="A1"><f>[1]Prices!$A$1*2</f><v>20</v></c><c r="B1" t="str"><f>[1]Prices!B1&amp;"[1]Prices!A1"</f><v>kg[1]Prices!A1</v></c><c r="C1"><f>SUM(\'[1]My sheet\'!A1:B2)</f><v>10</v></c><c r="D1"><v>5</v></c>'),
      row(2, '<c r="A2"><f t="shared" ref="A2:A3" si="0">[1]Prices!A1+D1</f><v>15</v></c><c r="C2"><f>[1]!Rate*2</f><v>0.5</v></c>'),
      row(3, '<c r="A3"><f t="shared" si="0"/><v>-4</v></c>'),
    ]);
    const r = await importXlsx(linkedXlsx(sheet, link), engineImportOptions());
    if (!r.ok) throw new Error(r.problem.detail);
    const engine = new EngineNotebook(r.notebook);
    expect(['A1', 'B1', 'C1', 'A2', 'A3', 'C2'].map((a) => engine.value('Plan', a))).toEqual([20, 'kg[1]Prices!A1', 10, 15, -4, 0.5]);
    engine.destroy();
    expect(r.report.warnings.filter((w) => w.code === 'externalLink').map((w) => w.detail.split(':')[0]).sort()).toEqual(['Plan!A1', 'Plan!A2', 'Plan!A3', 'Plan!B1', 'Plan!C1', 'Plan!C2']);
    expect(r.notebook.sheets[0].cells.C2).toBe(0.5); // [1]!Rate: no value kept, so Excel's result stays
  });

  it('data tables keep the values Excel computed and are reported', async () => {
    const r = await computed([
      {
        name: 'Sheet1',
        xml: sheetXml([
          row(1, '<c r="A1"><v>1</v></c><c r="B1"><f>A1*10</f><v>10</v></c>'),
          row(2, '<c r="A2"><v>2</v></c><c r="B2"><f t="dataTable" ref="B2:B3" dt2D="0" dtr="0" r1="A1"/><v>20</v></c>'),
          row(3, '<c r="A3"><v>3</v></c><c r="B3"><v>30</v></c>'),
        ]),
      },
    ]);
    expect([r.value('Sheet1', 'B1'), r.value('Sheet1', 'B2'), r.value('Sheet1', 'B3')]).toEqual([10, 20, 30]);
    expect(r.report.warnings.filter((w) => w.code === 'dataTable').map((w) => w.detail)).toEqual(['Sheet1!B2:B3']);
    r.done();
  });
});

describe('relative and sheet-qualified names', () => {
  it('a relative name is written into each formula that uses it, moved to that cell as Excel moves it (wrapping round the edges)', async () => {
    const r = await computed(
      [
        {
          name: 'Data',
          xml: sheetXml([
            row(1, '<c r="A1"><v>1</v></c><c r="B1"><f>LeftCell*10</f><v>10</v></c><c r="C1"><v>5</v></c>'),
            row(2, '<c r="A2"><v>2</v></c><c r="B2"><f>LeftCell*10</f><v>20</v></c><c r="C2"><f>Above+LeftCell/10</f><v>7</v></c>'),
          ]),
        },
      ],
      // Defined from B1 pointing at A1 (stored as seen from A1: one column to the left, wrapped); Above: one row up, absolute column C.
      '<definedName name="LeftCell">Data!XFD1</definedName><definedName name="Above">Data!$C1048576</definedName>',
    );
    expect(['B1', 'B2', 'C2'].map((a) => r.value('Data', a))).toEqual([10, 20, 7]);
    expect(r.notebook.sheets[0].cells.B2).toBe('=(Data!A2)*10');
    expect(r.report.warnings.filter((w) => w.code === 'relativeNameInlined')).toHaveLength(2);
    r.done();
  });

  it('Sheet!Name reaches the sheet-level name of that sheet, even where a workbook name shadows it', async () => {
    const r = await computed(
      [
        { name: 'Inputs', xml: sheetXml([row(1, '<c r="A1"><v>100</v></c><c r="B1"><v>7</v></c><c r="C1"><f>Rate</f><v>7</v></c>')]) },
        { name: 'My sheet', xml: sheetXml([row(1, '<c r="A1"><v>0.5</v></c><c r="B1"><f>Rate*Inputs!A1</f><v>50</v></c>')]) },
        { name: 'Report', xml: sheetXml([row(1, '<c r="A1"><f>\'My sheet\'!Rate*Inputs!A1+Inputs!Rate</f><v>57</v></c><c r="B1"><f>Rate</f><v>7</v></c><c r="C1"><f>Inputs!Only*2</f><v>200</v></c>')]) },
      ],
      '<definedName name="Rate">Inputs!$B$1</definedName><definedName name="Rate" localSheetId="1">\'My sheet\'!$A$1</definedName><definedName name="Only" localSheetId="0">Inputs!$A$1</definedName>',
    );
    expect([r.value('Inputs', 'C1'), r.value('My sheet', 'B1'), r.value('Report', 'A1'), r.value('Report', 'B1'), r.value('Report', 'C1')]).toEqual([7, 50, 57, 7, 200]);
    r.done();
  });
});

describe('references to empty cells', () => {
  it('show 0 as in Excel (=\'Other sheet\'!C12), while ISBLANK and ="" still see the cell as empty', async () => {
    const r = await computed([
      { name: 'Sheet1', xml: sheetXml([row(1, '<c r="A1"><f>\'Other sheet\'!C12</f><v>0</v></c><c r="B1"><f>ISBLANK(\'Other sheet\'!C12)</f><v>1</v></c><c r="C1" t="str"><f>IF(\'Other sheet\'!C12="","empty","no")</f><v>empty</v></c><c r="D1"><f>Z99</f><v>0</v></c>')]) },
      { name: 'Other sheet', xml: sheetXml([row(1, '<c r="A1"><v>1</v></c>')]) },
    ]);
    expect(['A1', 'B1', 'C1', 'D1'].map((a) => r.value('Sheet1', a))).toEqual([0, true, 'empty', 0]);
    r.done();
  });
});
