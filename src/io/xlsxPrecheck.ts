/**
 * Vets an .xlsx before exceljs sees it, and decides what exceljs sees. exceljs builds an object per
 * cell and hangs or throws on some parts the model never uses, so the reader is given only the
 * parts it needs (readerArchive.ts), and exactly those parts are vetted here: declared sizes from
 * the central directory, then each needed entry inflated (stopping if it outgrows its declared
 * size), the worksheets the workbook lists counted as they stream past — rows from the cells' own
 * addresses, not the `<row r>` attribute — stopping at the first limit passed. Tables and the
 * worksheets' relationships are kept for structured references.
 */
import { columnIndex } from '../model/address';
import { xlsxProblem } from './problems';
import type { XlsxProblem } from './problems';
import { readerWorkbookRels, readerWorkbookXml, storedZip, trimWorksheetXml } from './readerArchive';
import { dataTableRanges, externalReferenceIds, parseExternalLink } from './externalLinks';
import type { ExternalBook } from './externalLinks';
import { parseTableXml } from './structuredRefs';
import type { TableInfo } from './structuredRefs';
import { parseWorkbookRels, parseWorkbookXml } from './workbookXml';
import type { WorkbookInfo } from './workbookXml';
import { inflateEntry, inflateEntryText, readZipDirectory } from './zipReader';
import type { ZipEntry } from './zipReader';

export interface XlsxLimits {
  maxFileBytes: number;
  /** Sum of the inflated sizes of all entries. */
  maxInflatedBytes: number;
  maxEntries: number;
  maxSheets: number;
  /** Per sheet; the engine's grid is this tall (ENGINE_LIMITS.maxRows in workers/engineCore.ts). */
  maxRows: number;
  /** Per sheet; the engine's grid is this wide (ENGINE_LIMITS.maxColumns). */
  maxColumns: number;
  /** All sheets together; bounds exceljs's memory (an object per cell). */
  maxCells: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
  maxSheets: 200,
  maxRows: 200_000,
  maxColumns: 16_384,
  maxCells: 1_000_000,
};

/** A vetted archive: what exceljs would lose of `xl/workbook.xml`, the tables, and the archive exceljs is to read. */
export type Vetting =
  | {
      ok: true;
      workbook: WorkbookInfo;
      tables: TableInfo[];
      /** The other workbooks this one links to, with the values Excel kept (`[1]` is index 0). */
      externalBooks: ExternalBook[];
      /** Data tables' ranges, by sheet name. */
      dataTables: Map<string, string[]>;
      readerArchive: Uint8Array;
    }
  | { ok: false; problem: XlsxProblem };

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
const TABLE = /^xl\/tables\/[^/]+\.xml$/;
const SHEET_RELS = /^xl\/worksheets\/_rels\/([^/]+)\.rels$/;

