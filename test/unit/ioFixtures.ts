/**
 * Hand-made zip archives and minimal .xlsx workbooks for the import tests: bombs, huge sheets and
 * odd names are easier to craft byte by byte than through a spreadsheet library.
 */
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { inflateEntryText, readZipDirectory } from '../../src/io/zipReader';
import type { NamedExpression, Notebook } from '../../src/model/notebook';
import { emptyNotebook } from '../../src/model/notebook';

export interface ZipInput {
  name: string;
  /** Compressed bytes with their CRC and uncompressed size (see `deflated`). */
  packed: Packed;
  /** Lie about the uncompressed size in the directory (a zip bomb that hides its size). */
  declaredSize?: number;
}

export interface Packed {
  data: Uint8Array;
  crc: number;
  size: number;
}

export function deflated(content: string | Uint8Array): Packed {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { data: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length };
}

/** Deflates generated chunks as they come, so a huge entry never sits in memory uncompressed. */
export async function deflatedStream(chunks: Iterable<string | Uint8Array>): Promise<Packed> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_SPEED });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

/** The text of one entry of an archive, read with the product's own zip reader. */
export async function entryText(bytes: Uint8Array, name: string): Promise<string> {
  const dir = readZipDirectory(bytes, Infinity);
  const entry = dir.ok ? dir.entries.find((e) => e.name === name) : undefined;
  if (!entry) throw new Error(`no ${name} in the archive`);
  const read = await inflateEntryText(bytes, entry);
  if (!read.ok) throw new Error(read.problem.detail);
  return read.text;
}

/** A plain zip archive (deflate, no data descriptors), as Excel writes one. */
export function makeZip(entries: ZipInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.packed.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.packed.crc >>> 0, 14);
    local.writeUInt32LE(e.packed.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.packed.crc >>> 0, 16);
    central.writeUInt32LE(e.packed.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.packed.data));
    centrals.push(central, name);
    offset += 30 + name.length + e.packed.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

export interface SheetPart {
  name: string;
  /** The whole worksheet XML, or its packed form for huge sheets. */
  xml: string | Packed;
}

/** The smallest .xlsx Excel and exceljs accept: content types, relationships, workbook, sheets. */
export function minimalXlsx(sheets: SheetPart[], definedNamesXml = '', extraParts: { name: string; xml: string }[] = []): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '</Types>';
  const rootRels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  const workbook =
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets>` +
    sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    `</sheets>${definedNamesXml ? `<definedNames>${definedNamesXml}</definedNames>` : ''}</workbook>`;
  const workbookRels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    '</Relationships>';
  return makeZip([
    { name: '[Content_Types].xml', packed: deflated(contentTypes) },
    { name: '_rels/.rels', packed: deflated(rootRels) },
    { name: 'xl/workbook.xml', packed: deflated(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', packed: deflated(workbookRels) },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, packed: typeof s.xml === 'string' ? deflated(s.xml) : s.xml })),
    ...extraParts.map((p) => ({ name: p.name, packed: deflated(p.xml) })),
  ]);
}

export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';

/** Worksheet XML from rows of `<c>` elements' inner parts, e.g. `[['<c r="A1"><v>1</v></c>']]`. */
export function sheetXml(cells: string[]): string {
  return SHEET_HEAD + cells.join('') + SHEET_TAIL;
}

/** An Excel table part (`xl/tables/tableN.xml`) over `ref` with the given column names. */
export function tableXml(id: number, name: string, ref: string, columns: string[], opts: { totalsRowCount?: number; headerRowCount?: number } = {}): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const counts = `${opts.totalsRowCount ? ` totalsRowCount="${opts.totalsRowCount}"` : ''}${opts.headerRowCount !== undefined ? ` headerRowCount="${opts.headerRowCount}"` : ''}`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${esc(name)}" displayName="${esc(name)}" ref="${ref}"${counts}>` +
    `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${columns.map((c, i) => `<tableColumn id="${i + 1}" name="${esc(c)}"/>`).join('')}</tableColumns></table>`
  );
}

