import { describe, expect, it } from 'vitest';
import { XLSX_PROBLEM_MESSAGES } from '../../src/io/problems';
import { importXlsx } from '../../src/io/xlsxImport';
import { precheckXlsx, XLSX_LIMITS } from '../../src/io/xlsxPrecheck';
import { readZipDirectory } from '../../src/io/zipReader';
import { ENGINE_LIMITS, EngineNotebook } from '../../workers/engineCore';
import { engineImportOptions } from '../../scripts/compatCore';
import { deflated, deflatedStream, makeZip, minimalXlsx, SHEET_HEAD, SHEET_TAIL, sheetXml } from './ioFixtures';

async function problemOf(bytes: Uint8Array, limits = {}) {
  const r = await importXlsx(bytes, { limits });
  if (r.ok) throw new Error('the import was expected to be refused');
  return r.problem;
}

const MB = 1024 * 1024;
function* zeros(megabytes: number) {
  const block = new Uint8Array(MB);
  for (let i = 0; i < megabytes; i++) yield block;
}

describe('xlsx import refuses bad files with a code and a message', () => {
  it('every problem code has a developer message', () => {
    for (const message of Object.values(XLSX_PROBLEM_MESSAGES)) expect(message).toMatch(/\w{3,}.*\.$/);
  });

  it('keeps its sheet limits within what the engine can hold', () => {
    expect(XLSX_LIMITS.maxRows).toBeLessThanOrEqual(ENGINE_LIMITS.maxRows);
    expect(XLSX_LIMITS.maxColumns).toBeLessThanOrEqual(ENGINE_LIMITS.maxColumns);
  });

  it('a file that is not a zip', async () => {
    expect((await problemOf(new TextEncoder().encode('name,value\nA,1\n'))).code).toBe('notZip');
    expect((await problemOf(new Uint8Array(0))).code).toBe('notZip');
  });

  it('an old .xls or password-protected workbook (an OLE compound file)', async () => {
    const cfb = new Uint8Array(512);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await problemOf(cfb)).code).toBe('legacyOrEncrypted');
  });

  it('a truncated zip', async () => {
    const whole = minimalXlsx([{ name: 'S', xml: sheetXml([]) }]);
    expect((await problemOf(whole.slice(0, whole.length - 30))).code).toBe('corrupt');
  });

  it('a zip that is not a workbook', async () => {
    const zip = makeZip([{ name: 'word/document.xml', packed: deflated('<w:document/>') }]);
    const p = await problemOf(zip);
    expect(p.code).toBe('notWorkbook');
    expect(p.detail).toContain('xl/workbook.xml');
  });

  it('a file over the size limit', async () => {
    const xlsx = minimalXlsx([{ name: 'S', xml: sheetXml(['<row r="1"><c r="A1"><v>1</v></c></row>']) }]);
    expect((await problemOf(xlsx, { maxFileBytes: 100 })).code).toBe('tooLarge');
  });

  it('a zip bomb that declares its size: refused from the directory, before anything is inflated', async () => {
    const bomb = await deflatedStream(zeros(210)); // 210 MB of zeros in ≈200 KB
    const xlsx = makeZip([
      ...unzipEntries(minimalXlsx([{ name: 'S', xml: sheetXml([]) }])),
      { name: 'xl/media/image1.png', packed: bomb },
    ]);
    const p = await problemOf(xlsx);
    // The directory's declared size trips the limit: the message names it, nothing was inflated.
    expect(p.code).toBe('zipBomb');
    expect(p.detail).toMatch(/limit is 209715200/);
  });

  it('a zip bomb that lies about its size: stopped as soon as it inflates past what it declared', async () => {
    const bomb = await deflatedStream(zeros(50));
    const xlsx = makeZip([
      ...unzipEntries(minimalXlsx([{ name: 'S', xml: sheetXml([]) }])),
      { name: 'xl/sharedStrings.xml', packed: bomb, declaredSize: 1000 },
    ]);
    const p = await problemOf(xlsx);
    expect(p.code).toBe('zipBomb');
    expect(p.detail).toContain('xl/sharedStrings.xml');
  });

  it('a lying part the reader never reads (an image) is never inflated, and the workbook opens', async () => {
    const bomb = await deflatedStream(zeros(50));
    const xlsx = makeZip([
      ...unzipEntries(minimalXlsx([{ name: 'S', xml: sheetXml(['<row r="1"><c r="A1"><v>7</v></c></row>']) }])),
      { name: 'xl/media/image1.png', packed: bomb, declaredSize: 1000 },
    ]);
    const r = await importXlsx(xlsx);
    expect(r.ok && r.notebook.sheets[0].cells.A1).toBe(7);
  });

  it('the precheck counts what the reader reads: a worksheet-like part no sheet lists is not read at all', async () => {
    // exceljs matches worksheet parts by /xl\/worksheets\/sheet(\d+)[.]xml/ anywhere in the name, so
    // `sheet1.xml.x` was parsed (300k rows) although the precheck never counted it.
    function* rows() {
      yield SHEET_HEAD;
      for (let start = 1; start <= 300_000; start += 10_000) {
        let chunk = '';
        for (let r = start; r < start + 10_000; r++) chunk += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
        yield chunk;
      }
      yield SHEET_TAIL;
    }
    const xlsx = makeZip([
      ...unzipEntries(minimalXlsx([{ name: 'S', xml: sheetXml(['<row r="1"><c r="A1"><v>7</v></c></row>']) }])),
      { name: 'xl/worksheets/sheet1.xml.x', packed: await deflatedStream(rows()) },
    ]);
    const vetted = await precheckXlsx(xlsx);
    expect(vetted.ok).toBe(true);
    if (!vetted.ok) return;
    const names = (readZipDirectory(vetted.readerArchive, Infinity) as { entries: { name: string }[] }).entries.map((e) => e.name);
    expect(names.some((n) => n.includes('.xml.x'))).toBe(false);
    const r = await importXlsx(xlsx);
    expect(r.ok && Object.keys(r.notebook.sheets[0].cells)).toEqual(['A1']);
  });

  it('row limits come from the cells\' own addresses, not the <row r> attribute', async () => {
    const lying = minimalXlsx([{ name: 'Lie', xml: sheetXml(['<row r="1"><c r="A300000"><v>1</v></c></row>']) }]);
    expect(await problemOf(lying)).toEqual({ code: 'tooManyRows', detail: 'sheet Lie: cell A300000; the limit is 200000 rows' });
  });

  it('drawings, VML and icon filters never reach the reader (they hung or crashed it)', async () => {
    const sheet = sheetXml(['<row r="1"><c r="A1"><v>3</v></c><c r="B1"><f>A1*2</f><v>6</v></c></row>']).replace(
      '</sheetData>',
      '</sheetData><autoFilter ref="A1:B1"><filterColumn colId="0"><iconFilter iconSet="3TrafficLights1" iconId="1"/></filterColumn></autoFilter><legacyDrawing r:id="rId9"/>',
    );
    const xlsx = makeZip([
      ...unzipEntries(minimalXlsx([{ name: 'S', xml: sheet.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ') }])),
      { name: 'xl/drawings/vmlDrawing1.vml', packed: deflated('<xml><v:shape o:relid="a" o:relid="b"/></xml>') },
    ]);
    const r = await importXlsx(xlsx);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.notebook.sheets[0].cells).toEqual({ A1: 3, B1: '=A1*2' });
  });

  it('an inline-string cell that also carries a <v> (the reader crashed on it) reads as its inline text', async () => {
    const xlsx = minimalXlsx([{
      name: 'S',
      xml: sheetXml(['<row r="1"><c r="A1"/><c r="B1" t="inlineStr"><v>1.0</v><is><r><rPr><b val="1"/></rPr><t xml:space="preserve">1.</t></r></is></c>' +
        '<c r="C1" t="inlineStr"><is><t>plain</t></is></c><c r="D1"><v>4</v></c></row>']),
    }]);
    const r = await importXlsx(xlsx);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.notebook.sheets[0].cells).toEqual({ B1: '1.', C1: 'plain', D1: 4 });
  });

  it('a workbook with 1,000,000 rows: refused with a message, without reading them all', async () => {
    function* rows() {
      yield SHEET_HEAD;
      for (let start = 1; start <= 1_000_000; start += 10_000) {
        let chunk = '';
        for (let r = start; r < start + 10_000; r++) chunk += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
        yield chunk;
      }
      yield SHEET_TAIL;
    }
    const xlsx = minimalXlsx([{ name: 'Huge', xml: await deflatedStream(rows()) }]);
    const p = await problemOf(xlsx);
    // Reading stopped at the first row past the limit, not at the millionth.
    expect(p.code).toBe('tooManyRows');
    expect(p.detail).toBe('sheet Huge: row 200001; the limit is 200000 rows');
  });

  it('a sheet whose only cell sits on row 1,000,000 or beyond the last column', async () => {
    const far = minimalXlsx([{ name: 'Far', xml: sheetXml(['<row r="1000000"><c r="A1000000"><v>1</v></c></row>']) }]);
    expect((await problemOf(far)).code).toBe('tooManyRows');
    // XFD is Excel's last column and fits; one past it does not.
    const wide = minimalXlsx([{ name: 'Wide', xml: sheetXml(['<row r="1"><c r="XFE1"><v>1</v></c></row>']) }]);
    expect(await problemOf(wide)).toEqual({ code: 'tooManyColumns', detail: 'sheet Wide: cell XFE1; the limit is 16384 columns' });
    const narrow = minimalXlsx([{ name: 'Wide', xml: sheetXml(['<row r="1"><c r="F1"><v>1</v></c></row>']) }]);
    expect((await problemOf(narrow, { maxColumns: 5 })).code).toBe('tooManyColumns');
  });

  it('too many cells across the workbook', async () => {
    const cells = Array.from({ length: 30 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`);
    const xlsx = minimalXlsx([{ name: 'S', xml: sheetXml(cells) }]);
    expect((await problemOf(xlsx, { maxCells: 20 })).code).toBe('tooManyCells');
  });

  it('a workbook part that does not inflate', async () => {
    const broken = { data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), crc: 0, size: 10 };
    const xlsx = makeZip([...unzipEntries(minimalXlsx([{ name: 'S', xml: sheetXml([]) }])), { name: 'xl/styles.xml', packed: broken }]);
    expect((await problemOf(xlsx)).code).toBe('corrupt');
  });
});

/** The entries of an archive made by `minimalXlsx`, to extend it with more parts. */
function unzipEntries(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const count = view.getUint16(end + 10, true);
  const out = [];
  for (let p = view.getUint32(end + 16, true), i = 0; i < count; i++) {
    const compressed = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const local = view.getUint32(p + 42, true);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.push({
      name: new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLength)),
      packed: { data: zip.slice(dataStart, dataStart + compressed), crc: view.getUint32(p + 16, true), size: view.getUint32(p + 24, true) },
    });
    p += 46 + nameLength;
  }
  return out;
}

describe('xlsx import builds a throwaway engine before anything is stored', () => {
  const fml = (r: string, f: string, v: string) => `<c r="${r}" t="str"><f>${f}</f><v>${v}</v></c>`;

  it('a formula that breaks the engine build keeps Excel\'s value; the rest stays live', async () => {
    const xlsx = minimalXlsx([
      {
        name: 'S',
        xml: sheetXml(['<row r="1"><c r="A1"><v>2</v></c>', fml('B1', 'REPT(REPT("ab",30000),30000)', 'too long'), '<c r="C1"><f>A1*2</f><v>4</v></c></row>']),
      },
    ]);
    const r = await importXlsx(xlsx, engineImportOptions());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.notebook.sheets[0].cells).toEqual({ A1: 2, B1: 'too long', C1: '=A1*2' });
    expect(r.report.warnings).toContainEqual({ code: 'formulaKeptValue', detail: 'S!B1: =REPT(REPT("ab",30000),30000)' });
    const engine = new EngineNotebook(r.notebook);
    expect(engine.value('S', 'C1')).toBe(4);
    engine.destroy();
  });

  it('a workbook the engine cannot build even without its formulas is refused with a message', async () => {
    const xlsx = minimalXlsx([{ name: 'S', xml: sheetXml(['<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1</f><v>2</v></c></row>']) }]);
    const r = await importXlsx(xlsx, { tryBuild: () => 'the engine ran out of memory' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toEqual({ code: 'engineRefused', detail: 'the engine ran out of memory' });
  });
});