export async function precheckXlsx(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Promise<Vetting> {
  if (bytes.length > limits.maxFileBytes) {
    return xlsxProblem('tooLarge', `${bytes.length} bytes; the limit is ${limits.maxFileBytes}`);
  }
  const dir = readZipDirectory(bytes, limits.maxEntries);
  if (!dir.ok) return dir;
  const byName = new Map(dir.entries.map((e) => [e.name, e]));
  if (!byName.has(WORKBOOK)) return xlsxProblem('notWorkbook', `no ${WORKBOOK} among ${dir.entries.length} entries`);
  const declared = dir.entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxInflatedBytes) {
    return xlsxProblem('zipBomb', `${declared} bytes when unpacked; the limit is ${limits.maxInflatedBytes}`);
  }

  const texts = new Map<string, string>();
  const read = async (entry: ZipEntry): Promise<XlsxProblem | null> => {
    const r = await inflateEntryText(bytes, entry);
    if (!r.ok) return r.problem;
    texts.set(entry.name, r.text);
    return null;
  };
  // The workbook part first, so that worksheet problems can name the sheet.
  for (const name of [WORKBOOK, WORKBOOK_RELS, SHARED_STRINGS, STYLES]) {
    const entry = byName.get(name);
    const failure = entry && (await read(entry));
    if (failure) return { ok: false, problem: failure };
  }
  const workbookXml = texts.get(WORKBOOK) ?? '';
  const workbook = parseWorkbookXml(workbookXml);
  if (workbook.sheets.length === 0) return xlsxProblem('notWorkbook', `${WORKBOOK} lists no sheets`);
  if (workbook.sheets.length > limits.maxSheets) return xlsxProblem('tooManySheets', `${workbook.sheets.length} sheets; the limit is ${limits.maxSheets}`);
  const rels = parseWorkbookRels(texts.get(WORKBOOK_RELS) ?? '');
  for (const s of workbook.sheets) s.path = normalisePath(rels.get(s.relId) ?? '');

  // The worksheets the workbook lists are all the reader gets of sheets; each is counted as it streams.
  const totalCells = { count: 0 };
  const sheetTexts: (string | undefined)[] = [];
  for (const s of workbook.sheets) {
    const entry = s.path ? byName.get(s.path) : undefined;
    if (!entry) {
      sheetTexts.push(undefined);
      continue;
    }
    const counter = new SheetXmlCounter(s.name, limits, totalCells);
    const decoder = new TextDecoder();
    const chunks: string[] = [];
    const failure = await inflateEntry(bytes, entry, (chunk) => {
      const text = decoder.decode(chunk, { stream: true });
      chunks.push(text);
      return counter.feed(text);
    });
    if (failure) return { ok: false, problem: failure };
    if (counter.problem) return { ok: false, problem: counter.problem };
    chunks.push(decoder.decode());
    const xml = chunks.join('');
    // A chart sheet or a dialog sheet holds no cells: the reader never read those as worksheets.
    sheetTexts.push(/^(?:<\?[^>]*\?>|\s|<!--[\s\S]*?-->)*<(?:\w+:)?worksheet\b/.test(xml) ? xml : undefined);
  }

  // Tables, found through each worksheet's relationships.
  const tables: TableInfo[] = [];
  for (const s of workbook.sheets) {
    if (!s.path) continue;
    const slash = s.path.lastIndexOf('/');
    const relsEntry = byName.get(`${s.path.slice(0, slash)}/_rels/${s.path.slice(slash + 1)}.rels`);
    if (!relsEntry || !SHEET_RELS.test(relsEntry.name)) continue;
    const failure = await read(relsEntry);
    if (failure) return { ok: false, problem: failure };
    for (const m of (texts.get(relsEntry.name) ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*\bTarget\s*=\s*"([^"]*)"[^>]*>/g)) {
      const target = m[1].startsWith('/') ? m[1].slice(1) : normalisePath(`${s.path.slice(0, slash)}/${m[1]}`);
      const tableEntry = TABLE.test(target) ? byName.get(target) : undefined;
      if (!tableEntry) continue;
      const failed = await read(tableEntry);
      if (failed) return { ok: false, problem: failed };
      const table = parseTableXml(texts.get(tableEntry.name) ?? '');
      if (table) tables.push({ ...table, sheet: s.name });
    }
  }

  // Other workbooks' values, as Excel last read them (the external-link parts).
  const externalBooks: ExternalBook[] = [];
  for (const id of externalReferenceIds(workbookXml)) {
    const path = normalisePath(rels.get(id) ?? '');
    const entry = path ? byName.get(path) : undefined;
    if (!entry) {
      externalBooks.push({ target: '', sheets: new Map() });
      continue;
    }
    const failure = await read(entry);
    if (failure) return { ok: false, problem: failure };
    const slash = path.lastIndexOf('/');
    const relsEntry = byName.get(`${path.slice(0, slash)}/_rels/${path.slice(slash + 1)}.rels`);
    const relsFailure = relsEntry && (await read(relsEntry));
    if (relsFailure) return { ok: false, problem: relsFailure };
    const target = /\bTarget\s*=\s*"([^"]*)"/.exec((relsEntry && texts.get(relsEntry.name)) ?? '')?.[1] ?? '';
    externalBooks.push(parseExternalLink(texts.get(path) ?? '', decodeURIComponentSafe(target)));
  }
  const dataTables = new Map<string, string[]>();
  workbook.sheets.forEach((s, i) => {
    const ranges = dataTableRanges(sheetTexts[i] ?? '');
    if (ranges.length) dataTables.set(s.name, ranges);
  });

  const parts = [
    { name: WORKBOOK, text: readerWorkbookXml(workbookXml) },
    { name: WORKBOOK_RELS, text: readerWorkbookRels(workbook.sheets.length, texts.has(SHARED_STRINGS), texts.has(STYLES)) },
    ...[SHARED_STRINGS, STYLES].filter((n) => texts.has(n)).map((n) => ({ name: n, text: texts.get(n) ?? '' })),
    ...sheetTexts.flatMap((xml, i) => (xml === undefined ? [] : [{ name: `xl/worksheets/sheet${i + 1}.xml`, text: trimWorksheetXml(xml) }])),
  ];
  return { ok: true, workbook, tables, externalBooks, dataTables, readerArchive: storedZip(parts) };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `xl/worksheets/../tables/t.xml` → `xl/tables/t.xml`. */
function normalisePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/**
 * Counts `<row>` and `<c>` start tags in a worksheet's XML as it streams past, tracking rows and
 * columns from each cell's own address (a cell's `r` wins over its row's), and records a problem
 * (and asks to stop) at the first limit passed. Tags cut by a chunk boundary are carried over.
 */
class SheetXmlCounter {
  problem: XlsxProblem | null = null;
  private lastRow = 0;
  private carry = '';

  constructor(
    private readonly sheetName: string,
    private readonly limits: XlsxLimits,
    private readonly total: { count: number },
  ) {}

  feed(text: string): boolean {
    if (this.problem) return false;
    let s = this.carry + text;
    const open = s.lastIndexOf('<');
    if (open >= 0 && s.indexOf('>', open) < 0) {
      this.carry = s.slice(open);
      s = s.slice(0, open);
    } else {
      this.carry = '';
    }
    for (const m of s.matchAll(/<(?:\w+:)?(row|c)\b([^>]*)>/g)) {
      const ref = /\sr\s*=\s*["']([^"']*)["']/.exec(m[2])?.[1];
      if (m[1] === 'row') {
        this.lastRow = ref ? Number(ref) : this.lastRow + 1;
        if (!(this.lastRow <= this.limits.maxRows)) return this.fail('tooManyRows', `row ${ref ?? this.lastRow}; the limit is ${this.limits.maxRows} rows`);
        continue;
      }
      if (++this.total.count > this.limits.maxCells) return this.fail('tooManyCells', `more than ${this.limits.maxCells} cells`);
      if (!ref) continue;
      const cell = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref);
      if (!cell) continue;
      const [, letters, digits] = cell;
      if (letters.length > 3 || columnIndex(letters) >= this.limits.maxColumns) {
        return this.fail('tooManyColumns', `cell ${ref}; the limit is ${this.limits.maxColumns} columns`);
      }
      if (!(Number(digits) <= this.limits.maxRows)) return this.fail('tooManyRows', `cell ${ref}; the limit is ${this.limits.maxRows} rows`);
    }
    return true;
  }

  private fail(code: XlsxProblem['code'], detail: string): false {
    this.problem = { code, detail: `sheet ${this.sheetName}: ${detail}` };
    return false;
  }
}