/** The relationships part that ties a worksheet (`sheetN.xml`) to its table parts. */
export function sheetTableRels(sheetIndex: number, tableFiles: string[]): { name: string; xml: string } {
  return {
    name: `xl/worksheets/_rels/sheet${sheetIndex}.xml.rels`,
    xml:
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      tableFiles.map((f, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/${f}"/>`).join('') +
      '</Relationships>',
  };
}

/**
 * A small plan that exercises what a round trip must keep: numbers and text that looks like
 * numbers, booleans, formats, cross-sheet formulas, names (reference, formula, constant), a
 * sheet name that needs quotes, a future function (IFNA → `_xlfn.IFNA`), an error, a link stub,
 * column widths and frozen headers.
 */
export function samplePlan(): Notebook {
  const nb = emptyNotebook('Round trip', 'en');
  const names: NamedExpression[] = [
    { name: 'GROWTH', expression: '=Inputs!$B$2' },
    { name: 'BASE_TOTAL', expression: "=SUM('My Plan'!$B$1:$B$2)" },
    { name: 'TAX_RATE', expression: '=0.25' },
  ];
  nb.names = names;
  nb.sheets = [
    {
      id: 's_inputs',
      name: 'Inputs',
      cells: {
        A1: 'Revenue', B1: 1000, A2: 'Growth', B2: 0.2, A3: 'Text five', B3: '5', A4: 'Text percent', B4: '10%',
        A5: 'Flag', B5: true, B6: false, A7: 'Looks like a formula', B7: "'=1+1", A8: 'Start', B8: 45292, B9: -1234.5,
        A10: '中文标签', B10: '<script>alert(1)</script>',
      },
      formats: { B1: '#,##0', B2: '0.0%', B8: 'yyyy-mm-dd', B9: '#,##0.00;[Red]-#,##0.00' },
      colWidths: { A: 160, B: 96 },
      frozen: { rows: 1, cols: 1 },
    },
    {
      id: 's_plan',
      name: 'My Plan',
      cells: {
        A1: 'Next year', B1: '=Inputs!B1*(1+GROWTH)', A2: 'After tax', B2: '=B1*(1-TAX_RATE)',
        A3: 'Total', B3: '=BASE_TOTAL', B4: '=IF(Inputs!B5,"yes","no")', B5: '=B1/0', B6: '=IFNA(NA(),"fallback")',
        B7: '=Inputs!B3&"x"', B8: '=ISTEXT(Inputs!B4)', B9: '=EDATE(Inputs!B8,12)', B10: '=Targets!C5*2',
        B11: '=SUM(B1:B2)', B12: '=TRUE()',
      },
      formats: { B1: '#,##0.00', B9: 'yyyy-mm-dd', C1: '0%' },
    },
    { id: 's_stub', name: 'Targets', cells: { C5: 42 }, formats: {}, stub: true },
  ];
  return nb;
}

/**
 * Notebooks that once got past the reader and then could not be opened, computed, drawn or
 * exported — each a valid shape with one hostile detail. Generated here, never committed as files.
 */
export function hostileNotebooks(): { label: string; code: string; notebook: Notebook }[] {
  const base = (): Notebook => {
    const nb = emptyNotebook('Hostile', 'en');
    nb.sheets[0] = { id: 's_1', name: 'Sheet1', cells: { A1: 1, A2: '=A1*2' }, formats: {} };
    return nb;
  };
  const make = (label: string, code: string, change: (nb: Notebook) => void) => {
    const nb = base();
    change(nb);
    return { label, code, notebook: nb };
  };
  const deep = (n: number) => `=${'('.repeat(n)}1${')'.repeat(n)}`;
  return [
    make('a cell below the engine grid', 'cellOutsideGrid', (nb) => void (nb.sheets[0].cells.A9999999 = 1)),
    make('a cell right of column XFD', 'cellOutsideGrid', (nb) => void (nb.sheets[0].cells.ZZZ1 = 1)),
    make('a sheet spanning XFD1 to A200000', 'sheetTooLarge', (nb) => Object.assign(nb.sheets[0].cells, { XFD1: 1, A200000: 2 })),
    make('a name spelled like a cell', 'badName', (nb) => void nb.names.push({ name: 'A1', expression: '=1' })),
    make('a name in a script the engine does not take', 'badName', (nb) => void nb.names.push({ name: '目标', expression: '=1' })),
    make('two names equal ignoring case', 'nameTaken', (nb) => void nb.names.push({ name: 'X', expression: '=1' }, { name: 'x', expression: '=2' })),
    make('a name with a relative reference', 'nameRelative', (nb) => void nb.names.push({ name: 'REL', expression: '=Sheet1!A1' })),
    make('two sheets sharing one id', 'sheetIdTaken', (nb) => void nb.sheets.push({ id: 's_1', name: 'Other', cells: {}, formats: {} })),
    make('a quoted sheet name', 'sheetName', (nb) => void (nb.sheets[0].name = "'quoted'")),
    make('a sheet named History', 'sheetName', (nb) => void (nb.sheets[0].name = 'History')),
    make('a control character in a sheet name', 'sheetName', (nb) => void (nb.sheets[0].name = 'a\u0001b')),
    make('half a code point in a sheet name', 'sheetName', (nb) => void (nb.sheets[0].name = 'a\uD800')),
    make('101 decimals in a number format', 'badFormat', (nb) => void (nb.sheets[0].formats.A1 = `0.${'0'.repeat(101)}`)),
    make('a chart over a huge range', 'chartRange', (nb) => void nb.layout.items.push({ id: 'c1', kind: 'bar', sheet: 'Sheet1', ranges: { values: 'A1:ZZZ9999999' } })),
    make('a chart over a range of a million cells', 'chartRange', (nb) => void nb.layout.items.push({ id: 'c1', kind: 'bar', sheet: 'Sheet1', ranges: { values: 'A1:J100000' } })),
    make('a chart through a name over a huge range', 'chartRange', (nb) => {
      nb.names.push({ name: 'ALL', expression: '=Sheet1!$A$1:$Z$100000' });
      nb.layout.items.push({ id: 'c1', kind: 'line', sheet: 'Sheet1', ranges: { values: 'ALL' } });
    }),
    make('a decision at 1e300', 'badTime', (nb) => void (nb.decisions = [{ id: 'd1', at: 1e300, kind: 'edit', target: 'Sheet1!A1', old: 1, new: 2 }])),
    make('a creation time beyond the dates', 'badTime', (nb) => void (nb.createdAt = 1e300)),
    make('a scenario override outside the grid', 'badOverride', (nb) => void nb.scenarios.push({ id: 'up', name: 'Up', overrides: { 'Sheet1!A9999999': 1 } })),
    make('a scenario override without a sheet', 'badOverride', (nb) => void nb.scenarios.push({ id: 'up', name: 'Up', overrides: { A1: 1 } })),
    make('a formula longer than 8,192 characters', 'formulaTooLong', (nb) => void (nb.sheets[0].cells.B1 = `=${Array(3000).fill('A1').join('+')}`)),
    make('a formula nested 200 levels', 'formulaTooNested', (nb) => void (nb.sheets[0].cells.B1 = deep(200))),
    make('a formula nested 65 levels', 'formulaTooNested', (nb) => void (nb.sheets[0].cells.B1 = deep(65))),
    make('half a code point in a text cell', 'brokenText', (nb) => void (nb.sheets[0].cells.B1 = 'x\uDC00')),
    make('a column width beyond XFD', 'columnOutsideGrid', (nb) => void (nb.sheets[0].colWidths = { ZZZ: 80 })),
  ];
}
